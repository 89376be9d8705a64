// Sealing keyB to a requester's public key (ECIES over WebCrypto), so that a
// secret request can be answered without the server ever holding keyB.
// Design and wire format: docs/requests.md.
import { CryptoError } from '../errors.ts';
import { fromBase64, toBase64 } from './base64.ts';
import { randomBytes } from './keys.ts';

const subtle = (): SubtleCrypto => crypto.subtle;
const EC = { name: 'ECDH', namedCurve: 'P-256' };

/** base64url without padding, for URL fragments. */
export const toBase64Url = (b: Uint8Array): string => toBase64(b).replace(/[+/=]/g, (c) => (c == '+' ? '-' : c == '/' ? '_' : ''));
export const fromBase64Url = (s: string): Uint8Array => fromBase64(s.replace(/-/g, '+').replace(/_/g, '/') + '='.repeat(-s.length & 3));

/** A new P-256 key pair: the raw public key (base64) and the PKCS#8 private key (base64url). */
export const newRequestKeys = async (): Promise<[publicKey: string, privateKey: string]> => {
  const pair = (await subtle().generateKey(EC, true, ['deriveBits'])) as CryptoKeyPair;
  return [
    toBase64(new Uint8Array(await subtle().exportKey('raw', pair.publicKey))),
    toBase64Url(new Uint8Array(await subtle().exportKey('pkcs8', pair.privateKey))),
  ];
};

/** AES-256-GCM key from an ECDH agreement, through HKDF-SHA-256 bound to the request token. */
const agree = async (priv: CryptoKey, pub: CryptoKey, token: string): Promise<CryptoKey> =>
  subtle().deriveKey(
    { name: 'HKDF', hash: 'SHA-256', salt: new Uint8Array(0), info: new TextEncoder().encode('sharokey-request-v1:' + token) },
    await subtle().importKey('raw', await subtle().deriveBits({ name: 'ECDH', public: pub }, priv, 256), 'HKDF', false, ['deriveKey']),
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );

/** Seals `text` to `publicKey` (base64 raw P-256): "ephemeral public key.iv.ciphertext", base64 each. */
export const sealTo = async (publicKey: string, token: string, text: string): Promise<string> => {
  const pair = (await subtle().generateKey(EC, true, ['deriveBits'])) as CryptoKeyPair;
  const pub = await subtle().importKey('raw', fromBase64(publicKey) as BufferSource, EC, false, []);
  const iv = randomBytes(12);
  const data = await subtle().encrypt({ name: 'AES-GCM', iv: iv as BufferSource }, await agree(pair.privateKey, pub, token), new TextEncoder().encode(text));
  return [new Uint8Array(await subtle().exportKey('raw', pair.publicKey)), iv, new Uint8Array(data)].map(toBase64).join('.');
};

/** Opens what sealTo made, with the private key (base64url PKCS#8). Any failure is a CryptoError. */
export const openSealed = async (privateKey: string, token: string, sealed: string): Promise<string> => {
  try {
    const [epk, iv, data] = sealed.split('.').map(fromBase64);
    const priv = await subtle().importKey('pkcs8', fromBase64Url(privateKey) as BufferSource, EC, false, ['deriveBits']);
    const pub = await subtle().importKey('raw', epk as BufferSource, EC, false, []);
    return new TextDecoder().decode(await subtle().decrypt({ name: 'AES-GCM', iv: iv as BufferSource }, await agree(priv, pub, token), data as BufferSource));
  } catch (cause) {
    throw new CryptoError('Could not open the answer: the inbox link is incomplete or the data was altered', { cause });
  }
};
