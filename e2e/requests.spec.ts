// Secret requests through the built script: the REST methods, and the
// zero-knowledge loop between a requester and a responder in two browsers.
import { test, expect, run, rejected, mock, MOCK_URL, PAGE_ORIGIN, TOKENS } from './helpers.ts';
import type { Browser, Page } from '@playwright/test';
import { createDecipheriv, createECDH, hkdfSync } from 'node:crypto';

/** Opens a sealed_key with Node's crypto: ECDH P-256, HKDF-SHA-256 (info bound to the token), AES-256-GCM. */
const unseal = (d: string, token: string, sealed: string): string => {
  const [epk, iv, data] = sealed.split('.').map((p) => Buffer.from(p, 'base64'));
  const ecdh = createECDH('prime256v1');
  ecdh.setPrivateKey(Buffer.from(d, 'base64url'));
  const key = Buffer.from(hkdfSync('sha256', ecdh.computeSecret(epk!), Buffer.alloc(0), 'sharokey-request-v1:' + token, 32));
  const dec = createDecipheriv('aes-256-gcm', key, iv!);
  dec.setAuthTag(data!.subarray(-16));
  return Buffer.concat([dec.update(data!.subarray(0, -16)), dec.final()]).toString('utf8');
};

type Req = { token: string; url: string; inbox_url: string; status: string; secret_slug?: string | null };

const create = (page: Page, o: Record<string, unknown> = {}) => run(page, (o) => window.Sharokey.createRequest(o), o) as Promise<Req>;

/** A fresh page with the script and no token: the responder knows nothing but the link. */
const responderPage = async (browser: Browser) => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(PAGE_ORIGIN + '/e2e/pages/blank.html');
  await page.evaluate((apiUrl) => window.Sharokey.config({ apiUrl }), MOCK_URL);
  return page;
};

/** A request made by `sk`'s page and answered with `content` by a responder in another browser. */
const answered = async (sk: Page, browser: Browser, content: string) => {
  const req = await create(sk, {});
  const responder = await responderPage(browser);
  await run(responder, ({ url, content }) => window.Sharokey.respond(url, content), { url: req.url, content });
  await responder.context().close();
  return req;
};

test('respond() to a request that carries no public key (made without one, by another client): NotFoundError NO_PUBLIC_KEY, nothing is posted', async ({ browser }) => {
  const made = await mock.api('POST', '/requests', TOKENS.admin, { message: 'made without a key' });
  expect(made.status).toBe(201);
  const req = made.json.data.request as Req;
  const responder = await responderPage(browser);
  await mock.clearLog();
  const e = rejected(await run(responder, (url) => window.Sharokey.respond(url, 'the answer'), req.url), 'NotFoundError');
  await responder.context().close();
  expect(e).toMatchObject({ code: 'NO_PUBLIC_KEY', status: 0 });
  expect((await mock.apiLog()).map((l) => l.method + ' ' + l.path)).toEqual([`GET /api/v1/public/requests/${req.token}`]);
  expect((await mock.api('GET', '/requests/' + req.token)).json.data.status).toBe('active');
});

test('createRequest() maps camelCase options to the wire fields, sends a public key, and returns url and inbox_url', async ({ sk }) => {
  const r = await create(sk, { message: 'VPN password please', description: 'vpn', emailTo: 'ops@example.com', emailReply: 'me@example.com', locale: 'fr', secretExpirationHours: 12, requestExpirationHours: 72, maximumViews: 2 });
  expect(r).toMatchObject({ status: 'active', message: 'VPN password please', email_to: 'ops@example.com', locale: 'fr', secret_expiration_hours: 12, request_expiration_hours: 72, maximum_views: 2 });
  expect(r.url).toMatch(new RegExp(`/r/${r.token}$`));
  // The fragment is the private scalar d alone: nothing public, nothing else.
  expect(r.inbox_url).toMatch(new RegExp(`/i/${r.token}#[\\w-]{43}$`));
  const [post] = await mock.apiLog();
  const body = JSON.parse(post!.body);
  expect(body).toEqual({
    public_key: expect.any(String), message: 'VPN password please', description: 'vpn', email_to: 'ops@example.com', email_reply: 'me@example.com', locale: 'fr',
    secret_expiration_hours: 12, request_expiration_hours: 72, maximum_views: 2,
  });
  expect(Buffer.from(body.public_key, 'base64')).toHaveLength(65);
  // The private key (the fragment) never crossed the wire.
  expect(JSON.stringify(await mock.log())).not.toContain(r.inbox_url.split('#')[1]!);
  // The e-mail the server would send to email_to.
  expect((await mock.outbox()).find((m) => m.type == 'request')).toMatchObject({ to: 'ops@example.com' });
});

