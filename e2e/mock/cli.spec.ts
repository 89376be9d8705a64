// `npm run mock`: bundles, prints the base URL first, serves, stops on a signal.
import { test, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { fileURLToPath } from 'node:url';
import { call } from './helpers.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

interface Started {
  child: ChildProcess;
  lines: string[];
  /** Resolves to the first line of stdout. */
  first: Promise<string>;
  exit: Promise<number | null>;
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
  return { child, lines, first, exit };
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
    expect((await call(url, 'GET', '/secrets', { token: 'acme-admin-token' })).status).toBe(200);
    expect((await call(url, 'GET', '/secrets', { token: 'demo-admin-token' })).status).toBe(401);
  } finally {
    mock.child.kill('SIGINT');
  }
  expect(await mock.exit).toBe(0);
});

test('a bad option or fixture file exits non-zero with a message', async () => {
  const bad = run(['--bogus']);
  expect(await bad.exit).toBe(2);
  const missing = run(['--port', '0', '--fixtures', 'no/such/file.json']);
  expect(await missing.exit).toBe(1);
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

test('a port outside 0..65535 is a bad option: exit 2, with the usage', async () => {
  for (const port of ['65536', '-1', '80x']) {
    const bad = run(['--port', port]);
    let err = '';
    bad.child.stderr!.on('data', (d) => (err += d));
    expect(await bad.exit, port).toBe(2);
    expect(err).toContain('Usage: npm run mock');
  }
});
