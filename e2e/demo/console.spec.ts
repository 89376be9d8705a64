// The demo console as a whole: settings kept for the tab only, errors in
// plain words, labels, headings, tabs, keyboard use, and a page that obeys
// a strict Content-Security-Policy.
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { test, expect, openDemo, showView, runId, control, TOKENS } from './helpers.ts';

test.use({ viewport: { width: 1200, height: 900 } });

/** A port nothing listens on: one the system just gave out and took back. */
const closedPort = () => new Promise<number>((resolve) => {
  const probe = createServer().listen(0, '127.0.0.1', () => {
    const { port } = probe.address() as { port: number };
    probe.close(() => resolve(port));
  });
});

const VIEWS = ['Create', 'Secrets', 'Statistics', 'Requests', 'Open a link', 'Diagnostics'];

test('settings: the API URL comes from ?api=, the token lives in this tab only, and the status says what works', async ({ page, browser, env }, testInfo) => {
  await page.goto(env.demo);
  await expect(page.getByLabel('API URL')).toHaveValue(env.mockUrl);
  expect(new URL(page.url()).search).toBe(''); // read once, then dropped from the address
  await expect(page.locator('#set-status')).toContainText('No token yet');

  // The demo fixture's token is not one of the test fixture's: the console says it was refused.
  await page.getByRole('button', { name: 'Use demo token' }).click();
  await expect(page.getByLabel('API token', { exact: true })).toHaveValue('demo-admin-token');
  await expect(page.locator('#set-status')).toHaveText('The server answers, but the token was refused. Check it.');
  // The field it is about is marked, and described by that line.
  const tokenField = page.getByLabel('API token', { exact: true });
  await expect(tokenField).toHaveAttribute('aria-invalid', 'true');
  await expect(tokenField).toHaveAccessibleDescription(/token was refused/);
  // A new save forgets that mark, also one that stops at another field (a bad API URL).
  await page.getByLabel('API URL').fill('not a url');
  await page.getByRole('button', { name: 'Save and connect' }).click();
  await expect(page.locator('#set-status')).toHaveText('Not saved: fix the field above.');
  await expect(tokenField).not.toHaveAttribute('aria-invalid', 'true');
  await expect(tokenField).not.toHaveAccessibleDescription(/Not saved/);
  await page.getByLabel('API URL').fill(env.mockUrl);

  await page.getByLabel('API token', { exact: true }).fill(TOKENS.admin);
  await page.getByRole('button', { name: 'Save and connect' }).click();
  await expect(page.locator('#set-status')).toHaveText(`Connected to ${env.mockUrl}. The token is accepted; Diagnostics shows what it may do.`);
  await expect(tokenField).not.toHaveAttribute('aria-invalid', 'true');
  await expect(tokenField).not.toHaveAccessibleDescription(/Connected/);
  await page.screenshot({ path: testInfo.outputPath('demo-settings.png') });

  const storage = await page.evaluate(() => ({ session: { ...sessionStorage }, local: localStorage.length, cookies: document.cookie }));
  expect(Object.values(storage.session)).toContain(TOKENS.admin);
  expect(storage.local).toBe(0);
  expect(storage.cookies).toBe('');

  // A reload in the same tab keeps it; another browser (context) does not have it.
  await page.reload();
  await expect(page.getByLabel('API token', { exact: true })).toHaveValue(TOKENS.admin);
  await expect(page.locator('#set-status')).toContainText('The token is accepted');
  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto(`${env.pageOrigin}/demo/`);
  await expect(otherPage.getByLabel('API token', { exact: true })).toHaveValue('');
  await expect(otherPage.getByLabel('API URL')).toHaveValue('http://127.0.0.1:8787/api/v1'); // npm start's mock
  await other.close();

  await page.getByRole('button', { name: 'Forget token' }).click();
  await expect(page.locator('#set-status')).toContainText('No token yet');
  expect(await page.evaluate(() => Object.values({ ...sessionStorage }))).not.toContain(TOKENS.admin);

  // A malformed API URL is refused next to its field, and nothing else changes.
  await page.getByLabel('API URL').fill('ftp://example.com');
  await page.getByRole('button', { name: 'Save and connect' }).click();
  await expect(page.getByLabel('API URL')).toHaveAttribute('aria-invalid', 'true');
  await expect(page.locator('#set-error')).toContainText('Some fields need a correction');
  await expect(page.locator('.field-error')).toHaveText('must be an http(s) URL');
});

