// Every error class, and the retry policy, with faults injected by the mock.
import { test, expect, run, rejected, mock, MOCK_ORIGIN, MOCK_URL, TOKENS } from './helpers.ts';

const HTML_502 = '<html><body><h1>502 Bad Gateway</h1><p>nginx secret-internal-hostname</p></body></html>';
const setRetries = (page: Parameters<typeof run>[0], retries: number, timeout = 30000) => run(page, ({ retries, timeout }) => void window.Sharokey.config({ retries, timeout }), { retries, timeout });
const stored = async () => (await mock.api('GET', '/secrets')).json.data.length as number;

test('AuthenticationError: unknown and revoked tokens (401)', async ({ sk }) => {
  for (const token of ['no-such-token', TOKENS.revoked]) {
    const e = rejected(await run(sk, (t) => window.Sharokey.config({ token: t }).list(), token), 'AuthenticationError');
    expect(e).toMatchObject({ code: 'AUTHENTICATION_ERROR', status: 401, isSharokeyError: true });
    expect(e.message).not.toContain(token);
  }
});

test('PermissionError: a read-only token cannot create, nor read stats (403 PERMISSION_DENIED)', async ({ sk }) => {
  await run(sk, (t) => void window.Sharokey.config({ token: t }), TOKENS.reader);
  expect(rejected(await run(sk, () => window.Sharokey.create('x', 1, 1)), 'PermissionError')).toMatchObject({ code: 'PERMISSION_DENIED', status: 403 });
  rejected(await run(sk, () => window.Sharokey.getStats()), 'PermissionError');
  expect(await stored()).toBe(0);
});

test('QuotaExceededError: a company at its plan\'s limit of active secrets', async ({ sk }) => {
  await run(sk, (t) => void window.Sharokey.config({ token: t }), TOKENS.tiny);
  await run(sk, async () => { await window.Sharokey.create('1', 1, 1); await window.Sharokey.create('2', 1, 1); });
  expect(rejected(await run(sk, () => window.Sharokey.create('3', 1, 1)), 'QuotaExceededError')).toMatchObject({ code: 'QUOTA_EXCEEDED', status: 403 });
});

test('ValidationError from the server keeps its details (422)', async ({ sk }) => {
  await mock.fault({ path: '/secrets', method: 'GET', status: 422, body: JSON.stringify({ success: false, error: { code: 'VALIDATION_ERROR', message: 'The limit field is invalid', details: { limit: ['too big'] } } }) });
  expect(rejected(await run(sk, () => window.Sharokey.list()), 'ValidationError')).toMatchObject({ status: 422, details: { limit: ['too big'] }, message: expect.stringContaining('The limit field is invalid') });
});

test('AttachmentError: the server\'s 413 PAYLOAD_TOO_LARGE', async ({ sk }) => {
  await mock.fault({ path: '/secrets', method: 'POST', status: 413, body: JSON.stringify({ success: false, error: { code: 'PAYLOAD_TOO_LARGE', message: 'Body too large' } }) });
  const e = rejected(await run(sk, () => window.Sharokey.create('x', 1, 1)), 'AttachmentError');
  expect(e).toMatchObject({ status: 413, code: 'PAYLOAD_TOO_LARGE', isValidation: true });
});

test('the class comes from error.code first, whatever the 4xx status: PASSWORD_REQUIRED on a 401, PAYLOAD_TOO_LARGE on a 400; only the five gate codes are gates', async ({ sk }) => {
  await mock.fault({ path: '/secrets', method: 'GET', status: 401, body: JSON.stringify({ success: false, error: { code: 'PASSWORD_REQUIRED', message: 'A password is required' } }) });
  expect(rejected(await run(sk, () => window.Sharokey.list()), 'PermissionError')).toMatchObject({ status: 401, code: 'PASSWORD_REQUIRED' });
  await mock.fault({ path: '/secrets', method: 'POST', status: 400, body: JSON.stringify({ success: false, error: { code: 'PAYLOAD_TOO_LARGE', message: 'Body too large' } }) });
  expect(rejected(await run(sk, () => window.Sharokey.create('x', 1, 1)), 'AttachmentError')).toMatchObject({ status: 400, code: 'PAYLOAD_TOO_LARGE' });
  // The five recipient gates of PROTOCOL.md by their exact codes; another code that names a
  // password or a code is not one of them, and goes by its status.
  await mock.fault({ path: '/secrets', method: 'GET', status: 400, body: JSON.stringify({ success: false, error: { code: 'INVALID_OTP', message: 'Wrong code' } }) });
  expect(rejected(await run(sk, () => window.Sharokey.list()), 'PermissionError')).toMatchObject({ status: 400, code: 'INVALID_OTP' });
  await mock.fault({ path: '/secrets', method: 'POST', status: 422, body: JSON.stringify({ success: false, error: { code: 'PASSWORD_TOO_SHORT', message: 'The password is too short' } }) });
  expect(rejected(await run(sk, () => window.Sharokey.create('x', 1, 1, { password: 'abcd' })), 'ValidationError')).toMatchObject({ status: 422, code: 'PASSWORD_TOO_SHORT' });
  await mock.fault({ path: '/secrets', method: 'GET', status: 401, body: JSON.stringify({ success: false, error: { code: 'INVALID_CAPTCHA_TOKEN', message: 'Bad captcha' } }) });
  expect(rejected(await run(sk, () => window.Sharokey.list()), 'AuthenticationError')).toMatchObject({ status: 401, code: 'INVALID_CAPTCHA_TOKEN' });
});

