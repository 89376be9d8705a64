import { test as base, expect } from './coverage.ts';
import type { Page } from '@playwright/test';
import { MOCK_ORIGIN, MOCK_URL, PAGE_ORIGIN, TOKENS } from './env.ts';

/** One request as the mock logged it. */
export interface Logged {
  method: string;
  path: string;
  headers: Record<string, string>;
  body: string;
}

/** The mock's test controls, over HTTP. */
export const mock = {
  async post(path: string, body: unknown = {}) {
    const r = await fetch(MOCK_ORIGIN + path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });
    return r.json();
  },
  reset: () => mock.post('/_mock/reset'),
  clock: (hours: number) => mock.post('/_mock/clock', { advance_hours: hours }),
  fault: (spec: Record<string, unknown>) => mock.post('/_mock/fault', spec),
  async log(): Promise<Logged[]> {
    return (await (await fetch(MOCK_ORIGIN + '/_mock/log')).json()).data;
  },
  /** The API requests the page made (no preflights). */
  async apiLog(): Promise<Logged[]> {
    return (await mock.log()).filter((r) => r.method != 'OPTIONS');
  },
  clearLog: () => fetch(MOCK_ORIGIN + '/_mock/log', { method: 'DELETE' }),
  async outbox(): Promise<Record<string, string>[]> {
    return (await (await fetch(MOCK_ORIGIN + '/_mock/outbox')).json()).data;
  },
  /** Calls the API directly (not through the script), e.g. to set up state. */
  async api(method: string, path: string, token: string | null = TOKENS.admin, body?: unknown) {
    const r = await fetch(MOCK_URL + path, {
      method,
      headers: { ...(token && { Authorization: 'Bearer ' + token }), ...(body !== undefined && { 'Content-Type': 'application/json' }) },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: r.status, json: await r.json() };
  },
};

/** A rejection as the page saw it, made serialisable. */
export interface Caught {
  caught: true;
  name: string;
  message: string;
  code?: string;
  status?: number;
  details?: Record<string, string[]>;
  retryAfter?: number;
  isSharokeyError: boolean;
  isValidation: boolean;
}

export const test = base.extend<{ sk: Page }>({
  sk: async ({ page }, use) => {
    await mock.reset();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.goto(PAGE_ORIGIN + '/e2e/pages/blank.html');
    await page.waitForFunction(() => typeof window.Sharokey == 'object');
    await page.evaluate(
      ({ apiUrl, token }) => {
        window.Sharokey.config({ apiUrl, token, retries: 0 });
        // Every unhandled rejection is a defect of the library or of a test.
        window.addEventListener('unhandledrejection', (e) => ((window as unknown as { unhandled: unknown[] }).unhandled ??= []).push(String(e.reason)));
      },
      { apiUrl: MOCK_URL, token: TOKENS.admin },
    );
    await use(page);
    expect(errors, 'no uncaught page errors').toEqual([]);
    expect(await page.evaluate(() => (window as unknown as { unhandled?: unknown[] }).unhandled ?? []), 'no unhandled rejections').toEqual([]);
  },
});

/**
 * Runs `fn` in the page and returns its value, or a Caught describing the
 * rejection (so tests can assert the error's class and data).
 */
export const run = async <A, R>(page: Page, fn: (arg: A) => Promise<R> | R, arg?: A): Promise<R | Caught> =>
  page.evaluate(
    async ({ src, arg }) => {
      try {
        // eslint-disable-next-line no-new-func
        return await new Function('return ' + src)()(arg);
      } catch (e) {
        const x = e as Record<string, unknown> & Error;
        return {
          caught: true, name: x?.name, message: x?.message, code: x?.code, status: x?.status, details: x?.details,
          retryAfter: x?.retryAfter, isSharokeyError: window.Sharokey.isSharokeyError(e), isValidation: e instanceof window.Sharokey.ValidationError,
        };
      }
    },
    { src: fn.toString(), arg: arg as A },
  ) as Promise<R | Caught>;

/** Asserts that `r` is a rejection of error class `name` and returns it. */
export const rejected = (r: unknown, name: string): Caught => {
  expect(r, `expected a rejection with ${name}`).toMatchObject({ caught: true, name });
  return r as Caught;
};

export { expect, MOCK_URL, MOCK_ORIGIN, PAGE_ORIGIN, TOKENS };
