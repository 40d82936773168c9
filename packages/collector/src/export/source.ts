import type { Survey } from '@otklik/core';
import type { Db } from '../store/db.js';
import { filterSql, type ResponseFilter } from '../reports/filter.js';
import { newest, reportQuestions } from '../reports/questions.js';
import {
  exportColumns,
  type Cell,
  type Column,
  type ColumnOptions,
  type ExportRow,
} from './columns.js';

export interface ExportOptions extends ResponseFilter, ColumnOptions {
  /** Rows per database round trip (and per chunk written); default 500. */
  batchSize?: number;
  /** Called after each batch with the number of responses read so far (CLI progress). */
  onProgress?: (rows: number) => void;
}

/** The export's columns and its rows, one batch of cells at a time. */
export interface ExportSource {
  surveyId: string;
  columns: Column[];
  batches: AsyncIterable<Cell[][]>;
  /** Responses read so far. */
  readonly rows: number;
}

const ISO = `'YYYY-MM-DD"T"HH24:MI:SS"Z"'`;

/**
 * Opens an export: a server-side cursor over the responses of `versions` (oldest answer first),
 * turned into cells one batch at a time, so memory does not grow with the number of responses.
 *
 * @example
 * const src = exportSource(db, await surveys.versions('kiosk-pulse'), { from: '2026-01-01' });
 * for await (const rows of src.batches) console.log(rows.length);
 */
export function exportSource(
  db: Pick<Db, 'stream'>,
  versions: Survey | readonly Survey[],
  opts: ExportOptions = {},
): ExportSource {
  const list = Array.isArray(versions) ? versions : [versions as Survey];
  const head = newest(list);
  const columns = exportColumns(reportQuestions(list), opts);
  const params: unknown[] = [];
  const where = filterSql(head.id, opts, params);
  const sql = `SELECT response_id::text AS response_id, receipt, survey_version,
      to_char(answered_at AT TIME ZONE 'UTC', ${ISO}) AS answered_at,
      to_char(received_at AT TIME ZONE 'UTC', ${ISO}) AS received_at,
      lang, channel, object, touchpoint, respondent, answers, specify
    FROM responses WHERE ${where} ORDER BY responses.answered_at, responses.response_id`;
  let count = 0;
  async function* batches(): AsyncGenerator<Cell[][]> {
    for await (const rows of db.stream<ExportRow>(sql, params, opts.batchSize ?? 500)) {
      count += rows.length;
      yield rows.map((r) => columns.map((c) => c.value(r)));
      opts.onProgress?.(count);
    }
  }
  return {
    surveyId: head.id,
    columns,
    batches: batches(),
    get rows() {
      return count;
    },
  };
}
