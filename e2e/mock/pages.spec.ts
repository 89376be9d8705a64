// The pages the mock serves: the recipient's viewer (/s/{slug}) and the
// responder's page (/r/{token}), driven in Chromium with the built library.
import { test, expect } from '../coverage.ts';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { call, seal, T, useMock } from './helpers.ts';

const DIST = fileURLToPath(new URL('../../dist/sharokey.min.js', import.meta.url));

const { mock, api } = useMock();

async function share(plaintext: string, extra: Record<string, unknown> = {}, files: Array<{ name: string; bytes: Buffer }> = []): Promise<{ slug: string; url: string }> {
  const { body, keyB } = seal(plaintext, files);
  const res = await api.post('/secrets', { token: T.admin, body: { ...body, expiration_hours: 24, maximum_views: 1, ...extra } });
  expect(res.status).toBe(201);
  return { slug: res.body.data.slug, url: `${res.body.data.access_url}#${keyB}` };
}
const views = async (slug: string): Promise<number> => (await api.get(`/secrets/${slug}`, { token: T.admin })).body.data.current_views;

test('the pages are static HTML with a strict CSP and only external scripts', async () => {
  for (const path of ['/s/abcdEFGH', '/r/abc']) {
    const res = await call(mock.origin, 'GET', path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/html/);
    expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(res.headers.get('content-security-policy')).not.toContain('unsafe-eval');
    const scripts = [...res.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBe(3);
    for (const [, attrs, inline] of scripts) {
      expect(attrs).toMatch(/src="\/[a-z.]+\.js"/);
      expect(inline).toBe('');
    }
  }
  for (const path of ['/viewer.js', '/responder.js']) {
    const res = await call(mock.origin, 'GET', path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/javascript/);
  }
  expect((await call(mock.origin, 'POST', '/s/abcdEFGH')).status).toBe(405);
  expect((await call(mock.url, 'GET', '/s/abcdEFGH')).status).toBe(404); // pages live at the origin root only
});

test('/sharokey.min.js is the built file of dist/, read at request time', async () => {
  const res = await call(mock.origin, 'GET', '/sharokey.min.js');
  if (existsSync(DIST)) {
    expect(res.status).toBe(200);
    expect(res.text).toBe(readFileSync(DIST, 'utf8'));
  } else {
    expect(res.status).toBe(404);
    expect(res.body.error.code).toBe('NOT_FOUND');
  }
});

test.describe('in a browser', () => {
  test.skip(!existsSync(DIST), 'needs dist/sharokey.min.js (npm run build)');

  test('the viewer shows the gate, uses no view until the click, then reveals content and files', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && !/status of 403/.test(m.text()) && errors.push(m.text()));
    const { slug, url } = await share('The VPN password is hunter2 ✓', { password: 'open sesame', message: 'For Bob' }, [{ name: 'notes.txt', bytes: Buffer.from('file body') }]);
    await page.goto(url);
    await expect(page.locator('#message')).toHaveText('For Bob');
    await expect(page.locator('#password')).toBeVisible();
    await expect(page.locator('#otp-row')).toBeHidden();
    await expect(page.locator('#captcha-row')).toBeHidden();
    expect(await views(slug)).toBe(0);

    // An empty field is asked for, not sent.
    await page.click('#reveal');
    await expect(page.locator('#status')).toHaveText('Enter the password first.');
    await expect(page.locator('#password')).toBeFocused();

    await page.fill('#password', 'wrong one');
    await page.click('#reveal');
    await expect(page.locator('#status')).toContainText('Wrong password');
    // The focus is where the fix is (not lost to <body> with the button disabled while it ran).
    await expect(page.locator('#password')).toBeFocused();
    expect(await views(slug)).toBe(0);

    await page.fill('#password', 'open sesame');
    await page.click('#reveal');
    await expect(page.locator('#content')).toHaveValue('The VPN password is hunter2 ✓');
    await expect(page.locator('#content')).toBeFocused();
    await expect(page.locator('#files a')).toHaveText(/notes\.txt/);
    expect(await page.locator('#files a').getAttribute('download')).toBe('notes.txt');
    await expect(page.locator('#status')).toContainText('Here is your secret');
    await page.click('#copy');
    await expect(page.locator('#copied')).toHaveText('Copied.');
    expect(await views(slug)).toBe(1);
    expect(errors).toEqual([]);
  });

  test('the viewer takes no focus the person moved during a slow answer, and says a refusal that is not about the link as it is', async ({ page }) => {
    const { slug, url } = await share('behind a password', { password: 'open sesame' });
    await page.goto(url);
    // A slow wrong-password answer; meanwhile the focus goes elsewhere (a control of the page's own).
    await call(mock.origin, 'POST', '/_mock/fault', { body: { path: '/open', status: 403, body: JSON.stringify({ success: false, error: { code: 'INVALID_PASSWORD', message: 'Invalid password' } }), delay_ms: 1500 } });
    await page.evaluate(() => document.body.append(Object.assign(document.createElement('button'), { id: 'elsewhere', textContent: 'elsewhere' })));
    await page.fill('#password', 'wrong one');
    await page.click('#reveal');
    await page.focus('#elsewhere');
    await expect(page.locator('#status')).toContainText('Wrong password');
    await expect(page.locator('#elsewhere')).toBeFocused();

    // A password too long for the library (over 4096 characters): refused before anything is sent,
    // and said as such: not a damaged key, and the form stays to fix it.
    await page.fill('#password', 'x'.repeat(5000));
    await page.click('#reveal');
    await expect(page.locator('#status')).toContainText('password');
    await expect(page.locator('#status')).toContainText('could not be opened'); // not the last answer's "Wrong password"
    await expect(page.locator('#status')).not.toContainText('damaged');
    await expect(page.locator('#gate')).toBeVisible();
    expect(await views(slug)).toBe(0);
  });

  test('the viewer asks for a code and sends it; a captcha needs the box ticked', async ({ page }) => {
    const otp = await share('otp secret', { otp_type: 'email', otp_receiver: 'bob@example.com' });
    await page.goto(otp.url);
    await page.click('#reveal');
    await expect(page.locator('#status')).toContainText('Send me a code');
    expect((await api.get('/_mock/outbox')).body.data).toEqual([]);
    await page.click('#send-code');
    await expect(page.locator('#otp-sent')).toContainText('b***@example.com');
    // Where a person finds the code, since the mock mails nothing.
    await expect(page.locator('#otp-sent a')).toHaveAttribute('href', '/_mock/outbox');
    const code = (await api.get('/_mock/outbox')).body.data[0].code;
    await page.fill('#otp', code);
    await page.click('#reveal');
    await expect(page.locator('#content')).toHaveValue('otp secret');

    const captcha = await share('captcha secret', { captcha: true });
    await page.goto(captcha.url);
    await page.click('#reveal');
    await expect(page.locator('#status')).toContainText('not a robot');
    await page.check('#captcha');
    await page.click('#reveal');
    await expect(page.locator('#content')).toHaveValue('captcha secret');
  });

  test('the viewer says a wrong code is wrong (no view used), and a code asked for after the secret was deleted finds it gone', async ({ page }) => {
    const { slug, url } = await share('behind a code', { otp_type: 'email', otp_receiver: 'bob@example.com' });
    await page.goto(url);
    await page.click('#send-code');
    await expect(page.locator('#otp-sent')).toContainText('b***@example.com');
    const code = (await api.get('/_mock/outbox')).body.data[0].code as string;
    await page.fill('#otp', code === '000000' ? '111111' : '000000');
    await page.click('#reveal');
    await expect(page.locator('#status')).toContainText('Wrong or expired code. Ask for a new one.');
    await expect(page.locator('#content')).toBeHidden();
    expect(await views(slug)).toBe(0);

    expect((await api.del(`/secrets/${slug}`, { token: T.admin })).status).toBe(200);
    await page.click('#send-code');
    await expect(page.locator('#status')).toContainText('does not exist or is no longer available');
    await expect(page.locator('#gate')).toBeHidden();
  });

  test('the viewer says clearly when the key is missing or broken, or the secret is gone', async ({ page }) => {
    const { slug, url } = await share('hidden');
    await page.goto(url.split('#')[0]!);
    await expect(page.locator('#status')).toContainText('key after "#" is missing');

    // A key cut short (the library refuses it before anything is sent): the person's words, not the library's.
    await page.goto('about:blank');
    await page.goto(url.slice(0, -3));
    await page.click('#reveal');
    await expect(page.locator('#status')).toContainText('wrong or damaged');
    await expect(page.locator('#status')).not.toContainText('shareUrl');
    await expect(page.locator('#status')).toBeFocused(); // the form went with the button: the status line has the focus
    expect(await views(slug)).toBe(0);

    // Only the fragment differs: leave the page first, or the browser just scrolls.
    const broken = url.replace(/#(.)/, (_, c: string) => `#${c === 'A' ? 'B' : 'A'}`);
    await page.goto('about:blank');
    await page.goto(broken);
    await page.click('#reveal');
    await expect(page.locator('#status')).toContainText('wrong or damaged');
    expect(await views(slug)).toBe(1); // the view was used: the server cannot tell a wrong key

    await page.goto('about:blank');
    await page.goto(url);
    await expect(page.locator('#status')).toContainText('no longer available');
  });

  test('the viewer says when the secret cannot be opened from here (outside its countries), and shows nothing of it', async ({ page }) => {
    const { slug, url } = await share('only in France', { geolocation: 'FR', message: 'French office' });
    await page.goto(url);
    await expect(page.locator('#status')).toContainText('cannot be opened from your network or country');
    await expect(page.locator('#status')).toContainText('CF-IPCountry');
    await expect(page.locator('#gate')).toBeHidden();
    await expect(page.locator('#message')).toBeHidden();
    expect(await views(slug)).toBe(0);
  });

  test('the responder page of a request cancelled while it was open says so on sending, hides the form, and stores nothing', async ({ page }) => {
    // A page of the mock, for its script: the request is made as the requester's page would.
    await page.goto(`${mock.origin}/r/none`);
    const created = await page.evaluate(async ([apiUrl, token]) => (window as any).Sharokey.createClient({ apiUrl, token }).createRequest({ message: 'Cancelled soon' }), [mock.url, T.admin]);
    await page.goto(created.url);
    await expect(page.locator('#message')).toContainText('Cancelled soon');
    expect((await api.del(`/requests/${created.token}`, { token: T.admin })).status).toBe(200);
    await page.fill('#content', 'too late');
    await page.click('#send');
    await expect(page.locator('#status')).toContainText('This request is no longer open');
    await expect(page.locator('#form')).toBeHidden();
    expect((await api.get('/secrets', { token: T.admin })).body.data).toEqual([]);
  });

  test('the responder page encrypts an answer that only the requester can open', async ({ page }) => {
    await page.goto(`${mock.origin}/r/none`);
    await expect(page.locator('#status')).toContainText('no longer open');
    const created = await page.evaluate(async ([apiUrl, token]) => {
      const c = (window as any).Sharokey.createClient({ apiUrl, token });
      return c.createRequest({ message: 'Send me the VPN password', secretExpirationHours: 6 });
    }, [mock.url, T.admin]);
    await page.goto(created.url);
    await expect(page.locator('#message')).toHaveText("The requester's message: Send me the VPN password");
    await expect(page.locator('#limits')).toContainText('6 hours');
    await page.fill('#content', 'correct horse battery staple');
    await page.click('#send');
    await expect(page.locator('#status')).toContainText('Sent');

    const log = JSON.stringify((await api.get('/_mock/log')).body.data);
    expect(log).not.toContain('correct horse');
    const opened = await page.evaluate(async ([apiUrl, token, inbox]) => {
      const c = (window as any).Sharokey.createClient({ apiUrl, token });
      return (await c.openRequest(inbox)).content;
    }, [mock.url, T.admin, created.inbox_url]);
    expect(opened).toBe('correct horse battery staple');
  });
});