test('NetworkError: an HTML 502 from a proxy, without the page in the message', async ({ sk }) => {
  await mock.fault({ path: '/secrets', status: 502, contentType: 'text/html', body: HTML_502 });
  const e = rejected(await run(sk, () => window.Sharokey.list()), 'NetworkError');
  expect(e.status).toBe(502);
  expect(e.message).not.toMatch(/html|nginx|secret-internal/i);
});

test('a 5xx is a NetworkError (and retried on a GET) even when its code names a recipient gate', async ({ sk }) => {
  await setRetries(sk, 1, 5000);
  await mock.fault({ path: '/secrets', status: 503, times: 1, body: '{"success":false,"error":{"code":"OTP_SERVICE_DOWN","message":"SMS provider down"}}' });
  expect(await run(sk, () => window.Sharokey.list().then((r) => r.items.length))).toBe(0);
  await mock.fault({ path: '/secrets', status: 503, times: 2, body: '{"success":false,"error":{"code":"OTP_SERVICE_DOWN","message":"SMS provider down"}}' });
  expect(rejected(await run(sk, () => window.Sharokey.list()), 'NetworkError')).toMatchObject({ status: 503, code: 'OTP_SERVICE_DOWN' });
});

test('NetworkError: truncated JSON, a reset connection, an unreachable server', async ({ sk }) => {
  await mock.fault({ path: '/secrets', truncate: true, status: 200 });
  rejected(await run(sk, () => window.Sharokey.list()), 'NetworkError');
  // Cut mid-answer: Chromium itself retries once a reset that comes before any byte
  // on a reused connection, which would hide it from the page.
  await mock.fault({ path: '/secrets', reset: true, truncate: true });
  rejected(await run(sk, () => window.Sharokey.list()), 'NetworkError');
  const e = rejected(await run(sk, () => window.Sharokey.createClient({ apiUrl: 'http://127.0.0.1:9/api/v1', token: 't' }).list()), 'NetworkError');
  expect(e.message).toMatch(/could not be reached/);
});

test('TimeoutError: a stalled answer past the timeout; the caller\'s abort is an AbortError, not a SharokeyError', async ({ sk }) => {
  await setRetries(sk, 2, 500);
  await mock.fault({ path: '/secrets', delay_ms: 3000, times: 3 });
  const e = rejected(await run(sk, () => window.Sharokey.list()), 'TimeoutError');
  expect(e).toMatchObject({ status: 0, code: 'TIMEOUT', isSharokeyError: true });
  // No answer in time is retried on a GET, like any no answer: 1 + 2 retries, each stalled.
  expect((await mock.apiLog()).filter((l) => l.path == '/api/v1/secrets')).toHaveLength(3);
  await setRetries(sk, 0, 30000);
  await mock.fault({ path: '/secrets', delay_ms: 3000, times: 1 });
  const aborted = await run(sk, async () => {
    const c = new AbortController();
    const p = window.Sharokey.list({ signal: c.signal });
    setTimeout(() => c.abort(), 100);
    return p;
  });
  expect(aborted).toMatchObject({ caught: true, name: 'AbortError', isSharokeyError: false });
  const pre = await run(sk, () => window.Sharokey.getStats({ signal: AbortSignal.abort() }));
  expect(pre).toMatchObject({ caught: true, name: 'AbortError', isSharokeyError: false });
});

