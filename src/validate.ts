// The checks of every public method's input, read from the limits table.
// A check returns what is wrong ('' when fine), never the value itself: the
// value may be a password or a secret.
import { AttachmentError, ValidationError, type ErrorDetails } from './errors.ts';
import { LIMITS } from './limits.ts';

export type Check = ((v: any) => string) & { required?: 1 }; // eslint-disable-line @typescript-eslint/no-explicit-any
export type Schema = Record<string, Check>;

export const isText = (v: unknown): v is string => typeof v == 'string';

/**
 * Checks `values` against `schema` and throws one ValidationError naming
 * every bad field (an AttachmentError when only the files are at fault).
 * Absent values (undefined, null) pass unless the check is `required`.
 */
export const validate = (values: Record<string, unknown>, schema: Schema): void => {
  const details: ErrorDetails = {};
  for (const k in schema) {
    const v = values[k];
    const m = v == null && !schema[k]!.required ? '' : schema[k]!(v);
    if (m) details[k] = [m];
  }
  const fields = Object.keys(details);
  if (fields.length) {
    throw new (fields + '' == 'attachments' ? AttachmentError : ValidationError)('Invalid ' + fields.map((f) => f + ': ' + details[f]).join('; '), { details });
  }
};

/** The same check, but an absent value is an error too. */
export const required = (c: Check): Check => Object.assign((v: unknown) => c(v), { required: 1 as const });

/** Code points, as a person counts them; lone surrogates (which encoding would silently replace) refused. */
export const text = (min: number, max: number): Check => (v) => {
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
export const is = (type: string): Check => (v) => (typeof v == type ? '' : 'must be a ' + type);
export const email: Check = (v) => (isText(v) && v.length <= LIMITS.text && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(v) ? '' : 'must be an e-mail address');
/** A slug or request token: it becomes a path segment. */
export const slug = required((v) => (isText(v) && /^[\w-]{1,64}$/.test(v) ? '' : 'must be a slug or token'));

/** `+` then 8 to 15 digits, once spaces, dots, dashes and parentheses are dropped. */
export const toPhone = (v: string): string | false => /^\+\d{8,15}$/.test((v = v.replace(/[\s.()-]/g, ''))) && v;
export const phone: Check = (v) => (isText(v) && toPhone(v) ? '' : 'must be + then 8 to 15 digits');

// ISO 3166-1 alpha-2, the 249 officially assigned codes, as a 26 x 26 bitmap
// (bit 26 x first + second letter). Cross-checked against the list in the unit tests.
const ISO = atob('eFnf7u+93d4nP4QVgNQADgBcCbCf+xUAjQYYeA9AQAMAHSv0QYFP/fz/1yVLCAABQDyPUwEAAEAAUfH95zq7n5pBEARXhUAAAkAAAAAAEAAIBEAAAQ==');
export const isCountry = (c: string): boolean => {
  const i = (c.charCodeAt(0) - 65) * 26 + c.charCodeAt(1) - 65;
  return /^[A-Z]{2}$/.test(c) && ((ISO.charCodeAt(i >> 3) >> (i & 7)) & 1) == 1;
};

const v4 = (s: string): number[] | undefined => {
  const p = s.split('.');
  return p.length == 4 && p.every((x) => /^(0|[1-9]\d{0,2})$/.test(x) && +x < 256) ? p.map(Number) : undefined;
};
// Not: this network, 10/8, CGNAT 100.64/10, loopback, link-local, 172.16/12, 192.168/16, multicast and reserved.
const publicV4 = ([a, b]: number[]): boolean =>
  !(a == 0 || a == 10 || a == 127 || a! >= 224 || (a == 100 && b! >> 6 == 1) || (a == 169 && b == 254) || (a == 172 && b! >> 4 == 1) || (a == 192 && b == 168));

/** Eight 16-bit groups, or undefined when `s` is not an IPv6 address. */
const v6 = (s: string): number[] | undefined => {
  const m = s.match(/^(.*:)(\d+\.[\d.]+)$/);
  const q = m && v4(m[2]!);
  if (q) s = m![1] + ((q[0]! << 8) | q[1]!).toString(16) + ':' + ((q[2]! << 8) | q[3]!).toString(16);
  const halves = s.split('::');
  const part = (h = '') => (h ? h.split(':') : []);
  const a = part(halves[0]), b = part(halves[1]);
  const fill = 8 - a.length - b.length;
  const g = [...a, ...Array(halves.length > 1 ? fill : 0).fill('0'), ...b];
  return (!m || q) && halves.length < 3 && (halves.length > 1 ? fill > 0 : !fill) && g.every((x) => /^[\da-f]{1,4}$/i.test(x)) ? g.map((x) => parseInt(x, 16)) : undefined;
};
// Not: unspecified, loopback, IPv4-mapped private, fc00::/7, fe80::/10, multicast.
const publicV6 = (g: number[]): boolean =>
  g.slice(0, 5).some(Boolean) ? g[0]! < 0xfc00 : g[5] == 0xffff ? publicV4([g[6]! >> 8, g[6]! & 255]) : !g[5] && (g[6]! > 0 || g[7]! > 1);

/** One public IPv4/IPv6 address or CIDR range. */
export const isPublicIp = (entry: string): boolean => {
  const [addr = '', bits, extra] = entry.split('/');
  const a = v4(addr), b = a ? 0 : v6(addr);
  return !extra && (a ? publicV4(a) : !!b && publicV6(b)) && (bits == null || (/^\d{1,3}$/.test(bits) && +bits <= (a ? 32 : 128)));
};

/** The entries of a comma list given as a string or an array, trimmed. */
export const entries = (v: unknown): string[] => (Array.isArray(v) ? v : isText(v) ? v.split(',') : [0]).map((s) => (isText(s) ? s.trim() : ''));

/** A comma list (string or array) whose entries each pass `ok`, at most LIMITS.list characters joined. */
export const listOf = (ok: (s: string) => boolean, what: string): Check => (v) => {
  const items = entries(v);
  return items.join().length > LIMITS.list ? `must be at most ${LIMITS.list} characters` : items.length && items.every((s) => s && ok(s)) ? '' : 'must list only ' + what;
};

/**
 * The last path segment and the fragment of a share, request or inbox link.
 * Throws a ValidationError that never quotes the link: its fragment is a key.
 */
export const parseLink = (url: unknown, field: string, key?: RegExp): [id: string, key: string] => {
  let u: URL | 0 = 0;
  try {
    u = new URL(url as string);
  } catch {
    // reported below
  }
  const id = u && u.pathname.split('/').filter(Boolean).pop();
  const k = u && u.hash.slice(1);
  validate({ [field]: 0 }, { [field]: () => (!slug(id) ? (key && !key.test(k || '') ? 'has no valid key after #: was the link cut?' : '') : 'must be a link: https://host/path/ID#KEY') });
  return [id as string, k as string];
};
