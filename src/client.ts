import { CLASSES, isSharokeyError, shaped } from './errors.ts';
import type {
  AttachmentError, AuthenticationError, CryptoError, NetworkError, NotFoundError, PermissionError,
  QuotaExceededError, RateLimitError, SharokeyError, TimeoutError, ValidationError,
} from './errors.ts';
import { is, isText, int, object, text, validate } from './validate.ts';
import type { Config } from './transport/request.ts';
import type {
  ConfigView, CreatedRequest, CreatedSecret, CreateOptions, Health, ListFilters, OpenedRequest, Options, OtpSent, Page, Range, RequestFilters, RequestOptions, RequestStats,
  Responded, RespondOptions, Revealed, RevealOptions, SecretDetails, SecretItem, SecretRequest, SecretStats, StatsAnalysis, StatsInput, TestReport, TokenStats, WithSignal,
} from './types.ts';
// In this order (requests first, diagnostics last), the bundle's modules gzip smallest.
import { createRequest, deleteRequest, getRequest, listRequests, openRequest, requestStats, respond } from './api/requests.ts';
import { create, deleteSecret, getDetails, listSecrets } from './api/secrets.ts';
import { reveal, sendOtp } from './api/reveal.ts';
import { getStats, getTokenStats } from './api/stats.ts';
import { analyzeStats } from './api/analyze.ts';
import { health, test, testConnection } from './api/diagnostics.ts';

declare const __VERSION__: string;

/** The production API. */
export const DEFAULT_API_URL = 'https://api.sharokey.com/api/v1';

