/**
 * Test-only databases for the report and export suites: an in-memory PGlite, and a real
 * PostgreSQL (TEST_DATABASE_URL) isolated in a schema of its own that is dropped on close.
 * Both apply MIGRATIONS, so the tests run the same SQL the server runs.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Db } from '../store/db.js';
import { MIGRATIONS } from '../store/migrations.js';

/** Rows come back as plain objects; timestamps as Date, jsonb parsed, as both adapters do. */
type Row = Record<string, unknown>;

export async function openPglite(): Promise<Db> {
  const lite = new PGlite();
  for (const m of MIGRATIONS) await lite.exec(m.sql);
  const db: Db = {
    kind: 'pglite',
    async query<T extends object = Row>(sql: string, params: unknown[] = []) {
      return (await lite.query<T>(sql, params)).rows;
    },
    async *stream<T extends object = Row>(sql: string, params: unknown[], batchSize = 1000) {
      // PGlite has one connection; a cursor inside a transaction keeps one batch in memory.
      await lite.query('BEGIN READ ONLY');
      try {
        await lite.query(`DECLARE otklik_cur NO SCROLL CURSOR FOR ${sql}`, params);
        for (;;) {
          const { rows } = await lite.query<T>(`FETCH ${batchSize} FROM otklik_cur`);
          if (rows.length === 0) break;
          yield rows;
        }
      } finally {
        await lite.query('COMMIT');
      }
    },
    async transaction(fn) {
      return lite.transaction((tx) =>
        fn({ query: async (sql, params = []) => (await tx.query(sql, params)).rows as never }),
      );
    },
    async close() {
      await lite.close();
    },
  };
  return db;
}

/** TEST_DATABASE_URL, or undefined: PostgreSQL suites skip with a message when it is unset. */
export const TEST_DATABASE_URL = process.env['TEST_DATABASE_URL'];

/** A PostgreSQL Db confined to a fresh schema `name` (dropped by close()). */
export async function openPostgres(url: string, name: string): Promise<Db> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
  await admin.query(`CREATE SCHEMA ${name}`);
  await admin.end();
  const pool = new pg.Pool({ connectionString: url, max: 3, options: `-c search_path=${name}` });
  for (const m of MIGRATIONS) await pool.query(m.sql);
  const db: Db = {
    kind: 'postgres',
    async query<T extends object = Row>(sql: string, params: unknown[] = []) {
      return (await pool.query(sql, params)).rows as T[];
    },
    async *stream<T extends object = Row>(sql: string, params: unknown[], batchSize = 1000) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN READ ONLY');
        await client.query(`DECLARE otklik_cur NO SCROLL CURSOR FOR ${sql}`, params);
        for (;;) {
          const { rows } = await client.query(`FETCH ${batchSize} FROM otklik_cur`);
          if (rows.length === 0) break;
          yield rows as T[];
        }
        await client.query('COMMIT');
      } finally {
        client.release();
      }
    },
    async transaction(fn) {
      const client = await pool.connect();
      try {
        await client.query('BEGIN');
        const out = await fn({ query: async (sql, params = []) => (await client.query(sql, params)).rows });
        await client.query('COMMIT');
        return out;
      } catch (e) {
        await client.query('ROLLBACK');
        throw e;
      } finally {
        client.release();
      }
    },
    async close() {
      await pool.query(`DROP SCHEMA IF EXISTS ${name} CASCADE`);
      await pool.end();
    },
  };
  return db;
}

/** The databases a suite runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const DB_KINDS = TEST_DATABASE_URL ? (['pglite', 'postgres'] as const) : (['pglite'] as const);

if (!TEST_DATABASE_URL) {
  console.warn('TEST_DATABASE_URL is unset: PostgreSQL report/export tests are skipped (PGlite only).');
}

export function openDb(kind: 'pglite' | 'postgres', schema: string): Promise<Db> {
  return kind === 'pglite' ? openPglite() : openPostgres(TEST_DATABASE_URL ?? '', schema);
}
