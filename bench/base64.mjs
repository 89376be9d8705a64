// The base64 fallback, measured: what a platform without the native
// Uint8Array.toBase64/fromBase64 (Node 20 to 24, Chrome before 140, Firefox before 133, Safari before 18.2) runs
// for every attachment. It bundles src/crypto/base64.ts as the build does
// and times 10 MB each way against Node's Buffer, and against the forms the
// fallback replaced (a spread into String.fromCharCode, Uint8Array.from of
// the decoded string).
//   node bench/base64.mjs
import { build } from 'esbuild';
import { randomBytes } from 'node:crypto';

const out = await build({ entryPoints: ['src/crypto/base64.ts'], bundle: true, format: 'esm', write: false, logLevel: 'silent' });
const { toBase64, fromBase64 } = await import('data:text/javascript,' + encodeURIComponent(out.outputFiles[0].text));
if (Uint8Array.fromBase64 || Uint8Array.prototype.toBase64) console.log('(this Node has the native functions: the library would use them)');

const bytes = new Uint8Array(randomBytes(10 * 1024 * 1024));
const text = Buffer.from(bytes).toString('base64');
const median = (f) => {
  const times = [];
  for (let i = 0; i < 7; i++) {
    const t0 = performance.now();
    f();
    times.push(performance.now() - t0);
  }
  return times.sort((a, b) => a - b)[3].toFixed(1).padStart(7);
};
if (toBase64(bytes) !== text || !Buffer.from(fromBase64(text)).equals(Buffer.from(bytes))) throw new Error('the fallback does not agree with Buffer');

const spread = () => {
  let s = '';
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};
console.log(`base64 of 10 MB, median of 7 runs in ms, Node ${process.version}`);
console.log(`encode   library fallback ${median(() => toBase64(bytes))}   Buffer ${median(() => Buffer.from(bytes).toString('base64'))}   spread, 32 KB chunks ${median(spread)}`);
console.log(`decode   library fallback ${median(() => fromBase64(text))}   Buffer ${median(() => Buffer.from(text, 'base64'))}   Uint8Array.from(atob) ${median(() => Uint8Array.from(atob(text), (c) => c.charCodeAt(0)))}`);
