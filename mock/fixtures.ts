/**
 * Fixtures: who may call the mock. The JSON shape of PROTOCOL.md, checked
 * and turned into one lookup table of tokens.
 */
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { projectPath } from './paths.ts';

export type Scope = 'read' | 'write' | 'stats';
const SCOPES: readonly Scope[] = ['read', 'write', 'stats'];

/** The fixture file as written (unknown fields are ignored). */
export interface Fixtures {
  companies: Array<{
    id: string;
    name?: string;
    quota?: number;
    tokens?: Array<{ token: string; user: string; scopes: Scope[]; revoked?: boolean; expires_at?: string }>;
  }>;
  users?: Array<{ token: string; user: string; companies: string[]; scopes: Scope[]; revoked?: boolean; expires_at?: string }>;
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
  if (typeof input === 'string') return normalise(readJson(resolve(input)), input);
  return normalise(input, 'inline object');
}

function readJson(path: string): unknown {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (error) {
    throw new Error(`Cannot read fixtures ${path}: ${(error as Error).message}`);
  }
}

function normalise(raw: unknown, source: string): LoadedFixtures {
  const fail = (why: string): never => {
    throw new Error(`Invalid fixtures (${source}): ${why}`);
  };
  const root = raw as Partial<Fixtures> | null;
  if (!root || typeof root !== 'object' || !Array.isArray(root.companies)) fail('"companies" must be an array');
  const companies = new Map<string, Company>();
  const tokens = new Map<string, TokenEntry>();

  const addToken = (t: unknown, kind: TokenEntry['kind'], ids: string[], where: string): void => {
    const entry = t as { token?: unknown; user?: unknown; scopes?: unknown; revoked?: unknown; expires_at?: unknown } | null;
    if (!entry || typeof entry.token !== 'string' || entry.token === '') fail(`${where}: "token" must be a non-empty string`);
    if (typeof entry!.user !== 'string') fail(`${where}: "user" must be a string`);
    if (!Array.isArray(entry!.scopes) || entry!.scopes.some((s) => !SCOPES.includes(s as Scope))) {
      fail(`${where}: "scopes" must list read, write or stats`);
    }
    if (tokens.has(entry!.token as string)) fail(`${where}: duplicate token`);
    let expiresAt: number | null = null;
    if (entry!.expires_at != null) {
      expiresAt = Date.parse(String(entry!.expires_at));
      if (Number.isNaN(expiresAt)) fail(`${where}: "expires_at" must be an ISO 8601 date`);
    }
    tokens.set(entry!.token as string, {
      token: entry!.token as string,
      user: entry!.user as string,
      scopes: new Set(entry!.scopes as Scope[]),
      kind,
      companies: ids,
      revoked: entry!.revoked === true,
      expiresAt,
    });
  };

  root!.companies!.forEach((c, i) => {
    const where = `companies[${i}]`;
    if (!c || typeof c.id !== 'string' || c.id === '') fail(`${where}: "id" must be a non-empty string`);
    if (companies.has(c.id)) fail(`${where}: duplicate id "${c.id}"`);
    const quota = c.quota ?? DEFAULT_QUOTA;
    if (!Number.isInteger(quota) || quota < 0) fail(`${where}: "quota" must be a whole number >= 0`);
    companies.set(c.id, { id: c.id, name: typeof c.name === 'string' ? c.name : c.id, quota });
    (c.tokens ?? []).forEach((t, j) => addToken(t, 'company', [c.id], `${where}.tokens[${j}]`));
  });
  (root!.users ?? []).forEach((u, i) => {
    const where = `users[${i}]`;
    const ids = u?.companies;
    if (!Array.isArray(ids) || ids.length === 0 || ids.some((id) => !companies.has(id))) {
      fail(`${where}: "companies" must list known company ids`);
    }
    addToken(u, 'user', [...ids], where);
  });

  const perMinute = root!.rateLimit?.perMinute ?? DEFAULT_PER_MINUTE;
  if (!Number.isInteger(perMinute) || perMinute < 1) fail('"rateLimit.perMinute" must be a whole number >= 1');
  return { source, companies, tokens, perMinute };
}
