/**
 * Test-only databases for the report, export and page suites, through the collector's own
 * adapters: an in-memory PGlite, and a real PostgreSQL (TEST_DATABASE_URL) confined to a schema of
 * its own, dropped on close. Both are migrated, so the tests run the SQL the server runs; their
 * rollup counts UTC days, which the fixtures' timestamps are written in.
 */
import pg from 'pg';
import type { Db } from '../store/db.js';
import { migrate } from '../store/migrate.js';
import { openPglite } from '../store/pglite/index.js';
import { openPostgres } from '../store/postgres/index.js';
import { rebuildRollup } from '../store/rollup.js';

/** TEST_DATABASE_URL, or undefined: PostgreSQL suites skip with a message when it is unset. */
export const TEST_DATABASE_URL = process.env['TEST_DATABASE_URL'];

/** The databases a suite runs on: PGlite always, PostgreSQL when TEST_DATABASE_URL is set. */
export const DB_KINDS = TEST_DATABASE_URL
  ? (['pglite', 'postgres'] as const)
  : (['pglite'] as const);

if (!TEST_DATABASE_URL) {
  console.warn(
    'TEST_DATABASE_URL is unset: PostgreSQL report/export tests are skipped (PGlite only).',
  );
}

async function dropSchema(url: string, schema: string): Promise<void> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    await c.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
  } finally {
    await c.end();
  }
}

/** A migrated database; for PostgreSQL a fresh schema `schema` (a-z, 0-9, _), dropped by close(). */
export async function openDb(kind: 'pglite' | 'postgres', schema: string): Promise<Db> {
  if (kind === 'pglite') {
    const db = await openPglite();
    await migrate(db);
    await rebuildRollup(db, { timeZone: 'UTC' });
    return db;
  }
  const url = TEST_DATABASE_URL ?? '';
  await dropSchema(url, schema);
  const db = await openPostgres({ connectionString: url, schema, max: 3 });
  await migrate(db);
  await rebuildRollup(db, { timeZone: 'UTC' });
  return {
    ...db,
    kind: db.kind,
    async close() {
      await db.close();
      await dropSchema(url, schema);
    },
  };
}
