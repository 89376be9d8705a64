// Company isolation: another company's slug or request token is NOT_FOUND everywhere.
import { test, expect } from '@playwright/test';
import { createSecret, T, useMock } from './helpers.ts';

const { api } = useMock();

test("another company's secret is 404 on details and delete, and stays intact", async () => {
  const slug = await createSecret(api, T.globex, { password: 'secret1' });
  for (const res of [await api.get(`/secrets/${slug}`, { token: T.admin }), await api.del(`/secrets/${slug}`, { token: T.admin })]) {
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  }
  // Same answer as a slug that does not exist at all: nothing tells them apart.
  const unknown = await api.get('/secrets/zzzzzzzz', { token: T.admin });
  const foreign = await api.get(`/secrets/${slug}`, { token: T.admin });
  expect(foreign.body).toEqual(unknown.body);
  expect((await api.get(`/secrets/${slug}`, { token: T.globex })).body.data.status).toBe('active');
});

test("lists and statistics never include another company's secrets or requests", async () => {
  await createSecret(api, T.globex);
  await createSecret(api, T.globex);
  const mine = await createSecret(api, T.admin);
  await api.post('/requests', { token: T.globex, body: { message: 'globex asks' } });

  expect((await api.get('/secrets', { token: T.admin })).body.data.map((s: any) => s.slug)).toEqual([mine]);
  expect((await api.get('/secrets?search=', { token: T.admin })).body.pagination.total).toBe(1);
  expect((await api.get('/requests', { token: T.admin })).body.data).toEqual([]);
  expect((await api.get('/secrets-stats', { token: T.admin })).body.data.total_secrets).toBe(1);
  expect((await api.get('/requests-stats', { token: T.admin })).body.data.total_requests).toBe(0);
  expect((await api.get('/secrets-stats', { token: T.globex })).body.data.total_secrets).toBe(2);
  const tokens = (await api.get('/tokens-stats', { token: T.admin })).body.data.tokens.map((t: any) => t.user);
  expect(tokens).not.toContain('dan@globex.test');
});

test("another company's request token is 404 on details and delete, and stays active", async () => {
  const r = (await api.post('/requests', { token: T.globex, body: {} })).body.data.request;
  expect((await api.get(`/requests/${r.token}`, { token: T.admin })).status).toBe(404);
  expect((await api.del(`/requests/${r.token}`, { token: T.admin })).status).toBe(404);
  expect((await api.get(`/requests/${r.token}`, { token: T.globex })).body.data.status).toBe('active');
});

test('the default company of a multi-company user does not see the other company', async () => {
  const slug = await createSecret(api, T.globex);
  expect((await api.get(`/secrets/${slug}`, { token: T.multi })).status).toBe(404);
  expect((await api.get(`/secrets/${slug}`, { token: T.multi, headers: { 'X-Sharokey-Company': 'globex' } })).status).toBe(200);
});
