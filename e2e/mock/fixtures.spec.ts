// Fixtures: the PROTOCOL shape, defaults for what is left out, clear errors for what is wrong.
import { test, expect } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMock } from '../../mock/server.ts';
import { client, secretBody } from './helpers.ts';

test('missing optional fields take their defaults and unknown fields are ignored', async () => {
  const mock = await startMock({
    port: 0,
    fixtures: { companies: [{ id: 'solo', tokens: [{ token: 'solo-admin-token', user: 'a@solo.test', scopes: ['read', 'write', 'stats'], colour: 'blue' }], plan: 'gold' }], extra: true } as any,
  });
  try {
    const api = client(mock.url);
    const res = await api.get('/secrets', { token: 'solo-admin-token' });
    expect(res.status).toBe(200);
    expect(res.headers.get('x-ratelimit-limit')).toBe('120');
    expect((await api.post('/secrets', { token: 'solo-admin-token', body: secretBody() })).status).toBe(201);
    const tokens = (await api.get('/tokens-stats', { token: 'solo-admin-token' })).body.data;
    expect(tokens).toMatchObject({ total_tokens: 1, active_tokens: 1, revoked_tokens: 0 });
  } finally {
    await mock.close();
  }
});

test('a quota of 0 refuses every secret', async () => {
  const mock = await startMock({ port: 0, fixtures: { companies: [{ id: 'z', quota: 0, tokens: [{ token: 'z-token-0000', user: 'z@z.test', scopes: ['write'] }] }] } });
  try {
    const res = await client(mock.url).post('/secrets', { token: 'z-token-0000', body: secretBody() });
    expect(res.body.error.code).toBe('QUOTA_EXCEEDED');
  } finally {
    await mock.close();
  }
});

test('malformed fixtures are refused with a message that names the problem', async () => {
  const cases: Array<[unknown, RegExp]> = [
    [{}, /companies/],
    [{ companies: [{ name: 'no id' }] }, /companies\[0\].*id/],
    [{ companies: [{ id: 'a', tokens: [{ token: 't', user: 'u', scopes: ['admin'] }] }] }, /scopes/],
    [{ companies: [{ id: 'a', tokens: [{ token: 't', user: 'u', scopes: [] }, { token: 't', user: 'v', scopes: [] }] }] }, /duplicate token/],
    [{ companies: [{ id: 'a' }], users: [{ token: 'u', user: 'u', companies: ['b'], scopes: [] }] }, /users\[0\]/],
    [{ companies: [{ id: 'a', quota: -1 }] }, /quota/],
    [{ companies: [], rateLimit: { perMinute: 0 } }, /perMinute/],
    [{ companies: [{ id: 'a', tokens: [{ token: 't', user: 'u', scopes: [], revoked: 'true' }] }] }, /revoked.*true or false/],
  ];
  for (const [fixtures, message] of cases) {
    await expect(startMock({ port: 0, fixtures: fixtures as any })).rejects.toThrow(message);
  }
  await expect(startMock({ port: 0, fixtures: 'no/such/fixtures.json' })).rejects.toThrow(/Cannot read fixtures/);
});

test('a fixture file: relative to where npm was called (INIT_CWD), a BOM tolerated, expiresAt read like expires_at', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sharokey-fixtures-'));
  writeFileSync(join(dir, 'f.json'), '\uFEFF' + JSON.stringify({ companies: [{ id: 'a', tokens: [
    { token: 'a-live-token', user: 'a@a.test', scopes: ['read'] },
    { token: 'a-gone-token', user: 'b@a.test', scopes: ['read'], expiresAt: '2000-01-01T00:00:00Z' },
  ] }] }));
  const before = process.env['INIT_CWD'];
  process.env['INIT_CWD'] = dir;
  try {
    const mock = await startMock({ port: 0, fixtures: 'f.json' });
    try {
      const api = client(mock.url);
      expect((await api.get('/secrets', { token: 'a-live-token' })).status).toBe(200);
      expect((await api.get('/secrets', { token: 'a-gone-token' })).status).toBe(401);
    } finally {
      await mock.close();
    }
  } finally {
    if (before === undefined) delete process.env['INIT_CWD'];
    else process.env['INIT_CWD'] = before;
    rmSync(dir, { recursive: true });
  }
});

test('without fixtures the built-in demo is used', async () => {
  const mock = await startMock({ port: 0 });
  try {
    const api = client(mock.url);
    expect((await api.get('/secrets', { token: 'demo-admin-token' })).status).toBe(200);
    expect((await api.get('/secrets', { token: 'demo-reader-token' })).status).toBe(200);
    expect((await api.get('/secrets', { token: 'demo-revoked-token' })).status).toBe(401);
    expect((await api.get('/secrets', { token: 'other-admin-token' })).status).toBe(200);
    expect((await api.get('/secrets-stats', { token: 'demo-multi-token', headers: { 'X-Sharokey-Company': 'other' } })).status).toBe(200);
  } finally {
    await mock.close();
  }
});
