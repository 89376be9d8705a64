import { required, validate } from '../validate.ts';
import type { SecretStats, StatsAnalysis } from '../types.ts';

const count = required((v) => (Number.isFinite(v) && v >= 0 ? '' : 'must be a number of 0 or more'));
const FIELDS = Object.fromEntries('total_secrets active_secrets expired_secrets total_views secrets_with_password secrets_created_today secrets_created_this_week'.split(' ').map((k) => [k, count]));

/**
 * Reads a statistics object (from getStats) as the statistics document does:
 * rates, activity, retention and its recommendations, with its thresholds.
 * No network. With zero secrets the rates are null, never NaN.
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
  return {
    passwordProtectionRate: password,
    viewEfficiency: total ? s.total_views / total : null,
    expirationRate: rate(s.expired_secrets),
    activeRate: active,
    activityLevel: today > 10 || s.secrets_created_this_week > 50 ? 'high' : 'normal',
    retention: active == null ? null : active > 20 ? 'high' : active < 5 ? 'low' : 'moderate',
    retentionHealth: active == null ? null : active < 20 ? 'good' : 'review',
    recommendations: [
      ...(password! < 30 && total ? ['Consider implementing password protection for sensitive content', 'Review security policies with team members'] : []),
      ...(active! > 50 ? ['Review expiration policies: secrets may be living too long', 'Consider shorter default expiration times'] : []),
      ...(today > 50 ? ['Monitor API rate limits carefully', 'Consider implementing client-side request queuing', 'Use bulk operations where available'] : []),
    ],
  };
};
