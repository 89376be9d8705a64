import { CryptoError } from '../errors.ts';
import { ALTERED, fromBase64, toBase64 } from './base64.ts';
import { randomBytes, subtle, utf8 } from './keys.ts';

/** PROTOCOL.md: PBKDF2-HMAC-SHA-256, 10,000 iterations, a 256-bit AES-GCM key. */
export const PBKDF2_ITERATIONS = 10_000;

/**
 * The non-extractable AES-256-GCM key that `alg` (PBKDF2 or HKDF, with its
 * parameters) derives from the key material `raw`.
 */
export const aesKey = async (alg: Pbkdf2Params | HkdfParams, raw: BufferSource): Promise<CryptoKey> =>
  subtle().deriveKey(
    alg,
    await subtle().importKey('raw', raw, alg.name, false, ['deriveKey']),
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );

/** Derives the non-extractable AES-256-GCM key of key string `k` and `salt`. */
export const deriveKey = (k: string, salt: Uint8Array): Promise<CryptoKey> =>
  aesKey({ name: 'PBKDF2', salt: salt as BufferSource, iterations: PBKDF2_ITERATIONS, hash: 'SHA-256' }, utf8(k) as BufferSource);

// AES-GCM's parameters are an object on no prototype, here and in exchange.ts: WebCrypto reads the
// members a dictionary inherits, and a page's `Object.prototype.tagLength = 32` cut the tag to 4
// bytes, its `additionalData` made a secret that opens nowhere else. (Node's WebCrypto copies the
// object first, and reads them still: README, "Supported browsers".)

export interface Sealed {
  /** base64 of the 12-byte nonce. */
  iv: string;
  /** base64 of ciphertext + 16-byte tag. */
  data: string;
}

/**
 * Returns a sealer bound to one key. Every call draws a fresh 12-byte iv and
 * refuses to use one it has used before, so a nonce is never reused under
 * this key, even if the random source repeated itself.
 */
export const sealer = (key: CryptoKey) => {
  const used = new Set<string>();
  return async (plain: BufferSource): Promise<Sealed> => {
    let iv: string;
    let bytes: Uint8Array;
    do iv = toBase64((bytes = randomBytes(12)));
    while (used.has(iv));
    used.add(iv);
    return { iv, data: toBase64(await subtle().encrypt({ __proto__: null, name: 'AES-GCM', iv: bytes as BufferSource } as AesGcmParams, key, plain)) };
  };
};

/** Decrypts base64 `data` with base64 `iv`; any failure is a CryptoError. */
export const open = async (key: CryptoKey, iv: string, data: string): Promise<ArrayBuffer> => {
  try {
    return await subtle().decrypt({ __proto__: null, name: 'AES-GCM', iv: fromBase64(iv) as BufferSource } as AesGcmParams, key, fromBase64(data) as BufferSource);
  } catch (cause) {
    throw new CryptoError(ALTERED, { cause });
  }
};
