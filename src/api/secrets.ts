import { AttachmentError } from '../errors.ts';
import { toBase64 } from '../crypto/base64.ts';
import { randomBytes, randomKey } from '../crypto/keys.ts';
import { deriveKey, sealer } from '../crypto/seal.ts';
import { LIMITS } from '../limits.ts';
import { request, type Config } from '../transport/request.ts';
import type { CreatedSecret, CreateOptions, ListFilters, Page, SecretDetails, SecretItem, Security, WithSignal } from '../types.ts';
import { email, int, Invalid, isCountry, isPublicIp, isText, list, oneOf, phone, text, type Check } from '../validate.ts';

export const slugCheck: Check = (v) => (isText(v) && /^[\w-]{1,64}$/.test(v) ? '' : 'must be a slug (letters, digits, - or _)');
const descr = text(0, LIMITS.text);

/** Validates a slug or token argument and returns its path segment. */
export const segment = (field: string, v: unknown): string => {
  const bad = new Invalid();
  bad.add(field, slugCheck(v));
  bad.throw();
  return v as string;
};

/** Query string of the given filters, without the absent ones. */
export const query = (q: Record<string, unknown>): string => {
  const s = new URLSearchParams(Object.entries(q).filter(([k, v]) => v != null && k != 'signal') as [string, string][]) + '';
  return s && '?' + s;
};

/** The envelope's list in either shape (`data: [...]` or `data: { items }`). */
export const page = <T>(env: { data: T[] | { items: T[]; pagination?: Page<T>['pagination'] }; pagination?: unknown }): Page<T> => {
  const d = env.data;
  return Array.isArray(d) ? { items: d, pagination: env.pagination as Page<T>['pagination'] } : { items: d.items, pagination: (env.pagination ?? d.pagination) as Page<T>['pagination'] };
};

/** Checks every option of create() and returns the wire fields of the protection to apply. */
export const checkCreate = (content: unknown, hours: unknown, views: unknown, o: CreateOptions) => {
  const bad = new Invalid();
  bad.add('content', text(...LIMITS.content)(content));
  bad.add('hours', int(LIMITS.hours)(hours));
  bad.add('views', int(LIMITS.views)(views));
  bad.opt('options', o, (v) => (typeof v == 'object' ? '' : 'must be an object'));
  o ??= {};
  bad.opt('description', o.description, descr);
  bad.opt('message', o.message, descr);
  bad.opt('password', o.password, text(...LIMITS.password));
  bad.opt('captcha', o.captcha, (v) => (typeof v == 'boolean' ? '' : 'must be true or false'));
  bad.opt('otpEmail', o.otpEmail, email);
  const tel = phone(o.otpPhone);
  bad.opt('otpPhone', o.otpPhone, () => (tel ? '' : 'must be + then 8 to 15 digits'));
  const [ips, ipError] = list(o.ipWhitelist, isPublicIp, 'public IPv4/IPv6 addresses or ranges');
  bad.opt('ipWhitelist', o.ipWhitelist, () => ipError);
  const [countries, geoError] = list(isText(o.geolocation) ? o.geolocation.toUpperCase() : Array.isArray(o.geolocation) ? o.geolocation.map((c) => (isText(c) ? c.toUpperCase() : c)) : o.geolocation, isCountry, 'ISO 3166-1 alpha-2 country codes');
  bad.opt('geolocation', o.geolocation, () => geoError);
  bad.opt('onProgress', o.onProgress, (v) => (typeof v == 'function' ? '' : 'must be a function'));
  const files = o.attachments;
  let total = 0;
  bad.opt('attachments', files, (v) =>
    !Array.isArray(v) ? 'must be an array of files'
    : v.length > LIMITS.files ? `at most ${LIMITS.files} files`
    : !v.every((f) => f instanceof Blob && isText((f as File).name) && (f as File).name && f.size && (total += f.size)) ? 'each must be a non-empty File (or Blob with a name)'
    : total > LIMITS.bytes ? `at most ${LIMITS.bytes / 1048576} MB in all`
    : '');
  bad.throw();
  // Only the highest protection asked for is sent (captcha < password < otp_email < otp_phone).
  const gate: [Security, Record<string, unknown>] = tel ? ['otp_phone', { otp_type: 'phone', otp_receiver: tel }]
    : o.otpEmail ? ['otp_email', { otp_type: 'email', otp_receiver: o.otpEmail }]
    : o.password ? ['password', { password: o.password }]
    : o.captcha ? ['captcha', { captcha: true }]
    : ['none', {}];
  return { gate, total, ips: o.ipWhitelist != null ? ips : undefined, countries: o.geolocation != null ? countries : undefined };
};

