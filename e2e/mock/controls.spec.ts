// The test controls (/_mock/...): reset, clock, log, outbox, faults.
import { test, expect } from '../coverage.ts';
import { call, createSecret, rawHttp, secretBody, T, useMock } from './helpers.ts';

const { mock, api } = useMock();

const fault = (spec: Record<string, unknown>) => api.post('/_mock/fault', { body: spec });

test('the controls answer under /api/v1 and at the origin root', async () => {
  expect((await call(mock.origin, 'POST', '/_mock/reset')).status).toBe(200);
  expect((await call(mock.url, 'POST', '/_mock/reset')).status).toBe(200);
  expect((await call(mock.origin, 'GET', '/_mock/log')).body).toEqual({ success: true, message: expect.any(String), data: [] });
  expect((await call(mock.origin, 'GET', '/_mock/nothing')).status).toBe(404);
});

test('reset empties secrets, requests, log, outbox and the clock offset', async () => {
  const slug = await createSecret(api, T.admin, { otp_type: 'email', otp_receiver: 'a@b.test' });
  expect((await api.post(`/public/secrets/${slug}/otp`)).status).toBe(200);
  const request = (await api.post('/requests', { token: T.admin, body: { email_to: 'bob@example.com' } })).body.data.request.token;
  // Each thing there before the reset, so that the reset is what empties it.
  expect((await api.get('/_mock/outbox')).body.data).toHaveLength(2); // the code and the request's e-mail
  expect((await api.get(`/requests/${request}`, { token: T.admin })).status).toBe(200);
  expect((await api.get('/_mock/log')).body.data.length).toBeGreaterThan(0);
  await api.post('/_mock/clock', { body: { advance_hours: 100 } });
  const reset = await api.reset();
  expect(Math.abs(Date.parse(reset.body.data.now) - Date.now())).toBeLessThan(5000);
  expect((await api.get('/_mock/log')).body.data).toEqual([]);
  expect((await api.get('/_mock/outbox')).body.data).toEqual([]);
  expect((await api.get(`/secrets/${slug}`, { token: T.admin })).status).toBe(404);
  expect((await api.get(`/requests/${request}`, { token: T.admin })).status).toBe(404);
});

test('clock advances by fractional hours and returns the new now; bad values are 422', async () => {
  const a = Date.parse((await api.post('/_mock/clock', { body: { advance_hours: 0.5 } })).body.data.now);
  expect(a - Date.now()).toBeGreaterThan(29 * 60_000);
  expect(a - Date.now()).toBeLessThan(31 * 60_000);
  for (const body of [{}, { advance_hours: -1 }, { advance_hours: 'two' }]) {
    const res = await api.post('/_mock/clock', { body });
    expect(res.status).toBe(422);
    expect(Object.keys(res.body.error.details)).toEqual(['advance_hours']);
  }
});

test('the log holds every API request with method, path+query, lower-case headers, masked token, raw body and time', async () => {
  const body = JSON.stringify(secretBody());
  await api.post('/secrets?x=1', { token: T.admin, raw: body, headers: { 'X-Custom': 'yes' } });
  await fetch(`${mock.url}/secrets`, { method: 'OPTIONS' });
  await api.get('/health');
  await api.get('/_mock/outbox'); // controls are not logged
  const log = (await api.get('/_mock/log')).body.data;
  expect(log).toHaveLength(3);
  expect(Object.keys(log[0]).sort()).toEqual(['body', 'headers', 'method', 'path', 'time']);
  expect(log[0]).toMatchObject({ method: 'POST', path: '/api/v1/secrets?x=1', body });
  expect(log[0].headers['authorization']).toBe('Bearer ****oken');
  expect(log[0].headers['x-custom']).toBe('yes');
  expect(log[0].headers['content-type']).toBe('application/json');
  expect(Number.isNaN(Date.parse(log[0].time))).toBe(false);
  expect(log[1]).toMatchObject({ method: 'OPTIONS', path: '/api/v1/secrets', body: '' });
  expect(log[2]).toMatchObject({ method: 'GET', path: '/api/v1/health', body: '' });
  expect(JSON.stringify(log)).not.toContain(T.admin);

  expect((await api.del('/_mock/log')).status).toBe(200);
  expect((await api.get('/_mock/log')).body.data).toEqual([]);
});