test('an abort while the files are encrypted stops there: no further file is read, no upload, nothing sent, the signal\'s reason', async ({ sk }) => {
  const r = await run(sk, async () => {
    const ctl = new AbortController();
    const reason = new Error('stopped by the page');
    const seen: string[] = [];
    const files = [new File(['one'], 'a.txt'), new File(['two'], 'b.txt'), new File(['three'], 'c.txt')];
    try {
      await window.Sharokey.create('never sent', 1, 1, {
        attachments: files, signal: ctl.signal,
        // The second file's 'encrypt': the first is encrypted, the page aborts.
        onProgress: (p) => { seen.push(p.phase + ':' + p.loaded); if (p.phase == 'encrypt' && p.loaded > 0) ctl.abort(reason); },
      });
      return { seen, settled: 'resolved' };
    } catch (e) {
      return { seen, settled: e === reason ? 'the reason' : String(e) };
    }
  });
  expect(r).toEqual({ seen: ['encrypt:0', 'encrypt:3'], settled: 'the reason' });
  expect(await mock.apiLog()).toEqual([]);
});

test('a short timeout is still retried `retries` times: the backoff does not stop the retries', async ({ sk }) => {
  await setRetries(sk, 3, 300);
  await mock.fault({ path: '/secrets', method: 'GET', delay_ms: 1500, times: 4 });
  rejected(await run(sk, () => window.Sharokey.list()), 'TimeoutError');
  expect((await mock.apiLog()).filter((l) => l.path == '/api/v1/secrets')).toHaveLength(4);
});

test('the backoff is bounded (at most timeout, at most 8 s): retries: 10 on a failing GET ends in seconds, not minutes', async ({ sk }) => {
  test.setTimeout(60_000);
  await setRetries(sk, 10, 400);
  await mock.fault({ path: '/secrets', method: 'GET', status: 503, times: 11 });
  const r = await run(sk, async () => {
    const t = performance.now();
    const e = await window.Sharokey.list().catch((x: Error) => x.name);
    return { e, ms: performance.now() - t };
  }) as { e: string; ms: number };
  expect(r.e).toBe('NetworkError');
  expect((await mock.apiLog()).filter((l) => l.method == 'GET')).toHaveLength(11);
  // 250 ms, then 400 ms nine times: about 3.9 s (unbounded, 250 ms doubled ten times would be 256 s).
  expect(r.ms).toBeLessThan(15_000);
});

test('an abort during the backoff rejects at once with the signal\'s reason, and no further attempt is made', async ({ sk }) => {
  await setRetries(sk, 3, 30000);
  // A 5 s wait (Retry-After): an abort it ignored would show in the time, not only in a next attempt's check.
  await mock.fault({ path: '/secrets', method: 'GET', status: 503, headers: { 'Retry-After': '5' }, times: 4 });
  const r = await run(sk, async (origin) => {
    const c = new AbortController();
    const p = window.Sharokey.list({ signal: c.signal });
    // The abort falls in the 5 s wait: once the mock has the first GET (and 300 ms for its 503 to
    // arrive), not after a fixed delay, which a slow machine's first request outlasted (the abort then
    // hit the fetch, whose own path keeps the reason, and the test could not fail).
    const arrived = async () => ((await (await fetch(origin + '/_mock/log')).json()).data as { method: string }[]).some((l) => l.method == 'GET');
    while (!(await arrived())) await new Promise((ok) => setTimeout(ok, 20));
    await new Promise((ok) => setTimeout(ok, 300));
    const t = performance.now();
    c.abort();
    const x = await p.catch((x: Error) => x);
    // The signal's own reason, the very object: not an AbortError made anew.
    return { name: (x as Error).name, same: x === c.signal.reason, ms: performance.now() - t };
  }, MOCK_ORIGIN) as { name: string; same: boolean; ms: number };
  expect(r).toMatchObject({ name: 'AbortError', same: true });
  expect(r.ms).toBeLessThan(1000); // ignored, the wait alone would take 5 s
  await new Promise((ok) => setTimeout(ok, 600));
  expect((await mock.apiLog()).filter((l) => l.method == 'GET')).toHaveLength(1);
});

