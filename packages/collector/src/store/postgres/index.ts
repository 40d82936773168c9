import pg from 'pg';
import type { Db, QueryOptions } from '../db.js';

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
    query_timeout: queryTimeoutMs + 1_000,
    // Set on every new connection by the server itself, so no connection ever runs in another schema.
    ...(schema === undefined ? {} : { options: `-c search_path=${schema}` }),
  });
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
      const r =
        opts.prepare === undefined
          ? await pool.query(sql, params)
          : await pool.query({ name: opts.prepare, text: sql, values: params });
      return r.rows as T[];
    },
    async *stream<T extends object>(
      sql: string,
      params: unknown[],
      batchSize = 500,
    ): AsyncIterable<T[]> {
      const client = await pool.connect();
      const name = `otklik_cursor_${++cursorSeq}`;
      let failed = false;
      try {
        await client.query('BEGIN READ ONLY');
        await client.query(`DECLARE ${name} NO SCROLL CURSOR FOR ${sql}`, params);
        for (;;) {
          const r = await client.query(`FETCH ${Math.max(1, Math.floor(batchSize))} FROM ${name}`);
          if (r.rows.length === 0) break;
          yield r.rows as T[];
        }
      } catch (e) {
        failed = true;
        throw e;
      } finally {
        // Also reached when the consumer stops early (break / return): end the transaction either way.
        await client.query(failed ? 'ROLLBACK' : 'COMMIT').catch(() => undefined);
        client.release();
      }
    },
    async transaction<T>(fn: (tx: Pick<Db, 'query'>) => Promise<T>): Promise<T> {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const result = await fn({
          async query<R extends object>(sql: string, params: unknown[] = []): Promise<R[]> {
            return (await client.query(sql, params)).rows as R[];
          },
        });
        await client.query('COMMIT');
        return result;
      } catch (e) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw e;
      } finally {
        client.release();
      }
    },
    async close(): Promise<void> {
      await pool.end().catch(() => undefined);
    },
  };
}
