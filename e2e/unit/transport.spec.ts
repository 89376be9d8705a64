// The transport's backoff schedule, in Node. A unit test because the figures
// are long (8 s steps) and Chromium itself resends some answers: here fetch
// answers 503 from memory and the backoff timers are recorded, not waited.
import { test, expect } from '@playwright/test';
import { request, type Config } from '../../src/transport/request.ts';

test('the backoff doubles from 250 ms and stops at 8 s (and at timeout)', async () => {
  const fetch0 = globalThis.fetch, timer0 = globalThis.setTimeout, clear0 = globalThis.clearTimeout;
  const schedule = async (cfg: Partial<Config>) => {
    const timers = new Map<unknown, number>();
    let calls = 0;
    globalThis.fetch = async () => (calls++, new Response('{"success":false,"error":{"code":"SERVER_ERROR","message":"down"}}', { status: 503 }));
    // Every timer is recorded. Those of cfg.timeout run for real: an attempt's own timer is one
    // (cleared when the answer comes, so it is no backoff); the others fire at once.
    globalThis.setTimeout = ((fn: () => void, ms: number) => {
      const id = timer0(fn, ms == cfg.timeout ? ms : 0);
      timers.set(id, ms);
      return id;
    }) as typeof setTimeout;
    globalThis.clearTimeout = ((id: Parameters<typeof clearTimeout>[0]) => (timers.delete(id), clear0(id))) as typeof clearTimeout;
    try {
      const e = await request({ apiUrl: 'http://api.invalid', token: 't', ...cfg } as Config, '/secrets').catch((x: Error) => x);
      return { name: (e as Error).name, calls, waits: [...timers.values()] };
    } finally {
      globalThis.fetch = fetch0;
      globalThis.setTimeout = timer0;
      globalThis.clearTimeout = clear0;
    }
  };
  expect(await schedule({ retries: 8, timeout: 60_000 })).toEqual({ name: 'NetworkError', calls: 9, waits: [250, 500, 1000, 2000, 4000, 8000, 8000, 8000] });
  expect(await schedule({ retries: 3, timeout: 700 })).toEqual({ name: 'NetworkError', calls: 4, waits: [250, 500, 700] });
  expect(await schedule({ retries: 0, timeout: 60_000 })).toEqual({ name: 'NetworkError', calls: 1, waits: [] });
});
