// What the browser writes to its profile on disk after a person used the
// pages: Chromium saves each tab's form controls with its session (to restore
// them), unless a control says autocomplete="off". So every control that
// holds a plaintext, a share link or an inbox link says so, in the console
// and in the mock's viewer, responder and inbox pages; this spec reads the
// profile a real Chromium wrote and finds none of them.
//
// What it does not look for: the keyB of a link opened by its address (the
// viewer's) and the private key of an inbox opened so: the browser keeps the
// address it visited in its history, fragment and all (README, "The security
// model"), whatever a page does.
import { chromium } from '@playwright/test';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain ESM helper without types
import { launchOptions } from '../../scripts/chromium.mjs';
import { test, expect, openDemo, showView, runId, TOKENS } from './helpers.ts';

/** The files of `dir`, at any depth, that hold `text` (as UTF-8 or UTF-16, the two forms Chromium writes). */
const filesHolding = (dir: string, text: string): string[] => {
  const forms = [Buffer.from(text), Buffer.from(text, 'utf16le')];
  const found: string[] = [];
  const walk = (d: string): void => {
    for (const f of readdirSync(d)) {
      const p = join(d, f);
      if (statSync(p).isDirectory()) walk(p);
      else {
        const bytes = readFileSync(p);
        if (forms.some((b) => bytes.includes(b))) found.push(p.slice(dir.length + 1));
      }
    }
  };
  walk(dir);
  return found;
};

test('no plaintext, share link or inbox link of the pages reaches the browser profile on disk', async ({ env }) => {
  test.setTimeout(90_000);
  const id = runId();
  const profile = mkdtempSync(join(tmpdir(), 'sharokey-profile-'));
  const context = await chromium.launchPersistentContext(profile, { ...launchOptions(), headless: true });
  const page = context.pages()[0] ?? (await context.newPage());
  const secrets: Record<string, string> = {};
  const kept = `kept search ${id}`;
  try {
    // The console: a secret typed and created (its share link shown), opened in "Open a link",
    // and a request created (its inbox link shown).
    await openDemo(page, env);
    secrets['typed in the console'] = `console plaintext ${id}`;
    await page.getByLabel('Secret', { exact: true }).fill(secrets['typed in the console']);
    await page.getByRole('button', { name: 'Encrypt and create' }).click();
    await expect(page.locator('#c-link')).toHaveValue(/#/);
    const link = await page.locator('#c-link').inputValue();
    secrets["keyB of the console's share link"] = link.split('#')[1]!;
    await showView(page, 'Open a link');
    const open = page.getByRole('tabpanel', { name: 'Open a link' });
    await open.getByLabel('Share link').fill(link);
    await open.getByRole('button', { name: 'Reveal' }).click();
    await expect(page.locator('#o-result').getByLabel('Content')).toHaveValue(secrets['typed in the console']);
    await showView(page, 'Requests');
    const requests = page.getByRole('tabpanel', { name: 'Requests' });
    await requests.getByRole('button', { name: 'Create the request' }).click();
    const inbox = await requests.getByRole('region', { name: 'Request created' }).getByLabel('Your private link to open the answer', { exact: true }).inputValue();
    secrets["private key of the console's inbox link"] = inbox.split('#')[1]!;
    // A box that may be kept (a search of the requests): the control that shows the check can see a saved box.
    await requests.getByLabel('Search').fill(kept);

    // For the mock's pages, a secret and a request of their own, made here: their links are
    // opened by address below, so their keys are in the history (not looked for).
    secrets['opened on the viewer page'] = `viewer plaintext ${id}`;
    const [{ share_url }, request, unanswered] = await page.evaluate((text) => Promise.all([window.Sharokey.create(text, 1, 1), window.Sharokey.createRequest({}), window.Sharokey.createRequest({})]), secrets['opened on the viewer page']);

    // The responder's page: an answer typed, then left unsent (the page empties the box once sent).
    secrets['typed on the responder page, not sent'] = `responder draft ${id}`;
    await page.goto(unanswered.url);
    await page.fill('#content', secrets['typed on the responder page, not sent']);

    // The responder's page: an answer typed and sent.
    secrets['typed on the responder page'] = `responder plaintext ${id}`;
    await page.goto(request.url);
    await page.fill('#content', secrets['typed on the responder page']);
    await page.click('#send');
    await expect(page.locator('#status')).toContainText('Sent');

    // The inbox page: the answer opened.
    await page.goto(request.inbox_url);
    await page.getByLabel('Your API token').fill(TOKENS.admin);
    await page.click('#open');
    await expect(page.locator('#content')).toHaveValue(secrets['typed on the responder page']);

    // The viewer: a secret opened by its link.
    await page.goto(share_url);
    await page.click('#reveal');
    await expect(page.locator('#content')).toHaveValue(secrets['opened on the viewer page']);

    // Leave the page, so that its state is the saved state of a history entry, then close the browser.
    await page.goto(`${env.mockOrigin}/api/v1/health`);
  } finally {
    await context.close();
  }
  try {
    const found = Object.entries(secrets).flatMap(([what, text]) => filesHolding(profile, text).map((f) => `${what} in ${f}`));
    expect(found).toEqual([]);
    // The check can see: the search box, which says nothing, was saved with the session.
    expect(filesHolding(profile, kept).filter((f) => f.includes('Sessions')).length).toBeGreaterThan(0);
  } finally {
    rmSync(profile, { recursive: true, force: true });
  }
});