test('a fault answers an HTML 502 instead of the route, once, and the request is still logged', async () => {
  const queued = await fault({ path: '/secrets', status: 502, body: '<html><body>Bad gateway</body></html>' });
  expect(queued.status).toBe(201);
  expect(queued.body.data).toMatchObject({ path: '/secrets', status: 502, times: 1, contentType: 'text/html; charset=utf-8', delay_ms: 0, reset: false, truncate: false });
  expect((await api.get('/health')).status).toBe(200); // does not match

  const hit = await api.get('/secrets', { token: T.admin });
  expect(hit.status).toBe(502);
  expect(hit.body).toBeUndefined();
  expect(hit.text).toContain('Bad gateway');
  expect(hit.headers.get('content-type')).toMatch(/text\/html/);
  expect(hit.headers.get('access-control-allow-origin')).toBe('*');
  // Sent to it, a browser runs nothing: the body is sandboxed.
  expect(hit.headers.get('content-security-policy')).toBe("sandbox; default-src 'none'");
  expect(hit.headers.get('x-content-type-options')).toBe('nosniff');
  expect((await api.get('/secrets', { token: T.admin })).status).toBe(200);
  expect((await api.get('/_mock/log')).body.data.map((e: any) => e.path)).toEqual(['/api/v1/health', '/api/v1/secrets', '/api/v1/secrets']);
});

test('faults can repeat, match a method, carry headers (a 429 with Retry-After) and be listed and cleared', async () => {
  await fault({ path: '/secrets', method: 'post', status: 429, headers: { 'Retry-After': '1' }, times: 2 });
  expect((await api.get('/secrets', { token: T.admin })).status).toBe(200);
  for (let i = 0; i < 2; i++) {
    const res = await api.post('/secrets', { token: T.admin, body: secretBody() });
    expect(res.status).toBe(429);
    expect(res.headers.get('retry-after')).toBe('1');
    expect(res.body.error.code).toBe('RATE_LIMIT_EXCEEDED');
  }
  expect((await api.post('/secrets', { token: T.admin, body: secretBody() })).status).toBe(201);

  await fault({ status: 503, times: 5 });
  expect((await api.get('/_mock/fault')).body.data).toHaveLength(1);
  expect((await api.get('/health')).status).toBe(503);
  await api.del('/_mock/fault');
  expect((await api.get('/health')).status).toBe(200);
});

test('a preflight does not use up a fault meant for the real request', async () => {
  await fault({ path: '/secrets', status: 500 });
  expect((await fetch(`${mock.url}/secrets`, { method: 'OPTIONS' })).status).toBe(204);
  expect((await api.get('/secrets', { token: T.admin })).status).toBe(500);
});

test('a fault that names OPTIONS hits the preflight (and only it)', async () => {
  await fault({ path: '/secrets', method: 'OPTIONS', status: 503 });
  expect((await fetch(`${mock.url}/secrets`, { method: 'OPTIONS' })).status).toBe(503);
  expect((await fetch(`${mock.url}/secrets`, { method: 'OPTIONS' })).status).toBe(204);
  await fault({ path: '/secrets', method: 'OPTIONS', status: 503 });
  expect((await api.get('/secrets', { token: T.admin })).status).toBe(200);
});

