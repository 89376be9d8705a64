// Loading the script tag, configuration, and independent clients.
import { test, expect, run, rejected, mock, MOCK_URL, PAGE_ORIGIN, TOKENS } from './helpers.ts';
import pkg from '../package.json' with { type: 'json' };
import v8 from 'node:v8';
import vm from 'node:vm';
import { spawnSync } from 'node:child_process';

test('the script tag adds exactly one global, Sharokey, with every documented member', async ({ page }) => {
  await page.goto(PAGE_ORIGIN + '/e2e/pages/blank.html');
  const before = await page.evaluate(() => {
    const f = document.createElement('iframe');
    document.body.append(f);
    const keys = Object.keys(f.contentWindow!);
    f.remove();
    return keys;
  });
  const added = await page.evaluate((known) => Object.keys(window).filter((k) => !known.includes(k)), before);
  expect(added).toEqual(['Sharokey']);
  const members = await page.evaluate(() => Object.keys(window.Sharokey).sort());
  for (const m of ['config', 'getConfig', 'createClient', 'create', 'list', 'getDetails', 'get', 'delete', 'getStats', 'stats', 'getTokenStats', 'reveal', 'version', 'isSharokeyError',
    'SharokeyError', 'AuthenticationError', 'PermissionError', 'NotFoundError', 'QuotaExceededError', 'RateLimitError', 'ValidationError', 'AttachmentError', 'NetworkError', 'TimeoutError', 'CryptoError']) {
    expect(members).toContain(m);
  }
  expect(await page.evaluate(() => window.Sharokey.version)).toBe(pkg.version);
  // The aliases are the very functions they name, on the global and on a client of createClient().
  expect(await page.evaluate(() => [window.Sharokey, window.Sharokey.createClient()].flatMap((S) => [S.get === S.getDetails, S.stats === S.getStats]))).toEqual([true, true, true, true]);
});

test('a page served over plain http from a host name (an intranet tool), where browsers give no crypto.subtle: the script loads, the methods that encrypt or decrypt reject with a CryptoError that says to serve it over https, before anything is sent', async ({ page }) => {
  // The page's own address, answered from the repository's files: a host name over http is no secure context.
  const root = new URL('../', import.meta.url);
  await page.route('http://intranet.test/**', (route) => route.fulfill({ path: new URL('.' + new URL(route.request().url()).pathname, root).pathname }));
  await mock.reset();
  await page.goto('http://intranet.test/e2e/pages/blank.html');
  const r = await page.evaluate(async ([apiUrl, token, viewer]) => {
    const S = window.Sharokey.config({ apiUrl, token, retries: 0 });
    const said = (p: Promise<unknown>) => p.then(() => 'resolved', (e) => `${e.name}: ${e.message}`);
    return {
      secure: isSecureContext, subtle: typeof crypto.subtle,
      create: await said(S.create('typed on an http page')),
      reveal: await said(S.reveal(`${viewer}/s/abcdEFGH#${'k'.repeat(24)}`)),
      createRequest: await said(S.createRequest({ message: 'x' })),
      respond: await said(S.respond(`${viewer}/r/sometoken`, 'an answer')),
      openRequest: await said(S.openRequest(`${viewer}/i/sometoken#${'d'.repeat(43)}`)),
    };
  }, [MOCK_URL, TOKENS.admin, MOCK_URL.replace(/\/api\/v1$/, '')]);
  const refused = 'CryptoError: No WebCrypto: serve the page over https://';
  expect(r).toEqual({ secure: false, subtle: 'undefined', create: refused, reveal: refused, createRequest: refused, respond: refused, openRequest: refused });
  expect(await mock.apiLog()).toEqual([]);
});

test('config() returns Sharokey, getConfig() tells hasToken and never the token', async ({ sk }) => {
  const r = await run(sk, () => {
    const S = window.Sharokey;
    const same = S.config({ token: 'tok-1234567890', timeout: 5000, retries: 1 }) === S;
    return { same, view: S.getConfig(), json: JSON.stringify(S.getConfig()) };
  });
  expect(r).toMatchObject({ same: true, view: { apiUrl: MOCK_URL, timeout: 5000, retries: 1, hasToken: true } });
  expect((r as { json: string }).json).not.toContain('tok-1234567890');
});

