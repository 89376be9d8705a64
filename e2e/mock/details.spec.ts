// Mock details that no other test pinned down (each found by scripts/mutants.mjs):
// short-token hints, the clock's sweep, expired tokens, the
// Bearer scheme's case, the exposed rate-limit headers.
import { test, expect } from '@playwright/test';
import { tokenHint } from '../../mock/log.ts';
import { Store, type SecretRecord } from '../../mock/store.ts';
import { useMock } from './helpers.ts';

const { api } = useMock({
  companies: [{ id: 'c', name: 'C', tokens: [
    { token: 'c-admin-token', user: 'a@c.test', scopes: ['read', 'write', 'stats'] },
    { token: 'c-old-token', user: 'b@c.test', scopes: ['read'], expires_at: '2000-01-01T00:00:00Z' },
    { token: 'c-gone-token', user: 'd@c.test', scopes: ['read'], revoked: true },
  ] }],
});

test('a 4-character token is hinted by half of it, a longer one by its last 4', () => {
  expect(tokenHint('abcd')).toBe('cd');
  expect(tokenHint('abcde')).toBe('bcde');
});

test('advancing the clock drops the ciphertext of what expired', () => {
  const store = new Store();
  const s = { slug: 'abcdEFGH', content: 'x', iv: 'x', salt: 'x', key: 'x', attachments: [], deleted: false, expiration: store.now() + 3_600_000,
    currentViews: 0, maximumViews: 1, otpCodes: new Map() } as unknown as SecretRecord;
  store.secrets.set(s.slug, s);
  store.advance(2);
  expect(s.content).toBeNull();
});

test('tokens-stats: an expired token counts as expired, not revoked', async () => {
  const d = (await api.get('/tokens-stats', { token: 'c-admin-token' })).body.data;
  expect(d).toMatchObject({ total_tokens: 3, active_tokens: 1, revoked_tokens: 1, expired_tokens: 1 });
});

test('the Bearer scheme is case-insensitive', async () => {
  expect((await api.get('/secrets', { headers: { Authorization: 'bearer c-admin-token' } })).status).toBe(200);
});

test('CORS exposes X-RateLimit-Limit', async () => {
  const res = await api.get('/secrets', { token: 'c-admin-token' });
  expect(res.headers.get('x-ratelimit-limit')).not.toBeNull();
  expect(res.headers.get('access-control-expose-headers')).toContain('X-RateLimit-Limit');
});