test('truncate sends half a JSON body; reset destroys the connection', async () => {
  await fault({ path: '/secrets', status: 200, body: JSON.stringify({ success: true, message: 'ok', data: [1, 2, 3, 4, 5, 6] }), truncate: true });
  const half = await api.get('/secrets', { token: T.admin });
  expect(half.status).toBe(200);
  expect(half.headers.get('content-type')).toMatch(/application\/json/);
  expect(half.body).toBeUndefined();
  expect(half.text.startsWith('{"success":true')).toBe(true);

  await fault({ path: '/secrets', reset: true });
  await expect(api.get('/secrets', { token: T.admin })).rejects.toThrow();

  await fault({ path: '/secrets', reset: true, truncate: true });
  await expect(api.get('/secrets', { token: T.admin })).rejects.toThrow();
  expect((await api.get('/secrets', { token: T.admin })).status).toBe(200);
});

test('hold sends the headers and half the body, then stalls until the client gives up; not with reset or truncate', async () => {
  const body = JSON.stringify({ success: true, message: 'ok', data: [1, 2, 3, 4, 5, 6] });
  await fault({ path: '/health', status: 200, body, hold: true });
  const res = await fetch(`${mock.url}/health`, { signal: AbortSignal.timeout(2000) });
  expect([res.status, res.headers.get('content-length')]).toEqual([200, String(body.length)]);
  const reader = res.body!.getReader();
  let got = '';
  const read = (async () => {
    for (let r; !(r = await reader.read()).done; ) got += Buffer.from(r.value).toString();
    return 'ended';
  })();
  // Half the body comes, then nothing: the read is still pending when the client gives up.
  expect(await Promise.race([read.catch((e) => e.name), new Promise((ok) => setTimeout(() => ok('held'), 600))])).toBe('held');
  expect(got).toBe(body.slice(0, Math.floor(body.length / 2)));
  await read.catch(() => {});
  expect((await api.get('/health')).status).toBe(200);
  const both = await fault({ path: '/health', hold: true, truncate: true });
  expect([both.status, Object.keys(both.body.error.details)]).toEqual([422, ['hold']]);
});

test('delay_ms stalls the answer', async () => {
  await fault({ path: '/health', delay_ms: 400, status: 200 });
  const started = Date.now();
  const res = await api.get('/health');
  expect(Date.now() - started).toBeGreaterThanOrEqual(380);
  expect(res.status).toBe(200);

  // A client that gives up does not bother the server.
  await fault({ path: '/health', delay_ms: 2000 });
  await expect(fetch(`${mock.url}/health`, { signal: AbortSignal.timeout(100) })).rejects.toThrow();
  expect((await api.get('/health')).status).toBe(200);
});

test('a malformed fault is 422 naming the fields', async () => {
  const res = await fault({ status: 99, times: 0, headers: { a: 1 }, reset: 'yes', body: 'x'.repeat(1024 * 1024 + 1) });
  expect(res.status).toBe(422);
  expect(Object.keys(res.body.error.details).sort()).toEqual(['body', 'headers', 'reset', 'status', 'times']);
});

test("a fault's body that is no string (an object meant as JSON) is 422 on body: it is sent as written", async () => {
  const res = await fault({ path: '/secrets', body: { success: true } });
  expect(res.status).toBe(422);
  expect(res.body.error.details).toEqual({ body: [expect.stringMatching(/^The body must be/)] });
  expect((await api.get('/_mock/fault')).body.data).toEqual([]);
});

test('a fault whose headers HTTP cannot carry is 422 when queued, never a crash when it fires later', async () => {
  for (const spec of [{ headers: { 'X-Test': '€' } }, { headers: { 'Bad Name': 'x' } }, { headers: { 'X-A': 'a\r\nX-B: b' } }, { headers: { '': 'x' } }, { headers: { Trailer: 'X-Sum' } }, { headers: { 'Transfer-Encoding': 'chunked' } }, { contentType: 'text/plain\r\nX: y' }]) {
    const res = await fault({ path: '/health', delay_ms: 10, ...spec });
    expect(res.status, JSON.stringify(spec)).toBe(422);
    expect(Object.keys(res.body.error.details), JSON.stringify(spec)).toEqual([Object.keys(spec)[0]]);
  }
  expect((await api.get('/health')).status).toBe(200);
});

