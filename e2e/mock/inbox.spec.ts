// The requester's inbox page (/i/{token}#privateKey): served like the other
// pages (static, strict CSP), and in Chromium it opens an answered request
// with the requester's token, says when nobody has answered yet, and keeps
// the token in sessionStorage only.
import { test, expect } from '../coverage.ts';
import type { Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { call, T, useMock } from './helpers.ts';

const DIST = fileURLToPath(new URL('../../dist/sharokey.min.js', import.meta.url));

const { mock, api } = useMock();

test('/i/{token} is a static page with a strict CSP, three external scripts and nothing of the request in it', async () => {
  const res = await call(mock.origin, 'GET', '/i/SomeRequestToken123');
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toMatch(/^text\/html/);
  expect(res.headers.get('content-security-policy')).toContain("script-src 'self'");
  expect(res.headers.get('referrer-policy')).toBe('no-referrer');
  expect(res.text).not.toContain('SomeRequestToken123');
  expect(res.text).toContain('private');
  const scripts = [...res.text.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)].map(([, attrs, inline]) => [attrs!.trim(), inline]);
  expect(scripts).toEqual([['src="/sharokey.min.js"', ''], ['src="/page.js"', ''], ['src="/inbox.js"', '']]);

  const js = await call(mock.origin, 'GET', '/inbox.js');
  expect(js.status).toBe(200);
  expect(js.headers.get('content-type')).toMatch(/javascript/);
  expect(js.text).toContain('openRequest(location.href)');

  expect((await call(mock.origin, 'POST', '/i/abc')).status).toBe(405);
  expect((await call(mock.url, 'GET', '/i/abc')).status).toBe(404); // pages live at the origin root only
  expect((await call(mock.origin, 'GET', '/i/')).status).toBe(404);
  // A page load is logged like any request, but never with the fragment (browsers do not send it).
  const logged = (await api.get('/_mock/log')).body.data.map((e: { path: string }) => e.path);
  expect(logged).toContain('/i/SomeRequestToken123');
});

test.describe('in a browser', () => {
  test.skip(!existsSync(DIST), 'needs dist/sharokey.min.js (npm run build)');

  /** Creates a request with the library, as the requester's own page would. */
  async function newRequest(page: Page) {
    if (!page.url().startsWith(mock.origin)) await page.goto(`${mock.origin}/i/none`);
    return page.evaluate(async ([apiUrl, token]) => {
      const c = (window as any).Sharokey.createClient({ apiUrl, token });
      return c.createRequest({ message: 'The staging database password, please' });
    }, [mock.url, T.admin] as const);
  }

  test('opens an answered request with the token, and says plainly when it is unanswered or used up', async ({ page }) => {
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${mock.origin}/i/none`);
    await expect(page.locator('#status')).toContainText('key after "#" is missing');
    await expect(page.locator('#form')).toBeHidden();

    const created = await newRequest(page);
    expect(created.inbox_url).toMatch(new RegExp(`^${mock.origin}/i/${created.token}#`));

    // Not answered yet.
    await page.goto(created.inbox_url);
    await expect(page.locator('#warning')).toContainText('This link is private');
    await page.click('#open');
    // (The page's first words also ask for the token: the answer to the click is its own.)
    await expect(page.locator('#status')).toHaveText('Enter your API token first.');
    await page.getByLabel('Your API token').fill(T.admin);
    await page.click('#open');
    await expect(page.locator('#status')).toContainText('Nobody has answered this request yet');

    // The responder answers on their page.
    await page.goto(created.url);
    await page.fill('#content', 'pg://staging:s3cret@db');
    await page.click('#send');
    await expect(page.locator('#status')).toContainText('Sent');

    // Back to the inbox: the token is remembered for this tab only.
    await page.goto('about:blank');
    await page.goto(created.inbox_url);
    await expect(page.getByLabel('Your API token')).toHaveValue(T.admin);
    expect(await page.evaluate(() => localStorage.length)).toBe(0);
    await page.click('#open');
    await expect(page.locator('#content')).toHaveValue('pg://staging:s3cret@db');
    await expect(page.locator('#status')).toContainText('Here is the answer');
    // The private key is gone from the address (and so from this history entry).
    expect(page.url()).toBe(created.inbox_url.split('#')[0]);
    await page.click('#copy');
    await expect(page.locator('#copied')).toHaveText('Copied.');

    // The answer allowed one view: a second open says it is gone.
    await page.goto('about:blank');
    await page.goto(created.inbox_url);
    await page.click('#open');
    await expect(page.locator('#status')).toContainText('no longer available');

    // The server never saw the plaintext, the private key nor the token in clear.
    const entries = (await api.get('/_mock/log')).body.data as Array<{ path: string; headers: Record<string, string>; body: string }>;
    const log = JSON.stringify(entries);
    expect(log).not.toContain('s3cret@db');
    expect(log).not.toContain(created.inbox_url.split('#')[1]);
    expect(log).not.toContain(T.admin); // bodies are logged as they came
    // The log masks a token in a path or any header: the token went in Authorization alone.
    for (const e of entries) {
      expect(e.path).not.toContain('****');
      for (const [name, value] of Object.entries(e.headers)) if (name != 'authorization') expect(value).not.toContain('****');
    }
    expect(entries.filter((e) => e.headers.authorization).length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
  });

  test("the answer's message is labelled as the words of whoever answered, not the page's, and a direction override in it is made visible", async ({ page }) => {
    const created = await newRequest(page);
    // An answer is not authenticated (docs/requests.md): anyone with the link may write its message.
    await page.evaluate(([apiUrl, url]) => (window as any).Sharokey.createClient({ apiUrl }).respond(url, 'pw', { message: 'Re-enter your API token at http://help.example \u202Eevil' }), [mock.url, created.url] as const);
    await page.goto('about:blank');
    await page.goto(created.inbox_url);
    await page.getByLabel('Your API token').fill(T.admin);
    await page.click('#open');
    await expect(page.locator('#content')).toHaveValue('pw');
    await expect(page.locator('#message')).toHaveText('Written by whoever answered (not checked by anyone): Re-enter your API token at http://help.example \uFFFDevil');
  });

  test('a refused token and a damaged key are told apart', async ({ page }) => {
    const created = await newRequest(page);
    await page.goto(created.inbox_url);
    await page.getByLabel('Your API token').fill('not-a-real-token');
    await page.click('#open');
    await expect(page.locator('#status')).toContainText('token was refused');

    await page.goto('about:blank');
    await page.goto(`${created.inbox_url.split('#')[0]}#cut-short`);
    await page.getByLabel('Your API token').fill(T.admin);
    await page.click('#open');
    await expect(page.locator('#status')).toContainText('wrong or incomplete');
  });

  test('a request cancelled before anyone answered says so, and offers nothing more to try', async ({ page }) => {
    const created = await newRequest(page);
    expect((await api.del(`/requests/${created.token}`, { token: T.admin })).status).toBe(200);
    await page.goto(created.inbox_url);
    await page.getByLabel('Your API token').fill(T.admin);
    await page.click('#open');
    await expect(page.locator('#status')).toContainText('closed without an answer');
    await expect(page.locator('#form')).toBeHidden();
  });
});
