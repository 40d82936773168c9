import { randomBytes } from 'node:crypto';
import type { Db } from '../store/db.js';
import { openPglite } from '../store/pglite/index.js';
import { openPostgres } from '../store/postgres/index.js';

/** PostgreSQL for tests; CI always sets it. */
export const TEST_DATABASE_URL = process.env.TEST_DATABASE_URL;

export interface Backend {
  name: 'pglite' | 'postgres';
  /** Opens a fresh, empty database (PGlite in memory; PostgreSQL in a new schema dropped on close). */
  open(): Promise<Db>;
}

/** A schema name nobody else uses: tests of several files and processes never see each other's rows. */
export function freshSchema(): string {
  return `otklik_test_${randomBytes(6).toString('hex')}`;
}

/** Opens PostgreSQL in a fresh schema; `close()` drops the schema. */
export async function openTestPostgres(schema = freshSchema()): Promise<Db & { schema: string }> {
  const db = await openPostgres({ connectionString: TEST_DATABASE_URL!, schema });
  return {
    ...db,
    kind: 'postgres',
    schema,
    async close() {
      await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`).catch(() => undefined);
      await db.close();
    },
  };
}

const pglite: Backend = { name: 'pglite', open: () => openPglite() };
const postgres: Backend = { name: 'postgres', open: () => openTestPostgres() };

if (!TEST_DATABASE_URL) {
  console.warn(
    '\n[collector tests] TEST_DATABASE_URL is not set: the PostgreSQL variants of the store and ingest ' +
      'tests are SKIPPED (set e.g. TEST_DATABASE_URL=postgres://postgres@127.0.0.1:5432/test).\n',
  );
}

/** Every backend available here, for `describe.each(backends)`. */
export const backends: Backend[] = TEST_DATABASE_URL ? [pglite, postgres] : [pglite];
