import pg from 'pg';
import type { Db, QueryOptions } from '../db.js';
import { isDbUnavailable } from '../errors.js';

export interface PostgresOptions {
  /** `postgres://user@host:5432/db` */
  connectionString: string;
  /** Pool size (default 10). */
  max?: number;
  /**
   * Schema to work in (created if missing) — every connection sets `search_path` to it. Tests use
   * one fresh schema per file; production leaves it unset (`public`).
   */
  schema?: string;
  /** Longest wait for a pooled connection (default 5 s); then the query fails as unavailable. */
  connectTimeoutMs?: number;
  /**
   * Longest a statement may run (default 15 s): the server cancels it (`statement_timeout`), and
   * the client gives up a little later if the server does not answer at all (hung, SIGSTOP).
   */
  queryTimeoutMs?: number;
}

/** `pg` reads a per-statement `query_timeout` (client-side give-up) that its types leave out. */
type TimedQuery = pg.QueryConfig & { query_timeout?: number };

const SCHEMA_NAME = /^[a-z_][a-z0-9_]{0,62}$/;
let cursorSeq = 0;

/**
 * Connects to PostgreSQL through a `pg` pool.
 *
 * @example
 * const db = await openPostgres({ connectionString: process.env.DATABASE_URL! });
 * const rows = await db.query<{ n: number }>('SELECT 1 AS n');
 */
export async function openPostgres(opts: PostgresOptions): Promise<Db> {
  const { schema } = opts;
  if (schema !== undefined && !SCHEMA_NAME.test(schema)) {
    throw new Error(`Invalid schema name ${JSON.stringify(schema)}: use a-z, 0-9, _`);
  }
  const queryTimeoutMs = opts.queryTimeoutMs ?? 15_000;
  const pool = new pg.Pool({
    connectionString: opts.connectionString,
    max: opts.max ?? 10,
    // Without these a hung server makes every request wait forever (and the pool queue grow).
    connectionTimeoutMillis: opts.connectTimeoutMs ?? 5_000,
    statement_timeout: queryTimeoutMs,
    // Set on every new connection by the server itself, so no connection ever runs in another schema.
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
  // The client's own give-up time, a little after the server's: it catches a server that does not
  // answer at all (hung, SIGSTOP). Set per statement so a migration can lift it.
  const clientTimeout = queryTimeoutMs + 1_000;
  const timed = (text: string, values?: unknown[]): TimedQuery =>
    values === undefined
      ? { text, query_timeout: clientTimeout }
      : { text, values, query_timeout: clientTimeout };

  /**
   * Ends a borrowed client's transaction and returns it. After a lost or hung connection it is
   * destroyed instead: a ROLLBACK there would wait for nothing, and the pool must not reuse it.
   */
  async function end(
    client: pg.PoolClient,
    last: 'COMMIT' | 'ROLLBACK' | undefined,
    failed: unknown,
  ): Promise<void> {
    let broken = failed !== undefined && isDbUnavailable(failed);
    if (!broken && last !== undefined) {
      await client.query(timed(last)).catch(() => {
        broken = true;
      });
    }
    client.release(broken);
  }

  // An idle client losing its server (restart, network) must not crash the process.
  pool.on('error', () => undefined);
  if (schema !== undefined) await pool.query(`CREATE SCHEMA IF NOT EXISTS ${schema}`);
  else await pool.query('SELECT 1');

  return {
    kind: 'postgres',
    async query<T extends object>(
      sql: string,
      params: unknown[] = [],
      opts: QueryOptions = {},
    ): Promise<T[]> {
      const q: TimedQuery = { text: sql, values: params, query_timeout: clientTimeout };
      if (opts.prepare !== undefined) q.name = opts.prepare;
      const r = await pool.query(q);
      return r.rows as T[];
    },
    async *stream<T extends object>(
      sql: string,
      params: unknown[],
      batchSize = 500,
    ): AsyncIterable<T[]> {
      const client = await pool.connect();
      const name = `otklik_cursor_${++cursorSeq}`;
      let failed: unknown;
      try {
        await client.query(timed('BEGIN READ ONLY'));
        await client.query(timed(`DECLARE ${name} NO SCROLL CURSOR FOR ${sql}`, params));
        for (;;) {
          const r = await client.query(
            timed(`FETCH ${Math.max(1, Math.floor(batchSize))} FROM ${name}`),
          );
          if (r.rows.length === 0) break;
          yield r.rows as T[];
        }
      } catch (e) {
        failed = e ?? new Error('stream failed');
        throw e;
      } finally {
        // Also reached when the consumer stops early (break / return): end the transaction either way.
        await end(client, failed === undefined ? 'COMMIT' : 'ROLLBACK', failed);
      }
    },
    async transaction<T>(
      fn: (tx: Pick<Db, 'query'>) => Promise<T>,
      txOpts: { unbounded?: boolean } = {},
    ): Promise<T> {
      const client = await pool.connect();
      let failed: unknown;
      try {
        await client.query(timed('BEGIN'));
        if (txOpts.unbounded) await client.query(timed('SET LOCAL statement_timeout = 0'));
        const result = await fn({
          async query<R extends object>(sql: string, params: unknown[] = []): Promise<R[]> {
            const q = timed(sql, params);
            if (txOpts.unbounded) delete q.query_timeout;
            return (await client.query(q)).rows as R[];
          },
        });
        await client.query(timed('COMMIT'));
        return result;
      } catch (e) {
        failed = e ?? new Error('transaction failed');
        throw e;
      } finally {
        await end(client, failed === undefined ? undefined : 'ROLLBACK', failed);
      }
    },
    async close(): Promise<void> {
      await pool.end().catch(() => undefined);
    },
  };
}
