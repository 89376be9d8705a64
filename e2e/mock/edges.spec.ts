// Mock details that no other test pinned down (each found by the third round of
// scripts/mutants.mjs): pagination edges, token usage over time and per
// company, statistics ranges of requests, the shapes of used-up secrets and
// answered requests, "" as not given, e-mail rules as strict as the client's,
// uniform identifiers, six-digit codes, the log's bound, fault content types.
import { test, expect } from '@playwright/test';
import { startMock } from '../../mock/server.ts';
import { call, client, createSecret, day, respondBody, secretBody, T, useMock } from './helpers.ts';

const { api } = useMock();

test('an empty list is page 1 of 1, and a page past the end keeps the pagination of the whole list', async () => {
  for (const path of ['/secrets', '/requests']) {
    const empty = await api.get(path, { token: T.admin });
    expect(empty.body.pagination, path).toEqual({ current_page: 1, per_page: 50, total: 0, last_page: 1 });
  }
  await createSecret(api);
  const past = await api.get('/secrets?page=3&limit=10', { token: T.admin });
  expect(past.body.data).toEqual([]);
  expect(past.body.pagination).toEqual({ current_page: 3, per_page: 10, total: 1, last_page: 1 });
});

test('limit and page must be whole numbers: 2.5, 1e2 and 1.5 are 422', async () => {
  for (const [query, field] of [['limit=2.5', 'limit'], ['limit=1e2', 'limit'], ['page=1.5', 'page'], ['limit=10abc', 'limit']]) {
    for (const path of ['/secrets', '/requests']) {
      const res = await api.get(`${path}?${query}`, { token: T.admin });
      expect(res.status, `${path}?${query}`).toBe(422);
      expect(Object.keys(res.body.error.details)).toEqual([field]);
    }
  }
});

test('tokens-stats: a token used again moves back to the top, and its last_used_at moves with it', async () => {
  await api.get('/secrets', { token: T.reader });
  await api.advance(1);
  await api.post('/secrets', { token: T.writer, body: secretBody() });
  await api.advance(1);
  await api.get('/secrets', { token: T.reader });
  const rows = (await api.get('/tokens-stats', { token: T.admin })).body.data.tokens;
  expect(rows.slice(0, 2).map((t: any) => t.user)).toEqual(['bob@acme.test', 'frank@acme.test']);
  const [bob, frank] = rows;
  expect(Date.parse(bob.last_used_at) - Date.parse(frank.last_used_at)).toBeGreaterThanOrEqual(3_600_000);
});

test('tokens-stats: a multi-company user shows, in each company, only what it did for that company', async () => {
  for (let i = 0; i < 3; i++) await api.get('/secrets', { token: T.multi, headers: { 'X-Sharokey-Company': 'globex' } });
  await api.get('/secrets', { token: T.multi });
  const erin = async (token: string) => (await api.get('/tokens-stats', { token })).body.data.tokens.find((t: any) => t.user === 'erin@acme.test');
  expect(await erin(T.globex)).toMatchObject({ requests: 3 });
  expect(await erin(T.admin)).toMatchObject({ requests: 1 });
});

test('GET /requests-stats counts only the requests created between from and to', async () => {
  const start = Date.now();
  await api.post('/requests', { token: T.admin, body: { request_expiration_hours: 8760 } });
  await api.advance(48);
  await api.post('/requests', { token: T.admin, body: { request_expiration_hours: 8760 } });
  const stats = async (query: string) => (await api.get(`/requests-stats${query}`, { token: T.admin })).body;
  const first = await stats(`?from=${day(start)}&to=${day(start)}`);
  expect(first.data).toMatchObject({ total_requests: 1, active_requests: 1 });
  expect(first.meta.range).toEqual({ from: day(start), to: day(start) });
  expect((await stats(`?from=${day(start + 2 * 86_400_000)}`)).data.total_requests).toBe(1);
  expect((await stats('?from=2000-01-01&to=2000-12-31')).data.total_requests).toBe(0);
  expect((await stats('')).data.total_requests).toBe(2);
});

