import { AttachmentError } from '../errors.ts';
import { toBase64 } from '../crypto/base64.ts';
import { randomBytes, randomKey, utf8 } from '../crypto/keys.ts';
import { deriveKey, sealer } from '../crypto/seal.ts';
import { LIMITS } from '../limits.ts';
import { request, webUrl, type Config, type Envelope } from '../transport/request.ts';
import type { CreatedSecret, CreateOptions, ListFilters, Page, Progress, SecretDetails, SecretItem, Security, WithSignal } from '../types.ts';
import { checkOptions, email, entries, int, is, isCountry, isPublicIp, listOf, NONE, oneOf, phone, required, type Schema, slug, text, toPhone } from '../validate.ts';

/** description, message, search: at most LIMITS.text characters. */
export const note = text([0, LIMITS.text]);

/** The checks of create(): its arguments and every option. */
const CREATE: Schema = {
  content: required(text(LIMITS.content)),
  hours: required(int(LIMITS.hours)),
  views: required(int(LIMITS.views)),
  description: note,
  message: note,
  password: text(LIMITS.password),
  captcha: is('boolean'),
  otpEmail: email,
  otpPhone: phone,
  ipWhitelist: listOf(isPublicIp, 'public IPv4/IPv6 addresses or ranges'),
  geolocation: listOf(isCountry, 'ISO 3166-1 alpha-2 country codes'),
  onProgress: is('function'),
  // respond()'s: the requester's public key, given out of band (create() has no use for it);
  // '' is a check asked for and left empty, refused as create() refuses password: ''.
  publicKey: text([1, LIMITS.text]),
  attachments: (v) => {
    let total = 0;
    let i = 0;
    // An array, or the FileList of an <input type=file> or a drop.
    return !(Array.isArray(v) || {}.toString.call(v) == '[object FileList]') ? 'must be an array of files'
      : (v = [...v]).length > LIMITS.files ? `must be at most ${LIMITS.files} files`
      // Each a non-empty Blob with a name (a File, or a Blob given one); sizes add up as they are checked.
      // Known by what it can do, not by instanceof: a File of another frame (an iframe's input) is one too.
      // A name of 1 to 255 characters, as the server keeps it. The first bad one is named by its place
      // (i: every() stops there; its name may be what is wrong with it).
      : !v.every((f: Partial<File>) => ++i && typeof f?.arrayBuffer == 'function' && f.size && !text([1, LIMITS.text])(f.name) && (total += f.size)) ? `file ${i} must be a non-empty File (or a Blob with a name), named in 1 to ${LIMITS.text} characters`
      : total > LIMITS.bytes ? `must be at most ${LIMITS.bytes >> 20} MB in all`
      : '';
  },
};

/** Checks create()'s input; throws ValidationError/AttachmentError naming each bad field. */
export const checkCreate = (content: unknown, hours: unknown, views: unknown, o?: CreateOptions): void =>
  checkOptions(o, CREATE, { content, hours, views });

/**
 * Tells the caller's `onProgress`, as a browser calls an event listener: what
 * it throws is reported (reportError(): the console, the page's `error` event;
 * console.error() where there is none, as in Node, whose process an error
 * thrown later would end) and does not stop the create, whose secret may
 * already be stored ('done': its link must come back). `o` is null when
 * create() was given null.
 */
const tell = (o: CreateOptions | null | undefined, p: Progress): void => {
  try {
    o?.onProgress?.(p);
  } catch (e) {
    (globalThis.reportError || console.error)(e);
  }
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
 * iv, and a fresh iv for each attachment) without sending anything.
 */
