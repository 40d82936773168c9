import type { MiddlewareHandler } from 'hono';

/** Where log lines go (stdout by default; tests capture them). */
export type LogSink = (line: string) => void;

/**
 * The path as it may be written on one log line: control characters (CR, LF, NUL, ESC …), the
 * backslash and non-ASCII line breaks are escaped as `\xNN` / `\uNNNN`, so a crafted URL
 * (`%0D%0A…`) can never forge a line or a terminal sequence.
 */
export function escapeLogText(s: string): string {
  // eslint-disable-next-line no-control-regex
  return s.replace(/[\x00-\x1f\x7f-\x9f\\\u2028\u2029]/g, (ch) => {
    const code = ch.charCodeAt(0);
    return code <= 0xff
      ? `\\x${code.toString(16).padStart(2, '0')}`
      : `\\u${code.toString(16).padStart(4, '0')}`;
  });
}

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
      `${escapeLogText(c.req.method)} ${escapeLogText(c.req.path)} ${c.res.status} ${(performance.now() - start).toFixed(1)}ms`,
    );
  };
}
