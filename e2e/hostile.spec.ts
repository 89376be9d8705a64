// The script on hostile pages: a strict CSP with Trusted Types, a page with
// globals of its own, loaded twice, inside frames.
import { test, expect, run, mock, MOCK_URL, PAGE_ORIGIN, TOKENS } from './helpers.ts';

test('a strict CSP (script-src self, no unsafe-eval, Trusted Types required): it works, zero violations', async ({ page }) => {
  await mock.reset();
  const csp: string[] = [];
  page.on('response', (r) => { if (r.url().includes('csp.html')) csp.push(r.headers()['content-security-policy'] ?? ''); });
  await page.goto(`${PAGE_ORIGIN}/e2e/pages/csp.html?csp=1&api=${encodeURIComponent(MOCK_URL)}&token=${TOKENS.admin}`);
  await page.waitForFunction(() => (window as unknown as { result?: unknown }).result, null, { timeout: 30_000 });
  expect(csp[0]).toMatch(/script-src 'self';.*require-trusted-types-for 'script'/);
  expect(csp[0]).not.toMatch(/unsafe/);
  const r = await page.evaluate(() => ({ result: (window as unknown as { result: unknown }).result, violations: (window as unknown as { violations: string[] }).violations }));
  expect(r.result).toEqual({ content: 'under CSP', file: 'file under CSP', bad: 'NotFoundError', test: 6 });
  expect(r.violations).toEqual([]);
});

test('the CSP check can fail: an inline script on the same page is reported', async ({ page }) => {
  await page.goto(`${PAGE_ORIGIN}/e2e/pages/csp.html?csp=1&api=${encodeURIComponent(MOCK_URL)}&token=x`);
  await page.evaluate(() => {
    const s = document.createElement('script');
    s.textContent = 'window.inline = 1';
    document.body.append(s);
  }).catch(() => undefined);
  await expect.poll(() => page.evaluate(() => (window as unknown as { violations: string[] }).violations.length)).toBeGreaterThan(0);
});

test('a page with crypto helpers, an old Object.assign polyfill and a Sharokey placeholder of its own, loading the script twice', async ({ page }) => {
  await mock.reset();
  await page.goto(PAGE_ORIGIN + '/e2e/pages/globals.html');
  const r = await page.evaluate(async ({ api, token }) => {
    const w = window as unknown as Record<string, unknown> & { Sharokey: typeof window.Sharokey };
    const S = w.Sharokey;
    S.config({ apiUrl: api, token });
    const s = await S.create('among other globals', 1, 1);
    const c = await S.reveal(s.share_url);
    const e = await S.getDetails('ZZZZZZZZ').catch((x) => x);
    return {
      content: c.content, placeholderGone: !('placeholder' in S), hasVersion: typeof S.version, polyfilled: !/native/.test(Object.assign + ''), known: [S.isSharokeyError(e), e.name],
      untouched: [(w.CryptoJS as { AES: { encrypt: () => string } }).AES.encrypt(), (w.encrypt as () => string)(), (w.deriveKey as () => string)(), w.request],
    };
  }, { api: MOCK_URL, token: TOKENS.admin });
  expect(r).toEqual({ content: 'among other globals', placeholderGone: true, hasVersion: 'string', polyfilled: true, known: [true, 'NotFoundError'], untouched: ['not ours', 'page encrypt', 'page deriveKey', 'page request'] });
});

test('loaded twice, the first instance is kept, with its settings and the references pages hold', async ({ page }) => {
  await mock.reset();
  await page.goto(PAGE_ORIGIN + '/e2e/pages/blank.html');
  const r = await page.evaluate(async ({ api, token }) => {
    const first = window.Sharokey.config({ apiUrl: api, token });
    const held = first.create;
    await new Promise((ok) => {
      const s = document.createElement('script');
      s.src = '/dist/sharokey.min.js';
      s.onload = ok;
      document.head.append(s);
    });
    const made = await held('still works', 1, 1);
    return { same: window.Sharokey === first, apiUrl: window.Sharokey.getConfig().apiUrl, slug: made.slug.length };
  }, { api: MOCK_URL, token: TOKENS.admin });
  expect(r).toEqual({ same: true, apiUrl: MOCK_URL, slug: 8 });
});

