// What of src/ the browser suite runs: `node scripts/coverage.mjs` (about as
// long as `npm test`; `-- --report-only` reads the last run's files again).
// It runs the README's test command with SHAROKEY_COVERAGE set, so that every
// page of the Chromium specs records V8's block coverage of
// dist/sharokey.min.js (e2e/coverage.ts), joins the runs (a byte ran if it ran
// in any page), and maps the minified file back to src/ through its source
// map. It prints, per file of src/, how many of its mapped tokens ran, and the
// lines where some code never ran, with their text. The Node-only specs
// (e2e/unit/, which import src/ directly) are not counted: the figure is the
// built script's, as pages load it. Not part of `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';

const DIR = 'test-results/coverage';
const code = readFileSync('dist/sharokey.min.js', 'utf8');
const map = JSON.parse(readFileSync('dist/sharokey.min.js.map', 'utf8'));

if (!process.argv.includes('--report-only')) {
  rmSync(DIR, { recursive: true, force: true });
  const r = spawnSync(process.execPath, ['scripts/test.mjs', ...process.argv.slice(2)], { stdio: 'inherit', env: { ...process.env, SHAROKEY_COVERAGE: DIR } });
  if (r.status) console.log(`(the test command ended with ${r.status}: the figures below are of the specs that ran)`);
}
if (!existsSync(DIR)) throw new Error(`no coverage in ${DIR}: run without --report-only`);

// Which bytes of the minified file ran in at least one page. V8's ranges nest
// (a function, then its blocks, then the functions inside): painted outermost
// first, the innermost count of a byte wins.
const ran = new Uint8Array(code.length);
let pages = 0;
for (const f of readdirSync(DIR)) {
  for (const entry of JSON.parse(readFileSync(join(DIR, f), 'utf8'))) {
    if (entry.source !== code) continue; // another build's file
    pages++;
    const count = new Uint32Array(code.length);
    const ranges = entry.functions.flatMap((fn) => fn.ranges).sort((a, b) => a.startOffset - b.startOffset || b.endOffset - a.endOffset);
    for (const { startOffset, endOffset, count: c } of ranges) count.fill(c, startOffset, endOffset);
    for (let i = 0; i < code.length; i++) if (count[i]) ran[i] = 1;
  }
}
if (!pages) throw new Error('no page recorded the current dist/sharokey.min.js');

// The source map's segments: [generated line, column, source, line, column].
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const segments = [];
const state = [0, 0, 0, 0];
map.mappings.split(';').forEach((line, genLine) => {
  let col = 0;
  for (const seg of line.split(',').filter(Boolean)) {
    const values = [];
    for (let i = 0, v = 0, shift = 0; i < seg.length; i++) {
      const d = B64.indexOf(seg[i]);
      v += (d & 31) << shift;
      if (d & 32) shift += 5;
      else {
        values.push(v & 1 ? -(v >>> 1) : v >>> 1);
        v = shift = 0;
      }
    }
    col += values[0];
    if (values.length < 4) continue;
    for (let k = 0; k < 3; k++) state[k] += values[k + 1];
    segments.push([genLine, col, state[0], state[1], state[2]]);
  }
});
const lineStart = [0];
for (let i = 0; i < code.length; i++) if (code[i] == '\n') lineStart.push(i + 1);

// Per source line: its tokens, and those that ran (a token ran if its first byte did).
const lines = new Map();
for (const [genLine, col, src, line] of segments) {
  const file = map.sources[src].replace(/^(\.\.\/)+/, '');
  if (!file.startsWith('src/')) continue;
  const key = file + ':' + line;
  const l = lines.get(key) ?? { file, line, tokens: 0, ran: 0 };
  l.tokens++;
  l.ran += ran[lineStart[genLine] + col];
  lines.set(key, l);
}

const text = (file, line) => (map.sourcesContent[map.sources.findIndex((s) => s.endsWith(file))] ?? '').split('\n')[line]?.trim() ?? '';
const byFile = new Map();
for (const l of lines.values()) {
  const f = byFile.get(l.file) ?? { tokens: 0, ran: 0, missed: [] };
  f.tokens += l.tokens;
  f.ran += l.ran;
  if (l.ran < l.tokens) f.missed.push(l);
  byFile.set(l.file, f);
}
let tokens = 0, hit = 0;
console.log(`\ncoverage of dist/sharokey.min.js by the Chromium specs (${pages} page recordings), mapped to src/:`);
for (const [file, f] of [...byFile].sort()) {
  tokens += f.tokens;
  hit += f.ran;
  console.log(`${((100 * f.ran) / f.tokens).toFixed(1).padStart(6)} %  ${String(f.ran).padStart(5)} of ${String(f.tokens).padEnd(5)} tokens  ${file}`);
}
console.log(`${((100 * hit) / tokens).toFixed(1).padStart(6)} %  ${String(hit).padStart(5)} of ${String(tokens).padEnd(5)} tokens  in all`);
console.log('\nlines with code that never ran (tokens that ran / tokens):');
for (const [file, f] of [...byFile].sort()) {
  for (const l of f.missed.sort((a, b) => a.line - b.line)) console.log(`  ${file}:${l.line + 1}  ${l.ran}/${l.tokens}  ${text(file, l.line).slice(0, 110)}`);
}
