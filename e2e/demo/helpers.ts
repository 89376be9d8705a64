/**
 * Helpers of the demo console's specs: the servers, the page a person
 * opens, connecting it through the Settings panel, and a watch on every test
 * for page errors and Content-Security-Policy violations.
 *
 * Each worker starts its own mock (e2e/fixtures/mock.json) and static
 * server on free ports, like the mock's own specs do, instead of sharing the
 * config's 4310/4311: these flows span several requests (create, answer in a
 * second browser, open), and a reset or a shutdown by another run sharing
 * those ports would break them midway. The page and the API stay on
 * different origins (localhost vs 127.0.0.1).
 */
import { test as base, expect } from '../coverage.ts';
import type { Page } from '@playwright/test';
import { copyFileSync, existsSync } from 'node:fs';
import type { Server } from 'node:http';
import { fileURLToPath } from 'node:url';
import { startMock } from '../../mock/server.ts';
// @ts-expect-error plain ESM helper without types
import { serveStatic } from '../../scripts/serve.mjs';
import { TOKENS } from '../env.ts';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const FIXTURES = fileURLToPath(new URL('../fixtures/mock.json', import.meta.url));

/** Where this worker's servers are. */
export interface Env {
  /** API base URL, `http://127.0.0.1:PORT/api/v1`. */
  mockUrl: string;
  /** `http://127.0.0.1:PORT`: the viewer, responder and inbox pages. */
  mockOrigin: string;
  /** `http://localhost:PORT`: the repository, so the console is at `/demo/`. */
  pageOrigin: string;
  /** The console, told where the API is through `?api=` (as `npm start` does for a non-default port). */
  demo: string;
}

declare global {
  interface Window {
    cspViolations?: string[];
  }
}

/** A short id that tells one test's data apart from the others'. */
export const runId = (): string => Math.random().toString(36).slice(2, 8);

/**
 * `test` with this worker's servers as `env`, and an automatic watch: no
 * uncaught page error, no console error other than the browser's note on a
 * failed request (the tests provoke 401/403/404/429, 5xx and refused
 * connections on purpose), and no CSP violation (the page declares a strict
 * policy with Trusted Types in its <meta>).
 */
export const test = base.extend<{ watch: void }, { env: Env }>({
  env: [async ({}, use) => {
    const mock = await startMock({ port: 0, fixtures: FIXTURES });
    const pages: Server = await serveStatic({ port: 0, host: 'localhost', root: ROOT });
    const port = (pages.address() as { port: number }).port;
    const pageOrigin = `http://localhost:${port}`;
    await use({ mockUrl: mock.url, mockOrigin: mock.origin, pageOrigin, demo: `${pageOrigin}/demo/?api=${encodeURIComponent(mock.url)}` });
    pages.closeAllConnections();
    await new Promise((done) => pages.close(done));
    await mock.close();
  }, { scope: 'worker' }],

  watch: [async ({ page }, use) => {
    const problems: string[] = [];
    page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
    page.on('console', (m) => {
      if (m.type() === 'error' && !m.text().startsWith('Failed to load resource')) problems.push(`console: ${m.text()}`);
    });
    await page.addInitScript(() => {
      document.addEventListener('securitypolicyviolation', (e) => (window.cspViolations ??= []).push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await use();
    const violations = page.isClosed() ? [] : await page.evaluate(() => window.cspViolations ?? []).catch(() => []);
    expect(violations, 'no Content-Security-Policy violation').toEqual([]);
    expect(problems, 'no page error').toEqual([]);
  }, { auto: true }],
});

/** Opens the console and connects it with `token` through Settings, as a person would. */
export async function openDemo(page: Page, env: Env, token: string = TOKENS.admin): Promise<void> {
  await page.goto(env.demo);
  await expect(page.getByLabel('API URL')).toHaveValue(env.mockUrl);
  await page.getByLabel('API token', { exact: true }).fill(token);
  await page.getByRole('button', { name: 'Save and connect' }).click();
  await expect(page.locator('#set-status')).toContainText(token === TOKENS.admin ? 'The token is accepted' : /token/);
}

/** Clicks a tab and waits for its panel. */
export async function showView(page: Page, name: string): Promise<void> {
  await page.getByRole('tab', { name }).click();
  await expect(page.getByRole('tabpanel', { name })).toBeVisible();
}

/** Calls the page's configured `Sharokey` to set up data quickly (the UI flows are tested on their own). */
export const createSecrets = (page: Page, items: Array<{ content: string; description: string; password?: string }>) =>
  page.evaluate(async (list) => {
    const out = [];
    for (const s of list) out.push(await window.Sharokey.create(s.content, 24, 1, { description: s.description, ...(s.password && { password: s.password }) }));
    return out.map((s) => ({ slug: s.slug, share_url: s.share_url }));
  }, items);

/** A mock control: `control(env, 'GET', '/_mock/log')` resolves to its `data`. */
export async function control(env: Env, method: string, path: string, body?: unknown): Promise<any> {
  const res = await fetch(env.mockOrigin + path, { method, ...(body !== undefined && { headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) }) });
  return (await res.json()).data;
}

/** The mock's request log as text (to prove what never crossed the wire). */
export const mockLog = async (env: Env): Promise<string> => JSON.stringify(await control(env, 'GET', '/_mock/log'));

const README_SHOT = fileURLToPath(new URL('../../docs/demo.png', import.meta.url));

/**
 * Keeps the README's screenshot (docs/demo.png) in step with the create
 * view: written when missing, or on demand with SHAROKEY_DEMO_SCREENSHOT=1,
 * so that ordinary test runs leave the working tree clean.
 */
export function updateReadmeScreenshot(path: string): void {
  if (!existsSync(README_SHOT) || process.env.SHAROKEY_DEMO_SCREENSHOT === '1') copyFileSync(path, README_SHOT);
}

export { expect, TOKENS };
