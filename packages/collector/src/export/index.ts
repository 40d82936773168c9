/**
 * Exports of raw responses — CSV and XLSX, one row per response, one column per question —
 * streamed from a database cursor in constant memory. The same generators serve the HTTP route
 * (as a web ReadableStream) and the CLI (written to a file).
 */
import { createWriteStream } from 'node:fs';
import type { Writable } from 'node:stream';
import type { Survey } from '@otklik/core';
import type { Db } from '../store/db.js';
import { csvChunks } from './csv.js';
import { exportSource, type ExportOptions, type ExportSource } from './source.js';
import { xlsxChunks } from './xlsx.js';

export { csvChunks, csvField } from './csv.js';
export { xlsxChunks, xmlText, columnName } from './xlsx.js';
export { zipStream, type ZipEntry } from './zip.js';
export { exportSource, type ExportOptions, type ExportSource } from './source.js';
export { exportColumns, defuse, type Cell, type Column } from './columns.js';

export type ExportFormat = 'csv' | 'xlsx';

export interface WriteExportOptions extends ExportOptions {
  /**
   * CSV only: a second header row with the questions' numbers and titles (default true; XLSX always
   * has it).
   */
  titles?: boolean;
}

/** The bytes of an export, chunk by chunk. */
export function exportChunks(
  db: Pick<Db, 'stream'>,
  versions: Survey | readonly Survey[],
  format: ExportFormat,
  opts: WriteExportOptions = {},
): AsyncGenerator<Uint8Array> {
  return chunksOf(exportSource(db, versions, opts), format, opts);
}

async function* chunksOf(
  src: ExportSource,
  format: ExportFormat,
  opts: WriteExportOptions,
): AsyncGenerator<Uint8Array> {
  if (format === 'xlsx') yield* xlsxChunks(src);
  else
    for await (const s of csvChunks(src, { titles: opts.titles ?? true }))
      yield Buffer.from(s, 'utf8');
}

/** A file path, a Node Writable, or a web WritableStream. */
export type ExportTarget = string | Writable | WritableStream<Uint8Array>;

async function write(
  db: Pick<Db, 'stream'>,
  versions: Survey | readonly Survey[],
  format: ExportFormat,
  out: ExportTarget,
  opts: WriteExportOptions,
): Promise<number> {
  const src = exportSource(db, versions, opts);
  await pipeTo(chunksOf(src, format, opts), typeof out === 'string' ? createWriteStream(out) : out);
  return src.rows;
}

/** Writes chunks to a Node Writable or a web WritableStream, waiting whenever it is full. */
async function pipeTo(
  chunks: AsyncIterable<Uint8Array>,
  out: Writable | WritableStream<Uint8Array>,
): Promise<void> {
  if ('getWriter' in out) {
    const w = out.getWriter();
    try {
      for await (const c of chunks) {
        await w.ready;
        await w.write(c);
      }
      await w.close();
    } finally {
      w.releaseLock();
    }
    return;
  }
  for await (const c of chunks) {
    if (!out.write(c)) await new Promise<void>((resolve) => out.once('drain', resolve));
  }
  await new Promise<void>((resolve, reject) =>
    out.end((e?: Error | null) => (e ? reject(e) : resolve())),
  );
}

/**
 * Streams the responses of a survey (all `versions` given) as CSV into `out` (a path is created
 * or overwritten); resolves to the number of responses written.
 *
 * @example
 * await writeCsv(db, await surveys.versions('kiosk-pulse'), createWriteStream('kiosk.csv'), { from: '2026-01-01' });
 */
export function writeCsv(
  db: Pick<Db, 'stream'>,
  versions: Survey | readonly Survey[],
  out: ExportTarget,
  opts: WriteExportOptions = {},
): Promise<number> {
  return write(db, versions, 'csv', out, opts);
}

/**
 * Streams the responses of a survey as an XLSX workbook into `out`; resolves to the number of
 * responses written.
 *
 * @example
 * await writeXlsx(db, survey, createWriteStream('kiosk.xlsx'));
 */
export function writeXlsx(
  db: Pick<Db, 'stream'>,
  versions: Survey | readonly Survey[],
  out: ExportTarget,
  opts: ExportOptions = {},
): Promise<number> {
  return write(db, versions, 'xlsx', out, opts);
}

/**
 * A web ReadableStream that pulls one chunk at a time (back-pressure from the socket reaches the
 * database cursor); cancelling it — the client went away — closes the cursor.
 */
export function toReadableStream(chunks: AsyncGenerator<Uint8Array>): ReadableStream<Uint8Array> {
  return new ReadableStream<Uint8Array>({
    async pull(controller) {
      const { value, done } = await chunks.next();
      if (done) controller.close();
      else controller.enqueue(value);
    },
    async cancel() {
      await chunks.return(undefined);
    },
  });
}