test('inside an iframe, and a sandboxed one (opaque origin): it works, and errors are recognised across frames', async ({ sk }) => {
  const r = await run(sk, async ({ api, token }) => {
    const frame = (attrs: Record<string, string>) => new Promise<Window>((ok) => {
      const f = document.createElement('iframe');
      Object.assign(f, attrs);
      f.onload = () => ok(f.contentWindow!);
      document.body.append(f);
    });
    const w = (await frame({ src: '/e2e/pages/blank.html' })) as unknown as { Sharokey: typeof window.Sharokey };
    const S = w.Sharokey.config({ apiUrl: api, token });
    const s = await S.create('in a frame', 1, 1);
    const content = (await S.reveal(s.share_url)).content;
    const e = await S.getDetails('ZZZZZZZZ').catch((x) => x);
    // A sandboxed frame (allow-scripts only) posts its result back.
    const sandboxed = await new Promise((ok) => {
      addEventListener('message', (m) => ok(m.data), { once: true });
      const f = document.createElement('iframe');
      f.setAttribute('sandbox', 'allow-scripts');
      f.srcdoc = `<script src="${location.origin}/dist/sharokey.min.js"></` + `script><script>
        Sharokey.config({ apiUrl: ${JSON.stringify(api)}, token: ${JSON.stringify(token)} });
        Sharokey.create('sandboxed', 1, 1).then((s) => Sharokey.reveal(s.share_url)).then((r) => parent.postMessage(r.content, '*'), (e) => parent.postMessage('failed: ' + e.name, '*'));
      </` + 'script>';
      document.body.append(f);
    });
    return { content, name: e.name, here: window.Sharokey.isSharokeyError(e), instance: e instanceof window.Sharokey.NotFoundError, there: e instanceof S.NotFoundError, sandboxed };
  }, { api: MOCK_URL, token: TOKENS.admin });
  expect(r).toEqual({ content: 'in a frame', name: 'NotFoundError', here: true, instance: false, there: true, sandboxed: 'sandboxed' });
  // The sandboxed frame's requests came from an opaque origin.
  expect((await mock.log()).some((l) => l.headers.origin == 'null')).toBe(true);
});

test('a page that is not a secure context (plain http on a real host name) has no WebCrypto: a CryptoError that says so, before anything is sent', async ({ playwright, launchOptions }) => {
  await mock.reset();
  const share = (await (async () => {
    // A secret to open, made from a secure page.
    const b = await playwright.chromium.launch(launchOptions);
    const p = await b.newPage();
    await p.goto(PAGE_ORIGIN + '/e2e/pages/blank.html');
    const url = await p.evaluate(async ({ api, token }) => window.Sharokey.config({ apiUrl: api, token }).create('needs WebCrypto', 1, 1).then((s) => s.share_url), { api: MOCK_URL, token: TOKENS.admin });
    await b.close();
    return url;
  })()) as string;
  await mock.clearLog();
  const browser = await playwright.chromium.launch({ ...launchOptions, args: [...(launchOptions.args ?? []), '--host-resolver-rules=MAP insecure.test 127.0.0.1'] });
  try {
    const page = await browser.newPage();
    await page.goto(PAGE_ORIGIN.replace('localhost', 'insecure.test') + '/e2e/pages/blank.html');
    const r = await page.evaluate(async ({ api, token, share }) => {
      const S = window.Sharokey.config({ apiUrl: api, token });
      const caught = (p: Promise<unknown>) => p.then(() => 'resolved', (e) => [e.name, e.message, S.isSharokeyError(e)]);
      return {
        secure: window.isSecureContext,
        create: await caught(S.create('no crypto here', 1, 1)),
        reveal: await caught(S.reveal(share)),
        request: await caught(S.createRequest({ message: 'x' })),
      };
    }, { api: MOCK_URL, token: TOKENS.admin, share });
    expect(r.secure).toBe(false);
    for (const k of ['create', 'reveal', 'request'] as const) expect(r[k], k).toEqual(['CryptoError', expect.stringContaining('https://'), true]);
    // Nothing reached the API: no ciphertext-less secret, no view spent.
    expect(await mock.apiLog()).toEqual([]);
  } finally {
    await browser.close();
  }
});

