// The published types (dist/sharokey.d.ts), as a user's strict TypeScript
// project sees them: every example of API.md compiles, and what API.md does
// not allow is refused (e2e/types/consumer.ts, its @ts-expect-error lines).
import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

test('a strict TypeScript page compiles every API.md example against dist/sharokey.d.ts, and its wrong calls are errors', () => {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  const r = spawnSync(process.execPath, [tsc, '-p', 'e2e/types'], { encoding: 'utf8' });
  expect(r.stdout + r.stderr).toBe('');
  expect(r.status).toBe(0);
});
