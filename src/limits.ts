/**
 * The one table of limits. Validation, the mock server, the docs and the
 * tests all read it; no other file spells these numbers.
 */
export const LIMITS = {
  /** Secret content, in Unicode code points. */
  content: [1, 255],
  /** Expiration of a secret or a request, in whole hours. */
  hours: [1, 8760],
  /** Maximum views of a secret, whole. */
  views: [1, 1000],
  /** description, message: at most this many code points. */
  text: 255,
  /** An e-mail address, in characters (RFC 5321's path limit). */
  email: 254,
  /** Password, in code points. */
  password: [4, 100],
  /** ip_whitelist and geolocation strings, in characters. */
  list: 255,
  /** Attachments per secret. */
  files: 10,
  /** Plaintext bytes of all attachments together (10 MB). */
  bytes: 10 * 1024 * 1024,
} as const;
