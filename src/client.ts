import * as errors from './errors.ts';
import type {
  AttachmentError, AuthenticationError, CryptoError, isSharokeyError, NetworkError, NotFoundError, PermissionError,
  QuotaExceededError, RateLimitError, SharokeyError, TimeoutError, ValidationError,
} from './errors.ts';
import { Invalid, isText, int, text } from './validate.ts';
import type { Config } from './transport/request.ts';
import type { ConfigView, CreatedSecret, CreateOptions, ListFilters, Options, Page, Range, Revealed, RevealOptions, SecretDetails, SecretItem, SecretStats, TokenStats, WithSignal } from './types.ts';
import { create, deleteSecret, getDetails, listSecrets } from './api/secrets.ts';
import { reveal } from './api/reveal.ts';
import { getStats, getTokenStats } from './api/stats.ts';

declare const __VERSION__: string;

/** The production API. */
export const DEFAULT_API_URL = 'https://api.sharokey.com/api/v1';

/** A client: its configuration bound to every method. `Sharokey` is one. */
export interface Client {
  /** The library's version. */
  readonly version: string;
  /**
   * Changes this client's settings (only the keys given) and returns it.
   * Throws ValidationError on a bad value.
   * @example Sharokey.config({ token: 'your-token' })
   */
  config(options: Options): Client;
  /** The settings, with `hasToken` instead of the token. */
  getConfig(): ConfigView;
  /** A new, independent client (default settings, then `options`). */
  createClient(options?: Options): Client;
  create(content: string, hours?: number, views?: number, options?: CreateOptions): Promise<CreatedSecret>;
  list(filters?: ListFilters): Promise<Page<SecretItem>>;
  getDetails(slug: string, options?: WithSignal): Promise<SecretDetails>;
  /** Alias of getDetails. */
  get(slug: string, options?: WithSignal): Promise<SecretDetails>;
  delete(slug: string, options?: WithSignal): Promise<true>;
  getStats(range?: Range): Promise<SecretStats>;
  /** Alias of getStats. */
  stats(range?: Range): Promise<SecretStats>;
  getTokenStats(options?: WithSignal): Promise<TokenStats>;
  reveal(shareUrl: string, options?: RevealOptions): Promise<Revealed>;
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

/** Checks `o` and copies the keys it gives onto `cfg`. */
const configure = (cfg: Config, o: Options): void => {
  const bad = new Invalid();
  bad.add('options', o && typeof o == 'object' ? '' : 'must be an object');
  o ??= {};
  bad.opt('token', o.token, text(1, 4096));
  bad.opt('getToken', o.getToken, (v) => (typeof v == 'function' ? '' : 'must be a function'));
  bad.opt('apiUrl', o.apiUrl, (v) => (isText(v) && /^https?:\/\/[^/]/.test(v) ? '' : 'must be an http(s) URL'));
  bad.opt('timeout', o.timeout, int([1, 36e5]));
  bad.opt('retries', o.retries, int([0, 10]));
  bad.opt('company', o.company, text(1, 255));
  bad.throw();
  Object.assign(cfg, o);
  cfg.apiUrl = cfg.apiUrl.replace(/\/+$/, '');
};

/**
 * Makes an independent client with its own settings.
 * @example const other = Sharokey.createClient({ apiUrl: 'https://sharokey.example/api/v1', token });
 */
export const createClient = (options: Options = {}): Client => {
  const cfg: Config = { apiUrl: DEFAULT_API_URL, timeout: 30_000, retries: 2 };
  configure(cfg, options);
  const client: Client = {
    ...errors,
    version: __VERSION__,
    config: (o) => (configure(cfg, o), client),
    getConfig: () => ({ apiUrl: cfg.apiUrl, timeout: cfg.timeout, retries: cfg.retries, hasToken: !!(cfg.token || cfg.getToken), company: cfg.company }),
    createClient,
    create: (...a) => create(cfg, ...a),
    list: (f) => listSecrets(cfg, f),
    getDetails: (s, o) => getDetails(cfg, s, o),
    get: (s, o) => getDetails(cfg, s, o),
    delete: (s, o) => deleteSecret(cfg, s, o),
    getStats: (r) => getStats(cfg, r),
    stats: (r) => getStats(cfg, r),
    getTokenStats: (o) => getTokenStats(cfg, o),
    reveal: (u, o) => reveal(cfg, u, o),
  };
  return client;
};
