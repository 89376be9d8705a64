// Types of the Sharokey drop-in script v1.0.0.
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
/** Base class of every error. `status` is 0 when no HTTP answer was involved. */
export declare class SharokeyError extends Error {
    /** The server's `error.code`, or the class's own (`VALIDATION_ERROR`, `NETWORK_ERROR`...). */
    code: string;
    /** The HTTP status, or 0 when no answer was involved (input refused before sending, no answer). */
    status: number;
    /** Field name -> messages: each bad field of a ValidationError (the server's, or the library's own). */
    details?: ErrorDetails;
    /** What caused it (a fetch failure, a WebCrypto error...), when anything did. */
    cause?: unknown;
    /** Seconds, when the failed answer sent `Retry-After` (a 429's always does; any other may). */
    retryAfter?: number;
    constructor(message: string, init?: ErrorInit);
}
/** 401: unknown, revoked or expired token; status 0 when none is set, or `getToken()` fails or gives none. */
export declare class AuthenticationError extends SharokeyError {
}
/** 403: missing scope, refused company, or a recipient gate (see `code`). */
export declare class PermissionError extends SharokeyError {
}
/**
 * 404: unknown, expired, exhausted or another company's slug or token; status 0 from
 * `openRequest()` (REQUEST_PENDING, REQUEST_CLOSED) and `respond()` (NO_PUBLIC_KEY).
 */
export declare class NotFoundError extends SharokeyError {
}
/** 403 QUOTA_EXCEEDED: the plan's active-secret limit is reached. */
export declare class QuotaExceededError extends SharokeyError {
}
/** 429: too many requests; `retryAfter` is in seconds when the server said. */
export declare class RateLimitError extends SharokeyError {
}
/** Invalid input, found before sending (status 0) or by the server (422/400, or another 4xx that no class names). */
export declare class ValidationError extends SharokeyError {
}
/** Too many files, too large in all, an empty or unnamed file, one that cannot be read, or the server's 413. */
export declare class AttachmentError extends ValidationError {
}
/**
 * No answer, an answer that is not JSON, a 5xx, or a failed answer whose
 * status no class names; `retryAfter` is in seconds when the server said
 * (a 503 with Retry-After).
 */
export declare class NetworkError extends SharokeyError {
}
/** The request took longer than `timeout` (or the server answered 408). */
export declare class TimeoutError extends NetworkError {
}
/** Decryption failed: wrong key, or the data was tampered with; also `respond()`'s KEY_MISMATCH (nothing sent). */
export declare class CryptoError extends SharokeyError {
}
/**
 * Tells a Sharokey error apart, also one thrown in another frame, where
 * `instanceof` fails.
 * @example if (Sharokey.isSharokeyError(e) && e.code === 'NOT_FOUND') ...
 */
export declare const isSharokeyError: (e: unknown) => e is SharokeyError;

/** The settings of config() and createClient(); a key given as undefined or null goes back to its default. */
export interface Options {
    /** Bearer token. Prefer `getToken` on public pages. */
    token?: string | null | undefined;
    /** Returns a token when one is needed, e.g. a short-lived one from your backend. */
    getToken?: (() => string | Promise<string>) | null | undefined;
    /** Base URL of the API. Default `https://api.sharokey.com/api/v1`. */
    apiUrl?: string | null | undefined;
    /** Milliseconds per attempt before a TimeoutError. Default 30000. */
    timeout?: number | null | undefined;
    /**
     * Extra attempts of a GET or DELETE (no answer, 408, 429, 5xx) and of a POST refused with 429.
     * Default 2; 0 allowed. A `Retry-After` longer than `timeout` is not waited: that error comes back at once.
     */
    retries?: number | null | undefined;
    /** The company a multi-company user token acts for. */
    company?: string | null | undefined;
}
/** What `getConfig()` tells: never the token. */
export interface ConfigView {
    apiUrl: string;
    timeout: number;
    retries: number;
    hasToken: boolean;
    company?: string;
}
/** Every network method takes an AbortSignal. */
export interface WithSignal {
    signal?: AbortSignal | null | undefined;
}
/** Which protection the server applies to a secret (the highest one asked for). */
export type Security = 'none' | 'captcha' | 'password' | 'otp_email' | 'otp_phone';
/**
 * Progress of `create()` (and `respond()`), in bytes of attachments: `'encrypt'` before each
 * file (`loaded`: the bytes done so far), `'upload'` once as the request is sent, `'done'` once
 * stored (`create()` only).
 */
