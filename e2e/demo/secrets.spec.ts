// Create and Secrets, driven as a person would: fill the form, drop a file,
// read the share link, open it in another browser through the mock's viewer;
// then find it in the table, read its details and delete it.
import { test, expect, openDemo, showView, runId, createSecrets, mockLog, updateReadmeScreenshot } from './helpers.ts';

test.use({ viewport: { width: 1200, height: 900 } });

test('create a secret with a password and files, then open it in a second browser through the viewer', async ({ page, browser, context, env }, testInfo) => {
  const id = runId();
  const plaintext = `db password for ${id}: correct horse ✓`;
  await context.grantPermissions(['clipboard-read', 'clipboard-write']);
  await openDemo(page, env);
  const create = page.getByRole('tabpanel', { name: 'Create' });

  await create.getByLabel('Secret', { exact: true }).fill(plaintext);
  await expect(page.locator('#c-count')).toHaveText(`${[...plaintext].length} / 255 characters`);
  await create.getByLabel('Description').fill(`Staging database ${id}`);
  await create.getByLabel('Message').fill('For Bob, from Alice');
  await create.getByLabel('Expires after (hours)').fill('48');
  await create.getByLabel('Maximum views').fill('2');
  await create.getByLabel('Password').fill('open sesame');
  await create.getByLabel('Ask for a captcha').check(); // lower than the password: not applied
  await create.getByLabel('Allowed countries').fill('FR, DE');

  // One file with the picker, one dropped on the zone.
  await create.getByLabel('Files', { exact: true }).setInputFiles({ name: 'notes.txt', mimeType: 'text/plain', buffer: Buffer.from(`notes of ${id}`) });
  const dropped = await page.evaluateHandle(() => {
    const data = new DataTransfer();
    data.items.add(new File(['{"port": 5432}'], 'config.json', { type: 'application/json' }));
    return data;
  });
  await page.locator('#c-drop').dispatchEvent('dragover', { dataTransfer: dropped });
  await expect(page.locator('#c-drop')).toHaveClass(/over/);
  await page.locator('#c-drop').dispatchEvent('drop', { dataTransfer: dropped });
  const chosen = page.getByRole('list', { name: 'Chosen files' });
  await expect(chosen).toContainText('notes.txt');
  await expect(chosen).toContainText('config.json');
  await expect(chosen).toContainText('2 files');

  await create.getByRole('button', { name: 'Encrypt and create' }).click();
  const result = page.getByRole('region', { name: 'Your share link' });
  await expect(result).toBeFocused();
  await expect(page.locator('#c-progress-label')).toHaveText('Done.');
  expect(await page.locator('#c-progress').evaluate((p: HTMLProgressElement) => p.position)).toBe(1);
  const link = await result.getByRole('textbox', { name: 'Share link' }).inputValue();
  expect(link).toMatch(new RegExp(`^${env.mockOrigin}/s/[\\w-]{8}#[A-Za-z0-9]{24}$`));
  await expect(result).toContainText('Protection applied');
  await expect(result.locator('dd').first()).toHaveText('Password');
  await expect(result).toContainText('Attachments');
  await result.getByRole('button', { name: 'Copy' }).click();
  await expect(page.locator('#c-copied')).toHaveText('Copied to the clipboard.');
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(link);
  await expect(result).toContainText('Only from countriesFR, DE');
  // Ready for the next one: content and every protection cleared (none silently kept, none silently dropped).
  await expect(create.getByLabel('Secret', { exact: true })).toHaveValue('');
  await expect(create.getByLabel('Password')).toHaveValue('');
  await expect(create.getByLabel('Allowed countries')).toHaveValue('');
  await expect(create.getByLabel('Message')).toHaveValue(''); // it was for that secret's recipient
  await expect(create.getByLabel('Description')).toHaveValue('');
  await expect(create.getByLabel('Ask for a captcha')).not.toBeChecked();

  const shot = testInfo.outputPath('demo-create.png');
  await page.screenshot({ path: shot, fullPage: true });
  updateReadmeScreenshot(shot);

  // The recipient: another browser, no token, the mock's viewer page.
  const recipient = await browser.newContext({ extraHTTPHeaders: { 'CF-IPCountry': 'FR' } });
  const viewer = await recipient.newPage();
  // The type of every Blob the page links (its CSP lets no script fetch a blob: URL back).
  await viewer.addInitScript(() => {
    const link = URL.createObjectURL;
    const linked: string[] = ((window as unknown as { linked: string[] }).linked = []);
    URL.createObjectURL = (b: Blob | MediaSource) => (linked.push((b as Blob).type), link(b));
  });
  await viewer.goto(link);
  await expect(viewer.locator('#message')).toHaveText('For Bob, from Alice');
  await viewer.locator('#password').fill('open sesame');
  await viewer.getByRole('button', { name: 'Reveal the secret' }).click();
  await expect(viewer.locator('#content')).toHaveValue(plaintext);
  // Opened, the key leaves the address bar and its history entry.
  expect(viewer.url()).toBe(link.split('#')[0]);
  await expect(viewer.locator('#files a')).toHaveText([/notes\.txt/, /config\.json/]);
  // Files are downloads whatever they hold: never a type a tab would show as a page of the mock's origin.
  expect(await viewer.evaluate(() => (window as unknown as { linked: string[] }).linked)).toEqual(['application/octet-stream', 'application/octet-stream']);
  const [download] = await Promise.all([viewer.waitForEvent('download'), viewer.locator('#files a', { hasText: 'notes.txt' }).click()]);
  expect(download.suggestedFilename()).toBe('notes.txt');
  expect((await import('node:fs')).readFileSync(await download.path(), 'utf8')).toBe(`notes of ${id}`);
  await recipient.close();

  // Zero knowledge, seen from the server: neither the text, the file, nor the key went over the wire.
  const log = await mockLog(env);
  expect(log).not.toContain(plaintext.slice(0, 20));
  expect(log).not.toContain(`notes of ${id}`);
  expect(log).not.toContain(link.split('#')[1]);
});

