// The recipient side: look, ask for a code, open; gates; one view per open, atomically.
import { test, expect } from '@playwright/test';
import { attachment, createSecret, secretBody, T, useMock } from './helpers.ts';

const { api } = useMock();

const open = (slug: string, body: Record<string, unknown> = {}, headers: Record<string, string> = {}) =>
  api.post(`/public/secrets/${slug}/open`, { body, headers });
const views = async (slug: string): Promise<number> => (await api.get(`/secrets/${slug}`, { token: T.admin })).body.data.current_views;

test('GET /public/secrets/{slug} says what the recipient needs, without a token and without using a view', async () => {
  const slug = await createSecret(api, T.admin, { message: 'Hello Bob', maximum_views: 2, password: 'secret1', attachments: [attachment('a.pdf', 7)] });
  for (let i = 0; i < 3; i++) {
    const res = await api.get(`/public/secrets/${slug}`);
    expect(res.status).toBe(200);
    expect(res.body.data).toEqual({
      slug, message: 'Hello Bob', requires_password: true, otp_type: null, captcha: false, has_attachments: true,
      attachments: [{ name: 'a.pdf', size: 7 }], expiration: expect.any(String), remaining_views: 2,
    });
  }
  expect(await views(slug)).toBe(0);
  expect((await api.get('/public/secrets/nothere1')).status).toBe(404);
});

test('opening returns the ciphertext, iv, salt, keyA, attachments and message, and uses one view', async () => {
  const body = secretBody({ message: 'm', maximum_views: 2, attachments: [attachment('with-iv', 3), attachment('no-iv', 2, false)] });
  const slug = (await api.post('/secrets', { token: T.admin, body })).body.data.slug;
  const res = await open(slug);
  expect(res.status).toBe(200);
  const attachments = body.attachments as Array<Record<string, unknown>>;
  expect(res.body.data).toEqual({
    content: body.content, iv: body.iv, salt: body.salt, key: body.key, message: 'm',
    attachments: [
      { name: 'with-iv', data: attachments[0]!.data, iv: attachments[0]!.iv, size: 3 },
      { name: 'no-iv', data: attachments[1]!.data, size: 2 },
    ],
  });
  expect(await views(slug)).toBe(1);
  expect((await api.get(`/public/secrets/${slug}`)).body.data.remaining_views).toBe(1);
  expect((await open(slug)).status).toBe(200);
  const gone = await open(slug);
  expect(gone.status).toBe(404);
  expect(gone.body.error.code).toBe('NOT_FOUND');
  expect((await api.get(`/secrets/${slug}`, { token: T.admin })).body.data).toMatchObject({ status: 'expired', current_views: 2 });
});

test('a password gate: PASSWORD_REQUIRED, INVALID_PASSWORD, no view used, then the right one opens', async () => {
  const slug = await createSecret(api, T.admin, { password: 'pässword' });
  const missing = await open(slug);
  expect(missing.status).toBe(403);
  expect(missing.body.error.code).toBe('PASSWORD_REQUIRED');
  const wrong = await open(slug, { password: 'password' });
  expect(wrong.status).toBe(403);
  expect(wrong.body.error.code).toBe('INVALID_PASSWORD');
  expect(wrong.text).not.toContain('pässword');
  expect(await views(slug)).toBe(0);
  expect((await open(slug, { password: 'pässword' })).status).toBe(200);
});

