// The checks of every public method's input, read from the limits table.
// A check returns what is wrong ('' when fine), never the value itself: the
// value may be a password or a secret. (Only a list's bad entry is named: an IP
// address or a country code.)
import { AttachmentError, ValidationError, type ErrorDetails } from './errors.ts';
import { LIMITS } from './limits.ts';

export type Check = ((v: any) => string) & { required?: 1 }; // eslint-disable-line @typescript-eslint/no-explicit-any
export type Schema = Record<string, Check>;

export const isText = (v: unknown): v is string => typeof v == 'string';
/**
 * The options of a call that gave none, where they are read by name (the other
 * methods read absent options as undefined, `o?.signal`): an object on no
 * prototype (a `{}` would read what a page added to Object.prototype, its
 * `password` or `otpEmail`, as the caller's). Every such call shares it:
 * options are read, never written.
 */
export const NONE = Object.create(null) as {};
/** An object's own keys: never what a page added to Object.prototype (for...in would list it). */
export const keys = Object.keys as <T extends object>(o: T) => Array<keyof T & string>;

/**
 * Checks `values` against `schema` and throws one ValidationError naming
 * every bad field (an AttachmentError when only the files are at fault).
 * Absent values (undefined, null) pass unless the check is `required`.
 */
export const validate = (values: Record<string, unknown>, schema: Schema): void => {
  const details: ErrorDetails = {};
  // Own keys only: a page may have added enumerable properties to Object.prototype.
  for (const k of keys(schema)) {
    // An own value only: one a page added to Object.prototype is no value given.
    const v = Object.hasOwn(values, k) ? values[k] : undefined;
    const m = v == null && !schema[k]!.required ? '' : schema[k]!(v);
    if (m) details[k] = [m];
    // An option spelled otherwise only in case or underscores (`otp_email`, `Password`, as
    // the seeds and a hurried hand write them): dropped silently, it would leave a secret
    // less protected than asked. Other unknown keys are ignored (`config(getConfig())` works).
    for (const u of keys(values)) if (u != k && bare(u) == bare(k)) details[u] = ['is not an option: write ' + k];
  }
  const fields = keys(details);
  if (fields.length) {
    throw new (fields + '' == 'attachments' ? AttachmentError : ValidationError)('Invalid ' + fields.map((f) => f + ': ' + details[f]).join('; '), { details });
  }
};

/**
 * Checks a method's options object (absent, or an object whose `signal` is an
 * AbortSignal) and its fields against `schema` (none: `signal` alone); `args` are the method's other
 * arguments, checked by the same schema.
 */
export const checkOptions = (o: unknown, schema: Schema = {}, args?: object): void =>
  validate({ ...(o as object), ...args, options: o }, { options: obj, signal, ...schema });

/** The snake_case of a camelCase name: `emailTo` -> `email_to`. */
export const snake = (k: string): string => k.replace(/[A-Z]/g, (c) => '_' + c.toLowerCase());
/** A name without case or underscores: `otp_email`, `OTPEmail` and `otpEmail` are one. */
const bare = (k: string): string => k.replace(/_/g, '').toLowerCase();

/** The same check, but an absent value is an error too. */
export const required = (c: Check): Check => Object.assign((v: unknown) => c(v), { required: 1 as const });

/** Code points, as a person counts them; lone surrogates (which encoding would silently replace) refused. */
export const text = ([min, max]: readonly number[]): Check => (v) => {
  let n = -1;
  try {
    n = (encodeURIComponent(v), [...v].length);
  } catch {
    // a lone surrogate
  }
  return isText(v) && n >= min && n <= max ? '' : `must be text of ${min} to ${max} characters`;
};

export const int = ([min, max]: readonly number[]): Check => (v) => (Number.isInteger(v) && v >= min! && v <= max! ? '' : `must be a whole number from ${min} to ${max}`);
export const oneOf = (...values: string[]): Check => (v) => (values.includes(v) ? '' : 'must be ' + values.join(' or '));
/** An object (not null), also when absent. */
const obj: Check = (v) => (v && typeof v == 'object' ? '' : 'must be an object');
export const object = required(obj);
export const is = (type: string): Check => (v) => (typeof v == type ? '' : 'must be a ' + type);
export const email: Check = (v) => (isText(v) && v.length <= LIMITS.email && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(v) ? '' : 'must be an e-mail address');
/** Duck-typed: an AbortSignal of another frame is one too. */
export const signal: Check = (v) => (typeof v?.throwIfAborted == 'function' ? '' : 'must be an AbortSignal');
/**
 * A slug or request token: it becomes a path segment, so only URL-unreserved
 * characters (PROTOCOL.md sets no other format), and never `.` or `..`.
 */
export const slug = required((v) => (isText(v) && /^(?!\.\.?$)[\w.~-]{1,255}$/.test(v) ? '' : 'must be an ID (A-Za-z0-9_.~-), not a link'));

/** `+` then 8 to 15 digits, once spaces, dots, dashes and parentheses are dropped. */
export const toPhone = (v: string): string | false => /^\+\d{8,15}$/.test((v = v.replace(/[\s.()-]/g, ''))) && v;
export const phone: Check = (v) => (isText(v) && toPhone(v) ? '' : 'must be + then 8 to 15 digits');

