// Fault injection against the mock, as a matrix: each fault on a GET, a
// DELETE and a POST (create). Typed errors; retries only where safe; after a
// failed-then-retried create exactly one secret is stored.
import { test, expect, run, mock } from '../helpers.ts';

const HTML_502 = '<html><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>';
const RATE = JSON.stringify({ success: false, error: { code: 'RATE_LIMIT_EXCEEDED', message: 'Too many requests' } });

// name, fault, the error when it is not retried, whether GET/DELETE may retry it, whether POST may
const FAULTS: [string, Record<string, unknown>, string, boolean, boolean][] = [
  ['HTML 502 from a proxy', { status: 502, contentType: 'text/html', body: HTML_502 }, 'NetworkError', true, false],
  ['truncated JSON', { status: 200, truncate: true }, 'NetworkError', true, false],
  ['connection cut mid-answer', { status: 200, truncate: true, reset: true }, 'NetworkError', true, false],
  ['503', { status: 503 }, 'NetworkError', true, false],
  ['500 with an envelope', { status: 500, body: '{"success":false,"error":{"code":"SERVER_ERROR","message":"boom"}}' }, 'NetworkError', true, false],
  // (408 is not in the matrix: Chromium itself resends a request answered 408 on a reused
  // connection, so attempt counts would measure the browser. errors.spec.ts covers our 408 mapping.)
  ['429 with Retry-After: 1', { status: 429, headers: { 'Retry-After': '1' }, body: RATE }, 'RateLimitError', true, true],
  // No answer within `timeout`: GET and DELETE try again (API.md: "retried on no answer").
  ['a stall past the timeout', { delay_ms: 2500 }, 'TimeoutError', true, false],
  // The headers come, then half the body and nothing more.
  ['a body that stalls past the timeout', { status: 200, hold: true }, 'TimeoutError', true, false],
];

type Outcome = { ok: boolean; name?: string };

test(`fault injection: ${FAULTS.length} faults x (GET, DELETE, POST), once and as a burst`, async ({ sk }) => {
  test.setTimeout(240_000);
  await run(sk, () => void window.Sharokey.config({ retries: 2, timeout: 1500 }));
  let cases = 0;
  const failures: string[] = [];
  const check = (what: string, cond: boolean) => {
    cases++;
    if (!cond) failures.push(what);
  };
  for (const [name, fault, errorName, idempotentRetry, postRetry] of FAULTS) {
    for (const times of [1, 3]) {
      // GET
      await mock.reset();
      await mock.fault({ path: '/secrets', method: 'GET', times, ...fault });
      const get = (await run(sk, () => window.Sharokey.list().then(() => ({ ok: true }), (e) => ({ ok: false, name: e.name })))) as Outcome;
      const gets = (await mock.apiLog()).filter((l) => l.method == 'GET').length;
      const getRecovers = idempotentRetry && times < 3;
      check(`${name} x${times} GET outcome ${JSON.stringify(get)}`, getRecovers ? get.ok : !get.ok && get.name == errorName);
      check(`${name} x${times} GET attempts ${gets}`, gets == (idempotentRetry ? Math.min(times + 1, 3) : 1));

      // DELETE
      await mock.reset();
      const slug = (await mock.api('POST', '/secrets', 'acme-admin-token', {
        content: Buffer.alloc(17).toString('base64'), iv: Buffer.alloc(12).toString('base64'), salt: Buffer.alloc(16).toString('base64'), key: 'AAAAAAAA', expiration_hours: 1, maximum_views: 1,
      })).json.data.slug;
      await mock.clearLog();
      await mock.fault({ path: '/secrets/' + slug, method: 'DELETE', times, ...fault });
      const del = (await run(sk, (s) => window.Sharokey.delete(s).then(() => ({ ok: true }), (e) => ({ ok: false, name: e.name })), slug)) as Outcome;
      const dels = (await mock.apiLog()).filter((l) => l.method == 'DELETE').length;
      check(`${name} x${times} DELETE outcome ${JSON.stringify(del)}`, getRecovers ? del.ok : !del.ok && del.name == errorName);
      check(`${name} x${times} DELETE attempts ${dels}`, dels == (idempotentRetry ? Math.min(times + 1, 3) : 1));

      // POST: never retried but on 429; exactly one secret when it recovers, none when it does not.
      await mock.reset();
      await mock.fault({ path: '/secrets', method: 'POST', times, ...fault });
      const post = (await run(sk, () => window.Sharokey.create('fault test', 1, 1).then(() => ({ ok: true }), (e) => ({ ok: false, name: e.name })))) as Outcome;
      const posts = (await mock.apiLog()).filter((l) => l.method == 'POST').length;
      const stored = (await mock.api('GET', '/secrets')).json.data.length;
      const postRecovers = postRetry && times < 3;
      check(`${name} x${times} POST outcome ${JSON.stringify(post)}`, postRecovers ? post.ok : !post.ok && post.name == errorName);
      check(`${name} x${times} POST attempts ${posts}`, posts == (postRetry ? Math.min(times + 1, 3) : 1));
      check(`${name} x${times} secrets stored ${stored}`, stored == (postRecovers ? 1 : 0));
    }
  }
  console.log(`fault injection: ${cases} checks over ${FAULTS.length * 2 * 3} faulty calls, ${failures.length} failures`);
  expect(failures).toEqual([]);
});
