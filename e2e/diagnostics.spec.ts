// health(), test() and testConnection() through the built script.
import { test, expect, run, rejected, mock, MOCK_URL, TOKENS } from './helpers.ts';

type Report = { passed: number; total: number; success: boolean; details: { name: string; success: boolean; message: string }[] };
const NAMES = ['configuration', 'network', 'authentication', 'read access', 'write access', 'statistics'];

const report = (page: Parameters<typeof run>[0], o: Record<string, unknown>) =>
  run(page, (o) => window.Sharokey.createClient(o).test(), o) as Promise<Report>;

test('health() resolves to { status, version } without a token', async ({ sk }) => {
  expect(await run(sk, (api) => window.Sharokey.createClient({ apiUrl: api }).health(), MOCK_URL)).toEqual({ status: 'ok', version: expect.any(String) });
  expect((await mock.apiLog())[0]!.headers.authorization).toBeUndefined();
});

test('test() with a full token: 6 of 6, and the write check leaves no active secret', async ({ sk }) => {
  const r = await report(sk, { apiUrl: MOCK_URL, token: TOKENS.admin });
  expect(r).toMatchObject({ passed: 6, total: 6, success: true });
  expect(r.details.map((d) => d.name)).toEqual(NAMES);
  expect(r.details.map((d) => d.message)).toEqual([`A token is set; API ${MOCK_URL}`, 'The server answers (ok)', 'The token is accepted', 'Secrets can be listed', 'A 1-hour, 1-view test secret was created and deleted', 'Statistics can be read (total_secrets: 1)']);
  const stats = (await mock.api('GET', '/secrets-stats')).json.data;
  expect(stats).toMatchObject({ total_secrets: 1, active_secrets: 0 });
  const posted = (await mock.apiLog()).filter((l) => l.method == 'POST');
  expect(JSON.parse(posted[0]!.body)).toMatchObject({ expiration_hours: 1, maximum_views: 1 });
});

test('test() names the missing scope and what to do', async ({ sk }) => {
  const r = await report(sk, { apiUrl: MOCK_URL, token: TOKENS.reader });
  expect(r).toMatchObject({ passed: 4, total: 6, success: false });
  const failed = Object.fromEntries(r.details.filter((d) => !d.success).map((d) => [d.name, d.message]));
  expect(Object.keys(failed)).toEqual(['write access', 'statistics']);
  expect(failed['write access']).toMatch(/"write" scope/);
  expect(failed.statistics).toMatch(/"stats" scope/);
});

test('test() with a refused token says so; with no token it says how to set one', async ({ sk }) => {
  const bad = await report(sk, { apiUrl: MOCK_URL, token: 'wrong-token' });
  expect(bad.details.find((d) => d.name == 'authentication')).toMatchObject({ success: false, message: expect.stringMatching(/token was refused/) });
  expect(bad.passed).toBe(2);
  const none = await report(sk, { apiUrl: MOCK_URL });
  expect(none.details[0]).toMatchObject({ name: 'configuration', success: false, message: expect.stringMatching(/config\(\{ token \}\)/) });
  expect(none.details[1]).toMatchObject({ name: 'network', success: true });
  expect(none.details.slice(2).every((d) => !d.success && /Skipped/.test(d.message))).toBe(true);
});

test('test() against an unreachable server: the network check says what to check, the rest are skipped', async ({ sk }) => {
  const r = await report(sk, { apiUrl: 'http://127.0.0.1:9/api/v1', token: 't', retries: 0 });
  expect(r).toMatchObject({ passed: 1, total: 6, success: false });
  expect(r.details[1]).toMatchObject({ name: 'network', success: false, message: expect.stringMatching(/could not be reached.*apiUrl.*CORS/) });
  expect(r.details.slice(2).map((d) => [d.name, d.success, d.message])).toEqual(['authentication', 'read access', 'write access', 'statistics'].map((n) => [n, false, 'Skipped: fix the checks above first']));
});

