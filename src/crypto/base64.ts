// Standard base64 with padding. Native Uint8Array.toBase64/fromBase64 where
// the browser has them (one pass, no intermediate string), a fallback elsewhere.
import { CryptoError } from '../errors.ts';

type Native = Uint8Array & { toBase64?: () => string };
type NativeCtor = typeof Uint8Array & { fromBase64?: (s: string) => Uint8Array };

/** base64 of bytes, or of an ArrayBuffer's bytes (what WebCrypto gives). */
export const toBase64 = (data: ArrayBuffer | Uint8Array): string => {
  const bytes: Native = new Uint8Array(data);
  if (bytes.toBase64) return bytes.toBase64();
  let s = '';
  // Chunks keep String.fromCharCode under the engine's argument limit.
  for (let i = 0; i < bytes.length; i += 0x8000) s += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(s);
};

/** The CryptoError message of data that does not decode or decrypt. */
export const ALTERED = 'Could not decrypt (the view is used): wrong key, or altered data';

/** Throws a CryptoError on what is not base64 text: what the server sent was altered. */
export const fromBase64 = (text: string): Uint8Array => {
  try {
    return (Uint8Array as NativeCtor).fromBase64?.(text) ?? Uint8Array.from(atob(text), (c) => c.charCodeAt(0));
  } catch (cause) {
    throw new CryptoError(ALTERED, { cause });
  }
};
