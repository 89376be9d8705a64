import { required, validate } from '../validate.ts';
import { snake } from './secrets.ts';
import type { SecretStats, StatsAnalysis } from '../types.ts';

const count = required((v) => (Number.isFinite(v) && v >= 0 ? '' : 'must be a number of 0 or more'));
const FIELDS = Object.fromEntries('total_secrets active_secrets expired_secrets total_views secrets_with_password secrets_created_today secrets_created_this_week'.split(' ').map((k) => [k, count]));

/**
 * Reads a statistics object (from getStats) as the statistics document does:
 * rates, activity, retention and its recommendations, with its thresholds.
 * No network. With zero secrets the rates are null, never NaN. Each figure
 * also under its snake_case name, as the document's example spells them
 * (`password_protection_rate`, `activity_level`, `retention_health`...).
 * @example Sharokey.analyzeStats(await Sharokey.getStats()).recommendations
 */
export const analyzeStats = (stats: SecretStats): StatsAnalysis => {
  const s = Object(stats) as SecretStats;
  validate({ ...s }, FIELDS);
  const total = s.total_secrets;
  const rate = (n: number) => (total ? (n / total) * 100 : null);
  const active = rate(s.active_secrets);
  const password = rate(s.secrets_with_password);
  const today = s.secrets_created_today;
  const r: Record<string, unknown> = {
    passwordProtectionRate: password,
    viewEfficiency: total ? s.total_views / total : null,
    expirationRate: rate(s.expired_secrets),
    activeRate: active,
    activityLevel: today > 10 || s.secrets_created_this_week > 50 ? 'high' : 'normal',
    retention: active == null ? null : active > 20 ? 'high' : active < 5 ? 'low' : 'moderate',
    retentionHealth: active == null ? null : active < 20 ? 'good' : 'review',
    recommendations: [
      ...(password! < 30 && total ? ['Under 30% of secrets have a password: protect sensitive content and review security policies with the team'] : []),
      ...(active! > 50 ? ['Over 50% of secrets are active: secrets may live too long, consider shorter default expirations'] : []),
      ...(today > 50 ? ['Over 50 secrets today: watch the rate limits, queue requests on the client, use bulk operations'] : []),
    ],
  };
  for (const k in r) r[snake(k)] = r[k];
  return r as unknown as StatsAnalysis;
};
