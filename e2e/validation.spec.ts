// Every validation rule: rejected with a typed error naming the field, before
// any request reaches the server.
import { test, expect, run, rejected, mock } from './helpers.ts';

// [call on S = window.Sharokey, error class, field named in details]
const CASES: [string, string, string][] = [
  // content: 1..255 characters (code points), a string, well formed
  ["S.create('', 1, 1)", 'ValidationError', 'content'],
  ["S.create('a'.repeat(256), 1, 1)", 'ValidationError', 'content'],
  ["S.create('😀'.repeat(256), 1, 1)", 'ValidationError', 'content'],
  ['S.create(42, 1, 1)', 'ValidationError', 'content'],
  ['S.create(null, 1, 1)', 'ValidationError', 'content'],
  ["S.create('a\\uD800', 1, 1)", 'ValidationError', 'content'],
  // hours: integer 1..8760
  ["S.create('x', 0, 1)", 'ValidationError', 'hours'],
  ["S.create('x', 8761, 1)", 'ValidationError', 'hours'],
  ["S.create('x', 1.5, 1)", 'ValidationError', 'hours'],
  ["S.create('x', NaN, 1)", 'ValidationError', 'hours'],
  ["S.create('x', '24', 1)", 'ValidationError', 'hours'],
  // views: integer 1..1000
  ["S.create('x', 1, 0)", 'ValidationError', 'views'],
  ["S.create('x', 1, 1001)", 'ValidationError', 'views'],
  ["S.create('x', 1, Infinity)", 'ValidationError', 'views'],
  // description, message: at most 255
  ["S.create('x', 1, 1, { description: 'd'.repeat(256) })", 'ValidationError', 'description'],
  ["S.create('x', 1, 1, { message: 'm'.repeat(256) })", 'ValidationError', 'message'],
  ["S.create('x', 1, 1, { message: 7 })", 'ValidationError', 'message'],
  // password: 4..100
  ["S.create('x', 1, 1, { password: 'abc' })", 'ValidationError', 'password'],
  ["S.create('x', 1, 1, { password: 'p'.repeat(101) })", 'ValidationError', 'password'],
  ["S.create('x', 1, 1, { captcha: 'yes' })", 'ValidationError', 'captcha'],
  // OTP formats
  ["S.create('x', 1, 1, { otpEmail: 'not-an-email' })", 'ValidationError', 'otpEmail'],
  ["S.create('x', 1, 1, { otpPhone: '0674747474' })", 'ValidationError', 'otpPhone'],
  ["S.create('x', 1, 1, { otpPhone: '+1234' })", 'ValidationError', 'otpPhone'],
  // IP whitelist: public addresses only, 255 characters at most
  ["S.create('x', 1, 1, { ipWhitelist: '192.168.1.10' })", 'ValidationError', 'ipWhitelist'],
  ["S.create('x', 1, 1, { ipWhitelist: '127.0.0.1' })", 'ValidationError', 'ipWhitelist'],
  ["S.create('x', 1, 1, { ipWhitelist: '::1' })", 'ValidationError', 'ipWhitelist'],
  ["S.create('x', 1, 1, { ipWhitelist: '999.1.1.1' })", 'ValidationError', 'ipWhitelist'],
  ["S.create('x', 1, 1, { ipWhitelist: Array(20).fill('203.0.113.100').join(',') })", 'ValidationError', 'ipWhitelist'],
  // what the URL parser reads as a host name, or as a fragment after the address
  ["S.create('x', 1, 1, { ipWhitelist: '203.0.113.5..' })", 'ValidationError', 'ipWhitelist'],
  ["S.create('x', 1, 1, { ipWhitelist: ['2001:db8::1]#,10.0.0.1'] })", 'ValidationError', 'ipWhitelist'],
  // What Chromium's URL parser lets through against the URL standard (an IPv4 octet with a leading 0 in an IPv6 address), and WebKit's (a lone ':' at the end): npm run engines.
  ["S.create('x', 1, 1, { ipWhitelist: '2001:db8::01.2.3.4' })", 'ValidationError', 'ipWhitelist'],
  ["S.create('x', 1, 1, { ipWhitelist: '2001:db8::1.2.3.04' })", 'ValidationError', 'ipWhitelist'],
  ["S.create('x', 1, 1, { ipWhitelist: '2001:db8::1:' })", 'ValidationError', 'ipWhitelist'],
  // geolocation: real ISO 3166-1 alpha-2 codes
  ["S.create('x', 1, 1, { geolocation: 'FR,XX' })", 'ValidationError', 'geolocation'],
  ["S.create('x', 1, 1, { geolocation: 'FRA' })", 'ValidationError', 'geolocation'],
  ["S.create('x', 1, 1, { geolocation: ['UK'] })", 'ValidationError', 'geolocation'],
  // letters that upper-case to a code ('ß' is 'SS', 'ı' is 'I') are no code
  ["S.create('x', 1, 1, { geolocation: 'ıt' })", 'ValidationError', 'geolocation'],
  ["S.create('x', 1, 1, { geolocation: 'ß'.repeat(128) })", 'ValidationError', 'geolocation'],
  // attachments: 10 files, 10 MB in all, files only
  ["S.create('x', 1, 1, { attachments: Array.from({ length: 11 }, (_, i) => new File(['a'], i + '.txt')) })", 'AttachmentError', 'attachments'],
  ["S.create('x', 1, 1, { attachments: [new File([new Uint8Array(6 << 20)], 'a'), new File([new Uint8Array(4 << 20), 'x'], 'b')] })", 'AttachmentError', 'attachments'],
  ["S.create('x', 1, 1, { attachments: ['not a file'] })", 'AttachmentError', 'attachments'],
  ["S.create('x', 1, 1, { attachments: [new Blob(['no name'])] })", 'AttachmentError', 'attachments'],
  ["S.create('x', 1, 1, { attachments: [{ arrayBuffer: 1, size: 5, name: 'like a file.txt' }] })", 'AttachmentError', 'attachments'],
  ["S.create('x', 1, 1, { attachments: [new File([], 'empty.txt')] })", 'AttachmentError', 'attachments'],
  ["S.create('x', 1, 1, { attachments: new File(['a'], 'a') })", 'AttachmentError', 'attachments'],
  // a name the server keeps only up to 255 characters
  ["S.create('x', 1, 1, { attachments: [new File(['a'], 'a'.repeat(256))] })", 'AttachmentError', 'attachments'],
  ["S.create('x', 1, 1, { attachments: [Object.assign(new Blob(['a']), { name: '😀'.repeat(256) })] })", 'AttachmentError', 'attachments'],
  ["S.create('x', 1, 1, { onProgress: 'x' })", 'ValidationError', 'onProgress'],
  // list filters
  ["S.list({ status: 'deleted' })", 'ValidationError', 'status'],
  ['S.list({ limit: 0 })', 'ValidationError', 'limit'],
  ['S.list({ limit: 101 })', 'ValidationError', 'limit'],
  ['S.list({ page: 0 })', 'ValidationError', 'page'],
  ["S.list({ creator: 'nobody' })", 'ValidationError', 'creator'],
  // slugs
  ["S.getDetails('')", 'ValidationError', 'slug'],
  ["S.getDetails('../secrets-stats')", 'ValidationError', 'slug'],
  ['S.get(null)', 'ValidationError', 'slug'],
  ["S.delete('a/b')", 'ValidationError', 'slug'],
  ["S.delete('..')", 'ValidationError', 'slug'],
  ["S.getRequest('a?b')", 'ValidationError', 'token'],
  // stats range
  ["S.getStats({ from: '2025-13-01' })", 'ValidationError', 'from'],
  ["S.getStats({ to: '2025-02-30' })", 'ValidationError', 'to'],
  ["S.getStats({ from: new Date('nope') })", 'ValidationError', 'from'],
  // a Date past year 9999 (or before year 0) has no YYYY-MM-DD
  ['S.getStats({ from: new Date(Date.UTC(10000, 0, 1)) })', 'ValidationError', 'from'],
  ['S.requestStats({ to: new Date(Date.UTC(-1, 0, 1)) })', 'ValidationError', 'to'],
  ["S.stats({ from: '2025-03-02', to: '2025-03-01' })", 'ValidationError', 'from'],
  // options spelled in snake_case, as the seeds spell them: refused, never dropped (a secret
  // would be made without the protection its author asked for)
  ["S.create('x', 1, 1, { otp_email: 'a@example.com' })", 'ValidationError', 'otp_email'],
  ["S.create('x', 1, 1, { password: 'orange', otp_phone: '+33674747474' })", 'ValidationError', 'otp_phone'],
  ["S.create('x', 1, 1, { ip_whitelist: '203.0.113.5' })", 'ValidationError', 'ip_whitelist'],
  ["S.createRequest({ email_to: 'a@example.com' })", 'ValidationError', 'email_to'],
  ["S.createRequest({ maximum_views: 3 })", 'ValidationError', 'maximum_views'],
  ["S.reveal('https://x.test/s/AAAAAAAA#' + 'k'.repeat(24), { captcha_token: 'c' })", 'ValidationError', 'captcha_token'],
  ["S.createClient({ api_url: 'https://sharokey.intranet.test/api/v1' })", 'ValidationError', 'api_url'],
  // and so is one spelled otherwise only in case (a hurried hand's Password made an unprotected secret)
  ["S.create('x', 1, 1, { Password: 'orange-juice' })", 'ValidationError', 'Password'],
  ["S.create('x', 1, 1, { OTPEmail: 'a@example.com' })", 'ValidationError', 'OTPEmail'],
  ["S.list({ Status: 'active' })", 'ValidationError', 'Status'],
  ["S.createClient({ APIURL: 'https://sharokey.intranet.test/api/v1' })", 'ValidationError', 'APIURL'],
  // reveal
  ["S.reveal('https://x.test/s/AAAAAAAA')", 'ValidationError', 'shareUrl'],
  ["S.reveal('https://x.test/s/AAAAAAAA#' + 'k'.repeat(24), { password: 5 })", 'ValidationError', 'password'],
];

