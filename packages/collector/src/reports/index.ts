/**
 * Survey reports computed by the database: counts are aggregated in SQL (sql.ts) and turned into
 * core's accumulator state, whose figures core computes (state.ts).
 */
import type { LocalizedText, Survey, SurveyReport } from '@otklik/core';
import type { Db } from '../store/db.js';
import { collect, type Counts, emptyCounts } from './counts.js';
import { buildReport } from './state.js';
import { filterSql, type ResponseFilter } from './filter.js';
import { newest, reportQuestions } from './questions.js';
import { reportSql, type GroupBy, type Period, type ResultRow } from './sql.js';

export { GROUP_BY, PERIODS, type GroupBy, type Period } from './sql.js';
export type { ResponseFilter } from './filter.js';
export { filterSql } from './filter.js';
export { reportQuestions, type ReportQuestion } from './questions.js';
export { parseReportQuery, type ReportQuery } from './params.js';

export interface ReportOptions extends ResponseFilter {
  /** Default `none`: only `total`, no groups. */
  groupBy?: GroupBy | undefined;
  /** For `groupBy: 'period'` (default `quarter`). */
  period?: Period | undefined;
}

export interface TouchpointVolume {
  /** null: responses that named no touchpoint. */
  touchpoint: string | null;
  /** Responses in the report's period (0 when a touchpoint that once answered fell silent). */
  count: number;
  /** The latest response from it ever, ISO 8601. */
  lastAnsweredAt: string;
}

export interface ReportResult {
  survey: { id: string; version: number; title: LocalizedText };
  from: string | null;
  to: string | null;
  groupBy: GroupBy;
  period: Period | null;
  total: SurveyReport;
  groups: { key: string | null; report: SurveyReport }[];
  /** Volume per touchpoint: "the absence of feedback is itself a signal" (000 §35). */
  touchpoints: TouchpointVolume[];
}

function asDate(v: unknown): string {
  return (v instanceof Date ? v : new Date(String(v))).toISOString();
}

/**
 * Computes a report over every response to a survey (all the versions given, grouped by question
 * id) in one aggregate statement, plus the touchpoint volumes. Memory use does not depend on the
 * number of responses.
 *
 * @example
 * const r = await computeReport(db, [v1, v2], { from: '2026-01-01', to: '2026-06-30', groupBy: 'channel' });
 * r.total.summary.satisfactionLevel; // share of 4–5 answers, %
 * r.groups.find((g) => g.key === 'kiosk')?.report.responses;
 */
export async function computeReport(
  db: Pick<Db, 'query'> & Partial<Pick<Db, 'transaction'>>,
  surveyOrVersions: Survey | readonly Survey[],
  opts: ReportOptions = {},
): Promise<ReportResult> {
  const versions = Array.isArray(surveyOrVersions)
    ? surveyOrVersions
    : [surveyOrVersions as Survey];
  const head = newest(versions);
  const questions = reportQuestions(versions);
  const groupBy = opts.groupBy ?? 'none';
  const period = opts.period ?? 'quarter';
  const statement = reportSql(head.id, questions, { ...opts, groupBy, period });
  const rows = statement.counts(await aggregate(db, statement.sql, statement.params));
  const { total, groups } = collect(rows);

  const keys = [...groups.keys()].sort((a, b) =>
    a === null ? 1 : b === null ? -1 : a.localeCompare(b),
  );
  const report = (c: Counts) => buildReport(head, questions, c);

  return {
    survey: { id: head.id, version: head.version, title: head.title },
    from: opts.from ?? null,
    to: opts.to ?? null,
    groupBy,
    period: groupBy === 'period' ? period : null,
    total: report(rows.length > 0 ? total : emptyCounts()),
    groups:
      groupBy === 'none'
        ? []
        : keys.map((key) => ({ key, report: report(groups.get(key) ?? emptyCounts()) })),
    touchpoints: await touchpointVolumes(db, head.id, opts),
  };
}

/**
 * Memory for the aggregate's hash tables, for this statement only. With the default 4 MB the
 * grouping of a large survey spills to disk; 64 MB halved the time of a 300,000-response report in
 * bench/report.ts. It is a per-operation ceiling on the database server, not an allocation.
 */
const REPORT_WORK_MEM = '64MB';

async function aggregate(
  db: Pick<Db, 'query'> & Partial<Pick<Db, 'transaction'>>,
  sql: string,
  params: unknown[],
): Promise<ResultRow[]> {
  if (!db.transaction) return db.query<ResultRow>(sql, params);
  return db.transaction(async (tx) => {
    await tx.query(`SET LOCAL work_mem = '${REPORT_WORK_MEM}'`);
    // The pivot has one expression per accepted value: compiling them (JIT) took 12.9 s of a
    // 22.9 s report over 1,000,000 responses, more than evaluating them. PGlite ignores it.
    await tx.query('SET LOCAL jit = off');
    return tx.query<ResultRow>(sql, params);
  });
}

/** Every touchpoint that ever answered, with its count in the period — silent ones show 0. */
async function touchpointVolumes(
  db: Pick<Db, 'query'>,
  surveyId: string,
  f: ResponseFilter,
): Promise<TouchpointVolume[]> {
  const params: unknown[] = [];
  const base = filterSql(surveyId, { version: f.version }, params);
  const inPeriod = filterSql(surveyId, { from: f.from, to: f.to, timeZone: f.timeZone }, params);
  const rows = await db.query<{ touchpoint: string | null; count: number; last: unknown }>(
    `SELECT touchpoint, (count(*) FILTER (WHERE ${inPeriod}))::int AS count, max(answered_at) AS last
       FROM responses WHERE ${base} GROUP BY touchpoint ORDER BY touchpoint NULLS LAST`,
    params,
  );
  return rows.map((r) => ({
    touchpoint: r.touchpoint,
    count: r.count,
    lastAnsweredAt: asDate(r.last),
  }));
}