test('a page that added enumerable properties to Object.prototype (before and after loading): it loads, works, and nothing inherited reaches the wire or the results', async ({ page }) => {
  await mock.reset();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // One string and one function: a schema entry that is not a check, and one that is.
  await page.addInitScript(() => Object.assign(Object.prototype, { polluted: 'p0llut3d', pollutedFn: () => 'p0llut3d' }));
  await page.goto(PAGE_ORIGIN + '/e2e/pages/blank.html');
  const r = await page.evaluate(async ({ api, token }) => {
    const loaded = typeof window.Sharokey;
    const S = window.Sharokey.config({ apiUrl: api, token });
    (Object.prototype as Record<string, unknown>).later = 'p0llut3d';
    const s = await S.create('on a polluted page', 1, 1, { description: 'd' });
    const other = S.createClient({ apiUrl: api, token });
    const req = await other.createRequest({ message: 'm' });
    const stats = S.analyzeStats(await S.getStats());
    return {
      loaded, content: (await S.reveal(s.share_url)).content, request: typeof req.inbox_url,
      own: Object.keys(stats).filter((k) => /polluted|later/.test(k)), config: Object.keys(S.getConfig()),
    };
  }, { api: MOCK_URL, token: TOKENS.admin });
  expect(r).toEqual({ loaded: 'object', content: 'on a polluted page', request: 'string', own: [], config: ['apiUrl', 'timeout', 'retries', 'hasToken'] });
  expect(errors).toEqual([]);
  const wire = (await mock.apiLog()).map((l) => l.path + ' ' + l.body).join('\n');
  expect(wire).toContain('/requests');
  expect(wire).not.toContain('p0llut3d');
});

test('option and setting names a page added to Object.prototype (before loading too) are never read as the caller\'s, options given, empty or left out: the script loads, no inherited token, company, password or apiUrl is used or sent', async ({ page }) => {
  await mock.reset();
  const P = {
    description: 'p0llut3d', message: 'p0llut3d', password: 'p0llut3d-pw', otpEmail: 'p0llut3d@example.com', otp_email: 'p0llut3d@example.com',
    apiUrl: 'http://127.0.0.1:9/p0llut3d', emailTo: 'p0llut3d@example.com', token: 'p0llut3d-token', company: 'p0llut3d-co', timeout: '30s',
  };
  // Before the script loads (its default client is configured then), as a vulnerable merge of user JSON would leave it.
  await page.addInitScript((P) => Object.assign(Object.prototype, P), P);
  await page.goto(PAGE_ORIGIN + '/e2e/pages/blank.html');
  const r = await page.evaluate(async ({ api, token, names }) => {
    try {
      const loaded = typeof window.Sharokey.create;
      const anon = window.Sharokey.createClient({ apiUrl: api });
      const noToken = await anon.getStats().then(() => 'resolved', (e) => e.name);
      const S = window.Sharokey.createClient({ token });
      const before = S.getConfig();
      S.config({ apiUrl: api });
      const s = await S.create('on a polluted page', 1, 1, {});
      await S.createRequest({});
      const opened = await S.reveal(s.share_url, {});
      // No options at all, or null: the library's own default must read nothing inherited either.
      const bare = await S.create('no options', 1, 1);
      await S.createRequest();
      const nulled = await S.create('null options', 1, 1, null as never);
      const both = [(await S.reveal(bare.share_url)).content, (await S.reveal(nulled.share_url, null as never)).content];
      // test()'s write check makes a secret with options of its own: nothing inherited goes with them.
      await S.test();
      return { loaded, noToken, anon: anon.getConfig(), before, security: [s.security, bare.security, nulled.security], content: opened.content, message: opened.message, both };
    } finally {
      for (const k of names) delete (Object.prototype as Record<string, unknown>)[k];
    }
  }, { api: MOCK_URL, token: TOKENS.admin, names: Object.keys(P) });
  expect(r).toEqual({
    loaded: 'function', noToken: 'AuthenticationError', anon: { apiUrl: MOCK_URL, timeout: 30000, retries: 2, hasToken: false },
    before: { apiUrl: 'https://api.sharokey.com/api/v1', timeout: 30000, retries: 2, hasToken: true },
    security: ['none', 'none', 'none'], content: 'on a polluted page', message: null, both: ['no options', 'null options'],
  });
  const wire = (await mock.apiLog()).map((l) => l.path + ' ' + JSON.stringify(l.headers) + ' ' + l.body).join('\n');
  expect(wire).toContain('/requests');
  expect(wire).not.toContain('p0llut3d');
});

/** A create with a password and a file, its reveal, a NotFoundError and a ValidationError, on the page as it is. */
const roundTrip = (page: import('@playwright/test').Page) => page.evaluate(async ({ api, token }) => {
  const S = window.Sharokey.createClient({ apiUrl: api, token, retries: 0 });
  const s = await S.create('on a hardened page', 1, 1, { password: 'pass-word', attachments: [new File(['file body'], 'f.txt')] });
  const r = await S.reveal(s.share_url, { password: 'pass-word' });
  const notFound = await S.getDetails('ZZZZZZZZ').catch((e) => [e.name, e.code, S.isSharokeyError(e), e instanceof S.NotFoundError]);
  const invalid = await S.create('x', 0).catch((e) => [e.name, e.code, S.isSharokeyError(e), e instanceof S.ValidationError]);
  return { content: r.content, file: await r.attachments[0]!.text(), notFound, invalid };
}, { api: MOCK_URL, token: TOKENS.admin });

