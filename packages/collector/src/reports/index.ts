/**
 * Survey reports read from the rollup (store/rollup.ts): the database sums pre-aggregated counts
 * per group, and core turns those rows into figures (`figuresFromCounts`) — one shape from the
 * database to the figures, and the formulas only in core.
 */
import {
  figuresFromCounts,
  roundedRatio,
  type LocalizedText,
  type Survey,
  type SurveyReport,
} from '@otklik/core';
import type { Db } from '../store/db.js';
import { rollupZone } from '../store/rollup.js';
import { previousPeriod } from './period.js';
import { newest, reportQuestions } from './questions.js';
import {
  countsSql,
  lastAnsweredSql,
  SURVEY_VOLUMES_SQL,
  touchpointsSql,
  type LastDimension,
  type Dimension,
  type GroupBy,
  type GroupedCountRow,
  type Period,
  type RollupFilter,
} from './sql.js';

export {
  DIMENSIONS,
  GROUP_BY,
  PERIODS,
  type Dimension,
  type GroupBy,
  type LastDimension,
  type Period,
  type RollupFilter,
} from './sql.js';
export type { ResponseFilter } from './filter.js';
export { filterSql } from './filter.js';
export { reportQuestions, type ReportQuestion } from './questions.js';
export { parseReportQuery, type ReportQuery } from './params.js';
export { previousPeriod } from './period.js';

export interface ReportOptions extends RollupFilter {
  /** Default `none`: only `total`, no groups. A pair groups by both, e.g. `['object', 'period']`. */
  groupBy?: GroupBy | readonly [Dimension, Dimension] | undefined;
  /** For grouping by `period` (default `quarter`). */
  period?: Period | undefined;
  /**
   * The zone days are counted in. The rollup counts the days of one zone (the collector's
   * TIME_ZONE); another zone throws `ReportZoneError`. Default: the rollup's.
   */
  timeZone?: string | undefined;
  /** Also compute the previous comparable period (needs `from` and `to`) and the changes. */
  compare?: boolean | undefined;
}

export interface TouchpointVolume {
  /** null: responses that named no touchpoint. */
  touchpoint: string | null;
  /** Responses in the report's period (0 when a touchpoint that once answered fell silent). */
  count: number;
  /** The latest response from it ever, ISO 8601. */
  lastAnsweredAt: string;
}

export interface ReportGroup {
  /** The group's key; for a pair of dimensions both keys joined by ` × `. */
  key: string | null;
  /** For a pair of dimensions: each key (null: no object/touchpoint). */
  keys?: [string | null, string | null];
  report: SurveyReport;
}

/** Current minus previous, in the figure's own unit (points for shares); null when either is. */
export interface ReportChange {
  responses: number;
  problems: number;
  satisfactionLevel: number | null;
  satisfiedShare: number | null;
  nps: number | null;
  effortIndex: number | null;
}

export interface PreviousPeriod {
  from: string;
  to: string;
  total: SurveyReport;
  groups: ReportGroup[];
  /** Changes from the previous period: the total's, and each group's found in both by key. */
  change: { total: ReportChange; groups: { key: string | null; change: ReportChange }[] };
}

export interface ReportResult {
  survey: { id: string; version: number; title: LocalizedText };
  from: string | null;
  to: string | null;
  /** The zone whose days `from`, `to` and the periods are. */
  timeZone: string;
  groupBy: GroupBy | [Dimension, Dimension];
  period: Period | null;
  total: SurveyReport;
  groups: ReportGroup[];
  /** Volume per touchpoint: "the absence of feedback is itself a signal" (000 §35). */
  touchpoints: TouchpointVolume[];
  /** With `compare`: the previous comparable period; null when the range is open. */
  previous?: PreviousPeriod | null;
}

/** A report asked in a zone other than the rollup's: its days cannot be re-cut from day counts. */
export class ReportZoneError extends Error {
  override name = 'ReportZoneError';
  readonly ru: string;
  constructor(
    readonly asked: string,
    readonly zone: string,
  ) {
    super(
      `"tz": reports count the days of ${zone} (the collector's TIME_ZONE); ${asked} cannot be used`,
    );
    this.ru = `«tz»: отчёты считаются по суткам ${zone} (TIME_ZONE сборщика); ${asked} нельзя`;
  }
}

