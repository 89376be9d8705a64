// Fixtures: the PROTOCOL shape, defaults for what is left out, clear errors for what is wrong.
import { test, expect } from '@playwright/test';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startMock } from '../../mock/server.ts';
import { client, rawHttp, secretBody } from './helpers.ts';

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
  // The company's own defaults (docs/mock.md): its id as its name, a quota of 1000.
  const { loadFixtures } = await import('../../mock/fixtures.ts');
  expect(loadFixtures({ companies: [{ id: 'solo', tokens: [] }] } as never).companies.get('solo')).toMatchObject({ id: 'solo', name: 'solo', quota: 1000 });
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
    [{ companies: [{ id: 'a', tokens: [{ token: 't', user: 'u', scopes: [5] }] }] }, /scopes/],
    [{ companies: [{ id: 'a', tokens: [{ token: 't', user: 'u', scopes: { read: true } }] }] }, /scopes/],
    [{ companies: [{ id: 'a', tokens: [{ token: 't', user: 'u', scopes: [] }, { token: 't', user: 'v', scopes: [] }] }] }, /duplicate token/],
    [{ companies: [{ id: 'a' }], users: [{ token: 'u', user: 'u', companies: 'a', scopes: [] }] }, /users\[0\].*companies/],
    [{ companies: [{ id: 'a', tokens: [{ token: 't', user: 'u', scopes: [], expired: 'yes' }] }] }, /expired.*true or false/],
    [{ companies: [{ id: 'a', quota: -1 }] }, /quota/],
    [{ companies: [], rateLimit: { perMinute: 0 } }, /perMinute/],
    [{ companies: [{ id: 'a', tokens: [{ token: 't', user: 'u', scopes: [], revoked: 'true' }] }] }, /revoked.*true or false/],
    [{ companies: [{ id: 'a' }, { id: 'a' }] }, /companies\[1\]: duplicate id "a"/],
    [{ companies: [{ id: 'a', tokens: { token: 't' } }] }, /companies\[0\]: "tokens" must be an array/],
    [{ companies: [{ id: 'a', tokens: [{ user: 'u', scopes: [] }] }] }, /companies\[0\]\.tokens\[0\]: "token" must be a non-empty string/],
    [{ companies: [{ id: 'a', tokens: [{ token: 't', user: 5, scopes: [] }] }] }, /tokens\[0\]: "user" must be a string/],
    [{ companies: [{ id: 'a' }], users: { token: 'u' } }, /"users" must be an array/],
    // A wrong type is refused, never read as something else (120 per minute for "rateLimit": 2, a date for 5).
    [{ companies: [{ id: 'a', name: 5 }] }, /companies\[0\].*"name" must be a string/],
    [{ companies: [], rateLimit: 2 }, /"rateLimit" must be an object/],
    [{ companies: [], rateLimit: [5] }, /"rateLimit" must be an object/],
    [{ companies: [{ id: 'a', tokens: [{ token: 't', user: 'u', scopes: [], expires_at: 5 }] }] }, /expires_at.*ISO 8601/],
    [{ companies: [{ id: 'a', tokens: [{ token: 't', user: 'u', scopes: [], expires_at: ['2030-01-01'] }] }] }, /expires_at.*ISO 8601/],
    [{ companies: [{ id: 'a' }], users: [{ token: 'u', user: 'u', companies: ['a'], scopes: [], expires_at: 2030 }] }, /users\[0\].*expires_at/],
    // Text that Date.parse would read anyway: an impossible day, another format, the process's own zone.
    ...['2030-02-30', '2030-13-01', '2030-01-01T24:00', '2030-01-01 10:00 PM', 'Jan 1 2030', '2030-01-01T10:00+25:00', '2030-1-1'].map((expires_at): [unknown, RegExp] =>
      [{ companies: [{ id: 'a', tokens: [{ token: 't', user: 'u', scopes: [], expires_at }] }] }, /expires_at.*ISO 8601/]),
    // A token HTTP could never carry back as "Bearer TOKEN".
    [{ companies: [{ id: 'a', tokens: [{ token: 'abc def', user: 'u', scopes: [] }] }] }, /token.*spaces or control/],
    [{ companies: [{ id: 'a', tokens: [{ token: 'line\nbreak', user: 'u', scopes: [] }] }] }, /token.*spaces or control/],
  ];
  for (const [fixtures, message] of cases) {
    await expect(startMock({ port: 0, fixtures: fixtures as any })).rejects.toThrow(message);
  }
  await expect(startMock({ port: 0, fixtures: 'no/such/fixtures.json' })).rejects.toThrow(/Cannot read fixtures/);
});

test('a fixture file: relative to where `npm run mock` was called (INIT_CWD), a BOM tolerated, expiresAt read like expires_at; started otherwise, relative to the working directory', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sharokey-fixtures-'));
  writeFileSync(join(dir, 'f.json'), '\uFEFF' + JSON.stringify({ companies: [{ id: 'a', tokens: [
    { token: 'a-live-token', user: 'a@a.test', scopes: ['read'] },
    { token: 'a-gone-token', user: 'b@a.test', scopes: ['read'], expiresAt: '2000-01-01T00:00:00Z' },
  ] }] }));
  const before = process.env['INIT_CWD'], script = process.env['npm_lifecycle_event'];
  process.env['INIT_CWD'] = dir;
  // Another script's INIT_CWD (npm test run from a subfolder) is not where --fixtures was typed.
  process.env['npm_lifecycle_event'] = 'test';
  try {
    await expect(startMock({ port: 0, fixtures: 'f.json' })).rejects.toThrow(/Cannot read fixtures/);
    process.env['npm_lifecycle_event'] = 'start'; // npm start, with SHAROKEY_MOCK_FIXTURES
    await (await startMock({ port: 0, fixtures: 'f.json' })).close();
    process.env['npm_lifecycle_event'] = 'mock';
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
    if (script === undefined) delete process.env['npm_lifecycle_event'];
    else process.env['npm_lifecycle_event'] = script;
    rmSync(dir, { recursive: true });
  }
});