test(`${CASES.length} invalid inputs: each rejected with its typed error naming the field, and no request sent`, async ({ sk }) => {
  const results = await sk.evaluate(async (cases) => {
    const S = window.Sharokey;
    const out = [];
    for (const [code] of cases) {
      try {
        await new Function('S', 'return ' + code)(S);
        out.push({ code, resolved: true });
      } catch (e) {
        const x = e as { name: string; details?: Record<string, string[]>; message: string; status: number };
        out.push({ code, name: x.name, fields: Object.keys(x.details ?? {}), message: x.message, status: x.status, isValidation: e instanceof S.ValidationError });
      }
    }
    return out;
  }, CASES);
  results.forEach((r, i) => {
    const [code, name, field] = CASES[i]!;
    expect(r, code).toMatchObject({ name, fields: [field], status: 0, isValidation: true });
    expect(r.message, code).toContain(field);
  });
  console.log(`validation: ${CASES.length} invalid inputs tried, ${results.filter((r) => 'resolved' in r).length} accepted`);
  expect(await mock.log()).toEqual([]);
});

test('several bad fields are reported together', async ({ sk }) => {
  const r = await sk.evaluate(() => window.Sharokey.create('', 0, 0, { password: 'x', geolocation: 'ZZ' }).catch((e) => e.details));
  expect(Object.keys(r).sort()).toEqual(['content', 'geolocation', 'hours', 'password', 'views']);
  expect(await mock.log()).toEqual([]);
});

