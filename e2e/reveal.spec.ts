// reveal(): the recipient's side, through the built script against the mock.
import { test, expect, run, rejected, mock, MOCK_URL, PAGE_ORIGIN, TOKENS } from './helpers.ts';
import { createCipheriv, createDecipheriv, pbkdf2Sync, randomBytes } from 'node:crypto';

type Revealed = { content: string; message: string | null; attachments: { name: string; text: string; size: number }[] };

/** Reveals in the page and reads the attachments' text back. */
const reveal = (page: Parameters<typeof run>[0], url: string, options: Record<string, string> = {}) =>
  run(page, async ({ url, options }) => {
    const r = await window.Sharokey.reveal(url, options);
    return { content: r.content, message: r.message, attachments: await Promise.all(r.attachments.map(async (f) => ({ name: f.name, text: await f.text(), size: f.size, isFile: f instanceof File }))) };
  }, { url, options });

test('round trip: password and attachments, content and files come back, one view consumed', async ({ sk }) => {
  const s = (await run(sk, () => window.Sharokey.create('é€😀 the secret', 1, 2, {
    password: 'pa55word', message: 'For you', attachments: [new File(['first file'], 'one.txt'), new File(['second'], 'two.txt')],
  }))) as { share_url: string; slug: string };
  const r = (await reveal(sk, s.share_url, { password: 'pa55word' })) as Revealed;
  expect(r).toEqual({ content: 'é€😀 the secret', message: 'For you', attachments: [{ name: 'one.txt', text: 'first file', size: 10, isFile: true }, { name: 'two.txt', text: 'second', size: 6, isFile: true }] });
  expect(await run(sk, (slug) => window.Sharokey.getDetails(slug).then((d) => d.current_views), s.slug)).toBe(1);
});

test('large attachments (sent as a Blob of parts, not one JSON string) come back byte for byte', async ({ sk }) => {
  // 1 MB, 100 KB and 10 bytes of random data: the first two cross the 64 KB
  // line over which the transport streams a base64 string as its own part.
  const same = await run(sk, async () => {
    const bytes = (n: number) => { const b = new Uint8Array(n); for (let i = 0; i < n; i += 65536) crypto.getRandomValues(b.subarray(i, i + 65536)); return b; };
    const sent = [bytes(1 << 20), bytes(100_000), bytes(10)];
    const s = await window.Sharokey.create('big files', 1, 1, { attachments: sent.map((b, i) => new File([b], `f${i}.bin`)) });
    const r = await window.Sharokey.reveal(s.share_url);
    const got = await Promise.all(r.attachments.map(async (f) => new Uint8Array(await f.arrayBuffer())));
    return got.length == 3 && got.every((g, i) => g.length == sent[i]!.length && g.every((x, j) => x == sent[i]![j]));
  });
  expect(same).toBe(true);
});

