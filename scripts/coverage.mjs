// What of src/ the browser suite runs: `node scripts/coverage.mjs` (about as
// long as `npm test`; `-- --report-only` reads the last run's files again).
// It runs the README's test command with SHAROKEY_COVERAGE set, so that every
// page of the Chromium specs records V8's block coverage of
// dist/sharokey.min.js (e2e/coverage.ts), joins the runs (a byte ran if it ran
// in any page), and maps the minified file back to src/ through its source
// map. It prints, per file of src/, how many of its mapped tokens ran, and the
// lines where some code never ran, with their text. The Node-only specs
// (e2e/unit/, which import src/ directly) are not counted: the figure is the
// built script's, as pages load it. Then the same for the scripts of the
// pages a person uses, served as they are in the repository: the demo's
// modules (demo/) and the mock's viewer, responder and inbox (mock/public/).
// Last, the mock server's own code (mock/**/*.ts), from NODE_V8_COVERAGE,
// which the run sets for every Node process. Not part of `npm test`.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = 'test-results/coverage';
const NODE_DIR = 'test-results/coverage-node';
const code = readFileSync('dist/sharokey.min.js', 'utf8');
const map = JSON.parse(readFileSync('dist/sharokey.min.js.map', 'utf8'));

if (!process.argv.includes('--report-only')) {
  rmSync(DIR, { recursive: true, force: true });
  rmSync(NODE_DIR, { recursive: true, force: true });
  // CI: Playwright starts its own webServer mock (never reuses one running, whose coverage it could not write).
  const env = { ...process.env, CI: process.env.CI || '1', SHAROKEY_COVERAGE: DIR, NODE_V8_COVERAGE: resolve(NODE_DIR) };
  const r = spawnSync(process.execPath, ['scripts/test.mjs', ...process.argv.slice(2)], { stdio: 'inherit', env });
  if (r.status) console.log(`(the test command ended with ${r.status}: the figures below are of the specs that ran)`);
}
if (!existsSync(DIR)) throw new Error(`no coverage in ${DIR}: run without --report-only`);

/** One line of a figure: "  99.1 %  18501 of 18667 tokens  label". */
const row = (ran, total, label) => `${((100 * ran) / (total || 1)).toFixed(1).padStart(6)} %  ${String(ran).padStart(5)} of ${String(total).padEnd(5)} tokens  ${label}`;
/** Prints a row for each file of `byFile` (file -> { ran, tokens }), by name, then their total. */
const rows = (byFile) => {
  let ran = 0, tokens = 0;
  for (const [file, f] of [...byFile].sort()) {
    ran += f.ran;
    tokens += f.tokens;
    console.log(row(f.ran, f.tokens, file));
  }
  console.log(row(ran, tokens, 'in all'));
};

// V8's ranges nest (a function, then its blocks, then the functions inside):
// painted outermost first, the innermost count of a byte wins.
const paint = (entry, into) => {
  const count = new Uint32Array(into.length);
  const ranges = entry.functions.flatMap((fn) => fn.ranges).sort((a, b) => a.startOffset - b.startOffset || b.endOffset - a.endOffset);
  for (const { startOffset, endOffset, count: c } of ranges) count.fill(c, startOffset, endOffset);
  for (let i = 0; i < count.length; i++) if (count[i]) into[i] = 1;
};

// A page script of the repository, by its address: demo/... as it is, the mock's at its root.
const scripts = new Map();
const page = (entry) => {
  const path = new URL(entry.url).pathname;
  const file = path.startsWith('/demo/') ? path.slice(1) : 'mock/public' + path;
  if (!existsSync(file) || readFileSync(file, 'utf8') !== entry.source) return;
  const s = scripts.get(file) ?? { source: entry.source, ran: new Uint8Array(entry.source.length) };
  paint(entry, s.ran);
  scripts.set(file, s);
};

// Which bytes of the minified file ran in at least one page.
const ran = new Uint8Array(code.length);
let pages = 0;
for (const f of readdirSync(DIR)) {
  for (const entry of JSON.parse(readFileSync(join(DIR, f), 'utf8'))) {
    if (entry.source !== code) {
      page(entry);
      continue;
    }
    pages++;
    paint(entry, ran);
  }
}
if (!pages) throw new Error('no page recorded the current dist/sharokey.min.js');

// A source map's segments: [generated line, column, source, line, column].
const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const decode = (mappings) => {
  const out = [];
  const state = [0, 0, 0, 0];
  mappings.split(';').forEach((line, genLine) => {
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
      out.push([genLine, col, state[0], state[1], state[2]]);
    }
  });
  return out;
};
const segments = decode(map.mappings);
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
console.log(`\ncoverage of dist/sharokey.min.js by the Chromium specs (${pages} page recordings), mapped to src/:`);
rows(byFile);
console.log('\nlines with code that never ran (tokens that ran / tokens):');
for (const [file, f] of [...byFile].sort()) {
  for (const l of f.missed.sort((a, b) => a.line - b.line)) console.log(`  ${file}:${l.line + 1}  ${l.ran}/${l.tokens}  ${text(file, l.line).slice(0, 110)}`);
}

