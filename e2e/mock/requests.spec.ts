// Secret requests: create, e-mail, public view, respond (once), list, delete, expiry.
import { test, expect } from '@playwright/test';
import { b64, createSecret, respondBody, T, useMock } from './helpers.ts';

const { mock, api } = useMock();

async function newRequest(extra: Record<string, unknown> = {}, token: string = T.admin): Promise<Record<string, any>> {
  const res = await api.post('/requests', { token, body: { message: 'Please send the VPN password', ...extra } });
  if (res.status !== 201) throw new Error(`${res.status} ${res.text}`);
  return res.body.data.request;
}

test('POST /requests answers 201 with data.request: token, url, status, dates and the fields sent', async () => {
  const res = await api.post('/requests', { token: T.admin, body: {
    message: 'Share credentials', description: 'VPN', email_to: 'bob@example.com', email_reply: 'alice@acme.test',
    locale: 'fr', secret_expiration_hours: 12, request_expiration_hours: 72, maximum_views: 3, public_key: b64(65),
  } });
  expect(res.status).toBe(201);
  const r = res.body.data.request;
  expect(r.token).toMatch(/^[A-Za-z0-9]{32}$/);
  expect(r).toMatchObject({
    url: `${mock.origin}/r/${r.token}`, status: 'active', message: 'Share credentials', description: 'VPN', email_to: 'bob@example.com',
    email_reply: 'alice@acme.test', locale: 'fr', secret_expiration_hours: 12, request_expiration_hours: 72, maximum_views: 3,
    creator: 'alice@acme.test', secret_slug: null, secret_url: null, sealed_key: null,
  });
  expect(r.public_key).toHaveLength(88);
  expect(Date.parse(r.expiration) - Date.parse(r.created_at)).toBe(72 * 3_600_000);
});

test('defaults: locale en, secret 24 h, request 48 h, one view', async () => {
  const r = await newRequest();
  expect(r).toMatchObject({ locale: 'en', secret_expiration_hours: 24, request_expiration_hours: 48, maximum_views: 1, public_key: null, email_to: null });
});

test('with email_to, the e-mail with the responder URL lands in the outbox', async () => {
  const r = await newRequest({ email_to: 'bob@example.com', email_reply: 'boss@acme.test', locale: 'fr' });
  const outbox = (await api.get('/_mock/outbox')).body.data;
  expect(outbox).toEqual([expect.objectContaining({ type: 'request', to: 'bob@example.com', reply_to: 'boss@acme.test', locale: 'fr', subject: expect.any(String), created_at: expect.any(String) })]);
  expect(outbox[0].body).toContain(r.url);
  await newRequest();
  expect((await api.get('/_mock/outbox')).body.data).toHaveLength(1);
});

test('request fields are validated, each bad one named', async () => {
  const res = await api.post('/requests', { token: T.admin, body: {
    message: 'm'.repeat(256), email_to: 'nope', email_reply: 'x@', locale: 'de', secret_expiration_hours: 0,
    request_expiration_hours: 8761, maximum_views: 1001, public_key: 'not base64!',
  } });
  expect(res.status).toBe(422);
  expect(Object.keys(res.body.error.details).sort()).toEqual(['email_reply', 'email_to', 'locale', 'maximum_views', 'message', 'public_key',
    'request_expiration_hours', 'secret_expiration_hours']);
  const longKey = await api.post('/requests', { token: T.admin, body: { public_key: b64(151) } });
  expect(Object.keys(longKey.body.error.details)).toEqual(['public_key']);
});

test('the responder sees the public request; the secret it sends belongs to the requester', async () => {
  const r = await newRequest({ description: 'VPN', secret_expiration_hours: 6, maximum_views: 2, public_key: b64(65) });
  const seen = await api.get(`/public/requests/${r.token}`);
  expect(seen.status).toBe(200);
  expect(seen.body.data).toEqual({
    // Not the description: the requester's own label (a secret's is not shown to its recipient either).
    token: r.token, message: 'Please send the VPN password', locale: 'en', secret_expiration_hours: 6,
    maximum_views: 2, expiration: r.expiration, status: 'active', public_key: r.public_key,
  });

  // The body's own lifetime is ignored: the request decides.
  const answer = await api.post(`/public/requests/${r.token}/respond`, { body: respondBody({ expiration_hours: 999, maximum_views: 999, sealed_key: 'opaque-sealed-key' }) });
  expect(answer.status).toBe(201);
  expect(answer.body.data).toEqual({ request_token: r.token, secret_slug: expect.stringMatching(/^[A-Za-z0-9]{8}$/), status: 'completed' });
  const slug = answer.body.data.secret_slug;

  const secret = (await api.get(`/secrets/${slug}`, { token: T.admin })).body.data;
  expect(secret).toMatchObject({ creator: 'alice@acme.test', description: 'VPN', expires_in_hours: 6, maximum_views: 2, status: 'active' });
  const done = (await api.get(`/requests/${r.token}`, { token: T.reader })).body.data;
  expect(done).toMatchObject({ status: 'completed', secret_slug: slug, secret_url: `${mock.origin}/s/${slug}`, sealed_key: 'opaque-sealed-key' });
  const listed = (await api.get('/requests', { token: T.reader })).body.data[0];
  expect(listed).toMatchObject({ token: r.token, secret_slug: slug, sealed_key: 'opaque-sealed-key' });

  expect((await api.get(`/public/requests/${r.token}`)).status).toBe(404);
  expect((await api.post(`/public/requests/${r.token}/respond`, { body: respondBody() })).status).toBe(404);
  expect((await api.get('/_mock/outbox')).body.data).toEqual([expect.objectContaining({ type: 'request_completed', to: 'alice@acme.test', secret_slug: slug })]);
});

