// create, list, getDetails/get, delete, getStats/stats, getTokenStats through
// the built script, asserting what crossed the wire.
import { test, expect, run, rejected, mock, MOCK_ORIGIN, TOKENS, type Logged } from './helpers.ts';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const body = (l: Logged) => JSON.parse(l.body);
const b64len = (s: string) => Buffer.from(s, 'base64').length;

test('create() sends only ciphertext, iv, salt and keyA, and resolves with share_url and security', async ({ sk }) => {
  const s = await run(sk, () => window.Sharokey.create('Database password: admin123', 48, 3, { description: 'DB', message: 'Use carefully' }));
  expect(s).toMatchObject({ description: 'DB', message: 'Use carefully', maximum_views: 3, current_views: 0, expires_in_hours: 48, has_password: false, security: 'none' });
  const secret = s as { slug: string; access_url: string; share_url: string };
  expect(secret.access_url).toBe(`${MOCK_ORIGIN}/s/${secret.slug}`);
  expect(secret.share_url).toMatch(new RegExp(`^${secret.access_url}#[A-Za-z0-9]{24}$`));
  const [post] = await mock.apiLog();
  expect(post).toMatchObject({ method: 'POST', path: '/api/v1/secrets' });
  const b = body(post!);
  expect(Object.keys(b).sort()).toEqual(['content', 'description', 'expiration_hours', 'iv', 'key', 'maximum_views', 'message', 'salt']);
  expect(b).toMatchObject({ expiration_hours: 48, maximum_views: 3, description: 'DB', message: 'Use carefully' });
  expect(b.key).toMatch(/^[A-Za-z0-9]{8}$/);
  expect(b64len(b.iv)).toBe(12);
  expect(b64len(b.salt)).toBe(16);
  expect(b64len(b.content)).toBe('Database password: admin123'.length + 16);
  expect(post!.headers['content-type']).toContain('application/json');
});

test('create() defaults to 24 hours and 1 view', async ({ sk }) => {
  await run(sk, () => window.Sharokey.create('x'));
  expect(body((await mock.apiLog())[0]!)).toMatchObject({ expiration_hours: 24, maximum_views: 1 });
});

test('security ladder: only the highest protection is sent, and reported', async ({ sk }) => {
  const cases = [
    [{ captcha: true }, 'captcha', { captcha: true }],
    [{ captcha: true, password: 'secret123' }, 'password', { password: 'secret123' }],
    [{ captcha: true, password: 'secret123', otpEmail: 'r@example.com' }, 'otp_email', { otp_type: 'email', otp_receiver: 'r@example.com' }],
    [{ captcha: true, password: 'secret123', otpEmail: 'r@example.com', otpPhone: '+33 6 74 74 74 74' }, 'otp_phone', { otp_type: 'phone', otp_receiver: '+33674747474' }],
  ] as const;
  for (const [options, security, wire] of cases) {
    await mock.clearLog();
    const s = await run(sk, (o) => window.Sharokey.create('gated', 1, 1, o), options as never);
    expect((s as { security: string }).security).toBe(security);
    const b = body((await mock.apiLog())[0]!);
    expect(b).toMatchObject(wire);
    for (const k of ['captcha', 'password', 'otp_type', 'otp_receiver']) if (!(k in wire)) expect(b[k], k).toBeUndefined();
  }
});

test('ipWhitelist and geolocation: strings or arrays, normalised, always sent beside the ladder', async ({ sk }) => {
  await run(sk, () => window.Sharokey.create('x', 1, 1, { password: 'abcd', ipWhitelist: ['203.0.113.5', ' 2001:db8::1 '], geolocation: 'fr, us,DE' }));
  const d = await run(sk, async () => {
    const [item] = (await window.Sharokey.list()).items;
    return window.Sharokey.getDetails(item!.slug);
  });
  expect(body((await mock.apiLog())[0]!)).toMatchObject({ ip_whitelist: '203.0.113.5,2001:db8::1', geolocation: 'FR,US,DE', password: 'abcd' });
  expect(d).toMatchObject({ ip_whitelist: '203.0.113.5,2001:db8::1', geolocation: 'FR,US,DE', has_password: true });
});