test('an OTP gate: a code goes to the outbox, OTP_REQUIRED / INVALID_OTP, and a code works once', async () => {
  const slug = await createSecret(api, T.admin, { maximum_views: 3, otp_type: 'email', otp_receiver: 'bob@example.com' });
  expect((await api.get(`/public/secrets/${slug}`)).body.data.otp_type).toBe('email');
  expect((await open(slug)).body.error.code).toBe('OTP_REQUIRED');
  // A blank code is no code, as the code is read trimmed.
  expect((await open(slug, { otp: '   ' })).body.error.code).toBe('OTP_REQUIRED');

  const sent = await api.post(`/public/secrets/${slug}/otp`);
  expect(sent.status).toBe(200);
  expect(sent.body.data).toEqual({ sent: true, channel: 'email', to: 'b***@example.com' });
  const outbox = (await api.get('/_mock/outbox')).body.data;
  expect(outbox).toEqual([{ type: 'otp', channel: 'email', to: 'bob@example.com', code: expect.stringMatching(/^\d{6}$/), slug, created_at: expect.any(String) }]);
  const code = outbox[0].code as string;
  const wrongCode = code === '000000' ? '111111' : '000000';

  expect((await open(slug, { otp: wrongCode })).body.error.code).toBe('INVALID_OTP');
  expect(await views(slug)).toBe(0);
  expect((await open(slug, { otp: code })).status).toBe(200);
  expect((await open(slug, { otp: code })).body.error.code).toBe('INVALID_OTP');
  expect(await views(slug)).toBe(1);
});

test('a phone OTP is masked and sent on the phone channel; codes expire after 10 minutes', async () => {
  const slug = await createSecret(api, T.admin, { otp_type: 'phone', otp_receiver: '+33674747474' });
  const sent = await api.post(`/public/secrets/${slug}/otp`);
  expect(sent.body.data).toEqual({ sent: true, channel: 'phone', to: '+33*******74' });
  const code = (await api.get('/_mock/outbox')).body.data[0].code;
  await api.advance(0.2);
  expect((await open(slug, { otp: code })).body.error.code).toBe('INVALID_OTP');
  // A secret without OTP has no code to send.
  const plain = await createSecret(api);
  expect((await api.post(`/public/secrets/${plain}/otp`)).status).toBe(422);
});

test('a captcha gate: CAPTCHA_REQUIRED without a token, any non-blank token passes', async () => {
  const slug = await createSecret(api, T.admin, { captcha: true });
  expect((await api.get(`/public/secrets/${slug}`)).body.data.captcha).toBe(true);
  for (const body of [{}, { captcha_token: '' }, { captcha_token: '   ' }]) {
    const res = await open(slug, body);
    expect(res.status).toBe(403);
    expect(res.body.error.code).toBe('CAPTCHA_REQUIRED');
  }
  expect((await open(slug, { captcha_token: 'anything' })).status).toBe(200);
});

test('ip_whitelist is checked against X-Forwarded-For (CIDR aware), before the password', async () => {
  const slug = await createSecret(api, T.admin, { maximum_views: 5, password: 'secret1', ip_whitelist: '203.0.113.0/24,2001:db8::/32' });
  const outside = await open(slug, {}, { 'X-Forwarded-For': '198.51.100.7' });
  expect(outside.status).toBe(403);
  expect(outside.body.error.code).toBe('PERMISSION_DENIED');
  // Loopback (no header) is outside the list too.
  expect((await open(slug, { password: 'secret1' })).body.error.code).toBe('PERMISSION_DENIED');
  expect(await views(slug)).toBe(0);
  expect((await open(slug, {}, { 'X-Forwarded-For': '203.0.113.99, 10.0.0.1' })).body.error.code).toBe('PASSWORD_REQUIRED');
  expect((await open(slug, { password: 'secret1' }, { 'X-Forwarded-For': '203.0.113.99' })).status).toBe(200);
  expect((await open(slug, { password: 'secret1' }, { 'X-Forwarded-For': '2001:db8::42' })).status).toBe(200);
});

test('geolocation is checked against CF-IPCountry: missing or unlisted is PERMISSION_DENIED', async () => {
  const slug = await createSecret(api, T.admin, { maximum_views: 5, geolocation: 'FR,BE' });
  expect((await open(slug)).body.error.code).toBe('PERMISSION_DENIED');
  expect((await open(slug, {}, { 'CF-IPCountry': 'US' })).body.error.code).toBe('PERMISSION_DENIED');
  expect(await views(slug)).toBe(0);
  expect((await open(slug, {}, { 'CF-IPCountry': 'BE' })).status).toBe(200);
});