test('the fault queue holds 100 at most; the clock never passes the year 9999', async () => {
  for (let i = 0; i < 100; i++) expect((await fault({ path: '/nothing-matches-this' })).status).toBe(201);
  const full = await fault({ path: '/nothing-matches-this' });
  expect([full.status, full.body.error.code]).toEqual([422, 'VALIDATION_ERROR']);
  await api.del('/_mock/fault');

  let last;
  for (let i = 0; i < 8000 && (last = await api.post('/_mock/clock', { body: { advance_hours: 87_600 } })).status == 200; i++);
  expect(last!.status).toBe(422);
  expect(last!.body.error.details.advance_hours[0]).toMatch(/9999/);
  expect((await api.get('/health')).status).toBe(200);
  expect((await api.post('/secrets', { token: T.admin, body: secretBody() })).status).toBe(201);
});

test('the log is bounded by its bodies too: the oldest go first, the newest stay whole', async () => {
  const big = 'x'.repeat(15 * 1024 * 1024);
  for (let i = 0; i < 6; i++) await fetch(`${mock.url}/health?n=${i}`, { method: 'POST', body: big });
  const log = (await api.get('/_mock/log')).body.data as { path: string; body: string }[];
  const kept = log.filter((l) => l.body.length);
  expect(kept.length).toBeLessThan(6);
  expect(kept.at(-1)).toMatchObject({ path: '/api/v1/health?n=5', body: big });
  expect(kept.reduce((n, l) => n + l.body.length, 0)).toBeLessThanOrEqual(64 * 1024 * 1024);
});

test('a request that is not valid HTTP gets a JSON error envelope, and the server keeps serving', async () => {
  const raw = (text: string) => rawHttp(mock.origin, [text]);
  const bad = await raw('GARBAGE\r\n\r\n');
  expect(bad).toMatch(/^HTTP\/1\.1 400 /);
  expect(JSON.parse(bad.split('\r\n\r\n')[1]!)).toEqual({ success: false, error: { code: 'VALIDATION_ERROR', message: expect.any(String) } });
  const huge = await raw(`GET /api/v1/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`);
  expect(huge).toMatch(/^HTTP\/1\.1 431 /);
  expect((await api.get('/health')).status).toBe(200);
});

test('a fault never replaces a page or the script (another origin could put its own viewer where share links open); the API behind them still gets it', async () => {
  const slug = await createSecret(api, T.admin);
  await fault({ status: 200, body: '<html><script>steal(location.hash)</script></html>', times: 10 });
  for (const path of [`/s/${slug}`, '/r/TokEn123', '/i/TokEn123', '/sharokey.min.js']) {
    const page = await fetch(mock.origin + path);
    expect(page.status, path).toBe(200);
    expect(await page.text(), path).not.toContain('steal(');
  }
  const api_ = await fetch(`${mock.url}/public/secrets/${slug}`);
  expect(await api_.text()).toContain('steal(');
});

test('a body refused at a root alias (/secrets) is answered as at /api/v1/secrets: rate-limited and counted; an unknown route is still 404, a preflight 204', async () => {
  const bad = Buffer.from([0x7b, 0xff, 0x7d]);
  for (const path of ['/api/v1/secrets', '/secrets']) {
    const res = await fetch(mock.origin + path, { method: 'POST', body: bad, headers: { Authorization: `Bearer ${T.writer}` } });
    expect(res.status, path).toBe(400);
    expect(res.headers.get('x-ratelimit-remaining'), path).not.toBeNull();
  }
  const usage = (await api.get('/tokens-stats', { token: T.admin })).body.data.tokens.find((t: { user: string }) => t.user == 'frank@acme.test');
  expect(usage.requests).toBe(2);
  expect((await fetch(mock.origin + '/no-such-route', { method: 'POST', body: bad })).status).toBe(404);
  expect((await fetch(mock.origin + '/secrets', { method: 'OPTIONS', body: bad })).status).toBe(204);
});

