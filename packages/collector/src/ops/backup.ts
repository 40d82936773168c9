import { createWriteStream } from 'node:fs';
import { mkdir, mkdtemp, open, readdir, rename, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import * as tar from 'tar';
import type { Db } from '../store/db.js';
import { openPglite } from '../store/pglite/index.js';

/** A backup or restore that cannot be done; the CLI prints the message (exit 2). */
export class OpsError extends Error {
  override name = 'OpsError';
}

/**
 * A gzipped tar of the data folder, read from a consistent copy made by `db.snapshot` in a
 * temporary folder (TMPDIR; it needs room for one copy of the data folder), removed once the
 * stream ends or is abandoned. Memory stays flat whatever the size: nothing is held whole.
 */
export async function backupStream(db: Pick<Db, 'snapshot'>): Promise<Readable> {
  if (!db.snapshot) throw new OpsError('this database cannot be copied (PostgreSQL: use pg_dump)');
  const dir = await mkdtemp(join(tmpdir(), 'otklik-backup-'));
  const copy = join(dir, 'pgdata');
  try {
    await db.snapshot(copy);
  } catch (e) {
    await rm(dir, { recursive: true, force: true });
    throw e;
  }
  // tar's streams are Minipass, not Node streams: wrapped, 'close' follows the end or an abort.
  const stream = Readable.from(tar.c({ gzip: true, cwd: copy, portable: true }, ['.']));
  stream.once('close', () => void rm(dir, { recursive: true, force: true }));
  return stream;
}

/** Writes `body` to `file` through `file.partial`, so a broken transfer never looks complete. */
async function writeAtomically(file: string, body: Readable): Promise<number> {
  const partial = `${file}.partial`;
  try {
    await pipeline(body, createWriteStream(partial));
    await rename(partial, file);
    return (await stat(file)).size;
  } catch (e) {
    await rm(partial, { force: true });
    throw e;
  }
}

/**
 * Online backup: asks the serving collector (`POST /v1/backup`, admin token) for a consistent
 * copy of its PGlite folder and writes it to `file`. Nothing stops; ingest waits while the files
 * are copied on the server's disk.
 *
 * @returns the size in bytes.
 * @example
 * await backupOnline({ url: 'http://127.0.0.1:8787', token, file: 'otklik.tar.gz' });
 */
export async function backupOnline(opts: {
  url: string;
  token: string | undefined;
  file: string;
}): Promise<number> {
  let res: Response;
  try {
    res = await fetch(new URL('/v1/backup', opts.url), {
      method: 'POST',
      headers: opts.token ? { authorization: `Bearer ${opts.token}` } : {},
    });
  } catch (e) {
    const cause = e instanceof Error && e.cause instanceof Error ? e.cause.message : String(e);
    throw new OpsError(
      `no collector answers at ${opts.url} (${cause}); give --url, or --offline for a stopped one`,
    );
  }
  if (!res.ok || !res.body) {
    const text = await res.text();
    throw new OpsError(`backup refused by ${opts.url}: HTTP ${res.status} ${text.slice(0, 300)}`);
  }
  return writeAtomically(opts.file, Readable.fromWeb(res.body as WebReadableStream<Uint8Array>));
}

/** Offline backup of a PGlite folder no process has open (the collector is stopped). */
export async function backupOffline(opts: { dataDir: string; file: string }): Promise<number> {
  if (!(await hasDatabase(opts.dataDir)))
    throw new OpsError(`${opts.dataDir} holds no PGlite database`);
  const body = tar.c({ gzip: true, cwd: opts.dataDir, portable: true }, ['.']);
  return writeAtomically(opts.file, Readable.from(body));
}

async function hasDatabase(dir: string): Promise<boolean> {
  return (await readdir(dir).catch(() => [] as string[])).includes('PG_VERSION');
}

/** Whether `file` starts like a gzip stream. */
async function isGzip(file: string): Promise<boolean> {
  const fh = await open(file, 'r').catch((e: unknown) => {
    throw new OpsError(`${file}: ${e instanceof Error ? e.message : String(e)}`);
  });
  try {
    const { buffer, bytesRead } = await fh.read(Buffer.alloc(2), 0, 2, 0);
    return bytesRead === 2 && buffer[0] === 0x1f && buffer[1] === 0x8b;
  } finally {
    await fh.close();
  }
}

/**
 * Unpacks a backup into `dataDir`, which must be missing or empty (a restore never overwrites a
 * database), opens it once (Postgres replays the little WAL after the checkpoint) and returns
 * its counts.
 *
 * @example
 * const { responses } = await restore({ file: 'otklik.tar.gz', dataDir: '/var/lib/otklik' });
 */
export async function restore(opts: {
  file: string;
  dataDir: string;
}): Promise<{ surveys: number; responses: number }> {
  if (!(await isGzip(opts.file)))
    throw new OpsError(`${opts.file} is not a backup made by "otklik-collector backup" (not gzip)`);
  const existing = await readdir(opts.dataDir).catch(() => undefined);
  if (existing && existing.length > 0)
    throw new OpsError(`${opts.dataDir} is not empty: restore into a new folder`);
  await mkdir(opts.dataDir, { recursive: true });
  try {
    await tar.x({ file: opts.file, cwd: opts.dataDir, strict: true });
    if (!(await hasDatabase(opts.dataDir))) throw new OpsError('it holds no PGlite database');
    const db = await openPglite({ dataDir: opts.dataDir });
    try {
      const [r] = await db.query<{ surveys: number; responses: number }>(
        `SELECT (SELECT count(*)::int FROM surveys) AS surveys,
                (SELECT count(*)::int FROM responses) AS responses`,
      );
      return r ?? { surveys: 0, responses: 0 };
    } finally {
      await db.close();
    }
  } catch (e) {
    // Leave no half-restored folder behind to be served by mistake.
    await rm(opts.dataDir, { recursive: true, force: true });
    throw new OpsError(
      `${opts.file}: not a usable backup (${e instanceof Error ? e.message : String(e)})`,
    );
  }
}
