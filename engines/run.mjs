// `npm run engines [-- chromium firefox webkit]`: the built script in the
// browser engines named (all three when none is), beside Chromium (which
// `npm test` drives): Firefox and WebKit (GTK's MiniBrowser). Chromium is found
// as npm test finds it (Playwright's own, else Debian's), the others at Debian's
// paths; each can be named by SHAROKEY_CHROMIUM, SHAROKEY_FIREFOX, SHAROKEY_WEBKIT
// (MiniBrowser), SHAROKEY_WEBKIT_DRIVER (WebKitWebDriver) and SHAROKEY_XVFB;
// one named but absent, or not found, fails the run: nothing is skipped quietly.
// Not a test of the test command (CI has no such browsers): a check to run by
// hand after a change, whose figures the README quotes.
// Each browser opens engines/page.html with no driver and no stub: the page
// loads dist/sharokey.min.js by a script tag, runs engines/checks.js against
// the mock on another origin and POSTs its results back here.
// Then, by a driver (Firefox's own WebDriver BiDi; WebKitWebDriver), the demo
// console and the mock's pages are used (engines/pages.mjs); Chromium's are in
// npm test already.
// Debian: apt-get install chromium firefox-esr libwebkit2gtk-4.1-0 webkit2gtk-driver xvfb
import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, realpathSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { createServer as createSocketServer } from 'node:net';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { findChromium } from '../scripts/chromium.mjs';
import { serveStatic } from '../scripts/serve.mjs';
import { display, firefox, live, start, stop, webkit } from './drive.mjs';
import { PAGE_CHECKS, pageChecks } from './pages.mjs';
import { judge } from './verdicts.js';

// Node 20 has WebSocket (for Firefox's WebDriver BiDi) only behind a flag.
// Ctrl-C reaches both processes; this one waits for the other to clean up and end.
if (typeof WebSocket === 'undefined') {
  for (const name of ['SIGINT', 'SIGTERM']) process.on(name, () => {});
  process.exit(spawnSync(process.execPath, ['--experimental-websocket', ...process.argv.slice(1)], { stdio: 'inherit' }).status ?? 1);
}

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const MOCK_PORT = 4391;
const PAGE_PORT = 4390;
const DRIVER_PORT = 4392; // WebKitWebDriver's
const LIMIT_MS = 180_000; // for each phase of each engine

