// `npm run mock`: bundles, prints the base URL first, serves, stops on a signal.
import { test, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { call, secretBody } from './helpers.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Started {
  child: ChildProcess;
  lines: string[];
  /** Resolves to the first line of stdout. */
  first: Promise<string>;
  exit: Promise<number | null>;
  /** Resolves to the exit code once stdout and stderr are closed too: all the output was read. */
  closed: Promise<number | null>;
}

function run(args: string[], env: Record<string, string> = {}): Started {
  const child = spawn(process.execPath, ['mock/run.mjs', ...args], { cwd: ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  const lines: string[] = [];
  const first = new Promise<string>((resolve, reject) => {
    createInterface({ input: child.stdout! }).on('line', (line) => {
      lines.push(line);
      if (lines.length === 1) resolve(line);
    });
    child.once('exit', () => reject(new Error('exited before printing')));
  });
  first.catch(() => {});
  const exit = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const closed = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  return { child, lines, first, exit, closed };
}

test('npm run mock -- --port 0 prints the base URL alone first, serves the demo fixture, and stops on SIGTERM', async () => {
  const mock = run(['--port', '0']);
  try {
    const url = await mock.first;
    expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/api\/v1$/);
    expect((await call(url, 'GET', '/health')).body.data.status).toBe('ok');
    expect((await call(url, 'GET', '/secrets', { token: 'demo-admin-token' })).status).toBe(200);
    expect((await call(url, 'GET', '/secrets', { token: 'demo-revoked-token' })).status).toBe(401);
    expect((await call(url, 'GET', '/secrets', { token: 'demo-multi-token', headers: { 'X-Sharokey-Company': 'other' } })).status).toBe(200);
    await expect.poll(() => mock.lines.join('\n')).toContain('/s/{slug}');
    expect(mock.lines.join('\n')).toContain('demo-admin-token');
  } finally {
    mock.child.kill('SIGTERM');
  }
  expect(await mock.exit).toBe(0);
});

test('--fixtures and SHAROKEY_MOCK_PORT are honoured; SIGINT stops it too', async () => {
  const mock = run(['--fixtures', 'e2e/fixtures/mock.json'], { SHAROKEY_MOCK_PORT: '0' });
  try {
    const url = await mock.first;
    // Port 0 is any free one, which the system never picks as the default 8787.
    expect(new URL(url).port).not.toBe('8787');
    expect((await call(url, 'GET', '/secrets', { token: 'acme-admin-token' })).status).toBe(200);
    expect((await call(url, 'GET', '/secrets', { token: 'demo-admin-token' })).status).toBe(401);
  } finally {
    mock.child.kill('SIGINT');
  }
  expect(await mock.exit).toBe(0);
});

test("$SHAROKEY_MOCK_FIXTURES names the fixtures, PROTOCOL.md's shape: companies, quota, a user of several companies, the rate limit", async () => {
  const dir = mkdtempSync(join(tmpdir(), 'sharokey-cli-'));
  const file = join(dir, 'fixtures.json');
  writeFileSync(file, JSON.stringify({
    companies: [
      { id: 'acme', name: 'Acme', quota: 1, tokens: [{ token: 'acme-admin-token', user: 'alice@acme.test', scopes: ['read', 'write', 'stats'] }] },
      { id: 'globex', name: 'Globex', quota: 500, tokens: [{ token: 'globex-admin-token', user: 'dan@globex.test', scopes: ['read', 'write', 'stats'] }] },
      { id: 'initech', name: 'Initech', quota: 500, tokens: [] },
    ],
    users: [{ token: 'erin-user-token', user: 'erin@acme.test', companies: ['acme', 'globex'], scopes: ['read', 'stats'] }],
    rateLimit: { perMinute: 6 },
  }));
  const mock = run(['--port', '0'], { SHAROKEY_MOCK_FIXTURES: file });
  try {
    const url = await mock.first;
    const admin = { token: 'acme-admin-token' };
    expect((await call(url, 'POST', '/secrets', { ...admin, body: secretBody() })).status).toBe(201);
    const over = await call(url, 'POST', '/secrets', { ...admin, body: secretBody() });
    expect([over.status, over.body.error.code]).toEqual([403, 'QUOTA_EXCEEDED']); // quota: 1
    const erin = { token: 'erin-user-token' };
    expect((await call(url, 'GET', '/secrets', erin)).body.data).toHaveLength(1); // its first company, acme
    expect((await call(url, 'GET', '/secrets', { ...erin, headers: { 'X-Sharokey-Company': 'globex' } })).body.data).toEqual([]);
    const refused = await call(url, 'GET', '/secrets', { ...erin, headers: { 'X-Sharokey-Company': 'initech' } });
    expect([refused.status, refused.body.error.code, refused.body.error.message]).toEqual([403, 'PERMISSION_DENIED', 'You do not have permission to access this company']);
    // Six a minute per token: erin has made three; the seventh is refused with Retry-After.
    for (let i = 0; i < 3; i++) expect((await call(url, 'GET', '/secrets', erin)).status).toBe(200);
    const limited = await call(url, 'GET', '/secrets', erin);
    expect([limited.status, limited.body.error.code]).toEqual([429, 'RATE_LIMIT_EXCEEDED']);
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await call(url, 'GET', '/secrets', { token: 'globex-admin-token' })).status).toBe(200); // per token
  } finally {
    mock.child.kill('SIGTERM');
    await mock.exit;
    rmSync(dir, { recursive: true });
  }
  expect(await mock.exit).toBe(0);
});

