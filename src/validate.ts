import { AttachmentError, ValidationError, type ErrorDetails } from './errors.ts';
import { LIMITS } from './limits.ts';

/** A check returns '' when the value is fine, else what is wrong (never the value). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- checks take anything
export type Check = (v: any) => string;

export const isText = (v: unknown): v is string => typeof v == 'string';
/** Code points, as a person counts them. */
export const chars = (s: string): number => [...s].length;
/** Lone surrogates would be silently replaced by U+FFFD on encoding: refuse them. */
const wellFormed = (s: string): boolean => {
  try {
    return !!encodeURIComponent(s);
  } catch {
    return false;
  }
};

export const text = (min: number, max: number): Check => (v) =>
  !isText(v) ? 'must be a string'
  : !wellFormed(v) ? 'has a broken character (a lone surrogate)'
  : chars(v) < min || chars(v) > max ? `must be ${min} to ${max} characters`
  : '';

export const int = ([min, max]: readonly [number, number]): Check => (v) =>
  Number.isInteger(v) && v >= min && v <= max ? '' : `must be a whole number from ${min} to ${max}`;

export const oneOf = (...values: string[]): Check => (v) => (values.includes(v) ? '' : 'must be ' + values.join(' or '));

export const email: Check = (v) =>
  isText(v) && v.length <= LIMITS.text && /^[^\s@]+@[^\s@.]+(\.[^\s@.]+)+$/.test(v) ? '' : 'must be an e-mail address';

/** `+` then 8 to 15 digits, after dropping spaces, dots, dashes and parentheses. */
export const phone = (v: unknown): string | undefined => (isText(v) && /^\+\d{8,15}$/.test((v = v.replace(/[\s.()-]/g, ''))) ? (v as string) : undefined);

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
  if (m) {
    const q = v4(m[2]!);
    if (!q) return;
    s = m[1] + ((q[0]! << 8) | q[1]!).toString(16) + ':' + ((q[2]! << 8) | q[3]!).toString(16);
  }
  const halves = s.split('::');
  const part = (h = '') => (h ? h.split(':') : []);
  const a = part(halves[0]), b = part(halves[1]);
  const fill = 8 - a.length - b.length;
  const g = [...a, ...Array(halves.length > 1 ? fill : 0).fill('0'), ...b];
  return halves.length < 3 && (halves.length > 1 ? fill > 0 : !fill) && g.every((x) => /^[\da-f]{1,4}$/i.test(x))
    ? g.map((x) => parseInt(x, 16))
    : undefined;
};
// Not: unspecified, loopback, IPv4-mapped private, fc00::/7, fe80::/10, multicast.
const publicV6 = (g: number[]): boolean => {
  if (g.slice(0, 5).some(Boolean)) return g[0]! < 0xfc00;
  if (g[5] == 0xffff) return publicV4([g[6]! >> 8, g[6]! & 255]);
  return !g[5] && (g[6]! > 0 || g[7]! > 1);
};

/** One public IPv4/IPv6 address or CIDR range. */
export const isPublicIp = (entry: string): boolean => {
  const [addr = '', bits, extra] = entry.split('/');
  const a = v4(addr), b = a ? undefined : v6(addr);
  const max = a ? 32 : 128;
  return !extra && (a ? publicV4(a) : !!b && publicV6(b)) && (bits == null || (/^\d{1,3}$/.test(bits) && +bits <= max));
};

/** A comma list (string or array) of entries that each pass `ok`: the joined string, or a message. */
export const list = (v: unknown, ok: (s: string) => boolean, what: string): [string, string] => {
  const items = (Array.isArray(v) ? v : isText(v) ? v.split(',') : [null]).map((s) => (isText(s) ? s.trim() : ''));
  const joined = items.join(',');
  return [
    joined,
    !items.length || joined.length > LIMITS.list ? `must be 1 to ${LIMITS.list} characters`
    : items.every((s) => s && ok(s)) ? ''
    : 'must list only ' + what,
  ];
};

/** Collects what is wrong with each field, then throws it all at once. */
export class Invalid {
  d: ErrorDetails = {};
  /** Records `message` for `field` unless it is ''. */
  add(field: string, message: string | undefined): void {
    if (message) (this.d[field] ??= []).push(message);
  }
  /** Runs `check` on `v` unless it is absent (undefined or null). */
  opt(field: string, v: unknown, check: Check): void {
    if (v != null) this.add(field, check(v));
  }
  /** Throws a ValidationError (an AttachmentError when only files are at fault). */
  throw(): void {
    const fields = Object.keys(this.d);
    if (fields.length) {
      const C = fields + '' == 'attachments' ? AttachmentError : ValidationError;
      throw new C('Invalid ' + fields.map((f) => `${f}: ${this.d[f]!.join(', ')}`).join('; '), { details: this.d });
    }
  }
}
