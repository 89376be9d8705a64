/**
 * IPv4/IPv6 addresses and CIDR ranges as numbers: parsing, matching, and
 * the ranges an `ip_whitelist` may not name (not public).
 */

export interface IpRange {
  version: 4 | 6;
  /** First address of the range. */
  start: bigint;
  prefix: number;
}

const bits = (version: 4 | 6): number => (version === 4 ? 32 : 128);

function parseV4(text: string): bigint | null {
  const parts = text.split('.');
  if (parts.length !== 4) return null;
  let value = 0n;
  for (const part of parts) {
    if (!/^(0|[1-9]\d{0,2})$/.test(part) || Number(part) > 255) return null;
    value = (value << 8n) | BigInt(part);
  }
  return value;
}

function parseV6(text: string): bigint | null {
  if (!/^[0-9A-Fa-f:.]+$/.test(text) || text.split('::').length > 2) return null;
  let body = text;
  if (text.includes('.')) {
    // An embedded IPv4 tail (`::ffff:1.2.3.4`) stands for the last two groups.
    const lastColon = text.lastIndexOf(':');
    const tail = parseV4(text.slice(lastColon + 1));
    if (tail === null) return null;
    body = `${text.slice(0, lastColon + 1)}${(tail >> 16n).toString(16)}:${(tail & 0xffffn).toString(16)}`;
  }
  const [head, rest] = body.split('::') as [string, string | undefined];
  const groups = (s: string): string[] => (s === '' ? [] : s.split(':'));
  const left = groups(head);
  const right = rest === undefined ? [] : groups(rest);
  const missing = 8 - left.length - right.length;
  if (rest === undefined ? missing !== 0 : missing < 1) return null;
  const all = [...left, ...Array<string>(rest === undefined ? 0 : missing).fill('0'), ...right];
  let value = 0n;
  for (const group of all) {
    if (!/^[0-9A-Fa-f]{1,4}$/.test(group)) return null;
    value = (value << 16n) | BigInt(parseInt(group, 16));
  }
  return value;
}

/** An address (`203.0.113.5`, `2001:db8::1`) or a range (`203.0.113.0/24`); null if malformed. */
export function parseRange(text: string): IpRange | null {
  const [addr, prefixText, extra] = text.trim().split('/');
  if (extra !== undefined || addr === undefined) return null;
  const v4 = parseV4(addr);
  const version: 4 | 6 = v4 !== null ? 4 : 6;
  const value = v4 ?? parseV6(addr);
  if (value === null) return null;
  let prefix = bits(version);
  if (prefixText !== undefined) {
    if (!/^\d{1,3}$/.test(prefixText) || Number(prefixText) > bits(version)) return null;
    prefix = Number(prefixText);
  }
  return { version, start: value & mask(version, prefix), prefix };
}

/** A single address, no range (`203.0.113.9/32` is none); IPv4-mapped IPv6 (`::ffff:1.2.3.4`, as Node reports sockets) becomes IPv4. */
export function parseAddress(text: string): IpRange | null {
  const r = text.includes('/') ? null : parseRange(text.trim());
  if (!r || r.prefix !== bits(r.version)) return null;
  if (r.version === 6 && r.start >> 32n === 0xffffn) return { version: 4, start: r.start & 0xffffffffn, prefix: 32 };
  return r;
}

function mask(version: 4 | 6, prefix: number): bigint {
  const total = BigInt(bits(version));
  return ((1n << total) - 1n) ^ ((1n << (total - BigInt(prefix))) - 1n);
}

/** Whether `addr` lies in `range`. */
export function contains(range: IpRange, addr: IpRange): boolean {
  return range.version === addr.version && addr.prefix >= range.prefix && (addr.start & mask(range.version, range.prefix)) === range.start;
}

const NOT_PUBLIC: Array<[string, string]> = [
  ['0.0.0.0/8', 'unspecified'],
  ['10.0.0.0/8', 'private'],
  ['100.64.0.0/10', 'shared (CGNAT)'],
  ['127.0.0.0/8', 'loopback'],
  ['169.254.0.0/16', 'link-local'],
  ['172.16.0.0/12', 'private'],
  ['192.168.0.0/16', 'private'],
  ['224.0.0.0/4', 'multicast'],
  ['240.0.0.0/4', 'reserved'],
  ['::/128', 'unspecified'],
  ['::1/128', 'loopback'],
  ['::ffff:0:0/96', 'IPv4-mapped (write the IPv4 address)'],
  ['fc00::/7', 'unique-local'],
  ['fe80::/10', 'link-local'],
  ['ff00::/8', 'multicast'],
];
const REFUSED = NOT_PUBLIC.map(([cidr, why]) => ({ cidr, range: parseRange(cidr)!, why }));

/** Why a range may not be whitelisted (it overlaps a non-public block), or null if it may. */
export function notPublic(range: IpRange): string | null {
  // CIDR blocks are nested or disjoint, so overlap means one contains the other.
  for (const { cidr, range: block, why } of REFUSED) {
    if (contains(block, range)) return why;
    if (contains(range, block)) return `it covers ${cidr}: ${why}`;
  }
  return null;
}
