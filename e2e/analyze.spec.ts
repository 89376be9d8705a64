// analyzeStats(): the statistics document's insights, computed in the page with no network.
import { test, expect, run, rejected, mock } from './helpers.ts';

const base = { total_secrets: 100, active_secrets: 10, expired_secrets: 90, total_views: 250, secrets_with_password: 40, secrets_created_today: 5, secrets_created_this_week: 20, secrets_created_this_month: 60 };
const analyze = (page: Parameters<typeof run>[0], s: unknown) => run(page, (s) => window.Sharokey.analyzeStats(s as never), s);

test('rates and readings of the statistics document', async ({ sk }) => {
  expect(await analyze(sk, base)).toEqual({
    passwordProtectionRate: 40, viewEfficiency: 2.5, expirationRate: 90, activeRate: 10,
    activityLevel: 'normal', retention: 'moderate', retentionHealth: 'good', recommendations: [],
    // The same figures under the snake_case names of the statistics document's example.
    password_protection_rate: 40, view_efficiency: 2.5, expiration_rate: 90, active_rate: 10,
    activity_level: 'normal', retention_health: 'good',
  });
  expect(await mock.log()).toEqual([]);
});

test('the thresholds, each on both sides', async ({ sk }) => {
  const at = async (patch: Partial<typeof base>) => (await analyze(sk, { ...base, ...patch })) as unknown as Record<string, unknown> & { recommendations: string[] };
  expect((await at({ secrets_with_password: 29 })).recommendations.join()).toMatch(/have a password/);
  expect((await at({ secrets_with_password: 30 })).recommendations).toEqual([]);
  expect((await at({ active_secrets: 51 })).recommendations.join()).toMatch(/expiration/);
  expect((await at({ active_secrets: 50 })).recommendations).toEqual([]);
  expect((await at({ secrets_created_today: 51 })).recommendations.join()).toMatch(/rate limits/);
  expect((await at({ secrets_created_today: 50 })).recommendations.join()).not.toMatch(/rate limits/);
  expect((await at({ secrets_created_today: 11 })).activityLevel).toBe('high');
  expect((await at({ secrets_created_today: 10 })).activityLevel).toBe('normal');
  expect((await at({ secrets_created_this_week: 51 })).activityLevel).toBe('high');
  expect((await at({ secrets_created_this_week: 50 })).activityLevel).toBe('normal');
  expect((await at({ active_secrets: 21 })).retention).toBe('high');
  expect((await at({ active_secrets: 20 })).retention).toBe('moderate');
  expect((await at({ active_secrets: 5 })).retention).toBe('moderate');
  expect((await at({ active_secrets: 4 })).retention).toBe('low');
  expect((await at({ active_secrets: 20 })).retentionHealth).toBe('review');
  expect((await at({ active_secrets: 19 })).retentionHealth).toBe('good');
});

test('zero secrets: null rates, never NaN or Infinity', async ({ sk }) => {
  const zero = Object.fromEntries(Object.keys(base).map((k) => [k, 0]));
  const r = await analyze(sk, zero);
  expect(r).toMatchObject({ passwordProtectionRate: null, viewEfficiency: null, expirationRate: null, activeRate: null, retention: null, retentionHealth: null, activityLevel: 'normal', recommendations: [] });
  expect(JSON.stringify(r)).not.toMatch(/NaN|Infinity/);
});

test('not a statistics object, or a field that is not a count: a ValidationError naming it', async ({ sk }) => {
  for (const bad of [null, 'x', 5, { ...base, total_secrets: -1 }, { ...base, total_views: NaN }, { ...base, active_secrets: '1e3' }, { ...base, expired_secrets: true }, { ...base, total_views: [5] }]) {
    rejected(await run(sk, async (s) => window.Sharokey.analyzeStats(s as never), bad), 'ValidationError');
  }
  // Values that cannot cross into the page as JSON, built in it: a BigInt, a Symbol, Infinity.
  for (const bad of ['10n', 'Symbol("s")', 'Infinity']) {
    rejected(await run(sk, async (code) => window.Sharokey.analyzeStats({ total_secrets: new Function('return ' + code)() } as never), bad), 'ValidationError');
  }
  expect((await analyze(sk, { ...base, total_secrets: 1e21 }) as { passwordProtectionRate: number }).passwordProtectionRate).toBeGreaterThan(0);
  const e = rejected(await run(sk, async () => window.Sharokey.analyzeStats({ ...{ total_secrets: 1 }, secrets_with_password: 'x' } as never)), 'ValidationError');
  expect(Object.keys(e.details!)).toEqual(['secrets_with_password']);
});

test('a partial object, counts as text, or the whole API answer: what can be computed is, the rest is null', async ({ sk }) => {
  // The statistics document's own example reads only three fields.
  expect(await analyze(sk, { total_secrets: 10, active_secrets: 1, secrets_with_password: 2 })).toMatchObject({
    passwordProtectionRate: 20, activeRate: 10, viewEfficiency: null, expirationRate: null,
    activityLevel: 'normal', retentionHealth: 'good', recommendations: [expect.stringMatching(/have a password/)],
  });
  // No total: no rate, and no advice that needs one.
  const none = await analyze(sk, {});
  expect(none).toMatchObject({ passwordProtectionRate: null, activeRate: null, retention: null, activityLevel: 'normal', recommendations: [] });
  expect(JSON.stringify(none)).not.toMatch(/NaN|Infinity/);
  const text = Object.fromEntries(Object.entries(base).map(([k, v]) => [k, String(v)]));
  expect(await analyze(sk, text)).toEqual(await analyze(sk, base));
  expect(await analyze(sk, { success: true, data: base })).toEqual(await analyze(sk, base));
});

test('it reads what getStats() returns', async ({ sk }) => {
  const r = await run(sk, async () => {
    await window.Sharokey.create('a', 1, 1, { password: 'abcd' });
    await window.Sharokey.create('b', 1, 1);
    return window.Sharokey.analyzeStats(await window.Sharokey.getStats());
  });
  expect(r).toMatchObject({ passwordProtectionRate: 50, activeRate: 100, retentionHealth: 'review' });
});