type Queryable = Pick<Db, 'query'> & Partial<Pick<Db, 'transaction'>>;

function asDate(v: unknown): string {
  return (v instanceof Date ? v : new Date(String(v))).toISOString();
}

const byKey = (a: string | null, b: string | null): number =>
  a === b ? 0 : a === null ? 1 : b === null ? -1 : a.localeCompare(b, 'en', { numeric: true });

/** Figures and groups of one range. */
async function figures(
  db: Queryable,
  head: Survey,
  questions: ReturnType<typeof reportQuestions>,
  f: RollupFilter,
  dims: readonly [Dimension | null, Dimension | null],
  period: Period,
): Promise<{ total: SurveyReport; groups: ReportGroup[] }> {
  const { sql, params } = countsSql(head.id, f, dims, period);
  const rows = await read<GroupedCountRow>(db, sql, params);
  const total = figuresFromCounts(head, rows, questions);
  if (dims[0] === null) return { total, groups: [] };
  const byGroup = new Map<
    string,
    { keys: [string | null, string | null]; rows: GroupedCountRow[] }
  >();
  for (const r of rows) {
    const id = JSON.stringify([r.g1, r.g2]);
    let g = byGroup.get(id);
    if (!g) byGroup.set(id, (g = { keys: [r.g1, r.g2], rows: [] }));
    g.rows.push(r);
  }
  const pair = dims[1] !== null;
  const groups = [...byGroup.values()]
    .sort((a, b) => byKey(a.keys[0], b.keys[0]) || byKey(a.keys[1], b.keys[1]))
    .map(({ keys, rows: rs }): ReportGroup => {
      const report = figuresFromCounts(head, rs, questions);
      if (!pair) return { key: keys[0], report };
      return { key: keys.map((k) => k ?? '—').join(' × '), keys, report };
    });
  return { total, groups };
}

/**
 * Memory for the statement's hash tables (a per-operation ceiling, not an allocation): with the
 * default 4 MB summing 200,000 monthly rows spilled to disk. JIT off: compiling the plan cost more
 * than running it. PGlite ignores both.
 */
async function read<T extends object>(db: Queryable, sql: string, params: unknown[]): Promise<T[]> {
  if (!db.transaction) return db.query<T>(sql, params);
  return db.transaction(async (tx) => {
    await tx.query(`SET LOCAL work_mem = '64MB'`);
    await tx.query('SET LOCAL jit = off');
    return tx.query<T>(sql, params);
  });
}

/** a − b of two one-decimal figures, exact in tenths; null when either is missing. */
function diff(a: number | null | undefined, b: number | null | undefined): number | null {
  if (typeof a !== 'number' || typeof b !== 'number') return null;
  return roundedRatio(Math.round(a * 10) - Math.round(b * 10), 10, 1);
}

function change(now: SurveyReport, before: SurveyReport): ReportChange {
  return {
    responses: now.responses - before.responses,
    problems: now.problems - before.problems,
    satisfactionLevel: diff(now.summary.satisfactionLevel, before.summary.satisfactionLevel),
    satisfiedShare: diff(now.summary.satisfiedShare, before.summary.satisfiedShare),
    nps: diff(now.summary.nps, before.summary.nps),
    effortIndex: diff(now.summary.effortIndex, before.summary.effortIndex),
  };
}

/**
 * Computes a report over the responses to a survey (all the versions given, by question id) from
 * the rollup: reading O(groups × values) rows, whatever the number of responses. Days and periods
 * are those of the rollup's zone.
 *
 * @example
 * const r = await computeReport(db, [v1, v2], {
 *   from: '2026-01-01', to: '2026-06-30', groupBy: ['object', 'period'], period: 'quarter',
 *   channel: ['kiosk'], compare: true,
 * });
 * r.total.summary.satisfactionLevel; // share of 4–5 answers, %
 * r.previous?.change.total.satisfactionLevel; // points up or down on 2025-H2
 */
