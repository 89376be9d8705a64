/**
 * Playwright's `test`, with one addition used only by `node
 * scripts/coverage.mjs`: when SHAROKEY_COVERAGE names a directory, every page
 * of every context the browser makes (the test's own and those a test opens)
 * records V8's block coverage, and what it recorded of our scripts
 * (dist/sharokey.min.js, wherever it is served from, the demo's modules and
 * the mock's page scripts) is written there, one file per document, when the
 * page leaves it (goto, reload) or closes, or its context does. Without the variable
 * nothing changes: the fixture only hands the browser on.
 */
import { test as base, type BrowserContext, type Page } from '@playwright/test';
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export { expect } from '@playwright/test';

const DIR = process.env['SHAROKEY_COVERAGE'];
/** The built script, the demo's modules and the mock's page scripts (served as they are in the repo). */
const SCRIPTS = /\/sharokey\.min\.js(\?|$)|\/demo\/.+\.js(\?|$)|\/(page|viewer|responder|inbox)\.js(\?|$)/;
let n = 0;

/** Stops a page's recording and writes the part of it that is our scripts'. */
const save = async (p: Page, started: Promise<unknown>): Promise<void> => {
  await started;
  if (p.isClosed()) return;
  const entries = await p.coverage.stopJSCoverage().catch(() => []);
  const ours = entries.filter((e) => SCRIPTS.test(e.url));
  if (ours.length) writeFileSync(join(DIR!, `${process.pid}-${n++}.json`), JSON.stringify(ours));
};

const start = (p: Page) => p.coverage.startJSCoverage({ resetOnNavigation: false }).catch(() => {});

const watch = (c: BrowserContext): BrowserContext => {
  const open = new Map<Page, Promise<unknown>>();
  const stop = async (p: Page, again: boolean) => {
    const started = open.get(p);
    if (!started) return;
    open.delete(p);
    await save(p, started);
    if (again && !p.isClosed()) open.set(p, start(p));
  };
  c.on('page', (p) => {
    open.set(p, start(p));
    // A document's coverage goes with it when the page leaves it: written before each goto and reload.
    for (const m of ['goto', 'reload', 'close'] as const) {
      const f = (p[m] as (...a: unknown[]) => Promise<unknown>).bind(p);
      (p as unknown as Record<string, unknown>)[m] = async (...a: unknown[]) => (await stop(p, m != 'close'), f(...a));
    }
  });
  const close = c.close.bind(c);
  c.close = async (...a) => {
    for (const p of [...open.keys()]) await stop(p, false);
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
