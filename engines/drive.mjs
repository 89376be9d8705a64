// Two small drivers for the browsers Playwright cannot drive on this machine
// (Debian's Firefox ESR is older than Playwright's WebDriver BiDi client needs,
// and GTK's WebKit has no Playwright build): Firefox by WebDriver BiDi over a
// WebSocket, WebKit by classic WebDriver over HTTP (WebKitWebDriver). Each
// gives open(url), run(expression) (its value, through JSON) and screenshot()
// (a PNG, base64).
// Only what engines/run.mjs needs: no input events, no frames, one tab.
import { spawn } from 'node:child_process';

const kill = (child) => { try { process.kill(-child.pid, 'SIGKILL'); } catch { /* gone */ } };
// A promise of the expression's value (awaited) as JSON.
const wrap = (expression) => `(async () => JSON.stringify(await (${expression})))()`;

/** Firefox, by WebDriver BiDi (Node 20 needs --experimental-websocket for WebSocket). */
export async function firefox(path, profile) {
  const child = spawn(path, ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port', '0'], { stdio: ['ignore', 'ignore', 'pipe'], detached: true });
  const address = await new Promise((ok, fail) => {
    let err = '';
    const timer = setTimeout(() => fail(new Error('Firefox did not start its WebDriver BiDi server')), 30_000);
    child.stderr.on('data', (chunk) => {
      const found = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec((err += chunk));
      if (found) { clearTimeout(timer); ok(found[1]); }
    });
    child.on('exit', () => fail(new Error('Firefox exited: ' + err.slice(-300))));
  });
  const socket = new WebSocket(address + '/session');
  await new Promise((ok, fail) => { socket.onopen = ok; socket.onerror = () => fail(new Error('no WebDriver BiDi connection')); });
  let next = 0;
  const pending = new Map();
  socket.onmessage = ({ data }) => {
    const message = JSON.parse(data);
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    message.type === 'error' ? waiting.fail(new Error(`${message.error}: ${message.message}`)) : waiting.ok(message.result);
  };
  const send = (method, params) => new Promise((ok, fail) => {
    const id = ++next;
    pending.set(id, { ok, fail });
    socket.send(JSON.stringify({ id, method, params }));
  });
  await send('session.new', { capabilities: {} });
  const { contexts } = await send('browsingContext.getTree', {});
  const context = contexts[0].context;
  return {
    open: (url) => send('browsingContext.navigate', { context, url, wait: 'complete' }),
    run: async (expression) => {
      const answer = await send('script.evaluate', { expression: wrap(expression), target: { context }, awaitPromise: true });
      if (answer.type !== 'success') throw new Error(answer.exceptionDetails?.text ?? 'the script threw');
      return answer.result.value === undefined ? undefined : JSON.parse(answer.result.value);
    },
    screenshot: async () => (await send('browsingContext.captureScreenshot', { context })).data,
    close: async () => {
      await send('session.end', {}).catch(() => {});
      socket.close();
      kill(child);
    },
  };
}

/** WebKit (GTK's MiniBrowser), by WebKitWebDriver under xvfb-run, which gives it a display. */
export async function webkit(driver, browser, xvfbRun, port) {
  const child = spawn(xvfbRun, ['-a', driver, `--port=${port}`], { stdio: 'ignore', detached: true });
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const res = await fetch(base + path, { method, headers: { 'Content-Type': 'application/json' }, body: body && JSON.stringify(body) });
    const { value } = await res.json();
    if (value && value.error) throw new Error(`${value.error}: ${value.message}`);
    return value;
  };
  for (let i = 0; ; i++) {
    try { if ((await call('GET', '/status')).ready) break; } catch { /* not yet */ }
    if (i > 100) { kill(child); throw new Error('WebKitWebDriver did not start'); }
    await new Promise((r) => setTimeout(r, 100));
  }
  const { sessionId } = await call('POST', '/session', { capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: browser, args: ['--automation'] } } } });
  const session = `/session/${sessionId}`;
  return {
    open: (url) => call('POST', session + '/url', { url }),
    run: async (expression) => {
      const value = await call('POST', session + '/execute/async', { script: `const done = arguments[arguments.length - 1]; ${wrap(expression)}.then(done, (e) => done(JSON.stringify({ thrown: String(e) })));`, args: [] });
      const parsed = value === undefined ? undefined : JSON.parse(value);
      if (parsed && parsed.thrown) throw new Error(parsed.thrown);
      return parsed;
    },
    screenshot: () => call('GET', session + '/screenshot'),
    close: async () => {
      await call('DELETE', session).catch(() => {});
      kill(child);
    },
  };
}
