// Sealing keyB to a requester's public key (ECDH P-256 + HKDF-SHA-256 +
// AES-256-GCM), so that a secret request can be answered without the server
// ever holding keyB. Design and wire format: docs/requests.md.
import { CryptoError } from '../errors.ts';
import { fromBase64, toBase64 } from './base64.ts';
import { fromUtf8, randomBytes, subtle, utf8 } from './keys.ts';
import { aesKey } from './seal.ts';
const EC = { name: 'ECDH', namedCurve: 'P-256' };
const raw = async (k: CryptoKey) => toBase64(await subtle().exportKey('raw', k));
const pair = () => subtle().generateKey(EC, true, ['deriveBits']) as Promise<CryptoKeyPair>;

/**
 * A new P-256 key pair: the public key (base64 of its raw point) for the
 * server, and the private scalar `d` (its JWK member, base64url, 43
 * characters) for the inbox link's fragment: nothing public in it.
 */
export const newRequestKeys = async (): Promise<[publicKey: string, privateKey: string]> => {
  const { publicKey, privateKey } = await pair();
  return [await raw(publicKey), (await subtle().exportKey('jwk', privateKey)).d!];
};

/** The AES-256-GCM key of an ECDH agreement, through HKDF-SHA-256 bound to the request token. */
const agree = async (priv: CryptoKey, pub: CryptoKey, token: string): Promise<CryptoKey> =>
  aesKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(), info: utf8('sharokey-request-v1:' + token) as BufferSource },
    await subtle().deriveBits({ name: 'ECDH', public: pub }, priv, 256),
  );
/** A raw public point (extractable: openSealed reads its JWK); async, so that bad base64 rejects, as a bad point does. */
const point = async (b64: string) => subtle().importKey('raw', fromBase64(b64) as BufferSource, EC, true, []);

/** Seals `text` to `publicKey` with a fresh ephemeral key: "ephemeral public key.iv.ciphertext", base64 each. */
export const sealTo = async (publicKey: string, token: string, text: string): Promise<string> => {
  const eph = await pair();
  const iv = randomBytes(12);
  const pub = await point(publicKey).catch((cause) => {
    throw new CryptoError('Invalid public key: ask for a new request', { cause });
  });
  const data = await subtle().encrypt({ __proto__: null, name: 'AES-GCM', iv: iv as BufferSource } as AesGcmParams, await agree(eph.privateKey, pub, token), utf8(text) as BufferSource);
  return [await raw(eph.publicKey), toBase64(iv), toBase64(data)].join('.');
};

/**
 * Opens what sealTo made, with the private scalar `d` and the request's public
 * key (the raw point, whose x and y complete the JWK; it plays no part in the
 * agreement, and Chromium's import refuses one that does not match `d`). Any
 * failure is a CryptoError.
 */
export const openSealed = async (d: string, publicKey: string, token: string, sealed: string): Promise<string> => {
  try {
    const [epk, iv, data] = sealed.split('.');
    // The public JWK (kty, crv, x, y) with d added; its key_ops ([]) would refuse deriveBits.
    const priv = await subtle().importKey('jwk', { ...(await subtle().exportKey('jwk', await point(publicKey))), d, key_ops: undefined }, EC, false, ['deriveBits']);
    return fromUtf8(await subtle().decrypt({ __proto__: null, name: 'AES-GCM', iv: fromBase64(iv!) as BufferSource } as AesGcmParams, await agree(priv, await point(epk!), token), fromBase64(data!) as BufferSource));
  } catch (cause) {
    throw new CryptoError('Could not open the answer: wrong key, or altered data', { cause });
  }
};
