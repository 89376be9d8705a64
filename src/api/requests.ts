import { CryptoError, NotFoundError, shaped, ValidationError } from '../errors.ts';
import { newRequestKeys, openSealed, sealTo } from '../crypto/exchange.ts';
import { subtle } from '../crypto/keys.ts';
import { LIMITS } from '../limits.ts';
import { anonymous, request, webUrl, type Config } from '../transport/request.ts';
import type { CreatedRequest, OpenedRequest, Page, Range, RequestFilters, RequestOptions, RequestStats, Responded, RespondOptions, RevealOptions, SecretRequest, WithSignal } from '../types.ts';
import { checkOptions, email, int, keys, oneOf, parseLink, snake } from '../validate.ts';
import { at, checkCreate, encryptSecret, filters, note, page, query } from './secrets.ts';
import { range } from './stats.ts';
import { openShare, REVEAL, shareLink } from './reveal.ts';

const REQUEST = {
  message: note,
  description: note,
  emailTo: email,
  emailReply: email,
  locale: oneOf('en', 'fr'),
  secretExpirationHours: int(LIMITS.hours),
  requestExpirationHours: int(LIMITS.hours),
  maximumViews: int(LIMITS.views),
};

/**
 * Asks someone for a secret. Makes an ECDH P-256 key pair in this browser,
 * sends only the public key, and resolves to the request with `url` (for the
 * responder) and `inbox_url` (for you: its fragment holds the private key).
 * @example const { url, inbox_url } = await Sharokey.createRequest({ message: 'VPN password please', emailTo: 'ops@example.com' });
 */
export const createRequest = async (cfg: Config, o?: RequestOptions): Promise<CreatedRequest> => {
  checkOptions(o, REQUEST);
  const [publicKey, privateKey] = await newRequestKeys();
  const body: Record<string, unknown> = { public_key: publicKey };
  // The wire fields are the snake_case of the options.
  for (const k of keys(REQUEST)) body[snake(k)] = o?.[k];
  const { data } = await request(cfg, '/requests', o, 'POST', body);
  const r: SecretRequest = data.request ?? data;
  // The responder's page, whole (a relative or missing url: at the API's origin, /r/TOKEN), an
  // http(s) one only; the inbox page lives at its origin. public_key: the key made here, not the
  // server's echo, so that it can be compared out of band.
  const url = webUrl(r.url ?? '/r/' + r.token, cfg.apiUrl);
  return { ...r, url: '' + url, public_key: publicKey, inbox_url: new URL('/i/' + r.token, url.origin) + '#' + privateKey };
};

/** The company's secret requests, newest first. */
export const listRequests = async (cfg: Config, f?: RequestFilters): Promise<Page<SecretRequest>> => {
  checkOptions(f, filters('active', 'completed', 'expired'));
  return page(await request(cfg, '/requests' + query(f), f));
};

/** One request by its token. */
export const getRequest = async (cfg: Config, token: string, o?: WithSignal): Promise<SecretRequest> =>
  (await request(cfg, at('/requests/', 'token', token, o), o)).data;

/** Expires (cancels) a request; resolves to true, also when it was already closed. */
export const deleteRequest = async (cfg: Config, token: string, o?: WithSignal): Promise<true> =>
  !!(await request(cfg, at('/requests/', 'token', token, o), o, 'DELETE')) as true;

/** Counts of the company's requests, optionally of those created between `from` and `to`. */
export const requestStats = async (cfg: Config, r?: Range): Promise<RequestStats> =>
  (await request(cfg, '/requests-stats' + range(r), r)).data;

/**
 * Answers a request as its responder (no token needed): encrypts `content`
 * here as create() does, seals keyB to the requester's public key, and sends
 * both. The server never sees the plaintext nor keyB.
 * @example await Sharokey.respond(location.href, 'the VPN password');
 */
export const respond = async (cfg: Config, requestUrl: string, content: string, o?: RespondOptions): Promise<Responded> => {
  const [token] = parseLink(requestUrl, 'requestUrl');
  subtle();
  // Check the input before the first request; the real limits come from the request.
  checkCreate(content, 1, 1, o);
  const pub = anonymous(cfg);
  const { data: r } = await request(pub, `/public/requests/${token}`, o);
  const key = r.public_key;
  if (!key) throw new NotFoundError('This request has no public key: ask for a new one', { code: 'NO_PUBLIC_KEY' });
  // A server that put its own key in the request could read keyB: checked against the one the
  // requester gave, strictly (a server's ['KEY'] is no 'KEY').
  if (o?.publicKey && o.publicKey !== key) throw new CryptoError("publicKey is not the request's key: nothing was sent", { code: 'KEY_MISMATCH' });
  // The caller's input is checked (above); the request's hours and views are the server's, for it to judge.
  const { body, k } = await encryptSecret(content, r.secret_expiration_hours ?? 24, r.maximum_views ?? 1, o, 1);
  body.sealed_key = await sealTo(key, token, k.slice(8));
  // (A success without data fails here, as the other answers read: a TypeError, made a NetworkError.)
  const { data: { ...answer } } = await request(pub, `/public/requests/${token}/respond`, o, 'POST', body);
  return answer;
};

/**
 * Opens the answer to your request from its `inbox_url`: unseals keyB with the
 * private key of the link's fragment, then reveals the secret (one view).
 * Rejects with NotFoundError: code REQUEST_PENDING while it is open and unanswered (try again
 * later), REQUEST_CLOSED when no answer will ever open (expired, cancelled, or answered
 * without a sealed key, or without the public key it was sealed to: a poller stops).
 */
export const openRequest = async (cfg: Config, inboxUrl: string, o?: RevealOptions): Promise<OpenedRequest> => {
  // The fragment is the private scalar d; links of an earlier version add `.x.y`, read from the request now.
  const [token, privateKey] = parseLink(inboxUrl, 'inboxUrl', /^[\w-]{43}(\.[\w-]{43}\.[\w-]{43})?$/);
  subtle(); // no WebCrypto: said as such, not as a broken link
  // reveal()'s options too, checked before the request is read: nothing is sent when they are bad.
  checkOptions(o, REVEAL);
  const r: SecretRequest = (await request(cfg, '/requests/' + token, o)).data;
  // Open (try again later), or closed for good: expired, cancelled, or answered without a sealed key
  // (or without the key it was sealed to, or the answer's link).
  const open = r.status == 'active';
  if (!r.sealed_key || !r.public_key || !r.secret_url) throw new NotFoundError(open ? 'No answer yet: try again later' : 'No answer will open: the request is ' + r.status, { code: open ? 'REQUEST_PENDING' : 'REQUEST_CLOSED' });
  let link;
  try {
    link = shareLink(r.secret_url + '#' + (await openSealed(privateKey.slice(0, 43), r.public_key, token, r.sealed_key)));
  } catch (e) {
    // A link the server made that is not one (or a key it sealed that is not keyB): the server's fault, not the caller's input.
    throw e instanceof ValidationError ? shaped(e, 1) : e;
  }
  return { ...(await openShare(cfg, link, o)), request: r };
};
