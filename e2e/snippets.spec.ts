// The embedding snippets of the README, run as they stand there: only the
// CDN URL (-> this build) and the production API URL (-> the mock) change.
// The SRI hash stays, so the browser checks the README's hash too.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import { test, expect, mock, run, MOCK_ORIGIN, MOCK_URL, PAGE_ORIGIN, TOKENS } from './helpers.ts';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
const snippet = (name: string): string => {
  const m = README.match(new RegExp(`<!-- snippet: ${name} -->\\n\`\`\`\\w*\\n([\\s\\S]*?)\\n\`\`\``));
  if (!m) throw new Error(`no snippet ${name} in README.md`);
  return m[1]!.replaceAll('https://cdn.jsdelivr.net/npm/sharokey-dropin@1.0.0/dist/', `${PAGE_ORIGIN}/dist/`).replaceAll('https://api.sharokey.com/api/v1', MOCK_URL);
};

/**
 * Serves `html` as a real page of the static server. (A page fulfilled by
 * page.route has no address, and Chromium's local network access rules then
 * refuse its requests to the loopback mock.)
 */
const servePage = (name: string, html: string): string => {
  const dir = new URL('./.generated/', import.meta.url);
  mkdirSync(dir, { recursive: true });
  writeFileSync(new URL(name + '.html', dir), html);
  return `${PAGE_ORIGIN}/e2e/.generated/${name}.html`;
};

/** Opens a share link as a recipient would: the mock's viewer page, in a new browser context. */
const openAsRecipient = async (browser: Browser, shareUrl: string) => {
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await page.goto(shareUrl);
  await page.getByRole('button', { name: 'Reveal the secret' }).click();
  await expect(page.locator('#content')).not.toHaveValue('');
  const content = await page.locator('#content').inputValue();
  await ctx.close();
  return content;
};

test.beforeEach(() => mock.reset());

