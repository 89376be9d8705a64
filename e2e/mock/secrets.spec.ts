// The company side of secrets: create (and its checks), list, details, delete, quota, expiry.
import { test, expect } from '@playwright/test';
import { request } from 'node:http';
import { attachment, b64, createSecret, secretBody, T, useMock } from './helpers.ts';

const { mock, api } = useMock();

const create = (extra: Record<string, unknown>, token: string = T.admin) => api.post('/secrets', { token, body: secretBody(extra) });

test('POST /secrets answers 201 with the created secret and its access URL on the mock origin', async () => {
  const before = Date.now();
  const body = secretBody({ description: 'DB', message: 'Use with care', expiration_hours: 48, maximum_views: 3, attachments: [attachment('a.txt', 5)], attachments_total_size: 5 });
  const res = await api.post('/secrets', { token: T.admin, body });
  expect(res.status).toBe(201);
  expect(res.body.success).toBe(true);
  const d = res.body.data;
  expect(Object.keys(d).sort()).toEqual(['access_url', 'attachments_count', 'created_at', 'current_views', 'description', 'expiration', 'expires_in_hours',
    'has_attachments', 'has_password', 'maximum_views', 'message', 'slug'].sort());
  expect(d.slug).toMatch(/^[A-Za-z0-9]{8}$/);
  expect(d).toMatchObject({ description: 'DB', message: 'Use with care', expires_in_hours: 48, maximum_views: 3, current_views: 0, has_password: false, has_attachments: true, attachments_count: 1 });
  expect(d.access_url).toBe(`${mock.origin}/s/${d.slug}`);
  const expiry = Date.parse(d.expiration) - Date.parse(d.created_at);
  expect(expiry).toBe(48 * 3_600_000);
  expect(Date.parse(d.created_at)).toBeGreaterThanOrEqual(before - 1000);
  // Nothing of what was sent to be kept secret from readers comes back: the ciphertexts, iv, salt, keyA.
  const file = (body.attachments as Array<{ data: string }>)[0]!.data;
  for (const value of [body.content, body.iv, body.salt, body.key, file]) expect(res.text).not.toContain(String(value));
});

test('the access URL follows the Host the client used', async () => {
  // fetch may not set Host, so go through node:http.
  const port = Number(new URL(mock.origin).port);
  const payload = JSON.stringify(secretBody());
  const answer = await new Promise<string>((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port, method: 'POST', path: '/api/v1/secrets', headers: {
      Host: `sharokey.localhost:${port}`, Authorization: `Bearer ${T.admin}`, 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(payload),
    } }, (res) => {
      let text = '';
      res.setEncoding('utf8').on('data', (c) => (text += c)).on('end', () => resolve(text));
    });
    req.on('error', reject);
    req.end(payload);
  });
  const data = JSON.parse(answer).data;
  expect(data.access_url).toBe(`http://sharokey.localhost:${port}/s/${data.slug}`);
});

test('a body missing everything names every required field', async () => {
  const res = await api.post('/secrets', { token: T.admin, body: {} });
  expect(res.status).toBe(422);
  expect(res.body.error.code).toBe('VALIDATION_ERROR');
  expect(Object.keys(res.body.error.details).sort()).toEqual(['content', 'expiration_hours', 'iv', 'key', 'maximum_views', 'salt']);
  for (const messages of Object.values(res.body.error.details)) expect(messages).toEqual([expect.any(String)]);
});