test('listRequests(), getRequest(), deleteRequest() and requestStats() through the script', async ({ sk }) => {
  const a = await create(sk, { description: 'first' });
  const b = await create(sk, { description: 'second' });
  const r = await run(sk, async ({ a, b }) => {
    const S = window.Sharokey;
    const all = await S.listRequests();
    const one = await S.getRequest(a);
    const deleted = [await S.deleteRequest(b), await S.deleteRequest(b)];
    const active = await S.listRequests({ status: 'active', limit: 10, page: 1 });
    const stats = await S.requestStats();
    const ranged = await S.requestStats({ from: '2020-01-01', to: '2020-12-31' });
    return { all: all.items.map((i) => i.description), pagination: all.pagination, one: one.description, deleted, active: active.items.map((i) => i.token), stats, ranged: ranged.total_requests };
  }, { a: a.token, b: b.token });
  expect(r).toMatchObject({ all: ['second', 'first'], one: 'first', deleted: [true, true], active: [a.token], ranged: 0 });
  expect((r as unknown as { stats: Record<string, number> }).stats).toMatchObject({ total_requests: 2, active_requests: 1, expired_requests: 1, completed_requests: 0, requests_created_today: 2 });
  const paths = (await mock.apiLog()).map((l) => `${l.method} ${l.path}`);
  expect(paths).toContain('GET /api/v1/requests?status=active&limit=10&page=1');
  expect(paths).toContain('GET /api/v1/requests-stats?from=2020-01-01&to=2020-12-31');
  rejected(await run(sk, () => window.Sharokey.getRequest('nosuchtoken')), 'NotFoundError');
});

test('another company\'s request token is NotFoundError', async ({ sk }) => {
  const other = (await run(sk, ({ api, t }) => window.Sharokey.createClient({ apiUrl: api, token: t }).createRequest({ message: 'globex' }), { api: MOCK_URL, t: TOKENS.other })) as Req;
  rejected(await run(sk, (t) => window.Sharokey.getRequest(t), other.token), 'NotFoundError');
  rejected(await run(sk, (t) => window.Sharokey.deleteRequest(t), other.token), 'NotFoundError');
  expect(await run(sk, async () => (await window.Sharokey.listRequests()).items.length)).toBe(0);
});

test('invalid request options are ValidationErrors naming the field, and nothing is sent', async ({ sk }) => {
  const cases: [Record<string, unknown>, string][] = [
    [{ emailTo: 'nope' }, 'emailTo'], [{ emailReply: 'a@' }, 'emailReply'], [{ locale: 'de' }, 'locale'],
    [{ secretExpirationHours: 0 }, 'secretExpirationHours'], [{ requestExpirationHours: 8761 }, 'requestExpirationHours'],
    [{ maximumViews: 1001 }, 'maximumViews'], [{ message: 'm'.repeat(256) }, 'message'], [{ description: 5 }, 'description'],
  ];
  for (const [o, field] of cases) expect(Object.keys(rejected(await run(sk, (o) => window.Sharokey.createRequest(o), o), 'ValidationError').details!)).toEqual([field]);
  rejected(await run(sk, () => window.Sharokey.listRequests({ status: 'done' as never })), 'ValidationError');
  rejected(await run(sk, () => window.Sharokey.getRequest('')), 'ValidationError');
  rejected(await run(sk, () => window.Sharokey.respond('not a link', 'x')), 'ValidationError');
  rejected(await run(sk, () => window.Sharokey.openRequest('https://x.test/i/abc#short')), 'ValidationError');
  expect(await mock.log()).toEqual([]);
});

