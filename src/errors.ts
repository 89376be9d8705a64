/**
 * Every rejection of the library is a SharokeyError: data first (`code`,
 * `status`, `details`, `cause`), a message that a person can act on, and never
 * a token, keyB, password or plaintext in the library's own words. Two
 * exceptions: a caller's abort rejects with the signal's reason, and an error
 * the page itself throws while its options are read (a getter) rejects as it
 * is. A server's own `error.message` is passed on as it came.
 */

/** Field name -> messages, as the server's `error.details`. */
export type ErrorDetails = Record<string, string[]>;

export interface ErrorInit {
  code?: string;
  status?: number;
  details?: ErrorDetails;
  cause?: unknown;
  retryAfter?: number;
}

// Symbol.for is shared by every realm, so the brand survives frames.
const BRAND = Symbol.for('sharokey.error');

/** Base class of every error. `status` is 0 when no HTTP answer was involved. */
export class SharokeyError extends Error {
  /** The server's `error.code`, or the class's own (`VALIDATION_ERROR`, `NETWORK_ERROR`...). */
  declare code: string;
  /** The HTTP status, or 0 when no answer was involved (input refused before sending, no answer). */
  declare status: number;
  /** Field name -> messages: each bad field of a ValidationError (the server's, or the library's own). */
  declare details?: ErrorDetails;
  /** What caused it (a fetch failure, a WebCrypto error...), when anything did. */
  declare cause?: unknown;
  /** Seconds, when the failed answer sent `Retry-After` (a 429's always does; any other may). */
  declare retryAfter?: number;
  constructor(message: string, init: ErrorInit = {}) {
    super(message, init);
    Object.assign(this, init);
  }
}
/** 401: unknown, revoked or expired token; status 0 when none is set, or `getToken()` fails or gives none. */
export class AuthenticationError extends SharokeyError {}
/** 403: missing scope, refused company, or a recipient gate (see `code`). */
export class PermissionError extends SharokeyError {}
/**
 * 404: unknown, expired, exhausted or another company's slug or token; status 0 from
 * `openRequest()` (REQUEST_PENDING, REQUEST_CLOSED) and `respond()` (NO_PUBLIC_KEY).
 */
export class NotFoundError extends SharokeyError {}
/** 403 QUOTA_EXCEEDED: the plan's active-secret limit is reached. */
export class QuotaExceededError extends SharokeyError {}
/** 429: too many requests; `retryAfter` is in seconds when the server said. */
export class RateLimitError extends SharokeyError {}
/** Invalid input, found before sending (status 0) or by the server (422/400, or another 4xx that no class names). */
export class ValidationError extends SharokeyError {}
/** Too many files, too large in all, an empty or unnamed file, one that cannot be read, or the server's 413. */
export class AttachmentError extends ValidationError {}
/**
 * No answer, an answer that is not JSON, a 5xx, or a failed answer whose
 * status no class names; `retryAfter` is in seconds when the server said
 * (a 503 with Retry-After).
 */
export class NetworkError extends SharokeyError {}
/** The request took longer than `timeout` (or the server answered 408). */
export class TimeoutError extends NetworkError {}
/** Decryption failed: wrong key, or the data was tampered with; also `respond()`'s KEY_MISMATCH (nothing sent). */
export class CryptoError extends SharokeyError {}

/**
 * What an answer not shaped as PROTOCOL.md says breaks where it is read (a
 * TypeError or a RangeError: `success: true` and no data, a list that is not
 * one) as a NetworkError; any other error as it is, unless `server` says the
 * server's answer is what it found wrong.
 * @internal (not in the published types, nor exported by the ES module)
 */
export const shaped = (e: unknown, server?: 1): unknown =>
  server || e instanceof TypeError || e instanceof RangeError ? new NetworkError("The server's answer is not the protocol's", { cause: e }) : e;

/**
 * Every class, in the order of NAMES; the transport maps server codes with it.
 * @internal (not in the published types, nor exported by the ES module)
 */
export const CLASSES = [SharokeyError, AuthenticationError, PermissionError, NotFoundError, QuotaExceededError, RateLimitError, ValidationError, AttachmentError, NetworkError, TimeoutError, CryptoError];
// name (+ "Error") and default code of each class: the name in upper snake case, then what follows it
// (SharokeyError's is ERROR); the codes of the server's classes are its own.
const NAMES = 'Sharokey Authentication_ERROR Permission_DENIED NotFound QuotaExceeded RateLimit_EXCEEDED Validation_ERROR Attachment_ERROR Network_ERROR Timeout Crypto_ERROR';
NAMES.split(' ').map((n, i) => {
  const name = n.split('_')[0] + 'Error';
  const code = i ? n.replace(/([a-z])([A-Z])/g, '$1_$2').toUpperCase() : 'ERROR';
  const C = CLASSES[i]!;
  // details and cause are there (undefined) even when an error has none: API.md lists them on every error.
  Object.assign(C.prototype, { code, status: 0, details: undefined, cause: undefined });
  // The name defined, on the class (minifying takes its own away) and on its prototype, writable
  // (a page's subclass sets its own, `this.name = ...`): assigned, it threw on a page that froze
  // Error.prototype (a hardened page, SES's lockdown), and the script did not load. The descriptor
  // on no prototype: a page's Object.prototype.get (or .set) would make it an accessor's, and throw.
  for (const o of [C, C.prototype]) Object.defineProperty(o, 'name', { __proto__: null, value: name, writable: true } as PropertyDescriptor);
});
// Set, not assigned with Object.assign: an old polyfill of it (for...in) copies no symbol key.
(SharokeyError.prototype as unknown as Record<symbol, number>)[BRAND] = 1;

/**
 * Tells a Sharokey error apart, also one thrown in another frame, where
 * `instanceof` fails.
 * @example if (Sharokey.isSharokeyError(e) && e.code === 'NOT_FOUND') ...
 */
export const isSharokeyError = (e: unknown): e is SharokeyError => !!e && (e as Record<symbol, unknown>)[BRAND] === 1;
