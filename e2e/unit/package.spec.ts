// The npm package as a user gets it: `npm pack` of this repository, installed
// into an empty project, then imported by its name from Node (ES module and
// CommonJS), TypeScript and esbuild, as README's "From npm" says.
import { test, expect } from '../coverage.ts';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const require = createRequire(import.meta.url);
const root = resolve('.');
let dir = '';

/** Runs a command in the user's project; its output is the test's message when it fails. */
const run = (cmd: string, args: string[]): string => {
  const r = spawnSync(cmd, args, { cwd: dir, encoding: 'utf8' });
  expect(r.status, `${cmd} ${args.join(' ')}\n${r.stdout}${r.stderr}`).toBe(0);
  return r.stdout;
};
const node = (file: string, code: string): string => (writeFileSync(join(dir, file), code), run(process.execPath, [file]));

test.describe.configure({ mode: 'serial' });

test.beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'sharokey-package-'));
  // The tarball ships dist/ as it is: npm test has just built it (and prepack, which checks it, is
  // left out here: its output would share stdout with the JSON). A cache of its own: nothing shared.
  const cache = ['--cache', join(dir, '.npm')];
  const packed = spawnSync('npm', ['pack', '--json', '--ignore-scripts', '--pack-destination', dir, ...cache], { cwd: root, encoding: 'utf8' });
  expect(packed.status, packed.stderr).toBe(0);
  const [{ filename, files }] = JSON.parse(packed.stdout);
  expect(files.map((f: { path: string }) => f.path).sort()).toEqual(
    ['LICENSE', 'README.md', 'package.json', ...['sharokey.d.ts', 'sharokey.esm.d.ts', 'sharokey.esm.js', 'sharokey.esm.js.map', 'sharokey.js', 'sharokey.min.js', 'sharokey.min.js.map', 'integrity.json'].map((f) => 'dist/' + f)].sort(),
  );
  writeFileSync(join(dir, 'package.json'), '{ "name": "a-page", "private": true }');
  // No dependency to fetch: nothing leaves the machine.
  run('npm', ['install', '--offline', '--no-audit', '--no-fund', ...cache, join(dir, filename)]);
});

test.afterAll(() => rmSync(dir, { recursive: true, force: true }));

test('Node imports it by name: the default export and named parts, the dist/ files by their path, and no global', () => {
  const out = node('esm.mjs', `
    import Sharokey, { create, ValidationError, version } from 'sharokey-dropin';
    import * as byPath from 'sharokey-dropin/dist/sharokey.esm.js';
    import { createRequire } from 'node:module';
    const require = createRequire(import.meta.url);
    const integrity = require('sharokey-dropin/dist/integrity.json');
    console.log(JSON.stringify({
      create: typeof create, same: byPath.default === Sharokey, error: typeof ValidationError, version,
      config: Sharokey.getConfig(), global: typeof globalThis.Sharokey,
      min: require.resolve('sharokey-dropin/min').endsWith('/dist/sharokey.min.js'),
      integrity: integrity['sharokey.min.js'].startsWith('sha384-'),
    }));`);
  expect(JSON.parse(out)).toEqual({
    create: 'function', same: true, error: 'function', version: JSON.parse(readFileSync('package.json', 'utf8')).version,
    config: { apiUrl: 'https://api.sharokey.com/api/v1', timeout: 30000, retries: 2, hasToken: false }, global: 'undefined',
    min: true, integrity: true,
  });
});

