// POST /secrets field rules, filters, country and e-mail details that no other
// mock test pinned down (each found by scripts/mutants.mjs).
import { test, expect } from '@playwright/test';
import { attachment, b64, call, secretBody, T, useMock } from './helpers.ts';

const { mock, api } = useMock();
const create = (extra: Record<string, unknown>) => api.post('/secrets', { token: T.admin, body: secretBody(extra) });

test('a salt of 17 bytes is 422 on salt alone', async () => {
  const res = await create({ salt: b64(17) });
  expect(res.status).toBe(422);
  expect(Object.keys(res.body.error.details)).toEqual(['salt']);
});

test('a key (keyA) of 9 characters is 422 on key alone', async () => {
  const res = await create({ key: 'abcdEFGH9' });
  expect(res.status).toBe(422);
  expect(Object.keys(res.body.error.details)).toEqual(['key']);
});

test('otp_receiver without otp_type is 422 on otp_type', async () => {
  const res = await create({ otp_receiver: 'bob@example.com' });
  expect(res.status).toBe(422);
  expect(Object.keys(res.body.error.details)).toEqual(['otp_type']);
});

test('attachments_total_size below the sum of the sizes is 422', async () => {
  const res = await create({ attachments: [attachment('a.txt', 5), attachment('b.txt', 7)], attachments_total_size: 5 });
  expect(res.status).toBe(422);
  expect(Object.keys(res.body.error.details)).toEqual(['attachments_total_size']);
});

test('the creator filter ignores case', async () => {
  expect((await create({})).status).toBe(201);
  const res = await api.get('/secrets?creator=ALICE%40ACME.TEST', { token: T.admin });
  expect(res.status).toBe(200);
  expect(res.body.data).toHaveLength(1);
});

test('a lower-case CF-IPCountry is the same country', async () => {
  const slug = (await create({ geolocation: 'BE' })).body.data.slug;
  const res = await api.post(`/public/secrets/${slug}/open`, { body: {}, headers: { 'CF-IPCountry': 'be' } });
  expect(res.status).toBe(200);
});

test('a CF-IPCountry that upper-cases to a code ("ß" is "SS") is no country', async () => {
  const slug = (await create({ geolocation: 'SS' })).body.data.slug;
  const res = await api.post(`/public/secrets/${slug}/open`, { body: {}, headers: { 'CF-IPCountry': Buffer.from('df', 'hex').toString('latin1') } });
  expect(res.status).toBe(403);
  expect((await api.post(`/public/secrets/${slug}/open`, { body: {}, headers: { 'CF-IPCountry': 'ss' } })).status).toBe(200);
});

test('geolocation: letters that upper-case to a code ("ß" is "SS", "ıt" is "IT") are no code; "fr" is France', async () => {
  for (const g of ['ß', 'ıt', 'FR,ſe', 'ﬁ']) {
    const res = await create({ geolocation: g });
    expect(res.status, g).toBe(422);
    expect(Object.keys(res.body.error.details), g).toEqual(['geolocation']);
  }
  const res = await create({ geolocation: 'fr, De' });
  expect(res.status).toBe(201);
  expect((await api.get('/secrets/' + res.body.data.slug, { token: T.admin })).body.data.geolocation).toBe('FR,DE');
});

test('a creator that is not an e-mail address is 422 on creator, on secrets and on requests', async () => {
  for (const path of ['/secrets', '/requests']) {
    for (const c of ['%40example.com', 'user%40%40example.com', 'a%2Cb', 'alice']) {
      const res = await api.get(`${path}?creator=${c}`, { token: T.admin });
      expect(res.status, path + c).toBe(422);
      expect(Object.keys(res.body.error.details), path + c).toEqual(['creator']);
    }
    expect((await api.get(`${path}?creator=%20bob%40Example.com%20`, { token: T.admin })).status).toBe(200);
  }
});

