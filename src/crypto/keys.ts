const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

/** UTF-8 bytes of `s`. */
export const utf8 = (s: string): Uint8Array => new TextEncoder().encode(s);

/** `n` random bytes from the platform CSPRNG. */
export const randomBytes = (n: number): Uint8Array => crypto.getRandomValues(new Uint8Array(n));

/**
 * A key string of `length` characters of [A-Za-z0-9], each uniform: bytes of
 * 248 or more are dropped (248 = 4 x 62), so `byte % 62` has no bias.
 */
export const randomKey = (length = 32): string => {
  let key = '';
  while (key.length < length) {
    for (const b of randomBytes(length)) if (b < 248 && key.length < length) key += ALPHABET[b % 62];
  }
  return key;
};
