import type { Context, MiddlewareHandler } from 'hono';
import { apiError } from './errors.js';

export interface RespondentCorsOptions {
  /** survey id → allowed origins; the `*` key applies to every survey; an origin `*` allows any. */
  allowedOrigins: Readonly<Record<string, readonly string[]>>;
  /**
   * The collector's own origins, from configuration (read per request: the server learns its port
   * only once listening). Requests from them pass without being listed.
   */
  ownOrigins?: () => readonly string[];
  /** The survey id of a request (default: the `:id` path parameter). */
  surveyOf?: (c: Context) => string;
}

/**
 * CORS for the respondent API with a per-survey allowlist (taken from the `:id` path parameter).
 * Requests without `Origin` (curl, server-to-server) and requests from the collector's configured
 * public origin (the hosted survey page) pass; `Host` is never trusted for this, since any client
 * can send `Host: evil.example` with `Origin: http://evil.example`. A foreign origin not on the list gets 403 `origin_not_allowed` — for the POST itself
 * too, since CORS alone would only hide the answer after the response was stored. Never sets
 * credentials: the API uses no cookies.
 *
 * @example
 * app.use('/v1/surveys/:id/*', respondentCors({ allowedOrigins: { '*': ['https://mintrud.example.ru'] } }));
 */
export function respondentCors(opts: RespondentCorsOptions): MiddlewareHandler {
  const lists = new Map(
    Object.entries(opts.allowedOrigins).map(([k, v]) => [
      k,
      new Set(v.map((o) => o.replace(/\/+$/, ''))),
    ]),
  );
  const allowed = (surveyId: string, origin: string): boolean => {
    for (const set of [lists.get(surveyId), lists.get('*')]) {
      if (set && (set.has('*') || set.has(origin))) return true;
    }
    return false;
  };
  return async (c, next) => {
    const origin = c.req.header('origin');
    if (origin === undefined) return next();
    // `Origin: null` (sandboxed frames, file://) never equals a configured origin.
    const sameOrigin = opts.ownOrigins?.().includes(origin) ?? false;
    const id = opts.surveyOf ? opts.surveyOf(c) : (c.req.param('id') ?? '');
    if (!sameOrigin && !allowed(id, origin)) {
      return apiError(c, 403, 'origin_not_allowed', `Origin ${origin} may not use survey "${id}"`);
    }
    c.header('Access-Control-Allow-Origin', origin);
    c.header('Vary', 'Origin');
    if (c.req.method === 'OPTIONS') {
      c.header('Access-Control-Allow-Methods', 'GET, POST, OPTIONS');
      c.header('Access-Control-Allow-Headers', 'Content-Type, If-None-Match');
      c.header('Access-Control-Max-Age', '600');
      return c.body(null, 204);
    }
    c.header('Access-Control-Expose-Headers', 'ETag, Retry-After');
    await next();
  };
}
