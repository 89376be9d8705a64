/**
 * The mock Sharokey API over node:http. One request goes: read the body
 * (16 MiB limit) -> log it -> preflight? -> injected fault? -> page? ->
 * route: rate limit, authentication, scope, handler -> envelope with CORS.
 *
 * @example
 *   const mock = await startMock({ port: 0, fixtures: 'e2e/fixtures/mock.json' });
 *   await fetch(`${mock.url}/health`);   // mock.url = http://127.0.0.1:PORT/api/v1
 *   await mock.close();
 */
import { createServer, STATUS_CODES, type IncomingMessage, type ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { authenticate, bearerToken, companyFor, findToken, requireScope } from './auth.ts';
import { matches, playFault, type Fault, type Later } from './faults.ts';
import { loadFixtures, type Fixtures } from './fixtures.ts';
import { ApiError, BODY_LIMIT, CORS_HEADERS, errorReply, linger, PREFLIGHT_HEADERS, readBody, send, utf8, type Reply } from './http.ts';
import { logEntry } from './log.ts';
import { isPage, pageReply } from './pages.ts';
import { makeCtx, Router, type Route } from './router.ts';
import { controlRoutes } from './routes/controls.ts';
import { recipientRoutes } from './routes/recipient.ts';
import { requestRoutes } from './routes/requests.ts';
import { secretRoutes } from './routes/secrets.ts';
import { statsRoutes } from './routes/stats.ts';
import { MockState } from './state.ts';
import { iso } from './store.ts';

export interface MockOptions {
  /** 0 picks a free port. Default 8787. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** A fixtures object, a JSON file path, or nothing for the built-in demo. */
  fixtures?: Fixtures | string;
}

export interface RunningMock {
  /** The API base URL, e.g. `http://127.0.0.1:8787/api/v1`. */
  url: string;
  /** `http://127.0.0.1:8787`: pages live at `/s/{slug}` and `/r/{token}`. */
  origin: string;
  close(): Promise<void>;
}

const API_PREFIX = '/api/v1';

/** Starts a mock server; resolves once it listens. */
export async function startMock(options: MockOptions = {}): Promise<RunningMock> {
  const state = new MockState(loadFixtures(options.fixtures));
  const router = new Router([...controlRoutes, ...secretRoutes, ...recipientRoutes, ...requestRoutes, ...statsRoutes]);
  // The timers of delayed faults not yet fired, cleared on close; each leaves the set when it fires.
  const timers = new Set<NodeJS.Timeout>();
  const later = (run: () => void, ms: number): void => {
    const timer = setTimeout(() => (timers.delete(timer), run()), ms);
    timers.add(timer);
  };

  // Per connection, the answers not yet written (pipelined requests queue theirs).
  const owed = new WeakMap<Duplex, Set<ServerResponse>>();
  // Without a Host header a request is still answered as the API answers (Node would send a bare 400).
  const server = createServer({ requireHostHeader: false }, (req, res) => {
    const answers = owed.get(req.socket) ?? new Set();
    owed.set(req.socket, answers.add(res));
    res.once('close', () => answers.delete(res));
    handle(state, router, req, res, later).catch((error: unknown) => {
      console.error('sharokey-mock: unexpected failure', error);
      send(res, errorReply(new ApiError(500, 'SERVER_ERROR', 'Internal mock error')));
    });
  });
  // A request Node cannot parse (a bad request line, a header too large, a body
  // framed two ways) never reaches handle(): answer it as the API answers, a JSON envelope.
  // Bytes after whole requests on a keep-alive connection (pipelined): their answers go out
  // first, in order, and this one after them.
  server.on('clientError', (error: NodeJS.ErrnoException, socket: Duplex) => {
    const current = (socket as Duplex & { _httpMessage?: ServerResponse })._httpMessage;
    // The answers owed to requests that arrived whole before the bad bytes.
    const before = [...(owed.get(socket) ?? [])].filter((res) => res.req.complete);
    if (error.code === 'ECONNRESET' || !socket.writable || (!before.length && current?.headersSent)) return void socket.destroy();
    const status = error.code === 'HPE_HEADER_OVERFLOW' ? 431 : error.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
    const code = status === 408 ? 'REQUEST_TIMEOUT' : 'VALIDATION_ERROR';
    const message = status === 431 ? 'The request headers are too large' : status === 408 ? 'The request took too long to arrive' : 'The request is not valid HTTP';
    const answer = (): void => void (socket.writable ? rawError(socket, status, code, message) : socket.destroy());
    let left = before.length;
    for (const res of before) res.once('close', () => --left || answer());
    if (!left) answer();
  });
  // Expect: 100-continue with a body over the limit: the 413 at once, without inviting the upload.
  server.on('checkContinue', (req: IncomingMessage, res: ServerResponse) => {
    if (!(Number(req.headers['content-length']) > BODY_LIMIT)) res.writeContinue();
    server.emit('request', req, res);
  });
  // An Expect other than 100-continue: Node would answer a bare 417; answer it as the API answers.
  server.on('checkExpectation', (req: IncomingMessage, res: ServerResponse) => {
    const target = requestTarget(req.url);
    // Logged as any request (its body, never read, as none), unless it is a control's.
    if (!isControl(apiPathOf(urlOf(target).pathname))) state.record(logEntry((req.method ?? 'GET').toUpperCase(), target, req.headersDistinct, '', iso(state.store.now()), state.fixtures.tokens.keys()));
    send(res, errorReply(new ApiError(417, 'EXPECTATION_FAILED', 'Only "Expect: 100-continue" is supported')));
  });
  // CONNECT (a proxy's tunnel) bypasses the request handler: refuse it as any other method.
  server.on('connect', (_req: IncomingMessage, socket: Duplex) => {
    socket.on('error', () => {});
    rawError(socket, 405, 'METHOD_NOT_ALLOWED', 'CONNECT is not supported');
  });
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 8787, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const origin = `http://${urlHost(host)}:${port}`;
  return {
    url: `${origin}${API_PREFIX}`,
    origin,
    close: () =>
      new Promise<void>((resolve) => {
        for (const timer of timers) clearTimeout(timer);
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

/** A JSON error written straight to a socket that has no ServerResponse, then closed. */
function rawError(socket: Duplex, status: number, code: string, message: string): void {
  const body = JSON.stringify({ success: false, error: { code, message } });
  socket.end(`HTTP/1.1 ${status} ${STATUS_CODES[status]}\r\nContent-Type: application/json; charset=utf-8\r\nContent-Length: ${Buffer.byteLength(body)}\r\n`
    + `Access-Control-Allow-Origin: *\r\nAccess-Control-Expose-Headers: ${CORS_HEADERS['Access-Control-Expose-Headers']}\r\nCache-Control: no-store\r\nConnection: close\r\n\r\n${body}`);
}

/** How a listening host is written in a URL (a wildcard is reached on loopback). */
function urlHost(host: string): string {
  if (host === '0.0.0.0' || host === '') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}

async function handle(state: MockState, router: Router, req: IncomingMessage, res: ServerResponse, later: Later): Promise<void> {
  req.on('error', () => {});
  res.on('error', () => {});
  const method = (req.method ?? 'GET').toUpperCase();
  const target = requestTarget(req.url);
  const url = urlOf(target);
  const apiPath = apiPathOf(url.pathname);
  const control = isControl(apiPath);
  // A page of the origin root (the viewer, the responder, their scripts); `/secrets` is the API's.
  const onPage = apiPath === url.pathname && isPage(url.pathname);

  const read = await readBody(req);
  // A request whose body never came whole was never made: not logged, not counted, not
  // answered (its socket is gone, or the request timeout answers it with a 408).
  if (read === 'aborted') return void res.destroy();
  const bytes = read;
  const text = bytes && utf8(bytes);
  const body = text ?? bytes?.toString('utf8') ?? '';
  if (!control) state.record(logEntry(method, target, req.headersDistinct, body, iso(state.store.now()), state.fixtures.tokens.keys()));
  // Refused before any route runs (though still counted against the token): too large, or not UTF-8.
  const refused = !bytes ? new ApiError(413, 'PAYLOAD_TOO_LARGE', `The request body is over the ${BODY_LIMIT / 1024 / 1024} MiB limit`)
    : text === null ? new ApiError(400, 'VALIDATION_ERROR', 'The request body is not valid UTF-8') : undefined;
  if (!bytes) linger(req, res);
  if (refused && (control || onPage)) return send(res, errorReply(refused));
  // A fault first: one that names OPTIONS hits preflights (faults.ts: no other does). Never a
  // page or the script: the controls take no token, and a page of another origin could
  // otherwise put its own viewer, with its own script, where share links open.
  const fault = control || onPage ? undefined : takeFault(state, method, target);
  if (fault) return playFault(fault, res, later);
  if (method === 'OPTIONS') return send(res, { status: 204, headers: PREFLIGHT_HEADERS });

  let reply: Reply;
  try {
    const page = onPage ? pageReply(method, url.pathname) : null;
    if (page) {
      reply = page;
    } else {
      const match = router.match(method, apiPath);
      if ('error' in match) throw match.error;
      // Too large or not UTF-8 for a known route: still rate-limited and counted against its token, like any answer.
      // At one instant of the mock clock: the answer's statuses agree with its filters.
      reply = state.store.at(() => runRoute(state, match.route, req, match.params, url.searchParams, body, refused));
    }
  } catch (error) {
    if (!(error instanceof ApiError)) throw error;
    reply = errorReply(error);
  }
  send(res, reply);
}

/** A path under the API prefix without it (`/api/v1/secrets` -> `/secrets`); any other as it is (the root aliases). */
const apiPathOf = (path: string): string =>
  path === API_PREFIX || path.startsWith(`${API_PREFIX}/`) ? path.slice(API_PREFIX.length) || '/' : path;

/**
 * A request target as a URL, concatenated, not resolved (`//x` is a path here, not a host), its
 * empty path segments dropped as the router drops them: `//api/v1//health` is `/api/v1/health`,
 * `//_mock/fault` the control.
 */
function urlOf(target: string): URL {
  const url = new URL(`http://mock.invalid${target}`);
  url.pathname = url.pathname.replace(/\/{2,}/g, '/');
  return url;
}

/** A test control's path. */
const isControl = (apiPath: string): boolean => /^\/_mock(\/|$)/.test(apiPath);

/**
 * The path and query of a request line: its origin form (`/path?q`), or the
 * absolute form a client may send (`http://host/path?q`, RFC 9112 3.2.2).
 */
function requestTarget(raw = '/'): string {
  if (raw.startsWith('/')) return raw;
  try {
    const u = new URL(raw);
    if (/^https?:$/.test(u.protocol)) return u.pathname + u.search;
  } catch {
    // `*` (OPTIONS) or no URL at all: the root
  }
  return '/';
}

/** The next queued fault for this request, counted down. */
function takeFault(state: MockState, method: string, target: string): Fault | undefined {
  const index = state.faults.findIndex((f) => matches(f, method, target));
  if (index < 0) return undefined;
  const fault = state.faults[index]!;
  if (--fault.times <= 0) state.faults.splice(index, 1);
  return fault;
}

/** Rate limit, then `refused` (a body over the limit), then who is calling, then the handler; counts the answer against the token. */
function runRoute(state: MockState, route: Route, req: IncomingMessage, params: Record<string, string>, query: URLSearchParams, body: string, refused?: ApiError): Reply {
  const socketIp = req.socket.remoteAddress ?? 'unknown';
  const forwarded = String(req.headers['x-forwarded-for'] ?? '').split(',')[0]!.trim();
  const origin = originOf(req);
  const clientIp = forwarded || socketIp;
  const access = route.access;
  // Free routes are the controls, whose 413 or 400 handle() answers before routing.
  if (access.kind === 'free') return guarded(() => route.handler(makeCtx(state, req, params, query, body, null, origin, clientIp)));

  const token = access.kind === 'token' ? bearerToken(req.headers.authorization) : null;
  const entry = token === null ? undefined : findToken(state.fixtures, token);
  const verdict = state.limiter.take(entry ? `token:${entry.token}` : `address:${socketIp}`);
  const limitHeaders: Record<string, string> = { 'X-RateLimit-Limit': String(state.limiter.limit) };
  let reply: Reply;
  if (!verdict.allowed) {
    reply = errorReply(new ApiError(429, 'RATE_LIMIT_EXCEEDED', 'Too many requests. Please try again later.', undefined, {
      'Retry-After': String(verdict.retryAfter),
      'X-RateLimit-Remaining': '0',
    }));
  } else {
    limitHeaders['X-RateLimit-Remaining'] = String(verdict.remaining);
    reply = guarded(() => {
      if (refused) throw refused;
      let principal = null;
      if (access.kind === 'token') {
        principal = authenticate(state.fixtures, req.headers.authorization, companyHeader(req), state.store.now());
        requireScope(principal, access.scope);
      }
      return route.handler(makeCtx(state, req, params, query, body, principal, origin, clientIp));
    });
  }
  const company = entry && companyFor(entry, companyHeader(req)).companyId;
  if (entry && company !== undefined) state.usage.record(entry.token, company, reply.status, state.store.now());
  return { ...reply, headers: { ...limitHeaders, ...reply.headers } };
}

function guarded(run: () => Reply): Reply {
  try {
    return run();
  } catch (error) {
    if (error instanceof ApiError) return errorReply(error);
    throw error;
  }
}

const companyHeader = (req: IncomingMessage): string | undefined => {
  const value = req.headers['x-sharokey-company'];
  return Array.isArray(value) ? value[0] : value;
};

/** `http://` + the Host the client used (if it looks like a host), else the socket's own address. */
function originOf(req: IncomingMessage): string {
  const host = req.headers.host;
  if (host && /^[A-Za-z0-9.\-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/.test(host)) return `http://${host}`;
  const { localAddress, localPort } = req.socket;
  return `http://${urlHost(localAddress ?? '127.0.0.1')}:${localPort}`;
}
