/** Random identifiers: slugs, request tokens, one-time codes. */
import { randomBytes, randomInt } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
/** Largest multiple of 62 below 256: bytes at or above it are redrawn, so no character is favoured. */
const CUTOFF = 256 - (256 % ALPHABET.length);

/** `length` characters of [A-Za-z0-9], uniformly random. */
export function randomAlnum(length: number): string {
  let out = '';
  while (out.length < length) {
    for (const byte of randomBytes(length * 2)) {
      if (byte < CUTOFF) out += ALPHABET[byte % ALPHABET.length];
      if (out.length === length) break;
    }
  }
  return out;
}

/** Six decimal digits, uniformly random. */
export const otpCode = (): string => String(randomInt(0, 1_000_000)).padStart(6, '0');
