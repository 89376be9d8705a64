// Routes without a token are limited per client address: the socket's, not
// X-Forwarded-For's, which any caller can set (found by scripts/mutants.mjs).
import { test, expect } from '@playwright/test';
import { useMock } from './helpers.ts';

const { api } = useMock({ companies: [{ id: 'c', name: 'C', tokens: [{ token: 'c-one-token', user: 'one@c.test', scopes: ['read'] }] }], rateLimit: { perMinute: 3 } });

test('a new X-Forwarded-For on every call does not escape the per-address limit', async () => {
  for (let i = 0; i < 3; i++) expect((await api.get('/public/secrets/abcdEFGH', { headers: { 'X-Forwarded-For': `203.0.113.${i + 1}` } })).status).toBe(404);
  expect((await api.get('/public/secrets/abcdEFGH', { headers: { 'X-Forwarded-For': '203.0.113.99' } })).status).toBe(429);
});
