// The validators of src/ on their own: IP ranges, country codes, formats.
import { test, expect } from '@playwright/test';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { email, entries, isCountry, isPublicIp, listOf, parseLink, phone, toPhone, text, int } from '../../src/validate.ts';
import { notPublic, parseRange } from '../../mock/ip.ts';
import { LIMITS } from '../../src/limits.ts';

// The 249 officially assigned ISO 3166-1 alpha-2 codes, written out.
const ISO = readFileSync(new URL('./iso3166.txt', import.meta.url), 'utf8').trim().split(/\s+/);

test('country codes: exactly the 249 assigned ISO 3166-1 alpha-2 codes', () => {
  expect(ISO).toHaveLength(249);
  let accepted = 0;
  for (let a = 65; a < 91; a++) for (let b = 65; b < 91; b++) {
    const c = String.fromCharCode(a, b);
    expect(isCountry(c), c).toBe(ISO.includes(c));
    accepted += +isCountry(c);
  }
  expect(accepted).toBe(249);
  for (const c of ['F', 'FRA', 'UK', 'EU', 'XK', 'ZZ', '', '1A', 'uk', 'ß', 'ﬁ', 'ıt', 'İT', 'Fr ']) expect(isCountry(c), c).toBe(false);
  // Any case, of the letters A to Z alone (upper-cased, 'ß' would be 'SS' and 'ﬁ' 'FI').
  for (const c of ['fr', 'Fr', 'fR', 'it']) expect(isCountry(c), c).toBe(true);
});

test('IP whitelist: public addresses and ranges pass, private, loopback and malformed ones do not', () => {
  const ok = ['203.0.113.5', '198.51.100.10', '192.0.2.0/24', '8.8.8.8', '1.1.1.1/32', '2001:db8::1', '2001:4860:4860::8888', '2606:4700::/32', '2001:db8:0:0:0:0:0:1', '2001:DB8::A',
    '8.0.0.0/7', '11.0.0.0/8', '2000::/3', '203.0.113.0/24'];
  const bad = ['::ffff:8.8.8.8', '8.8.8.8/0', '0.0.0.0/1', '8.0.0.0/6', '100.0.0.0/8', '172.0.0.0/8', '192.0.0.0/8', '::/0', '8000::/1', 'fc00::/6', '10.0.0.1', '172.16.0.1', '172.31.255.255', '192.168.1.0/24', '127.0.0.1', '169.254.1.1', '0.0.0.0', '0.0.0.0/0', '224.0.0.1', '255.255.255.255', '100.64.0.1',
    '::1', '::', 'fe80::1', 'fc00::1', 'fd12:3456::1', 'ff02::1', '::ffff:192.168.0.1', '::ffff:127.0.0.1',
    '256.1.1.1', '1.2.3', '1.2.3.4.5', '01.2.3.4', '1.2.3.4/33', '1.2.3.4/', '1.2.3.4/8/9', '2001:db8::/129', 'a.b.c.d', '2001:db8:::1', '1::2::3', '12345::1', 'localhost', '', ' ', '1.2.3.4 ',
    // What the URL parser reads as a host name, or as a query or fragment after the address.
    '8..', '203.0.113.5..', '.8.8.8.8', '2001:db8::1]#x', '2001:db8::1]?junk', '2001:db8::1]/x', '[2001:db8::1]', '2001:db8::1%eth0'];
  for (const ip of ok) expect(isPublicIp(ip), ip).toBe(true);
  for (const ip of bad) expect(isPublicIp(ip), ip).toBe(false);
  // Lists: trimmed, joined, bounded by LIMITS.list.
  const ips = listOf(isPublicIp, 'x');
  expect(entries('203.0.113.5, 198.51.100.10').join()).toBe('203.0.113.5,198.51.100.10');
  expect(ips('203.0.113.5, 198.51.100.10')).toBe('');
  expect(ips(['8.8.8.8', '10.0.0.1'])).toBe('must list only x, not "10.0.0.1"');
  expect(ips(Array(20).fill('203.0.113.100').join(','))).toMatch(String(LIMITS.list));
  for (const bad of ['8.8.8.8,,1.1.1.1', [], '', 42, [8]]) expect(ips(bad), String(bad)).not.toBe('');
});

