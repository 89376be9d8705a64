// A server that answers what PROTOCOL.md does not: links that are not web
// pages, redirects, success envelopes without the data they promise. The
// answers are the mock's faults, so the built script sees them over HTTP.
import { test, expect, run, rejected, mock, MOCK_ORIGIN, MOCK_URL } from './helpers.ts';

const ok = (data: unknown, status = 201) => ({ status, body: JSON.stringify({ success: true, message: 'ok', ...(data !== undefined && { data }) }) });

test('a share link the server names must be http(s): a javascript: or data: access_url (or none) is a NetworkError, never a share_url a page would put in an href', async ({ sk }) => {
  for (const access_url of ['javascript:alert(document.domain)//', 'data:text/html,<script>alert(1)</script>', undefined, '/s/relative']) {
    await mock.fault({ path: '/secrets', method: 'POST', ...ok({ slug: 'AbCdEfGh', access_url }) });
    const e = rejected(await run(sk, () => window.Sharokey.create('x', 1, 1)), 'NetworkError');
    expect(e.message, String(access_url)).toMatch(/not the protocol's/);
  }
  await mock.fault({ path: '/secrets', method: 'POST', ...ok({ slug: 'AbCdEfGh', access_url: 'https://share.example/s/AbCdEfGh' }) });
  expect(await run(sk, () => window.Sharokey.create('x', 1, 1).then((s) => s.share_url.split('#')[0]))).toBe('https://share.example/s/AbCdEfGh');
});

test('a request link must be http(s) too, and the inbox link is its origin alone (no user name, no path)', async ({ sk }) => {
  const request = { token: 'TokEn123', status: 'active' };
  await mock.fault({ path: '/requests', method: 'POST', ...ok({ request: { ...request, url: 'javascript:alert(1)//' } }) });
  rejected(await run(sk, () => window.Sharokey.createRequest()), 'NetworkError');
  await mock.fault({ path: '/requests', method: 'POST', ...ok({ request: { ...request, url: 'http://page.example@share.example:8443/en/r/TokEn123' } }) });
  const inbox = await run(sk, () => window.Sharokey.createRequest().then((r) => r.inbox_url.split('#')[0]));
  expect(inbox).toBe('http://share.example:8443/i/TokEn123');
});

test('no redirect is followed: a 307 on create is a NetworkError and the body goes nowhere else; a 302 on a GET is not followed either', async ({ sk }) => {
  await mock.fault({ path: '/secrets', method: 'POST', status: 307, body: '', headers: { Location: MOCK_URL + '/elsewhere' } });
  // Status 0: a browser's 'opaqueredirect'; the message names the likely cause.
  expect(rejected(await run(sk, () => window.Sharokey.create('follow me', 1, 1)), 'NetworkError')).toMatchObject({ status: 0, message: 'The server redirected: check apiUrl (POST /secrets: 0)' });
  await mock.fault({ path: '/health', status: 302, body: '', headers: { Location: MOCK_ORIGIN + '/api/v1/secrets' } });
  expect(rejected(await run(sk, () => window.Sharokey.health()), 'NetworkError').message).toMatch(/redirected/);
  expect((await mock.apiLog()).map((r) => r.method + ' ' + r.path)).toEqual(['POST /api/v1/secrets', 'GET /api/v1/health']);
});

test('a success envelope without the data it promises is a NetworkError (API.md: every rejection is a SharokeyError), never a raw TypeError', async ({ sk }) => {
  const calls: [string, Record<string, unknown>][] = [
    ["S.create('x', 1, 1)", { path: '/secrets', method: 'POST', ...ok(undefined) }],
    ['S.list()', { path: '/secrets', ...ok(5, 200) }],
    ['S.createRequest()', { path: '/requests', method: 'POST', ...ok(undefined) }],
    ["S.openRequest(location.origin + '/i/TokEn123#' + 'd'.repeat(43))", { path: '/requests/TokEn123', ...ok(undefined, 200) }],
  ];
  for (const [code, fault] of calls) {
    await mock.fault(fault);
    const r = await run(sk, (code) => new Function('S', 'return ' + code)(window.Sharokey), code);
    expect(rejected(r, 'NetworkError'), code).toMatchObject({ isSharokeyError: true });
  }
});

test('respond(): a success without data is a NetworkError, not a resolved undefined', async ({ sk }) => {
  const { token, url } = (await run(sk, () => window.Sharokey.createRequest())) as { token: string; url: string };
  await mock.fault({ path: `/public/requests/${token}/respond`, method: 'POST', ...ok(undefined) });
  rejected(await run(sk, (url) => window.Sharokey.respond(url, 'x'), url), 'NetworkError');
});

test("respond(): the request's hours and views are the server's to judge, not the caller's: sent as they came, never a ValidationError naming an argument respond() has not", async ({ sk }) => {
  const { token, url, public_key } = (await run(sk, () => window.Sharokey.createRequest())) as { token: string; url: string; public_key: string };
  await mock.fault({ path: `/public/requests/${token}`, method: 'GET', ...ok({ token, status: 'active', public_key, secret_expiration_hours: '24', maximum_views: 0 }, 200) });
  const e = await run(sk, (url) => window.Sharokey.respond(url, 'x').then(() => null, (e) => ({ name: e.name, status: e.status })), url);
  // The server refused or took it; either way it judged, and the body carried its own numbers.
  expect(e === null || (e as { status: number }).status > 0).toBe(true);
  const sent = JSON.parse((await mock.apiLog()).find((l) => l.method == 'POST' && l.path.endsWith('/respond'))!.body);
  expect([sent.expiration_hours, sent.maximum_views]).toEqual(['24', 0]);
});

test('reveal(): attachments that are not a list are a NetworkError, not a TypeError', async ({ sk }) => {
  const s = (await run(sk, () => window.Sharokey.create('x', 1, 2))) as { share_url: string; slug: string };
  // The genuine answer (its content opens), its attachments replaced.
  const genuine = (await mock.api('POST', `/public/secrets/${s.slug}/open`, null, {})).json.data;
  await mock.fault({ path: `/public/secrets/${s.slug}/open`, method: 'POST', ...ok({ ...genuine, attachments: 'not a list' }, 200) });
  rejected(await run(sk, (url) => window.Sharokey.reveal(url), s.share_url), 'NetworkError');
});

test("a caller's abort keeps its reason, even a TypeError (only what the server's answer breaks becomes a NetworkError)", async ({ sk }) => {
  const r = await run(sk, async () => {
    const mine = new TypeError('mine');
    const before = new AbortController();
    before.abort(mine);
    const a = await window.Sharokey.create('x', 1, 1, { signal: before.signal }).catch((e) => e === mine);
    const during = new AbortController();
    const pending = window.Sharokey.list({ signal: during.signal }).catch((e) => e === mine);
    during.abort(mine);
    return [a, await pending];
  });
  expect(r).toEqual([true, true]);
});

test("openRequest(): a secret_url that is no share link is the server's fault (a NetworkError, nothing opened), not the caller's input", async ({ sk }) => {
  const { token, url, inbox_url } = (await run(sk, () => window.Sharokey.createRequest())) as { token: string; url: string; inbox_url: string };
  await run(sk, (url) => window.Sharokey.respond(url, 'x'), url);
  // The genuine answered request (its sealed key opens with the inbox link), its secret_url broken.
  const genuine = (await run(sk, (token) => window.Sharokey.getRequest(token), token)) as { secret_url: string };
  for (const secret_url of ['https://share.example/s/not~a~slug!', 'no link at all', 42]) {
    await mock.fault({ path: `/requests/${token}`, method: 'GET', ...ok({ ...genuine, secret_url }, 200) });
    const e = rejected(await run(sk, (inbox) => window.Sharokey.openRequest(inbox), inbox_url), 'NetworkError');
    expect(e.message, String(secret_url)).toMatch(/not the protocol's/);
  }
  expect((await mock.apiLog()).filter((l) => l.path.includes('/public/secrets/'))).toEqual([]);
  // The same request, as the server gave it, opens.
  expect(await run(sk, (inbox) => window.Sharokey.openRequest(inbox).then((o) => o.content), inbox_url)).toBe('x');
  // What the server says of the secret itself stays what it is: its one view is used, a NotFoundError.
  rejected(await run(sk, (inbox) => window.Sharokey.openRequest(inbox), inbox_url), 'NotFoundError');
});

test("an abort whose reason is null keeps it (the retry loop read null's retryAfter); a call never throws: what reading its options throws (a page's getter, a revoked Proxy) rejects it, as the page's own error", async ({ sk }) => {
  await mock.fault({ path: '/health', delay_ms: 3000 });
  await mock.fault({ path: '/secrets', method: 'POST', delay_ms: 3000 });
  const r = await run(sk, async () => {
    const kept = async (call: (signal: AbortSignal) => Promise<unknown>, reason: unknown) => {
      const c = new AbortController();
      const p = call(c.signal).then(() => 'resolved', (e) => (e === reason ? 'kept' : String(e?.name ?? e)));
      setTimeout(() => c.abort(reason), 300); // the request is in flight
      return p;
    };
    const threw: unknown[] = [];
    const rejects = (call: () => Promise<unknown>, error: unknown) => {
      try {
        return call().then(() => 'resolved', (e) => (e === error ? 'its own' : String(e?.name ?? e)));
      } catch (e) {
        threw.push(e);
      }
    };
    const mine = new TypeError('a bug of the page');
    const { proxy, revoke } = Proxy.revocable({}, {});
    revoke();
    const refused = await rejects(() => window.Sharokey.list(proxy as never), undefined);
    return [
      await kept((signal) => window.Sharokey.health({ signal }), null),
      await kept((signal) => window.Sharokey.create('x', 1, 1, { signal }), null),
      await rejects(() => window.Sharokey.list({ get status(): string { throw mine; } } as never), mine),
      await rejects(() => window.Sharokey.getDetails('AbCdEfGh', { get signal(): AbortSignal { throw mine; } } as never), mine),
      refused,
      threw.length,
    ];
  });
  expect(r).toEqual(['kept', 'kept', 'its own', 'its own', 'TypeError', 0]);
});
