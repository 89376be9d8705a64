import { AttachmentError, AuthenticationError, CLASSES, NetworkError, NotFoundError, PermissionError, RateLimitError, SharokeyError, TimeoutError, ValidationError } from '../errors.ts';
import type { Options, WithSignal } from '../types.ts';
import { randomKey } from '../crypto/keys.ts';
import { isText } from '../validate.ts';

/** The resolved configuration a transport works with; `signal`, when set, is every call's default. */
export type Config = Options & { apiUrl: string; timeout: number; retries: number; signal?: AbortSignal | null | undefined; anonymous?: boolean };

/** The message of a call made with no token set (and of test()'s configuration check). */
export const NO_TOKEN = 'No token: call config({ token }) or give getToken';

/** The configuration for a route that takes no token: none is asked for (getToken) or sent. */
export const anonymous = (cfg: Config): Config => ({ ...cfg, anonymous: true });

/** The success envelope. `data` is shaped by each API area (internal, never in the public types). */
export interface Envelope {
  success: true;
  data: any; // eslint-disable-line @typescript-eslint/no-explicit-any
  pagination?: unknown;
  meta?: { pagination?: unknown };
}

const BY_STATUS: Record<number, typeof SharokeyError> = {
  400: ValidationError, 401: AuthenticationError, 403: PermissionError, 404: NotFoundError,
  408: TimeoutError, 413: AttachmentError, 422: ValidationError, 429: RateLimitError,
};

/**
 * The class of a failed answer, always a subclass (API.md): by `error.code`
 * first (a class whose own code it is; then, below 500, a recipient gate or
 * PAYLOAD_TOO_LARGE), by HTTP status second (any 5xx is a NetworkError, so it
 * is retried where safe; any other 4xx a ValidationError: the server refused
 * the request as sent; an answer that failed with another status is not the
 * contract's, a NetworkError). An answer that is not our JSON (a proxy's HTML
 * page) is a NetworkError unless its status is 408 or 429.
 */
const classOf = (status: number, code?: string): typeof SharokeyError =>
  code == null ? (status == 408 || status == 429 ? BY_STATUS[status]! : NetworkError)
  : CLASSES.find((C) => C != SharokeyError && C.prototype.code == code)
    ?? (status > 499 ? NetworkError : /^((PASSWORD|OTP|CAPTCHA)_REQUIRED|INVALID_(PASSWORD|OTP))$/.test(code) ? PermissionError : code == 'PAYLOAD_TOO_LARGE' ? AttachmentError
      : BY_STATUS[status] ?? (status > 399 ? ValidationError : NetworkError));

/**
 * A body's JSON text, as a Blob of parts when it holds long strings: the
 * whole text, 13 MB at the limit, is then never built as one string, which
 * halves the time and the heap of a 10 MB create (docs/measured.md). The
 * parts join to exactly JSON.stringify(body): only an attachment's `data` is
 * pasted as it is, base64 of our own making, which JSON does not escape (a
 * name, however long, is escaped as JSON.stringify escapes it). A null
 * field is left out: an option given as null is not given (the checks pass
 * it), and a server may refuse null where PROTOCOL.md says "string, optional".
 */
export const json = (body: unknown): string | Blob => {
  const big: string[] = [];
  const mark = randomKey(24);
  // Each value as it is, never what its toJSON() makes of it: Prototype.js 1.6's Array.prototype.toJSON
  // made the attachments a string, which the server refused as "must be an array".
  const text = JSON.stringify(body, function (this: Record<string, unknown>, k) {
    const v = this[k] as string;
    return k == 'data' && v.length > 65536 ? mark + (big.push(v) - 1) + mark : v ?? undefined;
  });
  return big.length ? new Blob(text.split(mark).map((part, i) => (i % 2 ? big[+part]! : part))) : text;
};

/**
 * A link the server named (a share or request page), resolved against `base`:
 * http(s) only. A page may put it in an `href`, where a `javascript:` or
 * `data:` link would run the server's script. Throws a TypeError, as `new URL`
 * does, which the client turns into a NetworkError (client.ts).
 */
export const webUrl = (url: unknown, base?: string): URL => {
  const u = new URL(url as string, base);
  if (!/^https?:$/.test(u.protocol)) throw TypeError();
  return u;
};

/**
 * `p`; or undefined once `ms` have passed; or the signal's reason
 * as soon as it aborts. Whichever comes first, the timer is cleared and the
 * listener removed, also when `p` never settles (one signal may serve a
 * page's every call, and a page's process should not wait on a timer of a
 * call that is over).
 */
const unlessAborted = <T>(p: Promise<T>, signal: AbortSignal | null | undefined, ms: number): Promise<T | undefined> => {
  let stop: () => void, timer: Parameters<typeof clearTimeout>[0];
  return new Promise<T | undefined>((ok, no) => {
    stop = () => no(signal!.reason);
    timer = setTimeout(ok, ms);
    if (signal?.aborted) stop();
    signal?.addEventListener('abort', stop);
    p.then(ok, no);
  }).finally(() => {
    clearTimeout(timer);
    signal?.removeEventListener('abort', stop);
  });
};

