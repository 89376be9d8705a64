/**
 * Secret requests: a requester asks, a responder answers through a public
 * URL, and the answer becomes a secret of the requester's company.
 */
import { LIMITS } from '../../src/limits.ts';
import { Fields } from '../fields.ts';
import { notFound, ok } from '../http.ts';
import { listQuery, matchesSearch, paginate } from '../listing.ts';
import type { Ctx, Route } from '../router.ts';
import { accessUrl, publicRequest, requestObject, requestUrl } from '../shapes.ts';
import { HOUR, iso, type RequestRecord } from '../store.ts';
import { validateSecret } from '../validate.ts';
import { storeSecret } from './secrets.ts';

/** Opaque to the server: it stores them and hands them back. */
const PUBLIC_KEY_MAX = 200;
const SEALED_KEY_MAX = 1024;

const SUBJECT = {
  en: 'A secret has been requested from you',
  fr: 'Un secret vous a été demandé',
};
const INTRO = {
  en: 'Someone asks you to send them a secret. Open this link to answer; your browser encrypts it before it leaves:',
  fr: 'Quelqu’un vous demande de lui transmettre un secret. Ouvrez ce lien pour répondre ; votre navigateur le chiffre avant l’envoi :',
};

function createRequest(ctx: Ctx): RequestRecord {
  const f = new Fields(ctx.body());
  const message = f.text('message', LIMITS.text);
  const description = f.text('description', LIMITS.text);
  const emailTo = f.email('email_to');
  const emailReply = f.email('email_reply');
  const locale = f.given('locale') ? f.raw('locale') : 'en';
  if (locale !== 'en' && locale !== 'fr') f.fail('locale', 'The locale must be "en" or "fr".');
  const secretHours = f.int('secret_expiration_hours', LIMITS.hours[0], LIMITS.hours[1], 24);
  const requestHours = f.int('request_expiration_hours', LIMITS.hours[0], LIMITS.hours[1], 48);
  const views = f.int('maximum_views', LIMITS.views[0], LIMITS.views[1], 1);
  const publicKey = f.base64('public_key', false, () => true, 'base64');
  if (publicKey !== null && publicKey.length > PUBLIC_KEY_MAX) f.fail('public_key', `The public_key may not be longer than ${PUBLIC_KEY_MAX} characters.`);
  f.done();

  const { store } = ctx.state;
  const { entry, companyId } = ctx.caller();
  const now = store.now();
  return {
    token: store.newRequestToken(),
    companyId,
    creator: entry.user,
    message, description, emailTo, emailReply,
    locale: locale as 'en' | 'fr',
    secretExpirationHours: secretHours!,
    requestExpirationHours: requestHours!,
    maximumViews: views!,
    publicKey,
    expiration: now + requestHours! * HOUR,
    createdAt: now,
    updatedAt: now,
    deleted: false,
    completedAt: null,
    secretSlug: null,
    secretUrl: null,
    sealedKey: null,
    seq: store.nextSeq(),
  };
}

function mailRequest(ctx: Ctx, r: RequestRecord): void {
  if (r.emailTo === null) return;
  const url = requestUrl(ctx.origin, r.token);
  const body = [INTRO[r.locale], url, ...(r.message ? ['', r.message] : [])].join('\n');
  ctx.state.store.send({
    type: 'request', to: r.emailTo, reply_to: r.emailReply ?? r.creator, locale: r.locale,
    subject: SUBJECT[r.locale], body, url, request_token: r.token, created_at: iso(ctx.state.store.now()),
  });
}

function activeRequest(ctx: Ctx): RequestRecord {
  const r = ctx.state.store.request(ctx.params['token']!);
  if (!r || ctx.state.store.requestStatus(r) !== 'active') throw notFound('Request');
  return r;
}

/** The responder's answer: checked, stored as the requester's secret, and the request completed, in one step. */
function respond(ctx: Ctx): Record<string, unknown> {
  const { store } = ctx.state;
  const r = activeRequest(ctx);
  let sealedKey: string | null = null;
  const input = validateSecret(ctx.body(), { lifetime: false, extra: (f) => (sealedKey = f.text('sealed_key', SEALED_KEY_MAX)) });
  const secret = storeSecret(ctx.state, { ...input, description: r.description }, {
    companyId: r.companyId, creator: r.creator, hours: r.secretExpirationHours, views: r.maximumViews,
  });
  const now = store.now();
  Object.assign(r, { completedAt: now, updatedAt: now, secretSlug: secret.slug, secretUrl: accessUrl(ctx.origin, secret.slug), sealedKey });
  store.send({ type: 'request_completed', to: r.emailReply ?? r.creator, request_token: r.token, secret_slug: secret.slug, created_at: iso(now) });
  return { request_token: r.token, secret_slug: secret.slug, status: 'completed' };
}

export const requestRoutes: Route[] = [
  {
    method: 'POST', pattern: '/requests', access: { kind: 'token', scope: 'write' },
    handler: (ctx) => {
      const r = createRequest(ctx);
      ctx.state.store.requests.set(r.token, r);
      mailRequest(ctx, r);
      return ok({ request: requestObject(ctx.state.store, r, ctx.origin) }, 'Secret request created successfully', {}, 201);
    },
  },
  {
    method: 'GET', pattern: '/requests', access: { kind: 'token', scope: 'read' },
    handler: (ctx) => {
      const q = listQuery(ctx.query, ['active', 'completed', 'expired']);
      const { store } = ctx.state;
      const items = store.requestsOf(ctx.caller().companyId)
        .filter((r) => q.status === null || store.requestStatus(r) === q.status)
        .filter((r) => q.creator === null || r.creator.toLowerCase() === q.creator)
        .filter((r) => matchesSearch(q.search, r.message, r.description, r.emailTo, r.token))
        .map((r) => requestObject(store, r, ctx.origin));
      const { data, pagination } = paginate(items, q);
      return ok(data, 'Secret requests retrieved successfully', { pagination });
    },
  },
  {
    method: 'GET', pattern: '/requests/:token', access: { kind: 'token', scope: 'read' },
    handler: (ctx) => {
      const r = ctx.state.store.request(ctx.params['token']!, ctx.caller().companyId);
      if (!r) throw notFound('Request');
      return ok(requestObject(ctx.state.store, r, ctx.origin), 'Secret request retrieved successfully');
    },
  },
  {
    method: 'DELETE', pattern: '/requests/:token', access: { kind: 'token', scope: 'write' },
    handler: (ctx) => {
      const { store } = ctx.state;
      const r = store.request(ctx.params['token']!, ctx.caller().companyId);
      if (!r) throw notFound('Request');
      if (!r.deleted) {
        r.deleted = true;
        r.updatedAt = store.now();
        r.expiration = Math.min(r.expiration, r.updatedAt);
      }
      return ok(null, 'Secret request deleted successfully');
    },
  },
  {
    method: 'GET', pattern: '/public/requests/:token', access: { kind: 'public' },
    handler: (ctx) => ok(publicRequest(ctx.state.store, activeRequest(ctx)), 'Secret request found'),
  },
  {
    method: 'POST', pattern: '/public/requests/:token/respond', access: { kind: 'public' },
    handler: (ctx) => ok(respond(ctx), 'Secret sent to the requester', {}, 201),
  },
];
