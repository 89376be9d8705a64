// What the library makes of an input where engines may differ (the URL parser
// reads the IP addresses and the links; Date reads the dates; strings are read by
// code point), as one word per
// input: 'ok' or 'refused'. engines/run.mjs computes them in Node with the ES
// module build, each browser with the script tag's build, and the page
// compares. Every call is refused before anything is sent: another field is
// always wrong, so no input here makes a request, and the verdict is whether
// the field under test is among the ValidationError's details.
export const CASES = () => {
  const ipBases = ['8.8.8.8', '1.1.1.1', '10.1.2.3', '11.0.0.1', '100.63.255.255', '100.64.0.1', '100.128.0.1', '126.255.255.255', '127.0.0.1', '128.0.0.1', '169.253.0.1', '169.254.9.9',
    '172.15.0.1', '172.16.0.1', '172.32.0.1', '192.167.0.1', '192.168.0.1', '203.0.113.7', '223.255.255.255', '224.0.0.1', '239.1.1.1', '255.255.255.255', '0.1.2.3',
    '2001:db8::1', '2606:4700::1', '::1', '::', '::ffff:8.8.8.8', 'fbff::1', 'fc00::1', 'fe80::1', 'febf::1', 'ff02::1', '1::1', '8000::1', 'fbff:ffff::1'];
  const ip = ipBases.flatMap((b) => Array.from({ length: (b.includes(':') ? 128 : 32) + 1 }, (_, bits) => `${b}/${bits}`)).concat(ipBases, [
    '0x08.8.8.8', '08.8.8.8', '8.8.8.8.', '8.8.8', '134744072', '0x8080808', '8.8.2056', '1.1.1.1/08', '1.1.1.1/+8', '1.1.1.1/ 8', '2001:db8::1/064',
    '::ffff:1.2.3.4', '2001:db8::1.2.3.4', '::1.2.3.4', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7::', '::2:3:4:5:6:7:8', '2001:0db8:0000::1', 'FE80::1', 'Fe80::1',
    '[::1]', '[2001:db8::1]', '203.0.113.5:80', '2001:db8::1:80', '\uff18.\uff18.\uff18.\uff18', '8\u30028.8.8', '8.8.8.8\t', '\t8.8.8.8', '8.8.8.8\n', '8.8.8.8/32\n',
    '2001:db8::%31', '2001:db8::1%25eth0', 'fe80::1%eth0', '1.2.3.4%', '8.8.8.8#', '8.8.8.8?', '8.8.8.8/', '2001:db8::', '2001:db8::/', '::ffff:0:0/96', '64:ff9b::8.8.8.8', '2002:808:808::1',
    '2001::1', '2001:db8::g', '2001:db8:1:2:3:4:5:6:7', ':2001:db8::1', '2001:db8::1:', 'x8.8.8.8', '8.8.8.8x', '8.8.8.256', '255.255.255.254', '1.0.0.0', '223.255.255.255/1',
    '2001:db8:1:', '2001:db8::1:/64', '2001:db8:0:0:0:0:0:1:', ':2001:db8:0:0:0:0:0:1', '2001::db8::', '2001:db8:::', '2001:db8::1::', '2001:db8::12345', '2001:db8::1:2:3:4:5:6:7',
    '2001:db8:1:2:3:4:5:6:', '2001:db8:1:2:3:4:5::6', '2001:db8::1.2.3', '2001:db8::1.2.3.4.5', '2001:db8::1.2.3.4:1', '2001:db8::01.2.3.4', '2001:db8::1.2.3.256', '2001:db8:: 1', '2001 :db8::1']);
  // IPv6-like strings from a seeded generator: where URL parsers part ways.
  let seed = 20261201;
  const rand = (n) => ((seed = (seed * 1103515245 + 12345) % 2147483648) % n);
  const parts = ['2001', 'db8', '0db8', '1', '0', 'ffff', 'abcd', '12345', 'g1', ':', '::', ':::', '.', '1.2.3.4', '01.2.3.4', '1.2.3', '1.2.3.256', '0.0.0.0', '/64', '/0', '/129', ' '];
  for (let i = 0; i < 3000; i++) {
    let v = '2001:db8';
    for (let j = rand(8); j >= 0; j--) v += (rand(3) ? ':' : '') + parts[rand(parts.length)];
    ip.push(v);
  }
  const k = 'Ab1'.repeat(8);
  const h = 'https://h.example';
  const link = [`${h}/s/abcdefgh#${k}`, `HTTPS://H.EXAMPLE/S/ABCDEFGH#${k}`, `${h}/s/abcdefgh/#${k}`, `${h}/s/abcdefgh?x=1#${k}`, `${h}/s/abcdefgh#${k}#x`, `${h}/s/abcdefgh#${k}x`,
    `https://user:pw@h.example/s/abcdefgh#${k}`, `https://h.example:99999/s/abcdefgh#${k}`, `https://h.example:443/s/abcdefgh#${k}`, `https:\\\\h.example\\s\\abcdefgh#${k}`, `https:h.example/s/abcdefgh#${k}`,
    `${h}/s/abc\tdefgh#${k}`, `${h}/s/abcdefgh#${k.slice(0, 12)}\n${k.slice(12)}`, ` ${h}/s/abcdefgh#${k} `, `<${h}/s/abcdefgh#${k}>`, `"${h}/s/abcdefgh#${k}".`, `(${h}/s/abcdefgh#${k}),`,
    `${h}/s/%61bcdefgh#${k}`, `${h}/s/abcdefgh%23${k}`, `${h}/s/ab%2Fcdefgh#${k}`, `${h}/s/./abcdefgh#${k}`, `${h}/s/../abcdefgh#${k}`, `${h}/s/abcdefgh/..#${k}`, `https://xn--bcher-kva.example/s/abcdefgh#${k}`,
    `https://bücher.example/s/abcdefgh#${k}`, `https://[2001:db8::1]/s/abcdefgh#${k}`, `https://127.1/s/abcdefgh#${k}`, `http://h.example/s/abcdefgh#${k}`, `ftp://h.example/s/abcdefgh#${k}`,
    `javascript:alert(1)//s/abcdefgh#${k}`, `data:text/html,abcdefgh#${k}`, `//h.example/s/abcdefgh#${k}`, `/s/abcdefgh#${k}`, `h.example/s/abcdefgh#${k}`, `${h}/s/abcdefgh#`, `${h}/s/abcdefgh`,
    `${h}/s/#${k}`, `${h}/#${k}`, `${h}/s/abcdefgh#${k.slice(1)}.`, `${h}/s/abcdefgh#${k}\u00a0`, `${h}/s/abcdefgh#\u0041${k.slice(1)}`, `${h}/s/abcdefgh#${k.slice(0, 23)}\uff41`, `${h}/s/ab\u00e9defgh#${k}`];
  const request = [`${h}/r/tok~`, `${h}/r/a.b.`, `<${h}/r/tok>`, `${h}/r/${'t'.repeat(32)}`, `${h}/r/`, `${h}/r/tok?x#y`, `${h}/r/t%20k`, `HTTP://H.EXAMPLE/R/TOK`, 'tok', `${h}/r/tok/`, `https:\\\\h.example\\r\\tok`];
  const date = ['2025-01-01', '2025-02-29', '2024-02-29', '0000-01-01', '9999-12-31', '+002025-01-01', '2025-01-01T00:00', '2025-01-01T00:00:00Z', '2025-1-01', ' 2025-01-01', '2025-01-01 ',
    '1970-01-01', '1969-12-31', '2025-12-31', '2025-13-01', '2025-00-10', '2025-04-31', '2025-04-30', '2025/01/01', '20250101', '2025-01-01\n', 'Jan 1 2025', '1 January 2025', '2025-W01-1', '2025-001', '-000001-01-01'];
  const email = ['a@b.co', 'first.last+tag@sub.example.org', 'a@b', 'a b@c.co', 'a@b..co', 'é@ü.example', 'a@xn--bcher-kva.example', '"a"@b.co', 'a@[1.2.3.4]', 'A@B.CO', 'a@b.co\n', 'a@b.c', 'a@-b.co'];
  const phone = ['+33674747474', '+33 6 74 74 74 74', '+1 (555) 010-9999', '+1.555.010.9999', '+\uff13\uff13674747474', '+33\u00a0674747474', '+١٢٣٤٥٦٧٨٩', '0674747474', '+1234567', '+1234567890123456'];
  const country = ['FR', 'fr', 'Fr', 'UK', 'XK', 'EU', 'ZZ', 'ß', 'ﬁ', 'ıt', 'İT', 'FR,DE', 'FR, de', 'FR;DE', '', 'fra', 'FR,', 'us,GB,jp'];
  // Lengths in code points, where a string's reading may differ: astral characters, lone
  // surrogates (at either end, in pairs the wrong way round), combining marks, at 255 and 256.
  const e = '\u{1F510}', hi = '\ud83d', lo = '\udd10';
  const content = ['', 'a', 'a'.repeat(255), 'a'.repeat(256), e.repeat(255), e.repeat(256), e.repeat(254) + 'a', 'a'.repeat(254) + e, hi, lo, lo + hi, 'a' + hi, lo + 'a',
    hi.repeat(255), hi.repeat(256), (lo + hi).repeat(128), 'e\u0301'.repeat(127), 'e\u0301'.repeat(128), '\u0000', ' ', '\n', '\u200b', '\ufeff'.repeat(255), '\ufeff'.repeat(256),
    'a'.repeat(254) + hi, 'a'.repeat(254) + hi + lo, '\u{10FFFF}'.repeat(255), '\u{10FFFF}'.repeat(256)];
  return { ip, link, request, date, email, phone, country, content };
};

