// Builds dist/ from src/: the IIFE (readable and minified, with a source
// map), the ES module, the .d.ts (and its re-export beside the ES module), and integrity.json with SRI hashes.
// Deterministic: the same source gives the same bytes.
//   node build.mjs          write dist/
//   node build.mjs --check  build in memory and fail if dist/ differs
import { build } from 'esbuild';
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync, existsSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { finish } from './scripts/minify.mjs';
import ts from 'typescript';

const pkg = JSON.parse(readFileSync('package.json', 'utf8'));
// The size guard: the build (and so CI) fails when dist/sharokey.min.js grows
// past this many bytes gzip -9. The issues' target is 4,096; the library is
// not there yet (README, "Size"), so the guard is a ratchet at today's size:
// nothing may grow it, and each saving lowers it. SHAROKEY_SIZE_GUARD can
// only lower it (a test sets it to 4096 to see the guard fail); scripts/mutants.mjs
// turns it off (SHAROKEY_MUTANT=1): its builds carry a bug on purpose and ship nowhere.
const SIZE_GUARD = process.env.SHAROKEY_MUTANT ? Infinity : Math.min(8_272, +(process.env.SHAROKEY_SIZE_GUARD || Infinity));
const check = process.argv.includes('--check');
const banner = `/*! Sharokey drop-in script v${pkg.version} | MIT */`;
const common = {
  bundle: true,
  write: false,
  target: ['es2022', 'chrome100', 'firefox100', 'safari16'],
  define: { __VERSION__: JSON.stringify(pkg.version) },
  legalComments: 'none',
  charset: 'utf8',
  banner: { js: banner },
  logLevel: 'warning',
};

const bundles = [
  { entryPoints: ['src/global.ts'], format: 'iife', outfile: 'dist/sharokey.js' },
  { entryPoints: ['src/global.ts'], format: 'iife', outfile: 'dist/sharokey.min.js', minify: true, sourcemap: 'external' },
  { entryPoints: ['src/index.ts'], format: 'esm', outfile: 'dist/sharokey.esm.js', sourcemap: 'linked' },
];

/** name -> contents */
const out = new Map();
for (const b of bundles) {
  const r = await build({ ...common, ...b });
  for (const f of r.outputFiles) out.set('dist/' + f.path.split('/dist/')[1], f.text);
}
// esbuild's minified file, minified once more (scripts/minify.mjs).
const last = await finish(out.get('dist/sharokey.min.js'), out.get('dist/sharokey.min.js.map'));
out.set('dist/sharokey.min.js', last.code + '\n');
out.set('dist/sharokey.min.js.map', last.map);

