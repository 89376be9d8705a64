import { defineConfig } from '@playwright/test';
// @ts-expect-error plain ESM helper without types
import { launchOptions } from './scripts/chromium.mjs';
import { MOCK_PORT, PAGE_PORT } from './e2e/env.ts';

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  forbidOnly: !!process.env.CI,
  reporter: process.env.CI ? [['list']] : [['list']],
  use: {
    browserName: 'chromium',
    headless: true,
    launchOptions: launchOptions(),
  },
  webServer: [
    {
      command: `node mock/run.mjs --port ${MOCK_PORT} --fixtures e2e/fixtures/mock.json`,
      url: `http://127.0.0.1:${MOCK_PORT}/api/v1/health`,
      reuseExistingServer: !process.env.CI,
      stdout: 'ignore',
      stderr: 'pipe',
      // SIGTERM: the mock closes and exits, so a coverage run gets its figures.
      gracefulShutdown: { signal: 'SIGTERM', timeout: 5_000 },
    },
    {
      command: `node scripts/serve.mjs --port ${PAGE_PORT}`,
      url: `http://localhost:${PAGE_PORT}/e2e/pages/blank.html`,
      reuseExistingServer: !process.env.CI,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