const run = (cmd, args) => { try { return execFileSync(cmd, args, { cwd: root, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'], timeout: 10_000 }).trim(); } catch { return null; } };
/** A path from the environment variable `name` (which must exist when set), else the first of `paths` that does. */
const locate = (name, paths) => {
  const named = process.env[name];
  if (named) return existsSync(named) ? { path: named } : { missing: `${name}=${named} does not exist` };
  const path = paths.find((p) => p && existsSync(p));
  return path ? { path } : { missing: `not found (${paths.filter(Boolean).join(', ') || 'no candidate'}); install it or set ${name}` };
};
// GTK's MiniBrowser is under the architecture's library directory.
const libexec = (rel) => { try { return readdirSync('/usr/lib').map((d) => join('/usr/lib', d, rel)).filter(existsSync); } catch { return []; } };
/** The package's version where dpkg knows the file, else what the binary prints. */
const version = (path) => {
  const owner = run('dpkg-query', ['-S', realpathSync(path)])?.split(':')[0];
  const packaged = owner && run('dpkg-query', ['-W', '-f=${Version}', owner]);
  return packaged ? `${owner} ${packaged}` : run(path, ['--version']);
};

const ENGINES = {
  chromium: { name: 'Chromium', find: () => locate('SHAROKEY_CHROMIUM', [findChromium()]),
    args: (url, dir) => ['--headless', '--no-sandbox', '--disable-gpu', '--no-first-run', `--user-data-dir=${dir}`, url] },
  firefox: { name: 'Firefox', find: () => locate('SHAROKEY_FIREFOX', ['/usr/bin/firefox-esr', '/usr/bin/firefox']),
    args: (url, dir) => ['--headless', '--no-remote', '--profile', dir, url],
    drive: (path, dir, { env }) => firefox(path, dir, env) },
  webkit: { name: 'WebKit', find: () => locate('SHAROKEY_WEBKIT', [...libexec('webkit2gtk-4.1/MiniBrowser'), ...libexec('webkit2gtk-4.0/MiniBrowser')]),
    needs: { driver: () => locate('SHAROKEY_WEBKIT_DRIVER', ['/usr/bin/WebKitWebDriver']), xvfb: () => locate('SHAROKEY_XVFB', ['/usr/bin/Xvfb']) },
    args: (url) => [url],
    drive: (path, dir, { driver, env }) => webkit(driver, path, env, DRIVER_PORT) },
};
const asked = process.argv.slice(2).map((a) => a.toLowerCase());
const unknown = asked.filter((a) => !(a in ENGINES));
if (unknown.length) {
  console.error(`unknown engine: ${unknown.join(', ')} (chromium, firefox, webkit)`);
  process.exit(2);
}
const selected = asked.length ? [...new Set(asked)] : Object.keys(ENGINES);
const everyEngine = selected.length === Object.keys(ENGINES).length;

// Browser profiles (and TMPDIRs), each removed after its phase, or by abandon() below.
const profiles = new Set();
const profile = () => { const dir = mkdtempSync(join(tmpdir(), 'sharokey-engine-')); profiles.add(dir); return dir; };
const unprofile = (dir) => { rmSync(dir, { recursive: true, force: true, maxRetries: 3 }); profiles.delete(dir); };
const answers = async (url) => { try { return (await fetch(url, { signal: AbortSignal.timeout(1000) })).ok; } catch { return false; } };
/** Whether something listens on the port: one that cannot be bound is in use. */
const inUse = (port) => new Promise((ok) => {
  const probe = createSocketServer().once('error', () => ok(true));
  probe.listen(port, () => probe.close(() => ok(false)));
});
const waitFor = async (url) => {
  for (let i = 0; i < 100; i++) {
    if (await answers(url)) return;
    await new Promise((r) => setTimeout(r, 200));
  }
  throw new Error('no answer from ' + url);
};
const bounded = (promise, what) => {
  let timer;
  return Promise.race([promise, new Promise((ok) => (timer = setTimeout(() => ok({ problem: `${what}: no result within ${LIMIT_MS / 1000} s` }), LIMIT_MS)))]).finally(() => clearTimeout(timer));
};

let commit = run('git', ['rev-parse', '--short', 'HEAD']);
// Uncommitted changes anywhere but in what this run writes: the figures are of another tree than the commit's.
const dirty = commit === null ? null : (run('git', ['status', '--porcelain']) ?? '').split('\n').filter((l) => l && !/ engines\/results\.json$/.test(l)).length > 0;
const bundle = readFileSync(join(root, 'dist/sharokey.min.js'));
const report = { date: new Date().toISOString(), commit, dirty, bundle: { file: 'dist/sharokey.min.js', sha256: createHash('sha256').update(bundle).digest('hex') }, engines: [] };
console.log(`dist/sharokey.min.js (sha256 ${report.bundle.sha256.slice(0, 12)}…), commit ${commit ?? '?'}${dirty ? ' with uncommitted changes' : ''}`);

// Ctrl-C, a kill, or a crash: the browsers, drivers and Xvfb are in process groups of
// their own, which the terminal's signal does not reach; they are ended here.
// A second Ctrl-C while this runs does not cut it short.
let abandoning = false;
const abandon = async (why, code) => {
  if (abandoning) return;
  abandoning = true;
  console.log(`\n${why}: ending ${live.size} child process(es)`);
  await Promise.all([...live].map(stop));
  for (const dir of profiles) rmSync(dir, { recursive: true, force: true, maxRetries: 3 });
  process.exit(code);
};
process.on('SIGINT', () => abandon('interrupted', 130)).on('SIGTERM', () => abandon('terminated', 143));
process.on('uncaughtException', (e) => abandon('crashed: ' + (e && e.stack), 1));

let failed = 0;
let ran = 0; // engines that ran their checks, whatever the outcome
let mock, pages, repo, screen;
let waiting;
try {
  for (const port of [MOCK_PORT, PAGE_PORT, DRIVER_PORT]) {
    if (await inUse(port)) throw new Error(`port ${port} is in use (another npm run engines?)`);
  }
  mock = start(process.execPath, [join(root, 'mock/run.mjs'), '--port', MOCK_PORT, '--fixtures', join(root, 'e2e/fixtures/mock.json')], { stdio: 'ignore' });
  const mockGone = new Promise((_, fail) => mock.once('exit', (code) => fail(new Error(`the mock exited (${code})`))));
  mockGone.catch(() => {});
  const FILES = { '/': ['engines/page.html', 'text/html'], '/checks.js': ['engines/checks.js', 'text/javascript'], '/dist/sharokey.min.js': ['dist/sharokey.min.js', 'text/javascript'], '/dist/sharokey.esm.js': ['dist/sharokey.esm.js', 'text/javascript'], '/verdicts.js': ['engines/verdicts.js', 'text/javascript'], '/leaks.js': ['engines/leaks.js', 'text/javascript'] };
  // What Node makes of the inputs that engines may read differently (engines/verdicts.js), for each page to compare.
  const { createClient } = await import(pathToFileURL(join(root, 'dist/sharokey.esm.js')).href);
  const expected = JSON.stringify(await judge(createClient({ apiUrl: 'http://127.0.0.1:9/api/v1', token: 'unused' })));
  pages = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (req.method === 'POST' && path === '/result') {
      let body = '';
      req.on('data', (c) => (body += c)).on('end', () => {
        res.end();
        let result;
        try { result = JSON.parse(body); } catch { result = { problem: 'the page posted no JSON: ' + body.slice(0, 200) }; }
        waiting?.(result);
        waiting = null;
      });
      return;
    }
    if (path === '/expected.json') return res.writeHead(200, { 'Content-Type': 'application/json' }).end(expected);
    const file = FILES[path];
    if (!file) return res.writeHead(404).end();
    res.writeHead(200, { 'Content-Type': file[1] + '; charset=utf-8', 'Cache-Control': 'no-store' }).end(readFileSync(join(root, file[0])));
  });
  await new Promise((ok, fail) => pages.once('error', fail).listen(PAGE_PORT, 'localhost', ok));
  // The repository, for the demo console at /demo/ (another origin than the mock's).
  repo = await serveStatic({ port: 0, host: 'localhost', root });
  const demo = `http://localhost:${repo.address().port}/demo/?api=${encodeURIComponent(`http://127.0.0.1:${MOCK_PORT}/api/v1`)}`;
  await Promise.race([waitFor(`http://127.0.0.1:${MOCK_PORT}/api/v1/health`), mockGone]);

  for (const key of selected) {
    const engine = ENGINES[key];
    const found = engine.find();
    const needs = Object.fromEntries(Object.entries(engine.needs ?? {}).map(([k, f]) => [k, f()]));
    const missing = [found, ...Object.values(needs)].map((n) => n.missing).filter(Boolean);
    if (missing.length) {
      failed++;
      console.log(`\n${engine.name}: FAILED, ${missing.join('; ')} (npm run engines -- <names> runs fewer engines)`);
      report.engines.push({ name: engine.name, problem: missing.join('; ') });
      continue;
    }
    const env = { ...process.env };
    if (needs.xvfb) {
      screen ??= await display(needs.xvfb.path);
      env.DISPLAY = screen.name;
    }
    // In-page checks: the browser alone, no driver.
    const dir = profile();
    const url = `http://localhost:${PAGE_PORT}/?mock=${encodeURIComponent(`http://127.0.0.1:${MOCK_PORT}`)}`;
    // TMPDIR in the profile, which is removed after: a browser killed leaves nothing in /tmp.
    const browser = start(found.path, engine.args(url, dir), { stdio: 'ignore', detached: true, env: { ...env, HOME: process.env.HOME ?? dir, TMPDIR: dir } });
    const result = await bounded(Promise.race([
      new Promise((ok) => (waiting = ok)),
      new Promise((ok) => browser.on('error', (e) => ok({ problem: `the browser did not start: ${e.message}` }))),
      new Promise((ok) => browser.on('exit', (code) => setTimeout(() => ok({ problem: `the browser exited (${code}) before its result` }), 1000))),
    ]), 'the page');
    waiting = null;
    await stop(browser);
    unprofile(dir);
    const results = result.results ?? [];
    // The demo and the mock's pages, driven; Chromium's are tested by npm test.
    if (engine.drive) {
      const dir = profile();
      // Past the time limit, the checks are told to stop and the browser is closed, so that
      // nothing of this phase goes on beside the next engine's.
      const halt = new AbortController();
      const opening = engine.drive(found.path, dir, { driver: needs.driver?.path, env: { ...env, TMPDIR: dir } });
      const checking = opening.then((browser) => pageChecks(browser, { root, origin: `http://127.0.0.1:${MOCK_PORT}`, token: 'acme-admin-token', demo, screens: join(root, 'test-results/engines', engine.name), signal: halt.signal }));
      checking.catch(() => {});
      let driven;
      try {
        driven = await bounded(checking, 'the driven pages');
      } catch (e) {
        driven = { problem: e.message };
      }
      halt.abort();
      await opening.then((browser) => browser.close(), () => {});
      await checking.catch(() => {});
      unprofile(dir);
      // A page phase that did not finish counts each of its checks as failed, by name.
      if (Array.isArray(driven)) results.push(...driven.map((r) => ({ ...r, name: 'page ' + r.name })));
      else results.push(...PAGE_CHECKS.map((name) => ({ name: 'page ' + name, ok: false, ms: 0, error: 'not run: ' + driven.problem })));
    }
    ran++;
    const passed = results.filter((r) => r.ok).length;
    if (result.problem || passed !== results.length || !results.length) failed++;
    const v = version(found.path);
    console.log(`\n${engine.name} (${v}): ${passed} of ${results.length} checks passed${result.problem ? ` (${result.problem})` : ''}`);
    if (result.userAgent) console.log(`  ${result.userAgent}; native base64: ${result.nativeBase64 ? 'yes' : 'no'}`);
    for (const r of results) console.log(`  ${r.ok ? 'ok  ' : 'FAIL'} ${r.name} (${r.ms} ms)${r.error ? ': ' + r.error : r.note ? ': ' + r.note : ''}`);
    report.engines.push({ name: engine.name, version: v, path: found.path, userAgent: result.userAgent, nativeBase64: result.nativeBase64, passed, total: results.length, problem: result.problem, failures: results.filter((r) => !r.ok) });
  }
} catch (e) {
  failed++;
  console.log(`\nFAILED: ${e.message}`);
  report.problem = e.message;
} finally {
  pages?.close();
  repo?.close();
  await stop(mock);
  await screen?.stop();
}
// The record the README quotes is of a run in which every engine ran its checks; any other goes beside the screenshots.
const out = everyEngine && ran === selected.length ? join(root, 'engines/results.json') : join(root, 'test-results/engines/results.json');
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, JSON.stringify(report, null, 2) + '\n');
console.log(`\n${failed ? 'FAILED' : 'passed'}; written: ${out.slice(root.length + 1)}`);
process.exit(failed ? 1 : 0);