// One declaration file: tsc emits per module; the public modules are joined
// in order and their local imports dropped (their names are unique).
const program = ts.createProgram(['src/index.ts'], {
  ...ts.parseJsonConfigFileContent(JSON.parse(readFileSync('tsconfig.json', 'utf8')), ts.sys, '.').options,
  noEmit: false, declaration: true, emitDeclarationOnly: true, outDir: '/types', rootDir: 'src', types: [], stripInternal: true,
});
const decl = {};
const emitted = program.emit(undefined, (name, text) => { decl[name.replace(/^.*\/types\//, '')] = text; });
const diagnostics = ts.getPreEmitDiagnostics(program).concat(emitted.diagnostics);
if (diagnostics.length) {
  console.error(ts.formatDiagnosticsWithColorAndContext(diagnostics, { getCanonicalFileName: (f) => f, getCurrentDirectory: () => '.', getNewLine: () => '\n' }));
  process.exit(1);
}
// index.d.ts last: the default client and its named parts (its re-exports are the modules above).
// index.ts also exports the default client's error classes, createClient and
// isSharokeyError (the script tag's own, when it made that client): errors.d.ts
// and client.d.ts already declare them, so index.d.ts's copies go (e2e/unit/types.spec.ts
// checks that the declared values are exactly the module's exports). @internal ones go too.
const strip = (t) => t.replace(/^import [^;]*;\n/gm, '').replace(/^export (\{\}|.* from '[^']*');\n/gm, '')
  .replace(/^export (declare const (createClient|isSharokeyError|\w+Error): Client\['\w+'\]|type \w+Error = E\.\w+);\n/gm, '');
const modules = ['errors.d.ts', 'types.d.ts', 'client.d.ts', 'index.d.ts'].map((f) => strip(decl[f]));
// The global's types by name too (`let o: Sharokey.CreateOptions`, JSDoc's `@type {Sharokey.Revealed}`):
// a namespace of types only, merged with the global's value. Its aliases go through ByName, which
// the file does not export (its `export { ... as delete }` makes every export explicit), because
// `type CreateOptions = CreateOptions` inside it would name itself.
const named = [...modules.join('').matchAll(/^export (?:declare )?(?:interface|type|class) (\w+)(<\w+>)?/gm)];
out.set('dist/sharokey.d.ts', [
  `// Types of the Sharokey drop-in script v${pkg.version}.`,
  ...modules,
  'interface ByName {',
  ...named.filter((m) => !m[2]).map(([, n]) => `  ${n}: ${n};`),
  '}',
  ...named.filter((m) => m[2]).map(([, n, t]) => `type ${n}ByName${t} = ${n}${t};`),
  '',
  'declare global {',
  '  /** Set by dist/sharokey.min.js (script tag). */',
  '  var Sharokey: Client;',
  '  /** The types by name, for a page of script tags: `let o: Sharokey.CreateOptions`, or `@type {Sharokey.CreateOptions}` in JSDoc. */',
  '  namespace Sharokey {',
  ...named.map(([, n, t]) => t ? `    type ${n}${t} = ${n}ByName${t};` : `    type ${n} = ByName['${n}'];`),
  '  }',
  '}',
  '',
].join('\n'));

// The same types for an import of dist/sharokey.esm.js by its path (README: "As an ES module").
out.set('dist/sharokey.esm.d.ts', [
  `// Types of dist/sharokey.esm.js v${pkg.version}: those of sharokey.d.ts.`,
  "export * from './sharokey.js';",
  "export { default } from './sharokey.js';",
  '',
].join('\n'));

const sri = (text) => 'sha384-' + createHash('sha384').update(text).digest('base64');
const integrity = {};
for (const [name, text] of [...out].sort()) if (!name.endsWith('.map')) integrity[name.slice(5)] = sri(text);
out.set('dist/integrity.json', JSON.stringify(integrity, null, 2) + '\n');

// The README's script tags carry the SRI hash of this very build.
if (existsSync('README.md')) {
  // Three forms: a tag's attributes, a script element's properties (the console snippet, the
  // bookmarklet), an import map's integrity entry (the ES module snippet).
  out.set('README.md', readFileSync('README.md', 'utf8').replace(/(dist\/(sharokey[\w.-]*\.js)(?:"\s+integrity="|',\s*integrity:\s*'|":\s*"))sha384-[\w+/=]+/g, (_, head, file) => head + integrity[file]));
}

if (check) {
  const stale = [...out].filter(([name, text]) => !existsSync(name) || readFileSync(name, 'utf8') !== text).map(([n]) => n);
  if (stale.length) {
    console.error(`dist/ (or the README's SRI hash) is not what the build makes from src/: ${stale.join(', ')}. Run npm run build and commit the result.`);
    process.exit(1);
  }
  console.log('dist/ matches a fresh build.');
} else {
  mkdirSync('dist', { recursive: true });
  for (const [name, text] of out) if (!existsSync(name) || readFileSync(name, 'utf8') !== text) writeFileSync(name, text);
}
const min = out.get('dist/sharokey.min.js');
const gzip = gzipSync(min, { level: 9 }).length;
console.log(`dist/sharokey.min.js: ${Buffer.byteLength(min)} bytes, ${gzip} gzip -9 (guard: ${SIZE_GUARD}, target: 4096)`);
if (gzip > SIZE_GUARD) {
  console.error(`dist/sharokey.min.js is ${gzip} bytes gzip -9, over the guard of ${SIZE_GUARD}: make it smaller (README, "Size").`);
  process.exit(1);
}
