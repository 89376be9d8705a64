import { Invalid } from '../validate.ts';
import type { SecretStats, StatsAnalysis } from '../types.ts';

const FIELDS = ['total_secrets', 'active_secrets', 'expired_secrets', 'total_views', 'secrets_with_password', 'secrets_created_today', 'secrets_created_this_week', 'secrets_created_this_month'] as const;

/**
 * Reads a statistics object (from getStats) as the statistics document does:
 * rates, activity, retention and its recommendations, with its thresholds.
 * No network. With zero secrets the rates are null, never NaN.
 * @example Sharokey.analyzeStats(await Sharokey.getStats()).recommendations
 */
export const analyzeStats = (stats: SecretStats): StatsAnalysis => {
  const bad = new Invalid();
  for (const f of FIELDS) bad.add(f, Number.isFinite(stats?.[f]) && stats[f] >= 0 ? '' : 'must be a number of 0 or more');
  bad.throw();
  const { total_secrets: total, active_secrets: active, secrets_with_password: withPassword, secrets_created_today: today, secrets_created_this_week: week } = stats;
  const rate = (n: number) => (total ? (n / total) * 100 : null);
  const activeRate = rate(active);
  const passwordRate = rate(withPassword);
  const recommendations: string[] = [];
  if (passwordRate != null && passwordRate < 30) recommendations.push('Consider implementing password protection for sensitive content', 'Review security policies with team members');
  if (activeRate != null && activeRate > 50) recommendations.push('Review expiration policies: secrets may be living too long', 'Consider shorter default expiration times');
  if (today > 50) recommendations.push('Monitor API rate limits carefully', 'Consider implementing client-side request queuing', 'Use bulk operations where available');
  return {
    passwordProtectionRate: passwordRate,
    viewEfficiency: total ? stats.total_views / total : null,
    expirationRate: rate(stats.expired_secrets),
    activeRate,
    activityLevel: today > 10 || week > 50 ? 'high' : 'normal',
    retention: activeRate == null ? null : activeRate > 20 ? 'high' : activeRate < 5 ? 'low' : 'moderate',
    retentionHealth: activeRate == null ? null : activeRate < 20 ? 'good' : 'review',
    recommendations,
  };
};
