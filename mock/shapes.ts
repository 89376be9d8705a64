/**
 * How records look on the wire. Ciphertext never leaves through these:
 * only the recipient's /open answer carries it.
 */
import { iso, type RequestRecord, type SecretRecord, type Store } from './store.ts';

export const accessUrl = (origin: string, slug: string): string => `${origin}/s/${slug}`;
export const requestUrl = (origin: string, token: string): string => `${origin}/r/${token}`;

const otpType = (s: SecretRecord): 'email' | 'phone' | null =>
  s.security === 'otp_email' ? 'email' : s.security === 'otp_phone' ? 'phone' : null;

/** An item of GET /secrets. */
export function secretItem(store: Store, s: SecretRecord): Record<string, unknown> {
  const status = store.secretStatus(s);
  return {
    slug: s.slug,
    description: s.description,
    message: s.message,
    creator: s.creator,
    maximum_views: s.maximumViews,
    current_views: s.currentViews,
    expiration: iso(s.expiration),
    has_password: s.security === 'password',
    has_attachments: s.attachments.length > 0,
    attachments_count: s.attachments.length,
    is_expired: status === 'expired',
    status,
    created_at: iso(s.createdAt),
    updated_at: iso(s.updatedAt),
  };
}

/** GET /secrets/{slug}: the item plus its settings, never the ciphertext. */
export function secretDetails(store: Store, s: SecretRecord, origin: string): Record<string, unknown> {
  return {
    ...secretItem(store, s),
    expires_in_hours: s.expiresInHours,
    attachments: s.attachments.map((a) => ({ name: a.name })),
    captcha: s.security === 'captcha',
    otp_type: otpType(s),
    ip_whitelist: s.ipWhitelist,
    geolocation: s.geolocation,
    access_url: accessUrl(origin, s.slug),
  };
}

/** The 201 answer of POST /secrets. */
export function createdSecret(s: SecretRecord, origin: string): Record<string, unknown> {
  return {
    slug: s.slug,
    description: s.description,
    message: s.message,
    expires_in_hours: s.expiresInHours,
    maximum_views: s.maximumViews,
    current_views: s.currentViews,
    expiration: iso(s.expiration),
    has_password: s.security === 'password',
    has_attachments: s.attachments.length > 0,
    attachments_count: s.attachments.length,
    access_url: accessUrl(origin, s.slug),
    created_at: iso(s.createdAt),
  };
}

/** What a recipient learns before opening (GET /public/secrets/{slug}). */
export function publicSecret(s: SecretRecord): Record<string, unknown> {
  return {
    slug: s.slug,
    message: s.message,
    requires_password: s.security === 'password',
    otp_type: otpType(s),
    captcha: s.security === 'captcha',
    has_attachments: s.attachments.length > 0,
    attachments: s.attachments.map((a) => ({ name: a.name, size: a.size })),
    expiration: iso(s.expiration),
    remaining_views: s.maximumViews - s.currentViews,
  };
}

/** The request object of the authenticated routes. */
export function requestObject(store: Store, r: RequestRecord, origin: string): Record<string, unknown> {
  return {
    token: r.token,
    url: requestUrl(origin, r.token),
    status: store.requestStatus(r),
    message: r.message,
    description: r.description,
    email_to: r.emailTo,
    email_reply: r.emailReply,
    locale: r.locale,
    secret_expiration_hours: r.secretExpirationHours,
    request_expiration_hours: r.requestExpirationHours,
    maximum_views: r.maximumViews,
    public_key: r.publicKey,
    creator: r.creator,
    expiration: iso(r.expiration),
    created_at: iso(r.createdAt),
    updated_at: iso(r.updatedAt),
    completed_at: r.completedAt === null ? null : iso(r.completedAt),
    secret_slug: r.secretSlug,
    secret_url: r.secretUrl,
    sealed_key: r.sealedKey,
  };
}

/**
 * What a responder sees (GET /public/requests/{token}): what it needs, the
 * message and the limits (PROTOCOL.md). Not the description: it is the
 * requester's own label, as a secret's is, which no recipient sees either.
 */
export function publicRequest(store: Store, r: RequestRecord): Record<string, unknown> {
  return {
    token: r.token,
    message: r.message,
    locale: r.locale,
    secret_expiration_hours: r.secretExpirationHours,
    maximum_views: r.maximumViews,
    expiration: iso(r.expiration),
    status: store.requestStatus(r),
    public_key: r.publicKey,
  };
}