export interface Progress {
    phase: 'encrypt' | 'upload' | 'done';
    loaded: number;
    total: number;
}
/**
 * An `<input type=file>`'s `files` or a drop's `dataTransfer.files`: the DOM's `FileList` in a
 * project that has the DOM's types, and nothing elsewhere (Node has no FileList), so that these
 * types need no DOM library and never read an unknown name as `any`.
 */
export type FileListLike = typeof globalThis extends {
    FileList: {
        prototype: infer T;
    };
} ? T : never;
export interface CreateOptions extends WithSignal {
    /** For you, in the list: at most 255 characters. */
    description?: string | null | undefined;
    /** Shown to the recipient before the secret is opened: at most 255 characters. */
    message?: string | null | undefined;
    /** 4..100 characters; checked by the server before it releases the ciphertext. */
    password?: string | null | undefined;
    /** The recipient solves a captcha first (the lowest protection). */
    captcha?: boolean | null | undefined;
    /** The recipient gets a one-time code at this e-mail address (at most 254 characters). */
    otpEmail?: string | null | undefined;
    /** The recipient gets a one-time code by SMS: `+` then 8 to 15 digits (spaces, dots, dashes and parentheses are dropped). */
    otpPhone?: string | null | undefined;
    /** Public IPv4/IPv6 addresses or CIDR ranges, comma-separated or as an array. */
    ipWhitelist?: string | readonly string[] | null | undefined;
    /** ISO 3166-1 alpha-2 country codes, comma-separated or as an array. */
    geolocation?: string | readonly string[] | null | undefined;
    /** Files, or Blobs with a `name` (an array, or an input's or a drop's FileList). At most 10 and 10 MB in all. */
    attachments?: readonly (File | (Blob & {
        name: string;
    }))[] | FileListLike | null | undefined;
    /** Called at each step. What it throws is reported as an event listener's is (the console) and does not stop the create. */
    onProgress?: ((progress: Progress) => void) | null | undefined;
}
/** What every answer about a secret carries (PROTOCOL.md): `create()`'s, `list()`'s and `getDetails()`'s. */
export interface SecretBase {
    slug: string;
    description: string | null;
    message: string | null;
    maximum_views: number;
    current_views: number;
    expiration: string | null;
    has_password: boolean;
    has_attachments: boolean;
    attachments_count: number;
    created_at: string;
}
/** A secret as `list()` returns it. */
export interface SecretItem extends SecretBase {
    creator: string;
    is_expired: boolean;
    status: 'active' | 'expired';
    updated_at: string;
}
/** What `create()` resolves to (PROTOCOL.md's 201: no `status`, `creator` or `updated_at`). */
export interface CreatedSecret extends SecretBase {
    expires_in_hours: number;
    access_url: string;
    /** access_url + '#' + keyB: give this to the recipient. */
    share_url: string;
    security: Security;
}
/** What `getDetails()` resolves to: metadata, never the ciphertext. */
export interface SecretDetails extends SecretItem {
    /** The mock's addition. */
    expires_in_hours?: number;
    attachments: {
        name: string;
    }[];
    captcha: boolean;
    otp_type: 'email' | 'phone' | null;
    ip_whitelist: string | null;
    geolocation: string | null;
    access_url: string;
}
export interface Pagination {
    current_page: number;
    per_page: number;
    total: number;
    last_page: number;
}
export interface Page<T> {
    items: T[];
    /** As the server sends it (PROTOCOL.md: every list has one). */
    pagination: Pagination;
}
export interface ListFilters extends WithSignal {
    status?: 'active' | 'expired' | null | undefined;
    /** Items per page, 1..100 (absent: the server's size, 50 on the mock). */
    limit?: number | null | undefined;
    /** From 1; `pagination.last_page` is the last. */
    page?: number | null | undefined;
    /** The creator's e-mail address. */
    creator?: string | null | undefined;
    /** Text to look for, at most 255 characters. */
    search?: string | null | undefined;
}
/** A date range: Date objects or `YYYY-MM-DD` strings (UTC days, inclusive). Other keys (`startDate`) are not read. */
export interface Range extends WithSignal {
    from?: Date | string | null | undefined;
    to?: Date | string | null | undefined;
}
export interface SecretStats {
    total_secrets: number;
    active_secrets: number;
    expired_secrets: number;
    total_views: number;
    secrets_with_password: number;
    secrets_created_today: number;
    secrets_created_this_week: number;
    secrets_created_this_month: number;
}
export interface RevealOptions extends WithSignal {
    /** The secret's password, when it has one (`''`: not given). */
    password?: string | null | undefined;
    /** The one-time code the server sent (see `sendOtp()`). */
    otp?: string | null | undefined;
    /** The token of a solved captcha, when the secret asks for one. */
    captchaToken?: string | null | undefined;
}
/** What `sendOtp()` resolves to: the server's answer (the mock: `{ sent, channel, to }`, `to` masked). */
export interface OtpSent {
    sent?: boolean;
    channel?: 'email' | 'phone';
    to?: string;
}
export interface Revealed {
    content: string;
    message: string | null;
    attachments: File[];
}
/** Usage of one token, as `getTokenStats()` lists it. */
export interface TokenUsage {
    user: string;
    scopes: string[];
    /** The token's last 4 characters. */
    hint: string;
    /**
     * Requests made with it (for this company). PROTOCOL.md names a "request count" but no
     * field: the mock sends it as both `requests` and `request_count`; read whichever is there.
     */
    requests?: number;
    request_count?: number;
    /** The mock's additions. */
    rate_limited_requests?: number;
    error_requests?: number;
    last_used_at: string | null;
    revoked?: boolean;
    /** The mock's additions: `company` or `user` (a user token of several companies), and when it expires. */
    kind?: string;
    expires_at?: string | null;
}
export interface TokenStats {
    total_tokens: number;
    active_tokens: number;
    revoked_tokens: number;
    total_requests: number;
    rate_limited_requests: number;
    error_requests: number;
    /** The mock's addition. */
    expired_tokens?: number;
    tokens: TokenUsage[];
}
/** Options of `createRequest()`: the camelCase of the wire fields. */
export interface RequestOptions extends WithSignal {
    /** Shown to the responder: at most 255 characters. */
    message?: string | null | undefined;
    /** For you, in the list: at most 255 characters. */
    description?: string | null | undefined;
    /** Who is asked: the server e-mails them the responder's link. */
    emailTo?: string | null | undefined;
    /** Where the responder's e-mail sends a reply. */
    emailReply?: string | null | undefined;
    /** The language of that e-mail. */
    locale?: 'en' | 'fr' | null | undefined;
    /** Hours the answered secret lives, 1..8760 (absent: the server's default, 24 on the mock). */
    secretExpirationHours?: number | null | undefined;
    /** Hours the request stays open, 1..8760 (absent: the server's default, 48 on the mock). */
    requestExpirationHours?: number | null | undefined;
    /** Views of the answered secret, 1..1000 (absent: the server's default, 1 on the mock). */
    maximumViews?: number | null | undefined;
}
/** A secret request as the server keeps it. */
export interface SecretRequest {
    token: string;
    /** The responder's page. */
    url: string;
    status: 'active' | 'completed' | 'expired';
    expiration: string | null;
    created_at: string;
    message?: string | null;
    description?: string | null;
    email_to?: string | null;
    email_reply?: string | null;
    locale?: 'en' | 'fr';
    secret_expiration_hours?: number;
    request_expiration_hours?: number;
    maximum_views?: number;
    /** Set once answered. */
    secret_slug?: string | null;
    secret_url?: string | null;
    /**
     * This library's addition: the requester's public key (base64 of the raw P-256 point). In
     * createRequest()'s result it is the key made in this browser, not the server's echo of it.
     */
    public_key?: string | null;
    /** keyB sealed to public_key (opaque to the server). */
    sealed_key?: string | null;
    /** The mock's additions. */
    creator?: string;
    updated_at?: string;
    completed_at?: string | null;
}
/** What `createRequest()` resolves to. */
export interface CreatedRequest extends SecretRequest {
    /** The public key made for this request, to give the responder for `respond()`'s `publicKey`. */
    public_key: string;
    /**
     * The requester's private link: its fragment holds the private key that
     * opens the answer. Keep it; it is never sent anywhere.
     */
    inbox_url: string;
}
/** Filters of `listRequests()`, as `list()`'s, with the status of requests. */
export interface RequestFilters extends WithSignal {
    status?: 'active' | 'completed' | 'expired' | null | undefined;
    /** Items per page, 1..100 (absent: the server's size, 50 on the mock). */
    limit?: number | null | undefined;
    /** From 1; `pagination.last_page` is the last. */
    page?: number | null | undefined;
    /** The creator's e-mail address. */
    creator?: string | null | undefined;
    /** Text to look for, at most 255 characters. */
    search?: string | null | undefined;
}
export interface RequestStats {
    total_requests: number;
    active_requests: number;
    completed_requests: number;
    expired_requests: number;
    requests_created_today: number;
    requests_created_this_week: number;
    requests_created_this_month: number;
}
/**
 * Options of `respond()`: the content's options of `create()`. (Its protections and restrictions,
 * left out of this type, pass on too from plain JS: the requester then gives the password or
 * code to `openRequest()`, and an IP or country list applies to the requester.)
 */
