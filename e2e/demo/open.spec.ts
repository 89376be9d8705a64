// "Open a link" (reveal as a recipient, in the console) and Diagnostics
// (health, the six checks of test(), testConnection).
import { readFileSync } from 'node:fs';
import { test, expect, openDemo, showView, runId, control, TOKENS } from './helpers.ts';

test.use({ viewport: { width: 1200, height: 900 } });

test('open a link: a secret behind a captcha opens once the box is ticked', async ({ page, env }) => {
  const id = runId();
  await openDemo(page, env);
  const link = await page.evaluate((id) => window.Sharokey.create(`captcha secret ${id}`, 1, 1, { captcha: true }).then((s) => s.share_url), id);
  await showView(page, 'Open a link');
  const panel = page.getByRole('tabpanel', { name: 'Open a link' });
  await panel.getByLabel('Share link').fill(link);
  await panel.getByRole('button', { name: 'Reveal' }).click();
  await expect(page.locator('#o-error')).toContainText('This secret asks for a captcha.');
  await panel.getByLabel(/I am not a robot/).check();
  await panel.getByRole('button', { name: 'Reveal' }).click();
  await expect(page.locator('#o-result').getByLabel('Content')).toHaveValue(`captcha secret ${id}`);
});

test('open a link: a secret behind a one-time code asks for it, "Send me a code" has it sent, then it opens', async ({ page, env }) => {
  const id = runId();
  await openDemo(page, env);
  const s = await page.evaluate((id) => window.Sharokey.create(`otp secret ${id}`, 1, 1, { otpEmail: `rcpt-${id}@example.com` }), id);
  await showView(page, 'Open a link');
  const panel = page.getByRole('tabpanel', { name: 'Open a link' });
  await panel.getByLabel('Share link').fill(s.share_url);
  await panel.getByRole('button', { name: 'Reveal' }).click();
  await expect(page.locator('#o-error')).toContainText('This secret asks for a one-time code.');
  expect(((await control(env, 'GET', '/_mock/outbox')) as { slug: string }[]).filter((m) => m.slug == s.slug)).toEqual([]);
  await panel.getByRole('button', { name: 'Send me a code' }).click();
  await expect(panel.locator('#o-code-sent')).toContainText('Code sent to r');
  await expect(panel.locator('#o-code-sent a')).toHaveAttribute('href', env.mockOrigin + '/_mock/outbox');
  const sent = ((await control(env, 'GET', '/_mock/outbox')) as { slug: string; code: string }[]).filter((m) => m.slug == s.slug);
  expect(sent).toHaveLength(1);
  await panel.getByLabel(/One-time code/).fill(sent[0]!.code);
  await panel.getByRole('button', { name: 'Reveal' }).click();
  await expect(page.locator('#o-result').getByLabel('Content')).toHaveValue(`otp secret ${id}`);
});

test('open a link: a wrong password uses no view, the right one shows the content, the message and the file', async ({ page, env }, testInfo) => {
  const id = runId();
  // The type of every Blob the page links (its CSP lets no script fetch a blob: URL back).
  await page.addInitScript(() => {
    const link = URL.createObjectURL;
    const linked: string[] = ((window as unknown as { linked: string[] }).linked = []);
    URL.createObjectURL = (b: Blob | MediaSource) => (linked.push((b as Blob).type), link(b));
  });
  await openDemo(page, env);
  const link = await page.evaluate(async (id) => {
    const file = new File([`report of ${id}`], 'report.csv', { type: 'text/csv' });
    const s = await window.Sharokey.create(`the secret of ${id}`, 1, 1, { password: 'pw-4567', message: 'From the ops team', attachments: [file] });
    return s.share_url;
  }, id);

  await showView(page, 'Open a link');
  const panel = page.getByRole('tabpanel', { name: 'Open a link' });
  await panel.getByLabel('Share link').fill(link);
  await panel.getByRole('button', { name: 'Reveal' }).click();
  await expect(page.locator('#o-error')).toContainText('This secret is protected by a password. Enter the password and try again.');
  await panel.getByLabel('Password').fill('not it');
  await panel.getByRole('button', { name: 'Reveal' }).click();
  await expect(page.locator('#o-error')).toContainText('The password is wrong. No view was used');
  // The field is where it is fixed: marked, described by the note next to it, and focused.
  const password = panel.getByLabel('Password');
  await expect(password).toBeFocused();
  await expect(password).toHaveAttribute('aria-invalid', 'true');
  await expect(password).toHaveAccessibleDescription('The password is wrong.');
  const slug = new URL(link).pathname.split('/').pop()!;
  expect(await page.evaluate((slug) => window.Sharokey.getDetails(slug).then((d) => d.current_views), slug)).toBe(0);

  await panel.getByLabel('Password').fill('pw-4567');
  await panel.getByRole('button', { name: 'Reveal' }).click();
  const result = page.locator('#o-result');
  await expect(result).toBeFocused();
  await expect(result.getByLabel('Content')).toHaveValue(`the secret of ${id}`);
  await expect(result).toContainText('Message: From the ops team');
  await expect(page.locator('#o-error')).toBeHidden();
  await expect(panel.getByLabel('Share link')).toHaveValue(''); // the form forgets the link and password
  await expect(panel.getByLabel('Password')).toHaveValue('');
  const [download] = await Promise.all([page.waitForEvent('download'), result.getByRole('link', { name: 'Download report.csv' }).click()]);
  expect(download.suggestedFilename()).toBe('report.csv');
  expect(readFileSync(await download.path(), 'utf8')).toBe(`report of ${id}`);
  // A download whatever the file holds, never a type a tab would show as a page of the console's origin.
  expect(await page.evaluate(() => (window as unknown as { linked: string[] }).linked)).toEqual(['application/octet-stream']);
  await page.screenshot({ path: testInfo.outputPath('demo-open.png'), fullPage: true });

  // One view only: the second time, it is gone.
  await panel.getByLabel('Share link').fill(link);
  await panel.getByLabel('Password').fill('pw-4567');
  await panel.getByRole('button', { name: 'Reveal' }).click();
  await expect(page.locator('#o-error')).toContainText('This secret or answer is no longer available.');
  await expect(result).toBeHidden();

  // A link without its key is explained next to the field.
  await panel.getByLabel('Share link').fill(link.split('#')[0]!);
  await panel.getByRole('button', { name: 'Reveal' }).click();
  await expect(panel.getByLabel('Share link')).toHaveAttribute('aria-invalid', 'true');
  await expect(panel.locator('.field-error')).toContainText('was the link cut?');
});

