// `npm run engines`: the built script in the browser engines this machine
// has, beside Chromium (which `npm test` drives): Firefox and WebKit (GTK's
// MiniBrowser), found at the paths below or named by SHAROKEY_FIREFOX and
// SHAROKEY_WEBKIT. Not a test of the test command (CI has no such browsers):
// a check to run by hand after a change, whose figures the README quotes.
// Each browser opens engines/page.html with no driver and no stub: the page
// loads dist/sharokey.min.js by a script tag, runs engines/checks.js against
// the mock on another origin and POSTs its results back here.
// Then, where a driver is at hand (Firefox's own WebDriver BiDi; WebKitWebDriver),
// the mock's pages are used as a person would (engines/pages.mjs); Chromium's
// are in npm test already.
// Debian: apt-get install firefox-esr libwebkit2gtk-4.1-0 webkit2gtk-driver xvfb
import { execFileSync, spawn, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findChromium } from '../scripts/chromium.mjs';
import { serveStatic } from '../scripts/serve.mjs';
import { firefox, webkit } from './drive.mjs';
import { pageChecks } from './pages.mjs';
import { judge } from './verdicts.js';

// Node 20 has WebSocket (for Firefox's WebDriver BiDi) only behind a flag.
if (typeof WebSocket === 'undefined') process.exit(spawnSync(process.execPath, ['--experimental-websocket', ...process.argv.slice(1)], { stdio: 'inherit' }).status ?? 1);

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const MOCK_PORT = 4391;
const PAGE_PORT = 4390;
const DRIVER_PORT = 4392; // WebKitWebDriver's
const LIMIT_MS = 180_000;
const first = (...paths) => paths.find((p) => p && existsSync(p));

