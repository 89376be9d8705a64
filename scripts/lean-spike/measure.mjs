// What issue #2's secrets surface weighs written for size (secrets.js beside
// this file): `node scripts/lean-spike/measure.mjs`. The build's settings
// (esbuild, then terser, as scripts/sizes.mjs does), gzip -9 by Node's zlib.
// Three lines: the spike as written; without its client-side IP and country
// checks (left to the server); and with every string literal emptied, the
// bound no rewording can beat (sizes.mjs's rough regex).
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import { finish } from '../minify.mjs';

const emptied = (code) => code.replace(/"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`/g, (m) => m[0] + m[0]);
const measure = async (places, strip) => {
  const r = await build({
    entryPoints: [new URL('secrets.js', import.meta.url).pathname], bundle: true, write: false, minify: true, format: 'iife', outfile: 'out.js',
    target: ['es2022', 'chrome100', 'firefox100', 'safari16'], define: { __PLACES__: String(places) },
    legalComments: 'none', charset: 'utf8', banner: { js: '/*! Sharokey drop-in script v1.0.0 | MIT */' },
  });
  const { code } = await finish(r.outputFiles[0].text);
  const text = strip ? emptied(code) : code;
  return `${String(Buffer.byteLength(text)).padStart(6)} B  ${String(gzipSync(text, { level: 9 }).length).padStart(5)} B gzip -9`;
};
console.log('secrets surface, written for size             ', await measure(true));
console.log('  without its IP and country checks           ', await measure(false));
console.log('  every string emptied                        ', await measure(true, 1));
console.log("issue #2's bar                                          3584 B gzip -9");
