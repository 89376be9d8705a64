/** The company side of secrets: create, list, details, delete. */
import { createHash } from 'node:crypto';
import { ApiError, notFound, ok } from '../http.ts';
import { listQuery, matchesSearch, paginate } from '../listing.ts';
import type { Route } from '../router.ts';
import { createdSecret, secretDetails, secretItem } from '../shapes.ts';
import type { MockState } from '../state.ts';
import { HOUR, type SecretRecord } from '../store.ts';
import { validateSecret, type SecretInput } from '../validate.ts';

export const sha256 = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

/**
 * Stores a checked secret for a company: 403 QUOTA_EXCEEDED when the
 * company already has as many active secrets as its quota allows.
 */
export function storeSecret(state: MockState, input: SecretInput, owner: { companyId: string; creator: string; hours: number; views: number }): SecretRecord {
  const { store, fixtures } = state;
  const quota = fixtures.companies.get(owner.companyId)!.quota;
  store.sweep(); // secrets that expired with real time since: their ciphertext goes
  if (store.activeSecretCount(owner.companyId) >= quota) {
    throw new ApiError(403, 'QUOTA_EXCEEDED', 'You have reached the maximum allowed secrets for your current plan.');
  }
  const now = store.now();
  const secret: SecretRecord = {
    slug: store.newSlug(),
    companyId: owner.companyId,
    creator: owner.creator,
    description: input.description,
    message: input.message,
    content: input.content,
    iv: input.iv,
    salt: input.salt,
    key: input.key,
    attachments: input.attachments,
    expiresInHours: owner.hours,
    maximumViews: owner.views,
    currentViews: 0,
    expiration: now + owner.hours * HOUR,
    createdAt: now,
    updatedAt: now,
    deleted: false,
    security: input.security,
    passwordHash: input.password === null ? null : sha256(input.password),
    otpReceiver: input.otpReceiver,
    ipWhitelist: input.ipWhitelist,
    geolocation: input.geolocation,
    otpCodes: new Map(),
    seq: store.nextSeq(),
  };
  store.secrets.set(secret.slug, secret);
  return secret;
}

export const secretRoutes: Route[] = [
  {
    method: 'POST', pattern: '/secrets', access: { kind: 'token', scope: 'write' },
    handler: (ctx) => {
      const input = validateSecret(ctx.body());
      const { entry, companyId } = ctx.caller();
      const secret = storeSecret(ctx.state, input, { companyId, creator: entry.user, hours: input.expirationHours!, views: input.maximumViews! });
      return ok(createdSecret(secret, ctx.origin), 'Secret created successfully', {}, 201);
    },
  },
  {
    method: 'GET', pattern: '/secrets', access: { kind: 'token', scope: 'read' },
    handler: (ctx) => {
      const q = listQuery(ctx.query, ['active', 'expired']);
      const { store } = ctx.state;
      const items = store.secretsOf(ctx.caller().companyId)
        .filter((s) => q.status === null || store.secretStatus(s) === q.status)
        .filter((s) => q.creator === null || s.creator.toLowerCase() === q.creator)
        .filter((s) => matchesSearch(q.search, s.description, s.message, s.slug))
        .map((s) => secretItem(store, s));
      const { data, pagination } = paginate(items, q);
      return ok(data, 'Secrets retrieved successfully', { pagination });
    },
  },
  {
    method: 'GET', pattern: '/secrets/:slug', access: { kind: 'token', scope: 'read' },
    handler: (ctx) => {
      const secret = ctx.state.store.secret(ctx.params['slug']!, ctx.caller().companyId);
      if (!secret) throw notFound('Secret');
      return ok(secretDetails(ctx.state.store, secret, ctx.origin), 'Secret retrieved successfully');
    },
  },
  {
    method: 'DELETE', pattern: '/secrets/:slug', access: { kind: 'token', scope: 'write' },
    handler: (ctx) => {
      const { store } = ctx.state;
      const secret = store.secret(ctx.params['slug']!, ctx.caller().companyId);
      if (!secret) throw notFound('Secret');
      if (!secret.deleted) {
        const now = store.now();
        store.wipe(secret);
        // PROTOCOL.md: DELETE "clears the content and attachments"; the rest of the metadata stays.
        secret.attachments.length = 0;
        secret.deleted = true;
        secret.expiration = Math.min(secret.expiration, now);
        secret.updatedAt = now;
      }
      return ok(null, 'Secret deleted successfully');
    },
  },
];