// The pages' scripts: tokens (names, numbers, each other mark) outside comments, by their first byte.
console.log(`\ncoverage of the pages' scripts (demo/, mock/public/), as the specs ran them:`);
let pt = 0, ph = 0;
const missedLines = [];
for (const [file, { source, ran: r }] of [...scripts].sort()) {
  let t = 0, h = 0, offset = 0;
  source.split('\n').forEach((line, i) => {
    const code = line.replace(/\/\/.*$/, '');
    let lt = 0, lh = 0;
    if (!/^\s*(\*|\/\*)/.test(line)) for (const m of code.matchAll(/[\w$]+|\S/g)) (lt++, (lh += r[offset + m.index]));
    t += lt;
    h += lh;
    if (lh < lt) missedLines.push(`  ${file}:${i + 1}  ${lh}/${lt}  ${line.trim().slice(0, 110)}`);
    offset += line.length + 1;
  });
  pt += t;
  ph += h;
  console.log(row(h, t, file));
}
console.log(row(ph, pt, 'in all'));
console.log("\nlines of the pages' scripts with code that never ran (tokens that ran / tokens):");
for (const l of missedLines) console.log(l);

// The mock server's own code (mock/*.ts, Node), wherever it ran: in the
// workers, which import it (Playwright's transform), and in every `node
// mock/run.mjs` (the webServer, the CLI specs), whose esbuild bundle carries an
// inline source map when NODE_V8_COVERAGE is set. Node writes each process's
// coverage with the source maps it saw (their sources made absolute). The two
// compilers map different places of a line, so a token is a place that either
// maps, and a process says whether it ran by the nearest place at or before it
// on that line that the process's own map names. It ran if any process says so.
if (existsSync(NODE_DIR)) {
  const MOCK = /^mock\/(?!public\/).+\.ts$/;
  const recordings = []; // per script of a process: "file:line" -> [[column, ran], ...]
  let processes = 0, servers = 0;
  for (const f of readdirSync(NODE_DIR)) {
    const { result, 'source-map-cache': maps = {} } = JSON.parse(readFileSync(join(NODE_DIR, f), 'utf8'));
    let ours = 0, server = 0;
    for (const entry of result) {
      const sm = maps[entry.url];
      if (!sm?.data?.mappings) continue;
      const files = sm.data.sources.map((s) => {
        const url = new URL(s, entry.url);
        return url.protocol == 'file:' ? relative('.', fileURLToPath(url)) : '';
      });
      if (!files.some((file) => MOCK.test(file))) continue;
      ours++;
      server ||= +entry.url.endsWith('/sharokey-mock/cli.mjs');
      const starts = [0];
      for (const n of sm.lineLengths) starts.push(starts.at(-1) + n + 1);
      const ran = new Uint8Array(starts.at(-1));
      paint(entry, ran);
      const places = new Map();
      for (const [genLine, col, src, line, column] of decode(sm.data.mappings)) {
        if (!MOCK.test(files[src])) continue;
        const at = places.get(`${files[src]}:${line}`) ?? new Map();
        at.set(column, (at.get(column) ?? 0) | ran[starts[genLine] + col]);
        places.set(`${files[src]}:${line}`, at);
      }
      recordings.push(new Map([...places].map(([k, at]) => [k, [...at].sort((a, b) => a[0] - b[0])])));
    }
    if (ours) processes++;
    servers += server;
  }
  const tokens = new Map(); // "file:line:column" -> ran
  for (const r of recordings) for (const [k, at] of r) for (const [column] of at) tokens.set(`${k}:${column}`, 0);
  for (const key of tokens.keys()) {
    const cut = key.lastIndexOf(':');
    const line = key.slice(0, cut), column = +key.slice(cut + 1);
    for (const r of recordings) {
      const at = r.get(line);
      const before = at?.findLast(([c]) => c <= column);
      if (before?.[1]) {
        tokens.set(key, 1);
        break;
      }
    }
  }
  const byFile = new Map();
  for (const [key, r] of tokens) {
    const [file, line] = key.split(':');
    const f = byFile.get(file) ?? { tokens: 0, ran: 0, lines: new Map() };
    f.tokens++;
    f.ran += r;
    const l = f.lines.get(+line) ?? [0, 0];
    l[0] += r;
    l[1]++;
    f.lines.set(+line, l);
    byFile.set(file, f);
  }
  console.log(`\ncoverage of the mock server's code (mock/**/*.ts, not mock/public) in Node (${processes} processes, ${servers} of them \`node mock/run.mjs\`):`);
  rows(byFile);
  console.log("\nlines of the mock's code that never ran (tokens that ran / tokens):");
  for (const [file, f] of [...byFile].sort()) {
    const text = readFileSync(file, 'utf8').split('\n');
    for (const [line, [r, n]] of [...f.lines].sort((a, b) => a[0] - b[0])) if (r < n) console.log(`  ${file}:${line + 1}  ${r}/${n}  ${text[line]?.trim().slice(0, 110)}`);
  }
}
