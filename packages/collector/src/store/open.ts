import { mkdir } from 'node:fs/promises';
import type { Db } from './db.js';
import { openPglite } from './pglite/index.js';

/**
 * PostgreSQL when a connection string is given, otherwise PGlite in `dataDir` (created if
 * missing) — the same schema and SQL either way.
 *
 * @example
 * const db = await openDb({ databaseUrl: process.env.DATABASE_URL, dataDir: './data' });
 */
export async function openDb(opts: {
  databaseUrl?: string | undefined;
  dataDir?: string;
  schema?: string;
  /** PostgreSQL statement timeout (see `PostgresOptions.queryTimeoutMs`). */
  queryTimeoutMs?: number;
  /** PGlite's Postgres settings (default store/pglite/memory.ts). */
  pgliteSettings?: Readonly<Record<string, string>>;
}): Promise<Db> {
  if (opts.databaseUrl) {
    // Loaded only for PostgreSQL: `pg` costs a PGlite collector about 15 MB of RSS for nothing.
    const { openPostgres } = await import('./postgres/index.js');
    return openPostgres({
      connectionString: opts.databaseUrl,
      ...(opts.schema === undefined ? {} : { schema: opts.schema }),
      ...(opts.queryTimeoutMs === undefined ? {} : { queryTimeoutMs: opts.queryTimeoutMs }),
    });
  }
  if (opts.dataDir !== undefined) await mkdir(opts.dataDir, { recursive: true });
  return openPglite({
    ...(opts.dataDir === undefined ? {} : { dataDir: opts.dataDir }),
    ...(opts.pgliteSettings === undefined ? {} : { settings: opts.pgliteSettings }),
  });
}