test('in a browser without native base64 (Chrome before 140, Firefox before 133, Safari before 18.2): the fallback makes a secret that decrypts in Node, and opens it byte for byte', async ({ sk }) => {
  const r = (await run(sk, async () => {
    // What those browsers lack, taken away before the calls (the library looks for it at each call).
    delete (Uint8Array.prototype as { toBase64?: unknown }).toBase64;
    delete (Uint8Array as { fromBase64?: unknown }).fromBase64;
    // 100,000 random bytes: many of the fallback's 4,096-byte chunks, a last one cut short, and over
    // the 64 KB past which the body is sent as a Blob of parts; and every byte value in a small file.
    const big = new Uint8Array(100_000);
    for (let i = 0; i < big.length; i += 65536) crypto.getRandomValues(big.subarray(i, i + 65536));
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    const s = await window.Sharokey.create('fallback ✓ 😀', 1, 1, { attachments: [new File([big], 'big.bin'), new File([all], 'all.bin')] });
    const back = await window.Sharokey.reveal(s.share_url);
    const got = await Promise.all(back.attachments.map(async (f) => new Uint8Array(await f.arrayBuffer())));
    const same = (a: Uint8Array, b: Uint8Array) => a.length == b.length && a.every((x, i) => x == b[i]);
    return { share: s.share_url, content: back.content, same: same(got[0]!, big) && same(got[1]!, all), native: 'toBase64' in Uint8Array.prototype };
  })) as { share: string; content: string; same: boolean; native: boolean };
  expect(r).toMatchObject({ content: 'fallback ✓ 😀', same: true, native: false });
  // What crossed the wire is the protocol's base64: Node decodes and decrypts it with keyA + keyB.
  const post = (await mock.apiLog()).find((l) => l.method == 'POST' && l.path == '/api/v1/secrets')!;
  const b = JSON.parse(post.body);
  const key = pbkdf2Sync(b.key + r.share.split('#')[1], Buffer.from(b.salt, 'base64'), 10_000, 32, 'sha256');
  const open = (data: string, iv: string) => {
    const raw = Buffer.from(data, 'base64');
    const d = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
    d.setAuthTag(raw.subarray(-16));
    return Buffer.concat([d.update(raw.subarray(0, -16)), d.final()]);
  };
  expect(open(b.content, b.iv).toString('utf8')).toBe('fallback ✓ 😀');
  expect([...open(b.attachments[1].data, b.attachments[1].iv)]).toEqual(Array.from({ length: 256 }, (_, i) => i));
  expect(open(b.attachments[0].data, b.attachments[0].iv).length).toBe(100_000);
});

test('a wrong or missing password is PermissionError with its code, and consumes no view', async ({ sk }) => {
  const s = (await run(sk, () => window.Sharokey.create('gated', 1, 1, { password: 'right-one' }))) as { share_url: string; slug: string };
  expect(rejected(await reveal(sk, s.share_url), 'PermissionError')).toMatchObject({ code: 'PASSWORD_REQUIRED', status: 403 });
  expect(rejected(await reveal(sk, s.share_url, { password: 'wrong-one' }), 'PermissionError')).toMatchObject({ code: 'INVALID_PASSWORD', status: 403 });
  expect((await reveal(sk, s.share_url, { password: 'right-one' }) as Revealed).content).toBe('gated');
});

test("a form's empty fields ('') count as not given: the server asks for what it needs, and no empty field is sent", async ({ sk }) => {
  const s = (await run(sk, () => window.Sharokey.create('gated', 1, 1, { password: 'right-one' }))) as { share_url: string };
  await mock.clearLog();
  const empty = { password: '', otp: '', captchaToken: '' };
  expect(rejected(await reveal(sk, s.share_url, empty), 'PermissionError').code).toBe('PASSWORD_REQUIRED');
  expect((await mock.apiLog()).find((r) => r.path.endsWith('/open'))!.body).toBe('{}');
  expect((await reveal(sk, s.share_url, { ...empty, password: 'right-one' }) as Revealed).content).toBe('gated');
});

test('OTP by e-mail: OTP_REQUIRED, sendOtp() has the code sent (no view, no key), INVALID_OTP, then the code opens it', async ({ sk }) => {
  const s = (await run(sk, () => window.Sharokey.create('otp secret', 1, 1, { otpEmail: 'rcpt@example.com' }))) as { share_url: string; slug: string };
  await mock.clearLog();
  expect(rejected(await reveal(sk, s.share_url), 'PermissionError').code).toBe('OTP_REQUIRED');
  // reveal() never sends a code by itself: only GET and /open went out.
  expect((await mock.apiLog()).map((r) => r.method + ' ' + r.path)).toEqual([`GET /api/v1/public/secrets/${s.slug}`, `POST /api/v1/public/secrets/${s.slug}/open`]);
  expect(await mock.outbox()).toEqual([]);
  await mock.clearLog();
  const sent = await run(sk, (url) => window.Sharokey.sendOtp(url), s.share_url);
  expect(sent).toMatchObject({ sent: true, channel: 'email', to: expect.stringMatching(/\*/) });
  const log = await mock.apiLog();
  expect(log.map((r) => r.method + ' ' + r.path)).toEqual([`POST /api/v1/public/secrets/${s.slug}/otp`]);
  expect(JSON.stringify(log)).not.toContain(s.share_url.split('#')[1]);
  const codes = (await mock.outbox()).filter((m) => m.type == 'otp');
  expect(codes).toHaveLength(1);
  const code = codes[0]!.code!;
  expect(rejected(await reveal(sk, s.share_url, { otp: code == '000000' ? '111111' : '000000' }), 'PermissionError').code).toBe('INVALID_OTP');
  expect((await reveal(sk, s.share_url, { otp: code }) as Revealed).content).toBe('otp secret');
  expect(await run(sk, (slug) => window.Sharokey.getDetails(slug).then((d) => d.current_views), s.slug)).toBe(1);
});