const profile = () => mkdtempSync(join(tmpdir(), 'sharokey-engine-'));
const ENGINES = [
  { name: 'Chromium', path: first(findChromium()), args: (url, dir) => ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', `--user-data-dir=${dir}`, url] },
  { name: 'Firefox', path: first(process.env.SHAROKEY_FIREFOX, '/usr/bin/firefox-esr', '/usr/bin/firefox'), args: (url, dir) => ['--headless', '--no-remote', '--profile', dir, url],
    drive: (path, dir) => firefox(path, dir) },
  // MiniBrowser needs a display: xvfb-run gives it one.
  { name: 'WebKit', path: first(process.env.SHAROKEY_WEBKIT, '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser', '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.0/MiniBrowser'), wrap: first('/usr/bin/xvfb-run'), args: (url) => [url],
    drive: (path) => { const driver = first(process.env.SHAROKEY_WEBKIT_DRIVER, '/usr/bin/WebKitWebDriver'); return driver ? webkit(driver, path, first('/usr/bin/xvfb-run'), DRIVER_PORT) : null; } },
];

const waitFor = async (url) => {
  for (let i = 0; i < 100; i++) {
    try { if ((await fetch(url)).ok) return; } catch {}
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('no answer from ' + url);
};

const mock = spawn(process.execPath, [join(root, 'mock/run.mjs'), '--port', MOCK_PORT, '--fixtures', join(root, 'e2e/fixtures/mock.json')], { stdio: 'ignore' });
let waiting;
const FILES = { '/': ['engines/page.html', 'text/html'], '/checks.js': ['engines/checks.js', 'text/javascript'], '/dist/sharokey.min.js': ['dist/sharokey.min.js', 'text/javascript'], '/dist/sharokey.esm.js': ['dist/sharokey.esm.js', 'text/javascript'], '/verdicts.js': ['engines/verdicts.js', 'text/javascript'] };
// What Node makes of the inputs that engines may read differently (engines/verdicts.js), for each page to compare.
const { createClient } = await import(pathToFileURL(join(root, 'dist/sharokey.esm.js')).href);
const expected = JSON.stringify(await judge(createClient({ apiUrl: 'http://127.0.0.1:9/api/v1', token: 'unused' })));
const pages = createServer((req, res) => {
  const path = new URL(req.url, 'http://x').pathname;
  if (req.method === 'POST' && path === '/result') {
    let body = '';
    req.on('data', (c) => (body += c)).on('end', () => { res.end(); waiting?.(JSON.parse(body)); });
    return;
  }
  if (path === '/expected.json') return res.writeHead(200, { 'Content-Type': 'application/json' }).end(expected);
  const file = FILES[path];
  if (!file) return res.writeHead(404).end();
  res.writeHead(200, { 'Content-Type': file[1] + '; charset=utf-8', 'Cache-Control': 'no-store' }).end(readFileSync(join(root, file[0])));
}).listen(PAGE_PORT, 'localhost');

let commit = null;
try { commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim(); } catch { /* not a checkout */ }
const bundle = readFileSync(join(root, 'dist/sharokey.min.js'));
// The repository, for the demo console at /demo/ (another origin than the mock's).
const repo = await serveStatic({ port: 0, host: 'localhost', root });
const demo = `http://localhost:${repo.address().port}/demo/?api=${encodeURIComponent(`http://127.0.0.1:${MOCK_PORT}/api/v1`)}`;
const report = { date: new Date().toISOString(), commit, bundle: { file: 'dist/sharokey.min.js', sha256: createHash('sha256').update(bundle).digest('hex') }, engines: [] };
console.log(`dist/sharokey.min.js (sha256 ${report.bundle.sha256.slice(0, 12)}…), commit ${commit ?? '?'}`);
let failed = 0;
try {
  await waitFor(`http://127.0.0.1:${MOCK_PORT}/api/v1/health`);
  for (const engine of ENGINES) {
    if (!engine.path || ('wrap' in engine && !engine.wrap)) {
      console.log(`${engine.name}: not found, skipped`);
      report.engines.push({ name: engine.name, skipped: true });
      continue;
    }
    const dir = profile();
    const url = `http://localhost:${PAGE_PORT}/?mock=${encodeURIComponent(`http://127.0.0.1:${MOCK_PORT}`)}`;
    const [cmd, args] = engine.wrap ? [engine.wrap, ['-a', engine.path, ...engine.args(url, dir)]] : [engine.path, engine.args(url, dir)];
    const browser = spawn(cmd, args, { stdio: 'ignore', detached: true, env: { ...process.env, HOME: process.env.HOME ?? dir } });
    let timer;
    const result = await Promise.race([
      new Promise((ok) => (waiting = ok)),
      new Promise((ok) => (timer = setTimeout(() => ok({ problem: `no result within ${LIMIT_MS / 1000} s` }), LIMIT_MS))),
      new Promise((ok) => browser.on('exit', (code) => setTimeout(() => ok({ problem: `the browser exited (${code}) before its result` }), 1000))),
    ]);
    clearTimeout(timer);
    try { process.kill(-browser.pid, 'SIGKILL'); } catch {}
    rmSync(dir, { recursive: true, force: true });
    const results = result.results ?? [];
    // The mock's pages, driven; Chromium's are tested by npm test.
    const driven = engine.drive && await (async () => {
      const dir = profile();
      let browser;
      try {
        browser = await engine.drive(engine.path, dir);
        if (!browser) return null;
        return await pageChecks(browser, { root, origin: `http://127.0.0.1:${MOCK_PORT}`, token: 'acme-admin-token', demo, screens: join(root, 'test-results/engines', engine.name) });
      } catch (e) {
        return [{ name: 'drive the pages', ok: false, ms: 0, error: e.message }];
      } finally {
        await browser?.close();
        rmSync(dir, { recursive: true, force: true });
      }
    })();
    if (driven) results.push(...driven.map((r) => ({ ...r, name: 'page ' + r.name })));
    else if (engine.drive) console.log(`${engine.name}: no driver found, its pages not checked`);
    const passed = results.filter((r) => r.ok).length;
    if (result.problem || passed !== results.length || !results.length) failed++;
    console.log(`\n${engine.name}: ${passed} of ${results.length} checks passed${result.problem ? ` (${result.problem})` : ''}`);
    if (result.userAgent) console.log(`  ${result.userAgent}; native base64: ${result.nativeBase64 ? 'yes' : 'no'}`);
    for (const r of results) console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.ms} ms)${r.error ? ': ' + r.error : r.note ? ': ' + r.note : ''}`);
    report.engines.push({ name: engine.name, userAgent: result.userAgent, nativeBase64: result.nativeBase64, passed, total: results.length, problem: result.problem, failures: results.filter((r) => !r.ok) });
  }
} finally {
  pages.close();
  repo.close();
  mock.kill();
}
writeFileSync(join(root, 'engines/results.json'), JSON.stringify(report, null, 2) + '\n');
console.log('\nwritten: engines/results.json');
process.exit(failed ? 1 : 0);
