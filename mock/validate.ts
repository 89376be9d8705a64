/**
 * Server-side checks of a secret body (POST /secrets and a responder's
 * POST /public/requests/{token}/respond). The server sees only ciphertext,
 * so it bounds sizes in bytes and checks shapes; it cannot check content.
 */
import { LIMITS } from '../src/limits.ts';
import { countryCode } from './countries.ts';
import { Fields, base64Bytes, codePoints, isEmail } from './fields.ts';
import { notPublic, parseRange } from './ip.ts';
import type { Security, StoredAttachment } from './store.ts';

/** AES-GCM appends a 16-byte tag to every ciphertext. */
const TAG = 16;
/** A code point is at most 4 UTF-8 bytes. */
const MAX_CONTENT_BYTES = LIMITS.content[1] * 4 + TAG;

export interface SecretInput {
  content: string;
  iv: string;
  salt: string;
  key: string;
  /** Null when the caller supplies them (a request's limits). */
  expirationHours: number | null;
  maximumViews: number | null;
  description: string | null;
  message: string | null;
  security: Security;
  password: string | null;
  otpReceiver: string | null;
  ipWhitelist: string | null;
  geolocation: string | null;
  attachments: StoredAttachment[];
}

/**
 * Checks a secret body; throws a 422 naming every bad field. With
 * `lifetime: false`, expiration_hours and maximum_views are not read;
 * `extra` checks more fields into the same 422.
 */
export function validateSecret(body: Record<string, unknown>, options: { lifetime?: boolean; extra?: (f: Fields) => void } = {}): SecretInput {
  const lifetime = options.lifetime ?? true;
  const f = new Fields(body);
  // Only the upper bound is PROTOCOL.md's: a real ciphertext has at least 17 bytes, but a
  // probe with stand-in bytes is not refused for being short.
  const content = f.base64('content', true, (n) => n >= 1 && n <= MAX_CONTENT_BYTES,
    `a ciphertext of 1 to ${MAX_CONTENT_BYTES} bytes (at most ${LIMITS.content[1]} characters plus the 16-byte tag)`);
  const iv = f.base64('iv', true, (n) => n === 12, '12 bytes');
  const salt = f.base64('salt', true, (n) => n === 16, '16 bytes');
  const key = keyA(f);
  const expirationHours = lifetime ? f.int('expiration_hours', LIMITS.hours[0], LIMITS.hours[1]) : null;
  const maximumViews = lifetime ? f.int('maximum_views', LIMITS.views[0], LIMITS.views[1]) : null;
  const description = f.text('description', LIMITS.text);
  const message = f.text('message', LIMITS.text);
  const password = f.text('password', LIMITS.password[1], LIMITS.password[0]);
  const captcha = captchaFlag(f);
  const otp = otpFields(f);
  const ipWhitelist = whitelist(f);
  const geolocation = countries(f);
  const attachments = attachmentList(f);
  options.extra?.(f);
  f.done();

  const security: Security = otp ? (otp.type === 'phone' ? 'otp_phone' : 'otp_email') : password ? 'password' : captcha ? 'captcha' : 'none';
  return {
    content: content!, iv: iv!, salt: salt!, key: key!,
    expirationHours, maximumViews, description, message, security,
    password: security === 'password' ? password : null,
    otpReceiver: otp ? otp.receiver : null,
    ipWhitelist, geolocation, attachments,
  };
}

function keyA(f: Fields): string | null {
  if (!f.given('key')) return f.fail('key', 'The key field is required.'), null;
  const v = f.raw('key');
  if (typeof v !== 'string' || !/^[A-Za-z0-9]{8}$/.test(v)) return f.fail('key', 'The key must be 8 characters of [A-Za-z0-9].'), null;
  return v;
}

function captchaFlag(f: Fields): boolean {
  const v = f.raw('captcha');
  if (!f.given('captcha')) return false;
  if (typeof v !== 'boolean') return f.fail('captcha', 'The captcha must be true or false.'), false;
  return v;
}

