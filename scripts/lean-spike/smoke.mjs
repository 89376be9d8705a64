// The size spike works, so its figure is a fair one: `node
// scripts/lean-spike/smoke.mjs` starts the mock on a free port, loads
// secrets.js in Node and runs a round trip (create with a password and an
// attachment, reveal, list, get, delete, stats), bad input refused before
// anything is sent, and the server's errors mapped. Exits 1 on a failure.
import { spawn } from 'node:child_process';
import assert from 'node:assert/strict';

const mock = spawn(process.execPath, ['mock/run.mjs', '--port', '0'], { cwd: new URL('../..', import.meta.url).pathname, stdio: ['ignore', 'pipe', 'inherit'] });
const api = await new Promise((ok) => mock.stdout.once('data', (d) => ok(String(d).split('\n')[0].trim())));
try {
  globalThis.__PLACES__ = true;
  await import('./secrets.js');
  const S = globalThis.Sharokey;
  S.config({ apiUrl: api, token: 'demo-admin-token', retries: 1 });
  const logged = async () => (await (await fetch(api.replace(/\/api\/v1$/, '') + '/_mock/log')).json()).data.length;
  const progress = [];
  const c = await S.create('hello wörld 🎉', 2, 3, { password: 'pass1234', captcha: true, attachments: [new File([new Uint8Array(1000).fill(7)], 'a.bin')], description: 'd', onProgress: (p) => progress.push(p.phase) });
  assert.equal(c.security, 'password');
  assert.match(c.share_url, /\/s\/\w{8}#[A-Za-z0-9]{24}$/);
  assert.deepEqual(progress, ['encrypt', 'done']);
  const r = await S.reveal(c.share_url, { password: 'pass1234' });
  assert.equal(r.content, 'hello wörld 🎉');
  assert.equal(r.attachments[0].name, 'a.bin');
  assert.equal(r.attachments[0].size, 1000);
  assert.equal((await S.list({ status: 'active', limit: 5 })).items.length, 1);
  assert.equal((await S.get(c.slug)).slug, c.slug);
  assert.equal(await S.delete(c.slug), true);
  assert.equal((await S.stats({ from: new Date() })).total_secrets, 1);
  const before = await logged();
  for (const [call, field] of [[() => S.create(''), 'content'], [() => S.create('x', 0), 'hours'], [() => S.create('x', 1, 1, { ipWhitelist: '10.0.0.1' }), 'ipWhitelist'],
    [() => S.create('x', 1, 1, { geolocation: 'XX' }), 'geolocation'], [() => S.create('x', 1, 1, { attachments: [new Blob([])] }), 'attachments'], [() => S.reveal('http://x/s/abc'), 'shareUrl']]) {
    await assert.rejects(call, (e) => S.isSharokeyError(e) && e instanceof S.ValidationError && Object.keys(e.details)[0] === field);
  }
  assert.equal(await logged(), before, 'bad input sent nothing');
  await assert.rejects(S.reveal(c.share_url, { password: 'pass1234' }), (e) => e instanceof S.NotFoundError && e.status === 404);
  await assert.rejects(S.createClient({ apiUrl: api, token: 'bad' }).list(), (e) => e instanceof S.AuthenticationError && e.code === 'AUTHENTICATION_ERROR');
  console.log('lean spike: round trip, 6 bad inputs refused with nothing sent, 2 server errors mapped: ok');
} finally {
  mock.kill();
}
