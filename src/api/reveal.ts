import { deriveKey, open } from '../crypto/seal.ts';
import { fromBase64 } from '../crypto/base64.ts';
import { subtle } from '../crypto/keys.ts';
import { request, type Config } from '../transport/request.ts';
import type { Revealed, RevealOptions } from '../types.ts';
import { checkOptions, parseLink, text } from '../validate.ts';

const secret = text(1, 4096);

/**
 * Opens a secret as its recipient and consumes one view: fetches the
 * ciphertext from the configured `apiUrl` (not the link's host) and decrypts
 * it with keyB from the link's fragment, which never leaves the browser.
 * When a one-time code is needed and `otp` is not given, it first has the
 * server send one (OTP_REQUIRED then means "sent: ask for it"). Rejects with
 * PermissionError (code PASSWORD_REQUIRED, OTP_REQUIRED, INVALID_OTP...) when
 * a gate is not passed, NotFoundError when the secret is gone, CryptoError
 * when the key does not open it.
 * @example const { content, attachments } = await Sharokey.reveal(location.href, { password });
 */
export const reveal = async (cfg: Config, shareUrl: string, o: RevealOptions = {}): Promise<Revealed> => {
  const [slug, keyB] = parseLink(shareUrl, 'shareUrl', /^[A-Za-z0-9]{24}$/);
  subtle(); // no WebCrypto: a CryptoError before the view is spent
  checkOptions(o, { password: secret, otp: secret, captchaToken: secret });
  const { password, otp, captchaToken, signal } = o ?? {};
  const at = '/public/secrets/' + slug;
  // The message comes with what the secret requires (PROTOCOL.md), read before the view is used.
  const { data: info } = await request(cfg, at, { auth: false, signal });
  // A one-time code is needed and none given: have it sent (PROTOCOL.md's /otp), then
  // the open below answers OTP_REQUIRED, and the caller asks the recipient for the code.
  if (info.otp_type && !otp) await request(cfg, at + '/otp', { method: 'POST', auth: false, signal });
  // A server that answers data: null sent nothing to decrypt: a CryptoError below, not a TypeError.
  const s = (await request(cfg, at + '/open', { method: 'POST', auth: false, signal, body: { password, otp, captcha_token: captchaToken } })).data || {};
  const key = await deriveKey(s.key + keyB, fromBase64(s.salt));
  return {
    content: new TextDecoder().decode(await open(key, s.iv, s.content)),
    message: s.message ?? info.message ?? null,
    // A secret made by the official script has no attachment iv: it used the content iv.
    attachments: await Promise.all((s.attachments ?? []).map(async (a: { name: string; data: string; iv?: string }) => new File([await open(key, a.iv ?? s.iv, a.data)], a.name))),
  };
};