/** A client: its configuration bound to every method. `Sharokey` is one. */
export interface Client {
  /** The library's version. */
  readonly version: string;
  /**
   * Changes this client's settings (only the keys given; a key given as undefined or null goes
   * back to its default, so `config({ token: undefined })` forgets the token) and returns it.
   * Throws ValidationError on a bad value.
   * @example Sharokey.config({ token: 'your-token' })
   */
  config(options?: Options): Client;
  /** The settings, with `hasToken` instead of the token (and `company` when one is set). */
  getConfig(): ConfigView;
  /** A new, independent client (default settings, then `options`). */
  createClient(options?: Options): Client;
  /**
   * Encrypts `content` (1..255 characters) and its attachments here, and stores the ciphertext for
   * `hours` (1..8760, default 24) and `views` (1..1000, default 1). Resolves with `share_url`
   * (keyB in its fragment) and the `security` applied. Rejects with ValidationError or
   * AttachmentError before sending anything when the input is bad; a retry never makes two.
   * @example const { share_url } = await Sharokey.create('db password: hunter2', 24, 1, { password: 'orange' });
   */
  create(content: string, hours?: number, views?: number, options?: CreateOptions): Promise<CreatedSecret>;
  /**
   * The company's secrets, newest first: `{ items, pagination }`, one page of them (walk `page` up to
   * `pagination.last_page` for all).
   * @example const { items } = await Sharokey.list({ status: 'active', limit: 10 });
   */
  list(filters?: ListFilters): Promise<Page<SecretItem>>;
  /** A secret's metadata (never its content); NotFoundError when unknown or another company's. */
  getDetails(slug: string, options?: WithSignal): Promise<SecretDetails>;
  /** Alias of getDetails. */
  get(slug: string, options?: WithSignal): Promise<SecretDetails>;
  /** Expires a secret now and clears its content; resolves to true, also when it was already deleted. */
  delete(slug: string, options?: WithSignal): Promise<true>;
  /**
   * The company's statistics object, optionally for secrets created between `from` and `to`
   * (Date or YYYY-MM-DD, UTC days, inclusive).
   * @example (await Sharokey.getStats()).active_secrets
   */
  getStats(range?: Range): Promise<SecretStats>;
  /** Alias of getStats. */
  stats(range?: Range): Promise<SecretStats>;
  /** Token usage of the company (needs the stats scope): counts and a 4-character hint per token, never a token. */
  getTokenStats(options?: WithSignal): Promise<TokenStats>;
  /**
   * Rates, activity and recommendations of a statistics object (or of the API's whole answer);
   * no network. A rate whose fields are missing, or with zero secrets, is null. Throws
   * ValidationError when a field is there but is not a number of 0 or more (or its decimal text).
   */
  analyzeStats(stats: StatsInput): StatsAnalysis;
  /**
   * Opens a share link as its recipient and consumes one view; talks to the configured apiUrl.
   * Rejects with PermissionError (code PASSWORD_REQUIRED, OTP_REQUIRED...), NotFoundError when
   * the secret is gone, CryptoError when the link's key does not open it.
   * @example const { content, attachments } = await Sharokey.reveal(location.href, { password });
   */
  reveal(shareUrl: string, options?: RevealOptions): Promise<Revealed>;
  /**
   * Has the server send a secret's one-time code to its receiver (no token, no view used);
   * then call reveal() with `otp`. NotFoundError when the secret is gone.
   * @example await Sharokey.sendOtp(location.href);
   */
  sendOtp(shareUrl: string, options?: WithSignal): Promise<OtpSent>;
  /**
   * Asks someone for a secret. Resolves with `url` (for the responder) and `inbox_url` (yours:
   * its fragment holds the private key that opens the answer; it is never sent).
   * @example const { url, inbox_url } = await Sharokey.createRequest({ message: 'VPN password?', emailTo: 'ops@example.com' });
   */
  createRequest(options?: RequestOptions): Promise<CreatedRequest>;
  /** The company's secret requests, newest first: `{ items, pagination }` (one page, as `list()`). */
  listRequests(filters?: RequestFilters): Promise<Page<SecretRequest>>;
  /** One request by its token. */
  getRequest(token: string, options?: WithSignal): Promise<SecretRequest>;
  /** Expires (cancels) a request; resolves to true. */
  deleteRequest(token: string, options?: WithSignal): Promise<true>;
  /** Counts of the company's requests, optionally for a date range. */
  requestStats(range?: Range): Promise<RequestStats>;
  /**
   * Answers a request as the responder (no token needed): encrypts here and seals keyB to the
   * requester's public key; the server sees neither the plaintext nor keyB.
   * @example await Sharokey.respond(location.href, 'the VPN password');
   */
  respond(requestUrl: string, content: string, options?: RespondOptions): Promise<Responded>;
  /**
   * Opens the answer to your request from its `inbox_url` (one view). NotFoundError with code
   * REQUEST_PENDING while it is open and unanswered, REQUEST_CLOSED once no answer will ever open
   * (expired, cancelled, or answered without a sealed key or the public key it was sealed to); once its views are used, NotFoundError
   * NOT_FOUND (404); CryptoError when the link's key does not open it. `password`, `otp` and
   * `captchaToken` are `reveal()`'s, for an answer its responder protected.
   */
  openRequest(inboxUrl: string, options?: RevealOptions): Promise<OpenedRequest>;
  /** The server's health, `{ status, version }` (no token needed). */
  health(options?: WithSignal): Promise<Health>;
  /**
   * Six checks (configuration, network, authentication, read access, write access, statistics);
   * rejects only on bad options or the caller's abort. Each failed check says what to do. The
   * write check creates a 1-hour, 1-view secret and deletes it at once (its metadata stays,
   * expired, and counts in getStats()).
   * @example const { passed, total, details } = await Sharokey.test();
   */
  test(options?: WithSignal): Promise<TestReport>;
  /**
   * True when the server answers and knows the token (a 403, for a scope it lacks or a company it
   * is not of, still counts: `test()` tells which); rejects only on bad options or the caller's abort.
   */
  testConnection(options?: WithSignal): Promise<boolean>;
  /** Tells a Sharokey error apart, also across frames. */
  isSharokeyError: typeof isSharokeyError;
  SharokeyError: typeof SharokeyError;
  AuthenticationError: typeof AuthenticationError;
  PermissionError: typeof PermissionError;
  NotFoundError: typeof NotFoundError;
  QuotaExceededError: typeof QuotaExceededError;
  RateLimitError: typeof RateLimitError;
  ValidationError: typeof ValidationError;
  AttachmentError: typeof AttachmentError;
  NetworkError: typeof NetworkError;
  TimeoutError: typeof TimeoutError;
  CryptoError: typeof CryptoError;
}