test('diagnostics: health, the six checks with their messages, and the connection test', async ({ page, env }, testInfo) => {
  await openDemo(page, env);
  await showView(page, 'Diagnostics');
  const panel = page.getByRole('tabpanel', { name: 'Diagnostics' });
  await expect(panel).toContainText('Library version');
  await expect(panel).toContainText('set (kept in this tab only)');

  await panel.getByRole('button', { name: 'Check the server' }).click();
  await expect(page.locator('#d-status')).toHaveText(/^The server answers: status “ok”, version \S+\.$/);

  await panel.getByRole('button', { name: 'Run the six checks' }).click();
  await expect(page.locator('#d-status')).toHaveText('6 of 6 checks passed. Everything works.');
  // Disabled while they ran, the button gets the focus back (a keyboard user keeps their place).
  await expect(panel.getByRole('button', { name: 'Run the six checks' })).toBeFocused();
  const checks = panel.getByRole('listitem');
  await expect(checks).toHaveCount(6);
  const names = ['configuration', 'network', 'authentication', 'read access', 'write access', 'statistics'];
  for (const [i, name] of names.entries()) {
    await expect(checks.nth(i)).toContainText(`${name} — passed: `);
    await expect(checks.nth(i)).toHaveText(new RegExp(`passed: \\S`)); // each with its message
  }
  await page.screenshot({ path: testInfo.outputPath('demo-diagnostics.png'), fullPage: true });

  await panel.getByRole('button', { name: 'Test the connection' }).click();
  await expect(page.locator('#d-status')).toHaveText('Connection test: the server answers and accepts the token.');

  // A read-only token: the checks say which ones fail and why.
  await page.getByLabel('API token', { exact: true }).fill(TOKENS.reader);
  await page.getByRole('button', { name: 'Save and connect' }).click();
  await expect(page.locator('#set-status')).toContainText('The token is accepted');
  await panel.getByRole('button', { name: 'Run the six checks' }).click();
  await expect(page.locator('#d-status')).toHaveText('4 of 6 checks passed. See what failed below.');
  await expect(checks.filter({ hasText: 'write access' })).toContainText('failed');
  await expect(checks.filter({ hasText: 'statistics' })).toContainText('failed');
  await expect(checks.filter({ hasText: 'read access' })).toContainText('passed');

  // No server there: the network check fails, and the four after it did not run: skipped, not failed.
  await page.getByLabel('API URL').fill('http://127.0.0.1:9/api/v1');
  await page.getByRole('button', { name: 'Save and connect' }).click();
  await expect(page.locator('#set-status')).toContainText('cannot be reached');
  await panel.getByRole('button', { name: 'Run the six checks' }).click();
  await expect(page.locator('#d-status')).toHaveText('1 of 6 checks passed, 4 skipped. See what failed below.');
  await expect(checks.filter({ hasText: 'network' })).toContainText('network — failed: ');
  for (const name of ['authentication', 'read access', 'write access', 'statistics']) {
    await expect(checks.filter({ hasText: name })).toContainText(`${name} — skipped: fix the checks above first`);
  }
  // Shown in the list like the others (not moved off-screen by a class of the same name elsewhere).
  expect(await checks.evaluateAll((items) => items.map((li) => li.getBoundingClientRect().left >= 0))).toEqual(Array(6).fill(true));
});