test('respond() given a password (plain JS): the answer is protected, and openRequest() opens it with that password only', async ({ sk, browser }) => {
  const req = await create(sk, {});
  const responder = await responderPage(browser);
  await run(responder, ({ url }) => window.Sharokey.respond(url, 'behind a password', { password: 'told-by-phone' } as never), { url: req.url });
  await responder.context().close();
  expect(rejected(await run(sk, (inbox) => window.Sharokey.openRequest(inbox), req.inbox_url), 'PermissionError').code).toBe('PASSWORD_REQUIRED');
  expect(rejected(await run(sk, (inbox) => window.Sharokey.openRequest(inbox, { password: 'wrong-one' }), req.inbox_url), 'PermissionError').code).toBe('INVALID_PASSWORD');
  expect(await run(sk, (inbox) => window.Sharokey.openRequest(inbox, { password: 'told-by-phone' }), req.inbox_url)).toMatchObject({ content: 'behind a password' });
});

test('the zero-knowledge loop: requester and responder in two browsers; the server never sees the plaintext, keyB or the private key', async ({ sk, browser }) => {
  const SECRET = 'ZK-request-answer: vpn password is tr0ub4dor&3';
  const FILE = 'ZK-request-file: private key of the server';
  const req = await create(sk, { message: 'Please send the VPN password', secretExpirationHours: 2, maximumViews: 1 });
  // Not answered yet.
  expect(rejected(await run(sk, (u) => window.Sharokey.openRequest(u), req.inbox_url), 'NotFoundError').code).toBe('REQUEST_PENDING');

  const responder = await responderPage(browser);
  const answered = await run(responder, ({ url, SECRET, FILE }) => window.Sharokey.respond(url, SECRET, { attachments: [new File([FILE], 'key.pem')] }), { url: req.url, SECRET, FILE });
  expect(answered).toMatchObject({ request_token: req.token, status: 'completed' });
  // A second answer is refused.
  rejected(await run(responder, (url) => window.Sharokey.respond(url, 'again'), req.url), 'NotFoundError');
  await responder.context().close();

  const opened = await run(sk, async (u) => {
    const r = await window.Sharokey.openRequest(u);
    return { content: r.content, files: await Promise.all(r.attachments.map((f) => f.text())), status: r.request.status };
  }, req.inbox_url);
  expect(opened).toEqual({ content: SECRET, files: [FILE], status: 'completed' });

  const wire = JSON.stringify(await mock.log());
  const d = req.inbox_url.split('#')[1]!;
  const respondBody = JSON.parse((await mock.log()).find((l) => l.method == 'POST' && l.path.endsWith('/respond'))!.body);
  expect(respondBody.sealed_key.split('.')).toHaveLength(3);
  expect(respondBody.expiration_hours).toBe(2);
  for (const leak of [SECRET, FILE, d, Buffer.from(SECRET).toString('base64'), Buffer.from(FILE).toString('base64')]) expect(wire).not.toContain(leak);
  // keyB, unsealed here by an independent implementation (Node's crypto) from the private key and the logged sealed_key.
  const keyB = unseal(d, req.token, respondBody.sealed_key);
  expect(keyB).toMatch(/^[A-Za-z0-9]{24}$/);
  expect(wire).not.toContain(keyB);
  expect(respondBody.key + keyB).toHaveLength(32);
});

test('an inbox link of the earlier form (#d.x.y) still opens: only d is read, x and y come from the request', async ({ sk, browser }) => {
  const req = await answered(sk, browser, 'old link');
  const legacy = req.inbox_url + '.' + 'x'.repeat(43) + '.' + 'y'.repeat(43);
  expect(await run(sk, (u) => window.Sharokey.openRequest(u).then((r) => r.content), legacy)).toBe('old link');
});

test('an answer that starts with U+FEFF (a byte-order mark) opens exactly', async ({ sk, browser }) => {
  const req = await answered(sk, browser, '\uFEFFfrom a Windows file');
  expect(await run(sk, (u) => window.Sharokey.openRequest(u).then((r) => r.content), req.inbox_url)).toBe('\uFEFFfrom a Windows file');
});

test('a server that gives another public key for the request than the one d belongs to: a CryptoError', async ({ sk, browser }) => {
  const req = await answered(sk, browser, 'not for a swapped key');
  const other = await create(sk, {});
  const otherKey = (await mock.api('GET', '/requests/' + other.token)).json.data.public_key;
  await sk.route('**/api/v1/requests/' + req.token, async (route) => {
    const res = await route.fetch();
    const body = await res.json();
    body.data.public_key = otherKey;
    await route.fulfill({ response: res, json: body });
  });
  rejected(await run(sk, (u) => window.Sharokey.openRequest(u), req.inbox_url), 'CryptoError');
  await sk.unrouteAll();
});