export async function computeReport(
  db: Queryable,
  surveyOrVersions: Survey | readonly Survey[],
  opts: ReportOptions = {},
): Promise<ReportResult> {
  const versions = Array.isArray(surveyOrVersions)
    ? surveyOrVersions
    : [surveyOrVersions as Survey];
  const head = newest(versions);
  const questions = reportQuestions(versions);
  const zone = await rollupZone(db);
  if (opts.timeZone !== undefined && opts.timeZone !== zone) {
    throw new ReportZoneError(opts.timeZone, zone);
  }
  const groupBy = opts.groupBy ?? 'none';
  const dims: [Dimension | null, Dimension | null] =
    typeof groupBy === 'string'
      ? [groupBy === 'none' ? null : groupBy, null]
      : [groupBy[0], groupBy[1]];
  const period = opts.period ?? 'quarter';
  const usesPeriod = dims.includes('period');
  const filter: RollupFilter = {
    from: opts.from,
    to: opts.to,
    version: opts.version,
    channel: opts.channel,
    object: opts.object,
    touchpoint: opts.touchpoint,
    respondent: opts.respondent,
  };

  const range =
    opts.compare && opts.from !== undefined && opts.to !== undefined
      ? previousPeriod(opts.from, opts.to)
      : null;
  // Independent statements: on PostgreSQL they run side by side on the pool's connections.
  const [current, before, touchpoints] = await Promise.all([
    figures(db, head, questions, filter, dims, period),
    range ? figures(db, head, questions, { ...filter, ...range }, dims, period) : null,
    touchpointVolumes(db, head.id, filter),
  ]);
  const result: ReportResult = {
    survey: { id: head.id, version: head.version, title: head.title },
    from: opts.from ?? null,
    to: opts.to ?? null,
    timeZone: zone,
    groupBy: typeof groupBy === 'string' ? groupBy : [groupBy[0], groupBy[1]],
    period: usesPeriod ? period : null,
    total: current.total,
    groups: current.groups,
    touchpoints,
  };
  if (opts.compare) result.previous = null;
  if (range && before) {
    const old = new Map(before.groups.map((g) => [g.key, g.report]));
    result.previous = {
      ...range,
      total: before.total,
      groups: before.groups,
      change: {
        total: change(current.total, before.total),
        groups: current.groups.flatMap((g) => {
          const was = old.get(g.key);
          return was ? [{ key: g.key, change: change(g.report, was) }] : [];
        }),
      },
    };
  }
  return result;
}

async function touchpointVolumes(
  db: Pick<Db, 'query'>,
  surveyId: string,
  f: RollupFilter,
): Promise<TouchpointVolume[]> {
  const { sql, params } = touchpointsSql(surveyId, f);
  const rows = await db.query<{ touchpoint: string | null; count: number; last: unknown }>(
    sql,
    params,
  );
  return rows.map((r) => ({
    touchpoint: r.touchpoint,
    count: r.count,
    lastAnsweredAt: asDate(r.last),
  }));
}

/**
 * The latest response (ISO 8601) ever of each channel, service, touchpoint or respondent kind of a
 * survey, within the filter's version and dimensions (its days are ignored), from the rollup.
 * The key null gathers responses that named none.
 *
 * @example
 * const seen = await lastAnswered(db, 'kiosk-pulse', 'object', { channel: ['kiosk'] });
 * seen.get('svc-1'); // '2026-02-10T10:00:00.000Z'
 */
export async function lastAnswered(
  db: Pick<Db, 'query'>,
  surveyId: string,
  dim: LastDimension,
  f: RollupFilter = {},
): Promise<Map<string | null, string>> {
  const { sql, params } = lastAnsweredSql(surveyId, dim, f);
  const rows = await db.query<{ key: string | null; last: unknown }>(sql, params);
  return new Map(rows.map((r) => [r.key, asDate(r.last)]));
}

/**
 * Number of responses and the latest one of every survey that has responses, from the rollup.
 *
 * @example
 * (await surveyVolumes(db)).get('kiosk-pulse'); // { responses: 12, last: '2026-…' }
 */
export async function surveyVolumes(
  db: Pick<Db, 'query'>,
): Promise<Map<string, { responses: number; last: string }>> {
  const rows = await db.query<{ id: string; n: number; last: unknown }>(SURVEY_VOLUMES_SQL);
  return new Map(rows.map((r) => [r.id, { responses: r.n, last: asDate(r.last) }]));
}
