/**
 * The shared query of list routes: status, limit, page, creator, search;
 * and the `pagination` object.
 */
import { isEmail } from './fields.ts';
import { invalid, type Details } from './http.ts';

export interface ListQuery {
  status: string | null;
  limit: number;
  page: number;
  creator: string | null;
  /** Lower-cased. */
  search: string | null;
}

const DEFAULT_LIMIT = 50;
const MAX_LIMIT = 100;

/** Reads and checks the list query; 422 naming each bad parameter. */
export function listQuery(query: URLSearchParams, statuses: readonly string[]): ListQuery {
  const details: Details = {};
  const whole = (name: string, min: number, max: number, fallback: number): number => {
    const text = query.get(name);
    if (text === null || text === '') return fallback;
    const n = /^\d+$/.test(text) ? Number(text) : NaN;
    if (!(n >= min && n <= max)) details[name] = [`The ${name} must be a whole number between ${min} and ${max}.`];
    return n;
  };
  const status = query.get('status') || null;
  if (status !== null && !statuses.includes(status)) details['status'] = [`The status must be one of: ${statuses.join(', ')}.`];
  const limit = whole('limit', 1, MAX_LIMIT, DEFAULT_LIMIT);
  const page = whole('page', 1, Number.MAX_SAFE_INTEGER, 1);
  // PROTOCOL.md: `creator=EMAIL`; a malformed one is a malformed field (422), not an empty page.
  const creator = query.get('creator')?.trim().toLowerCase() || null;
  if (creator !== null && !isEmail(creator)) details['creator'] = ['The creator must be an e-mail address.'];
  if (Object.keys(details).length > 0) throw invalid(details);
  return {
    status,
    limit,
    page,
    creator,
    search: query.get('search')?.trim().toLowerCase() || null,
  };
}

/** One page of `items` and the envelope's `pagination`. */
export function paginate<T>(items: T[], q: ListQuery): { data: T[]; pagination: Record<string, number> } {
  const start = (q.page - 1) * q.limit;
  return {
    data: items.slice(start, start + q.limit),
    pagination: {
      current_page: q.page,
      per_page: q.limit,
      total: items.length,
      last_page: Math.max(1, Math.ceil(items.length / q.limit)),
    },
  };
}

/** Case-insensitive substring search over a few fields. */
export const matchesSearch = (needle: string | null, ...fields: Array<string | null>): boolean =>
  needle === null || fields.some((f) => f !== null && f.toLowerCase().includes(needle));