test('CommonJS loads it with import(), as README says (and with require() where Node can)', () => {
  const line = /From\s+CommonJS, in an async function: `([^`]+)`/.exec(readFileSync('README.md', 'utf8'))![1]!;
  expect(node('cjs.cjs', `(async () => { ${line} console.log(typeof Sharokey.reveal); })();`).trim()).toBe('function');
  const [major, minor] = process.versions.node.split('.').map(Number) as [number, number];
  if (major > 22 || (major == 22 && minor >= 12) || (major == 20 && minor >= 19)) {
    expect(node('require.cjs', `console.log(typeof require('sharokey-dropin').default.reveal)`).trim()).toBe('function');
  }
});

test('TypeScript: a module imports it by name, and a page of script tags gets the global from "types"', () => {
  const tsc = require.resolve('typescript/bin/tsc');
  // The helper behind the global's type names is not one of the module's exports.
  writeFileSync(join(dir, 'module.ts'), `import Sharokey, { type CreatedSecret } from 'sharokey-dropin';\nexport const made: Promise<CreatedSecret> = Sharokey.create('x');\n// @ts-expect-error\nimport type { ByName } from 'sharokey-dropin';\n`);
  // The global's types by name: a page's own annotations (a generic one too).
  writeFileSync(join(dir, 'page.ts'), `Sharokey.config({ token: 't' });\nconst n: Promise<number> = Sharokey.getStats().then((s) => s.active_secrets);\n` +
    `const o: Sharokey.CreateOptions = { password: 'pppp' };\nconst f = (e: Sharokey.ValidationError): Sharokey.ErrorDetails | undefined => e.details;\n` +
    `let p: Sharokey.Page<Sharokey.SecretItem> | undefined = undefined;\nconst r: Promise<Sharokey.Revealed> = Sharokey.reveal('https://x/s/a#b');\n` +
    `// @ts-expect-error\nconst wrong: Sharokey.CreateOptions = { hours: 1 };\n`);
  const options = ['--strict', '--noEmit', '--target', 'ES2022', '--lib', 'ES2022,DOM'];
  run(process.execPath, [tsc, ...options, '--module', 'ESNext', '--moduleResolution', 'bundler', 'module.ts']);
  run(process.execPath, [tsc, ...options, '--module', 'NodeNext', '--moduleResolution', 'NodeNext', 'module.ts']);
  writeFileSync(join(dir, 'referenced.ts'), `/// <reference types="sharokey-dropin" />\n` + readFileSync(join(dir, 'page.ts'), 'utf8'));
  run(process.execPath, [tsc, ...options, 'referenced.ts']);
  run(process.execPath, [tsc, ...options, '--types', 'sharokey-dropin', 'page.ts']);
  // A page's plain JavaScript checked by its JSDoc (// @ts-check), the same names in @type.
  writeFileSync(join(dir, 'page.js'), `// @ts-check\n/// <reference types="sharokey-dropin" />\n/** @type {Sharokey.CreateOptions} */\nconst o = { password: 'pppp' };\n` +
    `/** @param {Sharokey.Revealed} r */\nconst show = (r) => r.content;\nSharokey.create('x', 1, 1, o);\n` +
    `/** @type {Sharokey.CreateOptions} */\n// @ts-expect-error\nconst wrong = { hours: 1 };\n`);
  run(process.execPath, [tsc, ...options, '--allowJs', '--checkJs', 'page.js']);
  // Without it, the global is unknown: README's line is what makes the page compile.
  const bare = spawnSync(process.execPath, [tsc, ...options, 'page.ts'], { cwd: dir, encoding: 'utf8' });
  expect(bare.stdout).toContain("Cannot find name 'Sharokey'");
});

test('esbuild bundles it for a page, and the global set as README says works', async () => {
  writeFileSync(join(dir, 'app.js'), `import Sharokey from 'sharokey-dropin';\nglobalThis.Sharokey = Sharokey;\n`);
  const { build } = await import('esbuild');
  const built = await build({ absWorkingDir: dir, entryPoints: ['app.js'], bundle: true, platform: 'browser', format: 'iife', minify: true, outfile: join(dir, 'out.js'), logLevel: 'silent' });
  expect(built.errors.concat(built.warnings)).toEqual([]);
  expect(node('use.mjs', `await import('./out.js'); console.log(typeof Sharokey.create + " " + Sharokey.getConfig().retries);`).trim()).toBe('function 2');
});
