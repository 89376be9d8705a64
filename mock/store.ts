/**
 * The in-memory data of the mock: secrets, secret requests, the outbox, and
 * the mock clock that decides what has expired. No I/O here.
 */
import { randomAlnum } from './ids.ts';

export const HOUR = 3_600_000;

/** The protection the server applies: only the highest one asked for. */
export type Security = 'none' | 'captcha' | 'password' | 'otp_email' | 'otp_phone';

export interface StoredAttachment {
  name: string;
  /** Plaintext bytes. */
  size: number;
  /** Ciphertext (base64); null once the secret is deleted or used up. */
  data: string | null;
  /** Per-file iv (base64); null for files made by the official script. */
  iv: string | null;
}

export interface SecretRecord {
  slug: string;
  companyId: string;
  creator: string;
  description: string | null;
  message: string | null;
  /** Ciphertext, iv, salt and keyA: null once deleted or used up. */
  content: string | null;
  iv: string | null;
  salt: string | null;
  key: string | null;
  attachments: StoredAttachment[];
  expiresInHours: number;
  maximumViews: number;
  currentViews: number;
  /** Epoch ms on the mock clock. */
  expiration: number;
  createdAt: number;
  updatedAt: number;
  deleted: boolean;
  security: Security;
  /** SHA-256 (hex) of the access password; the mock keeps no password. */
  passwordHash: string | null;
  otpReceiver: string | null;
  ipWhitelist: string | null;
  geolocation: string | null;
  /** Pending one-time codes and when each expires (mock clock). */
  otpCodes: Map<string, number>;
  /** Creation order, to sort equal timestamps. */
  seq: number;
}

export interface RequestRecord {
  token: string;
  companyId: string;
  creator: string;
  message: string | null;
  description: string | null;
  emailTo: string | null;
  emailReply: string | null;
  locale: 'en' | 'fr';
  secretExpirationHours: number;
  requestExpirationHours: number;
  maximumViews: number;
  publicKey: string | null;
  expiration: number;
  createdAt: number;
  updatedAt: number;
  deleted: boolean;
  completedAt: number | null;
  secretSlug: string | null;
  secretUrl: string | null;
  sealedKey: string | null;
  seq: number;
}

/** An e-mail, SMS or one-time code the mock "sent". */
export type OutboxEntry = Record<string, unknown> & { type: string; created_at: string };
/** How many outbox messages are kept: the oldest go first. */
export const OUTBOX_LIMIT = 5000;

/** ISO 8601 of an epoch-ms time. */
export const iso = (ms: number): string => new Date(ms).toISOString();

/**
 * UTC midnight of a calendar day, in ms, or null when the day does not exist
 * (2030-02-30). setUTCFullYear, not Date.UTC: that reads years 0 to 99 as 1900 to 1999.
 */
export function utcDay(year: number, month: number, day: number): number | null {
  const d = new Date(0);
  d.setUTCFullYear(year, month - 1, day);
  // Read back whole: a day that does not exist rolls over, and a year 0 to 99 misread shows too.
  return d.getUTCFullYear() === year && d.getUTCMonth() === month - 1 && d.getUTCDate() === day ? d.getTime() : null;
}

export class Store {
  readonly secrets = new Map<string, SecretRecord>();
  readonly requests = new Map<string, RequestRecord>();
  readonly outbox: OutboxEntry[] = [];
  private offsetMs = 0;
  private seq = 0;
  /** The instant a request is handled at (see `at`), or null between requests. */
  private frozen: number | null = null;

  /** The mock clock: real time plus the advances asked for; one instant while a request is handled. */
  now(): number {
    return this.frozen ?? Date.now() + this.offsetMs;
  }

  /**
   * Runs `handle` at one instant: every reading of the clock in it is the same, so that an
   * answer never applies the status rule twice with two results (a `?status=active` list whose
   * item expired between the filter and its `status` field).
   */
  at<T>(handle: () => T): T {
    this.frozen = this.now();
    try {
      return handle();
    } finally {
      this.frozen = null;
    }
  }

  /** Moves the mock clock forward (fractions allowed); what it expires loses its ciphertext. */
  advance(hours: number): void {
    this.offsetMs += hours * HOUR;
    if (this.frozen !== null) this.frozen += hours * HOUR;
    this.sweep();
  }

  /** Wipes every secret that can no longer be opened and still holds its ciphertext, so memory stays bounded by the live ones. */
  sweep(): void {
    for (const s of this.secrets.values()) if (s.content !== null && this.secretStatus(s) === 'expired') this.wipe(s);
  }

  nextSeq(): number {
    return ++this.seq;
  }

  /** Writes a message to the outbox, which keeps the latest OUTBOX_LIMIT (memory stays bounded). */
  send(entry: OutboxEntry): void {
    if (this.outbox.push(entry) > OUTBOX_LIMIT) this.outbox.splice(0, this.outbox.length - OUTBOX_LIMIT);
  }

  /** Forgets everything and puts the clock back. */
  reset(): void {
    this.secrets.clear();
    this.requests.clear();
    this.outbox.length = 0;
    this.offsetMs = 0;
    if (this.frozen !== null) this.frozen = Date.now();
  }

  /** A fresh 8-character slug (slugs are global: `/s/{slug}` has no company). */
  newSlug(): string {
    for (;;) {
      const slug = randomAlnum(8);
      if (!this.secrets.has(slug)) return slug;
    }
  }

  newRequestToken(): string {
    for (;;) {
      const token = randomAlnum(32);
      if (!this.requests.has(token)) return token;
    }
  }

  /** PROTOCOL's status rule. */
  secretStatus(s: SecretRecord): 'active' | 'expired' {
    return !s.deleted && s.expiration > this.now() && s.currentViews < s.maximumViews ? 'active' : 'expired';
  }

  /** Deleted wins, then completed, then the request's own expiry. */
  requestStatus(r: RequestRecord): 'active' | 'completed' | 'expired' {
    if (r.deleted) return 'expired';
    if (r.completedAt !== null) return 'completed';
    return r.expiration > this.now() ? 'active' : 'expired';
  }

  /** A secret of this company (or of any company when companyId is omitted). */
  secret(slug: string, companyId?: string): SecretRecord | undefined {
    const s = this.secrets.get(slug);
    return s && (companyId === undefined || s.companyId === companyId) ? s : undefined;
  }

  request(token: string, companyId?: string): RequestRecord | undefined {
    const r = this.requests.get(token);
    return r && (companyId === undefined || r.companyId === companyId) ? r : undefined;
  }

  /** A company's secrets, newest first. */
  secretsOf(companyId: string): SecretRecord[] {
    return [...this.secrets.values()].filter((s) => s.companyId === companyId).sort((a, b) => b.seq - a.seq);
  }

  requestsOf(companyId: string): RequestRecord[] {
    return [...this.requests.values()].filter((r) => r.companyId === companyId).sort((a, b) => b.seq - a.seq);
  }

  activeSecretCount(companyId: string): number {
    return this.secretsOf(companyId).filter((s) => this.secretStatus(s) === 'active').length;
  }

  /** Drops the ciphertext of a secret that can no longer be opened. */
  wipe(s: SecretRecord): void {
    s.content = s.iv = s.salt = s.key = null;
    for (const a of s.attachments) a.data = a.iv = null;
    s.otpCodes.clear();
  }
}