const ROUND_TRIP = {
  content: 'on a hardened page', file: 'file body',
  notFound: ['NotFoundError', 'NOT_FOUND', true, true], invalid: ['ValidationError', 'VALIDATION_ERROR', true, true],
};

test('a hardened page that froze the intrinsics before the script (SES lockdown style: Error.prototype among them): it loads, works, and its errors keep their names', async ({ page }) => {
  await mock.reset();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(() => {
    const g = globalThis as unknown as Record<string, { prototype?: object }>;
    for (const n of ['Object', 'Array', 'Function', 'Error', 'TypeError', 'RangeError', 'ReferenceError', 'Promise', 'String', 'Number', 'Boolean', 'Symbol', 'RegExp', 'Map', 'Set', 'Uint8Array', 'ArrayBuffer', 'URL', 'URLSearchParams', 'AbortController', 'AbortSignal', 'TextEncoder', 'TextDecoder', 'Blob', 'File', 'Response', 'Headers', 'DOMException']) {
      Object.freeze(g[n]!.prototype);
      Object.freeze(g[n]);
    }
    Object.freeze(Object.getPrototypeOf(Uint8Array.prototype));
    Object.freeze(JSON);
    Object.freeze(Reflect);
  });
  await page.goto(PAGE_ORIGIN + '/e2e/pages/blank.html');
  expect(await page.evaluate(() => [Object.isFrozen(Error.prototype), typeof window.Sharokey])).toEqual([true, 'object']);
  expect(await roundTrip(page)).toEqual(ROUND_TRIP);
  // A page's own subclass names itself, and an error's name can be set, as with any Error (strict code).
  expect(await page.evaluate(() => {
    'use strict';
    class PageError extends window.Sharokey.ValidationError {
      constructor(m: string) {
        super(m);
        this.name = 'PageError';
      }
    }
    const e = new window.Sharokey.NetworkError('x');
    e.name = 'Renamed';
    return [new PageError('m').name, new PageError('m') instanceof window.Sharokey.ValidationError, e.name, new window.Sharokey.NetworkError('y').name];
  })).toEqual(['PageError', true, 'Renamed', 'NetworkError']);
  expect(errors).toEqual([]);
});

test("a page with Prototype.js 1.6's Array.prototype.toJSON (it returns the array as a JSON string): attachments still go as an array, and open", async ({ page }) => {
  await mock.reset();
  await page.addInitScript(() => {
    // As Prototype.js 1.6 defined it, by assignment (enumerable) among other methods: serialising,
    // where ES5's toJSON returns a value to serialise.
    const A = Array.prototype as unknown as Record<string, unknown>;
    A.toJSON = function (this: unknown[]) { return '[' + this.map((x) => JSON.stringify(x)).join(', ') + ']'; };
    A.each = function (this: unknown[], f: (x: unknown) => void) { this.forEach(f); };
    A.last = function (this: unknown[]) { return this[this.length - 1]; };
  });
  await page.goto(PAGE_ORIGIN + '/e2e/pages/blank.html');
  expect(await page.evaluate(() => JSON.stringify({ a: [1] }))).toBe('{"a":"[1]"}');
  expect(await roundTrip(page)).toEqual(ROUND_TRIP);
  const sent = JSON.parse((await mock.apiLog()).find((l) => l.method == 'POST' && l.path.endsWith('/secrets'))!.body);
  expect(Array.isArray(sent.attachments)).toBe(true);
});