test('outside ip_whitelist or geolocation, the recipient GET and the OTP route are PERMISSION_DENIED too (no message, no code sent)', async () => {
  const slug = await createSecret(api, T.admin, { ip_whitelist: '203.0.113.0/24', geolocation: 'FR', message: 'for the office only', otp_type: 'email', otp_receiver: 'bob@acme.test' });
  const outside = { 'X-Forwarded-For': '198.51.100.7', 'CF-IPCountry': 'FR' };
  const inside = { 'X-Forwarded-For': '203.0.113.9', 'CF-IPCountry': 'FR' };
  const info = await api.get(`/public/secrets/${slug}`, { headers: outside });
  expect([info.status, info.body.error.code]).toEqual([403, 'PERMISSION_DENIED']);
  expect(info.text).not.toContain('for the office only');
  const otp = await api.post(`/public/secrets/${slug}/otp`, { headers: outside });
  expect([otp.status, otp.body.error.code]).toEqual([403, 'PERMISSION_DENIED']);
  expect((await api.get(`/public/secrets/${slug}`, { headers: { ...inside, 'CF-IPCountry': 'US' } })).status).toBe(403);
  expect((await api.get('/_mock/outbox')).body.data.filter((m: { type: string }) => m.type == 'otp')).toEqual([]);
  expect((await api.get(`/public/secrets/${slug}`, { headers: inside })).body.data.message).toBe('for the office only');
  expect((await api.post(`/public/secrets/${slug}/otp`, { headers: inside })).status).toBe(200);
});

test('20 concurrent opens of a one-view secret: exactly one gets the content', async () => {
  const slug = await createSecret(api, T.admin, { maximum_views: 1 });
  const results = await Promise.all(Array.from({ length: 20 }, () => open(slug)));
  const statuses = results.map((r) => r.status).sort();
  expect(statuses.filter((s) => s === 200)).toHaveLength(1);
  expect(statuses.filter((s) => s === 404)).toHaveLength(19);
  expect(await views(slug)).toBe(1);
});

test('5 concurrent opens of a three-view secret: exactly three succeed', async () => {
  const slug = await createSecret(api, T.admin, { maximum_views: 3 });
  const results = await Promise.all(Array.from({ length: 5 }, () => open(slug)));
  expect(results.filter((r) => r.status === 200)).toHaveLength(3);
  expect(await views(slug)).toBe(3);
});

test('malformed JSON on open is 400 and uses no view; from outside ip_whitelist it is the 403 first (the order of docs/mock.md)', async () => {
  const slug = await createSecret(api);
  expect((await api.post(`/public/secrets/${slug}/open`, { raw: '{oops' })).status).toBe(400);
  expect(await views(slug)).toBe(0);
  const fenced = await createSecret(api, T.admin, { ip_whitelist: '203.0.113.0/24' });
  const outside = await api.post(`/public/secrets/${fenced}/open`, { raw: '{oops', headers: { 'X-Forwarded-For': '198.51.100.1' } });
  expect([outside.status, outside.body.error.code]).toEqual([403, 'PERMISSION_DENIED']);
});

test('a lone surrogate written as a JSON \\u escape is refused as bytes that are not UTF-8 are (400); an escaped pair is text', async () => {
  for (const raw of [JSON.stringify(secretBody()).replace('}', ',"description":"\\ud800abc"}'), '{"message":"\\udfff"}']) {
    const path = raw.includes('message') ? '/requests' : '/secrets';
    const res = await api.post(path, { token: T.admin, raw });
    expect([res.status, res.body.error.code], raw).toEqual([400, 'VALIDATION_ERROR']);
  }
  const pair = await api.post('/secrets', { token: T.admin, raw: JSON.stringify(secretBody()).replace('}', ',"description":"\\ud83d\\ude00 ok"}') });
  expect([pair.status, pair.body.data.description]).toEqual([201, '\u{1F600} ok']);
});
