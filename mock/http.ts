/**
 * The wire format of the mock: the envelope, errors as data, CORS, and body
 * reading with a size limit. Nothing here knows about secrets.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';

/** The version `/health` reports. */
export const MOCK_VERSION = '1.0.0-mock';

/** Largest request body the mock reads (16 MiB); above it: 413. */
export const BODY_LIMIT = 16 * 1024 * 1024;

/** Bytes discarded after an oversized body before the socket is cut. */
const DRAIN_LIMIT = 64 * 1024 * 1024;

export type Details = Record<string, string[]>;

/** A failure that becomes an error envelope. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly details?: Details,
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

/** What a handler answers: a JSON envelope, or raw bytes for pages. */
export interface Reply {
  status: number;
  headers?: Record<string, string>;
  /** JSON body (serialised as is); ignored when `raw` is set. */
  body?: unknown;
  raw?: string | Buffer;
}

/** `{success: true, message, data, ...extra}` (extra: pagination, meta). */
export function ok(data: unknown, message: string, extra: Record<string, unknown> = {}, status = 200): Reply {
  return { status, body: { success: true, message, data, ...extra } };
}

/** The error envelope of an ApiError. */
export function errorReply(error: ApiError): Reply {
  const body: { code: string; message: string; details?: Details } = { code: error.code, message: error.message };
  if (error.details && Object.keys(error.details).length > 0) body.details = error.details;
  return { status: error.status, headers: error.headers, body: { success: false, error: body } };
}

export const notFound = (what = 'Resource'): ApiError => new ApiError(404, 'NOT_FOUND', `${what} not found or expired`);

/** 422 with one message per bad field. */
export const invalid = (details: Details): ApiError => {
  const first = Object.values(details)[0]?.[0] ?? 'The given data was invalid';
  return new ApiError(422, 'VALIDATION_ERROR', first, details);
};

/** Headers every answer carries, errors and pages included. */
export const CORS_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Origin': '*',
  'Access-Control-Expose-Headers': 'Retry-After, X-RateLimit-Remaining, X-RateLimit-Limit',
};

/** Extra headers of a preflight answer. */
export const PREFLIGHT_HEADERS: Readonly<Record<string, string>> = {
  'Access-Control-Allow-Methods': 'GET, POST, DELETE, OPTIONS',
  // The two a test sets to stand for a client's address and country (PROTOCOL.md: X-Forwarded-For, CF-IPCountry).
  'Access-Control-Allow-Headers': 'Authorization, Content-Type, X-Sharokey-Company, X-Forwarded-For, CF-IPCountry',
  'Access-Control-Max-Age': '600',
};

/** Writes a reply with CORS and no-cache headers. */
export function send(res: ServerResponse, reply: Reply): void {
  if (res.headersSent || res.destroyed) return;
  const base = { ...CORS_HEADERS, 'Cache-Control': 'no-store', 'X-Content-Type-Options': 'nosniff' };
  if (reply.status === 204) {
    // No body, so no Content-Type or Content-Length either (RFC 9110).
    res.writeHead(204, { ...base, ...reply.headers });
    res.end();
    return;
  }
  const isRaw = reply.raw !== undefined;
  const payload = isRaw ? reply.raw! : JSON.stringify(reply.body ?? null);
  res.writeHead(reply.status, {
    ...base,
    ...(isRaw ? {} : { 'Content-Type': 'application/json; charset=utf-8' }),
    ...reply.headers,
    'Content-Length': String(Buffer.byteLength(payload)),
  });
  res.end(payload);
}

/**
 * Reads the whole body, or resolves `null` as soon as it is over `limit`
 * bytes (at once from `Content-Length`), so the 413 goes out early. The rest
 * of an oversized body keeps being drained and dropped (see `linger`); past
 * DRAIN_LIMIT the socket is cut. `'aborted'`: the client went away (or the
 * server's request timeout cut it) before the body was whole.
 */
export function readBody(req: IncomingMessage, limit = BODY_LIMIT): Promise<Buffer | null | 'aborted'> {
  return new Promise((resolve) => {
    const chunks: Buffer[] = [];
    let size = 0;
    const over = (): boolean => size > limit || Number(req.headers['content-length']) > limit;
    if (over()) resolve(null);
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit + DRAIN_LIMIT) req.socket.destroy();
      else if (over()) {
        chunks.length = 0;
        resolve(null);
      } else chunks.push(chunk);
    });
    req.on('end', () => resolve(over() ? null : Buffer.concat(chunks)));
    req.on('error', () => resolve('aborted'));
  });
}

/** How long a closing connection keeps draining a client's unread bytes at most. */
const LINGER_MS = 30_000;

/**
 * Before answering a request whose body is still arriving (a 413): close the
 * connection in stages once the answer is written (RFC 9112, 9.6), where Node
 * would destroy it with the client's bytes unread; that resets the
 * connection, and the reset can destroy the answer before the client reads
 * it. Here the answer says `Connection: close` and is followed by a FIN; the
 * rest of the body is read and dropped (readBody) until the client closes
 * its side, for LINGER_MS at most.
 */
export function linger(req: IncomingMessage, res: ServerResponse): void {
  if (req.complete) return;
  const socket = req.socket;
  res.shouldKeepAlive = false;
  // What Node calls once the last answer on the connection is written.
  socket.destroySoon = () => {
    const done = (): void => void socket.destroy();
    socket.end();
    if (socket.readableEnded) return done();
    socket.once('end', done);
    setTimeout(done, LINGER_MS).unref();
  };
}

// ignoreBOM keeps a leading U+FEFF, so a body that starts with one is not JSON (400), as before.
const UTF8 = new TextDecoder('utf-8', { fatal: true, ignoreBOM: true });

/** A body's text, or `null` when its bytes are not UTF-8 (PROTOCOL.md: JSON in, UTF-8). */
export function utf8(bytes: Buffer): string | null {
  try {
    return UTF8.decode(bytes);
  } catch {
    return null;
  }
}

/**
 * Whether a parsed JSON value holds a lone surrogate in a string or a key (\p{Cs}: a pair is
 * one code point, not Cs). Walked with a list, not by recursion: a body nested 100,000 deep
 * is valid JSON, and would overflow the stack (a 500).
 */
const lone = (value: unknown): boolean => {
  const todo = [value];
  while (todo.length > 0) {
    const v = todo.pop();
    if (typeof v === 'string') {
      if (/\p{Cs}/u.test(v)) return true;
    } else if (v !== null && typeof v === 'object') {
      for (const [k, x] of Object.entries(v)) todo.push(k, x);
    }
  }
  return false;
};

/** Parses a JSON body that must be an object: 400 if not JSON, 422 if not an object. Empty is `{}`. */
export function parseObject(text: string): Record<string, unknown> {
  if (text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw new ApiError(400, 'VALIDATION_ERROR', 'The request body is not valid JSON');
  }
  // `"\ud800"` is valid JSON of ASCII bytes, but no Unicode text: refused as bytes that are not UTF-8 are.
  if (/\\u[dD][89a-fA-F]/.test(text) && lone(value)) throw new ApiError(400, 'VALIDATION_ERROR', 'The request body holds a lone surrogate (a \\u escape): it is not Unicode text');
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw new ApiError(422, 'VALIDATION_ERROR', 'The request body must be a JSON object', {
      body: ['The request body must be a JSON object'],
    });
  }
  return value as Record<string, unknown>;
}
