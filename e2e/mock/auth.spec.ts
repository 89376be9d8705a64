// Who may call what: tokens, scopes, companies.
import { test, expect } from '@playwright/test';
import { createSecret, secretBody, T, useMock } from './helpers.ts';

const fixtures = {
  companies: [
    {
      id: 'acme', name: 'Acme',
      tokens: [
        { token: T.admin, user: 'alice@acme.test', scopes: ['read', 'write', 'stats'] },
        { token: T.reader, user: 'bob@acme.test', scopes: ['read'] },
        { token: T.writer, user: 'frank@acme.test', scopes: ['write'] },
        { token: T.revoked, user: 'carol@acme.test', scopes: ['read'], revoked: true },
        { token: 'acme-expiring-token', user: 'gus@acme.test', scopes: ['read'], expires_at: new Date(Date.now() + 3_600_000).toISOString() },
      ],
    },
    { id: 'globex', name: 'Globex', tokens: [{ token: T.globex, user: 'dan@globex.test', scopes: ['read', 'write', 'stats'] }] },
  ],
  users: [{ token: T.multi, user: 'erin@acme.test', companies: ['acme', 'globex'], scopes: ['read', 'stats'] }],
} as any;

const { api } = useMock(fixtures);

test('a missing, unknown, malformed or revoked token is 401 AUTHENTICATION_ERROR', async () => {
  const attempts = [
    await api.get('/secrets'),
    await api.get('/secrets', { token: 'no-such-token' }),
    await api.get('/secrets', { headers: { Authorization: `Token ${T.admin}` } }),
    await api.get('/secrets', { headers: { Authorization: 'Bearer' } }),
    await api.get('/secrets', { token: T.revoked }),
  ];
  for (const res of attempts) {
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ success: false, error: { code: 'AUTHENTICATION_ERROR', message: expect.any(String) } });
  }
});

test('a token past its expires_at is 401 (on the mock clock)', async () => {
  expect((await api.get('/secrets', { token: 'acme-expiring-token' })).status).toBe(200);
  await api.advance(2);
  expect((await api.get('/secrets', { token: 'acme-expiring-token' })).status).toBe(401);
});

test('a missing scope is 403 PERMISSION_DENIED naming the scope', async () => {
  const write = await api.post('/secrets', { token: T.reader, body: secretBody() });
  expect(write.status).toBe(403);
  expect(write.body.error.code).toBe('PERMISSION_DENIED');
  expect(write.body.error.message).toContain('write');

  const read = await api.get('/secrets', { token: T.writer });
  expect(read.status).toBe(403);
  expect(read.body.error.message).toContain('read');

  for (const path of ['/secrets-stats', '/requests-stats', '/tokens-stats']) {
    const stats = await api.get(path, { token: T.reader });
    expect(stats.status, path).toBe(403);
    expect(stats.body.error.message).toContain('stats');
  }
  const del = await api.del('/secrets/abcdEFGH', { token: T.reader });
  expect(del.status).toBe(403);
  const request = await api.post('/requests', { token: T.reader, body: {} });
  expect(request.status).toBe(403);

  // And the writer can write.
  expect((await api.post('/secrets', { token: T.writer, body: secretBody() })).status).toBe(201);
});

test('no answer ever repeats the token', async () => {
  const secret = 'acme-admin-token-but-wrong';
  for (const res of [await api.get('/secrets', { token: secret }), await api.post('/secrets', { token: T.reader, body: {} })]) {
    expect(res.text).not.toContain(secret);
    expect(res.text).not.toContain(T.reader);
  }
});

test('a multi-company user acts for its first company by default and picks another with X-Sharokey-Company', async () => {
  const acmeSlug = await createSecret(api, T.admin);
  const globexSlug = await createSecret(api, T.globex);

  const byDefault = await api.get('/secrets', { token: T.multi });
  expect(byDefault.body.data.map((s: any) => s.slug)).toEqual([acmeSlug]);

  const globex = await api.get('/secrets', { token: T.multi, headers: { 'X-Sharokey-Company': 'globex' } });
  expect(globex.status).toBe(200);
  expect(globex.body.data.map((s: any) => s.slug)).toEqual([globexSlug]);
  expect((await api.get(`/secrets/${acmeSlug}`, { token: T.multi, headers: { 'X-Sharokey-Company': 'globex' } })).status).toBe(404);

  const stats = await api.get('/secrets-stats', { token: T.multi, headers: { 'X-Sharokey-Company': 'globex' } });
  expect(stats.body.data.total_secrets).toBe(1);
});

test('asking for a company one does not belong to is 403 "You do not have permission to access this company"', async () => {
  const forbidden = [
    await api.get('/secrets', { token: T.multi, headers: { 'X-Sharokey-Company': 'initech' } }),
    await api.get('/secrets', { token: T.admin, headers: { 'X-Sharokey-Company': 'globex' } }),
  ];
  for (const res of forbidden) {
    expect(res.status).toBe(403);
    expect(res.body.error).toEqual({ code: 'PERMISSION_DENIED', message: 'You do not have permission to access this company' });
  }
  // A company token may name its own company.
  expect((await api.get('/secrets', { token: T.admin, headers: { 'X-Sharokey-Company': 'acme' } })).status).toBe(200);
});

test('public routes and health need no token', async () => {
  const slug = await createSecret(api);
  expect((await api.get('/health')).status).toBe(200);
  expect((await api.get(`/public/secrets/${slug}`)).status).toBe(200);
});