test('a secret whose views are used up lists as expired: is_expired agrees with status', async () => {
  const slug = await createSecret(api);
  expect((await api.post(`/public/secrets/${slug}/open`, { body: {} })).status).toBe(200);
  const [item] = (await api.get('/secrets', { token: T.admin })).body.data;
  expect(item).toMatchObject({ slug, status: 'expired', is_expired: true });
  expect((await api.get(`/secrets/${slug}`, { token: T.admin })).body.data).toMatchObject({ status: 'expired', is_expired: true });
});

test('an answered request carries completed_at (the time of the answer)', async () => {
  const r = (await api.post('/requests', { token: T.admin, body: {} })).body.data.request;
  expect(r.completed_at).toBeNull();
  await api.advance(2);
  expect((await api.post(`/public/requests/${r.token}/respond`, { body: respondBody() })).status).toBe(201);
  const done = (await api.get(`/requests/${r.token}`, { token: T.admin })).body.data;
  expect(done.status).toBe('completed');
  const after = Date.parse(done.completed_at) - Date.parse(done.created_at);
  expect(after).toBeGreaterThanOrEqual(2 * 3_600_000);
  expect(after).toBeLessThan(2 * 3_600_000 + 60_000);
  expect(done.completed_at).toBe(done.updated_at);
});

test('optional fields given as "" count as not given (a password of "" is no password)', async () => {
  const res = await api.post('/secrets', { token: T.admin, body: secretBody({ description: '', message: '', password: '', ip_whitelist: '', geolocation: '', captcha: '', attachments: '', attachments_total_size: '' }) });
  expect(res.status).toBe(201);
  expect(res.body.data).toMatchObject({ description: null, message: null, has_password: false, has_attachments: false, attachments_count: 0 });
  const r = await api.post('/requests', { token: T.admin, body: { message: '', email_to: '', email_reply: '' } });
  expect(r.status).toBe(201);
  expect(r.body.data.request).toMatchObject({ message: null, email_to: null, email_reply: null });
});

test('an e-mail address needs a dot in its domain, as the client checks it (bob@localhost is refused)', async () => {
  const secret = await api.post('/secrets', { token: T.admin, body: secretBody({ otp_type: 'email', otp_receiver: 'bob@localhost' }) });
  expect(secret.status).toBe(422);
  expect(Object.keys(secret.body.error.details)).toEqual(['otp_receiver']);
  const request = await api.post('/requests', { token: T.admin, body: { email_to: 'bob@localhost', email_reply: 'alice@acme' } });
  expect(request.status).toBe(422);
  expect(Object.keys(request.body.error.details).sort()).toEqual(['email_reply', 'email_to']);
});

test('identifiers are uniform over [A-Za-z0-9]: the first letters of the alphabet are not favoured', async () => {
  // 500 request tokens are 16,000 characters. Uniform: A..H are 8/62 (12.9 %) of
  // them; taking byte % 62 of every byte would make them 8 x 5/256 (15.6 %).
  // The threshold sits 5 standard deviations from each.
  let text = '';
  for (let i = 0; i < 500; i++) text += (await api.post('/requests', { token: T.admin, body: {} })).body.data.request.token;
  expect(text).toMatch(/^[A-Za-z0-9]{16000}$/);
  const share = [...text].filter((c) => c >= 'A' && c <= 'H').length / text.length;
  expect(share).toBeLessThan(0.1425);
  expect(share).toBeGreaterThan(0.1155);
});

test('one-time codes are always six digits, leading zeros included', async () => {
  const slug = await createSecret(api, T.admin, { otp_type: 'email', otp_receiver: 'bob@example.com' });
  for (let i = 0; i < 100; i++) expect((await api.post(`/public/secrets/${slug}/otp`)).status).toBe(200);
  const codes = (await api.get('/_mock/outbox')).body.data.map((m: { code: string }) => m.code);
  expect(codes).toHaveLength(100);
  for (const code of codes) expect(code).toMatch(/^\d{6}$/);
});