// ISO 3166-1 alpha-2, the 249 officially assigned codes, as a 26 x 26 bitmap
// (bit 26 x first + second letter). Cross-checked against the list in the unit tests.
const ISO = atob('eFnf7u+93d4nP4QVgNQADgBcCbCf+xUAjQYYeA9AQAMAHSv0QYFP/fz/1yVLCAABQDyPUwEAAEAAUfH95zq7n5pBEARXhUAAAkAAAAAAEAAIBEAAAQ==');
/** An assigned code, in any case (of the letters A to Z alone: 'ß'.toUpperCase() is 'SS'). */
export const isCountry = (c: string): boolean => {
  // A letter's code & 31 is 1 to 26 in either case: bit 26 x first + second letter.
  const i = (c.charCodeAt(0) & 31) * 26 + (c.charCodeAt(1) & 31) - 27;
  return /^[a-z]{2}$/i.test(c) && ((ISO.charCodeAt(i >> 3) >> (i & 7)) & 1) == 1;
};

/** `new URL(url)`, or undefined when it is not one. */
const toUrl = (url: unknown): URL | undefined => {
  try {
    return new URL(url as string);
  } catch {
    // not a URL
  }
};

/**
 * One public IPv4/IPv6 address or CIDR range, and a range only when every
 * address in it is public. The URL parser of the platform does the parsing:
 * an IPv4 address must read back unchanged (no octal, hex or short forms), an
 * IPv6 one comes back canonical, lower case and compressed. Judged on the
 * first 16 bits, which every refused block is aligned to: IPv4 by the blocks
 * of the loop below; IPv6 refuses a first group of 0 (::, ::1, ::ffff:a.b.c.d: write the IPv4
 * address) and fc00 and up (unique-local, link-local, multicast). Never
 * looser than the server (the unit tests hold it to the mock's rules).
 */
export const isPublicIp = (entry: string): boolean => {
  const [addr, bits, extra] = entry.split('/') as [string, string?, string?];
  const v6 = addr.includes(':');
  const max = v6 ? 128 : 32;
  // (An http: URL that parses has a host name.)
  const h = toUrl(v6 ? `http://[${addr}]` : 'http://' + addr)?.hostname;
  const n = bits ?? max;
  // Only the characters of an address: the URL parser would take `1.2.3.4..` as a host name, `[::1]#x` as a fragment.
  // And not what some parsers let through, against the URL standard: a lone `:` at the end (WebKit: `2001:db8::1:`),
  // an IPv4 octet with a leading 0 (Chromium: `2001:db8::01.2.3.4`). npm run engines compares the browsers with Node.
  if (!h || extra != null || !/^\d{1,3}$/.test(n + '') || +n > max || !(v6 ? /^(?!.*(\b:$|\b0\d+\.|\.0\d))[\da-f:.]+$/i.test(addr) : h == addr && /^(\d+\.){3}\d+$/.test(h))) return false;
  // The first 16 bits of the range's addresses: span values from i.
  let span = 1 << Math.max(0, 16 - +n);
  let i = v6 ? parseInt(h.slice(1), 16) || 0 : parseInt(h) << 8 | parseInt(h.split('.')[1]!);
  for (i -= i % span; span--; i++) {
    // IPv4 not: this network, 10/8, loopback, multicast and reserved, 100.64/10 (CGNAT), 172.16/12, 169.254/16, 192.168/16.
    if (v6 ? !i || i > 0xfbff : [0, 10, 127].includes(i >> 8) || i > (223 << 8 | 255) || i >> 6 == (100 << 2 | 1) || i >> 4 == (172 << 4 | 1) || i == (169 << 8 | 254) || i == (192 << 8 | 168)) return false;
  }
  return true;
};

/** The entries of a comma list given as a string or an array, trimmed. */
export const entries = (v: unknown): string[] => (Array.isArray(v) ? v : isText(v) ? v.split(',') : [0]).map((s) => (isText(s) ? s.trim() : ''));

/** A comma list (string or array) whose entries each pass `ok`, at most LIMITS.list characters joined. */
export const listOf = (ok: (s: string) => boolean, what: string): Check => (v) => {
  const items = entries(v);
  // The first bad entry, named: an address or a country code is no secret.
  const bad = items[0] ? items.find((s) => !s || !ok(s)) : '';
  return items.join().length > LIMITS.list ? `must be at most ${LIMITS.list} characters` : bad == null ? '' : `must list only ${what}, not "${bad}"`;
};

/**
 * The last path segment and the fragment of a share, request or inbox link,
 * also as a mail or a sentence quotes it: `<link>`, `"link"`, `(link)`, `link.`
 * What comes before its first letter or digit is not the link's, nor what
 * follows its end: a key (a letter, a digit, `_` or `-`) when `key` says the
 * link ends with one, else a slug or token, whose `.` and `~` are kept. Throws a
 * ValidationError that never quotes the link: its fragment is a key.
 */
export const parseLink = (url: unknown, field: string, key?: RegExp): [id: string, key: string] => {
  // (Each end's run scanned once, from the character before it: linear on any input.)
  const u = toUrl(isText(url) ? url.replace(key ? /^\W+|([\w-])[^\w-]+$/g : /^\W+|([\w.~-])[^\w.~-]+$/g, '$1') : url);
  const id = u?.pathname.split('/').filter(Boolean).pop();
  const k = u?.hash.slice(1);
  validate({ [field]: 0 }, { [field]: () => (!slug(id) ? (key && !key.test(k || '') ? 'has no valid key after #: was the link cut?' : '') : 'must be the whole link') });
  return [id as string, k as string];
};
