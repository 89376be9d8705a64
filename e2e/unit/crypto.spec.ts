// The crypto of src/ in Node, cross-checked against an independent
// implementation (Node's crypto module), with tampering, nonce and key tests.
import { test, expect } from '@playwright/test';
import { createCipheriv, createDecipheriv, pbkdf2Sync, randomBytes as nodeRandom } from 'node:crypto';
import { deriveKey, open, sealer, PBKDF2_ITERATIONS } from '../../src/crypto/seal.ts';
import { randomKey } from '../../src/crypto/keys.ts';
import { fromBase64, toBase64 } from '../../src/crypto/base64.ts';
import { CryptoError } from '../../src/errors.ts';
import { json } from '../../src/transport/request.ts';
import { chiSquareUniform } from './stats.ts';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';

test('PBKDF2 + AES-256-GCM of src/ is what Node computes, both ways', async () => {
  expect(PBKDF2_ITERATIONS).toBe(10_000);
  for (const text of ['a', 'Database password: admin123', 'é€😀'.repeat(60)]) {
    const k = randomKey();
    const salt = new Uint8Array(nodeRandom(16));
    const sealed = await sealer(await deriveKey(k, salt))(new TextEncoder().encode(text));
    // Node opens what src/ sealed.
    const nodeKey = pbkdf2Sync(Buffer.from(k, 'utf8'), salt, 10_000, 32, 'sha256');
    const ct = Buffer.from(sealed.data, 'base64');
    expect(Buffer.from(sealed.iv, 'base64')).toHaveLength(12);
    expect(ct.length).toBe(Buffer.byteLength(text) + 16);
    const d = createDecipheriv('aes-256-gcm', nodeKey, Buffer.from(sealed.iv, 'base64'));
    d.setAuthTag(ct.subarray(-16));
    expect(Buffer.concat([d.update(ct.subarray(0, -16)), d.final()]).toString('utf8')).toBe(text);
    // src/ opens what Node sealed.
    const iv = nodeRandom(12);
    const c = createCipheriv('aes-256-gcm', nodeKey, iv);
    const body = Buffer.concat([c.update(text, 'utf8'), c.final(), c.getAuthTag()]);
    const plain = await open(await deriveKey(k, salt), iv.toString('base64'), body.toString('base64'));
    expect(new TextDecoder().decode(plain)).toBe(text);
  }
});

test('a tampered ciphertext, tag or iv is rejected with CryptoError', async () => {
  const key = await deriveKey(randomKey(), new Uint8Array(16));
  const sealed = await sealer(key)(new TextEncoder().encode('secret'));
  const flip = (b64: string, i: number) => {
    const b = fromBase64(b64);
    b[i]! ^= 1;
    return toBase64(b);
  };
  const ctLen = fromBase64(sealed.data).length;
  for (const [iv, data] of [[sealed.iv, flip(sealed.data, 0)], [sealed.iv, flip(sealed.data, ctLen - 1)], [flip(sealed.iv, 3), sealed.data]]) {
    const e = await open(key, iv!, data!).catch((x) => x);
    expect(e).toBeInstanceOf(CryptoError);
    expect(e.code).toBe('CRYPTO_ERROR');
  }
  // A wrong key too.
  const other = await deriveKey(randomKey(), new Uint8Array(16));
  await expect(open(other, sealed.iv, sealed.data)).rejects.toBeInstanceOf(CryptoError);
  // And the untouched one opens.
  expect(new TextDecoder().decode(await open(key, sealed.iv, sealed.data))).toBe('secret');
});

test('nonces: 10,000 encryptions under one key, zero repeated (key, iv) pairs', async () => {
  const seal = sealer(await deriveKey(randomKey(), new Uint8Array(16)));
  const ivs = new Set<string>();
  for (let i = 0; i < 10_000; i++) ivs.add((await seal(new Uint8Array([i & 255]))).iv);
  console.log(`nonce uniqueness: 10000 encryptions, ${10_000 - ivs.size} repeated ivs`);
  expect(ivs.size).toBe(10_000);
});

test('a sealer refuses an iv it used before, even if the random source repeats', async () => {
  const seal = sealer(await deriveKey(randomKey(), new Uint8Array(16)));
  const real = crypto.getRandomValues.bind(crypto);
  let calls = 0;
  // A broken generator that returns zeros for its first three draws.
  crypto.getRandomValues = (<T extends ArrayBufferView | null>(a: T): T => (calls++ < 3 ? a : real(a as never) as T)) as typeof crypto.getRandomValues;
  try {
    const a = await seal(new Uint8Array(1));
    const b = await seal(new Uint8Array(1));
    expect(a.iv).toBe(toBase64(new Uint8Array(12)));
    expect(b.iv).not.toBe(a.iv);
    expect(calls).toBeGreaterThan(3);
  } finally {
    crypto.getRandomValues = real;
  }
});

test('key characters: 32 of [A-Za-z0-9], uniform (chi-square over 100,000 characters, p > 0.001)', () => {
  const counts = new Array(62).fill(0);
  for (let i = 0; i < 3125; i++) {
    const k = randomKey();
    expect(k).toMatch(/^[A-Za-z0-9]{32}$/);
    for (const c of k) counts[ALPHABET.indexOf(c)]++;
  }
  const { chi2, p } = chiSquareUniform(counts);
  console.log(`key uniformity: 100000 characters, chi-square ${chi2.toFixed(1)} (61 df), p = ${p.toFixed(4)}`);
  expect(p).toBeGreaterThan(0.001);
});

test('the chi-square check catches the classic bias of byte % 62 (the check can fail)', () => {
  const counts = new Array(62).fill(0);
  for (const b of nodeRandom(100_000)) counts[b % 62]++;
  expect(chiSquareUniform(counts).p).toBeLessThan(0.001);
});

test('base64 agrees with Node for every length around the chunk size, and rejects garbage', () => {
  for (const n of [0, 1, 2, 3, 31, 4095, 4096, 4097, 8193, 0x7fff, 0x8000, 0x8001, 100_000]) {
    const bytes = new Uint8Array(nodeRandom(n));
    const b64 = toBase64(bytes);
    expect(b64).toBe(Buffer.from(bytes).toString('base64'));
    expect(Buffer.from(fromBase64(b64)).equals(Buffer.from(bytes))).toBe(true);
  }
  expect(() => fromBase64('not base64!')).toThrow();
});

test('a body with long base64 strings is sent as a Blob whose text is exactly JSON.stringify(body)', async () => {
  const b64 = (n: number) => nodeRandom(n).toString('base64');
  const body = { content: b64(40), note: 'é"\\\n😀', attachments: [{ name: 'a "b"', data: b64(300_000), size: 1 }, { name: 'c', data: b64(70_000) }, { name: 'd', data: b64(10) }], n: 3 };
  const sent = json(body);
  expect(sent).toBeInstanceOf(Blob);
  expect(await (sent as Blob).text()).toBe(JSON.stringify(body));
  const small = { content: b64(40), n: 1 };
  expect(json(small)).toBe(JSON.stringify(small)); // a short body stays a string
});