test('defaults: production apiUrl, 30 s timeout, 2 retries, trailing slash trimmed', async ({ sk }) => {
  const r = await run(sk, () => [window.Sharokey.createClient().getConfig(), window.Sharokey.createClient({ apiUrl: 'https://x.test/api/v1//' }).getConfig().apiUrl]);
  expect(r).toEqual([{ apiUrl: 'https://api.sharokey.com/api/v1', timeout: 30000, retries: 2, hasToken: false }, 'https://x.test/api/v1']);
});

test('config() rejects bad values with a ValidationError naming each field, and keeps the old settings', async ({ sk }) => {
  const r = await run(sk, () => {
    try {
      window.Sharokey.config({ apiUrl: 'ftp://x', timeout: -1, retries: 1.5, token: 42 as unknown as string, getToken: 'x' as unknown as () => string });
    } catch (e) {
      const x = e as InstanceType<typeof window.Sharokey.ValidationError>;
      return { name: x.name, fields: Object.keys(x.details!).sort(), still: window.Sharokey.getConfig().timeout };
    }
  });
  expect(r).toEqual({ name: 'ValidationError', fields: ['apiUrl', 'getToken', 'retries', 'timeout', 'token'], still: 30000 });
});

test('createClient() makes independent clients: two tokens, two companies, one page', async ({ sk }) => {
  const r = await run(sk, async ({ url, other }) => {
    const g = window.Sharokey.createClient({ apiUrl: url, token: other });
    const a = await window.Sharokey.create('for acme', 1, 1);
    const b = await g.create('for globex', 1, 1);
    return { acme: (await window.Sharokey.list()).items.map((i) => i.slug), globex: (await g.list()).items.map((i) => i.slug), a: a.slug, b: b.slug, cfg: window.Sharokey.getConfig().apiUrl };
  }, { url: MOCK_URL, other: TOKENS.other });
  expect(r).toMatchObject({ cfg: MOCK_URL });
  const x = r as { acme: string[]; globex: string[]; a: string; b: string };
  expect(x.acme).toEqual([x.a]);
  expect(x.globex).toEqual([x.b]);
});

test('getToken: an async token source is asked when a request needs a token', async ({ sk }) => {
  const r = await run(sk, async (token) => {
    let asked = 0;
    window.Sharokey.config({ token: undefined, getToken: async () => (asked++, token) });
    await window.Sharokey.list();
    await window.Sharokey.getStats();
    return asked;
  }, TOKENS.admin);
  expect(r).toBe(2);
  const log = await mock.apiLog();
  expect(log.map((l) => l.headers.authorization)).toEqual(['Bearer ****' + TOKENS.admin.slice(-4), 'Bearer ****' + TOKENS.admin.slice(-4)]);
});

test('no token: AuthenticationError before anything is sent; a failing getToken too', async ({ sk }) => {
  const none = await run(sk, () => window.Sharokey.createClient({ apiUrl: 'http://127.0.0.1:4311/api/v1' }).list());
  expect(rejected(none, 'AuthenticationError').message).toMatch(/token/);
  const failing = await run(sk, () => window.Sharokey.createClient({ apiUrl: 'http://127.0.0.1:4311/api/v1', getToken: () => Promise.reject(new Error('backend down')) }).getStats());
  rejected(failing, 'AuthenticationError');
  // One that answers at once with an empty string: the rule's words say what was wrong, not a timeout.
  const empty = await run(sk, () => window.Sharokey.createClient({ apiUrl: 'http://127.0.0.1:4311/api/v1', getToken: async () => '' }).getStats());
  expect(rejected(empty, 'AuthenticationError').message).toBe('getToken() must give a non-empty string within 30000 ms');
  expect(await mock.apiLog()).toEqual([]);
});