test('the log keeps the latest 5000 entries', async () => {
  const big = await startMock({ port: 0, fixtures: { companies: [{ id: 'c', tokens: [] }], rateLimit: { perMinute: 100_000 } } });
  try {
    // Preflights are logged and never limited.
    for (let i = 0; i < 5002; i++) await call(big.url, 'OPTIONS', `/health?n=${i}`);
    const log = (await client(big.url).get('/_mock/log')).body.data as Array<{ path: string }>;
    expect(log).toHaveLength(5000);
    expect(log[0]!.path).toBe('/api/v1/health?n=2');
    expect(log.at(-1)!.path).toBe('/api/v1/health?n=5001');
  } finally {
    await big.close();
  }
});

test('a fault body that is a JSON array is sent as JSON', async () => {
  await api.post('/_mock/fault', { body: { path: '/health', status: 200, body: '[1, 2]' } });
  const res = await api.get('/health');
  expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
  expect(res.body).toEqual([1, 2]);
});

test('secrets_with_password counts the password-protected secrets only, not captcha or one-time codes', async () => {
  await createSecret(api, T.admin, { password: 'orange-42' });
  await createSecret(api, T.admin, { captcha: true });
  await createSecret(api, T.admin, { otp_type: 'email', otp_receiver: 'bob@example.com' });
  await createSecret(api, T.admin, { otp_type: 'phone', otp_receiver: '+33612345678' });
  const d = (await api.get('/secrets-stats', { token: T.admin })).body.data;
  expect(d).toMatchObject({ total_secrets: 4, secrets_with_password: 1 });
});

test('DELETE again changes nothing: the secret and the request keep the time of their first deletion', async () => {
  const slug = await createSecret(api);
  const token = (await api.post('/requests', { token: T.admin, body: {} })).body.data.request.token;
  for (const path of [`/secrets/${slug}`, `/requests/${token}`]) {
    expect((await api.del(path, { token: T.admin })).status).toBe(200);
    const first = (await api.get(path, { token: T.admin })).body.data;
    await api.advance(3);
    const again = await api.del(path, { token: T.admin });
    expect(again.status).toBe(200);
    expect(again.body.data).toBeNull();
    const after = (await api.get(path, { token: T.admin })).body.data;
    expect(after, path).toMatchObject({ status: 'expired', updated_at: first.updated_at, expiration: first.expiration });
  }
});

test('the "answered" e-mail goes to email_reply when the request has one', async () => {
  const r = (await api.post('/requests', { token: T.admin, body: { email_reply: 'boss@acme.test' } })).body.data.request;
  expect((await api.post(`/public/requests/${r.token}/respond`, { body: respondBody() })).status).toBe(201);
  const mails = (await api.get('/_mock/outbox')).body.data;
  expect(mails).toEqual([expect.objectContaining({ type: 'request_completed', to: 'boss@acme.test', request_token: r.token })]);
});

test('GET /requests?search= also looks in email_to, ignoring case', async () => {
  await api.post('/requests', { token: T.admin, body: { message: 'one', email_to: 'Zoe@Example.com' } });
  await api.post('/requests', { token: T.admin, body: { message: 'two', email_to: 'bob@example.com' } });
  const res = await api.get('/requests?search=zoe%40example', { token: T.admin });
  expect(res.body.data.map((r: { message: string }) => r.message)).toEqual(['one']);
});

test('DELETE /_mock/outbox empties the outbox', async () => {
  await api.post('/requests', { token: T.admin, body: { email_to: 'bob@example.com' } });
  expect((await api.get('/_mock/outbox')).body.data).toHaveLength(1);
  expect((await api.del('/_mock/outbox')).body.data).toBeNull();
  expect((await api.get('/_mock/outbox')).body.data).toEqual([]);
});

test('a one-time code sent as a JSON number keeps its leading zero (12345 is the code 012345)', async () => {
  const slug = await createSecret(api, T.admin, { otp_type: 'email', otp_receiver: 'bob@example.com' });
  let code = '';
  for (let i = 0; i < 300 && !code.startsWith('0'); i++) {
    await api.post(`/public/secrets/${slug}/otp`);
    code = (await api.get('/_mock/outbox')).body.data.at(-1).code;
  }
  expect(code).toMatch(/^0\d{5}$/);
  const res = await api.post(`/public/secrets/${slug}/open`, { body: { otp: Number(code) } });
  expect(res.status).toBe(200);
});
