import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { PGlite } from '@electric-sql/pglite';
import type { Db } from '../db.js';
import { PGLITE_SETTINGS, startParams } from './memory.js';

export interface PgliteOptions {
  /** Folder of the database files; omitted → in memory (tests, demos that need no persistence). */
  dataDir?: string;
  /** Postgres settings (default `PGLITE_SETTINGS`, memory.ts). */
  settings?: Readonly<Record<string, string>>;
}

/** PGlite's module, for code that imports it outside this module graph (a child, a thread). */
const pgliteUrl = (): string =>
  pathToFileURL(createRequire(import.meta.url).resolve('@electric-sql/pglite')).href;

/**
 * Creates the database files of a new folder in a short-lived child process. PGlite runs initdb
 * in a second, throw-away instance whose WASM heap (≈ 400 MB) stays reachable from the process
 * after it closes; initialised elsewhere, the serving process starts as small as on a reopen.
 */
async function initInChild(dataDir: string): Promise<void> {
  const code =
    'const { PGlite } = await import(process.argv[1]);' +
    'const pg = await PGlite.create(process.argv[2]); await pg.close();';
  await promisify(execFile)(
    process.execPath,
    ['--input-type=module', '-e', code, pgliteUrl(), dataDir],
    {
      maxBuffer: 16 * 1024 * 1024,
    },
  );
}

let cursorSeq = 0;

/** An answer of the database thread (worker.mjs). */
interface Reply {
  id: number;
  rows?: unknown[];
  error?: Record<string, unknown> & { message: string };
  heap?: number;
}

/** The database thread's error as an Error with its fields (`code` …), so classification works. */
function toError(e: NonNullable<Reply['error']>): Error {
  const { message, ...fields } = e;
  return Object.assign(new Error(message), fields);
}

/**
 * Opens the embedded PostgreSQL (PGlite, WASM) — once per process: opening takes seconds and two
 * instances on one folder would corrupt it.
 *
 * PGlite runs in a thread of its own (worker_threads): a statement's WASM work then overlaps the
 * main thread's HTTP parsing, validation and hashing instead of taking turns with them on one
 * core (under the ingest bench the database was about half of the main thread's time, see
 * docs/benchmarks.md). Every call still resolves only after the statement finished in PostgreSQL,
 * so "acknowledged after COMMIT" holds as before.
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
  const worker = new Worker(new URL('./worker.mjs', import.meta.url), {
    workerData: {
      pglite: pgliteUrl(),
      options: {
        ...(opts.dataDir === undefined ? {} : { dataDir: opts.dataDir }),
        startParams: startParams(PGlite.defaultStartParams, opts.settings ?? PGLITE_SETTINGS),
      },
    },
  });
  const pending = new Map<
    number,
    { resolve: (rows: unknown[]) => void; reject: (e: Error) => void }
  >();
  let seq = 0;
  let heap = 0;
  let gone: Error | undefined;
  // The thread keeps the process alive only while a call waits for it (as PGlite in the main
  // thread would): a command that forgets to close the database still exits.
  const settle = (): void => {
    if (pending.size === 0) worker.unref();
  };
  const fail = (e: Error): void => {
    gone ??= e;
    for (const p of pending.values()) p.reject(gone);
    pending.clear();
  };
  worker.on('message', (m: Reply) => {
    if (m.heap !== undefined) heap = m.heap;
    const p = pending.get(m.id);
    if (!p) return;
    pending.delete(m.id);
    settle();
    if (m.error) p.reject(toError(m.error));
    else p.resolve(m.rows ?? []);
  });
  // Worded like PGlite's own message, so a dead thread classifies as unavailable (store/errors.ts).
  worker.on('error', (e) => fail(new Error(`PGlite is closed: ${e.message}`, { cause: e })));
  worker.on('exit', (code) => fail(new Error(`PGlite is closed: its thread exited (${code})`)));
  const call = <T>(msg: Record<string, unknown>): Promise<T[]> => {
    if (gone) return Promise.reject(gone);
    const id = ++seq;
    worker.ref();
    return new Promise<T[]>((resolve, reject) => {
      pending.set(id, { resolve: resolve as (rows: unknown[]) => void, reject });
      worker.postMessage({ ...msg, id });
    });
  };
  // The thread's first message (id 0): the database is open, or why not.
  await new Promise<void>((resolve, reject) => {
    pending.set(0, { resolve: () => resolve(), reject });
  }).catch(async (e: unknown) => {
    await worker.terminate();
    throw e;
  });
  settle();
  let closed = false;
  let txSeq = 0;
  const query = <T extends object>(sql: string, params?: unknown[], tx?: number): Promise<T[]> =>
    call<T>({ op: 'query', sql, params, tx });

  return {
    kind: 'pglite',
    query: (sql, params) => query(sql, params),
    heapBytes: () => heap,
    async *stream<T extends object>(
      sql: string,
      params: unknown[],
      batchSize = 500,
    ): AsyncIterable<T[]> {
      // PGlite has one connection and a transaction holds it exclusively, so a cursor inside a
      // transaction would stall ingest for the whole export. A WITH HOLD cursor is materialised
      // once (spilling to temp files, not memory) and then fetched between other statements.
      const name = `otklik_cursor_${++cursorSeq}`;
      await query(`DECLARE ${name} NO SCROLL CURSOR WITH HOLD FOR ${sql}`, params);
      try {
        for (;;) {
          const rows = await query<T>(`FETCH ${Math.max(1, Math.floor(batchSize))} FROM ${name}`);
          if (rows.length === 0) return;
          yield rows;
        }
      } finally {
        if (!closed) await query(`CLOSE ${name}`).catch(() => undefined);
      }
    },
    async transaction<T>(fn: (tx: Pick<Db, 'query'>) => Promise<T>): Promise<T> {
      const tx = ++txSeq;
      await call({ op: 'begin', tx });
      let out: T;
      try {
        out = await fn({ query: (sql, params) => query(sql, params, tx) });
      } catch (e) {
        await call({ op: 'end', tx, commit: false }).catch(() => undefined);
        throw e;
      }
      await call({ op: 'end', tx, commit: true });
      return out;
    },
    ...(opts.dataDir === undefined
      ? {}
      : {
          async snapshot(into: string): Promise<void> {
            await call({ op: 'snapshot', from: opts.dataDir, into });
          },
        }),
    async close(): Promise<void> {
      if (closed) return;
      closed = true;
      await call({ op: 'close' }).catch(() => undefined);
      await worker.terminate();
    },
  };
}
