// The mock server's own HTTP tests: no browser, no web servers (each spec
// starts its own mock on a free port). Run: npx playwright test --config e2e/mock/playwright.config.ts
import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: '.',
  testMatch: '*.spec.ts',
  fullyParallel: false,
  workers: 2,
  retries: 0,
  timeout: 30_000,
  reporter: [['list']],
});
