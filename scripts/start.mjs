// `npm start`: builds dist/, starts the mock API, serves the repository
// (the demo console) on another origin, and prints where everything is.
// Ctrl-C stops both.
//   PORT=8080 SHAROKEY_MOCK_PORT=8787 npm start
import { spawn, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createServer } from 'node:net';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { serveStatic } from './serve.mjs';

const root = dirname(dirname(fileURLToPath(import.meta.url)));
const pagePort = Number(process.env.PORT || 8080);
const mockPort = Number(process.env.SHAROKEY_MOCK_PORT || 8787);
/** What demo/lib/settings.js uses when the address gives no ?api=. */
const DEFAULT_API = 'http://127.0.0.1:8787/api/v1';

const fail = (message) => {
  console.error(`npm start: ${message}`);
  process.exit(1);
};

// 1. Build. A failed build with an older dist/ still lets the demo run, loudly.
console.log('Building dist/ …');
if (spawnSync(process.execPath, ['build.mjs'], { cwd: root, stdio: 'inherit' }).status !== 0) {
  try {
    readFileSync(join(root, 'dist', 'sharokey.min.js'));
    console.warn('\nThe build failed: the demo uses the dist/ files already there.\n');
  } catch {
    fail('the build failed and there is no dist/sharokey.min.js to fall back on.');
  }
}

// 2. The mock: its first line on stdout is its API base URL (docs/mock.md).
const mock = spawn(process.execPath, ['mock/run.mjs', '--port', String(mockPort)], { cwd: root, stdio: ['ignore', 'pipe', 'inherit'] });
const apiUrl = await new Promise((resolve) => {
  const lines = createInterface({ input: mock.stdout });
  lines.once('line', resolve);
  mock.once('exit', (code) => fail(`the mock server stopped (exit ${code}). Is port ${mockPort} free? Set SHAROKEY_MOCK_PORT to use another.`));
});
mock.stdout.resume(); // its other lines are for people; the summary below says the same

// 3. The pages, on another origin than the API (localhost vs 127.0.0.1).
const free = await new Promise((resolve) => {
  const probe = createServer().once('error', () => resolve(false));
  probe.listen(pagePort, 'localhost', () => probe.close(() => resolve(true)));
});
if (!free) {
  mock.kill('SIGTERM');
  fail(`port ${pagePort} is in use. Set PORT to use another.`);
}
const server = await serveStatic({ port: pagePort, host: 'localhost', root });
const pages = `http://localhost:${server.address().port}`;
const demo = `${pages}/demo/${apiUrl === DEFAULT_API ? '' : `?api=${encodeURIComponent(apiUrl)}`}`;

const fixture = JSON.parse(readFileSync(join(root, 'mock', 'fixtures', 'demo.json'), 'utf8'));
const tokens = [
  ...fixture.companies.flatMap((c) => c.tokens.map((t) => ({ ...t, who: c.id }))),
  ...fixture.users.map((u) => ({ ...u, who: u.companies.join(' + ') })),
];
console.log(`
  Demo console   ${demo}
  Mock API       ${apiUrl}

  Tokens of the demo fixture (paste one in Settings, or click "Use demo token"),
  and their companies (a token of two acts for the first; Settings' Company field picks the other):
${tokens.map((t) => `    ${t.token.padEnd(20)} ${t.who.padEnd(14)} ${t.scopes.join(', ')}${t.revoked ? ' (revoked)' : ''}`).join('\n')}

  Share links open at ${apiUrl.replace(/\/api\/v1$/, '')}/s/{slug}#key.  Press Ctrl-C to stop.
`);

// 4. Ctrl-C (or a kill) stops both; the terminal's SIGINT reaches the mock too.
let stopping = false;
const stop = () => {
  if (stopping) return;
  stopping = true;
  server.close();
  server.closeAllConnections?.();
  if (mock.exitCode === null) mock.kill('SIGTERM');
  const force = setTimeout(() => process.exit(0), 3000);
  mock.once('exit', () => {
    clearTimeout(force);
    process.exit(0);
  });
  if (mock.exitCode !== null) process.exit(0);
};
process.on('SIGINT', stop);
process.on('SIGTERM', stop);
mock.removeAllListeners('exit');
mock.once('exit', (code) => {
  if (!stopping) fail(`the mock server stopped unexpectedly (exit ${code}).`);
});
