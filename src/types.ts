// The public shapes of the library. Wire objects keep the server's snake_case
// field names; options are camelCase.

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
export type FileListLike = typeof globalThis extends { FileList: { prototype: infer T } } ? T : never;

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
  attachments?: readonly (File | (Blob & { name: string }))[] | FileListLike | null | undefined;
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
  attachments: { name: string }[];
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
export type StatsInput = { [K in keyof SecretStats]?: number | string | null | undefined } | { success?: boolean | undefined; data: { [K in keyof SecretStats]?: number | string | null | undefined } };

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