test("Object.prototype additions that fetch and WebCrypto would read as their options (credentials, mode, referrerPolicy, tagLength, additionalData): nothing changes on the wire, and what that page encrypts opens on a clean one, and the other way", async ({ browser }) => {
  await mock.reset();
  const polluted = await browser.newPage();
  const clean = await browser.newPage();
  try {
    await polluted.addInitScript(() => Object.assign(Object.prototype, {
      credentials: 'include', mode: 'same-origin', referrerPolicy: 'unsafe-url', cache: 'only-if-cached',
      tagLength: 32, additionalData: new Uint8Array([1, 2, 3]),
    }));
    await polluted.goto(PAGE_ORIGIN + '/e2e/pages/blank.html?private=p0llut3d-query');
    await clean.goto(PAGE_ORIGIN + '/e2e/pages/blank.html');
    const args = { api: MOCK_URL, token: TOKENS.admin };
    type Made = { share: string; request: { url: string; inbox: string } };
    const make = (page: typeof clean, note: string) => page.evaluate(async ({ api, token, note }) => {
      const S = window.Sharokey.createClient({ apiUrl: api, token, retries: 0 });
      const s = await S.create(note, 1, 1, { attachments: [new File([note + ' file'], 'f.txt')] });
      const r = await S.createRequest({ message: note });
      return { share: s.share_url, request: { url: r.url, inbox: r.inbox_url } };
    }, { ...args, note });
    const fromClean: Made = await make(clean, 'made clean');
    const fromPolluted: Made = await make(polluted, 'made polluted');
    // Each page opens the other's secret, and answers the other's request.
    const open = (page: typeof clean, other: Made, note: string) => page.evaluate(async ({ api, token, other, note }) => {
      const S = window.Sharokey.createClient({ apiUrl: api, token, retries: 0 });
      const r = await S.reveal(other.share);
      await S.respond(other.request.url, note + ' answer', { attachments: [new File([note + ' answer file'], 'a.txt')] });
      return [r.content, await r.attachments[0]!.text()];
    }, { ...args, other, note });
    expect(await open(polluted, fromClean, 'polluted')).toEqual(['made clean', 'made clean file']);
    expect(await open(clean, fromPolluted, 'clean')).toEqual(['made polluted', 'made polluted file']);
    const inbox = (page: typeof clean, inbox: string) => page.evaluate(async ({ api, token, inbox }) => {
      const r = await window.Sharokey.createClient({ apiUrl: api, token, retries: 0 }).openRequest(inbox);
      return [r.content, await r.attachments[0]!.text()];
    }, { ...args, inbox });
    expect(await inbox(clean, fromClean.request.inbox)).toEqual(['polluted answer', 'polluted answer file']);
    expect(await inbox(polluted, fromPolluted.request.inbox)).toEqual(['clean answer', 'clean answer file']);
    // What the polluted page sent: no address beyond its origin, 16-byte tags.
    const log = await mock.apiLog();
    const wire = log.map((l) => JSON.stringify(l.headers) + ' ' + l.body).join('\n');
    expect(wire).not.toMatch(/p0llut3d/);
    const made = log.map((l) => (l.body ? JSON.parse(l.body) : {})).find((b) => b.attachments?.[0]?.name == 'f.txt' && b.attachments[0].size == 'made polluted file'.length);
    expect(Buffer.from(made.attachments[0].data, 'base64').length).toBe('made polluted file'.length + 16);
  } finally {
    await polluted.close();
    await clean.close();
  }
});

test('a page without TextDecoder, or without TextEncoder: reveal() fails before the view is used (the secret opens once it is back)', async ({ sk }) => {
  for (const name of ['TextDecoder', 'TextEncoder']) {
    await mock.clearLog();
    const r = await run(sk, async (name) => {
      const S = window.Sharokey;
      const s = await S.create('kept for later', 1, 1);
      const w = window as unknown as Record<string, unknown>;
      const saved = w[name];
      delete w[name];
      const failed = await S.reveal(s.share_url).catch((e) => e.name);
      w[name] = saved;
      return [failed, (await S.reveal(s.share_url)).content];
    }, name);
    expect(r, name).toEqual(['ReferenceError', 'kept for later']);
    expect((await mock.apiLog()).filter((l) => l.path.endsWith('/open')).length, name).toBe(1);
  }
});

test("Object.prototype.credentials and .referrerPolicy alone (fetch would read them as its own): calls work, and the API gets the page's origin as Referer, never its address", async ({ page }) => {
  await mock.reset();
  await page.addInitScript(() => Object.assign(Object.prototype, { credentials: 'include', referrerPolicy: 'unsafe-url' }));
  await page.goto(PAGE_ORIGIN + '/e2e/pages/blank.html?private=p0llut3d-query');
  // (With credentials: 'include', the mock's 'Access-Control-Allow-Origin: *' would fail every call.)
  expect(await roundTrip(page)).toEqual(ROUND_TRIP);
  const referers = new Set((await mock.apiLog()).map((l) => l.headers.referer));
  expect([...referers]).toEqual([PAGE_ORIGIN + '/']);
});

test("a page's Object.prototype.get and .set (a property descriptor would read them as its own): the script loads and works", async ({ page }) => {
  await mock.reset();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  await page.addInitScript(() => Object.assign(Object.prototype, { get() { return 'p0llut3d'; }, set() {} }));
  await page.goto(PAGE_ORIGIN + '/e2e/pages/blank.html');
  expect(await page.evaluate(() => typeof window.Sharokey)).toBe('object');
  expect(await roundTrip(page)).toEqual(ROUND_TRIP);
  expect(errors).toEqual([]);
});