test('each malformed field is named in details', async () => {
  const cases: Array<[Record<string, unknown>, string]> = [
    [{ content: 'not base64!' }, 'content'],
    [{ content: '' }, 'content'],
    [{ content: b64(255 * 4 + 17) }, 'content'],
    [{ content: 'QUJD' + '=' }, 'content'],
    [{ iv: b64(16) }, 'iv'],
    [{ salt: b64(12) }, 'salt'],
    [{ key: 'short' }, 'key'],
    [{ key: 'abcd-123' }, 'key'],
    [{ expiration_hours: 0 }, 'expiration_hours'],
    [{ expiration_hours: 8761 }, 'expiration_hours'],
    [{ expiration_hours: 1.5 }, 'expiration_hours'],
    [{ expiration_hours: '24' }, 'expiration_hours'],
    [{ maximum_views: 1001 }, 'maximum_views'],
    [{ description: 'd'.repeat(256) }, 'description'],
    [{ message: '😀'.repeat(256) }, 'message'],
    [{ password: 'abc' }, 'password'],
    [{ password: 'p'.repeat(101) }, 'password'],
    [{ captcha: 'yes' }, 'captcha'],
    [{ otp_type: 'sms', otp_receiver: '+33612345678' }, 'otp_type'],
    [{ otp_type: 'email', otp_receiver: 'not-an-email' }, 'otp_receiver'],
    [{ otp_type: 'phone', otp_receiver: '0612345678' }, 'otp_receiver'],
    [{ otp_type: 'phone', otp_receiver: '+1234567' }, 'otp_receiver'],
    [{ otp_type: 'email' }, 'otp_receiver'],
    [{ ip_whitelist: '10.0.0.1' }, 'ip_whitelist'],
    [{ ip_whitelist: '203.0.113.5,not-an-ip' }, 'ip_whitelist'],
    [{ ip_whitelist: '203.0.113.0/33' }, 'ip_whitelist'],
    [{ ip_whitelist: '0.0.0.0/0' }, 'ip_whitelist'],
    [{ ip_whitelist: '203.0.113.5,'.repeat(30) + '203.0.113.5' }, 'ip_whitelist'],
    [{ geolocation: 'F' }, 'geolocation'],
    [{ geolocation: 'FR,XX' }, 'geolocation'],
    [{ geolocation: 'FRA' }, 'geolocation'],
    [{ attachments: 'a.txt' }, 'attachments'],
    [{ attachments: Array.from({ length: 11 }, (_, i) => attachment(`f${i}`, 1)) }, 'attachments'],
    [{ attachments: [attachment('big', 10 * 1024 * 1024 - 10), attachment('more', 11)] }, 'attachments'],
    [{ attachments: [{ ...attachment('', 3) }] }, 'attachments.0.name'],
    [{ attachments: [attachment('ok', 3), { ...attachment('x', 3), data: b64(3 + 17) }] }, 'attachments.1.data'],
    [{ attachments: [{ ...attachment('x', 3), iv: b64(16) }] }, 'attachments.0.iv'],
    [{ attachments: [{ ...attachment('x', 3), size: -1 }] }, 'attachments.0.size'],
    [{ attachments: [attachment('x', 3)], attachments_total_size: 4 }, 'attachments_total_size'],
  ];
  for (const [extra, field] of cases) {
    const res = await create(extra);
    expect(res.status, JSON.stringify(extra).slice(0, 80)).toBe(422);
    expect(Object.keys(res.body.error.details), JSON.stringify(extra).slice(0, 80)).toEqual([field]);
  }
});

test('several bad fields are all named at once', async () => {
  const res = await create({ key: 'x', maximum_views: 0, geolocation: 'ZZ', password: '12' });
  expect(Object.keys(res.body.error.details).sort()).toEqual(['geolocation', 'key', 'maximum_views', 'password']);
});

test('valid limits and options are accepted; unknown fields are ignored', async () => {
  const ok = [
    { content: b64(17) },
    { content: b64(1) }, // stand-in bytes: only the upper bound is PROTOCOL.md's
    { geolocation: 'fr,De' },
    { attachments: [{ ...attachment('stand-in', 3), data: b64(5) }], attachments_total_size: 3 },
    { content: b64(255 * 4 + 16) },
    { expiration_hours: 1, maximum_views: 1 },
    { expiration_hours: 8760, maximum_views: 1000 },
    { description: 'd'.repeat(255), message: '😀'.repeat(255) },
    { password: '😀😀😀😀' },
    { ip_whitelist: '203.0.113.5,198.51.100.0/24, 192.0.2.1,2001:db8::/32,2001:db8:0:0:0:0:0:1,8.8.8.8' },
    { geolocation: 'FR,US,DE,BE,IT,ES,CI,SS,XK'.replace(',XK', '') },
    { attachments: [attachment('a', 0), attachment('b', 100, false)], attachments_total_size: 100 },
    { attachments: [attachment('exactly-10MB', 10 * 1024 * 1024)] },
    { otp_type: 'phone', otp_receiver: '+33674747474' },
    { otp_type: 'email', otp_receiver: 'bob@example.com' },
    { surprise: 'ignored', share_url: 'x' },
    { password: null, description: null, captcha: null, attachments: null },
  ];
  for (const extra of ok) {
    const res = await create(extra);
    expect(res.status, JSON.stringify(extra).slice(0, 80)).toBe(201);
  }
});

