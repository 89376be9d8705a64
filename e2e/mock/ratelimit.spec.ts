// The rate limit: per token, per client address without a token, 60-second window.
import { test, expect } from '@playwright/test';
import { useMock } from './helpers.ts';

const { mock, api } = useMock({
  companies: [{ id: 'c', name: 'C', tokens: [
    { token: 'c-one-token', user: 'one@c.test', scopes: ['read', 'write'] },
    { token: 'c-two-token', user: 'two@c.test', scopes: ['read'] },
  ] }],
  rateLimit: { perMinute: 3 },
});

test('under the limit answers carry X-RateLimit-Remaining; over it, 429 with Retry-After', async () => {
  const remaining: Array<string | null> = [];
  for (let i = 0; i < 3; i++) {
    const res = await api.get('/secrets', { token: 'c-one-token' });
    expect(res.status).toBe(200);
    remaining.push(res.headers.get('x-ratelimit-remaining'));
  }
  expect(remaining).toEqual(['2', '1', '0']);
  const over = await api.get('/secrets', { token: 'c-one-token' });
  expect(over.status).toBe(429);
  expect(over.body).toEqual({ success: false, error: { code: 'RATE_LIMIT_EXCEEDED', message: expect.any(String) } });
  const retry = Number(over.headers.get('retry-after'));
  expect(Number.isInteger(retry)).toBe(true);
  expect(retry).toBeGreaterThanOrEqual(1);
  expect(retry).toBeLessThanOrEqual(60);
  expect(over.headers.get('access-control-expose-headers')).toContain('Retry-After');
});

test('each token has its own window, and advancing the mock clock does not refill it', async () => {
  for (let i = 0; i < 3; i++) await api.get('/secrets', { token: 'c-one-token' });
  await api.advance(1);
  expect((await api.get('/secrets', { token: 'c-one-token' })).status).toBe(429);
  expect((await api.get('/secrets', { token: 'c-two-token' })).status).toBe(200);
});

test('routes without a token are limited per client address', async () => {
  for (let i = 0; i < 3; i++) expect((await api.get('/public/secrets/abcdEFGH')).status).toBe(404);
  const over = await api.get('/public/secrets/abcdEFGH');
  expect(over.status).toBe(429);
  expect(Number(over.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
  // Unknown tokens share the address window too (no free guessing).
  expect((await api.get('/secrets', { token: 'guess-token' })).status).toBe(429);
  // A known token has its own window.
  expect((await api.get('/secrets', { token: 'c-one-token' })).status).toBe(200);
});

test('preflights and the test controls are never limited', async () => {
  for (let i = 0; i < 3; i++) await api.get('/secrets', { token: 'c-one-token' });
  for (let i = 0; i < 6; i++) {
    expect((await fetch(`${mock.url}/secrets`, { method: 'OPTIONS' })).status).toBe(204);
    expect((await api.get('/_mock/log')).status).toBe(200);
  }
});

test('/health has no token, so it is limited per client address, in the window of the public routes', async () => {
  const health = [];
  for (let i = 0; i < 4; i++) health.push((await api.get('/health')).status);
  expect(health).toEqual([200, 200, 200, 429]);
  expect((await api.get('/public/secrets/abcdEFGH')).status).toBe(429);
  // A token's own window is untouched.
  expect((await api.get('/secrets', { token: 'c-one-token' })).status).toBe(200);
});
