import { deriveKey, open } from '../crypto/seal.ts';
import { fromBase64 } from '../crypto/base64.ts';
import { fromUtf8, subtle, utf8 } from '../crypto/keys.ts';
import { anonymous, request, type Config } from '../transport/request.ts';
import type { OtpSent, Revealed, RevealOptions, WithSignal } from '../types.ts';
import { checkOptions, NONE, parseLink, text } from '../validate.ts';

// '' is "not given", as a form's empty field is: the server then says what it needs.
const secret = text([0, 4096]);
/** The checks of reveal()'s options (and openRequest()'s, before its first request). */
export const REVEAL = { password: secret, otp: secret, captchaToken: secret };

/**
 * Opens a secret as its recipient and consumes one view: fetches the
 * ciphertext from the configured `apiUrl` (not the link's host) and decrypts
 * it with keyB from the link's fragment, which never leaves the browser.
 * Rejects with PermissionError (code PASSWORD_REQUIRED, OTP_REQUIRED,
 * INVALID_OTP...) when a gate is not passed (sendOtp() has the code sent),
 * NotFoundError when the secret is gone, CryptoError when the key does not
 * open it. (A link that is not one throws at once: the client's method makes
 * every throw a rejection.)
 * @example const { content, attachments } = await Sharokey.reveal(location.href, { password });
 */
export const reveal = (cfg: Config, shareUrl: string, o?: RevealOptions): Promise<Revealed> => openShare(cfg, shareLink(shareUrl), o);

/** The slug and keyB of a share link; a ValidationError of `shareUrl` when it is not one. */
export const shareLink = (url: unknown) => parseLink(url, 'shareUrl', /^[A-Za-z0-9]{24}$/);

/** reveal() of a share link already read. */
export const openShare = async (cfg: Config, [slug, keyB]: [string, string], o?: RevealOptions): Promise<Revealed> => {
  // No WebCrypto: a CryptoError before the view is spent; a page that deleted TextEncoder or
  // TextDecoder: its ReferenceError, before the view is spent too.
  subtle();
  fromUtf8(utf8('') as BufferSource);
  checkOptions(o, REVEAL);
  const { password, otp, captchaToken }: RevealOptions = o ?? NONE;
  const pub = anonymous(cfg);
  // The message comes with what the secret requires (PROTOCOL.md), read before the view is used.
  const info = (await request(pub, `/public/secrets/${slug}`, o)).data || {};
  // A server that answers data: null sent nothing to decrypt: a CryptoError below, not a TypeError.
  // An empty field is null, which json() leaves out of the body as it does every null.
  const s = (await request(pub, `/public/secrets/${slug}/open`, o, 'POST', { password: password || null, otp: otp || null, captcha_token: captchaToken || null })).data || {};
  const key = await deriveKey(s.key + keyB, fromBase64(s.salt));
  return {
    content: fromUtf8(await open(key, s.iv, s.content)),
    message: s.message ?? info.message ?? null,
    // A secret made by the official script has no attachment iv: it used the content iv.
    attachments: await Promise.all((s.attachments ?? []).map(async (a: { name: string; data: string; iv?: string }) => new File([await open(key, a.iv ?? s.iv, a.data)], a.name))),
  };
};

/**
 * Has the server send the one-time code of a secret protected by one to its
 * receiver (PROTOCOL.md's `POST /public/secrets/{slug}/otp`; no token, no
 * view used). Resolves to the server's answer; then call reveal() with `otp`.
 * Only the link's slug is read: its key is not needed, and never sent.
 * @example await Sharokey.sendOtp(location.href); // then ask the recipient for the code
 */
export const sendOtp = async (cfg: Config, shareUrl: string, o?: WithSignal): Promise<OtpSent> => {
  const [slug] = parseLink(shareUrl, 'shareUrl');
  checkOptions(o);
  return (await request(anonymous(cfg), `/public/secrets/${slug}/otp`, o, 'POST')).data;
};