test('attachments: each has its own fresh iv, sizes add up, onProgress reports every phase', async ({ sk }) => {
  const r = await run(sk, async () => {
    const progress: unknown[] = [];
    const files = [new File(['hello'], 'a.txt'), new File([new Uint8Array(3000)], 'b.bin'), Object.assign(new Blob(['blob!']), { name: 'c.txt' })];
    const s = await window.Sharokey.create('with files', 1, 1, { attachments: files, onProgress: (p) => progress.push(p) });
    return { s, progress };
  });
  const { s, progress } = r as { s: { has_attachments: boolean; attachments_count: number }; progress: { phase: string; loaded: number; total: number }[] };
  expect(s).toMatchObject({ has_attachments: true, attachments_count: 3 });
  expect(progress.map((p) => p.phase)).toEqual(['encrypt', 'encrypt', 'encrypt', 'upload', 'done']);
  expect(progress.map((p) => p.loaded)).toEqual([0, 5, 3005, 3010, 3010]);
  expect(progress.every((p) => p.total == 3010)).toBe(true);
  const b = body((await mock.apiLog())[0]!);
  expect(b.attachments_total_size).toBe(3010);
  expect(b.attachments.map((a: { name: string; size: number }) => [a.name, a.size, b64len((a as unknown as { data: string }).data)])).toEqual([['a.txt', 5, 21], ['b.bin', 3000, 3016], ['c.txt', 5, 21]]);
  const ivs = [b.iv, ...b.attachments.map((a: { iv: string }) => a.iv)];
  expect(ivs.every((iv: string) => b64len(iv) == 12)).toBe(true);
  expect(new Set(ivs).size).toBe(4);
});

test('an onProgress that throws is reported as a listener\'s error is, and the create goes on: the secret is stored once and its link comes back', async ({ sk }) => {
  const r = await run(sk, async () => {
    const reported: string[] = [];
    addEventListener('error', (e) => (reported.push(e.message), e.preventDefault()));
    const made = [];
    for (const phase of ['encrypt', 'upload', 'done']) {
      const s = await window.Sharokey.create('progress ' + phase, 1, 1, {
        attachments: [new File(['x'], 'x.txt')],
        onProgress: (p) => {
          if (p.phase == phase) (null as unknown as { x: number }).x = 1; // a TypeError of the caller's own
        },
      });
      made.push((await window.Sharokey.reveal(s.share_url)).content);
    }
    await new Promise((ok) => setTimeout(ok, 50));
    return { made, reported: reported.length, typeErrors: reported.every((m) => /TypeError/.test(m)) };
  });
  expect(r).toEqual({ made: ['progress encrypt', 'progress upload', 'progress done'], reported: 3, typeErrors: true });
  expect((await mock.apiLog()).filter((l) => l.method == 'POST' && l.path.endsWith('/secrets'))).toHaveLength(3);
});

test('attachments: a File of another frame (an iframe\'s input, a drop on it) is a File too: sent, and it opens', async ({ sk }) => {
  const r = await run(sk, async () => {
    const frame = document.createElement('iframe');
    frame.src = '/e2e/pages/blank.html';
    await new Promise((ok) => ((frame.onload = ok), document.body.append(frame)));
    const W = frame.contentWindow as unknown as typeof window;
    const s = await window.Sharokey.create('with a file of the frame', 1, 1, { attachments: [new W.File(['made in the frame'], 'frame.txt')] });
    const files = (await window.Sharokey.reveal(s.share_url)).attachments;
    return [s.attachments_count, files[0]!.name, await files[0]!.text()];
  });
  expect(r).toEqual([1, 'frame.txt', 'made in the frame']);
});

test("attachments: an <input type=file>'s FileList is taken as it is (and refused past the limits as an array is)", async ({ sk }) => {
  const r = await run(sk, async () => {
    const list = (files: File[]) => {
      const t = new DataTransfer();
      for (const f of files) t.items.add(f);
      return t.files;
    };
    const s = await window.Sharokey.create('from an input', 1, 1, { attachments: list([new File(['one'], 'a.txt'), new File(['two!'], 'b.txt')]) });
    const back = await window.Sharokey.reveal(s.share_url);
    const tooMany = await window.Sharokey.create('x', 1, 1, { attachments: list(Array.from({ length: 11 }, (_, i) => new File(['x'], i + '.txt'))) }).catch((e) => e.name);
    return [s.attachments_count, await Promise.all(back.attachments.map(async (f) => f.name + ':' + (await f.text()))), tooMany];
  });
  expect(r).toEqual([2, ['a.txt:one', 'b.txt:two!'], 'AttachmentError']);
});

