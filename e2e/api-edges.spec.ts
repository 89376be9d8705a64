// Details of the script's API that no other test pinned down (each found by
// the third round of scripts/mutants.mjs).
import { test, expect, run, mock, MOCK_URL } from './helpers.ts';

test('getStats() and requestStats() take one bound alone: from without to, to without from', async ({ sk }) => {
  const today = new Date().toISOString().slice(0, 10);
  const r = await run(sk, async (today) => {
    const S = window.Sharokey;
    await S.create('counted', 1, 1);
    return [(await S.getStats({ from: today })).total_secrets, (await S.getStats({ to: today })).total_secrets,
      (await S.requestStats({ from: today })).total_requests, (await S.requestStats({ to: '2000-01-01' })).total_requests];
  }, today);
  expect(r).toEqual([1, 1, 0, 0]);
  const paths = (await mock.apiLog()).map((l) => l.path);
  expect(paths).toEqual(expect.arrayContaining([`/api/v1/secrets-stats?from=${today}`, `/api/v1/secrets-stats?to=${today}`,
    `/api/v1/requests-stats?from=${today}`, '/api/v1/requests-stats?to=2000-01-01']));
});

test('listRequests({ status: "completed" }) lists the answered requests only', async ({ sk }) => {
  const r = await run(sk, async () => {
    const S = window.Sharokey;
    await S.createRequest({ description: 'open one' });
    const answered = await S.createRequest({ description: 'answered one' });
    await S.respond(answered.url, 'the answer');
    return (await S.listRequests({ status: 'completed' })).items.map((i) => i.description);
  });
  expect(r).toEqual(['answered one']);
  expect((await mock.apiLog()).map((l) => l.path)).toContain('/api/v1/requests?status=completed');
});

test('config() refuses an apiUrl without a host ("https://")', async ({ sk }) => {
  const r = await run(sk, () => {
    try {
      window.Sharokey.createClient({ apiUrl: 'https://' });
      return 'accepted';
    } catch (e) {
      return (e as Error).name;
    }
  });
  expect(r).toBe('ValidationError');
});

test('a timeout too long for a timer (2^31 ms) is refused, never an instant TimeoutError', async ({ sk }) => {
  const r = await run(sk, async (apiUrl) => {
    let c;
    try {
      c = window.Sharokey.createClient({ apiUrl, timeout: 2 ** 31, retries: 0 });
    } catch (e) {
      return (e as Error).name;
    }
    return (await c.health()).status;
  }, MOCK_URL);
  expect(r).toBe('ValidationError');
});

test('an option given as null is not given: no null reaches the wire (a server may refuse null for an optional string)', async ({ sk }) => {
  await run(sk, async () => {
    const S = window.Sharokey;
    const none = { description: null, message: null, ipWhitelist: null, geolocation: null, password: null, otpEmail: null, captcha: null } as unknown as Record<string, never>;
    await S.create('nulls left out', 1, 1, none);
    const req = await S.createRequest({ description: null, message: null, emailTo: null, emailReply: null, locale: null } as unknown as Record<string, never>);
    await S.respond(req.url, 'an answer', none);
  });
  const posts = (await mock.apiLog()).filter((l) => l.method == 'POST');
  expect(posts.map((l) => l.path.split('/').pop())).toEqual(['secrets', 'requests', 'respond']);
  for (const { body } of posts) expect(body).not.toContain('null');
});
