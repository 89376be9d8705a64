// Where the bytes of dist/sharokey.min.js go: `node scripts/sizes.mjs`.
// Builds src/global.ts in memory with the settings of build.mjs, terser's pass
// included (without the source-map comment), and prints each module's share
// of esbuild's minified file, then the whole file's gzip -9 size, without the
// secret requests, and without requests, diagnostics and analyzeStats (their
// methods stubbed out): what a split into two files could save. Last, what
// no rewording of this code can beat: the same two builds with every string
// literal emptied (messages, but also the wire's field names and the country
// table, which the code needs). A rough count: the regex also drops the code
// inside a template's `${...}`, so it is a little under the exact figure.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { finish } from './minify.mjs';

const { version } = JSON.parse(readFileSync('package.json', 'utf8'));
const STUB = 'export const createRequest=0,listRequests=0,getRequest=0,deleteRequest=0,requestStats=0,respond=0,openRequest=0,health=0,test=0,testConnection=0,analyzeStats=0';

// Every string literal of the minified file emptied ('' "" ``): a rough regex, enough for a bound.
const emptied = (code) => code.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, (m) => m[0] + m[0]);

const measure = async (without, strip) => {
  const r = await build({
    entryPoints: ['src/global.ts'], bundle: true, write: false, minify: true, format: 'iife', outfile: 'out.js', metafile: true,
    target: ['es2022', 'chrome100', 'firefox100', 'safari16'], define: { __VERSION__: JSON.stringify(version) },
    legalComments: 'none', charset: 'utf8', banner: { js: `/*! Sharokey drop-in script v${version} | MIT */` },
    plugins: without ? [{ name: 'without', setup: (b) => b.onLoad({ filter: without }, () => ({ contents: STUB, loader: 'ts' })) }] : [],
  });
  const { code } = await finish(r.outputFiles[0].text);
  const text = strip ? emptied(code) : code;
  return { raw: Buffer.byteLength(text), gzip: gzipSync(text, { level: 9 }).length, inputs: r.metafile.outputs['out.js'].inputs };
};

const whole = await measure();
console.log('minified bytes by module:');
for (const [file, { bytesInOutput }] of Object.entries(whole.inputs).sort((a, b) => b[1].bytesInOutput - a[1].bytesInOutput)) {
  console.log(String(bytesInOutput).padStart(7), file);
}
const line = (label, m) => console.log(`${label.padEnd(44)} ${String(m.raw).padStart(6)} B  ${String(m.gzip).padStart(5)} B gzip -9`);
line('whole library', whole);
line('without requests (api/requests, ECDH)', await measure(/api\/requests\.ts$/));
const STUBBED = /api\/(requests|diagnostics|analyze)\.ts$/;
line('without requests, diagnostics, analyzeStats', await measure(STUBBED));
line('whole library, every string emptied', await measure(undefined, 1));
line('without those three, every string emptied', await measure(STUBBED, 1));