test('a bad option or fixture file exits non-zero with a message', async () => {
  // All of stderr: read once the streams are closed, which comes after the exit.
  const stderr = (s: Started) => new Promise<string>((done) => {
    let err = '';
    s.child.stderr!.on('data', (d) => (err += d));
    s.child.once('close', () => done(err));
  });
  const bad = run(['--bogus']);
  const badErr = stderr(bad);
  expect(await bad.exit).toBe(2);
  expect(await badErr).toMatch(/Unknown option --bogus\n[^]*Usage: npm run mock/);
  const missing = run(['--port', '0', '--fixtures', 'no/such/file.json']);
  const missingErr = stderr(missing);
  expect(await missing.exit).toBe(1);
  expect(await missingErr).toMatch(/^sharokey-mock: Cannot read fixtures [^\n]*no\/such\/file\.json/m);
});

test('by default it listens on 127.0.0.1 only, not on every interface', async () => {
  const mock = run(['--port', '0']);
  try {
    const url = new URL(await mock.first);
    expect(url.hostname).toBe('127.0.0.1');
    expect((await call(url.href, 'GET', '/health')).status).toBe(200);
    // Another loopback address reaches a server bound to all interfaces (0.0.0.0), not one bound to 127.0.0.1.
    await expect(fetch(`http://127.0.0.2:${url.port}/health`)).rejects.toThrow();
  } finally {
    mock.child.kill('SIGTERM');
  }
  expect(await mock.exit).toBe(0);
});

test('--help prints the usage and exits 0; an option without its value exits 2 and names it', async () => {
  const help = run(['--help']);
  expect(await help.closed).toBe(0);
  expect(help.lines.join('\n')).toMatch(/^Usage: npm run mock -- \[--port N\]/);
  const cases: Array<[string[], string]> = [[['--host'], '--host'], [['--fixtures='], '--fixtures'], [['--port', '0', '--host', ''], '--host']];
  for (const [args, flag] of cases) {
    const bad = run(args);
    let err = '';
    bad.child.stderr!.on('data', (d) => (err += d));
    expect(await bad.closed, args.join(' ')).toBe(2);
    expect(err, args.join(' ')).toContain(`${flag} needs a value\nUsage: npm run mock`);
  }
});

test('a port outside 0..65535 is a bad option: exit 2, with the usage', async () => {
  for (const port of ['65536', '-1', '80x']) {
    const bad = run(['--port', port]);
    let err = '';
    bad.child.stderr!.on('data', (d) => (err += d));
    expect(await bad.closed, port).toBe(2);
    expect(err).toContain('Usage: npm run mock');
  }
});