test('IP whitelist: never looser than the mock (every entry the mock refuses, the library refuses too), and for IPv4 exactly as strict', () => {
  const bases = ['8.8.8.8', '1.1.1.1', '10.1.2.3', '11.0.0.1', '100.63.255.255', '100.64.0.1', '100.128.0.1', '126.255.255.255', '127.0.0.1', '128.0.0.1', '169.253.0.1', '169.254.9.9',
    '172.15.0.1', '172.16.0.1', '172.32.0.1', '192.167.0.1', '192.168.0.1', '203.0.113.7', '223.255.255.255', '224.0.0.1', '239.1.1.1', '255.255.255.255', '0.1.2.3',
    '2001:db8::1', '2606:4700::1', '::1', '::', '::ffff:8.8.8.8', 'fbff::1', 'fc00::1', 'fe80::1', 'febf::1', 'ff02::1', '1::1', '8000::1', 'fbff:ffff::1'];
  let tried = 0;
  const looser: string[] = [];
  // IPv4 blocks are the same on both sides; IPv6 the library judges by its first 16 bits, so it may refuse more.
  const stricter: string[] = [];
  for (const base of bases) {
    for (let bits = 0; bits <= (base.includes(':') ? 128 : 32); bits++) {
      const entry = `${base}/${bits}`;
      const range = parseRange(entry);
      const mockRefuses = !range || notPublic(range) !== null;
      tried++;
      if (mockRefuses && isPublicIp(entry)) looser.push(entry);
      if (!mockRefuses && !isPublicIp(entry) && !base.includes(':')) stricter.push(entry);
    }
  }
  console.log(`IP whitelist cross-check: ${tried} entries, ${looser.length} that the library lets through and the mock refuses, ${stricter.length} IPv4 ones the other way`);
  expect(looser).toEqual([]);
  expect(stricter).toEqual([]);
});

test('e-mail, phone, text and integer checks', () => {
  for (const e of ['a@b.co', 'first.last+tag@sub.example.org', 'x'.repeat(249) + '@b.co']) expect(email(e), e).toBe('');
  // 254 characters at most, as the mock (RFC 5321): 255 is refused.
  expect(email('x'.repeat(250) + '@b.co')).not.toBe('');
  for (const e of ['a@b', '@b.co', 'a b@c.co', 'a@b..co', 'a@.co', 5, null, 'x'.repeat(251) + '@b.co']) expect(email(e), String(e)).not.toBe('');
  expect(toPhone('+33674747474')).toBe('+33674747474');
  expect(toPhone('+33 6 74 74 74 74')).toBe('+33674747474');
  expect(phone('+33 (6) 74-74.74.74')).toBe('');
  for (const p of ['0674747474', '+1234567', '+1234567890123456', '+33abc', 33674747474]) expect(phone(p), String(p)).not.toBe('');
  const content = text(LIMITS.content);
  expect(content('😀'.repeat(255))).toBe('');
  expect(content('😀'.repeat(256))).not.toBe('');
  expect(content('')).not.toBe('');
  expect(content('a\uD800b')).not.toBe('');
  expect(content('a\uDC00')).not.toBe('');
  expect(content(42)).not.toBe('');
  const hours = int(LIMITS.hours);
  for (const h of [1, 24, 8760]) expect(hours(h)).toBe('');
  for (const h of [0, 8761, 1.5, NaN, Infinity, -1, '24', null]) expect(hours(h), String(h)).not.toBe('');
});

test('links as a mail or a sentence quotes them: what is around a key goes; a slug or token keeps its . and ~; a cut key stays cut', () => {
  const key = /^[A-Za-z0-9]{24}$/;
  const k = 'A'.repeat(23) + 'z';
  for (const quoted of [`<https://h.example/s/abcdefgh#${k}>`, `"https://h.example/s/abcdefgh#${k}".`, `(https://h.example/s/abcdefgh#${k}),`, ` https://h.example/s/abcdefgh#${k}. `]) {
    expect(parseLink(quoted, 'shareUrl', key), quoted).toEqual(['abcdefgh', k]);
  }
  // Without a key, the end is a slug's or a token's: its . and ~ are its own (PROTOCOL.md gives no format).
  expect(parseLink('https://h.example/r/tok~', 'requestUrl')[0]).toBe('tok~');
  expect(parseLink('https://h.example/r/a.b.', 'requestUrl')[0]).toBe('a.b.');
  expect(parseLink('<https://h.example/r/tok>', 'requestUrl')[0]).toBe('tok');
  // A cut key stays cut.
  expect(() => parseLink(`https://h.example/s/abcdefgh#${k.slice(1)}.`, 'shareUrl', key)).toThrow(/cut/);
});

test('a link of 400,000 marks before its last letter is refused in one pass, not a scan from every place (which hung a tab for minutes)', async () => {
  // In a process of its own, bounded: a regex holds the thread, so no test timeout could end it.
  const { build } = await import('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'sharokey-links-'));
  const bundle = join(dir, 'validate.mjs');
  await build({ entryPoints: ['src/validate.ts'], bundle: true, format: 'esm', outfile: bundle, logLevel: 'silent' });
  const script = `
    import { parseLink } from ${JSON.stringify(pathToFileURL(bundle).href)};
    const marks = "'".repeat(400_000), key = /^[A-Za-z0-9]{24}$/;
    let refused = 0;
    for (const [url, k] of [['https://h.example/s/abcdefgh#' + marks + 'a', key], [marks + 'a', key], ['https://h.example/r/' + marks + 'a'], ['https://h.example/r/t' + "'~".repeat(200_000) + 'x']]) {
      try { parseLink(url, 'link', k); } catch { refused++; }
    }
    process.stdout.write(String(refused));`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
  rmSync(dir, { recursive: true, force: true });
  expect([r.signal, r.stdout.trim()], r.stderr).toEqual([null, '4']);
});