test('two concurrent responds: one 201, one 404, and a single secret', async () => {
  const r = await newRequest();
  const [a, b] = await Promise.all([
    api.post(`/public/requests/${r.token}/respond`, { body: respondBody() }),
    api.post(`/public/requests/${r.token}/respond`, { body: respondBody() }),
  ]);
  expect([a.status, b.status].sort()).toEqual([201, 404]);
  expect((await api.get('/secrets', { token: T.admin })).body.pagination.total).toBe(1);
});

test('respond validates the secret body like POST /secrets, plus sealed_key', async () => {
  const r = await newRequest();
  const bad = await api.post(`/public/requests/${r.token}/respond`, { body: respondBody({ content: 'x', iv: b64(5), sealed_key: 'k'.repeat(1025), password: 'ab' }) });
  expect(bad.status).toBe(422);
  expect(Object.keys(bad.body.error.details).sort()).toEqual(['content', 'iv', 'password', 'sealed_key']);
  expect((await api.post(`/public/requests/${r.token}/respond`, { raw: '{' })).status).toBe(400);
  expect((await api.get(`/requests/${r.token}`, { token: T.admin })).body.data.status).toBe('active');
  const good = await api.post(`/public/requests/${r.token}/respond`, { body: respondBody({ password: 'secret1' }) });
  expect(good.status).toBe(201);
  expect((await api.get(`/secrets/${good.body.data.secret_slug}`, { token: T.admin })).body.data.has_password).toBe(true);
});

test('a responded secret counts toward the requester company quota', async () => {
  await createSecret(api, T.tiny);
  await createSecret(api, T.tiny);
  const r = await newRequest({}, T.tiny);
  const res = await api.post(`/public/requests/${r.token}/respond`, { body: respondBody() });
  expect(res.status).toBe(403);
  expect(res.body.error.code).toBe('QUOTA_EXCEEDED');
  expect((await api.get(`/requests/${r.token}`, { token: T.tiny })).body.data.status).toBe('active');
});

test('DELETE expires a request (idempotent); the public side then answers 404', async () => {
  const r = await newRequest();
  const del = await api.del(`/requests/${r.token}`, { token: T.writer });
  expect(del.status).toBe(200);
  expect(del.body.data).toBeNull();
  expect((await api.del(`/requests/${r.token}`, { token: T.writer })).status).toBe(200);
  expect((await api.get(`/requests/${r.token}`, { token: T.admin })).body.data.status).toBe('expired');
  expect((await api.get(`/public/requests/${r.token}`)).status).toBe(404);
  expect((await api.post(`/public/requests/${r.token}/respond`, { body: respondBody() })).status).toBe(404);
  expect((await api.del('/requests/nosuchtoken', { token: T.admin })).status).toBe(404);
  // An answered request too: deleting it expires it, whatever it was.
  const done = await newRequest();
  expect((await api.post(`/public/requests/${done.token}/respond`, { body: respondBody() })).status).toBe(201);
  expect((await api.get(`/requests/${done.token}`, { token: T.admin })).body.data.status).toBe('completed');
  await api.del(`/requests/${done.token}`, { token: T.admin });
  expect((await api.get(`/requests/${done.token}`, { token: T.admin })).body.data.status).toBe('expired');
});

test('a request expires with the mock clock', async () => {
  const r = await newRequest({ request_expiration_hours: 1 });
  await api.advance(1);
  expect((await api.get(`/requests/${r.token}`, { token: T.admin })).body.data.status).toBe('expired');
  expect((await api.post(`/public/requests/${r.token}/respond`, { body: respondBody() })).status).toBe(404);
});

test('GET /requests filters by status, search and creator, with pagination', async () => {
  const a = await newRequest({ description: 'alpha' });
  const b = await newRequest({ description: 'beta', message: 'FIND me' });
  const c = await newRequest({ description: 'gamma' });
  await api.post(`/public/requests/${a.token}/respond`, { body: respondBody() });
  await api.del(`/requests/${b.token}`, { token: T.admin });

  const tokens = async (query: string) => (await api.get(`/requests${query}`, { token: T.reader })).body.data.map((r: any) => r.token);
  expect(await tokens('')).toEqual([c.token, b.token, a.token]);
  expect(await tokens('?status=completed')).toEqual([a.token]);
  expect(await tokens('?status=expired')).toEqual([b.token]);
  expect(await tokens('?status=active')).toEqual([c.token]);
  expect(await tokens('?search=find')).toEqual([b.token]);
  expect(await tokens('?creator=alice@acme.test&limit=1&page=2')).toEqual([b.token]);
  expect(await tokens('?creator=bob@acme.test')).toEqual([]);
  const page = await api.get('/requests?limit=2', { token: T.reader });
  expect(page.body.pagination).toEqual({ current_page: 1, per_page: 2, total: 3, last_page: 2 });
  expect((await api.get('/requests?status=done', { token: T.reader })).status).toBe(422);
});
