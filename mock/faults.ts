/**
 * Injected faults (POST /_mock/fault): the next matching request gets a
 * broken answer instead of its normal one, so a client's error handling can
 * be tested: an HTML 502, a truncated JSON, a reset, a stall, a 429.
 */
import { validateHeaderName, validateHeaderValue, type ServerResponse } from 'node:http';
import { CORS_HEADERS } from './http.ts';
import { Fields } from './fields.ts';

export interface Fault {
  id: number;
  /** Substring of the path (with query) to match; any when null. */
  path: string | null;
  /** Upper-case method to match; any but OPTIONS when null. */
  method: string | null;
  status: number;
  body: string;
  contentType: string;
  headers: Record<string, string>;
  /** Requests still to hit. */
  times: number;
  delayMs: number;
  /** Destroy the socket (after writing half the body when `truncate`). */
  reset: boolean;
  /** Send only the first half of the body. */
  truncate: boolean;
  /** Announce the whole body, send its first half, then send nothing more and keep the connection open. */
  hold: boolean;
}

const MAX_DELAY_MS = 10 * 60_000;
/** A fault's body: 1 Mi characters, so that 100 queued faults stay small. */
const MAX_BODY_CHARS = 1024 * 1024;
const CODES: Record<number, string> = { 401: 'AUTHENTICATION_ERROR', 403: 'PERMISSION_DENIED', 404: 'NOT_FOUND', 413: 'PAYLOAD_TOO_LARGE', 422: 'VALIDATION_ERROR', 429: 'RATE_LIMIT_EXCEEDED' };

/** Checks a POST /_mock/fault body (422 naming bad fields) and fills defaults. */
export function parseFault(body: Record<string, unknown>, id: number): Fault {
  const f = new Fields(body);
  const path = f.text('path', 2000);
  const method = f.text('method', 16);
  const status = f.int('status', 200, 599, 500)!;
  const times = f.int('times', 1, 1_000_000, 1)!;
  const delayMs = f.int('delay_ms', 0, MAX_DELAY_MS, 0)!;
  const contentType = f.text('contentType', 200);
  const rawBody = body['body'];
  if (rawBody !== undefined && rawBody !== null && typeof rawBody !== 'string') f.fail('body', 'The body must be raw text (a string).');
  else if (typeof rawBody === 'string' && rawBody.length > MAX_BODY_CHARS) f.fail('body', `The body must be at most ${MAX_BODY_CHARS} characters.`);
  const headers = body['headers'];
  if (headers !== undefined && (typeof headers !== 'object' || headers === null || Array.isArray(headers) || !Object.entries(headers).every(([k, v]) => sendable(k, v)))) {
    f.fail('headers', 'The headers must be an object of strings that HTTP can carry (a token name, no line breaks).');
  }
  if (contentType !== null && !sendable('Content-Type', contentType)) f.fail('contentType', 'The contentType must be a header value HTTP can carry (no line breaks).');
  for (const flag of ['reset', 'truncate', 'hold']) {
    if (body[flag] !== undefined && typeof body[flag] !== 'boolean') f.fail(flag, `The ${flag} must be true or false.`);
  }
  if (body['hold'] === true && (body['reset'] === true || body['truncate'] === true)) f.fail('hold', 'The hold sends half the body and stops: give it without reset or truncate.');
  f.done();
  const text = typeof rawBody === 'string' ? rawBody : defaultBody(status);
  return {
    id, path, method: method?.toUpperCase() ?? null, status, times, delayMs,
    body: text,
    contentType: contentType ?? guessType(text),
    headers: (headers as Record<string, string> | undefined) ?? {},
    reset: body['reset'] === true,
    truncate: body['truncate'] === true,
    hold: body['hold'] === true,
  };
}

/** Whether Node can write this header: checked here, so a delayed answer never throws later. */
function sendable(name: string, value: unknown): boolean {
  // Framing headers are the mock's to write (Trailer makes writeHead throw).
  if (typeof value !== 'string' || /^(trailer|transfer-encoding|content-length|connection)$/i.test(name)) return false;
  try {
    validateHeaderName(name);
    validateHeaderValue(name, value);
    return true;
  } catch {
    return false;
  }
}

function defaultBody(status: number): string {
  if (status < 400) return JSON.stringify({ success: true, message: 'Injected by /_mock/fault', data: null });
  const code = CODES[status] ?? (status >= 500 ? 'SERVER_ERROR' : 'ERROR');
  return JSON.stringify({ success: false, error: { code, message: `Injected fault (HTTP ${status})` } });
}

function guessType(body: string): string {
  const start = body.trimStart()[0];
  if (start === '<') return 'text/html; charset=utf-8';
  if (start === '{' || start === '[') return 'application/json; charset=utf-8';
  return 'text/plain; charset=utf-8';
}

/** A fault as GET /_mock/fault shows it: the field names of the request body. */
export function faultView(f: Fault): Record<string, unknown> {
  return {
    id: f.id, path: f.path, method: f.method, status: f.status, body: f.body, contentType: f.contentType,
    headers: f.headers, times: f.times, delay_ms: f.delayMs, reset: f.reset, truncate: f.truncate, hold: f.hold,
  };
}

/** Whether a fault applies to this request. Preflights only match a fault that names OPTIONS. */
export function matches(fault: Fault, method: string, path: string): boolean {
  if (fault.method ? fault.method !== method : method === 'OPTIONS') return false;
  return fault.path === null || path.includes(fault.path);
}

/** Runs `run` in `ms`, on a timer the server clears when it closes. */
export type Later = (run: () => void, ms: number) => void;

/** Answers with the fault, after its delay (on the server's timer, `later`). */
export function playFault(fault: Fault, res: ServerResponse, later: Later): void {
  const act = (): void => {
    try {
      answer();
    } catch {
      // What was checked when it was queued should write; if not, cut the connection rather than the process.
      res.socket?.destroy();
    }
  };
  const answer = (): void => {
    if (res.destroyed) return;
    if (fault.reset && !fault.truncate) return void res.socket?.destroy();
    const bytes = Buffer.from(fault.body);
    const sent = fault.truncate || fault.hold ? bytes.subarray(0, Math.floor(bytes.length / 2)) : bytes;
    res.writeHead(fault.status, {
      ...CORS_HEADERS,
      'Cache-Control': 'no-store',
      'Content-Type': fault.contentType,
      ...fault.headers,
      // Whatever the body, it runs nothing if a browser is sent to it: a fault is queued without a
      // token, from any origin, and this origin serves the viewer.
      'Content-Security-Policy': "sandbox; default-src 'none'",
      'X-Content-Type-Options': 'nosniff',
      // With reset (or hold), announce the whole body and cut the connection (or stall) mid-way.
      'Content-Length': String(fault.reset || fault.hold ? bytes.length : sent.length),
    });
    // A body that stalls: the connection stays open until the client gives up (or the mock stops).
    if (fault.hold) res.write(sent);
    else if (fault.reset) {
      res.write(sent, () => res.socket?.destroy());
    } else {
      res.end(sent);
    }
  };
  if (fault.delayMs > 0) later(act, fault.delayMs);
  else act();
}
