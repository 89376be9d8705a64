/**
 * The route table: method + path pattern -> handler, with who may call it.
 * Unknown path: 404; known path, other method: 405.
 */
import type { IncomingMessage } from 'node:http';
import type { Principal } from './auth.ts';
import type { Scope } from './fixtures.ts';
import { ApiError, parseObject, type Reply } from './http.ts';
import type { MockState } from './state.ts';

/**
 * token: needs a bearer token with this scope, rate-limited per token.
 * public: no token, rate-limited per client address.
 * free: no token, no rate limit (the test controls; /health is public).
 */
export type Access = { kind: 'token'; scope: Scope } | { kind: 'public' } | { kind: 'free' };

export interface Ctx {
  state: MockState;
  req: IncomingMessage;
  params: Record<string, string>;
  query: URLSearchParams;
  /** The body parsed as a JSON object (400 / 422 otherwise); `{}` when empty. */
  body(): Record<string, unknown>;
  /** The authenticated caller; only on `token` routes. */
  caller(): Principal;
  /** `http://host:port` as the client reached the mock. */
  origin: string;
  /** The recipient's address: X-Forwarded-For's first, else the socket's. */
  clientIp: string;
}

/**
 * Handlers are synchronous on purpose: a check and the write it guards
 * (a view, a completion) happen in one step, with no await between.
 */
export type Handler = (ctx: Ctx) => Reply;

export type Method = 'GET' | 'POST' | 'DELETE';

export interface Route {
  method: Method;
  /** Segments; `:name` captures one. */
  pattern: string;
  access: Access;
  handler: Handler;
}

export type Match = { route: Route; params: Record<string, string> } | { error: ApiError };

export class Router {
  constructor(private readonly routes: readonly Route[]) {}

  /** HEAD is served as GET. */
  match(method: string, path: string): Match {
    const wanted = method === 'HEAD' ? 'GET' : method;
    const segments = path.split('/').filter(Boolean);
    const allowed: string[] = [];
    for (const route of this.routes) {
      const params = capture(route.pattern, segments);
      if (!params) continue;
      if (route.method === wanted) return { route, params };
      allowed.push(...(route.method === 'GET' ? ['GET', 'HEAD'] : [route.method]));
    }
    if (allowed.length === 0) return { error: new ApiError(404, 'NOT_FOUND', `No route for ${path}`) };
    const allow = [...new Set(allowed), 'OPTIONS'].join(', ');
    return { error: new ApiError(405, 'METHOD_NOT_ALLOWED', `Method ${method} is not allowed here; use ${allow}`, undefined, { Allow: allow }) };
  }
}

function capture(pattern: string, segments: string[]): Record<string, string> | null {
  const parts = pattern.split('/').filter(Boolean);
  if (parts.length !== segments.length) return null;
  const params: Record<string, string> = {};
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i]!;
    const segment = segments[i]!;
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(segment);
      } catch {
        return null;
      }
    } else if (part !== segment) return null;
  }
  return params;
}

/** Builds a handler context; `body()` parses at most once. */
export function makeCtx(state: MockState, req: IncomingMessage, params: Record<string, string>, query: URLSearchParams, bodyText: string, principal: Principal | null, origin: string, clientIp: string): Ctx {
  let parsed: Record<string, unknown> | undefined;
  return {
    state, req, params, query, origin, clientIp,
    body: () => (parsed ??= parseObject(bodyText)),
    caller: () => {
      if (!principal) throw new Error('caller() on a route without a token');
      return principal;
    },
  };
}
