/**
 * What a database error means for the caller, the same for `pg` and PGlite (both report the
 * server's SQLSTATE as `code`; `pg` adds Node's socket codes and its own timeout messages).
 *
 * - unavailable: the database cannot be reached or answer now — retrying later may work (503);
 * - data: the server refused the values of this statement (SQLSTATE class 22 data exception,
 *   class 23 integrity violation) — the same input will fail again, whatever the load (4xx).
 *
 * Errors are looked at along their `cause` chain, so wrapped errors classify like the original.
 */

/** Thrown by adapters when a statement did not get an answer in time (pool or query timeout). */
export class DbTimeoutError extends Error {
  constructor(what: string, ms: number, options?: { cause?: unknown }) {
    super(`Database ${what} took longer than ${ms} ms`, options);
    this.name = 'DbTimeoutError';
  }
}

/** SQLSTATE classes and codes that say "the server or the link is not there right now". */
const UNAVAILABLE_CLASSES = new Set(['08', '53', '57', '58']); // connection, resources, operator, system
const NODE_NET_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ENOTFOUND',
  'EAI_AGAIN',
]);
/** `pg` and PGlite report these without a code. */
const UNAVAILABLE_MESSAGES = [
  /^Connection terminated/,
  /^timeout exceeded when trying to connect/,
  /^Query read timeout/,
  /^Client has encountered a connection error/,
  /^Cannot use a pool after calling end/,
  /^PGlite is closed/,
  /^Client was closed/,
];

function* chain(e: unknown): Generator<unknown> {
  for (let i = 0; i < 8 && e !== undefined && e !== null; i++) {
    yield e;
    e = (e as { cause?: unknown }).cause;
  }
}

const codeOf = (e: unknown): string | undefined => {
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' ? code : undefined;
};

/**
 * True when the error says the database is down, unreachable, restarting, out of connections or
 * too slow to answer — a retry later may succeed.
 *
 * @example
 * try { await db.query('SELECT 1'); } catch (e) { if (isDbUnavailable(e)) return unavailable(c); throw e; }
 */
export function isDbUnavailable(err: unknown): boolean {
  for (const e of chain(err)) {
    if (e instanceof DbTimeoutError) return true;
    if ((e as { name?: unknown }).name === 'AggregateError') {
      // Node's happy-eyeballs connect reports each address's failure inside one AggregateError.
      const inner = (e as { errors?: unknown[] }).errors ?? [];
      if (inner.length > 0 && inner.every((x) => isDbUnavailable(x))) return true;
    }
    const code = codeOf(e);
    if (code !== undefined) {
      if (NODE_NET_CODES.has(code)) return true;
      // Class 57 includes 57014: cancelled by statement_timeout — the server was too slow now.
      if (/^[0-9A-Z]{5}$/.test(code) && UNAVAILABLE_CLASSES.has(code.slice(0, 2))) return true;
    }
    const message = (e as { message?: unknown }).message;
    if (typeof message === 'string' && UNAVAILABLE_MESSAGES.some((re) => re.test(message)))
      return true;
  }
  return false;
}

/**
 * True when the server refused the values themselves (SQLSTATE class 22 or 23): text with U+0000,
 * JSON with an unpaired surrogate escape, a number out of range, a foreign key to nothing. The same
 * values fail every time, so retrying is pointless.
 *
 * @example
 * if (isDbDataError(e)) return apiError(c, 422, 'unstorable', 'refused by the database');
 */
export function isDbDataError(err: unknown): boolean {
  for (const e of chain(err)) {
    const code = codeOf(e);
    if (code !== undefined && /^2[23][0-9A-Z]{3}$/.test(code)) return true;
  }
  return false;
}
