// No error message, error detail or console line contains the token, keyB,
// a password or the plaintext, across every kind of failure.
import { test, expect, run, mock } from '../helpers.ts';

const TOKEN = 'acme-admin-token';
const PLAIN = 'plaintext-that-must-not-leak-42';
const PASSWORD = 'password-that-must-not-leak';

test('errors and console lines carry no secret, across every failure', async ({ sk }) => {
  const consoleLines: string[] = [];
  sk.on('console', (m) => consoleLines.push(m.text()));
  const r = (await run(sk, async ({ PLAIN, PASSWORD, TOKEN }) => {
    const S = window.Sharokey;
    const s = await S.create(PLAIN, 1, 2, { password: PASSWORD });
    const keyB = s.share_url.split('#')[1]!;
    const caught: unknown[] = [];
    const grab = (p: Promise<unknown>) => p.then(() => caught.push('resolved'), (e) => caught.push(e));
    // Client-side validation with the secrets in the input
    await grab(S.create(PLAIN.repeat(20), 1, 1, { password: PASSWORD }));
    await grab(S.create(PLAIN, 0, 1, { password: PASSWORD + 'x'.repeat(100) }));
    await grab(S.reveal(s.share_url.slice(0, -3)));
    await grab(S.reveal(s.share_url + 'x', { password: PASSWORD }));
    await grab(S.openRequest(s.share_url));
    await grab(S.respond(s.share_url, PLAIN.repeat(20)));
    // Server-side refusals
    await grab(S.reveal(s.share_url, { password: PASSWORD + '!' }));
    await grab(S.reveal(s.share_url));
    await grab(S.createClient({ apiUrl: S.getConfig().apiUrl, token: TOKEN + '-revoked' }).create(PLAIN, 1, 1, { password: PASSWORD }));
    // Crypto: the right slug with a wrong key
    await grab(S.reveal(s.share_url.replace(/#./, (m) => (m == '#A' ? '#B' : '#A')), { password: PASSWORD }));
    // Network: nobody there
    await grab(S.createClient({ apiUrl: 'http://127.0.0.1:9/api/v1', token: TOKEN, retries: 0 }).create(PLAIN, 1, 1, { password: PASSWORD }));
    // No token
    await grab(S.createClient({ apiUrl: S.getConfig().apiUrl }).create(PLAIN, 1, 1, { password: PASSWORD }));
    const seen = caught.map((e) => {
      const x = e as Error & { details?: unknown; code?: string; cause?: unknown };
      return [x.name, x.message, JSON.stringify(x.details ?? null), x.code, String(x.cause ?? ''), String(x.stack ?? '')].join(' | ');
    });
    return { keyB, seen, names: caught.map((e) => (e as Error).name) };
  }, { PLAIN, PASSWORD, TOKEN })) as { keyB: string; seen: string[]; names: string[] };
  expect(r.names).toEqual(['ValidationError', 'ValidationError', 'ValidationError', 'ValidationError', 'ValidationError', 'ValidationError', 'PermissionError', 'PermissionError', 'AuthenticationError', 'CryptoError', 'NetworkError', 'AuthenticationError']);
  const lines = [...r.seen, ...consoleLines];
  for (const line of lines) for (const secret of [TOKEN, r.keyB, PASSWORD, PLAIN]) expect(line, 'a secret in: ' + line.slice(0, 200)).not.toContain(secret);
  // The check itself can fail: the keyB is really there to be found in the share URL.
  expect(r.keyB).toMatch(/^[A-Za-z0-9]{24}$/);
  console.log(`secrets in errors: ${r.seen.length} errors (message, details, code, cause, stack) and ${consoleLines.length} console lines checked, 0 leaks`);
  expect((await mock.apiLog()).length).toBeGreaterThan(0);
});
