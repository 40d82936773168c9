import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { PGlite } from '@electric-sql/pglite';
import type { Db } from '../db.js';
import { PGLITE_SETTINGS, startParams } from './memory.js';

export interface PgliteOptions {
  /** Folder of the database files; omitted → in memory (tests, demos that need no persistence). */
  dataDir?: string;
  /** Postgres settings (default `PGLITE_SETTINGS`, memory.ts). */
  settings?: Readonly<Record<string, string>>;
}

/**
 * Creates the database files of a new folder in a short-lived child process. PGlite runs initdb
 * in a second, throw-away instance whose WASM heap (≈ 400 MB) stays reachable from the process
 * after it closes; initialised elsewhere, the serving process starts as small as on a reopen.
 */
async function initInChild(dataDir: string): Promise<void> {
  const pglite = pathToFileURL(createRequire(import.meta.url).resolve('@electric-sql/pglite')).href;
  const code =
    'const { PGlite } = await import(process.argv[1]);' +
    'const pg = await PGlite.create(process.argv[2]); await pg.close();';
  await promisify(execFile)(
    process.execPath,
    ['--input-type=module', '-e', code, pglite, dataDir],
    {
      maxBuffer: 16 * 1024 * 1024,
    },
  );
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
  if (opts.dataDir !== undefined && !existsSync(join(opts.dataDir, 'PG_VERSION')))
    await initInChild(opts.dataDir);
  // Durability: COMMIT pwrite()s the WAL before a query resolves, but PGlite under Node never
  // fsyncs (Emscripten's NODEFS has no fsync, whatever PostgreSQL's `fsync` setting says), so a
  // committed row survives the process dying, not a power cut before the OS flushes (collector.md).
  const pg = await PGlite.create({
    ...(opts.dataDir === undefined ? {} : { dataDir: opts.dataDir }),
    startParams: startParams(PGlite.defaultStartParams, opts.settings ?? PGLITE_SETTINGS),
  });
  let closed = false;

  return {
    kind: 'pglite',
    query: (sql, params) => run(pg, sql, params),
    heapBytes: () => pg.Module.HEAPU8.length,
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
    ...(opts.dataDir === undefined
      ? {}
      : {
          async snapshot(into: string): Promise<void> {
            const from = opts.dataDir!;
            // A checkpoint first, so the copy needs little WAL replay when it is opened.
            await pg.exec('CHECKPOINT');
            // PGlite runs one transaction and one statement at a time: holding both slots while
            // the files are copied (at disk speed) means nothing writes to them meanwhile, so the
            // copy is what a power cut at that instant would leave, which Postgres opens
            // consistently. Ingest waits in its queue, then goes on.
            await pg.transaction(() =>
              pg.runExclusive(() => cp(from, into, { recursive: true, force: false })),
            );
          },
        }),
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await pg.close();
    },
  };
}