test('the controls reached through a doubled slash are still controls: not logged, never faulted', async () => {
  await fault({ status: 503, times: 5 });
  expect((await fetch(mock.origin + '//_mock/outbox')).status).toBe(200);
  expect((await fetch(mock.url + '//_mock/fault', { method: 'DELETE' })).status).toBe(200);
  expect((await api.get('/health')).status).toBe(200); // the faults were cleared
  const log = (await api.get('/_mock/log')).body.data as { path: string }[];
  expect(log.map((l) => l.path)).toEqual(['/api/v1/health']);
});

test('a request line in absolute form (http://host/path, RFC 9112) is routed and logged by its path; an Expect the mock cannot meet is a JSON 417', async () => {
  const port = new URL(mock.origin).port;
  const absolute = await rawHttp(mock.origin, [`GET http://127.0.0.1:${port}/api/v1/health?x=1 HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\n\r\n`]);
  expect(absolute).toMatch(/^HTTP\/1\.1 200 /);
  expect(JSON.parse(absolute.split('\r\n\r\n')[1]!).data.status).toBe('ok');
  expect((await api.get('/_mock/log')).body.data.map((l: { path: string }) => l.path)).toEqual(['/api/v1/health?x=1']);
  const expect417 = await rawHttp(mock.origin, [`GET /api/v1/health HTTP/1.1\r\nHost: x\r\nExpect: 200-ok\r\nConnection: close\r\n\r\n`]);
  expect(expect417).toMatch(/^HTTP\/1\.1 417 /);
  expect(expect417).toMatch(/access-control-allow-origin: \*/i);
  expect(JSON.parse(expect417.split('\r\n\r\n')[1]!.replace(/^[0-9a-f]+\r\n|\r\n0\r\n$/g, ''))).toMatchObject({ success: false, error: { code: 'EXPECTATION_FAILED' } });
  // Logged as every request the mock receives.
  expect((await api.get('/_mock/log')).body.data.map((l: { path: string; headers: Record<string, string> }) => [l.path, l.headers.expect])).toEqual([['/api/v1/health?x=1', undefined], ['/api/v1/health', '200-ok']]);
});

test("a request target the mock cannot route (OPTIONS *, a path of broken %-escapes) is answered, never a crash: the preflight's 204, a JSON 404", async () => {
  const star = await rawHttp(mock.origin, ['OPTIONS * HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n']);
  expect(star).toMatch(/^HTTP\/1\.1 204 /);
  expect(star).toMatch(/access-control-allow-methods: GET, POST, DELETE, OPTIONS/i);
  for (const path of ['/secrets/%ZZ', '/public/secrets/%E0%A4', '/requests/%']) {
    const res = await api.get(path, { token: T.admin });
    expect([res.status, res.body.error.code], path).toEqual([404, 'NOT_FOUND']);
  }
  expect((await api.get('/health')).status).toBe(200);
});

test('a preflight allows the headers a test sets for the client\'s address and country (X-Forwarded-For, CF-IPCountry), beside the API\'s own', async () => {
  const res = await fetch(mock.url + '/public/secrets/AAAAAAAA/open', { method: 'OPTIONS', headers: { Origin: 'http://page.test', 'Access-Control-Request-Method': 'POST', 'Access-Control-Request-Headers': 'content-type,cf-ipcountry,x-forwarded-for' } });
  expect(res.status).toBe(204);
  const allowed = res.headers.get('access-control-allow-headers')!.toLowerCase().split(/\s*,\s*/);
  for (const h of ['authorization', 'content-type', 'x-sharokey-company', 'x-forwarded-for', 'cf-ipcountry']) expect(allowed).toContain(h);
});