test('an X-Forwarded-For written as a range (203.0.113.9/32) is no address: outside every whitelist', async () => {
  const slug = (await create({ ip_whitelist: '203.0.113.0/24' })).body.data.slug;
  const open = (xff: string) => api.post(`/public/secrets/${slug}/open`, { body: {}, headers: { 'X-Forwarded-For': xff } });
  expect((await open('203.0.113.9/32')).status).toBe(403);
  expect((await open('203.0.113.9')).status).toBe(200);
});

test('an IPv4-mapped IPv6 X-Forwarded-For (::ffff:203.0.113.9) is read as its IPv4 address against the whitelist', async () => {
  const slug = (await create({ ip_whitelist: '203.0.113.9', maximum_views: 5 })).body.data.slug;
  const open = (xff: string) => api.post(`/public/secrets/${slug}/open`, { body: {}, headers: { 'X-Forwarded-For': xff } });
  expect((await open('::ffff:198.51.100.7')).status).toBe(403);
  expect((await open('::ffff:cb00:7109')).status).toBe(200);
  expect((await open('::FFFF:203.0.113.9')).status).toBe(200);
});

test('a text field given another type is 422 on that field alone: "must be a string", on secrets and on requests', async () => {
  const cases: Array<[string, unknown]> = [['description', 5], ['message', true], ['password', 12345], ['ip_whitelist', ['203.0.113.9']], ['geolocation', { FR: 1 }]];
  for (const [field, value] of cases) {
    const res = await create({ [field]: value });
    expect(res.status, field).toBe(422);
    expect(res.body.error.details, field).toEqual({ [field]: [`The ${field} must be a string.`] });
  }
  for (const [field, value] of [['message', 5], ['description', ['x']]] as const) {
    const res = await api.post('/requests', { token: T.admin, body: { [field]: value } });
    expect(res.status, field).toBe(422);
    expect(res.body.error.details, field).toEqual({ [field]: [`The ${field} must be a string.`] });
  }
  expect((await api.get('/secrets', { token: T.admin })).body.data).toEqual([]);
});

test('attachments_total_size: not a whole number of bytes is 422; above 0 with no attachments is 422; 0 with none is fine', async () => {
  for (const size of [1.5, '12', -1, true]) {
    const res = await create({ attachments: [attachment('a.txt', 12)], attachments_total_size: size });
    expect(res.status, String(size)).toBe(422);
    expect(res.body.error.details.attachments_total_size, String(size)).toContain('The attachments_total_size must be a whole number of bytes.');
  }
  const none = await create({ attachments_total_size: 12 });
  expect(none.status).toBe(422);
  expect(none.body.error.details).toEqual({ attachments_total_size: ['The attachments_total_size must equal the sum of the attachment sizes.'] });
  expect((await create({ attachments_total_size: 0 })).status).toBe(201);
});

test('an attachment that is no object, or whose data is no string, is 422 on its own place', async () => {
  for (const item of [null, [], 'a.txt', 7]) {
    const res = await create({ attachments: [attachment('a.txt', 3), item] });
    expect(res.status, JSON.stringify(item)).toBe(422);
    expect(res.body.error.details, JSON.stringify(item)).toEqual({ 'attachments.1': ['Each attachment must be an object {name, data, iv, size}.'] });
  }
  const res = await create({ attachments: [{ ...attachment('a.txt', 3), data: 1234 }] });
  expect(res.status).toBe(422);
  expect(res.body.error.details).toEqual({ 'attachments.0.data': ['The data must be base64 (standard alphabet, padded).'] });
});

test('a 405 names the allowed methods, OPTIONS included, in Allow', async () => {
  const res = await call(mock.url, 'PUT', '/secrets', { token: T.admin });
  expect(res.status).toBe(405);
  expect(res.headers.get('allow')).toBe('POST, GET, HEAD, OPTIONS');
});

test('the request e-mail replies to the creator by default and speaks the locale of the request', async () => {
  const r = await api.post('/requests', { token: T.admin, body: { email_to: 'bob@example.com', locale: 'fr' } });
  expect(r.status).toBe(201);
  const [mail] = (await api.get('/_mock/outbox')).body.data;
  expect(mail).toMatchObject({ type: 'request', reply_to: 'alice@acme.test', subject: 'Un secret vous a été demandé' });
});