function otpFields(f: Fields): { type: 'email' | 'phone'; receiver: string } | null {
  const type = f.raw('otp_type');
  if (!f.given('otp_type')) {
    if (f.given('otp_receiver')) f.fail('otp_type', 'The otp_type field is required when otp_receiver is present.');
    return null;
  }
  if (type !== 'email' && type !== 'phone') return f.fail('otp_type', 'The otp_type must be "email" or "phone".'), null;
  const receiver = f.raw('otp_receiver');
  if (!f.given('otp_receiver')) return f.fail('otp_receiver', 'The otp_receiver field is required when otp_type is present.'), null;
  const good = typeof receiver === 'string' && (type === 'email' ? isEmail(receiver) : /^\+\d{8,15}$/.test(receiver));
  if (!good) {
    f.fail('otp_receiver', type === 'email' ? 'The otp_receiver must be a valid e-mail address.' : 'The otp_receiver must be an international number: + then 8 to 15 digits.');
    return null;
  }
  return { type, receiver: receiver as string };
}

function whitelist(f: Fields): string | null {
  const v = f.text('ip_whitelist', LIMITS.list);
  if (v === null) return null;
  for (const entry of v.split(',').map((e) => e.trim())) {
    const range = parseRange(entry);
    if (!range) return f.fail('ip_whitelist', `"${entry}" is not an IP address or CIDR range.`), null;
    const why = notPublic(range);
    if (why) return f.fail('ip_whitelist', `"${entry}" is not a public address (${why}).`), null;
  }
  return v.split(',').map((e) => e.trim()).join(',');
}

function countries(f: Fields): string | null {
  const v = f.text('geolocation', LIMITS.list);
  if (v === null) return null;
  // Any case, stored in capitals (the library sends capitals; "fr" is still France).
  const codes = v.split(',').map((c) => c.trim());
  const bad = codes.find((c) => countryCode(c) === null);
  if (bad !== undefined) return f.fail('geolocation', `"${bad}" is not an ISO 3166-1 alpha-2 country code.`), null;
  return codes.map(countryCode).join(',');
}

function attachmentList(f: Fields): StoredAttachment[] {
  const list = f.raw('attachments');
  const declared = f.raw('attachments_total_size');
  if (f.given('attachments_total_size') && (typeof declared !== 'number' || !Number.isInteger(declared) || declared < 0)) {
    f.fail('attachments_total_size', 'The attachments_total_size must be a whole number of bytes.');
  }
  if (!f.given('attachments')) {
    if (typeof declared === 'number' && declared > 0) f.fail('attachments_total_size', 'The attachments_total_size must equal the sum of the attachment sizes.');
    return [];
  }
  if (!Array.isArray(list)) return f.fail('attachments', 'The attachments must be an array.'), [];
  if (list.length > LIMITS.files) return f.fail('attachments', `At most ${LIMITS.files} attachments are allowed.`), [];
  const out: StoredAttachment[] = [];
  list.forEach((item: unknown, i) => {
    const a = attachment(f, item, `attachments.${i}`);
    if (a) out.push(a);
  });
  const total = out.reduce((sum, a) => sum + a.size, 0);
  if (total > LIMITS.bytes) f.fail('attachments', `The attachments may not exceed ${LIMITS.bytes} bytes in all.`);
  if (typeof declared === 'number' && out.length === list.length && declared !== total) {
    f.fail('attachments_total_size', 'The attachments_total_size must equal the sum of the attachment sizes.');
  }
  return out;
}

function attachment(f: Fields, item: unknown, at: string): StoredAttachment | null {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return f.fail(at, 'Each attachment must be an object {name, data, iv, size}.'), null;
  const { name, data, iv, size } = item as Record<string, unknown>;
  let good = true;
  const bad = (field: string, message: string): void => {
    f.fail(`${at}.${field}`, message);
    good = false;
  };
  if (typeof name !== 'string' || name === '' || codePoints(name) > LIMITS.text) bad('name', `The name must be 1 to ${LIMITS.text} characters.`);
  const sizeOk = typeof size === 'number' && Number.isInteger(size) && size >= 0;
  if (!sizeOk) bad('size', 'The size must be a whole number of bytes.');
  const dataBytes = typeof data === 'string' ? base64Bytes(data) : null;
  if (dataBytes === null) bad('data', 'The data must be base64 (standard alphabet, padded).');
  // Never more than the declared size and its tag, so the 10 MB bound on sizes bounds the data.
  else if (sizeOk && dataBytes > (size as number) + TAG) bad('data', 'The data must be at most the size plus the 16-byte tag once decoded.');
  if (iv !== undefined && iv !== null && (typeof iv !== 'string' || base64Bytes(iv) !== 12)) bad('iv', 'The iv must be 12 bytes of base64.');
  if (!good) return null;
  return { name: name as string, size: size as number, data: data as string, iv: typeof iv === 'string' ? iv : null };
}