test('attachments: a file picked, then changed or deleted on the disk before create() reads it, is an AttachmentError naming it by its place; nothing is sent', async ({ sk }) => {
  const dir = mkdtempSync(join(tmpdir(), 'sharokey-'));
  const [kept, gone] = [join(dir, 'kept.txt'), join(dir, 'gone.txt')];
  writeFileSync(kept, 'still here');
  writeFileSync(gone, 'about to go');
  await sk.evaluate(() => document.body.append(Object.assign(document.createElement('input'), { type: 'file', id: 'files', multiple: true })));
  await sk.setInputFiles('#files', [kept, gone]);
  // Changed on the disk since it was picked: the browser refuses to read it (NotReadableError).
  await new Promise((ok) => setTimeout(ok, 1100));
  writeFileSync(gone, 'changed meanwhile');
  const e = rejected(await run(sk, () => window.Sharokey.create('with a changed file', 1, 1, { attachments: (document.getElementById('files') as HTMLInputElement).files })), 'AttachmentError');
  expect(e).toMatchObject({ isSharokeyError: true, isValidation: true, status: 0, details: { attachments: ['could not be read'] } });
  expect(e.message).toBe('Invalid attachments: file 2 could not be read');
  // Deleted: Chromium then gives the file a size of 0, and the check of empty files names it first.
  await sk.setInputFiles('#files', [kept, gone]);
  rmSync(gone);
  const deleted = rejected(await run(sk, () => window.Sharokey.create('with a deleted file', 1, 1, { attachments: (document.getElementById('files') as HTMLInputElement).files })), 'AttachmentError');
  expect(deleted.message).toMatch(/^Invalid attachments: file 2 /);
  rmSync(dir, { recursive: true, force: true });
  expect(await mock.apiLog()).toEqual([]);
});

test('list() passes its filters and resolves to { items, pagination }', async ({ sk }) => {
  const r = await run(sk, async () => {
    for (let i = 0; i < 3; i++) await window.Sharokey.create('s' + i, 1, 1, { description: 'batch ' + i });
    const all = await window.Sharokey.list();
    const page2 = await window.Sharokey.list({ status: 'active', limit: 2, page: 2, creator: 'alice@acme.test', search: 'batch' });
    return { all, page2 };
  });
  const { all, page2 } = r as { all: { items: { description: string }[]; pagination: unknown }; page2: { items: unknown[]; pagination: unknown } };
  expect(all.items.map((i) => i.description)).toEqual(['batch 2', 'batch 1', 'batch 0']);
  expect(all.pagination).toEqual({ current_page: 1, per_page: 50, total: 3, last_page: 1 });
  expect(page2.items).toHaveLength(1);
  expect(page2.pagination).toEqual({ current_page: 2, per_page: 2, total: 3, last_page: 2 });
  const paths = (await mock.apiLog()).filter((l) => l.method == 'GET').map((l) => l.path);
  expect(paths).toEqual(['/api/v1/secrets', '/api/v1/secrets?status=active&limit=2&page=2&creator=alice%40acme.test&search=batch']);
});

test('list() also accepts a server that wraps the array as data.items', async ({ sk }) => {
  await mock.fault({ path: '/secrets', method: 'GET', status: 200, contentType: 'application/json', body: JSON.stringify({ success: true, data: { items: [{ slug: 'AAAAAAAA' }], pagination: { current_page: 1, per_page: 50, total: 1, last_page: 1 } } }) });
  expect(await run(sk, () => window.Sharokey.list())).toEqual({ items: [{ slug: 'AAAAAAAA' }], pagination: { current_page: 1, per_page: 50, total: 1, last_page: 1 } });
});

test('getDetails()/get() return metadata without ciphertext; delete() resolves true, twice; unknown slug is NotFoundError', async ({ sk }) => {
  const r = await run(sk, async () => {
    const s = await window.Sharokey.create('to delete', 2, 5, { description: 'd', attachments: [new File(['x'], 'x.txt')] });
    const details = await window.Sharokey.getDetails(s.slug);
    const same = await window.Sharokey.get(s.slug);
    const first = await window.Sharokey.delete(s.slug);
    const again = await window.Sharokey.delete(s.slug);
    const after = await window.Sharokey.get(s.slug);
    return { details, same, first, again, after };
  });
  const x = r as unknown as Record<string, Record<string, unknown>>;
  expect(x.details).toMatchObject({ description: 'd', maximum_views: 5, attachments: [{ name: 'x.txt' }], status: 'active' });
  expect(x.details).toEqual(x.same);
  for (const k of ['content', 'iv', 'salt', 'key']) expect(x.details![k], k).toBeUndefined();
  expect([x.first, x.again]).toEqual([true, true]);
  expect(x.after).toMatchObject({ status: 'expired' });
  rejected(await run(sk, () => window.Sharokey.getDetails('ZZZZZZZZ')), 'NotFoundError');
  rejected(await run(sk, () => window.Sharokey.delete('ZZZZZZZZ')), 'NotFoundError');
});