export type RespondOptions = Pick<CreateOptions, 'attachments' | 'onProgress' | 'signal'> & {
    /**
     * The requester's public key as they gave it to you over a channel the server does not
     * control (their createRequest() result's `public_key`): the answer is sealed and sent only
     * when the request carries this key, else a CryptoError (code KEY_MISMATCH) and nothing is sent.
     */
    publicKey?: string | null | undefined;
};
/** What `respond()` resolves to. */
export interface Responded {
    request_token: string;
    secret_slug: string;
    status: 'completed';
}
/** What `openRequest()` resolves to: the answer, revealed, and the request. */
export interface OpenedRequest extends Revealed {
    request: SecretRequest;
}
/** What `health()` resolves to. */
export interface Health {
    status: string;
    version: string;
}
/** One check of `test()`. */
export interface CheckResult {
    name: 'configuration' | 'network' | 'authentication' | 'read access' | 'write access' | 'statistics';
    success: boolean;
    /** What was found, and when it failed, what to do. */
    message: string;
}
/** What `test()` resolves to. */
export interface TestReport {
    passed: number;
    total: number;
    success: boolean;
    details: CheckResult[];
}
/** What `analyzeStats()` reads: a statistics object (counts as numbers or decimal text, any of them missing), or the API's whole answer. */
export type StatsInput = {
    [K in keyof SecretStats]?: number | string | null | undefined;
} | {
    success?: boolean | undefined;
    data: {
        [K in keyof SecretStats]?: number | string | null | undefined;
    };
};
/** What `analyzeStats()` returns. Rates are percentages, null when there are no secrets. */
export interface StatsAnalysis {
    /** secrets_with_password / total_secrets x 100. */
    passwordProtectionRate: number | null;
    /** total_views / total_secrets: average views per secret. */
    viewEfficiency: number | null;
    /** expired_secrets / total_secrets x 100. */
    expirationRate: number | null;
    /** active_secrets / total_secrets x 100. */
    activeRate: number | null;
    /** 'high' when more than 10 secrets were created today or more than 50 this week. */
    activityLevel: 'high' | 'normal';
    /** Active rate above 20 %: 'high'; below 5 %: 'low'; else 'moderate'. */
    retention: 'high' | 'moderate' | 'low' | null;
    /** 'good' below a 20 % active rate, else 'review'. */
    retentionHealth: 'good' | 'review' | null;
    /** The statistics document's advice whose thresholds are met. */
    recommendations: string[];
    /** passwordProtectionRate, under the name of the statistics document's example. */
    password_protection_rate: number | null;
    /** viewEfficiency, snake_case. */
    view_efficiency: number | null;
    /** expirationRate, snake_case. */
    expiration_rate: number | null;
    /** activeRate, snake_case. */
    active_rate: number | null;
    /** activityLevel, under the name of the statistics document's example. */
    activity_level: 'high' | 'normal';
    /** retentionHealth, under the name of the statistics document's example. */
    retention_health: 'good' | 'review' | null;
}