test('company: a multi-company user token acts for the company it names, and is refused for others', async ({ sk }) => {
  const r = await run(sk, async (multi) => {
    window.Sharokey.config({ token: multi });
    const acme = await window.Sharokey.getStats();
    window.Sharokey.config({ company: 'globex' });
    const globex = await window.Sharokey.getStats();
    window.Sharokey.config({ company: 'initech' });
    return { acme, globex, refused: await window.Sharokey.getStats().catch((e) => [e.name, e.code, e.status]) };
  }, TOKENS.multi);
  expect(r).toMatchObject({ refused: ['PermissionError', 'PERMISSION_DENIED', 403] });
  const log = await mock.apiLog();
  expect(log.map((l) => l.headers['x-sharokey-company'])).toEqual([undefined, 'globex', 'initech']);
});

test('config(): a key given as undefined goes back to its default (a token is forgotten); config() alone changes nothing; company shows only when set', async ({ sk }) => {
  const r = await run(sk, () => {
    const S = window.Sharokey.createClient({ apiUrl: 'https://x.test/api/v1', token: 'tok-1234567890', timeout: 5000, company: 'globex' });
    const set = S.getConfig();
    S.config();
    const same = S.getConfig();
    S.config({ apiUrl: undefined, timeout: undefined, token: undefined, company: undefined });
    return { set, same, reset: S.getConfig() };
  });
  expect(r).toEqual({
    set: { apiUrl: 'https://x.test/api/v1', timeout: 5000, retries: 2, hasToken: true, company: 'globex' },
    same: { apiUrl: 'https://x.test/api/v1', timeout: 5000, retries: 2, hasToken: true, company: 'globex' },
    reset: { apiUrl: 'https://api.sharokey.com/api/v1', timeout: 30000, retries: 2, hasToken: false },
  });
  expect(Object.keys((r as { reset: object }).reset)).toEqual(['apiUrl', 'timeout', 'retries', 'hasToken']);
});

test('every error class keeps its name in the minified file', async ({ sk }) => {
  const r = await run(sk, () => {
    const S = window.Sharokey as unknown as Record<string, { name: string; prototype: { name: string } }>;
    return Object.keys(S).filter((k) => /^[A-Z]\w*Error$/.test(k)).map((k) => [k, S[k]!.name, S[k]!.prototype.name]);
  });
  expect(r, JSON.stringify(r)).toHaveLength(11);
  for (const [key, name, proto] of r as string[][]) expect([name, proto]).toEqual([key, key]);
});

test('a caller\'s abort while getToken() is pending rejects with the signal\'s reason, and nothing is sent', async ({ sk }) => {
  const r = await run(sk, async (token) => {
    const c = new AbortController();
    window.Sharokey.config({ token: undefined, getToken: () => new Promise((ok) => setTimeout(() => ok(token), 200)) });
    const p = window.Sharokey.list({ signal: c.signal });
    setTimeout(() => c.abort(), 50);
    return p;
  }, TOKENS.admin);
  expect(r).toMatchObject({ caught: true, name: 'AbortError', isSharokeyError: false });
  expect(await mock.apiLog()).toEqual([]);
});

test('a getToken() that never answers holds a call no longer than timeout: an AuthenticationError that says so; aborted sooner, no listener stays on the signal', async ({ sk }) => {
  const r = await run(sk, async (api) => {
    const S = window.Sharokey.createClient({ apiUrl: api, timeout: 300, retries: 0, getToken: () => new Promise<string>(() => {}) });
    const started = performance.now();
    const e = await S.list().catch((e: Error) => e);
    const took = performance.now() - started;
    // One signal for many calls, each aborted while its getToken() hangs.
    const c = new AbortController();
    let listeners = 0;
    const add = c.signal.addEventListener.bind(c.signal), remove = c.signal.removeEventListener.bind(c.signal);
    c.signal.addEventListener = (...a: Parameters<typeof add>) => (listeners++, add(...a));
    c.signal.removeEventListener = (...a: Parameters<typeof remove>) => (listeners--, remove(...a));
    const calls = Array.from({ length: 20 }, () => S.getStats({ signal: c.signal }).catch((e: Error) => e.name));
    c.abort();
    return { name: (e as Error).name, message: (e as Error).message, took, aborted: await Promise.all(calls), listeners };
  }, MOCK_URL) as { name: string; message: string; took: number; aborted: string[]; listeners: number };
  expect([r.name, r.message]).toEqual(['AuthenticationError', 'getToken() must give a non-empty string within 300 ms']);
  expect(r.took).toBeGreaterThanOrEqual(290);
  expect(r.took).toBeLessThan(2000);
  expect(r.aborted).toEqual(Array(20).fill('AbortError'));
  expect(r.listeners).toBe(0);
  expect(await mock.apiLog()).toEqual([]);
});

