/**
 * The request log behind GET /_mock/log: what crossed the wire, with every
 * credential masked down to its last 4 characters.
 */

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
 * An Authorization (or Proxy-Authorization) value with its credential masked
 * to its hint, the scheme kept as sent ("Bearer ****abcd", "Basic ****cHc="),
 * so the log still shows a client that sent the wrong scheme, or none. The
 * credential is all that follows the scheme (extra words included), so the
 * hint is of what was sent.
 */
export function maskAuthorization(value: string): string {
  const v = value.trim();
  const [, first = '', rest = ''] = /^(\S*)\s*([\s\S]*)$/.exec(v)!;
  // A first word that is not a known scheme may be the token itself: all of it is masked then.
  if (!SCHEMES.test(first)) return v && '****' + tokenHint(v);
  return rest ? first + ' ****' + tokenHint(rest) : first;
}

/** The HTTP authentication schemes (IANA registry) and the common `Token`, shown as sent. */
const SCHEMES = /^(basic|bearer|digest|dpop|gnap|hoba|mutual|negotiate|ntlm|oauth|privatetoken|scram-sha-1|scram-sha-256|token|vapid|aws4-hmac-sha256)$/i;

/**
 * One log entry. `headers` holds every copy of each header (Node's
 * `headersDistinct`: `req.headers` keeps only the first Authorization,
 * User-Agent or Referer). Credentials are masked: each Authorization and
 * Proxy-Authorization value, and any fixture token (of 8 characters or more)
 * found anywhere else in a header or in the path (`?token=...`, `X-Api-Key`), down to its hint.
 */
export function logEntry(method: string, path: string, headers: Record<string, string[] | undefined>, body: string, time: string, tokens: Iterable<string> = []): LogEntry {
  // Longest first, so that a token inside another is not masked half; one of under 8
  // characters (a test's "abc") would garble every header that happens to contain it.
  // Each as written or percent-encoded in any way (`~` as %7E, `/` as %2f), one pattern per
  // token, so that what matched is never decoded (a token may hold a `%` of its own).
  const known = [...tokens].filter((t) => t.length >= 8).sort((a, b) => b.length - a.length).map(maskOf);
  const hide = (text: string) => known.reduce((t, [pattern, hint]) => t.replace(pattern, () => hint), text);
  const flat: Record<string, string> = {};
  for (const [name, values] of Object.entries(headers)) {
    if (values === undefined) continue;
    const n = name.toLowerCase();
    flat[n] = values.map((v) => (n === 'authorization' || n === 'proxy-authorization' ? maskAuthorization(v) : hide(v))).join(', ');
  }
  return { method, path: hide(path), headers: flat, body, time };
}

const MASKS = new Map<string, [RegExp, string]>();
/** A token's pattern and what replaces it, made once per token (every logged request reads them). */
const maskOf = (token: string): [RegExp, string] => {
  let mask = MASKS.get(token);
  if (!mask) MASKS.set(token, (mask = [new RegExp(encodedAnyHow(token), 'g'), '****' + tokenHint(token)]));
  return mask;
};

/** A pattern of `token` with each character as itself or as its UTF-8 bytes percent-encoded (hex of either case). */
function encodedAnyHow(token: string): string {
  return [...token].map((c) => {
    const bytes = [...Buffer.from(c)].map((b) => '%' + b.toString(16).padStart(2, '0').replace(/[a-f]/g, (x) => `[${x}${x.toUpperCase()}]`)).join('');
    return `(?:${c.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&')}|${bytes})`;
  }).join('');
}
