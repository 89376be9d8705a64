// Details of the demo console's tables that no other test pinned down (each
// found by the third round of scripts/mutants.mjs): the pager at the last
// page and past it, "(views used)", the requests' filters going back to page 1,
// "0 requests", "No token is set", the secret sent as typed, files not carried
// over to the next secret, a recipient's PermissionError.
import { test, expect, openDemo, showView, runId, createSecrets, control, TOKENS } from './helpers.ts';

test.use({ viewport: { width: 1200, height: 900 } });

test('secrets pager: Next is off on the last page, a page emptied by a delete still leads back, a used-up secret says so', async ({ page, env }) => {
  const id = runId();
  await openDemo(page, env);
  const made = await createSecrets(page, Array.from({ length: 6 }, (_, i) => ({ content: `s ${i}`, description: `Pager ${id} #${i}` })));
  await showView(page, 'Secrets');
  const panel = page.getByRole('tabpanel', { name: 'Secrets' });
  const rows = panel.locator('tbody tr');
  const nav = panel.getByRole('navigation', { name: 'Pages of secrets' });
  await panel.getByLabel('Search').fill(`Pager ${id}`);
  await panel.getByLabel('Status').selectOption('active');
  await panel.getByLabel('Per page').selectOption('5');
  await panel.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(nav).toContainText('Page 1 of 2');
  await expect(panel.getByRole('button', { name: 'Next page' })).toBeEnabled();
  await panel.getByRole('button', { name: 'Next page' }).click();
  await expect(nav).toContainText('Page 2 of 2');
  await expect(panel.getByRole('button', { name: 'Next page' })).toBeDisabled();

  // The only secret of page 2 is deleted: that page is now past the end, and Previous still leads back.
  await panel.getByRole('button', { name: `Delete Pager ${id} #0` }).click();
  await page.getByRole('dialog').getByRole('button', { name: 'Delete the secret' }).click();
  await expect(rows).toHaveText(['No secret matches these filters.']);
  await expect(panel.getByRole('button', { name: 'Previous page' })).toBeVisible();
  await expect(panel.getByRole('button', { name: 'Previous page' })).toBeEnabled();
  await panel.getByRole('button', { name: 'Previous page' }).click();
  await expect(rows).toHaveCount(5);
  await expect(nav).toBeHidden(); // one page: no pager

  // A secret whose only view was used: expired, "(views used)"; the deleted one is expired without it.
  await page.evaluate((url) => window.Sharokey.reveal(url), made[1]!.share_url);
  await panel.getByLabel('Status').selectOption('expired');
  await panel.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(rows).toHaveCount(2);
  await expect(rows.filter({ hasText: `Pager ${id} #1` })).toContainText('(views used)');
  await expect(rows.filter({ hasText: `Pager ${id} #0` })).not.toContainText('(views used)');
});

test('requests: "Show" with new filters goes back to page 1', async ({ page, env }) => {
  const id = runId();
  await openDemo(page, env);
  await page.evaluate(async (id) => {
    for (let i = 0; i < 6; i++) await window.Sharokey.createRequest({ message: `Req ${id} #${i}` });
  }, id);
  await showView(page, 'Requests');
  const panel = page.getByRole('tabpanel', { name: 'Requests' });
  const nav = panel.getByRole('navigation', { name: 'Pages of requests' });
  await panel.getByLabel('Search').fill(`Req ${id}`);
  await panel.getByLabel('Per page').selectOption('5');
  await panel.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(nav).toContainText('Page 1 of 2');
  await panel.getByRole('button', { name: 'Next page' }).click();
  await expect(nav).toContainText('Page 2 of 2');
  await panel.getByLabel('Search').fill(`Req ${id} #3`);
  await panel.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page.locator('#r-summary')).toHaveText('1 request found.');
  await expect(panel.locator('#r-table tbody tr')).toHaveCount(1);
  await expect(panel.locator('#r-table tbody tr')).toContainText(`Req ${id} #3`);
  await panel.getByLabel('Search').fill(`Req ${id} none`);
  await panel.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page.locator('#r-summary')).toHaveText('0 requests found.');
});

