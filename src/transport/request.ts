import {
  AttachmentError, AuthenticationError, NetworkError, NotFoundError, PermissionError,
  QuotaExceededError, RateLimitError, SharokeyError, TimeoutError, ValidationError,
} from '../errors.ts';
import type { Options } from '../types.ts';

/** The resolved configuration a transport works with. */
export type Config = Required<Pick<Options, 'apiUrl' | 'timeout' | 'retries'>> & Omit<Options, 'apiUrl' | 'timeout' | 'retries'>;

export interface Call {
  method?: 'GET' | 'POST' | 'DELETE';
  body?: unknown;
  signal?: AbortSignal;
  /** false for /health and the recipient routes. */
  auth?: boolean;
}

/** The success envelope. */
export interface Envelope {
  success: true;
  // Shaped by each API area; internal, never in the public types.
  data: any;
  pagination?: unknown;
  meta?: unknown;
}

const BY_CODE: Record<string, typeof SharokeyError> = {
  AUTHENTICATION_ERROR: AuthenticationError,
  PERMISSION_DENIED: PermissionError,
  PASSWORD_REQUIRED: PermissionError,
  INVALID_PASSWORD: PermissionError,
  OTP_REQUIRED: PermissionError,
  INVALID_OTP: PermissionError,
  CAPTCHA_REQUIRED: PermissionError,
  NOT_FOUND: NotFoundError,
  QUOTA_EXCEEDED: QuotaExceededError,
  RATE_LIMIT_EXCEEDED: RateLimitError,
  VALIDATION_ERROR: ValidationError,
  PAYLOAD_TOO_LARGE: AttachmentError,
};

const BY_STATUS: Record<number, typeof SharokeyError> = {
  400: ValidationError, 401: AuthenticationError, 403: PermissionError, 404: NotFoundError,
  408: TimeoutError, 413: AttachmentError, 422: ValidationError, 429: RateLimitError,
};

/** Seconds from a Retry-After header (delta-seconds or an HTTP date). */
const retryAfter = (h: string | null): number | undefined => {
  if (!h) return;
  const s = +h >= 0 ? +h : (Date.parse(h) - Date.now()) / 1e3;
  return s >= 0 ? Math.ceil(s) : undefined;
};

/** Maps an answer that is not a success to its error class: by code, then by status. */
const toError = (res: Response, json: any, where: string): SharokeyError => {
  const e = json?.error;
  const s = res.status;
  // A body that is not our JSON (a proxy's HTML page) is a network fault, whatever it says.
  const C = !e ? (s == 429 || s == 408 ? BY_STATUS[s] : NetworkError) : BY_CODE[e.code] ?? (s >= 500 ? NetworkError : BY_STATUS[s] ?? SharokeyError);
  return new C!(`${typeof e?.message == 'string' ? e.message : e ? 'Request failed' : 'The server did not answer with JSON'} (${where}: ${s})`, {
    status: s,
    ...(e?.code && { code: e.code }),
    ...(e?.details && { details: e.details }),
    ...(s == 429 && { retryAfter: retryAfter(res.headers.get('Retry-After')) }),
  });
};

/** One attempt: fetch with a timeout and the caller's signal, then parse the envelope. */
const attempt = async (cfg: Config, path: string, c: Call, token?: string): Promise<Envelope> => {
  const method = c.method ?? 'GET';
  const where = method + ' ' + path.split('?')[0];
  const ctl = new AbortController();
  const user = c.signal;
  const abort = () => ctl.abort(user!.reason);
  user?.addEventListener('abort', abort);
  const timer = setTimeout(() => ctl.abort(), cfg.timeout);
  let res: Response, text: string;
  try {
    res = await fetch(cfg.apiUrl + path, {
      method,
      signal: ctl.signal,
      headers: {
        Accept: 'application/json',
        ...(c.body !== undefined && { 'Content-Type': 'application/json' }),
        ...(token && { Authorization: 'Bearer ' + token }),
        ...(cfg.company && { 'X-Sharokey-Company': cfg.company }),
      },
      body: c.body === undefined ? undefined : JSON.stringify(c.body),
    });
    text = await res.text();
  } catch (cause) {
    if (user?.aborted) throw user.reason;
    throw ctl.signal.aborted
      ? new TimeoutError(`No answer within ${cfg.timeout} ms (${where})`, { cause })
      : new NetworkError(`The server could not be reached (${where}); check apiUrl, the network and CORS`, { cause });
  } finally {
    clearTimeout(timer);
    user?.removeEventListener('abort', abort);
  }
  let json;
  try {
    json = JSON.parse(text);
  } catch {
    // json stays undefined: toError reports it without the page.
  }
  if (res.ok && json?.success === true) return json;
  throw toError(res, json, where);
};

const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    const t = setTimeout(resolve, ms);
    signal?.addEventListener('abort', () => (clearTimeout(t), reject(signal.reason)), { once: true });
  });

/**
 * Sends one API call and resolves to its envelope. GET and DELETE are retried
 * on no answer, 408, 429 and 5xx; POST only on 429, where the server refused
 * it and no duplicate can arise. The wait honours Retry-After, but never
 * exceeds `timeout`: a longer one is given back to the caller as RateLimitError.
 */
export const request = async (cfg: Config, path: string, c: Call = {}): Promise<Envelope> => {
  c.signal?.throwIfAborted();
  let token: string | undefined;
  if (c.auth !== false) {
    try {
      token = cfg.getToken ? await cfg.getToken() : cfg.token;
    } catch (cause) {
      throw new AuthenticationError('getToken() failed', { cause });
    }
    if (!token || typeof token != 'string') throw new AuthenticationError('No token: call Sharokey.config({ token }) or give getToken');
  }
  for (let n = 0; ; n++) {
    try {
      return await attempt(cfg, path, c, token);
    } catch (e) {
      // A timeout of ours (status 0) is not retried: the caller's time bound is spent.
      const again = e instanceof RateLimitError || (c.method != 'POST' && e instanceof NetworkError && !(e instanceof TimeoutError && !e.status));
      const wait = (e as RateLimitError).retryAfter! * 1e3 || 250 * 2 ** n;
      if (n >= cfg.retries || !again || wait > cfg.timeout) throw e;
      await sleep(wait, c.signal);
    }
  }
};