test('every network method, aborted while it runs, rejects with the signal\'s own reason (the very object), never a SharokeyError', async ({ sk }) => {
  const r = await run(sk, async () => {
    const S = window.Sharokey;
    const secret = await S.create('to abort around', 1, 5);
    const req = await S.createRequest({ message: 'abort' });
    const calls: Record<string, (signal: AbortSignal) => Promise<unknown>> = {
      create: (signal) => S.create('x', 1, 1, { signal }),
      list: (signal) => S.list({ signal }),
      getDetails: (signal) => S.getDetails(secret.slug, { signal }),
      get: (signal) => S.get(secret.slug, { signal }),
      delete: (signal) => S.delete(secret.slug, { signal }),
      getStats: (signal) => S.getStats({ signal }),
      stats: (signal) => S.stats({ signal }),
      getTokenStats: (signal) => S.getTokenStats({ signal }),
      reveal: (signal) => S.reveal(secret.share_url, { signal }),
      sendOtp: (signal) => S.sendOtp(secret.share_url, { signal }),
      createRequest: (signal) => S.createRequest({ signal }),
      listRequests: (signal) => S.listRequests({ signal }),
      getRequest: (signal) => S.getRequest(req.token, { signal }),
      deleteRequest: (signal) => S.deleteRequest(req.token, { signal }),
      requestStats: (signal) => S.requestStats({ signal }),
      respond: (signal) => S.respond(req.url, 'x', { signal }),
      openRequest: (signal) => S.openRequest(req.inbox_url, { signal }),
      health: (signal) => S.health({ signal }),
      test: (signal) => S.test({ signal }),
      testConnection: (signal) => S.testConnection({ signal }),
    };
    const wrong: string[] = [];
    for (const [name, call] of Object.entries(calls)) {
      const c = new AbortController();
      const reason = { aborted: name };
      const p = call(c.signal);
      c.abort(reason); // the call has begun (its executor ran) and cannot have ended
      const x = await p.then(() => 'resolved', (e) => e);
      if (x !== reason) wrong.push(`${name}: ${x?.name ?? x}`);
    }
    return { tried: Object.keys(calls).length, wrong };
  });
  expect(r).toEqual({ tried: 20, wrong: [] });
});

test('an answer no class names is still a subclass: another 4xx a ValidationError (not retried), an unusable answer a NetworkError (retried on a GET)', async ({ sk }) => {
  await setRetries(sk, 2);
  const cases: [number, string, string, number][] = [
    [409, '{"success":false,"error":{"code":"CONFLICT","message":"Already there"}}', 'ValidationError', 1],
    [418, '{"success":false}', 'ValidationError', 1],
    [410, '{"success":false,"error":{"message":"Gone"}}', 'ValidationError', 1],
    [200, '{"success":false}', 'NetworkError', 3],
    [404, '<html><h1>Not Found</h1></html>', 'NetworkError', 3],
  ];
  for (const [status, body, name, attempts] of cases) {
    await mock.clearLog();
    await mock.fault({ path: '/secrets', method: 'GET', status, body, times: 3, ...(body[0] == '<' && { contentType: 'text/html' }) });
    const e = rejected(await run(sk, () => window.Sharokey.list()), name);
    expect(e, `${status} ${body}`).toMatchObject({ status, isSharokeyError: true });
    expect((await mock.apiLog()).filter((l) => l.method == 'GET'), `${status} ${body}`).toHaveLength(attempts);
    await mock.reset();
  }
});

test('a 408 is a TimeoutError with status 408, and a GET is retried on it (Chromium may resend a 408 once itself: the fault repeats)', async ({ sk }) => {
  await setRetries(sk, 2);
  await mock.fault({ path: '/secrets', method: 'GET', status: 408, times: 6 });
  expect(rejected(await run(sk, () => window.Sharokey.list()), 'TimeoutError')).toMatchObject({ status: 408, isSharokeyError: true });
  // retries: 2, so 3 attempts, each seen once or twice.
  const gets = (await mock.apiLog()).filter((l) => l.method == 'GET').length;
  expect(gets).toBeGreaterThanOrEqual(3);
  expect(gets).toBeLessThanOrEqual(6);
});

