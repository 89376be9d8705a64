// Entry of `npm run mock`: bundles mock/cli.ts with esbuild (a dev
// dependency) into node_modules/.cache/sharokey-mock/cli.mjs, then runs it.
// Arguments after `--` reach the CLI through process.argv.
import { build } from 'esbuild';
import { mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outfile = join(root, 'node_modules', '.cache', 'sharokey-mock', 'cli.mjs');

const result = await build({
  entryPoints: [join(root, 'mock', 'cli.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: false,
  // Under `node scripts/coverage.mjs` Node records this process's coverage:
  // an inline map lets it be read as mock/*.ts.
  sourcemap: process.env.NODE_V8_COVERAGE ? 'inline' : false,
  write: false,
  logLevel: 'warning',
});
// Write then rename: two mocks starting at once never import a half-written file.
mkdirSync(dirname(outfile), { recursive: true });
const temp = `${outfile}.${process.pid}.tmp`;
writeFileSync(temp, result.outputFiles[0].contents);
renameSync(temp, outfile);
await import(pathToFileURL(outfile).href);