// kind -> (S, input) -> 'ok' | 'refused', by which fields the ValidationError names.
const named = (field) => (e) => {
  if (!e || e.name !== 'ValidationError' || !e.details) throw e;
  return Object.hasOwn(e.details, field) ? 'refused' : 'ok';
};
const rejected = async (p, field) => {
  try { await p; } catch (e) { return named(field)(e); }
  throw new Error('a call meant to be refused resolved');
};
export const VERDICTS = {
  ip: (S, v) => rejected(S.create('', 1, 1, { ipWhitelist: v }), 'ipWhitelist'),
  link: (S, v) => rejected(S.reveal(v, { password: 5 }), 'shareUrl'),
  request: (S, v) => rejected(S.respond(v, ''), 'requestUrl'),
  date: (S, v) => rejected(S.getStats({ from: v, to: 'x' }), 'from'),
  email: (S, v) => rejected(S.create('', 1, 1, { otpEmail: v }), 'otpEmail'),
  phone: (S, v) => rejected(S.create('', 1, 1, { otpPhone: v }), 'otpPhone'),
  country: (S, v) => rejected(S.create('', 1, 1, { geolocation: v }), 'geolocation'),
  content: (S, v) => rejected(S.create(v, 0, 1), 'content'),
};

/** { kind: verdicts[] } for every case, in order. */
export const judge = async (S) => {
  const cases = CASES();
  const out = {};
  for (const [kind, inputs] of Object.entries(cases)) {
    out[kind] = [];
    for (const v of inputs) out[kind].push(await VERDICTS[kind](S, v));
  }
  return out;
};