test('RateLimitError carries retryAfter from Retry-After (retries: 0)', async ({ sk }) => {
  await mock.fault({ path: '/secrets', status: 429, headers: { 'Retry-After': '7' }, body: JSON.stringify({ success: false, error: { code: 'RATE_LIMIT_EXCEEDED', message: 'Too many requests' } }) });
  expect(rejected(await run(sk, () => window.Sharokey.list()), 'RateLimitError')).toMatchObject({ retryAfter: 7, status: 429, code: 'RATE_LIMIT_EXCEEDED' });
  // Retry-After may also be an HTTP date: the seconds until then.
  await mock.fault({ path: '/secrets', status: 429, headers: { 'Retry-After': new Date(Date.now() + 90_000).toUTCString() }, body: JSON.stringify({ success: false, error: { code: 'RATE_LIMIT_EXCEEDED', message: 'Too many requests' } }) });
  const e = rejected(await run(sk, () => window.Sharokey.list()), 'RateLimitError');
  expect(e.retryAfter).toBeGreaterThanOrEqual(87);
  expect(e.retryAfter).toBeLessThanOrEqual(91);
});

test('retries: GET is retried on 503 and succeeds; retries: 0 makes one request', async ({ sk }) => {
  await setRetries(sk, 2);
  await mock.fault({ path: '/secrets', method: 'GET', status: 503, times: 2, body: '{"success":false,"error":{"code":"SERVER_ERROR","message":"down"}}' });
  expect(await run(sk, () => window.Sharokey.list().then((l) => l.items.length))).toBe(0);
  expect((await mock.apiLog()).filter((l) => l.method == 'GET')).toHaveLength(3);
  await mock.clearLog();
  await setRetries(sk, 0);
  await mock.fault({ path: '/secrets', method: 'GET', status: 503, times: 1 });
  rejected(await run(sk, () => window.Sharokey.list()), 'NetworkError');
  expect((await mock.apiLog()).filter((l) => l.method == 'GET')).toHaveLength(1);
});

test('retries: DELETE is retried after a connection cut mid-answer and on 504', async ({ sk }) => {
  const slug = (await run(sk, () => window.Sharokey.create('x', 1, 1).then((s) => s.slug))) as string;
  await setRetries(sk, 2);
  await mock.clearLog();
  await mock.fault({ path: '/secrets/' + slug, method: 'DELETE', reset: true, truncate: true, times: 1 });
  await mock.fault({ path: '/secrets/' + slug, method: 'DELETE', status: 504, contentType: 'text/html', body: '<h1>504 Gateway Timeout</h1>', times: 1 });
  expect(await run(sk, (s) => window.Sharokey.delete(s), slug)).toBe(true);
  expect((await mock.apiLog()).filter((l) => l.method == 'DELETE')).toHaveLength(3);
});

test('POST is never retried on 5xx or a reset: a failed create leaves no secret and makes no second', async ({ sk }) => {
  await setRetries(sk, 2);
  for (const fault of [{ status: 503 }, { reset: true, truncate: true }, { status: 502, contentType: 'text/html', body: HTML_502 }]) {
    await mock.clearLog();
    await mock.fault({ path: '/secrets', method: 'POST', ...fault });
    rejected(await run(sk, () => window.Sharokey.create('once only', 1, 1)), 'NetworkError');
    expect((await mock.apiLog()).filter((l) => l.method == 'POST')).toHaveLength(1);
  }
  expect(await stored()).toBe(0);
});

/** A POST refused once with a 429 (Retry-After: 1) whose body is `body`: it is retried after the wait, and one secret is stored. */
const retriedAfter429 = async (sk: Parameters<typeof run>[0], body: string) => {
  await setRetries(sk, 2);
  await mock.fault({ path: '/secrets', method: 'POST', status: 429, headers: { 'Retry-After': '1' }, body });
  const r = await run(sk, async () => {
    const t = performance.now();
    const s = await window.Sharokey.create('after 429', 1, 1);
    return { waited: performance.now() - t, slug: s.slug };
  });
  expect((r as { waited: number }).waited).toBeGreaterThanOrEqual(950);
  expect((await mock.apiLog()).filter((l) => l.method == 'POST')).toHaveLength(2);
  expect(await stored()).toBe(1);
};

test('POST is retried on 429, honouring Retry-After: exactly one secret is stored', async ({ sk }) => {
  await retriedAfter429(sk, JSON.stringify({ success: false, error: { code: 'RATE_LIMIT_EXCEEDED', message: 'slow down' } }));
});

test('a proxy\'s HTML 429 (not the API\'s JSON) is still a RateLimitError: a POST is retried on it, after its Retry-After, and one secret is stored', async ({ sk }) => {
  await retriedAfter429(sk, '<html><body>Too many requests</body></html>');
  // With no retry left, the same answer is the RateLimitError itself, its Retry-After read, the page not quoted.
  await setRetries(sk, 0);
  await mock.fault({ path: '/secrets', method: 'POST', status: 429, headers: { 'Retry-After': '7' }, body: '<html><body>Too many requests</body></html>' });
  const e = rejected(await run(sk, () => window.Sharokey.create('refused', 1, 1)), 'RateLimitError');
  expect(e).toMatchObject({ status: 429, retryAfter: 7, isSharokeyError: true });
  expect(e.message).not.toContain('Too many requests');
  expect(await stored()).toBe(1);
});