test('a request answered without a sealed key (not by respond()) has nothing to open, ever: NotFoundError REQUEST_CLOSED, and no view is spent', async ({ sk }) => {
  const req = await create(sk, { message: 'answered elsewhere' });
  const b64 = (n: number) => Buffer.alloc(n, 1).toString('base64');
  expect((await mock.api('POST', `/public/requests/${req.token}/respond`, null, { content: b64(20), iv: b64(12), salt: b64(16), key: 'AAAAAAAA' })).status).toBe(201);
  await mock.clearLog();
  expect(rejected(await run(sk, (u) => window.Sharokey.openRequest(u), req.inbox_url), 'NotFoundError').code).toBe('REQUEST_CLOSED');
  expect((await mock.apiLog()).map((l) => l.method + ' ' + l.path)).toEqual(['GET /api/v1/requests/' + req.token]);
});

test('openRequest(): REQUEST_PENDING only while the request is open; cancelled or expired unanswered, REQUEST_CLOSED (a poller stops)', async ({ sk }) => {
  const open = (u: string) => run(sk, (u) => window.Sharokey.openRequest(u), u);
  const [cancelled, expiring] = [await create(sk, {}), await create(sk, { requestExpirationHours: 1 })];
  expect(rejected(await open(expiring.inbox_url), 'NotFoundError')).toMatchObject({ code: 'REQUEST_PENDING', message: 'No answer yet: try again later' });
  await run(sk, (t) => window.Sharokey.deleteRequest(t), cancelled.token);
  await mock.clock(2);
  expect(rejected(await open(cancelled.inbox_url), 'NotFoundError')).toMatchObject({ code: 'REQUEST_CLOSED', message: 'No answer will open: the request is expired' });
  expect(rejected(await open(expiring.inbox_url), 'NotFoundError').code).toBe('REQUEST_CLOSED');
});

test('an inbox link with a wrong private key is a CryptoError', async ({ sk, browser }) => {
  const req = await answered(sk, browser, 'for the right key only');
  const other = await create(sk, {});
  const wrong = req.inbox_url.split('#')[0] + '#' + other.inbox_url.split('#')[1];
  rejected(await run(sk, (u) => window.Sharokey.openRequest(u), wrong), 'CryptoError');
});

test('createRequest(): a server whose url is relative or missing still gives whole links (at the API\'s origin: the url, /r/TOKEN when missing, and the inbox_url), never a raw TypeError, and respond() takes that url', async ({ sk }) => {
  for (const url of ['/r/relative', undefined]) {
    let changed = 0; // the mock's own url gives the same inbox_url: the answer must have been changed
    await sk.route('**/api/v1/requests', async (route) => {
      const res = await route.fetch();
      const body = await res.json();
      if (url) body.data.request.url = url;
      else delete body.data.request.url;
      changed++;
      await route.fulfill({ response: res, json: body });
    });
    const r = await create(sk, { message: 'relative' });
    expect(changed).toBe(1);
    const origin = MOCK_URL.replace(/\/api\/v1$/, '');
    expect(r.url).toBe(origin + (url ?? '/r/' + r.token));
    expect(r.inbox_url).toMatch(new RegExp(`^${origin}/i/${r.token}#[\\w-]{43}$`));
    await sk.unrouteAll();
    // A link respond() reads as a whole one (the mock has no request "relative": NOT_FOUND, not a ValidationError of the link).
    if (!url) expect(await run(sk, (u) => window.Sharokey.respond(u, 'the answer'), r.url)).toMatchObject({ request_token: r.token, status: 'completed' });
    else expect(rejected(await run(sk, (u) => window.Sharokey.respond(u, 'x'), r.url), 'NotFoundError').code).toBe('NOT_FOUND');
  }
});

