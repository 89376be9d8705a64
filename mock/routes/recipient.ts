/**
 * The recipient side (no token): look at a secret, ask for a one-time code,
 * open it. Opening checks, in order: the secret is active, the address, the
 * country, then the one protection applied; only then it consumes a view.
 */
import { timingSafeEqual } from 'node:crypto';
import { otpCode } from '../ids.ts';
import { ApiError, notFound, ok } from '../http.ts';
import { countryCode } from '../countries.ts';
import { contains, parseAddress, parseRange } from '../ip.ts';
import type { Ctx, Route } from '../router.ts';
import { publicSecret } from '../shapes.ts';
import { iso, type SecretRecord } from '../store.ts';
import { sha256 } from './secrets.ts';

/** A one-time code is good for 10 minutes of mock time, once. */
const OTP_TTL_MS = 10 * 60_000;

const deny = (code: string, message: string): ApiError => new ApiError(403, code, message);

function activeSecret(ctx: Ctx): SecretRecord {
  const secret = ctx.state.store.secret(ctx.params['slug']!);
  if (!secret || ctx.state.store.secretStatus(secret) !== 'active') throw notFound('Secret');
  return secret;
}

/** "a***@example.com", "+33*******74": enough to recognise, not to harvest. */
export function maskReceiver(receiver: string): string {
  const at = receiver.indexOf('@');
  if (at > 0) return `${receiver[0]}***${receiver.slice(at)}`;
  return `${receiver.slice(0, 3)}${'*'.repeat(Math.max(0, receiver.length - 5))}${receiver.slice(-2)}`;
}

const sameText = (a: string, b: string): boolean => {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
};

function checkPlace(ctx: Ctx, secret: SecretRecord): void {
  if (secret.ipWhitelist !== null) {
    const addr = parseAddress(ctx.clientIp);
    const inside = addr !== null && secret.ipWhitelist.split(',').some((entry) => contains(parseRange(entry)!, addr));
    if (!inside) throw deny('PERMISSION_DENIED', 'Access to this secret is not allowed from your IP address');
  }
  if (secret.geolocation !== null) {
    // Read as the secret's list is: any case of A to Z ("ß" is no "SS"); none matches nothing.
    const country = countryCode(String(ctx.req.headers['cf-ipcountry'] ?? ''));
    if (country === null || !secret.geolocation.split(',').includes(country)) throw deny('PERMISSION_DENIED', 'Access to this secret is not allowed from your country');
  }
}

function checkGate(secret: SecretRecord, body: Record<string, unknown>, now: number): void {
  const given = (v: unknown): v is string => typeof v === 'string' && v !== '';
  const { password, otp, captcha_token: captcha } = body;
  switch (secret.security) {
    case 'password':
      if (!given(password)) throw deny('PASSWORD_REQUIRED', 'This secret is protected by a password');
      if (!sameText(sha256(password), secret.passwordHash!)) throw deny('INVALID_PASSWORD', 'The password is incorrect');
      return;
    case 'otp_email':
    case 'otp_phone': {
      // Read trimmed: a blank code is no code.
      const code = typeof otp === 'number' ? String(otp).padStart(6, '0') : typeof otp === 'string' ? otp.trim() : otp;
      if (!given(code)) throw deny('OTP_REQUIRED', 'This secret needs a one-time code: ask for one first');
      const expires = secret.otpCodes.get(code);
      if (expires === undefined || expires <= now) throw deny('INVALID_OTP', 'The one-time code is incorrect or expired');
      secret.otpCodes.delete(code);
      return;
    }
    case 'captcha':
      // Blank is not given, as it is not for an OTP code (which is read trimmed); a password is read as sent.
      if (!given(typeof captcha === 'string' ? captcha.trim() : captcha)) throw deny('CAPTCHA_REQUIRED', 'This secret needs a captcha');
      return;
    case 'none':
      return;
  }
}

export const recipientRoutes: Route[] = [
  {
    method: 'GET', pattern: '/public/secrets/:slug', access: { kind: 'public' },
    // Outside ip_whitelist or geolocation, a caller learns nothing of it (not even its message).
    handler: (ctx) => {
      const secret = activeSecret(ctx);
      checkPlace(ctx, secret);
      return ok(publicSecret(secret), 'Secret found');
    },
  },
  {
    method: 'POST', pattern: '/public/secrets/:slug/otp', access: { kind: 'public' },
    handler: (ctx) => {
      const secret = activeSecret(ctx);
      // Nor can it have a code sent to the receiver.
      checkPlace(ctx, secret);
      if (secret.otpReceiver === null) {
        throw new ApiError(422, 'VALIDATION_ERROR', 'This secret is not protected by a one-time code', { otp: ['This secret is not protected by a one-time code'] });
      }
      const { store } = ctx.state;
      const code = otpCode();
      const channel = secret.security === 'otp_phone' ? 'phone' : 'email';
      // The codes that have expired go (memory stays bounded by those still valid).
      for (const [old, expires] of secret.otpCodes) if (expires <= store.now()) secret.otpCodes.delete(old);
      secret.otpCodes.set(code, store.now() + OTP_TTL_MS);
      store.send({ type: 'otp', channel, to: secret.otpReceiver, code, slug: secret.slug, created_at: iso(store.now()) });
      return ok({ sent: true, channel, to: maskReceiver(secret.otpReceiver) }, 'One-time code sent');
    },
  },
  {
    method: 'POST', pattern: '/public/secrets/:slug/open', access: { kind: 'public' },
    handler: (ctx) => {
      const { store } = ctx.state;
      const secret = activeSecret(ctx);
      // docs/mock.md's order: active, then the address and the country, then what was sent.
      checkPlace(ctx, secret);
      checkGate(secret, ctx.body(), store.now());
      // From the check above to here nothing awaits: one view per answer.
      secret.currentViews += 1;
      secret.updatedAt = store.now();
      const data = {
        content: secret.content,
        iv: secret.iv,
        salt: secret.salt,
        key: secret.key,
        attachments: secret.attachments.map((a) => ({ name: a.name, data: a.data, ...(a.iv ? { iv: a.iv } : {}), size: a.size })),
        message: secret.message,
      };
      if (secret.currentViews >= secret.maximumViews) store.wipe(secret);
      return ok(data, 'Secret opened');
    },
  },
];
