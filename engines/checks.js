// What engines/run.mjs opens in each browser: the built script's main paths,
// against the mock on another origin, with nothing stubbed. Each check
// throws on a wrong result; the results go back to the harness by a POST.
'use strict';
(async () => {
  window.pageErrors.started = true; // from here on, the results are posted below
  const params = new URLSearchParams(location.search);
  const ORIGIN = params.get('mock');
  const API = ORIGIN + '/api/v1';
  const ADMIN = 'acme-admin-token';
  const OTHER = 'globex-admin-token';
  const S = window.Sharokey;
  const results = [];
  // What must never cross the wire: plaintexts, keyBs, the requests' private keys. (Not the
  // password: it is a gate the server checks, sent on create and on open; PROTOCOL.md.)
  const secrets = [];

  const check = (cond, what) => { if (!cond) throw new Error(what); };
  const control = async (path, method = 'GET', body) => {
    const res = await fetch(ORIGIN + '/_mock/' + path, { method, body: body && JSON.stringify(body) });
    return (await res.json()).data;
  };
  const fault = (f) => control('fault', 'POST', f);
  const logCount = async () => (await control('log')).length;
  // The rejection of p, which must come; its class is checked by the caller.
  const rejection = async (p) => {
    try { await p; } catch (e) { return e; }
    throw new Error('resolved where it must reject');
  };
  const is = (e, cls, code) => {
    check(e instanceof S[cls] && S.isSharokeyError(e), `expected ${cls}, got ${e && e.name}: ${e && e.message}`);
    if (code) check(e.code === code, `expected code ${code}, got ${e.code}`);
  };
  const randomBytes = (n) => {
    const b = new Uint8Array(n);
    for (let i = 0; i < n; i += 65536) crypto.getRandomValues(b.subarray(i, Math.min(n, i + 65536)));
    return b;
  };
  const digest = async (buf) => Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', buf)), (x) => x.toString(16).padStart(2, '0')).join('');
  const keyB = (share) => share.split('#')[1];
  // This window's own names that a fresh window lacks (but the page's two watch lists): the
  // script's one global. Own names only: not symbols, nor what was added to prototypes.
  const addedGlobals = () => {
    const frame = document.body.appendChild(document.createElement('iframe'));
    const fresh = new Set(Object.getOwnPropertyNames(frame.contentWindow));
    frame.remove();
    return Object.getOwnPropertyNames(window).filter((n) => !fresh.has(n) && !['pageErrors', 'unhandled'].includes(n));
  };
  // Each secret made, counted for the log check at the end; its keyB, to search for.
  let creates = 0;
  const created = (share) => (creates++, keyB(share));
  // A plaintext that nothing else in the log can contain by chance.
  const unique = (text) => text + ' ' + Math.random().toString(36).slice(2);

  const checks = {
    'loads one global': async () => {
      check(typeof S === 'object' && typeof S.create === 'function' && /^\d+\.\d+\.\d+/.test(S.version), 'no Sharokey global');
      check(addedGlobals().join() === 'Sharokey', 'globals added: ' + addedGlobals().join(', '));
      S.config({ token: ADMIN, apiUrl: API, timeout: 10000 });
      check(S.getConfig().hasToken === true && !('token' in S.getConfig()), 'getConfig');
    },
    'health()': async () => {
      check((await S.health()).status === 'ok', 'health status');
    },
    'create() then reveal(), one view': async () => {
      const text = 'héllo 🔐 ' + Math.random();
      secrets.push(text);
      const made = await S.create(text, 1, 1);
      secrets.push(created(made.share_url));
      check(made.security === 'none' && /^[A-Za-z0-9]{24}$/.test(keyB(made.share_url)), 'share_url or security');
      const got = await S.reveal(made.share_url);
      check(got.content === text && got.attachments.length === 0, 'content differs');
      is(await rejection(S.reveal(made.share_url)), 'NotFoundError');
    },
    'password and attachments, each its own iv': async () => {
      const text = 'with files ' + Math.random();
      const password = 'pw-' + Math.random().toString(36).slice(2);
      secrets.push(text);
      const every = new Uint8Array(65536).map((_, i) => i & 255);
      const note = unique('plain text file');
      secrets.push(note);
      const files = [new File([every], 'ü every byte.bin'), new File([note], 'note.txt', { type: 'text/plain' })];
      const description = 'engines ' + Math.random();
      const made = await S.create(text, 2, 3, { password, attachments: files, description });
      secrets.push(created(made.share_url));
      check(made.security === 'password' && made.has_attachments && made.attachments_count === 2, 'created fields');
      const sent = JSON.parse((await control('log')).find((r) => r.method === 'POST' && /\/secrets$/.test(r.path) && r.body.includes(description)).body);
      const ivs = [sent.iv, ...sent.attachments.map((a) => a.iv)];
      check(new Set(ivs).size === 3, 'an iv is reused');
      is(await rejection(S.reveal(made.share_url)), 'PermissionError', 'PASSWORD_REQUIRED');
      is(await rejection(S.reveal(made.share_url, { password: password + 'x' })), 'PermissionError', 'INVALID_PASSWORD');
      const got = await S.reveal(made.share_url, { password });
      check(got.content === text, 'content differs');
      check(got.attachments.map((f) => f.name).join('|') === 'ü every byte.bin|note.txt', 'names differ');
      check(await digest(await got.attachments[0].arrayBuffer()) === await digest(every), 'bytes differ');
      check(await got.attachments[1].text() === note, 'text file differs');
    },
    '10 MB of attachments, both ways': async () => {
      const files = [];
      for (let i = 0; i < 10; i++) files.push(new File([randomBytes(1048576)], `part${i}.bin`));
      const progress = [];
      const text = unique('ten megabytes');
      const made = await S.create(text, 1, 1, { attachments: files, onProgress: (p) => progress.push(p.phase) });
      secrets.push(text, created(made.share_url));
      check(progress.includes('encrypt') && progress.at(-1) === 'done', 'progress phases: ' + progress.join());
      const got = await S.reveal(made.share_url);
      check(got.attachments.length === 10, 'file count');
      for (let i = 0; i < 10; i++) check(await digest(await got.attachments[i].arrayBuffer()) === await digest(await files[i].arrayBuffer()), 'bytes differ in file ' + i);
    },
    'one-time code: sendOtp(), then reveal({ otp })': async () => {
      const text = unique('behind a code');
      const made = await S.create(text, 1, 1, { otpEmail: 'bob@example.com', password: 'ignored-below-otp' });
      secrets.push(text, created(made.share_url));
      check(made.security === 'otp_email', 'security ' + made.security);
      is(await rejection(S.reveal(made.share_url)), 'PermissionError', 'OTP_REQUIRED');
      await S.createClient({ apiUrl: API }).sendOtp(made.share_url);
      const sent = (await control('outbox')).filter((m) => m.type === 'otp' && m.slug === made.slug);
      check(sent.length === 1 && sent[0].to === 'bob@example.com', 'no code in the outbox');
      check((await S.reveal(made.share_url, { otp: sent[0].code })).content === text, 'content differs');
    },
    'a wrong key is a CryptoError': async () => {
      const text = unique('tamper me');
      const made = await S.create(text, 1, 2);
      secrets.push(text, created(made.share_url));
      const k = keyB(made.share_url);
      const wrong = made.share_url.slice(0, -1) + (k.at(-1) === 'A' ? 'B' : 'A');
      is(await rejection(S.reveal(wrong)), 'CryptoError');
    },
    'list, getDetails, get, delete, getStats, getTokenStats': async () => {
      const text = unique('to delete');
      const made = await S.create(text, 1, 1, { description: 'listed' });
      secrets.push(text, created(made.share_url));
      const page = await S.list({ status: 'active', limit: 100 });
      check(Array.isArray(page.items) && page.pagination && page.items.some((s) => s.slug === made.slug), 'list');
      const details = await S.getDetails(made.slug);
      check(details.slug === made.slug && details.description === 'listed' && !('content' in details), 'details');
      check((await S.get(made.slug)).slug === made.slug, 'get alias');
      check(await S.delete(made.slug) === true, 'delete');
      check((await S.getDetails(made.slug)).status === 'expired', 'deleted is expired');
      const today = new Date();
      const stats = await S.getStats({ from: today, to: today.toISOString().slice(0, 10) });
      check(typeof stats.total_secrets === 'number' && stats.total_secrets >= 1, 'stats');
      check(typeof (await S.stats()).active_secrets === 'number', 'stats alias');
      const usage = await S.getTokenStats();
      check(Array.isArray(usage.tokens) && !JSON.stringify(usage).includes(ADMIN), 'token stats');
      const analysis = S.analyzeStats(stats);
      check(analysis.passwordProtectionRate === null || Number.isFinite(analysis.passwordProtectionRate), 'analyzeStats');
    },
    'bad input: ValidationError, nothing sent': async () => {
      const before = await logCount();
      const e = await rejection(S.create('', 0, 1.5, { password: 'abc', ipWhitelist: '10.0.0.1', geolocation: 'XX' }));
      is(e, 'ValidationError');
      for (const f of ['content', 'hours', 'views', 'password', 'ipWhitelist', 'geolocation']) check(e.details[f], 'no detail for ' + f);
      is(await rejection(S.create('x', 1, 1, { attachments: new Array(11).fill(new File(['a'], 'a')) })), 'AttachmentError');
      is(await rejection(S.getDetails('../x')), 'ValidationError');
      check(await logCount() === before, 'a request was sent');
    },
    'server errors map to classes': async () => {
      const text = unique('other company');
      const made = await S.create(text, 1, 1);
      secrets.push(text, created(made.share_url));
      is(await rejection(S.createClient({ token: 'nope', apiUrl: API }).list()), 'AuthenticationError', 'AUTHENTICATION_ERROR');
      is(await rejection(S.createClient({ token: OTHER, apiUrl: API }).getDetails(made.slug)), 'NotFoundError');
      await fault({ path: '/secrets-stats', status: 502, body: '<html><body>Bad gateway</body></html>', times: 3 });
      const e = await rejection(S.createClient({ token: ADMIN, apiUrl: API, retries: 0 }).getStats());
      is(e, 'NetworkError');
      check(!/html|gateway/i.test(e.message), 'the page is in the message');
      await fault({ method: 'DELETE', status: 429, headers: { 'Retry-After': '7' } });
      const limited = await rejection(S.createClient({ token: ADMIN, apiUrl: API, retries: 0 }).delete(made.slug));
      is(limited, 'RateLimitError');
      check(limited.retryAfter === 7, 'retryAfter ' + limited.retryAfter);
      // Retry-After as an HTTP date (Date.parse reads it): about 20 s from now.
      await fault({ method: 'DELETE', status: 429, headers: { 'Retry-After': new Date(Date.now() + 20000).toUTCString() } });
      const dated = await rejection(S.createClient({ token: ADMIN, apiUrl: API, retries: 0 }).delete(made.slug));
      is(dated, 'RateLimitError');
      check(dated.retryAfter >= 18 && dated.retryAfter <= 21, 'retryAfter from a date ' + dated.retryAfter);
      await control('fault', 'DELETE');
    },
    'retries: GET yes, POST only on 429': async () => {
      await fault({ path: '/secrets', method: 'GET', status: 503, times: 2 });
      check(Array.isArray((await S.list()).items), 'GET not retried');
      const before = (await S.getStats()).total_secrets;
      await fault({ path: '/secrets', method: 'POST', status: 503 });
      const refused = unique('not twice'), text = unique('once');
      is(await rejection(S.create(refused, 1, 1)), 'NetworkError');
      await fault({ path: '/secrets', method: 'POST', status: 429, headers: { 'Retry-After': '1' } });
      const made = await S.create(text, 1, 1);
      secrets.push(refused, text, created(made.share_url));
      check((await S.getStats()).total_secrets === before + 1, 'not exactly one secret stored');
    },
    'timeout and abort': async () => {
      await fault({ path: '/health', delay_ms: 3000 });
      is(await rejection(S.createClient({ apiUrl: API, timeout: 300, retries: 0 }).health()), 'TimeoutError');
      const gone = new AbortController();
      gone.abort();
      const early = await rejection(S.health({ signal: gone.signal }));
      check(early instanceof DOMException && early.name === 'AbortError' && !S.isSharokeyError(early), 'abort before: ' + early);
      await fault({ path: '/health', delay_ms: 3000 });
      const later = new AbortController();
      setTimeout(() => later.abort(), 100);
      const mid = await rejection(S.health({ signal: later.signal }));
      check(mid instanceof DOMException && mid.name === 'AbortError', 'abort in flight: ' + mid);
      await control('fault', 'DELETE');
    },
    '20 opens of a 1-view secret: one succeeds': async () => {
      const text = unique('only once');
      const made = await S.create(text, 1, 1);
      secrets.push(text, created(made.share_url));
      const all = await Promise.allSettled(Array.from({ length: 20 }, () => S.reveal(made.share_url)));
      const won = all.filter((r) => r.status === 'fulfilled');
      check(won.length === 1 && won[0].value.content === text, won.length + ' succeeded');
      check(all.every((r) => r.status === 'fulfilled' || r.reason instanceof S.NotFoundError), 'a loser is not NotFoundError');
    },
    'secret request, answered with zero knowledge': async () => {
      const request = await S.createRequest({ message: 'send it', secretExpirationHours: 1, maximumViews: 1, locale: 'fr' });
      secrets.push(request.inbox_url.split('#')[1]);
      check(request.status === 'active' && /^https?:/.test(request.url), 'request fields');
      const answer = 'answer ' + Math.random();
      secrets.push(answer);
      await S.createClient({ apiUrl: API }).respond(request.url, answer, { publicKey: request.public_key });
      const opened = await S.openRequest(request.inbox_url);
      check(opened.content === answer && opened.request.status === 'completed', 'answer differs');
      const page = await S.listRequests({ status: 'completed' });
      check(page.items.some((r) => r.token === request.token), 'listRequests');
      check((await S.getRequest(request.token)).token === request.token, 'getRequest');
      check(await S.deleteRequest(request.token) === true, 'deleteRequest');
      check(typeof (await S.requestStats()).total_requests === 'number', 'requestStats');
    },
    'the same verdicts as Node on IPs, links, dates, e-mails, phones, countries, contents': async () => {
      const { CASES, judge } = await import('/verdicts.js');
      const expected = await (await fetch('/expected.json')).json();
      const before = await logCount();
      const got = await judge(S);
      const cases = CASES();
      const differ = [];
      let tried = 0;
      for (const kind of Object.keys(cases)) {
        cases[kind].forEach((input, i) => {
          tried++;
          if (got[kind][i] !== expected[kind][i]) differ.push(`${kind} ${JSON.stringify(input)}: ${got[kind][i]} here, ${expected[kind][i]} in Node`);
        });
      }
      check(await logCount() === before, 'a request was sent');
      check(tried > 2000, 'too few cases: ' + tried);
      check(differ.length === 0, `${differ.length} of ${tried} differ: ${differ.slice(0, 8).join('; ')}`);
      return `${tried} inputs, all as in Node`;
    },
    'the ES module build': async () => {
      const module = await import('/dist/sharokey.esm.js');
      check(module.default === S, 'the default export is not the script tag\'s Sharokey');
      check(module.ValidationError === S.ValidationError && typeof module.create === 'function', 'named exports');
      const text = unique('from the module');
      const made = await module.createClient({ apiUrl: API, token: ADMIN }).create(text, 1, 1);
      secrets.push(text, created(made.share_url));
      check((await S.reveal(made.share_url)).content === text, 'content differs');
    },
    'in a Web Worker (importScripts)': async () => {
      const code = `importScripts(${JSON.stringify(location.origin + '/dist/sharokey.min.js')});
        onmessage = async ({ data }) => {
          try {
            const S = self.Sharokey.config({ apiUrl: data.api, token: data.token });
            const made = await S.create(data.text, 1, 1, { attachments: [new File([data.text], 'w.txt')] });
            const got = await S.reveal(made.share_url);
            postMessage({ share: made.share_url, content: got.content, file: await got.attachments[0].text() });
          } catch (e) { postMessage({ error: e.name + ': ' + e.message }); }
        };`;
      const worker = new Worker(URL.createObjectURL(new Blob([code], { type: 'text/javascript' })));
      const text = 'from a worker ' + Math.random();
      secrets.push(text);
      const answer = await new Promise((ok, fail) => {
        worker.onmessage = ({ data }) => ok(data);
        worker.onerror = (e) => fail(new Error('worker error: ' + e.message));
        worker.postMessage({ api: API, token: ADMIN, text });
      });
      worker.terminate();
      check(!answer.error, answer.error);
      secrets.push(created(answer.share));
      check(answer.content === text && answer.file === text, 'content differs');
    },
    'getToken, test(), testConnection()': async () => {
      const client = S.createClient({ apiUrl: API, getToken: async () => ADMIN });
      const report = await client.test();
      check(report.passed === 6 && report.success, report.details.filter((d) => !d.success).map((d) => d.name + ': ' + d.message).join('; '));
      check(await client.testConnection() === true, 'testConnection');
      check(await S.createClient({ apiUrl: API, token: 'acme-old-token' }).testConnection() === false, 'revoked token passes');
    },
  };

  // The same round trips without Uint8Array.toBase64 and fromBase64, where the engine has them.
  const nativeBase64 = typeof Uint8Array.prototype.toBase64 === 'function' && typeof Uint8Array.fromBase64 === 'function';
  const fallback = async () => {
    check(nativeBase64, 'this engine has no native base64: the checks above used the fallback already');
    const toBase64 = Uint8Array.prototype.toBase64;
    const fromBase64 = Uint8Array.fromBase64;
    delete Uint8Array.prototype.toBase64;
    delete Uint8Array.fromBase64;
    try {
      await checks['create() then reveal(), one view']();
      await checks['password and attachments, each its own iv']();
    } finally {
      Uint8Array.prototype.toBase64 = toBase64;
      Uint8Array.fromBase64 = fromBase64;
    }
  };
  if (nativeBase64) checks['again without native base64'] = fallback;

  checks['no unhandled rejection, no page error, no global added since'] = async () => {
    await new Promise((ok) => setTimeout(ok, 100)); // unhandledrejection comes a task late
    check(window.unhandled.length === 0 && window.pageErrors.length === 0, [...window.unhandled, ...window.pageErrors].slice(0, 5).join('; '));
    check(addedGlobals().join() === 'Sharokey', 'globals added: ' + addedGlobals().join(', '));
  };
  checks['nothing secret crossed the wire'] = async () => {
    const entries = await control('log');
    // The log must hold every request since the reset, or the search below proves little: the
    // mock drops its oldest entries first, so it must still start with health()'s (or its
    // preflight's), and hold at least a POST for each secret made.
    check(/\/health$/.test(entries[0]?.path ?? ''), 'the log does not start with the first request: ' + entries[0]?.path);
    const posts = entries.filter((r) => r.method === 'POST' && /\/secrets$/.test(r.path)).length;
    check(creates > 10 && posts >= creates, `${posts} secrets posted in the log, ${creates} made`);
    const { leaks } = await import('/leaks.js');
    const leaked = leaks(entries, secrets);
    check(leaked.length === 0, 'in the request log: ' + leaked.map((s) => s.slice(0, 4) + '…').join(', '));
    check(secrets.length > 20, 'too few secrets collected: ' + secrets.length);
    return `${entries.length} requests searched for ${secrets.length} plaintexts and keys`;
  };

  let problem;
  try {
    await control('reset', 'POST');
    for (const [name, run] of Object.entries(checks)) {
      const start = performance.now();
      let error, note;
      try { note = await run(); } catch (e) { error = e && e.name ? `${e.name}: ${e.message}` : String(e); }
      results.push({ name, ok: !error, ms: Math.round(performance.now() - start), ...(error && { error }), ...(typeof note === 'string' && { note }) });
      if (name === 'loads one global' && error) break;
    }
  } catch (e) {
    problem = String(e);
  }
  document.getElementById('status').textContent = results.filter((r) => r.ok).length + ' of ' + results.length + ' passed';
  await fetch('/result', { method: 'POST', body: JSON.stringify({ userAgent: navigator.userAgent, nativeBase64, results, problem }) });
})().catch((e) => fetch('/result', { method: 'POST', body: JSON.stringify({ userAgent: navigator.userAgent, results: [], problem: 'the checks threw: ' + e }) }));
