import { createHash, timingSafeEqual } from 'node:crypto';
import type { MiddlewareHandler } from 'hono';
import { apiError } from './errors.js';

export interface AdminAuthOptions {
  /** Accepted bearer tokens. None → every admin request is refused (403). */
  tokens: readonly string[];
}

const digest = (s: string): Buffer => createHash('sha256').update(s, 'utf8').digest();
const BEARER = /^Bearer ([\x21-\x7e]+)$/;

/**
 * Guards the admin API with `Authorization: Bearer <token>`. Tokens are compared as sha-256
 * digests with `timingSafeEqual`, against every configured token without stopping early, so neither
 * timing nor length tells anything about them. 401 `unauthorized` when the header is missing or not
 * a bearer token, 403 `forbidden` when the token is wrong — the body never says which token or why.
 *
 * @example
 * app.use('/v1/admin/*', adminAuth({ tokens: ['s3cret-token'] }));
 */
export function adminAuth(opts: AdminAuthOptions): MiddlewareHandler {
  const known = opts.tokens.filter((t) => t.length > 0).map(digest);
  return async (c, next) => {
    const m = BEARER.exec(c.req.header('authorization') ?? '');
    if (!m) {
      c.header('WWW-Authenticate', 'Bearer');
      return apiError(c, 401, 'unauthorized', 'Send Authorization: Bearer <admin token>');
    }
    const presented = digest(m[1]!);
    let ok = false;
    for (const k of known) ok = timingSafeEqual(k, presented) || ok;
    if (!ok) return apiError(c, 403, 'forbidden', 'This token is not allowed');
    await next();
  };
}
