/**
 * Who is calling: the bearer token, the company it acts for, its scopes.
 * Error messages never repeat the token.
 */
import type { LoadedFixtures, Scope, TokenEntry } from './fixtures.ts';
import { ApiError } from './http.ts';

export interface Principal {
  entry: TokenEntry;
  /** The company this request acts for. */
  companyId: string;
}

/** The token of an `Authorization: Bearer <token>` header, or null. */
export function bearerToken(header: string | undefined): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(header ?? '');
  return match ? match[1]! : null;
}

/**
 * A header's text as sent: Node reads header bytes as Latin-1, so a client that
 * sent UTF-8 (curl, a non-ASCII token or company id) is read back as UTF-8 too.
 */
const readings = (value: string): string[] => {
  const utf8 = Buffer.from(value, 'latin1').toString('utf8');
  return utf8 !== value && !utf8.includes('\ufffd') ? [value, utf8] : [value];
};

/** The fixture entry of a bearer token, as sent in Latin-1 or UTF-8. */
export const findToken = (fixtures: LoadedFixtures, token: string): TokenEntry | undefined => readings(token).map((t) => fixtures.tokens.get(t)).find(Boolean);

/** The company a request by this token is for: the header's if it may, else its default (none for a user of no known company). */
export function companyFor(entry: TokenEntry, header: string | undefined): { companyId: string | undefined; allowed: boolean } {
  const asked = header?.trim();
  if (!asked) return { companyId: entry.companies[0], allowed: entry.companies.length > 0 };
  const match = readings(asked).find((id) => entry.companies.includes(id));
  return { companyId: match ?? entry.companies[0], allowed: match !== undefined };
}

/**
 * Resolves the caller. Throws 401 for a missing, unknown, revoked or expired
 * token, and 403 for a company it does not belong to.
 */
export function authenticate(fixtures: LoadedFixtures, authorization: string | undefined, companyHeader: string | undefined, now: number): Principal {
  const token = bearerToken(authorization);
  if (token === null) throw new ApiError(401, 'AUTHENTICATION_ERROR', 'Authentication required: send Authorization: Bearer <token>');
  const entry = findToken(fixtures, token);
  if (!entry || entry.revoked || (entry.expiresAt !== null && entry.expiresAt <= now)) {
    throw new ApiError(401, 'AUTHENTICATION_ERROR', 'Token is invalid or expired');
  }
  const { companyId, allowed } = companyFor(entry, companyHeader);
  if (!allowed || companyId === undefined) throw new ApiError(403, 'PERMISSION_DENIED', 'You do not have permission to access this company');
  return { entry, companyId };
}

/** Throws 403 naming the scope the token lacks. */
export function requireScope(principal: Principal, scope: Scope): void {
  if (!principal.entry.scopes.has(scope)) {
    throw new ApiError(403, 'PERMISSION_DENIED', `Insufficient permissions: this token lacks the "${scope}" scope`);
  }
}