/** What `encryptSecret` makes: the wire body, the key string and the protection applied. */
export interface Encrypted {
  body: Record<string, unknown>;
  /** The key string K: keyA (sent) + keyB (never sent). */
  k: string;
  security: Security;
  /** Plaintext bytes of the attachments. */
  total: number;
}

/**
 * Checks and encrypts a secret in the browser (a fresh key string, salt and
 * iv, and a fresh iv per attachment), without sending anything.
 */
export const encryptSecret = async (content: string, hours: number, views: number, options: CreateOptions): Promise<Encrypted> => {
  const { gate, total, ips, countries } = checkCreate(content, hours, views, options);
  const { description, message, attachments = [], onProgress, signal } = options ?? {};
  const k = randomKey();
  const salt = randomBytes(16);
  const seal = sealer(await deriveKey(k, salt));
  const sealed = await seal(new TextEncoder().encode(content));
  const files = [];
  let loaded = 0;
  for (const f of attachments) {
    onProgress?.({ phase: 'encrypt', loaded, total });
    let bytes: ArrayBuffer;
    try {
      bytes = await f.arrayBuffer();
    } catch (cause) {
      throw new AttachmentError(`Attachment ${files.length + 1} could not be read`, { cause, details: { attachments: ['could not be read'] } });
    }
    const { iv, data } = await seal(bytes);
    files.push({ name: f.name, data, iv, size: f.size });
    signal?.throwIfAborted();
    loaded += f.size;
  }
  onProgress?.({ phase: 'upload', loaded, total });
  return {
    k,
    total,
    security: gate[0],
    body: {
      content: sealed.data, iv: sealed.iv, salt: toBase64(salt), key: k.slice(0, 8),
      expiration_hours: hours, maximum_views: views, description, message,
      ...gate[1], ip_whitelist: ips, geolocation: countries,
      ...(files.length && { attachments: files, attachments_total_size: total }),
    },
  };
};

/**
 * Encrypts `content` (and attachments) in the browser and stores the
 * ciphertext. Resolves to the secret with `share_url` (keyB in its fragment,
 * the only place it exists) and the `security` applied.
 * Throws ValidationError/AttachmentError before any request on bad input.
 * @example const { share_url } = await Sharokey.create('db password: hunter2', 24, 1, { password: 'orange' });
 */
export const create = async (cfg: Config, content: string, hours = 24, views = 1, options: CreateOptions = {}): Promise<CreatedSecret> => {
  const { body, k, security, total } = await encryptSecret(content, hours, views, options);
  const { data } = await request(cfg, '/secrets', { method: 'POST', signal: options?.signal, body });
  options?.onProgress?.({ phase: 'done', loaded: total, total });
  return { ...data, share_url: data.access_url + '#' + k.slice(8), security };
};

/**
 * Lists the company's secrets, newest first.
 * @example const { items, pagination } = await Sharokey.list({ status: 'active', limit: 10 });
 */
export const listSecrets = async (cfg: Config, filters: ListFilters = {}): Promise<Page<SecretItem>> => {
  const f = filters ?? {};
  const bad = new Invalid();
  bad.opt('status', f.status, oneOf('active', 'expired'));
  bad.opt('limit', f.limit, int([1, 100]));
  bad.opt('page', f.page, int([1, 1e9]));
  bad.opt('creator', f.creator, email);
  bad.opt('search', f.search, descr);
  bad.throw();
  return page(await request(cfg, '/secrets' + query({ ...f }), { signal: f.signal }));
};

/** The secret's metadata, never its content. Alias: `get`. */
export const getDetails = async (cfg: Config, slug: string, o: WithSignal = {}): Promise<SecretDetails> =>
  (await request(cfg, '/secrets/' + segment('slug', slug), o ?? {})).data;

/** Expires the secret now and clears its content; resolves to true (also when it was already gone). */
export const deleteSecret = async (cfg: Config, slug: string, o: WithSignal = {}): Promise<true> =>
  !!(await request(cfg, '/secrets/' + segment('slug', slug), { ...o, method: 'DELETE' })) as true;
