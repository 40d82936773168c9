import { createHmac, randomBytes } from 'node:crypto';
import type { Context, MiddlewareHandler } from 'hono';
import { apiError } from './errors.js';

export interface RateLimitOptions {
  /** Sustained requests per second per client. */
  perSecond: number;
  /** Bucket size: requests a client may send at once. */
  burst: number;
  /**
   * The client's network address, or undefined when unknown (then one shared bucket). Only ever
   * hashed, never stored or logged.
   */
  addressOf: (c: Context) => string | undefined;
  /** Most clients tracked at once; beyond it the oldest are forgotten (memory bound). */
  maxClients?: number;
  /** Clock, for tests. */
  now?: () => number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * A token bucket per client, in memory only. The key is an HMAC of the address under a random
 * salt made at start and never written anywhere, so the map cannot be turned back into addresses
 * and dies with the process. Full buckets (idle clients) are dropped on a sweep every minute.
 * Over the limit → 429 `rate_limited` with `Retry-After` (seconds).
 *
 * @example
 * app.use('/v1/surveys/:id/responses', rateLimit({ perSecond: 5, burst: 20, addressOf: socketAddress }));
 */
export function rateLimit(opts: RateLimitOptions): MiddlewareHandler {
  const salt = randomBytes(32);
  const now = opts.now ?? Date.now;
  const maxClients = opts.maxClients ?? 100_000;
  const buckets = new Map<string, Bucket>();
  let lastSweep = now();

  function sweep(t: number): void {
    lastSweep = t;
    for (const [k, b] of buckets) {
      if (b.tokens + ((t - b.at) / 1000) * opts.perSecond >= opts.burst) buckets.delete(k);
    }
  }

  return async (c, next) => {
    const t = now();
    if (t - lastSweep > 60_000) sweep(t);
    const key = createHmac('sha256', salt)
      .update(opts.addressOf(c) ?? '')
      .digest('base64url');
    let b = buckets.get(key);
    if (!b) {
      if (buckets.size >= maxClients) {
        // Maps iterate in insertion order: the first key is the longest-tracked client.
        const oldest = buckets.keys().next().value;
        if (oldest !== undefined) buckets.delete(oldest);
      }
      b = { tokens: opts.burst, at: t };
      buckets.set(key, b);
    } else {
      b.tokens = Math.min(opts.burst, b.tokens + ((t - b.at) / 1000) * opts.perSecond);
      b.at = t;
    }
    if (b.tokens < 1) {
      c.header('Retry-After', String(Math.max(1, Math.ceil((1 - b.tokens) / opts.perSecond))));
      return apiError(c, 429, 'rate_limited', 'Too many requests from this client; retry later');
    }
    b.tokens -= 1;
    await next();
  };
}

/**
 * The peer address of the socket under @hono/node-server; undefined in `app.request()` tests.
 * With `trustProxy` the last address a reverse proxy appended to X-Forwarded-For is used instead.
 */
export function socketAddress(trustProxy = false): (c: Context) => string | undefined {
  return (c) => {
    if (trustProxy) {
      const fwd = c.req.header('x-forwarded-for');
      const last = fwd?.split(',').at(-1)?.trim();
      if (last) return last;
    }
    const env = c.env as { incoming?: { socket?: { remoteAddress?: string } } } | undefined;
    return env?.incoming?.socket?.remoteAddress;
  };
}
