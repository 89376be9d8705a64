// A long session with the mock. One answer, one instant of the mock clock: a
// list filtered by status never holds an item whose own status says
// otherwise, even while its items expire in real time during the request (the
// filter and the item's field read the clock once). And memory stays bounded:
// the outbox keeps its latest 5000 messages.
import { test, expect } from '@playwright/test';
import { createSecret, secretBody, useMock } from './helpers.ts';

const TOKEN = 'big-admin-token';
const { api } = useMock({
  companies: [{ id: 'big', name: 'Big', quota: 1000, tokens: [{ token: TOKEN, user: 'b@big.test', scopes: ['read', 'write', 'stats'] }] }],
  rateLimit: { perMinute: 100_000 },
});

for (const [what, path, body] of [
  ['secrets', '/secrets', () => secretBody({ expiration_hours: 1 })],
  ['requests', '/requests', () => ({ request_expiration_hours: 1 })],
] as const) {
  test(`?status= of ${what}: while a thousand expire one by one, no listed item contradicts the filter`, async () => {
    const started = Date.now();
    for (let i = 0; i < 10; i++) await Promise.all(Array.from({ length: 100 }, () => api.post(path, { token: TOKEN, body: body() })));
    const spread = Date.now() - started;
    // The first ones expire 300 ms from now, the last ones `spread` later: lists run across it.
    expect((await api.post('/_mock/clock', { body: { advance_hours: (3_600_000 - (Date.now() - started) - 300) / 3_600_000 } })).status).toBe(200);
    const end = Date.now() + spread + 800;
    let calls = 0;
    const seen = { active: 0, expired: 0 }; // items read of each status: each half of the check ran
    const contradicting: string[] = [];
    await Promise.all(Array.from({ length: 16 }, async (_, i) => {
      const want = i % 2 ? 'active' : 'expired';
      while (Date.now() < end) {
        const page = (await api.get(`${path}?status=${want}&limit=100&page=${1 + (i >> 1) % 10}`, { token: TOKEN })).body.data as { status: string }[];
        calls++;
        seen[want] += page.length;
        for (const item of page) if (item.status !== want) contradicting.push(`?status=${want} listed one ${item.status}`);
      }
    }));
    expect(calls).toBeGreaterThan(100);
    expect(seen.active).toBeGreaterThan(0);
    expect(seen.expired).toBeGreaterThan(0);
    expect(contradicting).toEqual([]);
  });
}

test('the outbox keeps its latest 5000 messages: the oldest go first', async () => {
  const slug = await createSecret(api, TOKEN, { otp_type: 'email', otp_receiver: 'bob@big.test' });
  for (let i = 0; i < 10; i++) await Promise.all(Array.from({ length: 501 }, () => api.post(`/public/secrets/${slug}/otp`)));
  const outbox = (await api.get('/_mock/outbox')).body.data as { code: string }[];
  expect(outbox).toHaveLength(5000);
  // The newest code is kept, and opens the secret.
  const open = await api.post(`/public/secrets/${slug}/open`, { body: { otp: outbox.at(-1)!.code } });
  expect(open.status).toBe(200);
});
