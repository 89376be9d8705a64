import { CryptoError } from '../errors.ts';

/**
 * The platform's WebCrypto, looked up when called (a page may load the script
 * before it polyfills or replaces globals). Pages that are not a secure
 * context (plain http:// other than localhost) have none.
 */
export const subtle = (): SubtleCrypto => {
  if (!crypto.subtle) throw new CryptoError('No WebCrypto: serve the page over https://');
  return crypto.subtle;
};

/** UTF-8 bytes of `s`. */
export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** The text of UTF-8 bytes, exactly: a leading U+FEFF is kept (the default decoder drops it). */
export const fromUtf8 = (b: BufferSource): string => new TextDecoder('utf-8', { ignoreBOM: true }).decode(b);

/** `n` random bytes from the platform CSPRNG. */
export const randomBytes = (n: number): Uint8Array => crypto.getRandomValues(new Uint8Array(n));

/**
 * A key string of `length` characters of [A-Za-z0-9], each uniform: bytes of
 * 248 or more are dropped (248 = 4 x 62), so `byte % 62` has no bias.
 */
export const randomKey = (length = 32): string => {
  let key = '';
  while (key.length < length) {
    // byte % 62 is the character's place in A-Z, a-z, 0-9: A is 65, a 97 (26 + 71), 0 48 (52 - 4).
    for (let b of randomBytes(length)) if (b < 248 && key.length < length) key += String.fromCharCode((b %= 62) + (b < 26 ? 65 : b < 52 ? 71 : -4));
  }
  return key;
};
