// The static server of `npm start` and the tests (scripts/serve.mjs), in Node: what any
// page on the machine can ask of it.
import { test, expect } from '@playwright/test';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
// @ts-expect-error plain ESM helper without types
import { serveStatic } from '../../scripts/serve.mjs';

test('a malformed path is a 400 and the server goes on; nothing outside its root (a sibling sharing its prefix) nor .git is served', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sharokey-serve-'));
  mkdirSync(join(dir, 'root', '.git'), { recursive: true });
  mkdirSync(join(dir, 'root-old'));
  writeFileSync(join(dir, 'root', 'a.txt'), 'served');
  writeFileSync(join(dir, 'root', '.git', 'HEAD'), 'ref: refs/heads/main');
  writeFileSync(join(dir, 'root-old', 'secret.txt'), 'not served');
  const server = await serveStatic({ port: 0, root: join(dir, 'root') });
  const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
  try {
    const status = async (path: string) => (await fetch(base + path)).status;
    expect(await status('/%')).toBe(400);
    expect(await status('/..%2froot-old/secret.txt')).toBe(403);
    expect(await status('/.git/HEAD')).toBe(403);
    const ok = await fetch(base + '/a.txt');
    expect([ok.status, await ok.text(), ok.headers.get('x-content-type-options')]).toEqual([200, 'served', 'nosniff']);
  } finally {
    server.close();
    rmSync(dir, { recursive: true });
  }
});
