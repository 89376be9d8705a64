/**
 * Helpers of the mock's HTTP tests: a mock per spec file, a fetch wrapper that
 * returns status, headers and parsed body, and valid-looking ciphertext bodies.
 */
import { test } from '@playwright/test';
import { createCipheriv, pbkdf2Sync, randomBytes, randomInt } from 'node:crypto';
import { connect } from 'node:net';
import { fileURLToPath } from 'node:url';
import { startMock, type MockOptions, type RunningMock } from '../../mock/server.ts';

export const FIXTURES = fileURLToPath(new URL('../fixtures/mock.json', import.meta.url));

export const T = {
  admin: 'acme-admin-token',
  reader: 'acme-reader-token',
  writer: 'acme-writer-token',
  revoked: 'acme-old-token',
  globex: 'globex-admin-token',
  multi: 'erin-user-token',
  tiny: 'tiny-admin-token',
} as const;

export interface Answer {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined when the body is not JSON. */
  body: any;
  text: string;
}

export interface CallOptions {
  token?: string;
  body?: unknown;
  /** Sent as is instead of JSON.stringify(body). */
  raw?: string;
  headers?: Record<string, string>;
}

/** Calls `base + path` and reads the whole answer. */
export async function call(base: string, method: string, path: string, options: CallOptions = {}): Promise<Answer> {
  const headers: Record<string, string> = { ...options.headers };
  if (options.token) headers['Authorization'] = `Bearer ${options.token}`;
  let body: string | undefined = options.raw;
  if (body === undefined && options.body !== undefined) body = JSON.stringify(options.body);
  if (body !== undefined) headers['Content-Type'] ??= 'application/json';
  const res = await fetch(base + path, { method, headers, body });
  const text = await res.text();
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    parsed = undefined;
  }
  return { status: res.status, headers: res.headers, body: parsed, text };
}

/** A client bound to one mock (its URL, or a function that reads it when called): `api.get('/secrets', {token})`. */
export function client(base: string | (() => string)) {
  const url = () => (typeof base == 'string' ? base : base());
  return {
    get: (path: string, o?: CallOptions) => call(url(), 'GET', path, o),
    post: (path: string, o?: CallOptions) => call(url(), 'POST', path, o),
    del: (path: string, o?: CallOptions) => call(url(), 'DELETE', path, o),
    reset: () => call(url(), 'POST', '/_mock/reset'),
    /** Moves the mock's clock forward. */
    advance: (hours: number) => call(url(), 'POST', '/_mock/clock', { body: { advance_hours: hours } }),
  };
}
export type Client = ReturnType<typeof client>;

/**
 * One mock for the spec file that calls it: started before its tests (on a
 * free port, with `fixtures`), reset before each test, closed after them.
 * `mock` and `api` may be kept at the top of the file: they read the running
 * mock when used.
 */
export function useMock(fixtures: MockOptions['fixtures'] = FIXTURES): { mock: RunningMock; api: Client } {
  let running: RunningMock | undefined;
  const mock: RunningMock = {
    get url() {
      return running!.url;
    },
    get origin() {
      return running!.origin;
    },
    close: () => running!.close(),
  };
  const api = client(() => mock.url);
  test.beforeAll(async () => {
    running = await startMock({ port: 0, fixtures });
  });
  test.afterAll(() => mock.close());
  test.beforeEach(() => api.reset());
  return { mock, api };
}

/**
 * Sends `parts` as they are over a new socket to the mock's `origin` and
 * resolves to everything it answered (until it closes). With `end: false` the
 * socket is not half-closed after the last part, as a client that still waits
 * for its answer does; with `closeAfter` (ms) the client then goes away.
 */
export const rawHttp = (origin: string, parts: Array<string | Buffer>, { end = true, closeAfter = 0 } = {}): Promise<string> => new Promise((done) => {
  const socket = connect(+new URL(origin).port, '127.0.0.1', () => {
    for (const p of parts) socket.write(p);
    if (end) socket.end();
    if (closeAfter) setTimeout(() => socket.destroy(), closeAfter);
  });
  let answer = '';
  socket.on('data', (d) => (answer += d)).on('close', () => done(answer)).on('error', () => done(answer));
});

export const b64 = (bytes: number): string => randomBytes(bytes).toString('base64');

/** A body POST /secrets accepts: 1 to 255 characters of "ciphertext" (plus the tag), iv, salt, keyA. */
export function secretBody(extra: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    content: b64(16 + 20),
    iv: b64(12),
    salt: b64(16),
    key: 'AbCd1234',
    expiration_hours: 24,
    maximum_views: 1,
    ...extra,
  };
}

/** A body POST /public/requests/{token}/respond accepts: a secret body whose lifetime comes from the request. */
export const respondBody = (extra: Record<string, unknown> = {}): Record<string, unknown> => {
  const { expiration_hours: _h, maximum_views: _v, ...rest } = secretBody();
  return { ...rest, ...extra };
};

/** The UTC day (YYYY-MM-DD) of a time in ms. */
export const day = (ms: number): string => new Date(ms).toISOString().slice(0, 10);

/** An attachment object of `size` plaintext bytes. */
export const attachment = (name: string, size: number, withIv = true): Record<string, unknown> => ({
  name,
  data: b64(size + 16),
  ...(withIv ? { iv: b64(12) } : {}),
  size,
});

/** Creates a secret and returns its slug. */
export async function createSecret(api: Client, token: string = T.admin, extra: Record<string, unknown> = {}): Promise<string> {
  const res = await api.post('/secrets', { token, body: secretBody(extra) });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
  return res.body.data.slug;
}

/**
 * Encrypts as PROTOCOL.md's crypto section says (PBKDF2-SHA-256 10,000 ->
 * AES-256-GCM, tag appended), so a browser test can open the result with
 * the real library: the body for POST /secrets (without lifetime) and keyB.
 */
export function seal(plaintext: string, files: Array<{ name: string; bytes: Buffer }> = []): { body: Record<string, unknown>; keyB: string } {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const k = Array.from({ length: 32 }, () => alphabet[randomInt(alphabet.length)]).join('');
  const salt = randomBytes(16);
  const key = pbkdf2Sync(k, salt, 10_000, 32, 'sha256');
  const encrypt = (data: Buffer, iv: Buffer): string => {
    const c = createCipheriv('aes-256-gcm', key, iv);
    return Buffer.concat([c.update(data), c.final(), c.getAuthTag()]).toString('base64');
  };
  const iv = randomBytes(12);
  const attachments = files.map((f) => {
    const fileIv = randomBytes(12);
    return { name: f.name, data: encrypt(f.bytes, fileIv), iv: fileIv.toString('base64'), size: f.bytes.length };
  });
  const body: Record<string, unknown> = {
    content: encrypt(Buffer.from(plaintext, 'utf8'), iv), iv: iv.toString('base64'), salt: salt.toString('base64'), key: k.slice(0, 8),
  };
  if (attachments.length) Object.assign(body, { attachments, attachments_total_size: attachments.reduce((n, a) => n + a.size, 0) });
  return { body, keyB: k.slice(8) };
}