// Every setting an own key, also when unset, so that no copy of the settings ever reads one a
// page added to Object.prototype (a `company` or a `token` of its own).
const DEFAULTS = { apiUrl: DEFAULT_API_URL, timeout: 30_000, retries: 2, token: undefined, getToken: undefined, company: undefined, signal: undefined, anonymous: undefined };
// The settings' checks; the loop of config() reads their names.
const CONFIG = {
  token: text([1, 4096]),
  getToken: is('function'),
  apiUrl: (v: unknown) => (isText(v) && /^https?:\/\/[^/]/.test(v) ? '' : 'must be an http(s) URL'),
  timeout: int([1, 36e5]),
  retries: int([0, 10]),
  company: text([1, 255]),
};

// Every network method takes the client's configuration first.
const METHODS = {
  create, list: listSecrets, getDetails, delete: deleteSecret, getStats, getTokenStats, reveal, sendOtp,
  createRequest, listRequests, getRequest, deleteRequest, requestStats, respond, openRequest, health, test, testConnection,
};

/**
 * Makes an independent client with its own settings.
 * @example const other = Sharokey.createClient({ apiUrl: 'https://sharokey.example/api/v1', token });
 */
export const createClient = (options: Options = {}): Client => {
  const cfg: Config = { ...DEFAULTS };
  const client = {
    // Every error class by its name (set on each class and prototype in errors.ts).
    ...Object.fromEntries(CLASSES.map((C) => [C.name, C])),
    isSharokeyError,
    version: __VERSION__,
    analyzeStats,
    createClient,
    config(o: Options = {}) {
      validate({ ...o, options: o }, { options: object, ...CONFIG });
      // Only the known keys, and only the object's own: nothing else (no __proto__, nothing a page
      // added to Object.prototype) reaches the settings.
      for (const k in CONFIG) if (Object.hasOwn(o, k)) (cfg as unknown as Record<string, unknown>)[k] = o[k as keyof Options] ?? DEFAULTS[k as keyof typeof DEFAULTS];
      cfg.apiUrl = cfg.apiUrl.replace(/\/+$/, '');
      return client;
    },
    getConfig: (): ConfigView => ({ apiUrl: cfg.apiUrl, timeout: cfg.timeout, retries: cfg.retries, hasToken: !!(cfg.token || cfg.getToken), ...(cfg.company && { company: cfg.company }) }),
  } as unknown as Client;
  // Each method, bound to this client:
  // - it takes the settings as they are when the call is made ({ ...cfg }): config() changed while
  //   it runs (or between its retries) never sends one account's token to another apiUrl;
  // - an options object is read through a copy of its own keys, on no prototype (own): an option
  //   name a page added to Object.prototype, `description` or `password`, is never the caller's;
  // - an answer not shaped as PROTOCOL.md says (`success: true` and no data, a list that is not
  //   one) fails where it is read, with a TypeError (or a RangeError): a NetworkError here, so that
  //   every rejection is a SharokeyError (API.md); a caller's abort keeps its reason, whatever it is.
  // - it never throws: the promise's executor reads the arguments when the call is made, and what
  //   reading them throws (a page's getter, a revoked Proxy) rejects it, as it is: the page's own error.
  for (const [name, fn] of Object.entries(METHODS)) {
    const own = (x: unknown) => (Object.getPrototypeOf(x ?? 0) == Object.prototype ? Object.assign(Object.create(null), x) : x);
    (client as unknown as Record<string, unknown>)[name] = (...a: unknown[]) => {
      let c: unknown[] | undefined;
      return new Promise((ok) => ok((fn as (...x: unknown[]) => Promise<unknown>)({ ...cfg }, ...(c = a.map(own))))).catch((cause) => {
        throw !c || c.some((x) => (x as WithSignal)?.signal?.reason === cause) ? cause : shaped(cause);
      });
    };
  }
  // The aliases are the very same functions (`Sharokey.get === Sharokey.getDetails`).
  client.get = client.getDetails;
  client.stats = client.getStats;
  return client.config(options);
};