test('only the highest protection is applied: captcha < password < otp_email < otp_phone', async () => {
  const cases: Array<[Record<string, unknown>, { has_password: boolean; captcha: boolean; otp_type: string | null }]> = [
    [{ captcha: true }, { has_password: false, captcha: true, otp_type: null }],
    [{ captcha: true, password: 'secret1' }, { has_password: true, captcha: false, otp_type: null }],
    [{ captcha: true, password: 'secret1', otp_type: 'email', otp_receiver: 'a@b.test' }, { has_password: false, captcha: false, otp_type: 'email' }],
    [{ password: 'secret1', otp_type: 'phone', otp_receiver: '+33674747474' }, { has_password: false, captcha: false, otp_type: 'phone' }],
  ];
  for (const [extra, expected] of cases) {
    const slug = (await create(extra)).body.data.slug;
    const details = (await api.get(`/secrets/${slug}`, { token: T.admin })).body.data;
    expect({ has_password: details.has_password, captcha: details.captcha, otp_type: details.otp_type }).toEqual(expected);
  }
});

test('GET /secrets/{slug} gives the metadata and settings, never the ciphertext', async () => {
  const body = secretBody({ description: 'd', password: 'secret1', ip_whitelist: '203.0.113.5', geolocation: 'FR,US', attachments: [attachment('f.bin', 4)] });
  const slug = (await api.post('/secrets', { token: T.admin, body })).body.data.slug;
  const res = await api.get(`/secrets/${slug}`, { token: T.reader });
  expect(res.status).toBe(200);
  expect(res.body.data).toMatchObject({
    slug, description: 'd', creator: 'alice@acme.test', maximum_views: 1, current_views: 0, has_password: true,
    has_attachments: true, attachments_count: 1, attachments: [{ name: 'f.bin' }], captcha: false, otp_type: null,
    ip_whitelist: '203.0.113.5', geolocation: 'FR,US', is_expired: false, status: 'active', access_url: `${mock.origin}/s/${slug}`,
  });
  for (const field of ['content', 'iv', 'salt', 'key', 'password', 'data']) expect(res.body.data).not.toHaveProperty(field);
  for (const value of [body.content, body.iv, body.salt, body.key, 'secret1']) expect(res.text).not.toContain(String(value));
  expect((await api.get('/secrets/unknown1', { token: T.admin })).status).toBe(404);
});

test('GET /secrets lists items newest first with filters and pagination', async () => {
  const slugs: string[] = [];
  for (let i = 0; i < 5; i++) slugs.push(await createSecret(api, T.admin, { description: `item ${i}`, message: i === 2 ? 'Needle here' : null }));
  slugs.push(await createSecret(api, T.writer, { description: 'by frank' }));
  await api.del(`/secrets/${slugs[0]}`, { token: T.admin });

  const all = await api.get('/secrets', { token: T.reader });
  expect(all.status).toBe(200);
  expect(all.body.data.map((s: any) => s.slug)).toEqual([...slugs].reverse());
  expect(all.body.pagination).toEqual({ current_page: 1, per_page: 50, total: 6, last_page: 1 });
  expect(Object.keys(all.body.data[0]).sort()).toEqual(['attachments_count', 'created_at', 'creator', 'current_views', 'description', 'expiration',
    'has_attachments', 'has_password', 'is_expired', 'maximum_views', 'message', 'slug', 'status', 'updated_at'].sort());

  const page2 = await api.get('/secrets?limit=2&page=2', { token: T.reader });
  expect(page2.body.data.map((s: any) => s.slug)).toEqual([slugs[3], slugs[2]]);
  expect(page2.body.pagination).toEqual({ current_page: 2, per_page: 2, total: 6, last_page: 3 });

  const expired = await api.get('/secrets?status=expired', { token: T.reader });
  expect(expired.body.data.map((s: any) => s.slug)).toEqual([slugs[0]]);
  expect(expired.body.data[0]).toMatchObject({ status: 'expired', is_expired: true });
  expect((await api.get('/secrets?status=active', { token: T.reader })).body.pagination.total).toBe(5);

  expect((await api.get('/secrets?creator=frank@acme.test', { token: T.reader })).body.data.map((s: any) => s.slug)).toEqual([slugs[5]]);
  expect((await api.get('/secrets?search=NEEDLE', { token: T.reader })).body.data.map((s: any) => s.slug)).toEqual([slugs[2]]);
  expect((await api.get('/secrets?search=item%204', { token: T.reader })).body.data.map((s: any) => s.slug)).toEqual([slugs[4]]);
  expect((await api.get(`/secrets?search=${slugs[1]}`, { token: T.reader })).body.data.map((s: any) => s.slug)).toEqual([slugs[1]]);

  const empty = await api.get('/secrets?page=9', { token: T.reader });
  expect(empty.body.data).toEqual([]);
});