test('respond() to a request whose public key is not a P-256 point (or not base64) is a CryptoError that says so, and nothing is answered', async ({ sk, browser }) => {
  const req = await create(sk, { message: 'bad key' });
  const responder = await responderPage(browser);
  const keys = [Buffer.alloc(65, 7).toString('base64'), 'not*base64'];
  await responder.route('**/public/requests/*', async (route) => {
    if (route.request().method() != 'GET') return route.continue();
    const res = await route.fetch();
    const body = await res.json();
    body.data.public_key = keys.shift();
    await route.fulfill({ response: res, json: body });
  });
  for (let i = 0; i < 2; i++) {
    const e = rejected(await run(responder, (url) => window.Sharokey.respond(url, 'never sent'), req.url), 'CryptoError');
    expect(e.message).toBe('Invalid public key: ask for a new request');
  }
  await responder.context().close();
  expect((await mock.apiLog()).filter((l) => l.path.endsWith('/respond'))).toEqual([]);
});

test('createRequest(): requestExpirationHours takes the whole 1..8760 range', async ({ sk }) => {
  expect(await create(sk, { requestExpirationHours: 8760 })).toMatchObject({ request_expiration_hours: 8760 });
});

test('createRequest(): inbox_url lives beside the request\'s url, also on another host than the API', async ({ sk }) => {
  await mock.fault({ path: '/requests', method: 'POST', status: 201, contentType: 'application/json',
    body: JSON.stringify({ success: true, data: { request: { token: 'tok123', url: 'https://share.example/r/tok123', status: 'active' } } }) });
  expect((await create(sk, {})).inbox_url).toMatch(/^https:\/\/share\.example\/i\/tok123#[\w-]{43}$/);
});

test('createRequest() returns the public key made in this browser, not the server\'s echo of it', async ({ sk }) => {
  await mock.fault({ path: '/requests', method: 'POST', status: 201, body: JSON.stringify({ success: true, data: { request: { token: 'tok', url: 'http://x.test/r/tok', status: 'active', public_key: 'a-key-of-the-server' } } }) });
  const r = (await create(sk, {})) as Req & { public_key: string };
  const sent = JSON.parse((await mock.apiLog()).find((l) => l.method == 'POST')!.body).public_key;
  expect(sent).toMatch(/^[A-Za-z0-9+/]{87}=$/); // the raw P-256 point, 65 bytes
  expect(r.public_key).toBe(sent);
});

test('respond({ publicKey }): the answer is sealed and sent only when the request carries the key the requester gave out of band', async ({ sk, browser }) => {
  const req = (await create(sk, {})) as Req & { public_key: string };
  const responder = await responderPage(browser);
  // Another key (a server that put its own in the request would give this): nothing is sent.
  const other = (await create(sk, {})) as Req & { public_key: string };
  await mock.clearLog();
  const wrong = rejected(await run(responder, ({ url, publicKey }) => window.Sharokey.respond(url, 'for the requester only', { publicKey }), { url: req.url, publicKey: other.public_key }), 'CryptoError');
  expect(wrong.code).toBe('KEY_MISMATCH');
  expect((await mock.apiLog()).filter((l) => l.method == 'POST')).toEqual([]);
  // The right key, but not as text (a server's [key]: a loose comparison would let it through): nothing is sent.
  await mock.fault({ path: `/public/requests/${req.token}`, status: 200, body: JSON.stringify({ success: true, data: { token: req.token, status: 'active', public_key: [req.public_key] } }) });
  expect(rejected(await run(responder, ({ url, publicKey }) => window.Sharokey.respond(url, 'for the requester only', { publicKey }), { url: req.url, publicKey: req.public_key }), 'CryptoError').code).toBe('KEY_MISMATCH');
  expect((await mock.apiLog()).filter((l) => l.method == 'POST')).toEqual([]);
  // Not text: refused before anything is sent.
  rejected(await run(responder, (url) => window.Sharokey.respond(url, 'x', { publicKey: 5 as unknown as string }), req.url), 'ValidationError');
  // Empty (a form's field left blank): a check asked for and left empty, refused, never skipped.
  expect(rejected(await run(responder, (url) => window.Sharokey.respond(url, 'x', { publicKey: '' }), req.url), 'ValidationError').details).toHaveProperty('publicKey');
  // (The two GETs of the request above; nothing for these two.)
  expect(await mock.apiLog()).toHaveLength(2);
  // The right key: answered, and it opens.
  await run(responder, ({ url, publicKey }) => window.Sharokey.respond(url, 'for the requester only', { publicKey }), { url: req.url, publicKey: req.public_key });
  await responder.context().close();
  expect(await run(sk, (u) => window.Sharokey.openRequest(u).then((r) => r.content), req.inbox_url)).toBe('for the requester only');
});