test('the boundaries themselves are accepted: 255 characters of emoji, 8760 hours, 1000 views, exactly 10 MB in 10 files (a name of 255 characters), the first and last days a range can name', async ({ sk }) => {
  const r = await sk.evaluate(async () => {
    const S = window.Sharokey;
    const a = await S.create('😀'.repeat(255), 8760, 1000, { description: 'd'.repeat(255), message: 'm'.repeat(255), password: 'p'.repeat(100) });
    const files = Array.from({ length: 10 }, (_, i) => new File([new Uint8Array(1024 * 1024)], i ? `f${i}.bin` : '😀'.repeat(251) + '.bin'));
    const b = await S.create('files', 1, 1, { attachments: files });
    // 1970-01-01 is 0 ms: a date all the same.
    const days = [{ from: new Date(0) }, { from: '1970-01-01', to: '1970-01-01' }, { from: '0000-01-01', to: new Date(Date.UTC(9999, 11, 31)) }];
    const counted = await Promise.all(days.map((d) => S.getStats(d).then((s) => s.total_secrets)));
    return [a.maximum_views, b.attachments_count, counted];
  });
  expect(r).toEqual([1000, 10, [2, 0, 2]]);
});

test('a slug or token of any URL-unreserved characters is sent (PROTOCOL.md sets no format), escaped nowhere', async ({ sk }) => {
  const ids = ['a'.repeat(80), 'tok.with.dots', 'abc~def', 'x_y-z'];
  const r = await sk.evaluate((ids) => Promise.all(ids.map((id) => window.Sharokey.getRequest(id).catch((e) => e.name))), ids);
  expect(r).toEqual(ids.map(() => 'NotFoundError'));
  expect((await mock.apiLog()).map((l) => l.path).sort()).toEqual(ids.map((id) => '/api/v1/requests/' + id).sort());
});

