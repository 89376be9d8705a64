// The benchmark: `npm run bench` (or `node bench/run.mjs`). Not a test: it
// measures and reports, and exits 0 whether the targets are met or not
// (1 only when it could not run). Results and their reading: docs/measured.md.
//
// In headless Chromium against the mock API (a process started here on a
// free port, with a copy of e2e/fixtures/mock.json whose rate limit and
// quotas are raised), from a page on another origin (bench/page.html, served
// by scripts/serve.mjs) that loads dist/sharokey.min.js by a script tag:
//   - bundle sizes of dist/sharokey.min.js: raw, gzip -9, brotli (quality 11);
//   - Sharokey.create() with no attachment and with 1, 2, 5 and 10 MB of
//     attachments (10 files of random bytes; 1 MB = 1 MiB), beside its FLOOR:
//     the same work written directly against the platform in the same page
//     (PBKDF2 derive, AES-GCM of the content and of each file,
//     Uint8Array#toBase64 as the library uses it, the same JSON body sent by
//     fetch to the same mock with the same headers);
//   - Sharokey.reveal() of the same sizes beside its floor (fetch of
//     /public/secrets/{slug}/open, Uint8Array.fromBase64, PBKDF2, AES-GCM);
//   - two variants at 10 MB: the create floor sending its body as a Blob of
//     parts as the library does (no 13 MB JSON string: the harder create
//     floor, which its target is judged on), the reveal floor also making
//     Files as reveal() does (an easier floor: what the Files cost);
//   - peak JS heap growth during the 10 MB create and reveal, as a multiple
//     of the payload: CDP Performance.getMetrics JSHeapUsedSize sampled every
//     ~5 ms from here after a forced GC (HeapProfiler.collectGarbage), plus
//     V8's heap size before each GC from a trace, since no sample can be
//     taken while the page runs a long task;
//   - how the cost grows (1, 2, 5, 10 MB): ms per MB and r² of a linear fit;
//   - CPU profiles (CDP Profiler) of one 10 MB create and reveal, library and
//     floor, by self time (minified frames mapped to src/ through the source map).
// Timed figures are medians of BENCH_RUNS runs (default 7; BENCH_SCALE_RUNS,
// default 5, at 2 and 5 MB) after BENCH_WARMUP warm-up rounds (default 1);
// library, floor and variants run in rounds whose order rotates, each run
// after a forced GC and a short pause. The table goes to stdout (progress to
// stderr) and everything to bench/results.json (BENCH_OUT to write elsewhere).
// dist/ is used as it is: run `npm run build` first if src/ changed.
// About 1 to 4 minutes on a 2-core machine, with its load.
import { spawn, execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import os from 'node:os';
import { dirname, join, relative } from 'node:path';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';
import { chromium } from 'playwright';
import { launchOptions } from '../scripts/chromium.mjs';
import { serveStatic } from '../scripts/serve.mjs';

const ROOT = dirname(dirname(fileURLToPath(import.meta.url)));
const MIN_JS = join(ROOT, 'dist', 'sharokey.min.js');
const OUT = process.env.BENCH_OUT ?? join(ROOT, 'bench', 'results.json');
const RUNS = Math.max(1, +(process.env.BENCH_RUNS ?? 7));
const SCALE_RUNS = Math.max(1, +(process.env.BENCH_SCALE_RUNS ?? 5));
const WARMUP = Math.max(0, +(process.env.BENCH_WARMUP ?? 1));
const HEAP_RUNS = 2;
const MB = 1 << 20;
const SIZES = [0, 1, 2, 5, 10]; // MB of attachments, 10 files each
const MAIN = [0, 1, 10]; // the sizes of the main table
const SCALE = [1, 2, 5, 10]; // the sizes of the linear fit
const TOKEN = 'acme-admin-token';
const TARGET = { ratio: 1.25, heap: 4 };

const T0 = Date.now();
const log = (...a) => console.error(`[bench ${((Date.now() - T0) / 1000).toFixed(0).padStart(3)} s]`, ...a);
const sleep = (ms) => new Promise((ok) => setTimeout(ok, ms));
const permutations = (xs) => (xs.length < 2 ? [xs] : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p])));

// ---------------------------------------------------------------- statistics

const quantile = (xs, p) => {
  const s = [...xs].sort((a, b) => a - b);
  const i = (s.length - 1) * p;
  const lo = Math.floor(i);
  return s[lo] + (s[Math.ceil(i)] - s[lo]) * (i - lo);
};
const r2 = (x) => Math.round(x * 100) / 100;
const stats = (xs) => ({
  median: r2(quantile(xs, 0.5)), p25: r2(quantile(xs, 0.25)), p75: r2(quantile(xs, 0.75)),
  min: r2(Math.min(...xs)), max: r2(Math.max(...xs)), runs: xs.length, samples: xs.map(r2),
});
/** Least squares y = a + b x, with r². */
const fit = (xs, ys) => {
  const n = xs.length, mx = xs.reduce((a, b) => a + b) / n, my = ys.reduce((a, b) => a + b) / n;
  let sxy = 0, sxx = 0, syy = 0;
  xs.forEach((x, i) => { sxy += (x - mx) * (ys[i] - my); sxx += (x - mx) ** 2; syy += (ys[i] - my) ** 2; });
  const slope = sxy / sxx, intercept = my - slope * mx;
  const res = ys.reduce((s, y, i) => s + (y - intercept - slope * xs[i]) ** 2, 0);
  return { msPerMB: r2(slope), interceptMs: r2(intercept), r2: Math.round((syy ? 1 - res / syy : 1) * 10000) / 10000 };
};

