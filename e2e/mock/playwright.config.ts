// The mock server's own tests: HTTP specs (no browser) and the pages it
// serves (one Chromium). No web servers: each spec starts its own mock on a
// free port. Run: npx playwright test --config e2e/mock/playwright.config.ts
import { defineConfig } from '@playwright/test';
// @ts-expect-error plain ESM helper without types
import { launchOptions } from '../../scripts/chromium.mjs';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
  use: { browserName: 'chromium', headless: true, launchOptions: launchOptions() },
});