test('list parameters out of range are 422 naming them', async () => {
  for (const [query, field] of [['limit=0', 'limit'], ['limit=101', 'limit'], ['limit=abc', 'limit'], ['page=0', 'page'], ['status=gone', 'status']]) {
    const res = await api.get(`/secrets?${query}`, { token: T.admin });
    expect(res.status, query).toBe(422);
    expect(Object.keys(res.body.error.details)).toEqual([field]);
  }
  expect((await api.get('/secrets?limit=100', { token: T.admin })).status).toBe(200);
});

test('DELETE clears and expires a secret (its attachments too), keeps its metadata, and is idempotent', async () => {
  const slug = (await create({ description: 'to go', maximum_views: 5, attachments: [attachment('a.txt', 5)], attachments_total_size: 5 })).body.data.slug;
  const first = await api.del(`/secrets/${slug}`, { token: T.admin });
  expect(first.status).toBe(200);
  expect(first.body).toEqual({ success: true, message: expect.any(String), data: null });
  const again = await api.del(`/secrets/${slug}`, { token: T.admin });
  expect(again.status).toBe(200);
  expect(again.body.data).toBeNull();

  const details = (await api.get(`/secrets/${slug}`, { token: T.admin })).body.data;
  expect(details).toMatchObject({ status: 'expired', is_expired: true, description: 'to go', maximum_views: 5, has_attachments: false, attachments_count: 0, attachments: [] });
  expect(Date.parse(details.expiration)).toBeLessThanOrEqual(Date.now() + 1000);
  expect((await api.post(`/public/secrets/${slug}/open`)).status).toBe(404);
  expect((await api.del('/secrets/unknown1', { token: T.admin })).status).toBe(404);
});

test('a company at its quota of active secrets gets 403 QUOTA_EXCEEDED; freeing one lets it create again', async () => {
  const first = await createSecret(api, T.tiny);
  await createSecret(api, T.tiny);
  const over = await create({}, T.tiny);
  expect(over.status).toBe(403);
  expect(over.body.error.code).toBe('QUOTA_EXCEEDED');
  // Another company is not affected.
  expect((await create({}, T.admin)).status).toBe(201);
  await api.del(`/secrets/${first}`, { token: T.tiny });
  expect((await create({}, T.tiny)).status).toBe(201);
});

test('secrets expire when the mock clock passes their expiration', async () => {
  const slug = await createSecret(api, T.admin, { expiration_hours: 2 });
  await api.advance(1.5);
  expect((await api.get(`/secrets/${slug}`, { token: T.admin })).body.data.status).toBe('active');
  expect((await api.get(`/public/secrets/${slug}`)).status).toBe(200);
  await api.advance(0.5);
  expect((await api.get(`/secrets/${slug}`, { token: T.admin })).body.data).toMatchObject({ status: 'expired', is_expired: true });
  expect((await api.get(`/public/secrets/${slug}`)).status).toBe(404);
  expect((await api.post(`/public/secrets/${slug}/open`)).status).toBe(404);
});