test('a message says what to write: a link where a link goes, an ID (not a link) where a slug goes, an object for options', async ({ sk }) => {
  const r = await sk.evaluate(() => Promise.all([
    window.Sharokey.reveal('AbCdEfGh').catch((e) => e.message),
    window.Sharokey.getDetails(location.origin + '/s/AbCdEfGh').catch((e) => e.message),
    window.Sharokey.list(5 as never).catch((e) => e.message),
    window.Sharokey.createClient({ apiUrl: 'http://127.0.0.1:9/api/v1' }).list().catch((e) => e.message),
  ]));
  expect(r).toEqual([
    'Invalid shareUrl: must be the whole link',
    'Invalid slug: must be an ID (A-Za-z0-9_.~-), not a link',
    'Invalid options: must be an object',
    'No token: call config({ token }) or give getToken',
  ]);
  expect(await mock.log()).toEqual([]);
});

test('a bad entry of an IP or country list is named in the message (an address is no secret)', async ({ sk }) => {
  const r = await sk.evaluate(() => Promise.all([
    window.Sharokey.create('x', 1, 1, { ipWhitelist: '203.0.113.5, 8.8.8.8/0' }).catch((e) => e.message),
    window.Sharokey.create('x', 1, 1, { geolocation: ['FR', 'XK'] }).catch((e) => e.message),
    window.Sharokey.create('x', 1, 1, { geolocation: 'FR,' }).catch((e) => e.message),
  ]));
  expect(r).toEqual([
    'Invalid ipWhitelist: must list only public IPv4/IPv6 addresses or ranges, not "8.8.8.8/0"',
    'Invalid geolocation: must list only ISO 3166-1 alpha-2 country codes, not "XK"',
    'Invalid geolocation: must list only ISO 3166-1 alpha-2 country codes, not ""',
  ]);
  expect(await mock.log()).toEqual([]);
});

test('a 0-byte file is refused wherever it stands in the list, named by its place, before anything is sent', async ({ sk }) => {
  const e = rejected(await run(sk, () => window.Sharokey.create('x', 1, 1, { attachments: [new File(['a'], 'a.txt'), new File(['b'], 'b.txt'), new File([], 'empty.txt')] })), 'AttachmentError');
  expect(e.status).toBe(0);
  expect(e.message).toBe('Invalid attachments: file 3 must be a non-empty File (or a Blob with a name), named in 1 to 255 characters');
  // Its place counted from 1, whatever is wrong with it: empty first, not a file, a Blob with no name, a name too long.
  const places = await run(sk, async () => {
    const ok = new File(['a'], 'a.txt');
    const lists = [[new File([], 'e.txt'), ok], [ok, 'not a file'], [ok, ok, ok, new Blob(['b'])], [new File(['c'], 'n'.repeat(256))]];
    const out: string[] = [];
    for (const attachments of lists) out.push(await window.Sharokey.create('x', 1, 1, { attachments: attachments as File[] }).then(() => 'sent', (e) => e.message.match(/file \d+/)?.[0]));
    return out;
  });
  expect(places).toEqual(['file 1', 'file 2', 'file 4', 'file 1']);
  expect(await mock.apiLog()).toEqual([]);
});

test('list(): a status of requests ("completed") is refused here, not by the server', async ({ sk }) => {
  const e = rejected(await run(sk, () => window.Sharokey.list({ status: 'completed' as never })), 'ValidationError');
  expect(e.status).toBe(0);
  expect(await mock.apiLog()).toEqual([]);
});

test('a snake_case option is refused with the name to write; other unknown keys are ignored, so config(getConfig()) works', async ({ sk }) => {
  const r = await sk.evaluate(async () => {
    const S = window.Sharokey;
    const e = await S.create('x', 1, 1, { otp_email: 'a@example.com' } as never).catch((e) => e);
    const c = S.createClient({ token: 'demo-admin-token', apiUrl: S.getConfig().apiUrl });
    c.config(c.getConfig() as never);
    return [e.message, e.details, c.getConfig().hasToken];
  });
  expect(r).toEqual(['Invalid otp_email: is not an option: write otpEmail', { otp_email: ['is not an option: write otpEmail'] }, true]);
  expect(await mock.log()).toEqual([]);
});
