// Tenancy: every route tried with another company's token, slug and request
// token. Nothing of Acme's leaks to Globex: not in lists, details, stats, nor
// on the recipient routes.
import { test, expect, run, mock, MOCK_URL, TOKENS } from '../helpers.ts';

test('another company\'s token: zero leaks across every route', async ({ sk }) => {
  // Acme's data: a secret with attachments and restrictions, a request, some usage.
  const acme = (await run(sk, async () => {
    const s = await window.Sharokey.create('acme plaintext', 2, 5, { description: 'acme-only description', message: 'acme-only message', attachments: [new File(['x'], 'acme-file.txt')] });
    const r = await window.Sharokey.createRequest({ description: 'acme-only request', emailTo: 'acme-person@acme.test' });
    return { slug: s.slug, share: s.share_url, token: r.token };
  })) as { slug: string; share: string; token: string };
  // Acme's data. (The slug and token Globex passes in come back in its own 404 messages: not a leak.)
  const marks = ['acme-only', 'acme-file', 'alice@acme.test', 'acme-person', 'acme plaintext'];

  const tried = (await run(sk, async ({ api, token, acme }) => {
    const G = window.Sharokey.createClient({ apiUrl: api, token, retries: 0 });
    const out: Record<string, unknown> = {};
    const attempt = async (name: string, p: Promise<unknown>) => {
      out[name] = await p.then((v) => ({ value: v }), (e) => ({ error: e.name, message: e.message }));
    };
    await attempt('getDetails', G.getDetails(acme.slug));
    await attempt('get', G.get(acme.slug));
    await attempt('delete', G.delete(acme.slug));
    await attempt('list', G.list());
    await attempt('listExpired', G.list({ status: 'expired' }));
    await attempt('search', G.list({ search: 'acme' }));
    await attempt('creator', G.list({ creator: 'alice@acme.test' }));
    await attempt('getStats', G.getStats());
    await attempt('getTokenStats', G.getTokenStats());
    await attempt('getRequest', G.getRequest(acme.token));
    await attempt('deleteRequest', G.deleteRequest(acme.token));
    await attempt('listRequests', G.listRequests());
    await attempt('requestStats', G.requestStats());
    await attempt('openRequest', G.openRequest(`https://x.test/i/${acme.token}#` + ['a', 'b', 'c'].map((c) => c.repeat(43)).join('.')));
    return out;
  }, { api: MOCK_URL, token: TOKENS.other, acme })) as Record<string, { value?: unknown; error?: string }>;

  for (const k of ['getDetails', 'get', 'delete', 'getRequest', 'deleteRequest', 'openRequest']) expect(tried[k], k).toMatchObject({ error: 'NotFoundError' });
  for (const k of ['list', 'listExpired', 'search', 'creator', 'listRequests']) expect((tried[k]!.value as { items: unknown[] }).items, k).toEqual([]);
  expect(tried.getStats!.value).toMatchObject({ total_secrets: 0, active_secrets: 0, total_views: 0 });
  expect(tried.requestStats!.value).toMatchObject({ total_requests: 0 });
  const answers = JSON.stringify(tried);
  for (const m of marks) expect(answers, m).not.toContain(m);

  // The recipient routes need no token; they tell a recipient what to provide, and nothing of the company.
  const pub = await mock.api('GET', `/public/secrets/${acme.slug}`, null);
  const pubText = JSON.stringify(pub.json);
  // (The message and the attachment names are for the recipient, by design.)
  for (const m of ['alice@acme.test', 'acme-only description', 'creator', 'company']) expect(pubText, m).not.toContain(m);
  const pubReq = await mock.api('GET', `/public/requests/${acme.token}`, null);
  for (const m of ['alice@acme.test', 'acme-person', 'email_to', 'company']) expect(JSON.stringify(pubReq.json), m).not.toContain(m);

  // Acme's secret is untouched by Globex's delete.
  expect(await run(sk, (slug) => window.Sharokey.getDetails(slug).then((d) => d.status), acme.slug)).toBe('active');
  console.log(`tenancy: ${Object.keys(tried).length} calls with another company's token + 2 recipient routes, 0 leaks`);
});

test('the multi-company user token sees only the company it names', async ({ sk }) => {
  await run(sk, () => window.Sharokey.create('acme secret', 1, 1));
  const r = await run(sk, async ({ api, token }) => {
    const acme = window.Sharokey.createClient({ apiUrl: api, token });
    const globex = window.Sharokey.createClient({ apiUrl: api, token, company: 'globex' });
    return [(await acme.list()).items.length, (await globex.list()).items.length, (await globex.getStats()).total_secrets];
  }, { api: MOCK_URL, token: TOKENS.multi });
  expect(r).toEqual([1, 0, 0]);
});
