/**
 * Where the project's files are, whether this code runs from `mock/` (tests)
 * or bundled into `node_modules/.cache/sharokey-mock/` (`npm run mock`).
 */
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

let root: string | undefined;

/** The project root: the nearest ancestor that holds `mock/fixtures/demo.json`. */
export function projectRoot(): string {
  if (root) return root;
  let dir = dirname(fileURLToPath(import.meta.url));
  for (;;) {
    if (existsSync(join(dir, 'mock', 'fixtures', 'demo.json'))) return (root = dir);
    const parent = dirname(dir);
    if (parent === dir) throw new Error('Cannot find the project root (mock/fixtures/demo.json)');
    dir = parent;
  }
}

/** A path inside the project. */
export const projectPath = (...parts: string[]): string => join(projectRoot(), ...parts);
