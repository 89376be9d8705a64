import { request, type Config } from '../transport/request.ts';
import type { Range, SecretStats, TokenStats, WithSignal } from '../types.ts';
import { checkOptions, isText } from '../validate.ts';
import { query } from './secrets.ts';

/** `YYYY-MM-DD` of a valid Date (UTC) or date string; '' when neither. */
const day = (v: unknown): string => {
  const d = v instanceof Date ? v : isText(v) && /^\d{4}-\d\d-\d\d$/.test(v) ? new Date(v) : 0;
  // (d <= d: a valid Date, 1970-01-01 at 0 ms included; NaN is not.)
  const s = d && d <= d ? d.toISOString().slice(0, 10) : '';
  // new Date('2025-02-31') rolls over to March: refuse what does not read back the same;
  // a Date past year 9999 or before 0 reads as +010000-01-01, no YYYY-MM-DD.
  return (isText(v) ? s == v : /^\d{4}-/.test(s)) ? s : '';
};
const date = (v: unknown) => (day(v) ? '' : 'must be a valid Date or YYYY-MM-DD');

/** A checked date range as a query string. */
export const range = (r?: Range): string => {
  const from = day(r?.from), to = day(r?.to);
  checkOptions(r, { from: (v) => date(v) || (to && from > to ? 'must not be after to' : ''), to: date });
  return query({ from: from || null, to: to || null });
};

/**
 * The company's secret statistics, optionally for secrets created between
 * `from` and `to`. Alias: `stats`.
 * @example (await Sharokey.getStats()).active_secrets
 */
export const getStats = async (cfg: Config, r?: Range): Promise<SecretStats> =>
  (await request(cfg, '/secrets-stats' + range(r), r)).data;

/**
 * Token usage of the company: counts per token with a 4-character hint, never
 * a token. A server that sends one anyway (a `token` field, on the answer or on
 * an entry of `tokens`) has it dropped: API.md promises the page none.
 */
export const getTokenStats = async (cfg: Config, o?: WithSignal): Promise<TokenStats> => {
  checkOptions(o);
  const d = (await request(cfg, '/tokens-stats', o)).data;
  delete d?.token;
  d?.tokens?.map?.((t: { token?: string }) => delete t?.token);
  return d;
};
