import type { Db } from './db.js';
import { MIGRATIONS } from './migrations.js';

/** Arbitrary constant key of the advisory lock that serialises migrations across processes. */
const MIGRATION_LOCK = 7_351_042_911;

export interface MigrationPlan {
  version: number;
  name: string;
  sql: string;
}

/**
 * Applies every migration not yet recorded in `otklik_migrations`, all in one transaction that first
 * takes a transaction-scoped advisory lock: two collectors starting together on one PostgreSQL
 * database wait for each other instead of both creating the tables. PGlite has one process, but
 * the same statements work there too.
 *
 * @returns the versions applied by this call (empty when the schema was current).
 * @example
 * const applied = await migrate(db); // [1, 2] on a fresh database, [] afterwards
 */
export async function migrate(
  db: Db,
  migrations: readonly MigrationPlan[] = MIGRATIONS,
): Promise<number[]> {
  // Unbounded: a migration may rebuild an index over millions of rows.
  return db.transaction(
    async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK]);
      await tx.query(`CREATE TABLE IF NOT EXISTS otklik_migrations (
      version    integer     PRIMARY KEY,
      name       text        NOT NULL,
      applied_at timestamptz NOT NULL DEFAULT now()
    )`);
      const done = new Set(
        (await tx.query<{ version: number }>('SELECT version FROM otklik_migrations')).map(
          (r) => r.version,
        ),
      );
      const applied: number[] = [];
      for (const m of [...migrations].sort((a, b) => a.version - b.version)) {
        if (done.has(m.version)) continue;
        await tx.query(m.sql);
        await tx.query('INSERT INTO otklik_migrations (version, name) VALUES ($1, $2)', [
          m.version,
          m.name,
        ]);
        applied.push(m.version);
      }
      return applied;
    },
    { unbounded: true },
  );
}