test('without a token, a view says that no token is set (not that a token was refused)', async ({ page, env }) => {
  await page.goto(env.demo);
  await expect(page.locator('#set-status')).toContainText('No token yet');
  await showView(page, 'Secrets');
  await expect(page.locator('#s-error')).toContainText('No token is set. Enter one in Settings, or use the demo token.');
});

test('create: the secret is sent exactly as typed (spaces and line breaks kept), and the next one does not take the last one\'s files', async ({ page, env }) => {
  const id = runId();
  await openDemo(page, env);
  const create = page.getByRole('tabpanel', { name: 'Create' });
  const typed = `  indented ${id}\n  second line  \n`;
  await create.getByLabel('Secret', { exact: true }).fill(typed);
  await create.getByLabel('Files', { exact: true }).setInputFiles({ name: 'first.txt', mimeType: 'text/plain', buffer: Buffer.from('first') });
  await create.getByRole('button', { name: 'Encrypt and create' }).click();
  await expect(page.locator('#c-link')).toHaveValue(/#/);
  const first = await page.locator('#c-link').inputValue();
  await expect(page.getByRole('list', { name: 'Chosen files' })).not.toContainText('first.txt');

  await create.getByLabel('Secret', { exact: true }).fill(`no file ${id}`);
  await create.getByRole('button', { name: 'Encrypt and create' }).click();
  await expect(page.locator('#c-link')).not.toHaveValue(first);
  const second = await page.locator('#c-link').inputValue();

  const opened = await page.evaluate(async ([a, b]) => {
    const x = await window.Sharokey.reveal(a!);
    const y = await window.Sharokey.reveal(b!);
    return [x.content, x.attachments.map((f) => f.name), y.content, y.attachments.length];
  }, [first, second]);
  expect(opened).toEqual([typed, ['first.txt'], `no file ${id}`, 0]);
});

test('create: "Remove" takes one file out of what is sent, and "Clear the form" empties the text, the files, the counter and the errors', async ({ page, env }) => {
  const id = runId();
  await openDemo(page, env);
  const create = page.getByRole('tabpanel', { name: 'Create' });
  const chosen = page.getByRole('list', { name: 'Chosen files' });
  await create.getByLabel('Files', { exact: true }).setInputFiles([
    { name: 'keep.txt', mimeType: 'text/plain', buffer: Buffer.from('kept') },
    { name: 'drop.txt', mimeType: 'text/plain', buffer: Buffer.from('dropped') },
  ]);
  await expect(chosen).toContainText('2 files');
  await create.getByRole('button', { name: 'Remove drop.txt' }).click();
  await expect(chosen).not.toContainText('drop.txt');
  await expect(chosen).toContainText('1 file,');
  // The focus stays in the list, on the file now in that place, not lost to the page.
  await expect(create.getByRole('button', { name: 'Remove keep.txt' })).toBeFocused();
  await create.getByLabel('Secret', { exact: true }).fill(`one file ${id}`);
  await create.getByRole('button', { name: 'Encrypt and create' }).click();
  await expect(page.locator('#c-link')).toHaveValue(/#/);
  const sent = await page.evaluate((u) => window.Sharokey.reveal(u).then((r) => r.attachments.map((f) => f.name)), await page.locator('#c-link').inputValue());
  expect(sent).toEqual(['keep.txt']);

  // Clear the form: text, files, counter and the error of a refused try all go.
  await create.getByLabel('Secret', { exact: true }).fill('x'.repeat(300));
  await create.getByLabel('Files', { exact: true }).setInputFiles({ name: 'again.txt', mimeType: 'text/plain', buffer: Buffer.from('again') });
  await create.getByRole('button', { name: 'Encrypt and create' }).click();
  await expect(page.locator('#c-error')).toBeVisible();
  await expect(page.locator('#c-count')).toHaveText('300 / 255 characters');
  await create.getByRole('button', { name: 'Clear the form' }).click();
  await expect(create.getByLabel('Secret', { exact: true })).toHaveValue('');
  await expect(chosen).not.toContainText('again.txt');
  await expect(page.locator('#c-count')).toHaveText('0 / 255 characters');
  await expect(page.locator('#c-error')).toBeHidden();
});

test('open a link: a link whose key was damaged (one letter changed) says the key is wrong and to ask for the whole link', async ({ page, env }) => {
  await openDemo(page, env);
  const url = await page.evaluate(() => window.Sharokey.create('behind a key', 1, 2).then((s) => s.share_url));
  const last = url.slice(-1);
  await showView(page, 'Open a link');
  const panel = page.getByRole('tabpanel', { name: 'Open a link' });
  await panel.getByLabel('Share link').fill(url.slice(0, -1) + (last === 'A' ? 'B' : 'A'));
  await panel.getByRole('button', { name: 'Reveal', exact: true }).click();
  await expect(page.locator('#o-error')).toContainText('It could not be decrypted.');
  await expect(page.locator('#o-error')).toContainText('The key in the link is wrong or incomplete');
  // The whole link still opens it (the damaged try used one of its two views).
  await panel.getByLabel('Share link').fill(url);
  await panel.getByRole('button', { name: 'Reveal', exact: true }).click();
  await expect(page.locator('#o-error')).toBeHidden();
  await expect(page.locator('#o-result').getByLabel('Content')).toHaveValue('behind a key');
});

test('open a link: a secret limited to other countries is explained as such, not as a token without permission', async ({ page, env }) => {
  await openDemo(page, env);
  const url = await page.evaluate(() => window.Sharokey.create('only in France', 1, 1, { geolocation: 'FR' }).then((s) => s.share_url));
  await showView(page, 'Open a link');
  const panel = page.getByRole('tabpanel', { name: 'Open a link' });
  await panel.getByLabel('Share link').fill(url);
  await panel.getByRole('button', { name: 'Reveal', exact: true }).click();
  await expect(page.locator('#o-error')).toContainText('This secret cannot be opened from here.');
});

test('a secret limited to countries, with no password, code or captcha, is not reported as open to anyone', async ({ page, env }) => {
  await openDemo(page, env);
  const create = page.getByRole('tabpanel', { name: 'Create' });
  await create.getByLabel('Secret', { exact: true }).fill('country only');
  await create.getByLabel('Allowed countries').fill('fr');
  await create.getByRole('button', { name: 'Encrypt and create' }).click();
  const result = page.getByRole('region', { name: 'Your share link' });
  await expect(result.locator('dd').first()).toHaveText('No password, code or captcha');
  await expect(result).toContainText('Only from countriesFR');
  await expect(result).not.toContainText('anyone');
});

test('limits are shown as they are passed, before sending: the character counter, and too many files', async ({ page, env }) => {
  await openDemo(page, env);
  const create = page.getByRole('tabpanel', { name: 'Create' });
  await create.getByLabel('Secret', { exact: true }).fill('x'.repeat(255));
  await expect(page.locator('#c-count')).toHaveText('255 / 255 characters');
  await expect(page.locator('#c-count')).not.toHaveClass(/over-limit/);
  await create.getByLabel('Secret', { exact: true }).fill('x'.repeat(256));
  await expect(page.locator('#c-count')).toHaveClass(/over-limit/);
  const chosen = page.getByRole('list', { name: 'Chosen files' });
  const file = (i: number) => ({ name: `f${i}.txt`, mimeType: 'text/plain', buffer: Buffer.from(`file ${i}`) });
  await create.getByLabel('Files', { exact: true }).setInputFiles(Array.from({ length: 10 }, (_, i) => file(i)));
  await expect(chosen).toContainText('10 files');
  await expect(chosen).not.toContainText('Over the limit');
  await create.getByLabel('Files', { exact: true }).setInputFiles([file(10)]);
  await expect(chosen).toContainText('Over the limit of 10 files and 10 MB in all');
});

test('a link that names another API in a fresh tab says which server it chose before any token is typed', async ({ browser, env }) => {
  const fresh = await browser.newPage();
  const other = env.mockUrl.replace('127.0.0.1', 'localhost');
  await fresh.goto(env.demo.replace(encodeURIComponent(env.mockUrl), encodeURIComponent(other)));
  await expect(fresh.getByLabel('API URL')).toHaveValue(other);
  await expect(fresh.locator('#set-status')).toContainText(`No token yet. The address chose the API ${other}: enter a token only if you trust that server.`);
  await fresh.close();
});

test('a link that names another API forgets the saved token rather than send it there, and says so', async ({ page, env }) => {
  await openDemo(page, env);
  await control(env, 'DELETE', '/_mock/log');
  // The same mock under another name (localhost, not 127.0.0.1): another API as far as the tab can tell.
  const other = env.mockUrl.replace('127.0.0.1', 'localhost');
  await page.goto(env.demo.replace(encodeURIComponent(env.mockUrl), encodeURIComponent(other)));
  await expect(page.getByLabel('API URL')).toHaveValue(other);
  await expect(page.getByLabel('API token', { exact: true })).toHaveValue('');
  await expect(page.locator('#set-status')).toContainText('the token was forgotten');
  await showView(page, 'Secrets');
  await expect(page.locator('#s-error')).toContainText('No token is set');
  const log = await control(env, 'GET', '/_mock/log');
  expect(JSON.stringify(log)).not.toContain('Bearer');
  // The same API named again keeps a token entered since.
  await page.getByLabel('API token', { exact: true }).fill(TOKENS.admin);
  await page.getByRole('button', { name: 'Save and connect' }).click();
  await expect(page.locator('#set-status')).toContainText('The token is accepted');
  await page.goto(env.demo.replace(encodeURIComponent(env.mockUrl), encodeURIComponent(other)));
  await expect(page.getByLabel('API token', { exact: true })).toHaveValue(TOKENS.admin);
});

test("what the server sends is shown as text whatever its shape: a direction override made visible, a date that is none, details that are no list", async ({ page, env }) => {
  const id = runId();
  await openDemo(page, env);
  const link = await page.evaluate(async (id) => {
    const file = new File(['x'], 'vpn-config\u202Efdp.exe');
    return (await window.Sharokey.create(`s ${id}`, 1, 1, { message: 'from\u202E IT', attachments: [file] })).share_url;
  }, id);
  await showView(page, 'Open a link');
  const open = page.getByRole('tabpanel', { name: 'Open a link' });
  await open.getByLabel('Share link').fill(link);
  await open.getByRole('button', { name: 'Reveal' }).click();
  await expect(open.getByRole('link', { name: /^Download vpn-config/ })).toHaveText('Download vpn-config\uFFFDfdp.exe');
  await expect(open.locator('p.note', { hasText: 'Message:' })).toHaveText('Message: from\uFFFD IT');

  // One item whose date is no date: the list still shows, that cell as it came.
  const item = { slug: 'AbCdEfGh', description: `odd ${id}`, status: 'active', expiration: 'soon-ish', maximum_views: 1, current_views: 0, created_at: 'yesterday' };
  await control(env, 'POST', '/_mock/fault', { path: 'search=odd', method: 'GET', status: 200, body: JSON.stringify({ success: true, data: [item], pagination: { current_page: 1, per_page: 10, total: 1, last_page: 1 } }) });
  await showView(page, 'Secrets');
  const secrets = page.getByRole('tabpanel', { name: 'Secrets' });
  await secrets.getByLabel('Search').fill(`odd ${id}`);
  await secrets.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(secrets.locator('tbody tr')).toHaveCount(1);
  await expect(secrets.locator('tbody tr')).toContainText('soon-ish');

  // A refusal whose details are a string, not a list of messages: shown, not a blank box.
  await control(env, 'POST', '/_mock/fault', { path: 'search=details', method: 'GET', status: 422, body: JSON.stringify({ success: false, error: { code: 'VALIDATION_ERROR', message: 'Bad filter', details: { search: 'not like that' } } }) });
  await secrets.getByLabel('Search').fill('details');
  await secrets.getByRole('button', { name: 'Show', exact: true }).click();
  await expect(page.locator('#s-error')).toContainText('not like that');
});

test('addresses that are no id or no view: the viewer at /s/% says the secret does not exist, the console at #constructor opens Create', async ({ page, env }) => {
  await page.goto(`${env.mockOrigin}/s/%#${'k'.repeat(24)}`);
  await expect(page.locator('#status')).toContainText('does not exist');
  await page.goto(env.demo + '#constructor');
  await expect(page.getByRole('tab', { name: 'Create' })).toHaveAttribute('aria-selected', 'true');
});

test("create: a server's refusal in its own field names (another server may refuse what the script lets through) puts each note next to the field a person filled", async ({ page, env }) => {
  await openDemo(page, env);
  const details = {
    ip_whitelist: ['This range is not allowed on this plan.'],
    expiration_hours: ['At most 168 hours on this plan.'],
    otp_receiver: ['This number cannot receive SMS.'],
    'attachments.0.data': ['This kind of file is refused.'],
    server_note: ['Something the page has no field for.'],
  };
  await control(env, 'POST', '/_mock/fault', { path: '/secrets', method: 'POST', status: 422, body: JSON.stringify({ success: false, error: { code: 'VALIDATION_ERROR', message: 'The given data was invalid', details } }) });
  // The worker's mock is shared: a fault left queued by a failure here would refuse the next test's create.
  try {
    const create = page.getByRole('tabpanel', { name: 'Create' });
    await create.getByLabel('Secret', { exact: true }).fill(`refused ${runId()}`);
    await create.getByLabel('Expires after (hours)').fill('200');
    await create.getByLabel('Code by SMS to').fill('+33612345678');
    await create.getByLabel('Allowed IP addresses or ranges').fill('203.0.113.0/24');
    await create.getByLabel('Files', { exact: true }).setInputFiles({ name: 'a.txt', mimeType: 'text/plain', buffer: Buffer.from('file') });
    await create.getByRole('button', { name: 'Encrypt and create' }).click();

    const box = page.locator('#c-error');
    await expect(box).toContainText('Some fields need a correction.');
    // Each wire name finds its field: by data-wire, and of the two fields that send otp_receiver, the filled one.
    const noted = async (label: string, text: string) => {
      const field = create.getByLabel(label, { exact: true });
      await expect(field, label).toHaveAttribute('aria-invalid', 'true');
      await expect(field, label).toHaveAccessibleDescription(new RegExp(text.replace(/[.]/g, '\\.')));
    };
    await noted('Allowed IP addresses or ranges', 'This range is not allowed on this plan.');
    await noted('Expires after (hours)', 'At most 168 hours on this plan.');
    await noted('Code by SMS to', 'This number cannot receive SMS.');
    await noted('Files', 'This kind of file is refused.');
    await expect(create.getByLabel('Code by e-mail to')).not.toHaveAttribute('aria-invalid');
    // The list says each by its label; what no field names is listed as it came.
    await expect(box.locator('li')).toHaveText([
      'Allowed IP addresses or ranges: This range is not allowed on this plan.',
      'Expires after (hours): At most 168 hours on this plan.',
      'Code by SMS to: This number cannot receive SMS.',
      'Files: This kind of file is refused.',
      'server_note: Something the page has no field for.',
    ]);
    // The first field named has the focus, where the person fixes it.
    await expect(create.getByLabel('Allowed IP addresses or ranges')).toBeFocused();
    // The refusal was the server's: the form is kept for the next try, and that try goes through.
    await expect(create.getByLabel('Allowed IP addresses or ranges')).toHaveValue('203.0.113.0/24');
    await create.getByRole('button', { name: 'Encrypt and create' }).click();
    await expect(page.locator('#c-link')).toHaveValue(/#/);
    await expect(box).toBeHidden();
    await expect(create.getByLabel('Allowed IP addresses or ranges')).not.toHaveAttribute('aria-invalid');
  } finally {
    await control(env, 'DELETE', '/_mock/fault');
  }
});
