// The published types (dist/sharokey.d.ts), as a user's strict TypeScript
// project sees them: every example of API.md compiles, and what API.md does
// not allow is refused (e2e/types/consumer.ts, its @ts-expect-error lines).
import { test, expect } from '@playwright/test';
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { pathToFileURL } from 'node:url';

test('a strict TypeScript page compiles every API.md example against dist/sharokey.d.ts, and its wrong calls are errors', () => {
  const tsc = createRequire(import.meta.url).resolve('typescript/bin/tsc');
  // With the ES2022 library, and with ES2020's (a project that targets older browsers).
  // And in a Node project, without the DOM library.
  for (const project of ['e2e/types', 'e2e/types/tsconfig.es2020.json', 'e2e/types/tsconfig.node.json']) {
    const r = spawnSync(process.execPath, [tsc, '-p', project], { encoding: 'utf8' });
    expect(r.stdout + r.stderr, project).toBe('');
    expect(r.status, project).toBe(0);
  }
});

test('dist/sharokey.d.ts declares exactly the values dist/sharokey.esm.js exports, no more, no fewer', async () => {
  const ts = (await import('typescript')).default;
  const file = 'dist/sharokey.d.ts';
  const program = ts.createProgram([file], { strict: true, lib: ['lib.es2022.d.ts', 'lib.dom.d.ts'], types: [] });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(file)!)!;
  const declared = checker.getExportsOfModule(module).filter((s) => s.flags & ts.SymbolFlags.Value || s.flags & ts.SymbolFlags.Alias).map((s) => s.name).sort();
  const esm = await import(pathToFileURL('dist/sharokey.esm.js').href);
  expect(declared).toEqual(Object.keys(esm).sort());
});