/** The production API. */
export declare const DEFAULT_API_URL = "https://api.sharokey.com/api/v1";
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
/**
 * Makes an independent client with its own settings.
 * @example const other = Sharokey.createClient({ apiUrl: 'https://sharokey.example/api/v1', token });
 */
export declare const createClient: (options?: Options) => Client;

/** The default client: the same object as the `Sharokey` global of the script tag when this version set it. */
declare const Sharokey: Client;
export default Sharokey;
export declare const version: Client['version'];
export declare const config: Client['config'];
export declare const getConfig: Client['getConfig'];
export declare const create: Client['create'];
export declare const list: Client['list'];
export declare const getDetails: Client['getDetails'];
export declare const get: Client['get'];
export declare const getStats: Client['getStats'];
export declare const stats: Client['stats'];
export declare const getTokenStats: Client['getTokenStats'];
export declare const analyzeStats: Client['analyzeStats'];
export declare const reveal: Client['reveal'];
export declare const sendOtp: Client['sendOtp'];
export declare const createRequest: Client['createRequest'];
export declare const listRequests: Client['listRequests'];
export declare const getRequest: Client['getRequest'];
export declare const deleteRequest: Client['deleteRequest'];
export declare const requestStats: Client['requestStats'];
export declare const respond: Client['respond'];
export declare const openRequest: Client['openRequest'];
export declare const health: Client['health'];
export declare const test: Client['test'];
export declare const testConnection: Client['testConnection'];
/** `delete` is a keyword: `import { delete as remove } from '.../sharokey.esm.js'`. */
declare const deleteSecret: Client['delete'];
export { deleteSecret as delete };