test("in Node, an abort during a retry's wait clears its timer: the process is not held for the server's Retry-After", async () => {
  await mock.reset();
  const { default: S } = await import('../dist/sharokey.esm.js');
  const node = S.createClient({ apiUrl: MOCK_URL, token: TOKENS.admin, retries: 1, timeout: 30_000 });
  await mock.fault({ path: '/secrets', status: 503, headers: { 'Retry-After': '20' } });
  const timers = () => process.getActiveResourcesInfo().filter((r) => r == 'Timeout').length;
  const before = timers();
  const c = new AbortController();
  const call = node.list({ signal: c.signal }).catch((e: Error) => e.name);
  // The 503 is in and the 20 s wait has begun.
  await expect.poll(async () => (await mock.apiLog()).length).toBe(1);
  await new Promise((ok) => setTimeout(ok, 100));
  c.abort();
  expect(await call).toBe('AbortError');
  expect(timers()).toBeLessThanOrEqual(before);
});

test('X-Sharokey-Company goes only with a token: not to /health nor to the recipient routes', async ({ sk }) => {
  await run(sk, async () => {
    window.Sharokey.config({ company: 'acme' });
    const { share_url } = await window.Sharokey.create('company header', 1, 1);
    await window.Sharokey.health();
    await window.Sharokey.reveal(share_url);
  });
  const log = await mock.apiLog();
  expect(log.map((l) => [l.method, l.path.replace(/\/[\w]{8}(?=\/|$)/, '/{slug}'), l.headers['x-sharokey-company']])).toEqual([
    ['POST', '/api/v1/secrets', 'acme'],
    ['GET', '/api/v1/health', undefined],
    ['GET', '/api/v1/public/secrets/{slug}', undefined],
    ['POST', '/api/v1/public/secrets/{slug}/open', undefined],
  ]);
});

test('the ES module build is the script tag\'s object when both are on a page; alone, its own', async ({ page }) => {
  await page.goto(PAGE_ORIGIN + '/e2e/pages/blank.html');
  const r = await page.evaluate(async (src) => {
    const esm = (await import(src)) as { default: unknown; createClient: unknown };
    return { same: esm.default === window.Sharokey, named: typeof esm.createClient };
  }, PAGE_ORIGIN + '/dist/sharokey.esm.js');
  expect(r).toEqual({ same: true, named: 'function' });
});

test('the ES module build\'s named exports are the default client\'s parts ("its named parts"): methods, error classes, createClient, isSharokeyError', async ({ page }) => {
  await page.goto(PAGE_ORIGIN + '/e2e/pages/blank.html');
  const r = await page.evaluate(async ({ src, api, token }) => {
    const esm = (await import(src)) as Record<string, (...a: unknown[]) => Promise<Record<string, unknown>>> & { default: Record<string, unknown> };
    const parts = Object.keys(esm.default).filter((k) => typeof esm.default[k] == 'function');
    const missing = parts.filter((k) => esm[k] !== esm.default[k]);
    // They act on the default client: configured through one, used through the other.
    esm.config!({ apiUrl: api, token });
    const made = await esm.create!('named export', 1, 2);
    const opened = await (esm.default.reveal as typeof esm.reveal)(made.share_url);
    const deleted = await esm.delete!(made.slug);
    // What a named method throws is an instance of the named class (the script tag's here).
    const bad = await esm.create!('').catch((e: unknown) => e);
    const Named = esm.ValidationError as unknown as new () => Error;
    const Base = esm.SharokeyError as unknown as new () => Error;
    return {
      parts: parts.length, missing, version: esm.version === esm.default.version, content: opened.content, deleted,
      instance: bad instanceof Named && bad instanceof Base, global: esm.ValidationError === (window.Sharokey as unknown as Record<string, unknown>).ValidationError,
    };
  }, { src: PAGE_ORIGIN + '/dist/sharokey.esm.js', api: MOCK_URL, token: TOKENS.admin });
  expect(r).toEqual({ parts: 36, missing: [], version: true, content: 'named export', deleted: true, instance: true, global: true });
});

