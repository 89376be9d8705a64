import { NotFoundError } from '../errors.ts';
import { newRequestKeys, openSealed, sealTo } from '../crypto/exchange.ts';
import { LIMITS } from '../limits.ts';
import { request, type Config } from '../transport/request.ts';
import type { CreatedRequest, OpenedRequest, Page, Range, RequestFilters, RequestOptions, RequestStats, Responded, RespondOptions, SecretRequest, WithSignal } from '../types.ts';
import { email, int, Invalid, oneOf, text } from '../validate.ts';
import { checkCreate, encryptSecret, page, query, segment } from './secrets.ts';
import { rangeQuery } from './stats.ts';
import { reveal } from './reveal.ts';

/** Token (last path segment) and key (fragment) of a request or inbox link; nothing else is read. */
const parseLink = (url: unknown, field: string, needKey: boolean): [token: string, key: string] => {
  let u: URL | undefined;
  try {
    u = new URL(url as string);
  } catch {
    // reported below
  }
  const token = u?.pathname.split('/').filter(Boolean).pop() ?? '';
  const key = u?.hash.slice(1) ?? '';
  const bad = new Invalid();
  bad.add(field, !/^[\w-]{1,64}$/.test(token) ? 'must be a request link' : needKey && !/^[\w-]{100,400}$/.test(key) ? 'has no valid key after #: was the link cut?' : '');
  bad.throw();
  return [token, key];
};

/**
 * Asks someone for a secret. Makes an ECDH P-256 key pair in this browser,
 * sends only the public key, and resolves to the request with `url` (for the
 * responder) and `inbox_url` (for you: its fragment holds the private key).
 * @example const { url, inbox_url } = await Sharokey.createRequest({ message: 'VPN password please', emailTo: 'ops@example.com' });
 */
export const createRequest = async (cfg: Config, o: RequestOptions = {}): Promise<CreatedRequest> => {
  const bad = new Invalid();
  const t = text(0, LIMITS.text);
  bad.add('options', o && typeof o == 'object' ? '' : 'must be an object');
  o ??= {};
  bad.opt('message', o.message, t);
  bad.opt('description', o.description, t);
  bad.opt('emailTo', o.emailTo, email);
  bad.opt('emailReply', o.emailReply, email);
  bad.opt('locale', o.locale, oneOf('en', 'fr'));
  bad.opt('secretExpirationHours', o.secretExpirationHours, int(LIMITS.hours));
  bad.opt('requestExpirationHours', o.requestExpirationHours, int(LIMITS.hours));
  bad.opt('maximumViews', o.maximumViews, int(LIMITS.views));
  bad.throw();
  const [publicKey, privateKey] = await newRequestKeys();
  const { data } = await request(cfg, '/requests', {
    method: 'POST',
    signal: o.signal,
    body: {
      message: o.message, description: o.description, email_to: o.emailTo, email_reply: o.emailReply, locale: o.locale,
      secret_expiration_hours: o.secretExpirationHours, request_expiration_hours: o.requestExpirationHours, maximum_views: o.maximumViews,
      public_key: publicKey,
    },
  });
  const r: SecretRequest = data.request ?? data;
  return { ...r, inbox_url: new URL('/i/' + r.token, r.url) + '#' + privateKey };
};

/** The company's secret requests. */
export const listRequests = async (cfg: Config, f: RequestFilters = {}): Promise<Page<SecretRequest>> => {
  f ??= {};
  const bad = new Invalid();
  bad.opt('status', f.status, oneOf('active', 'completed', 'expired'));
  bad.opt('limit', f.limit, int([1, 100]));
  bad.opt('page', f.page, int([1, 1e9]));
  bad.opt('creator', f.creator, email);
  bad.opt('search', f.search, text(0, LIMITS.text));
  bad.throw();
  return page(await request(cfg, '/requests' + query({ ...f }), { signal: f.signal }));
};

/** One request by its token. */
export const getRequest = async (cfg: Config, token: string, o: WithSignal = {}): Promise<SecretRequest> =>
  (await request(cfg, '/requests/' + segment('token', token), { signal: o?.signal })).data;

/** Expires (cancels) a request; resolves to true, also when it was already closed. */
export const deleteRequest = async (cfg: Config, token: string, o: WithSignal = {}): Promise<true> =>
  !!(await request(cfg, '/requests/' + segment('token', token), { signal: o?.signal, method: 'DELETE' })) as true;

/** Counts of the company's requests, optionally for those created between `from` and `to`. */
export const requestStats = async (cfg: Config, r: Range = {}): Promise<RequestStats> =>
  (await request(cfg, '/requests-stats' + rangeQuery(r), { signal: r?.signal })).data;

/**
 * Answers a request as its responder (no token needed): encrypts `content`
 * here as create() does, seals keyB to the requester's public key, and sends
 * both. The server never sees the plaintext nor keyB.
 * @example await Sharokey.respond(location.href, 'the VPN password');
 */
export const respond = async (cfg: Config, requestUrl: string, content: string, o: RespondOptions = {}): Promise<Responded> => {
  const [token] = parseLink(requestUrl, 'requestUrl', false);
  // Check the input before the first request; the real limits come from the request.
  checkCreate(content, 1, 1, o);
  const { data: req } = await request(cfg, `/public/requests/${token}`, { auth: false, signal: o?.signal });
  if (!req.public_key) throw new NotFoundError('This request has no public key: it cannot be answered with zero knowledge', { code: 'NO_PUBLIC_KEY' });
  const { body, k } = await encryptSecret(content, req.secret_expiration_hours ?? 24, req.maximum_views ?? 1, o ?? {});
  body.sealed_key = await sealTo(req.public_key, token, k.slice(8));
  return (await request(cfg, `/public/requests/${token}/respond`, { method: 'POST', auth: false, signal: o?.signal, body })).data;
};

/**
 * Opens the answer of your request from its `inbox_url`: unseals keyB with the
 * private key of the link's fragment and reveals the secret (one view).
 * Rejects with NotFoundError (code REQUEST_PENDING) while it is unanswered.
 */
export const openRequest = async (cfg: Config, inboxUrl: string, o: WithSignal = {}): Promise<OpenedRequest> => {
  const [token, privateKey] = parseLink(inboxUrl, 'inboxUrl', true);
  const r: SecretRequest = (await request(cfg, '/requests/' + token, { signal: o?.signal })).data;
  if (!r.sealed_key || !r.secret_url) throw new NotFoundError('This request has not been answered yet', { code: 'REQUEST_PENDING' });
  const keyB = await openSealed(privateKey, token, r.sealed_key);
  return { ...(await reveal(cfg, r.secret_url + '#' + keyB, o)), request: r };
};
