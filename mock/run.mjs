// Entry of `npm run mock`: bundles mock/cli.ts with esbuild (a dev
// dependency) into node_modules/.cache/sharokey-mock/cli.mjs, then runs it.
// Arguments after `--` reach the CLI through process.argv.
import { build } from 'esbuild';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const outfile = join(root, 'node_modules', '.cache', 'sharokey-mock', 'cli.mjs');

await build({
  entryPoints: [join(root, 'mock', 'cli.ts')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  minify: false,
  logLevel: 'warning',
});
await import(pathToFileURL(outfile).href);
