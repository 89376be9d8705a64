/**
 * Fixtures: who may call the mock. The JSON shape of PROTOCOL.md, checked
 * and turned into one lookup table of tokens.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { projectPath } from './paths.ts';
import { utcDay } from './store.ts';

export type Scope = 'read' | 'write' | 'stats';
const SCOPES: readonly Scope[] = ['read', 'write', 'stats'];

/** The fixture file as written (unknown fields are ignored). */
export interface Fixtures {
  companies: Array<{
    id: string;
    name?: string;
    quota?: number;
    tokens?: Array<{ token: string; user?: string; scopes?: Scope[] | string; revoked?: boolean; expired?: boolean; expires_at?: string }>;
  }>;
  users?: Array<{ token: string; user?: string; companies: string[]; scopes?: Scope[] | string; revoked?: boolean; expired?: boolean; expires_at?: string }>;
  rateLimit?: { perMinute?: number };
}

export interface Company {
  id: string;
  name: string;
  /** Most active secrets at once. */
  quota: number;
}

/** A token of a company (one company) or of a user (its companies, first is the default). */
export interface TokenEntry {
  token: string;
  user: string;
  scopes: ReadonlySet<Scope>;
  kind: 'company' | 'user';
  companies: readonly string[];
  revoked: boolean;
  /** Epoch ms, or null for never. */
  expiresAt: number | null;
}

export interface LoadedFixtures {
  /** A name for humans: the file path or "built-in demo". */
  source: string;
  companies: ReadonlyMap<string, Company>;
  /** In fixture order: company tokens, then user tokens. */
  tokens: ReadonlyMap<string, TokenEntry>;
  perMinute: number;
  /** What was read in a way its writer may not have meant (an unknown scope or company): printed by the CLI. */
  warnings: string[];
}

export const DEFAULT_QUOTA = 1000;
export const DEFAULT_PER_MINUTE = 120;

/** Path of the built-in demo fixture. */
export const DEMO_FIXTURES = projectPath('mock', 'fixtures', 'demo.json');

/**
 * Loads fixtures from an object, a JSON file path, or (undefined) the
 * built-in demo. Throws an Error naming the first problem found.
 */
export function loadFixtures(input?: Fixtures | string): LoadedFixtures {
  if (input === undefined) return normalise(readJson(DEMO_FIXTURES), 'built-in demo');
  // Relative to where the command was typed: `npm run mock` (or `npm start`, with
  // SHAROKEY_MOCK_FIXTURES) sets the working directory to the project and keeps the caller's
  // in INIT_CWD. Only then: another script's INIT_CWD (npm test, run from a subfolder) is
  // inherited by the processes it starts, whose paths are the project's.
  const typed = /^(mock|start)$/.test(process.env['npm_lifecycle_event'] ?? '') ? process.env['INIT_CWD'] : undefined;
  if (typeof input === 'string') return normalise(readJson(resolve(typed ?? '.', input)), input);
  return normalise(input, 'inline object');
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8').replace(/^\uFEFF/, ''));
  } catch (error) {
    throw new Error(`Cannot read fixtures ${path}: ${(error as Error).message}`);
  }
}

type Raw = Record<string, unknown>;
const isObject = (v: unknown): v is Raw => typeof v === 'object' && v !== null && !Array.isArray(v);

