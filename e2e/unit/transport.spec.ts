// The transport's backoff schedule, in Node. A unit test because the figures
// are long (8 s steps) and Chromium itself resends some answers: here fetch
// answers 503 from memory and the backoff timers are recorded, not waited.
import { test, expect } from '@playwright/test';
import { request, type Config } from '../../src/transport/request.ts';

test('the backoff doubles from 250 ms and stops at 8 s (and at timeout)', async () => {
  const fetch0 = globalThis.fetch, timer0 = globalThis.setTimeout;
  const schedule = async (cfg: Partial<Config>) => {
    const waits: number[] = [];
    let calls = 0;
    globalThis.fetch = async () => (calls++, new Response('{"success":false,"error":{"code":"SERVER_ERROR","message":"down"}}', { status: 503 }));
    // Every timer that fires is recorded. Those of cfg.timeout run for real: an attempt's own
    // timer is one (cleared when the answer comes, so it never fires: no backoff); the others
    // fire at once.
    globalThis.setTimeout = ((fn: () => void, ms: number) => timer0(() => (waits.push(ms), fn()), ms == cfg.timeout ? ms : 0)) as typeof setTimeout;
    try {
      const e = await request({ apiUrl: 'http://api.invalid', token: 't', ...cfg } as Config, '/secrets').catch((x: Error) => x);
      return { name: (e as Error).name, calls, waits };
    } finally {
      globalThis.fetch = fetch0;
      globalThis.setTimeout = timer0;
    }
  };
  expect(await schedule({ retries: 8, timeout: 60_000 })).toEqual({ name: 'NetworkError', calls: 9, waits: [250, 500, 1000, 2000, 4000, 8000, 8000, 8000] });
  expect(await schedule({ retries: 3, timeout: 700 })).toEqual({ name: 'NetworkError', calls: 4, waits: [250, 500, 700] });
  expect(await schedule({ retries: 0, timeout: 60_000 })).toEqual({ name: 'NetworkError', calls: 1, waits: [] });
});

test('json(): only an attachment\'s data is pasted as it is; a name of any length is escaped as JSON.stringify escapes it', async () => {
  const { json } = await import('../../src/transport/request.ts');
  const body = { content: 'x', attachments: [{ name: 'a'.repeat(70_000) + '","injected":"1', data: 'QUJD'.repeat(20_000), iv: 'aXY=' }], description: 'd'.repeat(70_000) };
  const made = json(body);
  expect(made).toBeInstanceOf(Blob);
  const text = await (made as Blob).text();
  expect(text).toBe(JSON.stringify(body));
  expect(JSON.parse(text).injected).toBeUndefined();
});

test('a call retried after a 503 leaves no listener on the caller\'s signal (one signal may serve a page\'s every call)', async () => {
  const fetch0 = globalThis.fetch;
  let calls = 0;
  globalThis.fetch = async () => (++calls % 2
    ? new Response('{"success":false,"error":{"code":"SERVER_ERROR","message":"down"}}', { status: 503 })
    : new Response('{"success":true,"data":[]}'));
  const signal = new AbortController().signal;
  let listening = 0;
  const add = signal.addEventListener.bind(signal), remove = signal.removeEventListener.bind(signal);
  signal.addEventListener = ((type: string, fn: EventListener) => (listening++, add(type, fn))) as typeof add;
  signal.removeEventListener = ((type: string, fn: EventListener) => (listening--, remove(type, fn))) as typeof remove;
  try {
    for (let i = 0; i < 3; i++) await request({ apiUrl: 'http://api.invalid', token: 't', timeout: 5000, retries: 2 } as Config, '/secrets', { signal });
  } finally {
    globalThis.fetch = fetch0;
  }
  expect(calls).toBe(6);
  expect(listening).toBe(0);
});

test('an abort while getToken() runs ends the call at once with the signal\'s reason, also when getToken never answers or fails later', async () => {
  const call = (getToken: () => Promise<string>) => {
    const ctl = new AbortController();
    setTimeout(() => ctl.abort(new DOMException('stop', 'AbortError')), 50);
    const out = request({ apiUrl: 'http://api.invalid', getToken, timeout: 5000, retries: 0 } as Config, '/secrets', { signal: ctl.signal }).catch((e: Error) => e.name + ': ' + e.message);
    return Promise.race([out, new Promise((ok) => setTimeout(() => ok('still pending 1 s after the abort'), 1050))]);
  };
  expect(await call(() => new Promise(() => {}))).toBe('AbortError: stop');
  expect(await call(() => new Promise((_, no) => setTimeout(() => no(new Error('backend down')), 200)))).toBe('AbortError: stop');
});
