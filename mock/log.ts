/**
 * The request log behind GET /_mock/log: what crossed the wire, with the
 * bearer token masked down to its last 4 characters.
 */
import type { IncomingHttpHeaders } from 'node:http';
import { bearerToken } from './auth.ts';

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
 * A token's hint: its last 4 characters (PROTOCOL.md), but never more than
 * half of it, so that a short token is never shown whole ("abc" -> "c").
 */
export const tokenHint = (token: string): string => token.slice(token.length - Math.min(4, token.length >> 1));

/** "Bearer ****abcd": enough to tell tokens apart, never enough to use one. */
export function maskAuthorization(value: string): string {
  const token = bearerToken(value) ?? value.trim();
  return `Bearer ****${tokenHint(token)}`;
}

export function logEntry(method: string, path: string, headers: IncomingHttpHeaders, body: string, time: string): LogEntry {
  const flat: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (value === undefined) continue;
    const text = Array.isArray(value) ? value.join(', ') : value;
    flat[name.toLowerCase()] = name.toLowerCase() === 'authorization' ? maskAuthorization(text) : text;
  }
  return { method, path, headers: flat, body, time };
}
