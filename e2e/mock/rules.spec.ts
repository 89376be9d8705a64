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

test('a 405 names the allowed methods, OPTIONS included, in Allow', async () => {
  const res = await call(mock.url, 'PUT', '/secrets', { token: T.admin });
  expect(res.status).toBe(405);
  expect(res.headers.get('allow')).toBe('POST, GET, OPTIONS');
});

test('the request e-mail replies to the creator by default and speaks the locale of the request', async () => {
  const r = await api.post('/requests', { token: T.admin, body: { email_to: 'bob@example.com', locale: 'fr' } });
  expect(r.status).toBe(201);
  const [mail] = (await api.get('/_mock/outbox')).body.data;
  expect(mail).toMatchObject({ type: 'request', reply_to: 'alice@acme.test', subject: 'Un secret vous a été demandé' });
});