test("test() against answers that are not the protocol's: each failed check says so, as the methods do, never a script error's words", async ({ sk }) => {
  await mock.fault({ path: '/secrets', method: 'POST', status: 201, body: '{"success":true,"message":"ok"}' });
  await mock.fault({ path: '/secrets-stats', status: 200, body: '{"success":true,"message":"ok","data":null}' });
  const r = await report(sk, { apiUrl: MOCK_URL, token: TOKENS.admin });
  const failed = r.details.filter((d) => !d.success).map((d) => [d.name, d.message]);
  expect(failed).toEqual([['write access', "The server's answer is not the protocol's"], ['statistics', "The server's answer is not the protocol's"]]);
});

test("test() says the token was refused only when the server refused it: a failing getToken() is said as it is; a proxy's 403 on /health is no missing scope", async ({ sk }) => {
  const failing = await run(sk, (api) => window.Sharokey.createClient({ apiUrl: api, getToken: () => Promise.reject(Error('backend down')) }).test(), MOCK_URL) as Report;
  expect(failing.details.find((d) => d.name == 'authentication')).toEqual({ name: 'authentication', success: false, message: 'getToken() failed' });
  await mock.fault({ path: '/health', status: 403, body: '{"success":false,"error":{"code":"FORBIDDEN","message":"Blocked by the firewall"}}' });
  const proxied = await report(sk, { apiUrl: MOCK_URL, token: TOKENS.admin, retries: 0 });
  expect(proxied.details[1]).toEqual({ name: 'network', success: false, message: 'Blocked by the firewall (GET /health: 403)' });
});

test('testConnection() is a boolean and never rejects', async ({ sk }) => {
  const r = await run(sk, async (api) => {
    const S = window.Sharokey;
    return [
      await S.createClient({ apiUrl: api, token: 'acme-admin-token' }).testConnection(),
      await S.createClient({ apiUrl: api, token: 'acme-writer-token' }).testConnection(),
      await S.createClient({ apiUrl: api, token: 'wrong' }).testConnection(),
      await S.createClient({ apiUrl: 'http://127.0.0.1:9/api/v1', token: 'x', retries: 0 }).testConnection(),
    ];
  }, MOCK_URL);
  expect(r).toEqual([true, true, false, false]);
});

test('test() and testConnection() take a signal: the caller\'s abort rejects with its reason; bad options are a ValidationError', async ({ sk }) => {
  await mock.fault({ path: '/health', delay_ms: 2000, times: 1 });
  const aborted = await run(sk, () => {
    const c = new AbortController();
    setTimeout(() => c.abort(), 100);
    return window.Sharokey.test({ signal: c.signal });
  });
  expect(aborted).toMatchObject({ caught: true, name: 'AbortError', isSharokeyError: false });
  await mock.fault({ path: '/secrets', delay_ms: 2000, times: 1 });
  const connection = await run(sk, () => window.Sharokey.testConnection({ signal: AbortSignal.timeout(100) }));
  expect(connection).toMatchObject({ caught: true, name: 'TimeoutError', isSharokeyError: false });
  for (const bad of [{ signal: 'soon' }, 'x']) {
    const r = await run(sk, (o) => window.Sharokey.test(o as never), bad);
    expect(rejected(r, 'ValidationError').isSharokeyError).toBe(true);
    expect(rejected(await run(sk, (o) => window.Sharokey.testConnection(o as never), bad), 'ValidationError').isSharokeyError).toBe(true);
  }
  // Not aborted: the usual report, every request with the signal.
  expect(await run(sk, () => window.Sharokey.test({ signal: new AbortController().signal }).then((r) => r.passed))).toBe(6);
});

test('test() with a multi-company token refused for its configured company says which company, beside the scope', async ({ sk }) => {
  const r = await report(sk, { apiUrl: MOCK_URL, token: TOKENS.multi, company: 'initech' });
  const read = r.details.find((d) => d.name == 'read access')!;
  expect(read).toMatchObject({ success: false, message: expect.stringMatching(/"read" scope or the company "initech"/) });
});