test('sendOtp(): a link that is not one is a ValidationError (nothing sent), a gone secret NotFoundError', async ({ sk }) => {
  rejected(await run(sk, () => window.Sharokey.sendOtp('not a link')), 'ValidationError');
  expect(await mock.apiLog()).toEqual([]);
  rejected(await run(sk, () => window.Sharokey.sendOtp('http://127.0.0.1:1/s/NOSUCHID')), 'NotFoundError');
});

test('captcha: CAPTCHA_REQUIRED without a token, opens with one', async ({ sk }) => {
  const s = (await run(sk, () => window.Sharokey.create('captcha secret', 1, 1, { captcha: true }))) as { share_url: string };
  expect(rejected(await reveal(sk, s.share_url), 'PermissionError').code).toBe('CAPTCHA_REQUIRED');
  expect((await reveal(sk, s.share_url, { captchaToken: 'solved' }) as Revealed).content).toBe('captcha secret');
});

test('gone: an exhausted, deleted or expired secret is NotFoundError', async ({ sk }) => {
  const s = (await run(sk, async () => [await window.Sharokey.create('once', 1, 1), await window.Sharokey.create('deleted', 1, 1), await window.Sharokey.create('expires', 1, 1)])) as { share_url: string; slug: string }[];
  await reveal(sk, s[0]!.share_url);
  rejected(await reveal(sk, s[0]!.share_url), 'NotFoundError');
  await run(sk, (slug) => window.Sharokey.delete(slug), s[1]!.slug);
  rejected(await reveal(sk, s[1]!.share_url), 'NotFoundError');
  await mock.clock(2);
  rejected(await reveal(sk, s[2]!.share_url), 'NotFoundError');
});

