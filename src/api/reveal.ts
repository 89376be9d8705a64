import { deriveKey, open } from '../crypto/seal.ts';
import { fromBase64 } from '../crypto/base64.ts';
import { request, type Config } from '../transport/request.ts';
import type { Revealed, RevealOptions } from '../types.ts';
import { Invalid, isText, text } from '../validate.ts';
import { LIMITS } from '../limits.ts';

/**
 * Splits a share URL into its slug (last path segment) and keyB (fragment).
 * Throws a ValidationError that never quotes the URL, since it holds keyB.
 */
export const parseShareUrl = (shareUrl: unknown, field = 'shareUrl'): [slug: string, keyB: string] => {
  let slug = '', keyB = '';
  try {
    const u = new URL(shareUrl as string);
    slug = u.pathname.split('/').filter(Boolean).pop() ?? '';
    keyB = u.hash.slice(1);
  } catch {
    // reported below
  }
  const bad = new Invalid();
  bad.add(field, !/^[\w-]{1,64}$/.test(slug) ? 'must be a share URL (https://.../s/SLUG#KEY)' : /^[A-Za-z0-9]{24}$/.test(keyB) ? '' : 'has no valid key after #: was the link cut?');
  bad.throw();
  return [slug, keyB];
};

/**
 * Opens a secret as its recipient and consumes one view: fetches the
 * ciphertext from the configured `apiUrl` (not the link's host) and decrypts
 * it with keyB from the link's fragment, which never leaves the browser.
 * Rejects with PermissionError (code PASSWORD_REQUIRED, INVALID_OTP...) when
 * a gate is not passed, NotFoundError when the secret is gone, CryptoError
 * when the key does not open it.
 * @example const { content, attachments } = await Sharokey.reveal(location.href, { password });
 */
export const reveal = async (cfg: Config, shareUrl: string, o: RevealOptions = {}): Promise<Revealed> => {
  const [slug, keyB] = parseShareUrl(shareUrl);
  const { password, otp, captchaToken, signal } = o ?? {};
  const bad = new Invalid();
  bad.opt('password', password, text(1, LIMITS.password[1]));
  bad.opt('otp', otp, text(1, 32));
  bad.opt('captchaToken', captchaToken, text(1, 4096));
  bad.throw();
  const { data: s } = await request(cfg, `/public/secrets/${slug}/open`, {
    method: 'POST', auth: false, signal,
    body: { password, otp, captcha_token: captchaToken },
  });
  const key = await deriveKey(s.key + keyB, fromBase64(s.salt));
  const files = await Promise.all(
    // A secret made by the official script has no attachment iv: it used the content iv.
    (s.attachments ?? []).map(async (a: { name: string; data: string; iv?: string }) => new File([await open(key, a.iv ?? s.iv, a.data)], a.name)),
  );
  return { content: new TextDecoder().decode(await open(key, s.iv, s.content)), message: isText(s.message) ? s.message : null, attachments: files };
};
