/**
 * Playwright's `test`, with one addition used only by `node
 * scripts/coverage.mjs`: when SHAROKEY_COVERAGE names a directory, every page
 * of every context the browser makes (the test's own and those a test opens)
 * records V8's block coverage, and what it recorded of a Sharokey script
 * (dist/sharokey.min.js, wherever it is served from) is written there, one
 * file per page, when the page or its context closes. Without the variable
 * nothing changes: the fixture only hands the browser on.
 */
import { test as base, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export { expect } from '@playwright/test';

const DIR = process.env['SHAROKEY_COVERAGE'];
let n = 0;

/** Stops a page's recording (once) and writes the Sharokey scripts' part of it. */
const save = async (p: Page, started: Promise<unknown>): Promise<void> => {
  await started;
  if (p.isClosed()) return;
  const entries = await p.coverage.stopJSCoverage().catch(() => []);
  const ours = entries.filter((e) => /\/sharokey\.min\.js(\?|$)/.test(e.url));
  if (ours.length) writeFileSync(join(DIR!, `${process.pid}-${n++}.json`), JSON.stringify(ours));
};

const watch = (c: BrowserContext): BrowserContext => {
  const open = new Map<Page, Promise<unknown>>();
  const stop = async (p: Page) => {
    const started = open.get(p);
    if (!started) return;
    open.delete(p);
    await save(p, started);
  };
  c.on('page', (p) => {
    open.set(p, p.coverage.startJSCoverage({ resetOnNavigation: false }).catch(() => {}));
    const close = p.close.bind(p);
    p.close = async (...a) => (await stop(p), close(...a));
  });
  const close = c.close.bind(c);
  c.close = async (...a) => {
    for (const p of [...open.keys()]) await stop(p);
    return close(...a);
  };
  return c;
};

export const test = base.extend<object, { coverage: void }>({
  coverage: [
    async ({ browser }, use) => {
      if (DIR) {
        mkdirSync(DIR, { recursive: true });
        const make = browser.newContext.bind(browser);
        browser.newContext = async (...a) => watch(await make(...a));
      }
      await use();
    },
    { scope: 'worker', auto: true },
  ],
});
