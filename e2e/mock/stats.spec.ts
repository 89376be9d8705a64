// Statistics: secrets, requests, date ranges, token usage.
import { test, expect } from '@playwright/test';
import { startMock } from '../../mock/server.ts';
import { client, createSecret, day, rawHttp, respondBody, T, useMock } from './helpers.ts';

const { mock, api } = useMock();


test('GET /secrets-stats counts the company secrets by status, views, password and age', async () => {
  const old = await createSecret(api, T.admin, { expiration_hours: 8760, maximum_views: 5, password: 'secret1' });
  await api.advance(24 * 10); // 10 days later
  const week = await createSecret(api, T.admin, { expiration_hours: 8760, maximum_views: 2 });
  await api.advance(24 * 3);
  const today = await createSecret(api, T.admin, { maximum_views: 1 });
  await createSecret(api, T.admin);
  await api.post(`/public/secrets/${old}/open`, { body: { password: 'secret1' } });
  await api.post(`/public/secrets/${week}/open`);
  await api.post(`/public/secrets/${week}/open`);
  await api.del(`/secrets/${today}`, { token: T.admin });

  const res = await api.get('/secrets-stats', { token: T.admin });
  expect(res.status).toBe(200);
  expect(res.body.data).toEqual({
    total_secrets: 4, active_secrets: 2, expired_secrets: 2, total_views: 3, secrets_with_password: 1,
    secrets_created_today: 2, secrets_created_this_week: 3, secrets_created_this_month: 4,
  });
  expect(res.body.meta).toEqual({ version: 'v1', timestamp: expect.any(String) });
  expect(res.body.meta).not.toHaveProperty('range');
  // The meta timestamp is on the mock clock (13 days ahead).
  expect(Date.parse(res.body.meta.timestamp) - Date.now()).toBeGreaterThan(12 * 86_400_000);
  expect(res.text).not.toMatch(/"content"|"slug"/);
});

test('from/to bound the counts to whole UTC days, echoed in meta.range', async () => {
  const start = Date.now();
  await createSecret(api, T.admin, { expiration_hours: 8760 });
  await api.advance(48);
  await createSecret(api, T.admin, { expiration_hours: 8760 });
  await api.advance(48);
  await createSecret(api, T.admin, { expiration_hours: 8760 });

  const stats = async (query: string) => (await api.get(`/secrets-stats${query}`, { token: T.admin })).body;
  const first = await stats(`?from=${day(start)}&to=${day(start)}`);
  expect(first.data.total_secrets).toBe(1);
  expect(first.meta.range).toEqual({ from: day(start), to: day(start) });
  expect((await stats(`?from=${day(start + 2 * 86_400_000)}`)).data.total_secrets).toBe(2);
  expect((await stats(`?to=${day(start + 2 * 86_400_000)}`)).data.total_secrets).toBe(2);
  expect((await stats(`?to=${day(start + 2 * 86_400_000)}`)).meta.range).toEqual({ from: null, to: day(start + 2 * 86_400_000) });
  expect((await stats('?from=2000-01-01&to=2000-12-31')).data.total_secrets).toBe(0);
  // Any year of four digits, 0000 to 0099 too (Date.UTC would read them as 1900 to 1999).
  expect((await stats('?from=0099-12-31&to=0099-12-31')).data.total_secrets).toBe(0);
  expect((await stats(`?from=0001-01-01&to=${day(start + 5 * 86_400_000)}`)).data.total_secrets).toBe(3);
  expect((await api.get('/secrets-stats?from=0099-02-29', { token: T.admin })).status).toBe(422);
});

test('a malformed date or from after to is VALIDATION_ERROR naming the parameter', async () => {
  for (const [query, field] of [['from=2025-13-01', 'from'], ['to=2025-02-30', 'to'], ['from=yesterday', 'from'], ['from=2025-03-02&to=2025-03-01', 'from']]) {
    for (const path of ['/secrets-stats', '/requests-stats']) {
      const res = await api.get(`${path}?${query}`, { token: T.admin });
      expect(res.status, `${path}?${query}`).toBe(422);
      expect(res.body.error.code).toBe('VALIDATION_ERROR');
      expect(Object.keys(res.body.error.details)).toEqual([field]);
    }
  }
});

test('today, this week and this month are the last 24 hours, 7 days and 30 days, to the hour', async () => {
  await createSecret(api, T.admin, { expiration_hours: 8760 });
  const counts = async () => {
    const d = (await api.get('/secrets-stats', { token: T.admin })).body.data;
    return [d.secrets_created_today, d.secrets_created_this_week, d.secrets_created_this_month];
  };
  let at = 0;
  const after = async (hours: number) => (await api.advance(hours - at), at = hours, counts());
  expect(await after(23.5)).toEqual([1, 1, 1]);
  expect(await after(24.5)).toEqual([0, 1, 1]);
  expect(await after(24 * 7 - 0.5)).toEqual([0, 1, 1]);
  expect(await after(24 * 7 + 0.5)).toEqual([0, 0, 1]);
  expect(await after(24 * 30 - 0.5)).toEqual([0, 0, 1]);
  expect(await after(24 * 30 + 0.5)).toEqual([0, 0, 0]);
});