test('another company\'s slug is NotFoundError for details and delete', async ({ sk }) => {
  const slug = (await run(sk, async (t) => window.Sharokey.createClient({ apiUrl: window.Sharokey.getConfig().apiUrl, token: t }).create('globex only', 1, 1), TOKENS.other) as { slug: string }).slug;
  rejected(await run(sk, (s) => window.Sharokey.getDetails(s), slug), 'NotFoundError');
  rejected(await run(sk, (s) => window.Sharokey.delete(s), slug), 'NotFoundError');
  expect(await run(sk, async () => (await window.Sharokey.list()).items.length)).toBe(0);
});

test('getStats()/stats() resolve to the statistics object; a date range goes as from/to', async ({ sk }) => {
  const r = await run(sk, async () => {
    await window.Sharokey.create('a', 1, 1, { password: 'abcd' });
    await window.Sharokey.create('b', 1, 1);
    const s = await window.Sharokey.getStats();
    const alias = await window.Sharokey.stats();
    const ranged = await window.Sharokey.getStats({ from: new Date(Date.UTC(2020, 0, 2)), to: '2020-01-31' });
    return { active: s.active_secrets, s, alias, ranged };
  });
  const x = r as unknown as { active: number; s: Record<string, number>; alias: unknown; ranged: Record<string, number> };
  expect(x.active).toBe(2);
  expect(x.s).toMatchObject({ total_secrets: 2, active_secrets: 2, expired_secrets: 0, total_views: 0, secrets_with_password: 1, secrets_created_today: 2, secrets_created_this_week: 2, secrets_created_this_month: 2 });
  expect(x.alias).toEqual(x.s);
  expect(x.ranged.total_secrets).toBe(0);
  const paths = (await mock.apiLog()).filter((l) => l.method == 'GET').map((l) => l.path);
  expect(paths).toEqual(['/api/v1/secrets-stats', '/api/v1/secrets-stats', '/api/v1/secrets-stats?from=2020-01-02&to=2020-01-31']);
});

test('the mock clock: a secret past its hours is expired in stats and list', async ({ sk }) => {
  await run(sk, () => window.Sharokey.create('short', 1, 1));
  await mock.clock(2);
  const r = await run(sk, async () => [(await window.Sharokey.getStats()).expired_secrets, (await window.Sharokey.list({ status: 'active' })).items.length]);
  expect(r).toEqual([1, 0]);
});

test('getTokenStats() gives counts and 4-character hints, never a token', async ({ sk }) => {
  const r = await run(sk, async () => {
    await window.Sharokey.list();
    return window.Sharokey.getTokenStats();
  });
  const s = r as { tokens: { hint: string; user: string; requests: number }[]; total_tokens: number; revoked_tokens: number };
  expect(s.total_tokens).toBeGreaterThanOrEqual(4);
  expect(s.revoked_tokens).toBeGreaterThanOrEqual(1);
  expect(s.tokens[0]).toMatchObject({ user: 'alice@acme.test', hint: TOKENS.admin.slice(-4) });
  expect(s.tokens[0]!.requests).toBeGreaterThanOrEqual(1);
  expect(JSON.stringify(r)).not.toContain(TOKENS.admin);
  expect(JSON.stringify(r)).not.toContain(TOKENS.reader);
});

test('getTokenStats() drops a whole token a server sends anyway (a token field on the answer or on an entry): API.md promises the page none', async ({ sk }) => {
  await sk.route('**/api/v1/tokens-stats', async (route) => {
    const res = await route.fetch();
    const body = await res.json();
    body.data.token = TOKENS.admin;
    for (const t of body.data.tokens) t.token = 'whole-token-' + t.hint;
    await route.fulfill({ response: res, json: body });
  });
  const r = (await run(sk, () => window.Sharokey.getTokenStats())) as { tokens: { hint: string }[] };
  await sk.unrouteAll();
  expect(JSON.stringify(r)).not.toContain('whole-token-');
  expect(JSON.stringify(r)).not.toContain(TOKENS.admin);
  expect(r.tokens.length).toBeGreaterThanOrEqual(4);
  expect(r.tokens[0]!.hint).toBe(TOKENS.admin.slice(-4));
});

test('list() with filters and a signal: the signal never reaches the query, and a GET carries no Content-Type', async ({ sk }) => {
  await run(sk, () => window.Sharokey.list({ status: 'active', signal: new AbortController().signal }));
  const [get] = await mock.apiLog();
  expect(get!.method + ' ' + get!.path).toBe('GET /api/v1/secrets?status=active');
  expect(get!.headers['content-type']).toBeUndefined();
});