test('expires_at: a time without a zone is UTC, whatever the mock process\'s zone; a date is UTC midnight', async () => {
  const { loadFixtures } = await import('../../mock/fixtures.ts');
  const tokens = ['2030-01-01T00:00:00', '2030-01-01 00:00:00', '2030-01-01', '2030-01-01T00:00:00Z', '2030-01-01T02:00:00+02:00', '2029-12-31T22:30-01:30', '2030-01-01T00:00:00.000z', '2030-01-01T00:00'].map((expires_at, i) => ({ token: 'token-' + i, user: 'u', scopes: [], expires_at }));
  const before = process.env['TZ'];
  process.env['TZ'] = 'Pacific/Kiritimati'; // UTC+14: a local reading would be 14 hours early
  try {
    const loaded = loadFixtures({ companies: [{ id: 'a', tokens: tokens as never }] });
    expect([...loaded.tokens.values()].map((t) => t.expiresAt)).toEqual(tokens.map(() => Date.UTC(2030, 0, 1)));
  } finally {
    if (before === undefined) delete process.env['TZ'];
    else process.env['TZ'] = before;
  }
});

test('fixtures written otherwise than ours still start, read as their writer meant: scopes left out or "*" are all, a string of them, any case; an unknown scope grants nothing; no user; a user\'s unknown company left out; "expired": true and "expires"; a token and a company id sent as UTF-8', async () => {
  const fixtures = {
    companies: [
      { id: 'société', name: 'Société Générale de Tests', tokens: [
        { token: 'all-by-default' },
        { token: 'star-token', user: 's@x.test', scopes: ['*'] },
        { token: 'spaced-scopes', user: 's@x.test', scopes: 'READ, Stats' },
        { token: 'admin-scope', user: 'a@x.test', scopes: ['admin', 'read'] },
        { token: 'expired-flag', user: 'e@x.test', scopes: ['read'], expired: true },
        { token: 'expired-date', user: 'e@x.test', scopes: ['read'], expires: '2001-01-01' },
        { token: 'tökén-ünï', user: 'u@x.test', scopes: ['read'] },
      ] },
      { id: 'b', tokens: [{ token: 'b-admin-token', user: 'b@b.test', scopes: ['read', 'write', 'stats'] }] },
    ],
    users: [
      { token: 'half-known-user', user: 'h@x.test', companies: ['nowhere', 'b', 'société'], scopes: ['read'] },
      { token: 'unknown-only-user', user: 'n@x.test', companies: ['nowhere'], scopes: ['read'] },
    ],
  };
  const { loadFixtures } = await import('../../mock/fixtures.ts');
  const loaded = loadFixtures(fixtures as never);
  expect(loaded.warnings).toEqual([
    'companies[0].tokens[3]: scope "admin" is none of read, write, stats: it grants nothing',
    'users[0]: no company "nowhere" in the fixtures: left out',
    'users[1]: no company "nowhere" in the fixtures: left out',
  ]);
  expect(loaded.tokens.get('all-by-default')).toMatchObject({ user: '', scopes: new Set(['read', 'write', 'stats']) });
  const mock = await startMock({ port: 0, fixtures: fixtures as never });
  try {
    const api = client(mock.url);
    const status = async (token: string, path = '/secrets', headers: Record<string, string> = {}) => (await api.get(path, { token, headers })).status;
    expect(await status('all-by-default', '/secrets-stats')).toBe(200);
    expect((await api.post('/secrets', { token: 'all-by-default', body: secretBody() })).status).toBe(201);
    expect(await status('star-token', '/tokens-stats')).toBe(200);
    expect([await status('spaced-scopes'), await status('spaced-scopes', '/secrets-stats')]).toEqual([200, 200]);
    expect((await api.post('/secrets', { token: 'spaced-scopes', body: secretBody() })).status).toBe(403);
    expect([await status('admin-scope'), await status('admin-scope', '/secrets-stats')]).toEqual([200, 403]);
    expect([await status('expired-flag'), await status('expired-date')]).toEqual([401, 401]);
    // A user of one known company of three acts for the known ones, the first by default.
    expect(await status('half-known-user')).toBe(200);
    expect(await status('half-known-user', '/secrets', { 'X-Sharokey-Company': 'nowhere' })).toBe(403);
    const forbidden = await api.get('/secrets', { token: 'unknown-only-user' });
    expect([forbidden.status, forbidden.body.error.code, forbidden.body.error.message]).toEqual([403, 'PERMISSION_DENIED', 'You do not have permission to access this company']);
    // UTF-8 bytes in the headers (as curl sends them; fetch cannot): the token, and a company id.
    const utf8 = (text: string) => Buffer.from(text, 'utf8');
    const get = async (headers: Buffer[]) => (await rawHttp(mock.origin, [Buffer.concat([utf8('GET /api/v1/secrets HTTP/1.1\r\nHost: x\r\nConnection: close\r\n'), ...headers, utf8('\r\n')])])).split(' ')[1];
    expect(await get([utf8('Authorization: Bearer tökén-ünï\r\n')])).toBe('200');
    expect(await get([utf8('Authorization: Bearer tökén-üni\r\n')])).toBe('401');
    expect(await get([utf8('Authorization: Bearer half-known-user\r\nX-Sharokey-Company: société\r\n')])).toBe('200');
  } finally {
    await mock.close();
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
