import { request, type Config } from '../transport/request.ts';
import type { Range, SecretStats, WithSignal, TokenStats } from '../types.ts';
import { Invalid, isText } from '../validate.ts';
import { query } from './secrets.ts';

/** `YYYY-MM-DD` of a Date (UTC) or a valid date string; '' when neither. */
const day = (v: unknown): string => {
  const d = v instanceof Date ? v : isText(v) && /^\d{4}-\d\d-\d\d$/.test(v) ? new Date(v) : null;
  const s = d && !isNaN(+d) ? d.toISOString().slice(0, 10) : '';
  // new Date('2025-02-31') rolls over to March: refuse what does not read back the same.
  return isText(v) && s != v ? '' : s;
};

/** Checks a date range and returns its query string. */
export const rangeQuery = (r: Range = {}): string => {
  const { from, to } = r ?? {};
  const bad = new Invalid();
  const f = day(from), t = day(to);
  bad.opt('from', from, () => (f ? '' : 'must be a Date or YYYY-MM-DD'));
  bad.opt('to', to, () => (t ? '' : 'must be a Date or YYYY-MM-DD'));
  if (f && t && f > t) bad.add('from', 'must not be after to');
  bad.throw();
  return query({ from: f || null, to: t || null });
};

/**
 * The company's secret statistics, optionally for secrets created between
 * `from` and `to`. Alias: `stats`.
 * @example (await Sharokey.getStats()).active_secrets
 */
export const getStats = async (cfg: Config, r: Range = {}): Promise<SecretStats> =>
  (await request(cfg, '/secrets-stats' + rangeQuery(r), { signal: r?.signal })).data;

/** Token usage of the company: counts per token with a 4-character hint, never a token. */
export const getTokenStats = async (cfg: Config, o: WithSignal = {}): Promise<TokenStats> =>
  (await request(cfg, '/tokens-stats', { signal: o?.signal })).data;