test('in a Web Worker (importScripts): self.Sharokey creates, reveals a file and gives typed errors', async ({ sk }) => {
  const r = await run(sk, ({ api, token }) => new Promise((ok) => {
    const w = new Worker('/e2e/pages/worker.js');
    w.onmessage = (m) => (ok(m.data), w.terminate());
    w.postMessage({ api, token });
  }), { api: MOCK_URL, token: TOKENS.admin });
  expect(r).toEqual({ content: 'from a worker', file: 'in a worker', error: 'NotFoundError', known: true });
});

test('the ES module build in Node 20+ (fetch, WebCrypto and File are there): create, list and reveal against the mock', async () => {
  await mock.reset();
  const { default: S, NotFoundError } = await import('../dist/sharokey.esm.js');
  const node = S.createClient({ apiUrl: MOCK_URL, token: TOKENS.admin, retries: 0 });
  const s = await node.create('from Node', 1, 1, { attachments: [new File(['made in Node'], 'n.txt')] });
  expect((await node.list()).items.map((i) => i.slug)).toEqual([s.slug]);
  const r = await node.reveal(s.share_url);
  expect([r.content, await r.attachments[0]!.text()]).toEqual(['from Node', 'made in Node']);
  expect(await node.getDetails('ZZZZZZZZ').catch((e: unknown) => e)).toBeInstanceOf(NotFoundError);
});

test("in Node, what onProgress throws is written to stderr and the process goes on: the create's link comes back (an error thrown later would end the process)", async () => {
  await mock.reset();
  const script = `
    const { default: S } = await import(${JSON.stringify(new URL('../dist/sharokey.esm.js', import.meta.url).href)});
    const node = S.createClient({ apiUrl: ${JSON.stringify(MOCK_URL)}, token: ${JSON.stringify(TOKENS.admin)} });
    const s = await node.create('x', 1, 1, { onProgress: (p) => { if (p.phase == 'done') throw new Error('a bug of the script'); } });
    await new Promise((ok) => setTimeout(ok, 100));
    console.log(s.share_url.includes('#') ? 'link kept' : 'no link');`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 20_000 });
  expect([r.status, r.stdout.trim()], r.stderr).toEqual([0, 'link kept']);
  expect(r.stderr).toContain('a bug of the script');
  expect((await mock.apiLog()).filter((l) => l.method == 'POST')).toHaveLength(1);
});

test("in Node, a body that stalls after its headers ends at the timeout, also after a garbage collection (with redirect: 'error', Node's fetch then no longer ends the body read on abort: nodejs/node#55428)", async () => {
  await mock.reset();
  const { default: S } = await import('../dist/sharokey.esm.js');
  const node = S.createClient({ apiUrl: MOCK_URL, token: TOKENS.admin, retries: 0, timeout: 1000 });
  await mock.fault({ path: '/secrets', status: 200, hold: true, times: 5 });
  const outcomes = Array.from({ length: 5 }, () =>
    Promise.race([node.list().then(() => 'resolved', (e: Error) => e.name), new Promise((ok) => setTimeout(ok, 5000, 'never settled'))]));
  // The headers are in and the bodies stall; a collection now cuts the abort from Node's body read.
  await new Promise((ok) => setTimeout(ok, 400));
  v8.setFlagsFromString('--expose-gc');
  (vm.runInNewContext('gc') as () => void)();
  expect(await Promise.all(outcomes)).toEqual(Array(5).fill('TimeoutError'));
});
