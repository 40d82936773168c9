import { PGlite } from '@electric-sql/pglite';
import type { Db } from '../db.js';

export interface PgliteOptions {
  /** Folder of the database files; omitted → in memory (tests, demos that need no persistence). */
  dataDir?: string;
}

let cursorSeq = 0;

type Runner = Pick<PGlite, 'query' | 'exec'>;

/**
 * Without parameters a statement goes through the simple protocol (`exec`), like `pg` does, so a
 * migration may hold several statements; the rows of the last one are returned.
 */
async function run<T extends object>(pg: Runner, sql: string, params?: unknown[]): Promise<T[]> {
  if (params === undefined || params.length === 0) {
    const results = await pg.exec(sql);
    return (results.at(-1)?.rows ?? []) as T[];
  }
  return (await pg.query<T>(sql, params)).rows;
}

/**
 * Opens the embedded PostgreSQL (PGlite, WASM) — once per process: opening takes seconds and two
 * instances on one folder would corrupt it.
 *
 * @example
 * const db = await openPglite({ dataDir: './data' });
 * await db.query('SELECT 1');
 */
export async function openPglite(opts: PgliteOptions = {}): Promise<Db> {
  const pg = opts.dataDir === undefined ? await PGlite.create() : await PGlite.create(opts.dataDir);
  let closed = false;

  return {
    kind: 'pglite',
    query: (sql, params) => run(pg, sql, params),
    async *stream<T extends object>(
      sql: string,
      params: unknown[],
      batchSize = 500,
    ): AsyncIterable<T[]> {
      // PGlite has one connection and a transaction holds it exclusively, so a cursor inside a
      // transaction would stall ingest for the whole export. A WITH HOLD cursor is materialised
      // once (spilling to temp files, not memory) and then fetched between other statements.
      const name = `otklik_cursor_${++cursorSeq}`;
      await pg.query(`DECLARE ${name} NO SCROLL CURSOR WITH HOLD FOR ${sql}`, params);
      try {
        for (;;) {
          const rows = await run<T>(pg, `FETCH ${Math.max(1, Math.floor(batchSize))} FROM ${name}`);
          if (rows.length === 0) return;
          yield rows;
        }
      } finally {
        if (!closed) await pg.query(`CLOSE ${name}`).catch(() => undefined);
      }
    },
    async transaction<T>(fn: (tx: Pick<Db, 'query'>) => Promise<T>): Promise<T> {
      return pg.transaction((tx) =>
        fn({
          query: (sql, params) => run(tx, sql, params),
        }),
      );
    },
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await pg.close();
    },
  };
}
