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

/** The company a request by this token is for: the header's if it may, else its default. */
export function companyFor(entry: TokenEntry, header: string | undefined): { companyId: string; allowed: boolean } {
  const asked = header?.trim();
  if (!asked) return { companyId: entry.companies[0]!, allowed: true };
  const allowed = entry.companies.includes(asked);
  return { companyId: allowed ? asked : entry.companies[0]!, allowed };
}

/**
 * Resolves the caller. Throws 401 for a missing, unknown, revoked or expired
 * token, and 403 for a company it does not belong to.
 */
export function authenticate(fixtures: LoadedFixtures, authorization: string | undefined, companyHeader: string | undefined, now: number): Principal {
  const token = bearerToken(authorization);
  if (token === null) throw new ApiError(401, 'AUTHENTICATION_ERROR', 'Authentication required: send Authorization: Bearer <token>');
  const entry = fixtures.tokens.get(token);
  if (!entry || entry.revoked || (entry.expiresAt !== null && entry.expiresAt <= now)) {
    throw new ApiError(401, 'AUTHENTICATION_ERROR', 'Token is invalid or expired');
  }
  const { companyId, allowed } = companyFor(entry, companyHeader);
  if (!allowed) throw new ApiError(403, 'PERMISSION_DENIED', 'You do not have permission to access this company');
  return { entry, companyId };
}

/** Throws 403 naming the scope the token lacks. */
export function requireScope(principal: Principal, scope: Scope): void {
  if (!principal.entry.scopes.has(scope)) {
    throw new ApiError(403, 'PERMISSION_DENIED', `Insufficient permissions: this token lacks the "${scope}" scope`);
  }
}