test('errors read as plain sentences with what to do, never a stack trace', async ({ page, env }) => {
  const id = runId();
  await openDemo(page, env, TOKENS.revoked);
  await expect(page.locator('#set-status')).toContainText('token was refused');
  await showView(page, 'Secrets');
  const alert = page.locator('#s-error');
  await expect(alert).toContainText('The token was refused. Check it in Settings');

  // A token without the "stats" scope.
  await page.getByLabel('API token', { exact: true }).fill(TOKENS.reader);
  await page.getByRole('button', { name: 'Save and connect' }).click();
  await showView(page, 'Statistics');
  await expect(page.locator('#st-error')).toContainText('This token is not allowed to do that');

  // Too many requests: the mock answers 429 with Retry-After (each retry too).
  await page.getByLabel('API token', { exact: true }).fill(TOKENS.admin);
  await page.getByRole('button', { name: 'Save and connect' }).click();
  await showView(page, 'Secrets');
  const search = page.getByRole('tabpanel', { name: 'Secrets' }).getByLabel('Search');
  await control(env, 'POST', '/_mock/fault', { path: `search=limited-${id}`, status: 429, headers: { 'Retry-After': '1' }, times: 3 });
  await search.fill(`limited-${id}`);
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(alert).toContainText('Too many requests in a short time. Wait 1 second, then try again.');

  // A proxy's HTML error page.
  await control(env, 'POST', '/_mock/fault', { path: `search=broken-${id}`, status: 502, body: '<html><body>Bad gateway</body></html>', times: 3 });
  await search.fill(`broken-${id}`);
  await page.getByRole('button', { name: 'Show' }).click();
  await expect(alert).toContainText('The server cannot be reached, or it answered with an error');
  await expect(alert).not.toContainText('Bad gateway');

  // No server at all.
  await page.getByLabel('API URL').fill(`http://127.0.0.1:${await closedPort()}/api/v1`);
  await page.getByRole('button', { name: 'Save and connect' }).click();
  await expect(page.locator('#set-status')).toContainText('cannot be reached');
  await showView(page, 'Diagnostics');
  await page.getByRole('button', { name: 'Check the server' }).click();
  await expect(page.locator('#d-error')).toContainText('Check the API URL in Settings');

  for (const box of await page.locator('.alert').all()) {
    const text = (await box.textContent()) ?? '';
    expect(text).not.toMatch(/\n\s*at |\.js:\d+|Error:/);
  }
});

test('invalid input is explained next to each field, before anything is sent', async ({ page, env }) => {
  await openDemo(page, env);
  await page.getByLabel('Secret', { exact: true }).fill('x'.repeat(10));
  await page.getByLabel('Expires after (hours)').fill('9999');
  await page.getByLabel('Code by SMS to').fill('12');
  await page.getByLabel('Allowed IP addresses or ranges').fill('192.168.1.1');
  const posts: string[] = [];
  page.on('request', (r) => r.method() === 'POST' && posts.push(r.url()));
  await page.getByRole('button', { name: 'Encrypt and create' }).click();

  await expect(page.locator('#c-error')).toContainText('Some fields need a correction');
  for (const label of ['Expires after (hours)', 'Code by SMS to', 'Allowed IP addresses or ranges']) {
    const field = page.getByLabel(label);
    await expect(field).toHaveAttribute('aria-invalid', 'true');
    const note = await field.getAttribute('aria-describedby');
    expect(note).toMatch(/fe-/);
    await expect(page.locator(`#${note!.split(' ').pop()}`)).toBeVisible();
  }
  await expect(page.getByLabel('Expires after (hours)')).toBeFocused();
  await expect(page.locator('#c-error li')).toHaveCount(3);
  expect(posts).toEqual([]);

  // Fixing the fields clears the notes on the next try.
  await page.getByLabel('Expires after (hours)').fill('2');
  await page.getByLabel('Code by SMS to').fill('');
  await page.getByLabel('Allowed IP addresses or ranges').fill('203.0.113.7');
  await page.getByRole('button', { name: 'Encrypt and create' }).click();
  await expect(page.locator('#c-result')).toBeVisible();
  await expect(page.locator('[aria-invalid]')).toHaveCount(0);
});