test('secrets table: search, status filter, pages, details, and delete after a confirmation', async ({ page, env }, testInfo) => {
  const id = runId();
  await openDemo(page, env);
  const made = await createSecrets(page, Array.from({ length: 6 }, (_, i) => ({
    content: `secret ${i}`, description: `Batch ${id} #${i}`, ...(i === 0 && { password: 'pw-1234' }),
  })));
  await showView(page, 'Secrets');
  const panel = page.getByRole('tabpanel', { name: 'Secrets' });
  const rows = panel.locator('tbody tr');

  await panel.getByLabel('Search').fill(`Batch ${id}`);
  await panel.getByLabel('Per page').selectOption('5');
  await panel.getByRole('button', { name: 'Show' }).click();
  await expect(page.locator('#s-summary')).toHaveText('6 secrets found.');
  await expect(rows).toHaveCount(5);
  await expect(rows.first()).toContainText(`Batch ${id} #5`); // newest first
  await expect(panel.getByRole('navigation', { name: 'Pages of secrets' })).toContainText('Page 1 of 2');
  await expect(panel.getByRole('button', { name: 'Previous page' })).toBeDisabled();
  await panel.getByRole('button', { name: 'Next page' }).click();
  await expect(panel.getByRole('navigation', { name: 'Pages of secrets' })).toContainText('Page 2 of 2');
  // The last page disables "Next page", which had the focus: it goes to "Previous page", not to <body>.
  await expect(panel.getByRole('button', { name: 'Previous page' })).toBeFocused();
  // The table scrolls sideways at a phone's width: its box is a named region the keyboard can reach.
  await expect(panel.getByRole('region', { name: 'Secrets table (scrolls sideways)' })).toHaveAttribute('tabindex', '0');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(`Batch ${id} #0`);
  // The Password column: this one has one.
  await expect(rows.first().locator('td').nth(4)).toHaveText('yes');

  await panel.getByLabel('Status').selectOption('expired');
  await panel.getByRole('button', { name: 'Show' }).click();
  await expect(rows).toHaveText(['No secret matches these filters.']);
  await panel.getByLabel('Status').selectOption('active');
  await panel.getByRole('button', { name: 'Show' }).click();
  await expect(page.locator('#s-summary')).toHaveText('6 secrets found.');

  // Details of the first one.
  const target = `Batch ${id} #5`;
  await panel.getByRole('button', { name: `Details of ${target}` }).click();
  const details = panel.getByRole('region', { name: `Secret ${made[5]!.slug}` });
  await expect(details).toBeFocused();
  await expect(details).toContainText(target);
  await expect(details).toContainText('0 of 1');
  await expect(details).toContainText(`${env.mockOrigin}/s/${made[5]!.slug}`);
  await expect(details).not.toContainText(made[5]!.share_url.split('#')[1]!); // metadata only: never the key
  await page.screenshot({ path: testInfo.outputPath('demo-secrets.png'), fullPage: true });
  // Closed, the details give the focus back to the button that opened them.
  await page.locator('#s-details-close').click();
  await expect(details).toBeHidden();
  await expect(panel.getByRole('button', { name: `Details of ${target}` })).toBeFocused();
  await panel.getByRole('button', { name: `Details of ${target}` }).click();
  await expect(details).toBeFocused();

  // Delete: Escape cancels and nothing happens; the confirm button deletes.
  const dialog = page.getByRole('dialog', { name: `Delete secret ${made[5]!.slug}?` });
  await panel.getByRole('button', { name: `Delete ${target}` }).click();
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: 'Cancel' })).toBeFocused();
  await page.keyboard.press('Escape');
  await expect(dialog).toBeHidden();
  await expect(panel.getByRole('button', { name: `Delete ${target}` })).toBeFocused();
  expect(await page.evaluate((slug) => window.Sharokey.getDetails(slug).then((d) => d.status), made[5]!.slug)).toBe('active');

  await panel.getByRole('button', { name: `Delete ${target}` }).click();
  await dialog.getByRole('button', { name: 'Delete the secret' }).click();
  await expect(page.locator('#s-summary')).toContainText(`Secret ${made[5]!.slug} deleted.`);
  await expect(page.locator('#s-summary')).toBeFocused(); // not lost to the page's top with the row
  await expect(rows).toHaveCount(5); // the active list no longer has it
  await panel.getByLabel('Status').selectOption('expired');
  await panel.getByRole('button', { name: 'Show' }).click();
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText('expired');
  await expect(rows.first().getByRole('button', { name: /^Delete/ })).toHaveCount(0);
  expect(await page.evaluate((slug) => window.Sharokey.getDetails(slug).then((d) => d.status), made[5]!.slug)).toBe('expired');
});

test('at a phone\'s width (390 px) the tables scroll inside their box: the page itself never scrolls sideways', async ({ page, env }) => {
  await page.setViewportSize({ width: 390, height: 800 });
  const id = runId();
  await openDemo(page, env);
  await createSecrets(page, [{ content: 'narrow', description: `Narrow ${id} with a rather long description` }]);
  for (const view of ['Secrets', 'Requests', 'Statistics']) {
    await showView(page, view);
    await expect(page.getByRole('tabpanel', { name: view }).locator('tbody tr').first()).toBeVisible();
    expect(await page.evaluate(() => document.documentElement.scrollWidth), view).toBeLessThanOrEqual(390);
  }
  // The row's buttons stay in sight at the table's right edge, without scrolling it.
  await showView(page, 'Secrets');
  const actions = page.getByRole('tabpanel', { name: 'Secrets' }).locator('tbody tr').first().locator('td.row-actions');
  const box = await actions.evaluate((td) => td.getBoundingClientRect().toJSON() as DOMRect);
  expect(box.left).toBeGreaterThanOrEqual(0);
  expect(box.right).toBeLessThanOrEqual(390);
});