/** One attempt: fetch with a timeout and the caller's signal, then read the envelope. */
const attempt = async (cfg: Config, path: string, method?: string, user?: AbortSignal | null, token?: string, body?: string | Blob): Promise<Envelope> => {
  const where = ` (${method ?? 'GET'} ${path.split('?')[0]}`;
  const ctl = new AbortController();
  user?.throwIfAborted();
  const abort = () => ctl.abort(user!.reason);
  user?.addEventListener('abort', abort);
  const timer = setTimeout(() => ctl.abort(), cfg.timeout);
  const headers: Record<string, string> = {};
  if (body) headers['Content-Type'] = 'application/json';
  if (token) {
    headers.Authorization = 'Bearer ' + token;
    if (cfg.company) headers['X-Sharokey-Company'] = cfg.company;
  }
  let res: Response, json;
  try {
    // No redirect is followed: a 307 would send a POST's body (ciphertext, keyA, a password) to
    // whatever host the server names, and take that host's answer for the API's. 'manual', not
    // 'error': the redirect is then an answer that is not the API's (a NetworkError below), and
    // Node 20's fetch with 'error' stops ending a body read on abort after a garbage collection
    // (nodejs/node#55428: a stalled body held the call, and its connection, for ever).
    // On no prototype: fetch reads the members its options inherit, and a page's
    // Object.prototype.credentials sent its cookies, .referrerPolicy its address, .mode failed every call.
    res = await fetch(cfg.apiUrl + path, { __proto__: null, method, signal: ctl.signal, headers, body, redirect: 'manual' } as RequestInit);
    json = await res.text();
  } catch (cause) {
    if (user?.aborted) throw user.reason;
    throw ctl.signal.aborted
      ? new TimeoutError(`No answer within ${cfg.timeout} ms${where})`, { cause })
      : new NetworkError(`The server could not be reached${where}): check apiUrl, the network and CORS`, { cause });
  } finally {
    clearTimeout(timer);
    user?.removeEventListener('abort', abort);
  }
  try {
    json = JSON.parse(json);
  } catch {
    json = 0; // reported without the page
  }
  if (res.ok && json?.success === true) return json;
  const e = json?.error ?? {};
  const status = res.status;
  const after = res.headers.get('Retry-After');
  const C = classOf(status, json ? e.code ?? '' : undefined);
  // Status 0 is a redirect a browser did not follow ('opaqueredirect'; Node gives its 3xx), most
  // often of an http:// apiUrl to https://.
  throw new C((json ? e.message ?? 'Request failed' : status ? 'The server did not answer with JSON' : 'The server redirected: check apiUrl') + where + ': ' + status + ')', {
    status,
    ...(e.code && { code: e.code }),
    ...(e.details && { details: e.details }),
    // delta-seconds or an HTTP date, on a 429 and on any other answer that says when to come back (503, RFC 9110)
    ...(after && { retryAfter: Math.max(0, Math.ceil(+after >= 0 ? +after : (Date.parse(after) - Date.now()) / 1e3)) || 0 }),
  });
};

/**
 * Sends one API call and resolves to its envelope. GET and DELETE are retried
 * on no answer, 408, 429 and 5xx, and on an answer that is not the
 * contract's JSON (a proxy's page, a cut body: no usable answer), which are
 * all NetworkErrors; POST only on 429, where the server refused it and no
 * duplicate can arise.
 * `timeout` bounds each attempt; a GET or DELETE that ran out of it is tried
 * again (API.md: "no answer"). The backoff is 250 ms, doubled each time, at
 * most 8 s and at most `timeout` (so a short `timeout` still gets all its
 * `retries`); a server's Retry-After (on a 429, a 503 or any retried answer)
 * is honoured instead, but one longer than `timeout` is handed back at once
 * (as the RateLimitError or NetworkError it came with, `retryAfter` set). `o` is the caller's (checked) options, of
 * which only `signal` is read (the client's when none); `method` is GET when
 * absent; `data` is the JSON body. A token is needed unless `cfg` is
 * `anonymous(cfg)`.
 */
export const request = async (cfg: Config, path: string, o?: WithSignal | null, method?: 'POST' | 'DELETE', data?: object): Promise<Envelope> => {
  const signal = o?.signal ?? cfg.signal;
  signal?.throwIfAborted();
  let token;
  if (!cfg.anonymous) {
    try {
      // A getToken that hangs (its backend down) holds a call no longer than `timeout`, nor once
      // its caller aborted; no token by then is no token.
      token = cfg.getToken ? await unlessAborted((async () => cfg.getToken!())(), signal, cfg.timeout) : cfg.token;
    } catch (cause) {
      signal?.throwIfAborted();
      throw new AuthenticationError('getToken() failed', { cause });
    }
    if (!isText(token) || !token) throw new AuthenticationError(cfg.getToken ? `getToken() must give a non-empty string within ${cfg.timeout} ms` : NO_TOKEN);
  }
  const body = data && json(data);
  for (let n = 0; ; n++) {
    try {
      return await attempt(cfg, path, method, signal, token, body);
    } catch (e) {
      const after = (e as RateLimitError)?.retryAfter! * 1e3; // (e: a caller's abort reason, null too)
      if (n >= cfg.retries || after > cfg.timeout || !(e instanceof RateLimitError || (method != 'POST' && e instanceof NetworkError))) throw e;
      // (A promise that never settles: the wait is the timer's alone, cleared on an abort.)
      await unlessAborted(new Promise(() => {}), signal, after || Math.min(250 << n, 8e3, cfg.timeout));
    }
  }
};