test('GET /requests-stats counts requests by status and age', async () => {
  const mk = async () => (await api.post('/requests', { token: T.admin, body: { request_expiration_hours: 8760 } })).body.data.request.token;
  const a = await mk();
  await api.advance(24 * 8);
  const b = await mk();
  await mk();
  await api.post(`/public/requests/${a}/respond`, { body: respondBody() });
  await api.del(`/requests/${b}`, { token: T.admin });
  const res = await api.get('/requests-stats', { token: T.admin });
  expect(res.body.data).toEqual({
    total_requests: 3, active_requests: 1, completed_requests: 1, expired_requests: 1,
    requests_created_today: 2, requests_created_this_week: 2, requests_created_this_month: 3,
  });
  expect(res.body.meta).toEqual({ version: 'v1', timestamp: expect.any(String) });
});

test('GET /tokens-stats: the company tokens and its users, hints only, most recently used first, with counts', async () => {
  await api.get('/secrets', { token: T.reader });
  await api.get('/secrets', { token: T.reader });
  await api.get('/secrets-stats', { token: T.reader }); // 403: an error
  await api.get('/secrets', { token: T.revoked }); // 401: an error
  await api.get('/secrets', { token: T.multi, headers: { 'X-Sharokey-Company': 'globex' } }); // counted for globex, not acme
  await api.get('/secrets', { token: T.multi });
  await api.get('/secrets', { token: T.globex });
  const res = await api.get('/tokens-stats', { token: T.admin });
  expect(res.status).toBe(200);
  const d = res.body.data;
  expect(d).toMatchObject({ total_tokens: 5, active_tokens: 4, revoked_tokens: 1, total_requests: 5, error_requests: 2, rate_limited_requests: 0 });
  expect(d.tokens.map((t: any) => t.user)).toEqual(['erin@acme.test', 'carol@acme.test', 'bob@acme.test', 'alice@acme.test', 'frank@acme.test']);
  const bob = d.tokens.find((t: any) => t.user === 'bob@acme.test');
  expect(bob).toMatchObject({ scopes: ['read'], hint: 'oken', requests: 3, request_count: 3, error_requests: 1, rate_limited_requests: 0, revoked: false, last_used_at: expect.any(String) });
  expect(d.tokens.find((t: any) => t.user === 'frank@acme.test')).toMatchObject({ requests: 0, last_used_at: null });
  expect(d.tokens.find((t: any) => t.user === 'carol@acme.test').revoked).toBe(true);
  for (const token of Object.values(T)) expect(res.text).not.toContain(token);

  const globex = (await api.get('/tokens-stats', { token: T.multi, headers: { 'X-Sharokey-Company': 'globex' } })).body.data;
  expect(globex.tokens.map((t: any) => [t.user, t.requests])).toEqual([['dan@globex.test', 1], ['erin@acme.test', 1]]);
});

test('rate-limited requests are counted in tokens-stats; reset empties windows and counters', async () => {
  const small = await startMock({ port: 0, fixtures: { companies: [{ id: 'c', tokens: [
    { token: 'c-busy-token', user: 'busy@c.test', scopes: ['read'] },
    { token: 'c-watch-token', user: 'watch@c.test', scopes: ['stats'] },
  ] }], rateLimit: { perMinute: 3 } } as any });
  try {
    const c = client(small.url);
    for (let i = 0; i < 5; i++) await c.get('/secrets', { token: 'c-busy-token' });
    const d = (await c.get('/tokens-stats', { token: 'c-watch-token' })).body.data;
    expect(d).toMatchObject({ total_requests: 5, rate_limited_requests: 2, error_requests: 2 });
    expect(d.tokens[0]).toMatchObject({ user: 'busy@c.test', requests: 5, rate_limited_requests: 2, error_requests: 2 });

    await c.post('/_mock/reset');
    expect((await c.get('/secrets', { token: 'c-busy-token' })).status).toBe(200);
    const after = (await c.get('/tokens-stats', { token: 'c-watch-token' })).body.data;
    expect(after).toMatchObject({ total_requests: 1, rate_limited_requests: 0, error_requests: 0 });
  } finally {
    await small.close();
  }
});

test('a token\'s hint is its last 4 characters, and a token of 4 or fewer is never shown whole (at most half of it)', async () => {
  const short = await startMock({ port: 0, fixtures: { companies: [{ id: 's', tokens: [
    { token: 'abc', user: 'ivy@s.test', scopes: ['stats'] },
    { token: 'abc123', user: 'kim@s.test', scopes: ['read'] },
    { token: 'abcdefgh', user: 'joe@s.test', scopes: ['read'] },
  ] }] } });
  try {
    const c = client(short.url);
    await c.get('/secrets', { token: 'abcdefgh' });
    await c.get('/secrets', { token: 'abc123' });
    const rows = (await c.get('/tokens-stats', { token: 'abc' })).body.data.tokens;
    expect(rows.map((r: { hint: string }) => r.hint).sort()).toEqual(['c', 'c123', 'efgh']);
    const log = (await c.get('/_mock/log')).body.data;
    expect(log.map((l: { headers: Record<string, string> }) => l.headers['authorization'])).toEqual(['Bearer ****efgh', 'Bearer ****c123', 'Bearer ****c']);
  } finally {
    await short.close();
  }
});