test('accessibility: headings, a label for every control, tabs that own their panels', async ({ page, env }, testInfo) => {
  await openDemo(page, env);
  const tree = await page.locator('body').ariaSnapshot();
  await testInfo.attach('aria-snapshot', { body: tree, contentType: 'text/yaml' });
  expect(tree).toContain('heading "Sharokey demo console" [level=1]');
  expect(tree).toContain('heading "Settings" [level=2]');
  expect(tree).toContain('tablist "Console views"');
  for (const name of VIEWS) expect(tree).toContain(`tab "${name}"`);
  expect(tree).toMatch(/tab "Create" \[selected\]/);
  expect(tree).toContain('textbox "API URL"');
  expect(tree).toContain('textbox "API token"');
  expect(tree).toContain('heading "Create a secret" [level=2]');

  await expect(page.getByRole('tab')).toHaveCount(6);
  for (const name of VIEWS) {
    await showView(page, name);
    await expect(page.getByRole('tab', { name })).toHaveAttribute('aria-selected', 'true');
    await expect(page.getByRole('tabpanel')).toHaveCount(1); // the others are hidden
    await expect(page.getByRole('tabpanel', { name }).getByRole('heading', { level: 2 })).toBeVisible();
  }

  // Every control of every view, shown or not, has a name a screen reader can say.
  const unnamed = await page.evaluate(() => [...document.querySelectorAll('input, select, textarea, button')]
    .filter((c) => !((c as HTMLInputElement).labels?.length || c.getAttribute('aria-label') || c.getAttribute('aria-labelledby') || (c.tagName === 'BUTTON' && c.textContent!.trim())))
    .map((c) => c.outerHTML));
  expect(unnamed).toEqual([]);
  const headings = await page.evaluate(() => [...document.querySelectorAll('h1')].length);
  expect(headings).toBe(1);
});

