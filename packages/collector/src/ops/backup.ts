import { createWriteStream } from 'node:fs';
import { mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import { openPglite } from '../store/pglite/index.js';

/** A backup or restore that cannot be done; the CLI prints the message (exit 2). */
export class OpsError extends Error {
  override name = 'OpsError';
}

/** Writes `body` to `file` through `file.partial`, so a broken transfer never looks complete. */
async function writeAtomically(file: string, body: ReadableStream<Uint8Array>): Promise<void> {
  const partial = `${file}.partial`;
  try {
    await pipeline(
      Readable.fromWeb(body as WebReadableStream<Uint8Array>),
      createWriteStream(partial),
    );
    await rename(partial, file);
  } catch (e) {
    await rm(partial, { force: true });
    throw e;
  }
}

/**
 * Online backup: asks the serving collector (`POST /v1/backup`, admin token) for a consistent
 * copy of its PGlite folder and writes it to `file`. Nothing stops; ingest waits while the files
 * are copied.
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
  await writeAtomically(opts.file, res.body);
  return Number(res.headers.get('content-length') ?? 0);
}

/** Offline backup of a PGlite folder no process has open (the collector is stopped). */
export async function backupOffline(opts: { dataDir: string; file: string }): Promise<number> {
  if (!(await hasDatabase(opts.dataDir)))
    throw new OpsError(`${opts.dataDir} holds no PGlite database`);
  const db = await openPglite({ dataDir: opts.dataDir });
  try {
    const blob = await db.backup!();
    await writeAtomically(opts.file, blob.stream());
    return blob.size;
  } finally {
    await db.close();
  }
}

async function hasDatabase(dir: string): Promise<boolean> {
  return (await readdir(dir).catch(() => [] as string[])).includes('PG_VERSION');
}

/**
 * Unpacks a backup into `dataDir`, which must be missing or empty (a restore never overwrites a
 * database), opens it once to check it, and returns its counts.
 *
 * @example
 * const { responses } = await restore({ file: 'otklik.tar.gz', dataDir: '/var/lib/otklik' });
 */
export async function restore(opts: {
  file: string;
  dataDir: string;
}): Promise<{ surveys: number; responses: number }> {
  const bytes = await readFile(opts.file).catch((e: unknown) => {
    throw new OpsError(`${opts.file}: ${e instanceof Error ? e.message : String(e)}`);
  });
  if (bytes.length < 2 || bytes[0] !== 0x1f || bytes[1] !== 0x8b)
    throw new OpsError(`${opts.file} is not a backup made by "otklik-collector backup" (not gzip)`);
  const existing = await readdir(opts.dataDir).catch(() => undefined);
  if (existing && existing.length > 0)
    throw new OpsError(`${opts.dataDir} is not empty: restore into a new folder`);
  await mkdir(opts.dataDir, { recursive: true });
  try {
    const db = await openPglite({ dataDir: opts.dataDir, loadDataDir: new Blob([bytes]) });
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
    if (e instanceof OpsError) throw e;
    throw new OpsError(
      `${opts.file}: not a usable backup (${e instanceof Error ? e.message : String(e)})`,
    );
  }
}