test('the CMS block: a token from the site\'s own backend (getToken), a link a recipient can open', async ({ page, browser }) => {
  let asked = 0;
  // The site around the block: a CMS page, and the site's backend route that hands out a token.
  const url = servePage('cms', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Blog</title></head><body><header><h1>Team blog</h1></header><article>${snippet('cms')}</article></body></html>`);
  await page.route(`${PAGE_ORIGIN}/sharokey-token`, (r) => (asked++, r.fulfill({ contentType: 'text/plain', body: TOKENS.admin })));
  await page.goto(url);
  await page.getByLabel('Secret to share').fill('posted from the CMS');
  await page.getByRole('button', { name: 'Create a one-time link' }).click();
  await expect(page.locator('#sharokey-link')).toContainText(`${MOCK_ORIGIN}/s/`);
  const link = await page.locator('#sharokey-link').textContent();
  expect(asked).toBe(1);
  expect(await openAsRecipient(browser, link!)).toBe('posted from the CMS');
});

test('the CMS block refuses to run when the script does not match its SRI hash', async ({ page }) => {
  const url = servePage('cms-tampered', snippet('cms'));
  await page.route(`${PAGE_ORIGIN}/dist/sharokey.min.js`, (r) => r.fulfill({ contentType: 'text/javascript', body: 'window.Sharokey = { tampered: true };' }));
  const errors: string[] = [];
  page.on('console', (m) => errors.push(m.text()));
  await page.goto(url);
  expect(await page.evaluate(() => typeof (window as unknown as { Sharokey?: unknown }).Sharokey)).toBe('undefined');
  expect(errors.join()).toMatch(/integrity/i);
});

test('the console snippet: loads the script into a page without it and creates a secret', async ({ page, browser }) => {
  await page.goto(`${PAGE_ORIGIN}/e2e/pages/plain.html`);
  const answers = [TOKENS.admin, 'typed in the console'];
  page.on('dialog', (d) => d.accept(answers.shift()));
  const logged = page.waitForEvent('console', (m) => m.text().includes('/s/'));
  await page.evaluate(`(async () => {\n${snippet('console')}\n})()`);
  const link = (await logged).text();
  expect(link).toMatch(`${MOCK_ORIGIN}/s/`);
  expect(await openAsRecipient(browser, link)).toBe('typed in the console');
});

test('the bookmarklet: on any page, asks for a token and a secret and shows the link to copy', async ({ page, browser }) => {
  await page.goto(`${PAGE_ORIGIN}/e2e/pages/plain.html`);
  const line = snippet('bookmarklet');
  expect(line.startsWith('javascript:')).toBe(true);
  expect(line).not.toContain('\n');
  const answers = [TOKENS.admin, 'from a bookmarklet'];
  const shown = new Promise<string>((ok) => page.on('dialog', (d) => (d.message().startsWith('Share link') ? (ok(d.defaultValue()), d.dismiss()) : d.accept(answers.shift()))));
  // What the browser does with a javascript: bookmark: run its source in the page.
  await page.evaluate(decodeURIComponent(line.slice('javascript:'.length)));
  const link = await shown;
  expect(link).toMatch(`${MOCK_ORIGIN}/s/`);
  expect(await openAsRecipient(browser, link)).toBe('from a bookmarklet');
});

test('the ES module import', async ({ page, browser }) => {
  const url = servePage('esm', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ESM</title></head><body>${snippet('esm')}</body></html>`);
  await page.route(`${PAGE_ORIGIN}/sharokey-token`, (r) => r.fulfill({ contentType: 'text/plain', body: TOKENS.admin }));
  await page.goto(url);
  await page.getByRole('button', { name: 'Share the Wi-Fi password' }).click();
  await expect(page.locator('body')).toContainText(`${MOCK_ORIGIN}/s/`);
  const link = (await page.locator('body').textContent())!.match(/http\S+#[A-Za-z0-9]{24}/)![0];
  expect(await page.evaluate(() => 'Sharokey' in window)).toBe(false);
  expect(await openAsRecipient(browser, link)).toBe('wifi: correct-horse-battery');
});

/** A file of this build's address that is not this build: what an unowned or hijacked CDN name could serve. */
const tamper = (page: Page, file: string, body: string) => page.route(`${PAGE_ORIGIN}/dist/${file}`, (r) => r.fulfill({ contentType: 'text/javascript', headers: { 'Access-Control-Allow-Origin': '*' }, body }));

test('the console snippet, the bookmarklet and the ES module refuse a script that does not match their SRI hash', async ({ page }) => {
  await tamper(page, 'sharokey.min.js', 'window.Sharokey = { tampered: true };');
  await tamper(page, 'sharokey.esm.js', 'window.Sharokey = { tampered: true }; export default { config() {} };');
  const errors: string[] = [];
  page.on('console', (m) => errors.push(m.text()));
  const asked: string[] = [];
  page.on('dialog', (d) => (asked.push(d.message()), d.dismiss()));
  const tampered = () => page.evaluate(() => 'Sharokey' in window);

  await page.goto(`${PAGE_ORIGIN}/e2e/pages/plain.html`);
  const consoleRun = await page.evaluate(`(async () => {\n${snippet('console')}\n})().then(() => 'ran', () => 'refused')`);
  expect(consoleRun).toBe('refused');
  expect(await tampered()).toBe(false);

  await page.goto(`${PAGE_ORIGIN}/e2e/pages/plain.html`);
  const line = snippet('bookmarklet');
  await page.evaluate(`(${decodeURIComponent(line.slice('javascript:'.length)).replace(/\(\)$/, '')})().then(() => 'ran', () => 'refused')`);
  expect(await tampered()).toBe(false);
  expect(asked).toEqual([]); // it stopped before asking for a token

  const url = servePage('esm-tampered', `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>ESM</title></head><body>${snippet('esm')}</body></html>`);
  await page.goto(url);
  // One refusal of each of the three, in the browser's words.
  await expect.poll(() => errors.filter((e) => /integrity/i.test(e)).length).toBe(3);
  expect(await tampered()).toBe(false);
});

test('listAll() of "Coming from the official SDKs": every secret, over three pages of two', async ({ sk }) => {
  const slugs = await run(sk, async (src: string) => {
    const made = [];
    for (let i = 0; i < 5; i++) made.push((await window.Sharokey.create('secret ' + i)).slug);
    const listAll = new Function('Sharokey', src + '\nreturn listAll;')(window.Sharokey);
    const all = await listAll({ limit: 2 });
    return { made: made.sort(), listed: all.map((s: { slug: string }) => s.slug).sort() };
  }, snippet('list-all'));
  // (One page, or a loop that stops early, lists 2 or 4: toMatchObject compares arrays whole.)
  expect(slugs).toMatchObject({ listed: (slugs as { made: string[] }).made });
});
