import { defuse, type Cell } from './columns.js';
import type { ExportSource } from './source.js';

/** One CSV field (RFC 4180): quoted when it holds a comma, quote, CR or LF; quotes doubled. */
export function csvField(v: Cell): string {
  if (v === null) return '';
  if (typeof v === 'number') return String(v);
  const s = defuse(v);
  return /[",\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

const line = (cells: readonly Cell[]): string => `${cells.map(csvField).join(',')}\r\n`;

/**
 * The export as CSV text chunks: UTF-8 with a byte-order mark (so Excel opens Cyrillic right),
 * CRLF line ends, a header row of column ids and, with `titles`, a second row of Russian titles.
 * One chunk per database batch.
 *
 * @example
 * for await (const chunk of csvChunks(exportSource(db, survey))) out.write(chunk);
 */
export async function* csvChunks(
  src: ExportSource,
  opts: { titles?: boolean } = {},
): AsyncGenerator<string> {
  let head = '\uFEFF' + line(src.columns.map((c) => c.id));
  if (opts.titles) head += line(src.columns.map((c) => c.title));
  yield head;
  for await (const rows of src.batches) yield rows.map(line).join('');
}
