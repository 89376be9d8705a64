/**
 * The request log behind GET /_mock/log: what crossed the wire, with the
 * credential of the Authorization header masked down to its last 4 characters.
 */
import type { IncomingHttpHeaders } from 'node:http';

export interface LogEntry {
  method: string;
  /** Path with query, as received. */
  path: string;
  /** Lower-case names; repeated headers joined with ", ". */
  headers: Record<string, string>;
  /** Raw body text, "" when none (or when it was over the size limit). */
  body: string;
  /** ISO 8601, mock clock. */
  time: string;
}

/**
 * A token's hint: its last 4 characters (PROTOCOL.md). A token of 4 or fewer
 * would be shown whole: then at most half of it ("abc" -> "c").
 */
export const tokenHint = (token: string): string => token.slice(token.length - (token.length > 4 ? 4 : token.length >> 1));

/**
 * The Authorization header with its credential masked to its hint, the scheme
 * kept as sent ("Bearer ****abcd", "Basic ****cHc="), so the log still shows a
 * client that sent the wrong scheme, or none.
 */
export function maskAuthorization(value: string): string {
  const [, scheme, credential = ''] = /^\s*(?:(\S+)\s+)?(\S*)/.exec(value)!;
  // A first word that is not a known scheme may be the token itself: all of it is masked then.
  if (scheme && !SCHEMES.test(scheme)) return '****' + tokenHint(value.trim());
  return (scheme ? scheme + ' ' : '') + '****' + tokenHint(credential);
}

/** The HTTP authentication schemes (IANA registry) and the common `Token`, shown as sent. */
const SCHEMES = /^(basic|bearer|digest|dpop|gnap|hoba|mutual|negotiate|ntlm|oauth|privatetoken|scram-sha-1|scram-sha-256|token|vapid|aws4-hmac-sha256)$/i;

export function logEntry(method: string, path: string, headers: IncomingHttpHeaders, body: string, time: string): LogEntry {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    flat[name.toLowerCase()] = name.toLowerCase() === 'authorization' ? maskAuthorization(text) : text;
  }
  return { method, path, headers: flat, body, time };
}