test('a Retry-After longer than the timeout is handed back at once as RateLimitError', async ({ sk }) => {
  await setRetries(sk, 2, 2000);
  await mock.fault({ path: '/secrets', status: 429, headers: { 'Retry-After': '60' }, body: '{"success":false,"error":{"code":"RATE_LIMIT_EXCEEDED","message":"wait"}}' });
  expect(rejected(await run(sk, () => window.Sharokey.list()), 'RateLimitError').retryAfter).toBe(60);
  expect((await mock.apiLog())).toHaveLength(1);
});

test('a 503 with Retry-After is waited out like a 429 (GET), and one longer than the timeout comes back at once with retryAfter', async ({ sk }) => {
  await setRetries(sk, 2);
  const BUSY = JSON.stringify({ success: false, error: { code: 'SERVICE_UNAVAILABLE', message: 'maintenance' } });
  await mock.fault({ path: '/secrets', status: 503, headers: { 'Retry-After': '1' }, body: BUSY });
  const r = await run(sk, async () => {
    const t = performance.now();
    await window.Sharokey.list();
    return performance.now() - t;
  });
  expect(r as number).toBeGreaterThanOrEqual(950);
  expect((await mock.apiLog()).filter((l) => l.method == 'GET')).toHaveLength(2);
  await mock.clearLog();
  await setRetries(sk, 2, 2000);
  await mock.fault({ path: '/secrets', status: 503, headers: { 'Retry-After': '60' }, body: BUSY });
  expect(rejected(await run(sk, () => window.Sharokey.list()), 'NetworkError')).toMatchObject({ retryAfter: 60, status: 503, code: 'SERVICE_UNAVAILABLE' });
  expect(await mock.apiLog()).toHaveLength(1);
});

test('config() changed while a GET waits for its retry: the retry keeps the settings the call began with (no token sent to another apiUrl)', async ({ sk }) => {
  await setRetries(sk, 2);
  await mock.fault({ path: '/secrets', status: 503, delay_ms: 400 });
  const r = await run(sk, async () => {
    const p = window.Sharokey.list();
    await new Promise((ok) => setTimeout(ok, 100));
    window.Sharokey.config({ apiUrl: 'http://127.0.0.1:9/api/v1', token: 'other-account' });
    return (await p).items.length;
  });
  expect(r).toBe(0);
  const gets = (await mock.apiLog()).filter((l) => l.method == 'GET');
  expect(gets).toHaveLength(2);
});

test('isSharokeyError works across frames, where instanceof does not', async ({ sk }) => {
  const r = await run(sk, async (api) => {
    const f = document.createElement('iframe');
    f.src = '/e2e/pages/blank.html';
    document.body.append(f);
    await new Promise((ok) => (f.onload = ok));
    const other = (f.contentWindow as unknown as { Sharokey: typeof window.Sharokey }).Sharokey;
    const e = await other.createClient({ apiUrl: api }).list().catch((x) => x);
    return { cross: window.Sharokey.isSharokeyError(e), instance: e instanceof window.Sharokey.SharokeyError, plain: window.Sharokey.isSharokeyError(new Error('x')), nul: window.Sharokey.isSharokeyError(null) };
  }, MOCK_URL);
  expect(r).toEqual({ cross: true, instance: false, plain: false, nul: false });
});

test('every error has the fields API.md lists (name, message, code, status, details, cause), also when empty', async ({ sk }) => {
  const r = await run(sk, async () => {
    const fields = (e: unknown) => ['name', 'message', 'code', 'status', 'details', 'cause'].filter((k) => !(k in (e as object)));
    const gone = await window.Sharokey.getDetails('NOSUCHID').catch((e: unknown) => e);
    return { missing: [fields(gone), fields(new window.Sharokey.CryptoError('x')), fields(new window.Sharokey.SharokeyError('x'))], details: (gone as { details?: unknown }).details ?? 'absent', cause: (gone as { cause?: unknown }).cause ?? 'absent' };
  });
  expect(r).toEqual({ missing: [[], [], []], details: 'absent', cause: 'absent' });
});
