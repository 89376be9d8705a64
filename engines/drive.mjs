// Two small drivers for the browsers Playwright cannot drive on this machine
// (Debian's Firefox ESR 140 was older than Playwright's WebDriver BiDi client needs,
// and GTK's WebKit has no Playwright build): Firefox by WebDriver BiDi over a
// WebSocket, WebKit by classic WebDriver over HTTP (WebKitWebDriver). Each
// gives open(url), run(expression) (its value, through JSON) and screenshot()
// (a PNG, base64).
// Only what engines/run.mjs needs: no input events, no frames, one tab.
import { spawn } from 'node:child_process';

const CALL_MS = 60_000;
const delay = (ms) => new Promise((ok) => setTimeout(ok, ms));

/** Every child started here and not yet stopped: run.mjs stops them all on Ctrl-C or a crash. */
export const live = new Set();
/** spawn(), with the child kept in `live`. */
export function start(cmd, args, options) {
  const child = spawn(cmd, args, options);
  live.add(child);
  child.on('error', () => {}); // a failed start is seen by its 'exit' or by the caller's own listener
  return child;
}

/**
 * Ends a child and, when it was started with `detached: true`, everything in its
 * process group: SIGTERM to all of them (a browser then removes its temporary
 * files, Xvfb its lock), up to 5 s for the child to exit, 300 ms more for the
 * rest of its group, then SIGKILL for whatever is left.
 */
export async function stop(child) {
  if (!child) return;
  live.delete(child);
  const running = child.exitCode === null && child.signalCode === null && child.pid !== undefined;
  const exited = running && new Promise((ok) => child.once('exit', ok));
  signal(child, 'SIGTERM');
  if (exited) await Promise.race([exited, delay(5000)]);
  await delay(300);
  signal(child, 'SIGKILL');
}
// The group when the child leads one, else the child alone.
const signal = (child, name) => {
  if (child.pid === undefined) return;
  try { process.kill(-child.pid, name); } catch { try { child.kill(name); } catch { /* gone */ } }
};

// A promise of the expression's value (awaited) as JSON.
const wrap = (expression) => `(async () => JSON.stringify(await (${expression})))()`;
const within = (promise, ms, what) => {
  let timer;
  return Promise.race([promise, new Promise((_, fail) => (timer = setTimeout(() => fail(new Error(`${what}: no answer within ${ms / 1000} s`)), ms)))]).finally(() => clearTimeout(timer));
};

/** Firefox, by WebDriver BiDi (Node 20 needs --experimental-websocket for WebSocket). */
export async function firefox(path, profile, env = process.env) {
  const child = start(path, ['--headless', '--no-remote', '--profile', profile, '--remote-debugging-port', '0'], { stdio: ['ignore', 'ignore', 'pipe'], detached: true, env });
  let socket;
  try {
    const address = await new Promise((ok, fail) => {
      let err = '';
      const timer = setTimeout(() => fail(new Error('Firefox did not start its WebDriver BiDi server within 30 s')), 30_000);
      const read = (chunk) => {
        err = (err + chunk).slice(-4096);
        const found = /WebDriver BiDi listening on (ws:\/\/\S+)/.exec(err);
        if (found) { clearTimeout(timer); child.stderr.off('data', read).resume(); ok(found[1]); }
      };
      child.stderr.on('data', read);
      child.on('exit', () => fail(new Error('Firefox exited: ' + err.slice(-300))));
      child.on('error', (e) => fail(e));
    });
    socket = new WebSocket(address + '/session');
    await within(new Promise((ok, fail) => { socket.onopen = ok; socket.onerror = () => fail(new Error('no WebDriver BiDi connection')); }), 10_000, 'WebDriver BiDi');
  } catch (e) {
    socket?.close();
    await stop(child);
    throw e;
  }
  let next = 0;
  const pending = new Map();
  socket.onmessage = ({ data }) => {
    const message = JSON.parse(data);
    const waiting = pending.get(message.id);
    if (!waiting) return;
    pending.delete(message.id);
    message.type === 'error' ? waiting.fail(new Error(`${message.error}: ${message.message}`)) : waiting.ok(message.result);
  };
  // A closed connection fails every call still waiting, and every later one.
  let closed = false;
  socket.onclose = () => {
    closed = true;
    for (const { fail } of pending.values()) fail(new Error('the WebDriver BiDi connection closed'));
    pending.clear();
  };
  const send = (method, params) => {
    if (closed) return Promise.reject(new Error('the WebDriver BiDi connection closed'));
    const id = ++next;
    return within(new Promise((ok, fail) => {
      pending.set(id, { ok, fail });
      socket.send(JSON.stringify({ id, method, params }));
    }), CALL_MS, method).finally(() => pending.delete(id));
  };
  const close = async () => {
    await send('session.end', {}).catch(() => {});
    socket.close();
    await stop(child);
  };
  try {
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
      close,
    };
  } catch (e) {
    await close();
    throw e;
  }
}

/** WebKit (GTK's MiniBrowser), by WebKitWebDriver, on the X display `env.DISPLAY`. */
export async function webkit(driver, browser, env, port) {
  const child = start(driver, [`--port=${port}`], { stdio: 'ignore', detached: true, env });
  const base = `http://127.0.0.1:${port}`;
  const call = async (method, path, body) => {
    const res = await fetch(base + path, { method, headers: { 'Content-Type': 'application/json' }, body: body && JSON.stringify(body), signal: AbortSignal.timeout(CALL_MS) });
    const { value } = await res.json();
    if (value && value.error) throw new Error(`${value.error}: ${value.message}`);
    return value;
  };
  let sessionId;
  try {
    for (let i = 0; ; i++) {
      if (child.exitCode !== null || child.pid === undefined) throw new Error(`WebKitWebDriver did not start or exited (${child.exitCode})`);
      try { if ((await call('GET', '/status')).ready) break; } catch { /* not yet */ }
      if (i > 100) throw new Error('WebKitWebDriver did not start within 10 s');
      await new Promise((r) => setTimeout(r, 100));
    }
    ({ sessionId } = await call('POST', '/session', { capabilities: { alwaysMatch: { 'webkitgtk:browserOptions': { binary: browser, args: ['--automation'] } } } }));
  } catch (e) {
    await stop(child);
    throw e;
  }
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
      await stop(child);
    },
  };
}

/**
 * An X display for WebKit: Xvfb started directly (no xvfb-run), on the first
 * free display number, which it writes to fd 3. `stop()` ends it with SIGTERM,
 * so that it removes its /tmp/.X*-lock.
 */
export async function display(xvfb) {
  const child = start(xvfb, ['-displayfd', '3', '-nolisten', 'tcp', '-screen', '0', '1280x1024x24'], { stdio: ['ignore', 'ignore', 'ignore', 'pipe'], detached: true });
  try {
    const number = await within(new Promise((ok, fail) => {
      let out = '';
      child.stdio[3].on('data', (chunk) => { out += chunk; if (out.includes('\n')) ok(out.trim()); });
      child.on('exit', (code) => fail(new Error(`Xvfb exited (${code})`)));
      child.on('error', fail);
    }), 10_000, 'Xvfb');
    return { name: ':' + number, stop: () => stop(child) };
  } catch (e) {
    await stop(child);
    throw e;
  }
}
