/**
 * Statistics of the caller's company: counts only, never content.
 * today / week / month are the last 24 h / 7 days / 30 days of mock time;
 * `from` and `to` (YYYY-MM-DD, UTC, inclusive) bound what is counted.
 */
import type { Ctx, Route } from '../router.ts';
import { invalid, ok, type Details } from '../http.ts';
import { tokenHint } from '../log.ts';
import { iso, utcDay } from '../store.ts';

const DAY = 86_400_000;

interface Range {
  from: string | null;
  to: string | null;
  /** createdAt in [start, end). */
  start: number;
  end: number;
}

function day(text: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  return m && utcDay(+m[1]!, +m[2]!, +m[3]!);
}

function dateRange(query: URLSearchParams): Range {
  const details: Details = {};
  const read = (name: 'from' | 'to'): [string | null, number | null] => {
    const text = query.get(name) || null;
    if (text === null) return [null, null];
    const ms = day(text);
    if (ms === null) details[name] = [`The ${name} must be a date as YYYY-MM-DD.`];
    return [text, ms];
  };
  const [from, start] = read('from');
  const [to, end] = read('to');
  if (start !== null && end !== null && start > end) details['from'] = ['The from date must not be after the to date.'];
  if (Object.keys(details).length > 0) throw invalid(details);
  return { from, to, start: start ?? -Infinity, end: end === null ? Infinity : end + DAY };
}

function meta(ctx: Ctx, range: Range): Record<string, unknown> {
  const m: Record<string, unknown> = { version: 'v1', timestamp: iso(ctx.state.store.now()) };
  if (range.from !== null || range.to !== null) m['range'] = { from: range.from, to: range.to };
  return { meta: m };
}

/** How many of `times` fall in the last 1, 7 and 30 days. */
function recent(times: number[], now: number): [number, number, number] {
  const since = (days: number): number => times.filter((t) => t > now - days * DAY && t <= now).length;
  return [since(1), since(7), since(30)];
}

export const statsRoutes: Route[] = [
  {
    method: 'GET', pattern: '/secrets-stats', access: { kind: 'token', scope: 'stats' },
    handler: (ctx) => {
      const range = dateRange(ctx.query);
      const { store } = ctx.state;
      const now = store.now();
      const secrets = store.secretsOf(ctx.caller().companyId).filter((s) => s.createdAt >= range.start && s.createdAt < range.end);
      const active = secrets.filter((s) => store.secretStatus(s) === 'active').length;
      const [today, week, month] = recent(secrets.map((s) => s.createdAt), now);
      return ok({
        total_secrets: secrets.length,
        active_secrets: active,
        expired_secrets: secrets.length - active,
        total_views: secrets.reduce((sum, s) => sum + s.currentViews, 0),
        secrets_with_password: secrets.filter((s) => s.security === 'password').length,
        secrets_created_today: today,
        secrets_created_this_week: week,
        secrets_created_this_month: month,
      }, 'Secrets statistics retrieved successfully', meta(ctx, range));
    },
  },
  {
    method: 'GET', pattern: '/requests-stats', access: { kind: 'token', scope: 'stats' },
    handler: (ctx) => {
      const range = dateRange(ctx.query);
      const { store } = ctx.state;
      const requests = store.requestsOf(ctx.caller().companyId).filter((r) => r.createdAt >= range.start && r.createdAt < range.end);
      const count = (status: string): number => requests.filter((r) => store.requestStatus(r) === status).length;
      const [today, week, month] = recent(requests.map((r) => r.createdAt), store.now());
      return ok({
        total_requests: requests.length,
        active_requests: count('active'),
        completed_requests: count('completed'),
        expired_requests: count('expired'),
        requests_created_today: today,
        requests_created_this_week: week,
        requests_created_this_month: month,
      }, 'Secret requests statistics retrieved successfully', meta(ctx, range));
    },
  },
  {
    method: 'GET', pattern: '/tokens-stats', access: { kind: 'token', scope: 'stats' },
    handler: (ctx) => {
      const { fixtures, usage, store } = ctx.state;
      const { companyId } = ctx.caller();
      const now = store.now();
      const entries = [...fixtures.tokens.values()].filter((t) => t.companies.includes(companyId));
      const rows = entries
        .map((t) => ({ t, u: usage.get(t.token, companyId) }))
        .sort((a, b) => b.u.lastOrder - a.u.lastOrder);
      const sum = (pick: (u: (typeof rows)[number]['u']) => number): number => rows.reduce((n, r) => n + pick(r.u), 0);
      const expired = (t: (typeof entries)[number]): boolean => t.expiresAt !== null && t.expiresAt <= now;
      return ok({
        total_tokens: entries.length,
        active_tokens: entries.filter((t) => !t.revoked && !expired(t)).length,
        revoked_tokens: entries.filter((t) => t.revoked).length,
        expired_tokens: entries.filter((t) => !t.revoked && expired(t)).length,
        total_requests: sum((u) => u.requests),
        rate_limited_requests: sum((u) => u.rateLimited),
        error_requests: sum((u) => u.errors),
        tokens: rows.map(({ t, u }) => ({
          user: t.user,
          scopes: [...t.scopes],
          hint: tokenHint(t.token),
          kind: t.kind,
          requests: u.requests,
          // PROTOCOL.md says "request count": the same figure under that name too.
          request_count: u.requests,
          rate_limited_requests: u.rateLimited,
          error_requests: u.errors,
          last_used_at: u.lastUsedAt === null ? null : iso(u.lastUsedAt),
          revoked: t.revoked,
          expires_at: t.expiresAt === null ? null : iso(t.expiresAt),
        })),
      }, 'Token statistics retrieved successfully', meta(ctx, { from: null, to: null, start: 0, end: 0 }));
    },
  },
];
