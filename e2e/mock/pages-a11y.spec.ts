// The responder and inbox pages as a keyboard or screen reader user meets them
// (from a keyboard walk of the request loop): a field to fix is marked,
// described by the words and focused; a key with a typo is told as a typo; a
// reloaded inbox says why its key is gone; the opened text has a visible label.
import { test, expect } from '../coverage.ts';
import type { Page } from '@playwright/test';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { T, useMock } from './helpers.ts';

const DIST = fileURLToPath(new URL('../../dist/sharokey.min.js', import.meta.url));

const { mock, api } = useMock();

test.skip(!existsSync(DIST), 'needs dist/sharokey.min.js (npm run build)');

/** A request made with the library, as the requester's page would. */
async function newRequest(page: Page): Promise<{ url: string; inbox_url: string; public_key: string }> {
  await page.goto(`${mock.origin}/i/none`);
  return page.evaluate(async ([apiUrl, token]) => {
    const c = (window as any).Sharokey.createClient({ apiUrl, token });
    return c.createRequest({ message: 'The VPN password, please' });
  }, [mock.url, T.admin] as const);
}

const posts = async () => ((await api.get('/_mock/log')).body.data as Array<{ method: string; path: string }>).filter((e) => e.method == 'POST').length;

/** The field is marked invalid, described by the status line, and has the focus. */
async function marked(page: Page, id: string, words: string | RegExp) {
  await expect(page.locator('#status')).toContainText(words);
  await expect(page.locator(id)).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator(id)).toHaveAttribute('aria-describedby', /\bstatus\b/);
  await expect(page.locator(id)).toBeFocused();
}

test('responder: an empty secret and a key with a typo are marked on their field, focused, and nothing is sent; a key broken over lines is the key', async ({ page }) => {
  const r = await newRequest(page);
  await page.goto(r.url);
  await expect(page.locator('#message')).toHaveText("The requester's message: The VPN password, please");
  const before = await posts();

  await page.locator('#send').focus();
  await page.keyboard.press('Enter');
  await marked(page, '#content', 'Type the secret first.');

  await page.keyboard.type('the VPN password is orange');
  await page.locator('#key').fill('not-a-key');
  await page.locator('#send').focus();
  await page.keyboard.press('Enter');
  await marked(page, '#key', 'This is not a whole key');
  // The secret's field is no longer marked: it was fixed.
  await expect(page.locator('#content')).not.toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#content')).not.toHaveAttribute('aria-describedby', /./);
  // A well-formed key that is not the request's: the server changed it, or it is another request's key.
  const other = r.public_key.replace(/^./, (c) => (c == 'B' ? 'C' : 'B'));
  await page.locator('#key').fill(other);
  await page.locator('#send').click();
  await marked(page, '#key', 'does not carry the key you were given');
  expect(await posts()).toBe(before);
  // The real key, broken over lines as a mail may wrap it: sent; the key keeps only its own help text.
  await page.locator('#key').fill(r.public_key.slice(0, 40) + '\n  ' + r.public_key.slice(40));
  await page.locator('#send').click();
  await expect(page.locator('#status')).toContainText('Sent');
  await expect(page.locator('#key')).toHaveAttribute('aria-describedby', 'key-help');
  await expect(page.locator('#key')).not.toHaveAttribute('aria-invalid', 'true');
  expect(await posts()).toBe(before + 1);
});

test('inbox: an empty token is marked and focused; the answer has a visible label; a reload after opening says why the key is gone; a whole link pasted over the address loads it', async ({ page }) => {
  const r = await newRequest(page);
  await page.goto(r.url);
  await page.fill('#content', 'pg://vpn:orange');
  await page.click('#send');
  await expect(page.locator('#status')).toContainText('Sent');

  await page.goto(r.inbox_url);
  await page.locator('#open').focus();
  await page.keyboard.press('Enter');
  await marked(page, '#token', 'Enter your API token first.');
  await page.keyboard.type(T.admin);
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('The answer')).toHaveValue('pg://vpn:orange');
  await expect(page.locator('label[for="content"]')).toBeVisible();
  await expect(page.locator('#token')).not.toHaveAttribute('aria-invalid', 'true');
  expect(page.url()).toBe(r.inbox_url.split('#')[0]);

  await page.reload();
  await expect(page.locator('#status')).toContainText('The answer was opened on this page, and its key taken out of the address');
  await expect(page.locator('#form')).toBeHidden();

  // Opened without its key, then the whole link given: a fragment change alone, which the page follows.
  await page.goto('about:blank');
  await page.goto(r.inbox_url.split('#')[0]);
  await expect(page.locator('#status')).toContainText('key after "#" is missing');
  await page.evaluate((hash) => (location.hash = hash), r.inbox_url.split('#')[1]!);
  await expect(page.locator('#form')).toBeVisible();
  await expect(page.locator('#status')).toContainText('Enter your API token to open it');
});

test('viewer: the opened secret has a visible label', async ({ page }) => {
  await page.goto(`${mock.origin}/i/none`);
  const made = await page.evaluate(async ([apiUrl, token]) => (window as any).Sharokey.createClient({ apiUrl, token }).create('label me', 1, 1), [mock.url, T.admin] as const);
  await page.goto(made.share_url);
  await page.click('#reveal');
  await expect(page.getByLabel('The secret')).toHaveValue('label me');
  await expect(page.locator('label[for="content"]')).toBeVisible();
});
