// Details of the mock's pages that no other test pinned down (each found by
// the third round of scripts/mutants.mjs): the whole documented CSP, the
// viewer's count of files, the responder's wording of the views, a request without a public key.
import { test, expect } from '../coverage.ts';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { call, seal, T, useMock } from './helpers.ts';

const DIST = fileURLToPath(new URL('../../dist/sharokey.min.js', import.meta.url));

const { mock, api } = useMock();

async function share(files: Array<{ name: string; bytes: Buffer }> = []): Promise<{ slug: string; url: string }> {
  const { body, keyB } = seal('hidden', files);
  const res = await api.post('/secrets', { token: T.admin, body: { ...body, expiration_hours: 24, maximum_views: 1 } });
  expect(res.status).toBe(201);
  return { slug: res.body.data.slug, url: `${res.body.data.access_url}#${keyB}` };
}

test('the three pages send the whole CSP of docs/mock.md, and no referrer', async () => {
  const documented = "default-src 'none'; script-src 'self'; connect-src 'self'; style-src 'unsafe-inline'; img-src 'self' data: blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
  for (const path of ['/s/abcdEFGH', '/r/abc', '/i/abc']) {
    const res = await call(mock.origin, 'GET', path);
    expect(res.headers.get('content-security-policy'), path).toBe(documented);
    expect(res.headers.get('referrer-policy'), path).toBe('no-referrer');
  }
});

test.describe('in a browser', () => {
  test.skip(!existsSync(DIST), 'needs dist/sharokey.min.js (npm run build)');

  test('without the library (blocked or not built), each page says so', async ({ page }) => {
    const { url } = await share();
    await page.route('**/sharokey.min.js', (route) => route.abort());
    for (const path of [new URL(url).pathname + new URL(url).hash, '/r/abc', '/i/abc#key']) {
      await page.goto('about:blank');
      await page.goto(mock.origin + path);
      await expect(page.locator('#status'), path).toHaveText('The Sharokey script (/sharokey.min.js) did not load.');
    }
  });

  test('the viewer counts the files in words: "1 file", "2 files"', async ({ page }) => {
    const one = await share([{ name: 'a.txt', bytes: Buffer.from('a') }]);
    await page.goto(one.url);
    await expect(page.locator('#status')).toHaveText('Someone shared a secret and 1 file with you.');
    const two = await share([{ name: 'a.txt', bytes: Buffer.from('a') }, { name: 'b.txt', bytes: Buffer.from('b') }]);
    await page.goto('about:blank');
    await page.goto(two.url);
    await expect(page.locator('#status')).toHaveText('Someone shared a secret and 2 files with you.');
  });

  test('the viewer shows names and the message with their direction overrides and control characters made visible, so a file cannot pose as another', async ({ page }) => {
    const { body, keyB } = seal('hidden', [{ name: 'vpn-config\u202Efdp.exe', bytes: Buffer.from('x') }]);
    const res = await api.post('/secrets', { token: T.admin, body: { ...body, message: 'from\u202E IT\u0007', expiration_hours: 24, maximum_views: 1 } });
    await page.goto(`${res.body.data.access_url}#${keyB}`);
    await expect(page.locator('#message')).toHaveText('from\uFFFD IT\uFFFD');
    await page.click('#reveal');
    await expect(page.locator('#files a')).toHaveText(/^vpn-config\uFFFDfdp\.exe \(/);
  });

  test('the viewer of an answer that lists no attachments still says what was shared (it does not stay on "Loading")', async ({ page }) => {
    const { slug, url } = await share();
    await call(mock.origin, 'POST', '/_mock/fault', { body: { path: `/public/secrets/${slug}`, method: 'GET', status: 200, body: JSON.stringify({ success: true, data: { message: null, requires_password: false, otp_type: null, captcha: false } }) } });
    await page.goto(url);
    await expect(page.locator('#status')).toHaveText('Someone shared a secret with you.');
  });

  test('the responder page says "once" for one view and "N times" for more', async ({ page }) => {
    for (const [views, words] of [[1, 'read it once,'], [3, 'read it 3 times,']] as const) {
      const r = (await api.post('/requests', { token: T.admin, body: { maximum_views: views, public_key: 'QUJD' } })).body.data.request;
      await page.goto('about:blank');
      await page.goto(r.url);
      await expect(page.locator('#limits')).toContainText(words);
    }
  });

  test('the responder page of a request without a public key says so at once and offers no form', async ({ page }) => {
    const r = (await api.post('/requests', { token: T.admin, body: { message: 'old-style request' } })).body.data.request;
    await page.goto(r.url);
    await expect(page.locator('#status')).toContainText('has no public key');
    await expect(page.locator('#form')).toBeHidden();
    await expect(page.locator('#message')).toHaveText("The requester's message: old-style request");
  });
});