test('the log keeps the Authorization scheme as sent (a wrong one shows), the credential masked', async () => {
  for (const value of ['Basic YWxpY2U6cHc=', 'bearer abcdefgh', 'abcdefgh', 'abcdefgh extra']) await fetch(mock.url + '/secrets', { headers: { Authorization: value } });
  const log = (await api.get('/_mock/log')).body.data.slice(-4);
  // A first word that is not a scheme may be the token: then the whole value is masked.
  expect(log.map((l: { headers: Record<string, string> }) => l.headers['authorization'])).toEqual(['Basic ****cHc=', 'bearer ****efgh', '****efgh', '****xtra']);
});

test('the log shows every copy of a header and masks every credential: a second Authorization, Proxy-Authorization, a token in another header or the query', async () => {
  await api.del('/_mock/log');
  const { host } = new URL(mock.url);
  await rawHttp(mock.url, [`GET /api/v1/secrets HTTP/1.1\r\nHost: ${host}\r\nAuthorization: Bearer ${T.admin}\r\nAuthorization: Bearer ${T.reader}\r\nUser-Agent: one\r\nUser-Agent: two\r\nConnection: close\r\n\r\n`]);
  await fetch(`${mock.url}/secrets?token=${T.admin}&x=1`, { headers: { 'Proxy-Authorization': 'Basic ' + T.admin, 'X-Api-Key': T.reader } });
  for (const value of [`Bearer ${T.admin} extra-part`, 'Bearer']) await fetch(mock.url + '/secrets', { headers: { Authorization: value } });
  const log = (await api.get('/_mock/log')).body.data as { path: string; headers: Record<string, string> }[];
  expect(log[0]!.headers['authorization']).toBe('Bearer ****oken, Bearer ****oken');
  expect(log[0]!.headers['user-agent']).toBe('one, two');
  expect(log[1]!.path).toBe('/api/v1/secrets?token=****oken&x=1');
  expect(log[1]!.headers['proxy-authorization']).toBe('Basic ****oken');
  expect(log[1]!.headers['x-api-key']).toBe('****oken');
  // The hint is of what was sent after the scheme, extra words included; a bare scheme is shown alone.
  expect(log.slice(2).map((l) => l.headers['authorization'])).toEqual(['Bearer ****part', 'Bearer']);
  expect(JSON.stringify(log)).not.toContain(T.admin);
  expect(JSON.stringify(log)).not.toContain(T.reader);
});

test('a fixture token that holds a % of its own is masked where it appears as written, and the request is served', async () => {
  const token = 'acme-100%-token-%41x';
  const other = await startMock({ port: 0, fixtures: { companies: [{ id: 'q', tokens: [{ token, user: 'q@q.test', scopes: ['read'] }] }] } });
  try {
    const res = await fetch(`${other.url}/secrets?token=${token}`, { headers: { Authorization: `Bearer ${token}`, 'X-Api-Key': token } });
    expect(res.status).toBe(200);
    const [entry] = (await client(other.url).get('/_mock/log')).body.data;
    expect([entry.path, entry.headers['x-api-key'], entry.headers.authorization]).toEqual(['/api/v1/secrets?token=****%41x', '****%41x', 'Bearer ****%41x']);
  } finally {
    await other.close();
  }
});

test('a fixture token is masked in the log also as a query string writes it (percent-encoded, in any way)', async () => {
  const token = 'Zm9v+YmFy/YmF6~~==';
  const other = await startMock({ port: 0, fixtures: { companies: [{ id: 'q', tokens: [{ token, user: 'q@q.test', scopes: ['read'] }] }] } });
  // encodeURIComponent's, URLSearchParams', lower-case hex, every character escaped, and a mix.
  const every = [...token].map((c) => '%' + c.charCodeAt(0).toString(16)).join('');
  const forms = [encodeURIComponent(token), new URLSearchParams({ t: token }).toString().slice(2), encodeURIComponent(token).replace(/%[0-9A-F]{2}/g, (m) => m.toLowerCase()), every, every.toUpperCase(), token.slice(0, 6) + every.slice(18)];
  try {
    await fetch(`${other.url}/health?raw=${token}&` + forms.map((f, i) => `f${i}=${f}`).join('&'));
    const [entry] = (await client(other.url).get('/_mock/log')).body.data;
    expect(entry.path).toBe('/api/v1/health?raw=****~~==&' + forms.map((_, i) => `f${i}=****~~==`).join('&'));
  } finally {
    await other.close();
  }
});
