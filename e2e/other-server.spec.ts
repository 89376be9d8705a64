// A server that follows PROTOCOL.md but chooses otherwise than the mock where
// the document leaves room (found by driving the built script against one
// written from the documents alone). The answers are the mock's faults, so the
// built script sees them over HTTP.
import { test, expect, run, rejected, mock } from './helpers.ts';

const answer = (data: unknown, extra: Record<string, unknown> = {}, status = 200) => ({ status, body: JSON.stringify({ success: true, message: 'ok', data, ...extra }) });
const PAGINATION = { current_page: 2, per_page: 1, total: 3, last_page: 3 };

test('"Lists also carry pagination": beside data, in data, or in meta, list() and listRequests() find it', async ({ sk }) => {
  const shapes = [{ pagination: PAGINATION }, { meta: { pagination: PAGINATION } }];
  for (const extra of shapes) {
    await mock.fault({ path: '/secrets', method: 'GET', ...answer([{ slug: 'AbCdEfGh' }], extra) });
    expect(await run(sk, () => window.Sharokey.list())).toEqual({ items: [{ slug: 'AbCdEfGh' }], pagination: PAGINATION });
    await mock.fault({ path: '/requests', method: 'GET', ...answer([{ token: 'TokEn123' }], extra) });
    expect(await run(sk, () => window.Sharokey.listRequests())).toEqual({ items: [{ token: 'TokEn123' }], pagination: PAGINATION });
  }
  await mock.fault({ path: '/secrets', method: 'GET', ...answer({ items: [{ slug: 'AbCdEfGh' }], pagination: PAGINATION }) });
  expect(await run(sk, () => window.Sharokey.list())).toEqual({ items: [{ slug: 'AbCdEfGh' }], pagination: PAGINATION });
});

test('a completed request without the key it was sealed to has nothing to open: REQUEST_CLOSED, not a CryptoError', async ({ sk }) => {
  await mock.fault({ path: '/requests/TokEn123', method: 'GET', ...answer({ token: 'TokEn123', status: 'completed', sealed_key: 'x.y.z', secret_url: 'https://share.example/s/AbCdEfGh' }) });
  const e = rejected(await run(sk, () => window.Sharokey.openRequest(location.origin + '/i/TokEn123#' + 'd'.repeat(43))), 'NotFoundError');
  expect([e.code, e.message]).toEqual(['REQUEST_CLOSED', 'No answer will open: the request is completed']);
});
