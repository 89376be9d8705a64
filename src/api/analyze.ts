import { isText, keys, object, snake, validate } from '../validate.ts';
import type { SecretStats, StatsAnalysis, StatsInput } from '../types.ts';

// A count: a number of 0 or more, or its decimal text (some servers send counts as strings).
const count = (v: unknown) => ((typeof v == 'number' ? v >= 0 && v < Infinity : isText(v) && /^\d+(\.\d+)?$/.test(v)) ? '' : 'must be a number of 0 or more');
const NAMES = 'total_secrets active_secrets expired_secrets total_views secrets_with_password secrets_created_today secrets_created_this_week'.split(' ');
const FIELDS = Object.fromEntries(NAMES.map((k) => [k, count]));
// Their places in NAMES.
const enum F { total, active, expired, views, password, today, week }

/**
 * Reads a statistics object (from getStats, or the API's whole answer with it
 * in `data`) as the statistics document does: rates, activity, retention and
 * its recommendations, with its thresholds. No network. A figure that needs a
 * missing field, or that would divide by zero secrets, is null, never NaN
 * (`activityLevel` is 'normal' unless a count it reads passes its threshold).
 * Each figure also under its snake_case name, as the document's example
 * spells them (`password_protection_rate`, `activity_level`, `retention_health`...).
 * Throws ValidationError when a field is there but is not a count.
 * @example Sharokey.analyzeStats(await Sharokey.getStats()).recommendations
 */
export const analyzeStats = (stats: StatsInput): StatsAnalysis => {
  const s = Object((stats as { data?: SecretStats })?.data ?? stats) as Record<string, unknown>;
  validate({ ...s, stats }, { stats: object, ...FIELDS });
  // An absent field is unknown: NaN here, which no comparison below passes.
  const n = (i: F) => (s[NAMES[i]!] == null ? NaN : +s[NAMES[i]!]!);
  const total = n(F.total);
  const rate = (x: number, by = 100) => (total && x >= 0 ? (x / total) * by : null);
  const active = rate(n(F.active));
  const password = rate(n(F.password));
  const today = n(F.today);
  const r: Record<string, unknown> = {
    passwordProtectionRate: password,
    viewEfficiency: rate(n(F.views), 1),
    expirationRate: rate(n(F.expired)),
    activeRate: active,
    activityLevel: today > 10 || n(F.week) > 50 ? 'high' : 'normal',
    retention: active == null ? null : active > 20 ? 'high' : active < 5 ? 'low' : 'moderate',
    retentionHealth: active == null ? null : active < 20 ? 'good' : 'review',
    recommendations: [
      (password ?? 99) < 30 && 'Under 30% of secrets have a password: protect sensitive content and review security policies with the team',
      active! > 50 && 'Over 50% of secrets are active: secrets may live too long, consider shorter default expirations',
      today > 50 && 'Over 50 secrets today: watch the rate limits, queue requests on the client, use bulk operations',
    ].filter(Boolean),
  };
  for (const k of keys(r)) r[snake(k)] = r[k];
  return r as unknown as StatsAnalysis;
};
