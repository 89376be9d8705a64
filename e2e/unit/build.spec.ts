// The build's size guard (build.mjs): CI fails when dist/sharokey.min.js
// grows past it. Run here both ways, so the guard is seen to fail.
import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';

const check = (env: Record<string, string> = {}) => {
  const r = spawnSync(process.execPath, ['build.mjs', '--check'], { encoding: 'utf8', env: { ...process.env, ...env } });
  return { code: r.status, out: r.stdout + r.stderr };
};

test('size guard: the build passes under it and fails over it (guard lowered below it)', () => {
  test.skip(!!process.env.SHAROKEY_MUTANT, 'scripts/mutants.mjs turns the guard off');
  const ok = check();
  expect(ok.out).toMatch(/dist\/sharokey\.min\.js: \d+ bytes, \d+ gzip -9 \(guard: \d+, target: 4096\)/);
  expect(ok.code).toBe(0);
  const gzip = +ok.out.match(/(\d+) gzip -9/)![1]!;
  console.log(`size guard: dist/sharokey.min.js ${gzip} bytes gzip -9, guard ${ok.out.match(/guard: (\d+)/)![1]}, target 4096`);
  const over = check({ SHAROKEY_SIZE_GUARD: String(gzip - 1) });
  expect(over.code).toBe(1);
  expect(over.out).toContain(`dist/sharokey.min.js is ${gzip} bytes gzip -9, over the guard of ${gzip - 1}`);
});