function normalise(raw: unknown, source: string): LoadedFixtures {
  const fail = (why: string): never => {
    throw new Error(`Invalid fixtures (${source}): ${why}`);
  };
  if (!isObject(raw) || !Array.isArray(raw['companies'])) return fail('"companies" must be an array');
  const companies = new Map<string, Company>();
  const tokens = new Map<string, TokenEntry>();
  const warnings: string[] = [];

  const addToken = (t: unknown, kind: TokenEntry['kind'], ids: string[], where: string): void => {
    if (!isObject(t) || typeof t['token'] !== 'string' || t['token'] === '') return fail(`${where}: "token" must be a non-empty string`);
    // A space, a control character or a line break could never be sent back in a Bearer header.
    if (/[\s\x00-\x1f\x7f]/.test(t['token'])) return fail(`${where}: "token" must have no spaces or control characters (it is sent as "Bearer TOKEN")`);
    const { token, user = '', revoked = false, expired = false } = t;
    // PROTOCOL.md names no field for a token's end: expires_at, its camelCase, or expires; or "expired": true.
    const expires = t['expires_at'] ?? t['expiresAt'] ?? t['expires'];
    if (typeof user !== 'string') return fail(`${where}: "user" must be a string`);
    if (tokens.has(token as string)) return fail(`${where}: duplicate token`);
    if (typeof revoked !== 'boolean') return fail(`${where}: "revoked" must be true or false`);
    if (typeof expired !== 'boolean') return fail(`${where}: "expired" must be true or false`);
    // ISO 8601 text: a date is UTC midnight, and a time without a zone is UTC too (never the
    // mock process's own zone); a number or an array is no date here.
    const expiresAt = expired ? 0 : expires == null ? null : isoTime(expires); // expired: at the epoch
    if (Number.isNaN(expiresAt)) return fail(`${where}: "expires_at" must be an ISO 8601 date ("2030-01-01") or date and time ("2030-01-01T00:00:00Z")`);
    tokens.set(token as string, { token: token as string, user, scopes: readScopes(t['scopes'], where), kind, companies: ids, revoked, expiresAt });
  };

  (raw['companies'] as unknown[]).forEach((c, i) => {
    const where = `companies[${i}]`;
    if (!isObject(c) || typeof c['id'] !== 'string' || c['id'] === '') return fail(`${where}: "id" must be a non-empty string`);
    const id = c['id'] as string;
    if (companies.has(id)) return fail(`${where}: duplicate id "${id}"`);
    const quota = c['quota'] ?? DEFAULT_QUOTA;
    if (!Number.isInteger(quota) || (quota as number) < 0) return fail(`${where}: "quota" must be a whole number >= 0`);
    if (c['name'] != null && typeof c['name'] !== 'string') return fail(`${where}: "name" must be a string`);
    companies.set(id, { id, name: (c['name'] as string | undefined) ?? id, quota: quota as number });
    const list = c['tokens'] ?? [];
    if (!Array.isArray(list)) return fail(`${where}: "tokens" must be an array`);
    list.forEach((t, j) => addToken(t, 'company', [id], `${where}.tokens[${j}]`));
  });

  const users = raw['users'] ?? [];
  if (!Array.isArray(users)) return fail('"users" must be an array');
  users.forEach((u: unknown, i) => {
    const ids = isObject(u) ? u['companies'] : undefined;
    if (!Array.isArray(ids) || ids.some((id) => typeof id !== 'string')) return fail(`users[${i}]: "companies" must be an array of company ids`);
    // A company the fixtures do not have is left out (the token acts for the others; with none, for
    // no company: every call is PERMISSION_DENIED), never a reason not to start.
    const unknown = ids.filter((id) => !companies.has(id));
    if (unknown.length) warnings.push(`users[${i}]: no company ${unknown.map((id) => JSON.stringify(id)).join(', ')} in the fixtures: left out`);
    addToken(u, 'user', ids.filter((id) => companies.has(id)), `users[${i}]`);
  });

  if (raw['rateLimit'] != null && !isObject(raw['rateLimit'])) return fail('"rateLimit" must be an object: { "perMinute": N }');
  const rate = (raw['rateLimit'] ?? {}) as Raw;
  const perMinute = rate['perMinute'] ?? DEFAULT_PER_MINUTE;
  if (!Number.isInteger(perMinute) || (perMinute as number) < 1) return fail('"rateLimit.perMinute" must be a whole number >= 1');
  return { source, companies, tokens, perMinute: perMinute as number, warnings };

  /**
   * A token's scopes: a list, or one string of them ("read write", "read,stats");
   * read without regard to case; "*" is all three, and so is a token that names
   * none at all (as an API token's abilities default to every one); a scope the
   * mock does not know grants nothing and is warned of.
   */
  function readScopes(scopes: unknown, where: string): ReadonlySet<Scope> {
    if (scopes == null) return new Set(SCOPES);
    const list = typeof scopes === 'string' ? scopes.split(/[\s,]+/).filter(Boolean) : scopes;
    if (!Array.isArray(list) || list.some((s) => typeof s !== 'string')) return fail(`${where}: "scopes" must be a list of read, write and stats`);
    const names = (list as string[]).map((s) => s.toLowerCase());
    if (names.includes('*')) return new Set(SCOPES);
    const unknown = names.filter((s) => !SCOPES.includes(s as Scope));
    if (unknown.length) warnings.push(`${where}: scope ${unknown.map((s) => JSON.stringify(s)).join(', ')} is none of read, write, stats: it grants nothing`);
    return new Set(names.filter((s): s is Scope => SCOPES.includes(s as Scope)));
  }
}

/**
 * The time of an ISO 8601 text (`2030-01-01`, `2030-01-01T10:00`, `...:00.5Z`,
 * `...+01:00`, a space for the T), in ms; a date or time without a zone is UTC.
 * NaN for anything else, an impossible date (`2030-02-30`) or hour included:
 * Date.parse alone would read `2030-02-30` as 2 March, and other text in the
 * process's own zone.
 */
export function isoTime(text: unknown): number {
  const m = typeof text === 'string' ? /^(\d{4})-(\d\d)-(\d\d)(?:[T ](\d\d):(\d\d)(?::(\d\d)(\.\d{1,9})?)?(Z|[+-]\d\d:\d\d)?)?$/i.exec(text) : null;
  if (!m) return NaN;
  const [, y, mo, d, h = '00', mi = '00', sec = '00', frac = '', zone = 'Z'] = m;
  const day = utcDay(+y!, +mo!, +d!);
  if (day === null || +h > 23 || +mi > 59 || +sec > 59 || +zone.slice(1, 3) > 23 || +zone.slice(4) > 59) return NaN;
  const offset = zone.toUpperCase() === 'Z' ? 0 : (zone[0] === '-' ? -1 : 1) * (+zone.slice(1, 3) * 60 + +zone.slice(4)) * 60_000;
  return day + ((+h * 60 + +mi) * 60 + +sec) * 1000 + Math.floor(+('0' + frac) * 1000) - offset;
}