test('a wrong key in the link is CryptoError (the view is spent: the server cannot tell)', async ({ sk }) => {
  const s = (await run(sk, () => window.Sharokey.create('keyed', 1, 2))) as { share_url: string };
  const wrong = s.share_url.replace(/#(.)/, (_, c) => '#' + (c == 'A' ? 'B' : 'A'));
  const e = rejected(await reveal(sk, wrong), 'CryptoError');
  expect(e.message).toBe('Could not decrypt (the view is used): wrong key, or altered data');
});

test('a link without its key, or not a link, is a ValidationError and nothing is sent', async ({ sk }) => {
  const s = (await run(sk, () => window.Sharokey.create('x', 1, 1))) as { share_url: string; access_url: string };
  await mock.clearLog();
  for (const url of [s.access_url, s.access_url + '#short', 'not a url', '', s.share_url + 'x']) {
    const e = rejected(await reveal(sk, url), 'ValidationError');
    expect(Object.keys(e.details!)).toEqual(['shareUrl']);
  }
  expect(await mock.apiLog()).toEqual([]);
});

test('a link as a mail or a sentence quotes it opens: <link>, "link", (link), link. and link, (a cut one is still cut); inbox and request links too', async ({ sk }) => {
  const quoted = (u: string) => [`<${u}>`, `"${u}"`, `(${u})`, `${u}.`, ` ${u}, `, `<${u}>.`];
  const s = (await run(sk, () => window.Sharokey.create('quoted', 1, 6))) as { share_url: string };
  for (const url of quoted(s.share_url)) expect(((await reveal(sk, url)) as Revealed).content, url).toBe("quoted");
  // What is cut is not made whole: a key one character short, with a full stop after it.
  expect(rejected(await reveal(sk, s.share_url.slice(0, -1) + '.'), 'ValidationError').message).toBe('Invalid shareUrl: has no valid key after #: was the link cut?');
  const r = (await run(sk, () => window.Sharokey.createRequest())) as { url: string; inbox_url: string };
  await run(sk, (url) => window.Sharokey.respond(url, "answered"), `<${r.url}>`);
  expect(await run(sk, (url) => window.Sharokey.openRequest(url).then((o) => o.content), `"${r.inbox_url}".`)).toBe('answered');
});

test('reveal() calls the configured apiUrl, not the host of the share link', async ({ sk }) => {
  const s = (await run(sk, () => window.Sharokey.create('elsewhere', 1, 1))) as { share_url: string; slug: string };
  const moved = s.share_url.replace(/^https?:\/\/[^/]+/, 'https://viewer.example.org');
  expect((await reveal(sk, moved) as Revealed).content).toBe('elsewhere');
  expect((await mock.apiLog()).at(-1)).toMatchObject({ method: 'POST', path: `/api/v1/public/secrets/${s.slug}/open` });
});

test('a secret made by the official script (attachments without iv, sealed with the content iv) still opens', async ({ sk }) => {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const k = Array.from({ length: 32 }, (_, i) => alphabet[(i * 7 + 3) % 62]).join('');
  const salt = randomBytes(16), iv = randomBytes(12);
  const key = pbkdf2Sync(k, salt, 10_000, 32, 'sha256');
  const seal = (data: string) => {
    const c = createCipheriv('aes-256-gcm', key, iv);
    return Buffer.concat([c.update(data, 'utf8'), c.final(), c.getAuthTag()]).toString('base64');
  };
  const made = await mock.api('POST', '/secrets', TOKENS.admin, {
    content: seal('legacy content'), iv: iv.toString('base64'), salt: salt.toString('base64'), key: k.slice(0, 8),
    expiration_hours: 1, maximum_views: 1, attachments: [{ name: 'legacy.txt', data: seal('legacy file'), size: 11 }], attachments_total_size: 11,
  });
  expect(made.status).toBe(201);
  const r = (await reveal(sk, made.json.data.access_url + '#' + k.slice(8))) as Revealed;
  expect(r.content).toBe('legacy content');
  expect(r.attachments.map((a) => [a.name, a.text])).toEqual([['legacy.txt', 'legacy file']]);
});

test('20 concurrent reveal() calls of a 1-view secret: exactly one succeeds, 19 are NotFoundError', async ({ sk }) => {
  const s = (await run(sk, () => window.Sharokey.create('only once', 1, 1))) as { share_url: string };
  const r = await run(sk, async (url) => {
    const all = await Promise.allSettled(Array.from({ length: 20 }, () => window.Sharokey.reveal(url)));
    return all.map((x) => (x.status == 'fulfilled' ? 'ok:' + x.value.content : (x.reason as Error).name));
  }, s.share_url);
  const out = r as string[];
  expect(out.filter((x) => x == 'ok:only once')).toHaveLength(1);
  expect(out.filter((x) => x == 'NotFoundError')).toHaveLength(19);
  // Each call reads what the secret requires, then opens it unless it is already gone.
  const log = await mock.apiLog();
  expect(log.filter((l) => l.method == 'GET' && l.path.includes('/public/secrets/'))).toHaveLength(20);
  expect(log.filter((l) => l.path.endsWith('/open')).length).toBeGreaterThanOrEqual(1);
});

test('reveal() needs no token', async ({ sk }) => {
  const s = (await run(sk, () => window.Sharokey.create('public side', 1, 1))) as { share_url: string };
  const r = await run(sk, ({ url, api }) => window.Sharokey.createClient({ apiUrl: api }).reveal(url).then((x) => x.content), { url: s.share_url, api: MOCK_URL });
  expect(r).toBe('public side');
  expect((await mock.apiLog()).at(-1)!.headers.authorization).toBeUndefined();
});

test('the message comes from GET /public/secrets/{slug} when /open does not carry it (PROTOCOL.md\'s answer), read before the view is used', async ({ sk }) => {
  const s = (await run(sk, () => window.Sharokey.create('with a note', 1, 1, { message: 'from Alice' }))) as { share_url: string };
  // /open answered as PROTOCOL.md lists it: content, iv, salt, key, attachments, and no message.
  let stripped = 0; // the mock's /open carries the message: it must have been taken out
  await sk.route('**/open', async (route) => {
    const res = await route.fetch();
    const body = await res.json();
    if (body.data.message == 'from Alice') stripped++;
    delete body.data.message;
    await route.fulfill({ response: res, json: body });
  });
  const r = await reveal(sk, s.share_url);
  expect(stripped).toBe(1);
  expect(r).toMatchObject({ content: 'with a note', message: 'from Alice' });
  expect((await mock.apiLog()).map((l) => l.method + ' ' + l.path.split('/').slice(3).join('/').replace(/\/\w{8}/, '/{slug}'))).toEqual([
    'POST secrets', 'GET public/secrets/{slug}', 'POST public/secrets/{slug}/open',
  ]);
});

test('what the server sends that is not base64 (salt, iv, data) is a CryptoError, never a raw SyntaxError', async ({ sk }) => {
  for (const field of ['salt', 'iv', 'content']) {
    const s = (await run(sk, () => window.Sharokey.create('bad base64', 1, 1))) as { share_url: string };
    await sk.route('**/open', async (route) => {
      const res = await route.fetch();
      const body = await res.json();
      body.data[field] = '%%% not base64 %%%';
      await route.fulfill({ response: res, json: body });
    });
    const e = rejected(await reveal(sk, s.share_url), 'CryptoError');
    expect(e.isSharokeyError).toBe(true);
    await sk.unrouteAll();
  }
});

test('an /open answer with data: null is a CryptoError, never a raw TypeError', async ({ sk }) => {
  const s = (await run(sk, () => window.Sharokey.create('null data', 1, 1))) as { share_url: string };
  await sk.route('**/open', (route) => route.fulfill({ status: 200, contentType: 'application/json', headers: { 'Access-Control-Allow-Origin': '*' }, body: '{"success":true,"data":null}' }));
  expect(rejected(await reveal(sk, s.share_url), 'CryptoError').isSharokeyError).toBe(true);
});

test('content round-trips exactly, a leading U+FEFF (byte-order mark) included', async ({ sk }) => {
  const texts = ['\uFEFF', '\uFEFFstarts with a BOM', 'ends with one\uFEFF', '\uFEFF\uFEFFtwo'];
  const r = await run(sk, async (list) => {
    const out = [];
    for (const t of list) out.push((await window.Sharokey.reveal((await window.Sharokey.create(t, 1, 1)).share_url)).content);
    return out;
  }, texts);
  expect(r).toEqual(texts);
});

test('a recipient page on another origin whose requests carry CF-IPCountry and X-Forwarded-For (as a CDN sets them) passes the preflight: the country and the address decide', async ({ sk, browser }) => {
  const s = await run(sk, () => window.Sharokey.create('for France, from one address', 1, 5, { geolocation: 'FR', ipWhitelist: '203.0.113.7' }));
  const { share_url } = s as { share_url: string };
  const open = async (headers: Record<string, string>) => {
    const context = await browser.newContext({ extraHTTPHeaders: headers });
    const page = await context.newPage();
    await page.goto(PAGE_ORIGIN + '/e2e/pages/blank.html');
    const r = await run(page, ({ api, url }) => window.Sharokey.config({ apiUrl: api, retries: 0 }).reveal(url).then((x) => x.content), { api: MOCK_URL, url: share_url });
    await context.close();
    return r;
  };
  expect(await open({ 'CF-IPCountry': 'FR', 'X-Forwarded-For': '203.0.113.7' })).toBe('for France, from one address');
  expect(rejected(await open({ 'CF-IPCountry': 'DE', 'X-Forwarded-For': '203.0.113.7' }), 'PermissionError').code).toBe('PERMISSION_DENIED');
  expect(rejected(await open({ 'CF-IPCountry': 'FR', 'X-Forwarded-For': '198.51.100.1' }), 'PermissionError').code).toBe('PERMISSION_DENIED');
});