test('keyboard: Tab reaches the settings and the tabs, arrows switch views, focus is visible', async ({ page, env }) => {
  await openDemo(page, env);
  await page.goto('about:blank');
  await page.goto(`${env.pageOrigin}/demo/`); // a fresh load: focus starts at the top
  const order: string[] = [];
  for (let i = 0; i < 14; i++) {
    await page.keyboard.press('Tab');
    order.push(await page.evaluate(() => document.activeElement?.id || document.activeElement?.tagName || ''));
  }
  const at = (id: string) => order.indexOf(id);
  for (const id of ['set-api', 'set-token', 'set-company', 'set-demo', 'tab-create']) expect(order, `Tab reaches #${id}`).toContain(id);
  expect(at('set-api')).toBeLessThan(at('set-token'));
  expect(at('set-token')).toBeLessThan(at('tab-create'));
  // One tab stop for the whole tab list (the ARIA tabs pattern): the next stop is inside the panel.
  expect(order.filter((id) => id.startsWith('tab-'))).toEqual(['tab-create']);

  await page.locator('#tab-create').focus();
  const outline = await page.evaluate(() => {
    const s = getComputedStyle(document.activeElement!);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
  expect(outline.style).not.toBe('none');
  expect(outline.width).toBeGreaterThanOrEqual(2);

  await page.keyboard.press('ArrowRight');
  await expect(page.getByRole('tab', { name: 'Secrets' })).toBeFocused();
  await expect(page.getByRole('tab', { name: 'Secrets' })).toHaveAttribute('aria-selected', 'true');
  await expect(page.getByRole('tabpanel', { name: 'Secrets' })).toBeVisible();
  await page.keyboard.press('End');
  await expect(page.getByRole('tab', { name: 'Diagnostics' })).toBeFocused();
  await expect(page.getByRole('tabpanel', { name: 'Diagnostics' })).toBeVisible();
  await page.keyboard.press('ArrowRight'); // wraps around
  await expect(page.getByRole('tab', { name: 'Create' })).toBeFocused();
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByRole('tab', { name: 'Diagnostics' })).toBeFocused();
  await page.keyboard.press('Home');
  await expect(page.getByRole('tabpanel', { name: 'Create' })).toBeVisible();
  // A link to a view within the page (#stats) shows it; the skip link's anchor changes no view.
  await page.evaluate(() => { location.hash = '#stats'; });
  await expect(page.getByRole('tabpanel', { name: 'Statistics' })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Statistics' })).toHaveAttribute('aria-selected', 'true');
  await page.evaluate(() => { location.hash = '#views'; });
  await expect(page.getByRole('tabpanel', { name: 'Statistics' })).toBeVisible();
  // An anchor that is no view leaves the address naming the view shown, so a reload opens it (not Create).
  await expect(page).toHaveURL(/#stats$/);
  // The skip link, by keyboard: the focus goes to the tab of the view shown; the address and the history stay.
  const entries = await page.evaluate(() => history.length);
  await page.getByRole('link', { name: 'Skip to the console' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('tab', { name: 'Statistics' })).toBeFocused();
  await expect(page).toHaveURL(/#stats$/);
  expect(await page.evaluate(() => history.length)).toBe(entries);
  await page.reload();
  await expect(page.getByRole('tabpanel', { name: 'Statistics' })).toBeVisible();
  await page.getByRole('tab', { name: 'Create' }).click();
  await page.getByRole('tab', { name: 'Create' }).focus();

  // From the tab, Tab goes into the panel and a form can be filled and sent by keyboard alone.
  await page.keyboard.press('Tab');
  await expect(page.getByLabel('Secret', { exact: true })).toBeFocused();
  await page.keyboard.type('typed, not clicked');
  await page.getByRole('button', { name: 'Encrypt and create' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.locator('#c-result')).toBeFocused();
  await expect(page.getByRole('textbox', { name: 'Share link' })).toHaveValue(/\/s\/\w{8}#\w{24}$/);
});

test('the page has no inline script, style or handler, and declares a strict CSP with Trusted Types', async ({ page, env }) => {
  const html = readFileSync(new URL('../../demo/index.html', import.meta.url), 'utf8');
  const csp = /http-equiv="Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '';
  expect(csp).toContain("script-src 'self'");
  expect(csp).toContain("style-src 'self'");
  expect(csp).toContain("require-trusted-types-for 'script'");
  expect(csp).not.toContain('unsafe');
  expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  expect(html).not.toMatch(/<style|\sstyle=|\son[a-z]+=/i);
  // And it holds at run time: the watch fixture fails this test on any violation while every view loads.
  await openDemo(page, env);
  for (const name of VIEWS) await showView(page, name);
  expect(await page.evaluate(() => window.cspViolations ?? [])).toEqual([]);
});

test('without the library, the page says so, and a form sent by Enter goes nowhere: no navigation, no CSP report, no token or secret in an address', async ({ page, env }) => {
  // dist/sharokey.min.js not built, or blocked: app.js wires no form. A form's native GET
  // would put its fields (the token, the secret and its password, a link with its key) in the
  // address; the page's CSP (form-action 'none') blocks it, with a violation report (checked here,
  // and by the watch fixture after every test). method="dialog" makes it go nowhere without one, and without the CSP.
  await page.route('**/dist/sharokey.min.js', (route) => route.abort());
  const sent: string[] = [];
  page.on('request', (r) => sent.push(r.url()));
  await page.goto(env.demo);
  await expect(page.locator('#set-status')).toHaveText('The Sharokey script (dist/sharokey.min.js) did not load. Run npm run build, then reload.');
  const before = page.url();
  const secret = `never-in-an-address-${runId()}`;
  await page.getByLabel('API token', { exact: true }).fill(secret);
  await page.getByLabel('API token', { exact: true }).press('Enter');
  await page.locator('#c-content').fill(secret);
  await page.locator('#c-password').fill(secret);
  await page.locator('#c-password').press('Enter');
  await page.waitForTimeout(300); // a navigation, had one begun, would be under way
  expect(page.url()).toBe(before);
  expect(sent.filter((url) => url.includes(secret))).toEqual([]);
  expect(await page.evaluate(() => window.cspViolations ?? []), 'no form-action violation').toEqual([]);
  // Every form of the console is so, the hidden views' too.
  expect(await page.locator('form:not([method="dialog"])').count()).toBe(0);
});
