// The demo console and the mock's three pages (viewer /s/, responder /r/,
// inbox /i/) driven in a browser through a driver: fields set by script (with
// an input event), buttons clicked by .click() or requestSubmit(), the text on
// screen read; a screenshot of each. No real keystrokes or pointer events.
// The secrets are made and checked from Node with the ES module build; the
// page does the rest with dist/sharokey.min.js (the mock's pages load it from
// the mock, the demo from the repository's server).
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { leaks } from './leaks.js';

const by = (id) => `document.getElementById(${JSON.stringify(id)})`;
const set = (id, value) => `(${by(id)}.value = ${JSON.stringify(value)}, ${by(id)}.dispatchEvent(new Event('input', { bubbles: true })), true)`;
const click = (id) => `(${by(id)}.click(), true)`;
const shown = (id) => `!!${by(id)} && !${by(id)}.hidden`;

/** The checks below, by name: a page phase that does not finish reports each as not run. */
export const PAGE_CHECKS = [
  'viewer: a password, asked for, then revealed on a click',
  'viewer: a one-time code, sent to the outbox, then typed',
  'responder page answers a request, inbox page opens it',
  'demo console: connect, create with a file, statistics',
  'nothing secret crossed the wire from the pages',
];

/** Runs the checks in order; once `signal` is aborted (the harness's time limit), no further one starts. */
export async function pageChecks(browser, { root, origin, token, demo, screens, signal }) {
  const { createClient } = await import(pathToFileURL(join(root, 'dist/sharokey.esm.js')).href);
  const S = createClient({ apiUrl: origin + '/api/v1', token });
  const secrets = [];
  // Each secret and request made here, as what the page's own requests (a browser's User-Agent)
  // must show in the log: its slug or token in a path, or (the demo's create) a file name in a body.
  const ids = [];
  const check = (cond, what) => { if (!cond) throw new Error(what); };
  const until = async (expression, what) => {
    for (const start = Date.now(); Date.now() - start < 20_000; await new Promise((r) => setTimeout(r, 100))) {
      if (await browser.run(expression).catch(() => false)) return;
    }
    throw new Error(`no ${what} within 20 s; the page says: ${await browser.run(`(${by('status')} ?? ${by('set-status')})?.textContent`).catch(() => '?')}`);
  };
  // A new document each time, even for the same address (a change of #fragment alone would not load).
  const open = async (url) => { await browser.open('about:blank'); await browser.open(url); };
  mkdirSync(screens, { recursive: true });
  const snap = async (name) => writeFileSync(join(screens, name + '.png'), Buffer.from(await browser.screenshot(), 'base64'));
  const control = async (path) => (await (await fetch(`${origin}/_mock/${path}`)).json()).data;

  const checks = {
    'viewer: a password, asked for, then revealed on a click': async () => {
      const text = 'viewer secret ⚡ ' + Math.random();
      const made = await S.create(text, 1, 1, { password: 'open sesame', message: 'From the engines check' });
      secrets.push(text, made.share_url.split('#')[1]);
      ids.push(made.slug);
      await open(made.share_url);
      await until(`${shown('gate')} && ${shown('password-row')}`, 'password field');
      check(await browser.run(`${by('message')}.textContent`) === 'From the engines check', 'the message is not shown');
      check((await S.getDetails(made.slug)).current_views === 0, 'loading the page used a view');
      await browser.run(set('password', 'open sesame'));
      await browser.run(click('reveal'));
      await until(shown('result'), 'revealed secret');
      check(await browser.run(`${by('content')}.value`) === text, 'the content on screen differs');
      await snap('viewer');
      await open(made.share_url);
      await until(`${by('status')}.className === 'error'`, '"gone" message');
    },
    'viewer: a one-time code, sent to the outbox, then typed': async () => {
      const text = 'code secret ' + Math.random();
      const made = await S.create(text, 1, 1, { otpPhone: '+33 6 12 34 56 78' });
      secrets.push(text, made.share_url.split('#')[1]);
      ids.push(made.slug);
      await open(made.share_url);
      await until(shown('otp-row'), 'code field');
      await browser.run(click('send-code'));
      await until(`${by('otp-sent')}.textContent.length > 0`, '"code sent" line');
      const sent = (await control('outbox')).filter((m) => m.type === 'otp' && m.slug === made.slug);
      check(sent.length === 1, sent.length + ' codes in the outbox');
      await browser.run(set('otp', sent[0].code));
      await browser.run(click('reveal'));
      await until(shown('result'), 'revealed secret');
      check(await browser.run(`${by('content')}.value`) === text, 'the content on screen differs');
    },
    'responder page answers a request, inbox page opens it': async () => {
      const request = await S.createRequest({ message: 'Send the staging password', maximumViews: 1 });
      secrets.push(request.inbox_url.split('#')[1]);
      ids.push(request.token);
      const answer = 'answer typed in the engine ' + Math.random();
      secrets.push(answer);
      await open(request.url);
      await until(shown('form'), 'responder form');
      await browser.run(set('content', answer));
      await browser.run(set('key', request.public_key));
      await browser.run(click('send'));
      await until(`${by('status')}.className === 'ok'`, '"sent" message');
      await snap('responder');
      await open(request.inbox_url);
      await until(shown('form'), 'inbox form');
      await browser.run(set('token', token));
      await browser.run(click('open'));
      await until(shown('result'), 'opened answer');
      check(await browser.run(`${by('content')}.value`) === answer, 'the answer on screen differs');
      await snap('inbox');
    },
    'demo console: connect, create with a file, statistics': async () => {
      const text = 'made in the demo ' + Math.random();
      const file = 'file from the demo ' + Math.random();
      const name = `demo-${Math.random().toString(36).slice(2)}.txt`;
      secrets.push(text, file);
      ids.push(name);
      await open(demo);
      await until(`${by('set-status')}.textContent.startsWith('No token yet')`, 'settings ready (app.js started)');
      await browser.run(set('set-token', token));
      await browser.run(`(${by('settings-form')}.requestSubmit(), true)`);
      await until(`${by('set-status')}.textContent.startsWith('Connected')`, '"Connected" line');
      await browser.run(click('tab-create'));
      await browser.run(set('c-content', text));
      await browser.run(set('c-password', 'demo pass'));
      await browser.run(`(() => { const t = new DataTransfer(); t.items.add(new File([${JSON.stringify(file)}], ${JSON.stringify(name)})); ${by('c-files')}.files = t.files; ${by('c-files')}.dispatchEvent(new Event('change', { bubbles: true })); return true; })()`);
      await until(`${by('c-file-list')}.textContent.includes(${JSON.stringify(name)})`, 'file in the list');
      await browser.run(click('c-submit'));
      await until(shown('c-result'), 'share link');
      const link = await browser.run(`${by('c-link')}.value`);
      secrets.push(link.split('#')[1]);
      await snap('demo-create');
      const got = await S.reveal(link, { password: 'demo pass' });
      check(got.content === text && got.attachments.length === 1 && await got.attachments[0].text() === file, 'the secret made in the demo does not open as typed');
      await browser.run(click('tab-stats'));
      await until(`${by('st-cards')}.children.length > 0 && !!${by('st-charts')}.querySelector('svg')`, 'statistics cards and charts');
      await snap('demo-stats');
    },
    'nothing secret crossed the wire from the pages': async () => {
      const entries = await control('log');
      // The log holds the pages' own traffic (not only this script's, from Node): a request
      // for each secret and request made here, sent by the browser.
      const paged = entries.filter((r) => /^Mozilla\//.test(r.headers['user-agent'] ?? ''));
      const unseen = ids.filter((id) => !paged.some((r) => r.path.includes(id) || r.body.includes(id)));
      check(ids.length === 4 && unseen.length === 0, `${ids.length} made, not in the browser's requests in the log: ${unseen.join(', ')}`);
      const leaked = leaks(entries, secrets);
      check(leaked.length === 0, 'in the request log: ' + leaked.map((s) => s.slice(0, 4) + '…').join(', '));
    },
  };
  if (Object.keys(checks).join('\n') !== PAGE_CHECKS.join('\n')) throw new Error('PAGE_CHECKS is not the list of checks');

  const results = [];
  for (const [name, run] of Object.entries(checks)) {
    if (signal?.aborted) break;
    const start = Date.now();
    let error;
    try { await run(); } catch (e) { error = e && e.message ? e.message : String(e); }
    results.push({ name, ok: !error, ms: Date.now() - start, ...(error && { error }) });
  }
  return results;
}
