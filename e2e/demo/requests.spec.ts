// Requests: a request made in the console with every option, answered by
// someone else on the mock's responder page (another browser), then opened
// with "Open answer"; the list, details, statistics and delete.
import { test, expect, openDemo, showView, runId, mockLog, control } from './helpers.ts';

test.use({ viewport: { width: 1200, height: 900 } });

test('a request made in the console is answered on the responder page and opened with "Open answer"', async ({ page, browser, env }, testInfo) => {
  const id = runId();
  const answer = `vpn-password-${id}`;
  await openDemo(page, env);
  await showView(page, 'Requests');
  const panel = page.getByRole('tabpanel', { name: 'Requests' });
  const form = panel.getByRole('region', { name: 'New request' });

  await form.getByLabel('Message').fill(`Please send the VPN password (${id})`);
  await form.getByLabel('Description').fill(`VPN ${id}`);
  await form.getByLabel('E-mail the link to').fill(`bob-${id}@example.com`);
  await form.getByLabel('Replies and notices to').fill('alice@acme.test');
  await form.getByLabel('Language of the e-mail').selectOption('fr');
  await form.getByLabel('Request open for (hours)').fill('72');
  await form.getByLabel('Answer kept for (hours)').fill('6');
  await form.getByLabel('Answer can be read (times)').fill('2');
  await form.getByRole('button', { name: 'Create the request' }).click();

  const created = panel.getByRole('region', { name: 'Request created' });
  await expect(created).toBeFocused();
  const url = await created.getByLabel('Link for the person you ask', { exact: true }).inputValue();
  const inbox = await created.getByLabel('Your private link to open the answer', { exact: true }).inputValue();
  const token = url.split('/r/')[1]!;
  // The key to give the responder another way: the one made in this browser, as the request carries it.
  const key = await created.getByLabel("Your request's key, for the person you ask", { exact: true }).inputValue();
  expect(key).toMatch(/^B[A-Za-z0-9+/]{86}=$/); // 0x04, x, y: 65 bytes
  expect((await control(env, 'GET', '/_mock/log')).some((l: { body: string }) => l.body.includes(key))).toBe(true);
  expect(url).toMatch(new RegExp(`^${env.mockOrigin}/r/[\\w-]+$`));
  expect(inbox).toMatch(new RegExp(`^${env.mockOrigin}/i/${token}#[\\w-]{43}$`));
  await expect(created.getByText('Keep this link private.')).toBeVisible();
  await expect(created).toContainText('never sent to the server');
  // The mock "sent" the e-mail in French to the address given.
  const outbox: Array<Record<string, string>> = await control(env, 'GET', '/_mock/outbox');
  expect(outbox.find((m) => m.request_token === token)).toMatchObject({ type: 'request', to: `bob-${id}@example.com`, locale: 'fr', reply_to: 'alice@acme.test' });

  // Nobody has answered yet.
  await created.getByRole('button', { name: 'Open answer' }).click();
  await expect(panel.locator('#r-answer-error')).toContainText('Nobody has answered this request yet.');
  // The words are further down than the button: the focus goes to them, and so they are in view.
  await expect(panel.locator('#r-answer-error')).toBeFocused();
  await expect(panel.locator('#r-answer-error')).toBeInViewport();
  // One status line serves three Copy buttons: each is named, and so is what it copied.
  for (const what of ['the link for the person you ask', 'your private link', "the request's key"]) {
    await created.getByRole('button', { name: `Copy ${what}`, exact: true }).click();
    await expect(panel.locator('#r-copied')).toHaveText(`Copied ${what} to the clipboard.`);
  }

  // The responder: another browser, no token, the link only.
  const responder = await browser.newContext();
  const respondPage = await responder.newPage();
  await respondPage.goto(url);
  await expect(respondPage.locator('#message')).toHaveText(`The requester's message: Please send the VPN password (${id})`);
  await expect(respondPage.locator('#limits')).toContainText('2 times, within 6 hours');
  await respondPage.locator('#content').fill(answer);
  // A key that is not the request's: nothing is sent.
  await control(env, 'DELETE', '/_mock/log');
  await respondPage.getByLabel(/The requester's key/).fill(key.replace(/^./, (c) => (c == 'B' ? 'C' : 'B')));
  await respondPage.getByRole('button', { name: 'Encrypt and send' }).click();
  await expect(respondPage.locator('#status')).toContainText('does not carry the key you were given, so nothing was sent');
  expect((await control(env, 'GET', '/_mock/log')).filter((l: { method: string }) => l.method == 'POST')).toEqual([]);
  // The key the requester gave: sent.
  await respondPage.getByLabel(/The requester's key/).fill(key);
  await respondPage.getByRole('button', { name: 'Encrypt and send' }).click();
  await expect(respondPage.locator('#status')).toContainText('Sent');
  await responder.close();

  await created.getByRole('button', { name: 'Open answer' }).click();
  const opened = panel.getByRole('region', { name: 'Open an answer' });
  await expect(opened.getByLabel('Content')).toHaveValue(answer);
  // The focus lands on a region read by its name, not on all its text at once.
  await expect(panel.getByRole('region', { name: `The answer to “Please send the VPN password (${id})”` })).toBeFocused();
  await expect(opened).toContainText(`The answer to “Please send the VPN password (${id})”`);
  await expect(panel.locator('#r-answer-error')).toBeHidden();
  await expect(opened).not.toContainText('null'); // no message, no files: nothing shown for them

  // The list shows it answered; its details hold every option.
  const filters = panel.getByRole('region', { name: 'Your requests' });
  await filters.getByLabel('Search').fill(id);
  await filters.getByRole('button', { name: 'Show' }).click();
  const row = filters.locator('tbody tr');
  await expect(row).toHaveCount(1);
  await expect(row).toContainText('answered');
  await expect(row).toContainText(`bob-${id}@example.com`);
  await row.getByRole('button', { name: /^Details of/ }).click();
  const details = panel.getByRole('region', { name: `Request ${token}` });
  await expect(details).toBeFocused();
  for (const text of ['answered', `VPN ${id}`, '6 hours', '2 times', url]) await expect(details).toContainText(text);
  // A term is always written: its value is what says something.
  const fact = (term: string) => details.locator('dt', { hasText: term }).locator('xpath=following-sibling::dd[1]');
  await expect(fact('Private link known to this tab')).toHaveText('yes');
  await expect(fact('Language')).toHaveText('fr');
  await expect(panel.getByLabel('Request statistics').locator('.card', { hasText: 'answered' })).not.toContainText(/^0/);
  await page.screenshot({ path: testInfo.outputPath('demo-requests.png'), fullPage: true });

  // "Open answer" from the row: the second and last view of the answer.
  await row.getByRole('button', { name: /^Open answer to/ }).click();
  await expect(opened.getByLabel('Content')).toHaveValue(answer);
  await row.getByRole('button', { name: /^Open answer to/ }).click();
  await expect(panel.locator('#r-answer-error')).toContainText('no longer available');

  // Delete, confirmed: the request is expired.
  await row.getByRole('button', { name: /^Delete/ }).click();
  await page.getByRole('dialog', { name: 'Close this request?' }).getByRole('button', { name: 'Close the request' }).click();
  await expect(panel.locator('#r-summary')).toContainText('Request deleted.');
  await expect(panel.locator('#r-summary')).toBeFocused();
  await expect(row).toContainText('expired');
  expect(await page.evaluate((t) => window.Sharokey.getRequest(t).then((r) => r.status), token)).toBe('expired');

  // A new request: what "Open an answer" said of the last one goes.
  await expect(panel.locator('#r-answer-error')).toBeVisible();
  await form.getByLabel('Message').fill(`Another one (${id})`);
  await form.getByRole('button', { name: 'Create the request' }).click();
  await expect(created).toBeFocused();
  await expect(panel.locator('#r-answer-error')).toBeHidden();

  // The server never saw the answer, nor the private key.
  const log = await mockLog(env);
  expect(log).not.toContain(answer);
  expect(log).not.toContain(inbox.split('#')[1]);
});

test('"Open answer" for a request this tab did not make asks for its private link', async ({ page, env }) => {
  const id = runId();
  await openDemo(page, env);
  // Made and answered elsewhere (here: through the library, then forgotten by a reload).
  const made = await page.evaluate(async (message) => window.Sharokey.createRequest({ message }), `Elsewhere ${id}`);
  await page.evaluate(async ([url, content]) => {
    const responder = window.Sharokey.createClient({ apiUrl: window.Sharokey.getConfig().apiUrl });
    await responder.respond(url, content);
  }, [made.url, `answer ${id}`] as const);
  await page.reload();
  await showView(page, 'Requests');
  const panel = page.getByRole('tabpanel', { name: 'Requests' });
  await panel.getByLabel('Search').fill(id);
  await panel.getByRole('region', { name: 'Your requests' }).getByRole('button', { name: 'Show' }).click();
  await panel.getByRole('button', { name: `Open answer to Elsewhere ${id}` }).click();
  await expect(panel.locator('#r-answer-error')).toContainText('Paste the private link of this request.');
  await expect(panel.getByLabel('Private link of the request')).toBeFocused();

  // A link cut short is explained next to the field.
  await panel.getByLabel('Private link of the request').fill(made.inbox_url.slice(0, made.inbox_url.indexOf('#') + 10));
  await panel.getByRole('button', { name: 'Open answer', exact: true }).click();
  await expect(panel.getByLabel('Private link of the request')).toHaveAttribute('aria-invalid', 'true');
  await expect(panel.locator('.field-error')).toContainText('was the link cut?');

  await panel.getByLabel('Private link of the request').fill(made.inbox_url);
  await panel.getByRole('button', { name: 'Open answer', exact: true }).click();
  await expect(panel.getByRole('region', { name: 'Open an answer' }).getByLabel('Content')).toHaveValue(`answer ${id}`);
});