interface ByName {
  ErrorDetails: ErrorDetails;
  ErrorInit: ErrorInit;
  SharokeyError: SharokeyError;
  AuthenticationError: AuthenticationError;
  PermissionError: PermissionError;
  NotFoundError: NotFoundError;
  QuotaExceededError: QuotaExceededError;
  RateLimitError: RateLimitError;
  ValidationError: ValidationError;
  AttachmentError: AttachmentError;
  NetworkError: NetworkError;
  TimeoutError: TimeoutError;
  CryptoError: CryptoError;
  Options: Options;
  ConfigView: ConfigView;
  WithSignal: WithSignal;
  Security: Security;
  Progress: Progress;
  FileListLike: FileListLike;
  CreateOptions: CreateOptions;
  SecretBase: SecretBase;
  SecretItem: SecretItem;
  CreatedSecret: CreatedSecret;
  SecretDetails: SecretDetails;
  Pagination: Pagination;
  ListFilters: ListFilters;
  Range: Range;
  SecretStats: SecretStats;
  RevealOptions: RevealOptions;
  OtpSent: OtpSent;
  Revealed: Revealed;
  TokenUsage: TokenUsage;
  TokenStats: TokenStats;
  RequestOptions: RequestOptions;
  SecretRequest: SecretRequest;
  CreatedRequest: CreatedRequest;
  RequestFilters: RequestFilters;
  RequestStats: RequestStats;
  RespondOptions: RespondOptions;
  Responded: Responded;
  OpenedRequest: OpenedRequest;
  Health: Health;
  CheckResult: CheckResult;
  TestReport: TestReport;
  StatsInput: StatsInput;
  StatsAnalysis: StatsAnalysis;
  Client: Client;
}
type PageByName<T> = Page<T>;

declare global {
  /** Set by dist/sharokey.min.js (script tag). */
  var Sharokey: Client;
  /** The types by name, for a page of script tags: `let o: Sharokey.CreateOptions`, or `@type {Sharokey.CreateOptions}` in JSDoc. */
  namespace Sharokey {
    type ErrorDetails = ByName['ErrorDetails'];
    type ErrorInit = ByName['ErrorInit'];
    type SharokeyError = ByName['SharokeyError'];
    type AuthenticationError = ByName['AuthenticationError'];
    type PermissionError = ByName['PermissionError'];
    type NotFoundError = ByName['NotFoundError'];
    type QuotaExceededError = ByName['QuotaExceededError'];
    type RateLimitError = ByName['RateLimitError'];
    type ValidationError = ByName['ValidationError'];
    type AttachmentError = ByName['AttachmentError'];
    type NetworkError = ByName['NetworkError'];
    type TimeoutError = ByName['TimeoutError'];
    type CryptoError = ByName['CryptoError'];
    type Options = ByName['Options'];
    type ConfigView = ByName['ConfigView'];
    type WithSignal = ByName['WithSignal'];
    type Security = ByName['Security'];
    type Progress = ByName['Progress'];
    type FileListLike = ByName['FileListLike'];
    type CreateOptions = ByName['CreateOptions'];
    type SecretBase = ByName['SecretBase'];
    type SecretItem = ByName['SecretItem'];
    type CreatedSecret = ByName['CreatedSecret'];
    type SecretDetails = ByName['SecretDetails'];
    type Pagination = ByName['Pagination'];
    type Page<T> = PageByName<T>;
    type ListFilters = ByName['ListFilters'];
    type Range = ByName['Range'];
    type SecretStats = ByName['SecretStats'];
    type RevealOptions = ByName['RevealOptions'];
    type OtpSent = ByName['OtpSent'];
    type Revealed = ByName['Revealed'];
    type TokenUsage = ByName['TokenUsage'];
    type TokenStats = ByName['TokenStats'];
    type RequestOptions = ByName['RequestOptions'];
    type SecretRequest = ByName['SecretRequest'];
    type CreatedRequest = ByName['CreatedRequest'];
    type RequestFilters = ByName['RequestFilters'];
    type RequestStats = ByName['RequestStats'];
    type RespondOptions = ByName['RespondOptions'];
    type Responded = ByName['Responded'];
    type OpenedRequest = ByName['OpenedRequest'];
    type Health = ByName['Health'];
    type CheckResult = ByName['CheckResult'];
    type TestReport = ByName['TestReport'];
    type StatsInput = ByName['StatsInput'];
    type StatsAnalysis = ByName['StatsAnalysis'];
    type Client = ByName['Client'];
  }
}
