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
