import * as errors from './errors.ts';
import type {
  AttachmentError, AuthenticationError, CryptoError, isSharokeyError, NetworkError, NotFoundError, PermissionError,
  QuotaExceededError, RateLimitError, SharokeyError, TimeoutError, ValidationError,
} from './errors.ts';
import { is, isText, int, required, text, validate } from './validate.ts';
import type { Config } from './transport/request.ts';
import type {
  ConfigView, CreatedRequest, CreatedSecret, CreateOptions, Health, ListFilters, OpenedRequest, Options, Page, Range, RequestFilters, RequestOptions, RequestStats,
  Responded, RespondOptions, Revealed, RevealOptions, SecretDetails, SecretItem, SecretRequest, SecretStats, StatsAnalysis, TestReport, TokenStats, WithSignal,
} from './types.ts';
import { create, deleteSecret, getDetails, listSecrets } from './api/secrets.ts';
import { reveal } from './api/reveal.ts';
import { getStats, getTokenStats } from './api/stats.ts';
import { createRequest, deleteRequest, getRequest, listRequests, openRequest, requestStats, respond } from './api/requests.ts';
import { health, test, testConnection } from './api/diagnostics.ts';
import { analyzeStats } from './api/analyze.ts';

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
  /** Rates, activity and recommendations of a statistics object; no network. */
  analyzeStats(stats: SecretStats): StatsAnalysis;
  reveal(shareUrl: string, options?: RevealOptions): Promise<Revealed>;
  createRequest(options?: RequestOptions): Promise<CreatedRequest>;
  listRequests(filters?: RequestFilters): Promise<Page<SecretRequest>>;
  getRequest(token: string, options?: WithSignal): Promise<SecretRequest>;
  deleteRequest(token: string, options?: WithSignal): Promise<true>;
  requestStats(range?: Range): Promise<RequestStats>;
  respond(requestUrl: string, content: string, options?: RespondOptions): Promise<Responded>;
  openRequest(inboxUrl: string, options?: WithSignal): Promise<OpenedRequest>;
  health(options?: WithSignal): Promise<Health>;
  test(): Promise<TestReport>;
  testConnection(): Promise<boolean>;
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

const CONFIG = {
  options: required((v) => (v && typeof v == 'object' ? '' : 'must be an object')),
  token: text(1, 4096),
  getToken: is('function'),
  apiUrl: (v: unknown) => (isText(v) && /^https?:\/\/[^/]/.test(v) ? '' : 'must be an http(s) URL'),
  timeout: int([1, 36e5]),
  retries: int([0, 10]),
  company: text(1, 255),
};

const { CLASSES: _, ...errorParts } = errors;

// Every network method takes the client's configuration first.
const METHODS = {
  create, list: listSecrets, getDetails, get: getDetails, delete: deleteSecret, getStats, stats: getStats, getTokenStats, reveal,
  createRequest, listRequests, getRequest, deleteRequest, requestStats, respond, openRequest, health, test, testConnection,
};

/**
 * Makes an independent client with its own settings.
 * @example const other = Sharokey.createClient({ apiUrl: 'https://sharokey.example/api/v1', token });
 */
export const createClient = (options: Options = {}): Client => {
  const cfg: Config = { apiUrl: DEFAULT_API_URL, timeout: 30_000, retries: 2 };
  const client = {
    ...errorParts,
    version: __VERSION__,
    analyzeStats,
    createClient,
    config(o: Options) {
      validate({ ...o, options: o }, CONFIG);
      Object.assign(cfg, o).apiUrl = cfg.apiUrl.replace(/\/+$/, '');
      return client;
    },
    getConfig: (): ConfigView => ({ apiUrl: cfg.apiUrl, timeout: cfg.timeout, retries: cfg.retries, hasToken: !!(cfg.token || cfg.getToken), company: cfg.company }),
  } as unknown as Client;
  for (const [name, fn] of Object.entries(METHODS)) (client as unknown as Record<string, unknown>)[name] = (...a: unknown[]) => (fn as (...x: unknown[]) => unknown)(cfg, ...a);
  return client.config(options);
};
