import type { MiddlewareHandler } from 'hono';

/** Where log lines go (stdout by default; tests capture them). */
export type LogSink = (line: string) => void;

/**
 * One line per request: method, path (no query string), status, milliseconds — and nothing
 * else: no address, no user agent, no referrer (docs/privacy.md).
 *
 * @example
 * app.use('*', accessLog((line) => process.stdout.write(line + '\n')));
 */
export function accessLog(sink: LogSink): MiddlewareHandler {
  return async (c, next) => {
    const start = performance.now();
    await next();
    sink(
      `${c.req.method} ${c.req.path} ${c.res.status} ${(performance.now() - start).toFixed(1)}ms`,
    );
  };
}