// ------------------------------------------------------------ the bundle

const bundleSizes = () => {
  const buf = readFileSync(MIN_JS);
  return {
    file: 'dist/sharokey.min.js',
    sha256: createHash('sha256').update(buf).digest('hex'),
    raw: buf.length,
    gzip9: zlib.gzipSync(buf, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buf, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: zlib.constants.BROTLI_MAX_QUALITY,
        [zlib.constants.BROTLI_PARAM_LGWIN]: zlib.constants.BROTLI_MAX_WINDOW_BITS,
        [zlib.constants.BROTLI_PARAM_MODE]: zlib.constants.BROTLI_MODE_TEXT,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      },
    }).length,
  };
};

// ------------------------------------------------------------ the servers

/** Starts the mock as a process on a free port; resolves to { apiUrl, origin, stop }. */
const startMock = async (fixtures) => {
  const child = spawn(process.execPath, [join(ROOT, 'mock', 'run.mjs'), '--port', '0', '--fixtures', fixtures], { cwd: ROOT, stdio: ['ignore', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const apiUrl = await new Promise((ok, no) => {
    lines.once('line', ok);
    child.once('exit', (code) => no(new Error(`the mock exited (${code}) before printing its URL`)));
  });
  lines.on('line', () => {}); // keep draining
  return {
    apiUrl, origin: new URL(apiUrl).origin,
    stop: () => new Promise((ok) => { if (child.exitCode != null) return ok(); child.once('exit', ok); child.kill('SIGTERM'); }),
  };
};

// ------------------------------------------------------------ in the page

/** Installed in the page as window.__bench. Self-contained: Playwright sends its source. */
function pageSetup({ apiUrl, token }) {
  const CONTENT = 'Benchmark secret: the database password is correct-horse-battery-staple';
  const enc = new TextEncoder();
  const subtle = crypto.subtle;
  // The library's base64 (src/crypto/base64.ts): native where the browser has it.
  const b64 = (u8) => {
    if (u8.toBase64) return u8.toBase64();
    let s = '';
    for (let i = 0; i < u8.length; i += 4096) s += String.fromCharCode.apply(0, u8.subarray(i, i + 4096));
    return btoa(s);
  };
  const unb64 = (t) => {
    if (Uint8Array.fromBase64) return Uint8Array.fromBase64(t);
    const s = atob(t);
    return new Uint8Array(s.length).map((_, i) => s.charCodeAt(i));
  };
  const random = (n) => crypto.getRandomValues(new Uint8Array(n));
  const ALPHA = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
  const derive = async (k, salt) => subtle.deriveKey(
    { name: 'PBKDF2', salt, iterations: 10000, hash: 'SHA-256' },
    await subtle.importKey('raw', enc.encode(k), 'PBKDF2', false, ['deriveKey']),
    { name: 'AES-GCM', length: 256 }, false, ['encrypt', 'decrypt']);
  let files = [];
  // Long tasks (50 ms or more): how long the main thread was blocked during a run.
  let longTasks = [];
  const observer = new PerformanceObserver((list) => { longTasks.push(...list.getEntries()); });
  observer.observe({ type: 'longtask' });
  const blocked = (t0, t1) => {
    longTasks.push(...observer.takeRecords());
    const ms = longTasks.filter((e) => e.startTime >= t0 && e.startTime < t1).reduce((sum, e) => sum + e.duration, 0);
    longTasks = [];
    return ms;
  };
  Sharokey.config({ apiUrl, token, retries: 0, timeout: 120000 });
  window.__bench = {
    /** `total` bytes of random data in 10 Files. */
    makeFiles(total, n = 10) {
      files = [];
      if (!total) return 0;
      const per = Math.floor(total / n);
      for (let i = 0; i < n; i++) {
        const size = i == n - 1 ? total - per * (n - 1) : per;
        const u = new Uint8Array(size);
        for (let o = 0; o < size; o += 65536) crypto.getRandomValues(u.subarray(o, Math.min(size, o + 65536)));
        files.push(new File([u], `file-${i}.bin`, { type: 'application/octet-stream' }));
      }
      return files.reduce((s, f) => s + f.size, 0);
    },
    async libCreate(views = 1) {
      let up;
      const t0 = performance.now();
      const s = await Sharokey.create(CONTENT, 1, views, { attachments: files, onProgress: (p) => { if (p.phase == 'upload') up = performance.now(); } });
      const t1 = performance.now();
      const u = new URL(s.share_url);
      return { ms: t1 - t0, prepareMs: up - t0, sendMs: t1 - up, blockedMs: blocked(t0, t1), slug: s.slug, keyB: u.hash.slice(1), url: s.share_url };
    },
    /**
     * The floor of create(): the same bytes, encryption, encoding and POST, nothing else.
     * `blob`: the variant that sends the same JSON text as a Blob of parts, as the library
     * does, the base64 strings never joined into one body string (the harder floor).
     */
    async floorCreate(views = 1, blob = false) {
      const t0 = performance.now();
      let k = '';
      for (const b of random(64)) if (b < 248 && k.length < 32) k += ALPHA[b % 62];
      const salt = random(16);
      const key = await derive(k, salt);
      const iv = random(12);
      const content = new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv }, key, enc.encode(CONTENT)));
      const attachments = [];
      let total = 0;
      for (const f of files) {
        const fiv = random(12);
        const data = new Uint8Array(await subtle.encrypt({ name: 'AES-GCM', iv: fiv }, key, await f.arrayBuffer()));
        attachments.push({ name: f.name, iv: b64(fiv), data: b64(data), size: f.size });
        total += f.size;
      }
      const up = performance.now();
      const body = {
        content: b64(content), iv: b64(iv), salt: b64(salt), key: k.slice(0, 8), expiration_hours: 1, maximum_views: views,
        ...(total && { attachments, attachments_total_size: total }),
      };
      let text;
      if (blob) {
        // The same JSON text as JSON.stringify(body) (checked by blobCheck), in parts.
        const { attachments: _a, attachments_total_size: _t, ...head } = body;
        const parts = [JSON.stringify(head).slice(0, -1)];
        if (total) {
          parts.push(',"attachments":[');
          attachments.forEach((a, i) => parts.push((i ? ',' : '') + JSON.stringify({ name: a.name, iv: a.iv }).slice(0, -1) + ',"data":"', a.data, '","size":' + a.size + '}'));
          parts.push('],"attachments_total_size":' + total);
        }
        parts.push('}');
        if (window.__blobCheck) return { same: (await new Blob(parts).text()) === JSON.stringify(body) };
        text = new Blob(parts, { type: 'application/json' });
      } else text = JSON.stringify(body);
      const res = await fetch(apiUrl + '/secrets', { method: 'POST', headers: { 'Content-Type': 'application/json', Authorization: 'Bearer ' + token }, body: text });
      const json = await res.json();
      if (!res.ok) throw new Error('floor create: ' + res.status + ' ' + JSON.stringify(json.error));
      const t1 = performance.now();
      return { ms: t1 - t0, prepareMs: up - t0, sendMs: t1 - up, blockedMs: blocked(t0, t1), slug: json.data.slug };
    },
    async libReveal(url) {
      const t0 = performance.now();
      const r = await Sharokey.reveal(url);
      const t1 = performance.now();
      if (r.content != CONTENT || r.attachments.length != files.length) throw new Error('lib reveal: wrong result');
      return { ms: t1 - t0, blockedMs: blocked(t0, t1) };
    },
    /**
     * The floor of reveal(): fetch, base64 decode, PBKDF2, AES-GCM decrypt (attachments in parallel, as the library).
     * `wrap`: a variant (not the floor) that also makes a File of each attachment, as reveal() does.
     */
    async floorReveal(slug, keyB, wrap = false) {
      const t0 = performance.now();
      const res = await fetch(`${apiUrl}/public/secrets/${slug}/open`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: '{}' });
      const json = await res.json();
      if (!res.ok) throw new Error('floor reveal: ' + res.status + ' ' + JSON.stringify(json.error));
      const s = json.data;
      const key = await derive(s.key + keyB, unb64(s.salt));
      const content = new TextDecoder().decode(await subtle.decrypt({ name: 'AES-GCM', iv: unb64(s.iv) }, key, unb64(s.content)));
      const plain = await Promise.all((s.attachments ?? []).map(async (a) => {
        const bytes = await subtle.decrypt({ name: 'AES-GCM', iv: unb64(a.iv) }, key, unb64(a.data));
        return wrap ? new File([bytes], a.name) : bytes;
      }));
      const t1 = performance.now();
      if (content != CONTENT || plain.length != files.length) throw new Error('floor reveal: wrong result');
      return { ms: t1 - t0, blockedMs: blocked(t0, t1) };
    },
  };
  return typeof Uint8Array.prototype.toBase64 == 'function';
}