export const encryptSecret = async (content: string, hours: number, views: number, o?: CreateOptions, checked?: 1): Promise<Encrypted> => {
  checked || checkCreate(content, hours, views, o);
  o ??= NONE;
  const { otpPhone, otpEmail, password, ipWhitelist: ips, geolocation: geo } = o;
  // Only the highest protection asked for is sent: captcha < password < otp_email < otp_phone.
  const [security, gate]: [Security, object] = otpPhone ? ['otp_phone', { otp_type: 'phone', otp_receiver: toPhone(otpPhone) }]
    : otpEmail ? ['otp_email', { otp_type: 'email', otp_receiver: otpEmail }]
    : password ? ['password', { password }]
    : o.captcha ? ['captcha', { captcha: true }]
    : ['none', {}];
  const attachments = [...((o.attachments ?? []) as Iterable<File>)];
  const total = attachments.reduce((n, f) => n + f.size, 0);
  const k = randomKey();
  const salt = randomBytes(16);
  const seal = sealer(await deriveKey(k, salt));
  const sealed = await seal(utf8(content) as BufferSource);
  const files = [];
  let loaded = 0;
  for (const f of attachments) {
    tell(o, { phase: 'encrypt', loaded, total });
    const bytes = await f.arrayBuffer().catch((cause) => {
      throw new AttachmentError(`Invalid attachments: file ${files.length + 1} could not be read`, { cause, details: { attachments: ['could not be read'] } });
    });
    files.push({ name: f.name, ...(await seal(bytes)), size: f.size });
    loaded += f.size;
    o.signal?.throwIfAborted();
  }
  tell(o, { phase: 'upload', loaded, total });
  return {
    k, total, security,
    body: {
      content: sealed.data, iv: sealed.iv, salt: toBase64(salt), key: k.slice(0, 8),
      expiration_hours: hours, maximum_views: views, description: o.description, message: o.message,
      ...gate,
      ip_whitelist: ips && entries(ips).join(),
      geolocation: geo && entries(geo).join().toUpperCase(),
      ...(total && { attachments: files, attachments_total_size: total }),
    },
  };
};

/**
 * Encrypts `content` (and attachments) in the browser and stores the
 * ciphertext. Resolves to the secret with `share_url` (keyB in its fragment,
 * the only place it exists) and the `security` applied. A POST is retried
 * only on 429, so a retry never makes two secrets.
 * Throws ValidationError/AttachmentError before any request on bad input.
 * @example const { share_url } = await Sharokey.create('db password: hunter2', 24, 1, { password: 'orange' });
 */
export const create = async (cfg: Config, content: string, hours = 24, views = 1, o?: CreateOptions): Promise<CreatedSecret> => {
  const { body, k, security, total } = await encryptSecret(content, hours, views, o);
  const { data } = await request(cfg, '/secrets', o, 'POST', body);
  // A share link only on an http(s) page (a javascript: one would run in the page that links it).
  webUrl(data.access_url);
  tell(o, { phase: 'done', loaded: total, total });
  return { ...data, share_url: data.access_url + '#' + k.slice(8), security };
};

/** The checks of list filters, for secrets and requests. */
export const filters = (...statuses: string[]): Schema => ({
  status: oneOf(...statuses),
  limit: int([1, 100]),
  page: int([1, 1e9]),
  creator: email,
  search: note,
});

/** `?a=1&b=2` of the present values, '' when none (or `q` is null). */
export const query = (q?: object | null): string => {
  const s = new URLSearchParams(Object.entries({ ...q }).filter(([k, v]) => v != null && k != 'signal') as string[][]) + '';
  return s && '?' + s;
};

/**
 * The envelope's list in either shape (`data: [...]` or `data: { items }`), its pagination
 * beside `data`, in it, or in `meta`; items that are no array are a TypeError, which the
 * client turns into a NetworkError.
 */
export const page = <T>({ data, meta, pagination = meta?.pagination }: Envelope): Page<T> => {
  const p = data?.items ? { pagination, ...data } : { items: data, pagination };
  if (!Array.isArray(p.items)) throw TypeError();
  return p;
};

/**
 * Lists the company's secrets, newest first.
 * @example const { items, pagination } = await Sharokey.list({ status: 'active', limit: 10 });
 */
export const listSecrets = async (cfg: Config, f?: ListFilters): Promise<Page<SecretItem>> => {
  checkOptions(f, filters('active', 'expired'));
  return page(await request(cfg, '/secrets' + query(f), f));
};

/** Checks a slug or request token argument and returns it as a path. */
export const at = (base: string, field: string, id: unknown, o?: WithSignal): string => {
  checkOptions(o, { [field]: slug }, { [field]: id });
  return base + id;
};

/** The secret's metadata, never its content. Alias: `get`. */
export const getDetails = async (cfg: Config, id: string, o?: WithSignal): Promise<SecretDetails> =>
  (await request(cfg, at('/secrets/', 'slug', id, o), o)).data;

/** Expires the secret now and clears its content; resolves to true (also when it was already gone). */
export const deleteSecret = async (cfg: Config, id: string, o?: WithSignal): Promise<true> =>
  !!(await request(cfg, at('/secrets/', 'slug', id, o), o, 'DELETE')) as true;