// ------------------------------------------------------------ CPU profile summary

const B64 = Object.fromEntries([...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/'].map((c, i) => [c, i]));
/** A lookup (0-based line, column) of dist/sharokey.min.js -> { where: 'src/...ts:line', code } from its source map. */
const decodeMap = (map) => {
  const lines = [];
  let src = 0, line = 0, col = 0;
  for (const text of map.mappings.split(';')) {
    const segs = [];
    let gen = 0;
    for (const seg of text.split(',')) {
      if (!seg) continue;
      const f = [];
      let v = 0, shift = 0;
      for (const ch of seg) {
        const d = B64[ch];
        v += (d & 31) * 2 ** shift;
        if (d & 32) shift += 5;
        else { f.push(v % 2 ? -(v - 1) / 2 : v / 2); v = 0; shift = 0; }
      }
      gen += f[0];
      if (f.length > 3) { src += f[1]; line += f[2]; col += f[3]; segs.push({ gen, src, line }); }
    }
    lines.push(segs);
  }
  return (l, c) => {
    let hit;
    for (const s of lines[l] ?? []) if (s.gen <= c) hit = s; else break;
    if (!hit) return null;
    const code = (map.sourcesContent?.[hit.src] ?? '').split('\n')[hit.line]?.trim() ?? '';
    return { where: `${map.sources[hit.src].replace(/^(\.\.\/)+/, '')}:${hit.line + 1}`, code: code.length > 80 ? code.slice(0, 77) + '...' : code };
  };
};

const BENCH_FNS = new Set(['floorCreate', 'floorReveal', 'libCreate', 'libReveal', 'derive', 'b64', 'unb64', 'random', 'makeFiles']);
/**
 * Self time per function of a CDP Profiler profile (biggest first) and per
 * category: idle (the main thread waits: network, the mock, WebCrypto's own
 * threads), native (Chromium's work not attributed to JS), gc, library (JS of
 * dist/sharokey.min.js, with the V8 builtins it calls: JSON, toBase64...),
 * web APIs (the bindings' own time: fetch, encrypt, File...), bench (the
 * page's harness and floor code).
 */
const summarize = (profile, lookup) => {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  const { samples, timeDeltas } = profile;
  for (let i = 0; i < samples.length; i++) self.set(samples[i], (self.get(samples[i]) ?? 0) + (timeDeltas[i + 1] ?? 0) / 1000);
  const byFn = new Map();
  const cats = { idle: 0, native: 0, gc: 0, library: 0, webApis: 0, bench: 0 };
  for (const [id, ms] of self) {
    const { callFrame: f } = nodes.get(id);
    const name = f.functionName || '(anonymous)';
    const lib = f.url.endsWith('/dist/sharokey.min.js');
    const mapped = lib ? lookup(f.lineNumber, f.columnNumber) : null;
    const cat = name == '(idle)' ? 'idle' : name == '(program)' || name == '(root)' ? 'native' : name == '(garbage collector)' ? 'gc'
      : lib ? 'library' : BENCH_FNS.has(name) || f.url.includes('__playwright') || name == '(anonymous)' ? 'bench' : 'webApis';
    cats[cat] += ms;
    const label = mapped ? `${name} (${mapped.where})` : name;
    const e = byFn.get(label) ?? { fn: label, category: cat, ms: 0, ...(mapped && { code: mapped.code }) };
    e.ms += ms;
    byFn.set(label, e);
  }
  const total = (profile.endTime - profile.startTime) / 1000;
  return {
    totalMs: r2(total),
    categoriesMs: Object.fromEntries(Object.entries(cats).map(([k, v]) => [k, r2(v)])),
    top: [...byFn.values()].sort((a, b) => b.ms - a.ms).slice(0, 12).map((e) => ({ ...e, ms: r2(e.ms), pct: r2((100 * e.ms) / total) })),
  };
};

// ------------------------------------------------------------ printing

const fmtMs = (s) => `${s.median.toFixed(1)} [${s.p25.toFixed(1)}-${s.p75.toFixed(1)}]`;
const table = (rows) => {
  const w = rows[0].map((_, i) => Math.max(...rows.map((r) => String(r[i] ?? '').length)));
  return rows.map((r) => r.map((c, i) => (i < 2 ? String(c ?? '').padEnd(w[i]) : String(c ?? '').padStart(w[i]))).join('  ').trimEnd()).join('\n');
};
const sizeName = (mb) => (mb ? `${mb} MB` : 'none');
const n = (x) => x.toLocaleString('en-US');
const BLOB = 'floor, Blob body';
const FILE = 'floor + File';

const report = (r) => {
  const out = [];
  const m = r.machine;
  const target = (id) => r.targets.find((t) => t.id == id);
  out.push(`Sharokey benchmark, ${r.date}, commit ${r.commit ?? '?'}`);
  out.push(`${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}; Node ${m.node}; Chromium ${m.chromium}`);
  out.push(`Load average (1, 5, 15 min) at start ${m.loadAverage.join(' ')}, at end ${m.loadAverageAtEnd.join(' ')}` +
    (Math.max(m.loadAverage[0], m.loadAverageAtEnd[0]) > m.cores ? `: the machine was busy with other work, the figures are noisy` : ''));
  out.push(`Times in ms: median [p25-p75] of ${r.settings.runs} runs (${r.settings.scaleRuns} at 2 and 5 MB) after ${r.settings.warmup} warm-up; 1 MB = 1 MiB in 10 files.`);
  out.push('');
  const b = r.bundle;
  out.push(`Bundle ${b.file}: raw ${n(b.raw)} B, gzip -9 ${n(b.gzip9)} B, brotli ${n(b.brotli)} B`);
  out.push('');
  const rows = [['operation', 'payload', 'library', 'floor', 'ratio', 'paired', 'target', '']];
  for (const op of ['create', 'reveal']) {
    for (const e of r[op].filter((e) => MAIN.includes(e.mb))) {
      const t = target(`${op}-10MB-ratio`);
      const at = e.mb == 10;
      rows.push([op, sizeName(e.mb), fmtMs(e.library), fmtMs(e.floor), e.ratio.toFixed(2) + 'x', e.pairedRatio.toFixed(2) + 'x', at ? `<= ${t.limit}x` : '', at ? (t.pass ? 'pass' : 'FAIL') : '']);
    }
  }
  out.push(table(rows));
  out.push('  ratio = library median / floor median; paired = median of the per-round ratios (library and floor run in turn)');
  out.push(`  target judged on the least favourable reading (ratio, paired, and for create the Blob-body floor below): create ${target('create-10MB-ratio').value.toFixed(2)}x, reveal ${target('reveal-10MB-ratio').value.toFixed(2)}x`);
  const v = r.create.find((e) => e.mb == 10).variants?.[BLOB];
  if (v) out.push(`  variant: create 10 MB, the floor sending its body as a Blob of parts (no 13 MB JSON string): ${fmtMs(v)}, library / it ${v.libraryRatio.toFixed(2)}x`);
  const w = r.reveal.find((e) => e.mb == 10).variants?.[FILE];
  if (w) out.push(`  variant: reveal 10 MB, the floor also making a File of each attachment (as reveal() does): ${fmtMs(w)}, library / it ${w.libraryRatio.toFixed(2)}x`);
  out.push('');
  const ph = [['where the time goes', 'payload', 'lib prepare', 'floor prepare', 'lib send', 'floor send', 'lib blocked', 'floor blocked']];
  for (const op of ['create', 'reveal']) {
    for (const e of r[op].filter((e) => MAIN.includes(e.mb))) {
      const p = e.phases;
      ph.push([op, sizeName(e.mb), p?.library.prepareMs, p?.floor.prepareMs, p?.library.sendMs, p?.floor.sendMs, e.library.blockedMs, e.floor.blockedMs]);
    }
  }
  for (const [op, k] of [['create', BLOB], ['reveal', FILE]]) {
    const x = r[op].find((e) => e.mb == 10).variants?.[k];
    if (x) ph.push([`${op}, ${k}`, '10 MB', '', x.phases?.prepareMs, '', x.phases?.sendMs, '', x.blockedMs]);
  }
  out.push(table(ph));
  out.push('  medians in ms; prepare = read the files, derive, encrypt, base64 (until onProgress "upload"); send = JSON body, POST, answer;');
  out.push('  blocked = main thread in long tasks (50 ms or more) during the run');
  out.push('');
  const h = [['peak heap growth at 10 MB', '', 'library JS heap', 'floor JS heap', 'target', '', 'library +ArrayBuffers', 'floor +ArrayBuffers']];
  const mem = (x) => `${x.jsMB} MB ${x.jsMultiple}x`;
  const tot = (x) => (x.totalMB == null ? 'n/a' : `${x.totalMB} MB ${x.totalMultiple}x`);
  for (const op of ['create', 'reveal']) {
    const e = r.heap[op];
    const t = target(`${op}-heap`);
    h.push([op, '', mem(e.library), mem(e.floor), `<= ${t.limit}x`, t.pass ? 'pass' : 'FAIL', tot(e.library), tot(e.floor)]);
  }
  for (const [op, k] of [['create', BLOB], ['reveal', FILE]]) if (r.heap[op][k]) h.push([`${op}, ${k}`, '', '', mem(r.heap[op][k]), '', '', '', tot(r.heap[op][k])]);
  out.push(table(h));
  out.push('  JSHeapUsedSize (Performance.getMetrics, every ~5 ms, and V8\'s size before each GC) peak minus its value after a forced GC,');
  out.push(`  highest of ${r.settings.heapRuns} runs; x = multiple of the 10 MB payload;`);
  out.push('  +ArrayBuffers adds Runtime.getHeapUsage backingStorageSize (ArrayBuffer contents live outside the JS heap)');
  out.push('');
  const s = [['growth (median ms)', '', ...SCALE.map(sizeName), 'ms/MB', 'fixed ms', 'r2']];
  for (const op of ['create', 'reveal']) {
    for (const who of ['library', 'floor']) {
      const g = r.scaling[op][who];
      s.push([`${op} ${who}`, '', ...g.points.map((p) => p.ms.toFixed(1)), g.msPerMB.toFixed(1), g.interceptMs.toFixed(1), g.r2.toFixed(3)]);
    }
  }
  out.push(table(s));
  out.push('  least-squares line through the medians: ms = fixed + ms/MB x MB');
  for (const [name, p] of Object.entries(r.profile)) {
    out.push('');
    out.push(`CPU profile, one 10 MB ${name}: ${p.totalMs} ms; self time: ${Object.entries(p.categoriesMs).map(([k, v]) => `${k} ${v.toFixed(0)}`).join(', ')}`);
    out.push(table([['  function', '', 'self ms', '%'], ...p.top.slice(0, 6).map((t) => ['  ' + t.fn, t.category, t.ms.toFixed(1), t.pct.toFixed(1)])]));
  }
  out.push('');
  const missed = r.targets.filter((t) => !t.pass);
  out.push(`Targets: ${r.targets.length - missed.length} of ${r.targets.length} met${missed.length ? '; missed: ' + missed.map((t) => `${t.id} (${t.value} > ${t.limit})`).join(', ') : ''}`);
  return out.join('\n');
};

// ------------------------------------------------------------ the run

const main = async () => {
  if (!existsSync(MIN_JS)) throw new Error('dist/sharokey.min.js is missing: run `npm run build` first');
  const opts = launchOptions();
  if (!opts.executablePath) throw new Error('no Chromium found: run `npm test` once (it installs one) or set SHAROKEY_CHROMIUM');
  const started = Date.now();
  const loadAverage = os.loadavg().map((x) => r2(x));
  const bundle = bundleSizes();

  const tmp = mkdtempSync(join(os.tmpdir(), 'sharokey-bench-'));
  const fixture = JSON.parse(readFileSync(join(ROOT, 'e2e', 'fixtures', 'mock.json'), 'utf8'));
  fixture.rateLimit = { perMinute: 100000 };
  for (const c of fixture.companies) c.quota = 100000;
  writeFileSync(join(tmp, 'mock.json'), JSON.stringify(fixture));

  let mock, web, browser;
  try {
    mock = await startMock(join(tmp, 'mock.json'));
    web = await serveStatic({ port: 0, host: 'localhost', root: ROOT });
    const pageUrl = `http://localhost:${web.address().port}/bench/page.html`;
    browser = await chromium.launch({ ...opts, headless: true });
    const control = (path, method = 'POST') => fetch(mock.origin + path, { method }).then((r) => r.json());
    /** Deletes a secret made by a create run and empties the mock's log, so that the mock's memory stays flat. */
    const drop = async (res) => {
      if (res?.slug) await fetch(`${mock.apiUrl}/secrets/${res.slug}`, { method: 'DELETE', headers: { Authorization: 'Bearer ' + TOKEN } });
      await control('/_mock/log', 'DELETE');
      return res;
    };
    log(`mock ${mock.apiUrl}, page ${pageUrl}, Chromium ${browser.version()}, load average ${loadAverage.join(' ')}`);
    const page = await browser.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(pageUrl);
    await page.waitForFunction(() => typeof window.Sharokey == 'object');
    const nativeBase64 = await page.evaluate(pageSetup, { apiUrl: mock.apiUrl, token: TOKEN });
    const cdp = await page.context().newCDPSession(page);
    await cdp.send('HeapProfiler.enable');
    const gc = async () => { await cdp.send('HeapProfiler.collectGarbage'); await cdp.send('HeapProfiler.collectGarbage'); };
    const call = (fn, ...args) => page.evaluate(([fn, args]) => window.__bench[fn](...args), [fn, args]);

    /**
     * Runs each contender `runs` times after the warm-up, in rounds: every
     * round runs each once, the rounds take every order in turn (a run can
     * slow the next one down: the mock and the browser still freeing the
     * previous 14 MB); before each run a GC
     * and a pause of `settle` ms (for the mock and the browser to finish with
     * the previous run).
     */
    const measure = async (label, contenders, runs, settle) => {
      const names = Object.keys(contenders);
      const got = Object.fromEntries(names.map((k) => [k, []]));
      // Every order in turn, so that each contender follows each other one as often.
      const orders = permutations(names);
      for (let i = 0; i < WARMUP + runs; i++) {
        for (const who of orders[i % orders.length]) {
          await gc();
          await sleep(settle);
          const res = await contenders[who]();
          if (i >= WARMUP) got[who].push(res);
        }
      }
      const out = {};
      for (const who of names) {
        const med = (k) => r2(quantile(got[who].map((x) => x[k]), 0.5));
        out[who] = { ...stats(got[who].map((x) => x.ms)), blockedMs: med('blockedMs') };
        if (got[who][0].prepareMs != null) out[who].phases = { prepareMs: med('prepareMs'), sendMs: med('sendMs') };
      }
      const ratio = r2(out.library.median / out.floor.median);
      const pairedRatio = r2(quantile(got.library.map((x, i) => x.ms / got.floor[i].ms), 0.5));
      const minRatio = r2(out.library.min / out.floor.min);
      log(`${label}: library ${out.library.median} ms, floor ${out.floor.median} ms, ratio ${ratio} (paired ${pairedRatio})` + names.slice(2).map((k) => `, ${k} ${out[k].median} ms`).join(''));
      const { library, floor, ...variants } = out;
      for (const k in variants) variants[k].libraryRatio = r2(library.median / variants[k].median);
      const phases = library.phases && { library: library.phases, floor: floor.phases };
      delete library.phases; delete floor.phases;
      return { runs, library, floor, ratio, pairedRatio, minRatio, ...(phases && { phases }), ...(names.length > 2 && { variants }) };
    };

    const sample = async () => {
      const [{ metrics }, usage] = await Promise.all([cdp.send('Performance.getMetrics'), cdp.send('Runtime.getHeapUsage')]);
      const js = metrics.find((x) => x.name == 'JSHeapUsedSize').value;
      return { js, total: usage.backingStorageSize == null ? null : js + usage.backingStorageSize };
    };
    /**
     * Peak growth over the post-GC baseline while `op` runs: JSHeapUsedSize
     * sampled every ~5 ms from here, and, since a sample cannot be taken while
     * the page runs a long task, the heap size V8 reports before each GC
     * during the run (MinorGC/MajorGC usedHeapSizeBefore in a trace of the
     * page's renderer): between two GCs the used size only grows, so the
     * peak is either one of those or the last sample.
     */
    const heapRun = async (op) => {
      await gc();
      await sleep(250);
      const base = await sample();
      await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
      const peak = { ...base };
      let count = 0, stop = false;
      const take = (s) => {
        count++;
        peak.js = Math.max(peak.js, s.js);
        if (s.total != null) peak.total = Math.max(peak.total, s.total);
      };
      const loop = (async () => { while (!stop) { take(await sample()); await sleep(5); } })();
      try { await op(); } finally { stop = true; await loop; }
      take(await sample());
      const sampled = peak.js;
      const trace = JSON.parse((await browser.stopTracing()).toString());
      const events = trace.traceEvents ?? trace;
      const pid = events.find((e) => e.name == 'TracingStartedInBrowser')?.args?.data?.frames?.find((f) => f.url == page.url())?.processId;
      const gcs = events.filter((e) => (e.name == 'MinorGC' || e.name == 'MajorGC') && e.pid == pid && e.args?.usedHeapSizeBefore);
      for (const e of gcs) peak.js = Math.max(peak.js, e.args.usedHeapSizeBefore);
      return { js: peak.js - base.js, sampledJs: sampled - base.js, total: base.total == null ? null : peak.total - base.total, samples: count, gcs: gcs.length, pid: pid != null };
    };
    const heapRuns = async (op, bytes) => {
      const xs = [];
      for (let i = 0; i < HEAP_RUNS; i++) xs.push(await heapRun(op));
      const js = Math.max(...xs.map((x) => x.js));
      const total = xs[0].total == null ? null : Math.max(...xs.map((x) => x.total));
      return {
        jsMB: r2(js / MB), jsMultiple: r2(js / bytes),
        totalMB: total == null ? null : r2(total / MB), totalMultiple: total == null ? null : r2(total / bytes),
        runs: xs.map((x) => ({ jsMB: r2(x.js / MB), sampledJsMB: r2(x.sampledJs / MB), totalMB: x.total == null ? null : r2(x.total / MB), samples: x.samples, gcs: x.gcs })),
      };
    };

    const results = { create: [], reveal: [] };
    let heap, profile;
    for (const mb of SIZES) {
      await control('/_mock/reset'); // also drops the mock's log, which keeps request bodies
      const bytes = await call('makeFiles', mb * MB);
      if (mb == 1) {
        await page.evaluate(() => { window.__blobCheck = true; });
        const { same } = await call('floorCreate', 1, true);
        await page.evaluate(() => { delete window.__blobCheck; });
        if (!same) throw new Error('the Blob body variant does not send the same JSON text');
      }
      const runs = MAIN.includes(mb) ? RUNS : SCALE_RUNS;
      const target = await call('libCreate', 1000); // opened by every reveal of this size
      const c = await measure(`create ${sizeName(mb)}`, {
        library: () => call('libCreate', 1).then(drop),
        floor: () => call('floorCreate', 1).then(drop),
        ...(mb == 10 && { [BLOB]: () => call('floorCreate', 1, true).then(drop) }),
      }, runs, 100 + 40 * mb);
      results.create.push({ mb, bytes, ...c });
      const v = await measure(`reveal ${sizeName(mb)}`, {
        library: () => call('libReveal', target.url),
        floor: () => call('floorReveal', target.slug, target.keyB),
        ...(mb == 10 && { [FILE]: () => call('floorReveal', target.slug, target.keyB, true) }),
      }, runs, 100 + 40 * mb);
      results.reveal.push({ mb, bytes, ...v });

      if (mb == 10) {
        log('heap: 10 MB create and reveal');
        await control('/_mock/reset');
        const t2 = await call('libCreate', 1000);
        await cdp.send('Performance.enable');
        heap = {
          payloadBytes: bytes,
          create: {
            library: await heapRuns(() => call('libCreate', 1).then(drop), bytes),
            floor: await heapRuns(() => call('floorCreate', 1).then(drop), bytes),
            [BLOB]: await heapRuns(() => call('floorCreate', 1, true).then(drop), bytes),
          },
          reveal: {
            library: await heapRuns(() => call('libReveal', t2.url), bytes),
            floor: await heapRuns(() => call('floorReveal', t2.slug, t2.keyB), bytes),
            [FILE]: await heapRuns(() => call('floorReveal', t2.slug, t2.keyB, true), bytes),
          },
        };
        await cdp.send('Performance.disable');

        log('CPU profiles: 10 MB create and reveal');
        await control('/_mock/reset');
        const t3 = await call('libCreate', 1000);
        const lookup = decodeMap(JSON.parse(readFileSync(MIN_JS + '.map', 'utf8')));
        await cdp.send('Profiler.enable');
        await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
        const prof = async (op) => {
          await gc();
          await cdp.send('Profiler.start');
          await op();
          return summarize((await cdp.send('Profiler.stop')).profile, lookup);
        };
        profile = {
          'create (library)': await prof(() => call('libCreate', 1)),
          'create (floor)': await prof(() => call('floorCreate', 1)),
          [`create (${BLOB})`]: await prof(() => call('floorCreate', 1, true)),
          'reveal (library)': await prof(() => call('libReveal', t3.url)),
          'reveal (floor)': await prof(() => call('floorReveal', t3.slug, t3.keyB)),
        };
        await cdp.send('Profiler.disable');
      }
    }
    await control('/_mock/reset');
    if (errors.length) throw new Error('page errors: ' + errors.join('; '));

    const scaling = {};
    for (const op of ['create', 'reveal']) {
      scaling[op] = {};
      for (const who of ['library', 'floor']) {
        const points = SCALE.map((mb) => ({ mb, ms: results[op].find((e) => e.mb == mb)[who].median }));
        scaling[op][who] = { points, ...fit(points.map((p) => p.mb), points.map((p) => p.ms)) };
      }
    }
    const at10 = (op) => results[op].find((e) => e.mb == 10);
    // A target is judged on the least favourable reading: the median ratio, the paired one, and for
    // create() the floor that sends its body as a Blob of parts as the library does (the plain floor's
    // one 13 MB JSON string is slower than the library, so beside it alone create() would look cheap).
    const worst = (op) => Math.max(at10(op).ratio, at10(op).pairedRatio, at10(op).variants?.[BLOB]?.libraryRatio ?? 0);
    const targets = [
      { id: 'create-10MB-ratio', what: 'create() at 10 MB / its floor: the highest of the median ratio, the paired ratio and library / the Blob-body floor', value: worst('create'), limit: TARGET.ratio },
      { id: 'reveal-10MB-ratio', what: 'reveal() at 10 MB / its floor: the higher of the median ratio and the paired ratio', value: worst('reveal'), limit: TARGET.ratio },
      { id: 'create-heap', what: 'peak JS heap growth of create() at 10 MB / payload', value: heap.create.library.jsMultiple, limit: TARGET.heap },
      { id: 'reveal-heap', what: 'peak JS heap growth of reveal() at 10 MB / payload', value: heap.reveal.library.jsMultiple, limit: TARGET.heap },
    ].map((t) => ({ ...t, pass: t.value <= t.limit }));

    let commit = null;
    try { commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: ROOT, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { /* not a checkout */ }
    const cpus = os.cpus();
    const result = {
      date: new Date().toISOString(),
      machine: {
        cpu: cpus[0]?.model ?? 'unknown', cores: cpus.length, memoryGiB: r2(os.totalmem() / 2 ** 30),
        os: `${os.platform()} ${os.release()} ${os.arch()}`, node: process.version, chromium: browser.version(),
        loadAverage, loadAverageAtEnd: os.loadavg().map((x) => r2(x)),
      },
      commit,
      settings: { runs: RUNS, scaleRuns: SCALE_RUNS, warmup: WARMUP, heapRuns: HEAP_RUNS, files: 10, mb: 'MiB (1,048,576 bytes)', nativeBase64, heapSampleEveryMs: 5, profileSamplingUs: 100 },
      bundle,
      create: results.create,
      reveal: results.reveal,
      heap,
      scaling,
      targets,
      profile,
      durationS: Math.round((Date.now() - started) / 1000),
    };
    writeFileSync(OUT, JSON.stringify(result, null, 2) + '\n');
    console.log(report(result));
    log(`wrote ${relative(process.cwd(), OUT) || OUT} in ${result.durationS} s`);
  } finally {
    await browser?.close().catch(() => {});
    if (web) await new Promise((ok) => web.close(ok));
    await mock?.stop();
    rmSync(tmp, { recursive: true, force: true });
  }
};

main().catch((e) => {
  console.error('[bench] failed:', e?.stack ?? e);
  process.exit(1);
});
