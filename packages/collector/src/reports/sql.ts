/**
 * The report's statements over the rollup (store/rollup.ts): counts summed per group, as core's
 * `CountRow`s, straight from the database to `figuresFromCounts`.
 */
import { splitRange } from './period.js';

/** What a report can be grouped by (one, or a pair such as object × period). */
export type Dimension = 'channel' | 'object' | 'touchpoint' | 'respondent' | 'version' | 'period';
export const DIMENSIONS: readonly Dimension[] = [
  'channel',
  'object',
  'touchpoint',
  'respondent',
  'version',
  'period',
];
export type GroupBy = 'none' | Dimension;
export const GROUP_BY: readonly GroupBy[] = ['none', ...DIMENSIONS];
export type Period = 'month' | 'quarter' | 'half-year' | 'year';
export const PERIODS: readonly Period[] = ['month', 'quarter', 'half-year', 'year'];

/** Which counts a report reads: a day range (in the rollup's zone) and dimension filters. */
export interface RollupFilter {
  /** First day included, `YYYY-MM-DD`. */
  from?: string | undefined;
  /** Last day included, `YYYY-MM-DD`. */
  to?: string | undefined;
  version?: number | undefined;
  channel?: readonly string[] | undefined;
  object?: readonly string[] | undefined;
  touchpoint?: readonly string[] | undefined;
  respondent?: readonly string[] | undefined;
}

/** One summed count with its group keys: core's CountRow plus `g1`, `g2` (`channel` is '' but on response counts). */
export interface GroupedCountRow {
  g1: string | null;
  g2: string | null;
  channel: string;
  question: string | null;
  row: string | null;
  value: string | null;
  n: number;
}

/** The rollup column a dimension groups on (cheap to hash: no expression per row). */
function rawKey(d: Dimension | null): string {
  switch (d) {
    case null:
      return 'NULL::text';
    case 'version':
      return 'survey_version';
    case 'period':
      return 'day';
    default:
      return d;
  }
}

/**
 * The group label of a raw key, computed once per group after the first aggregation. Period
 * labels come from `day`, which in the monthly rollup is the month's first day: every period is
 * whole months. Half-years are calendar halves (Jan–Jun = H1): the seeds' semiannual reports
 * compare a calendar half year on year.
 */
function label(d: Dimension | null, period: Period, col: string): string {
  switch (d) {
    case null:
      return 'NULL::text';
    case 'channel':
    case 'respondent':
      return col;
    case 'object':
    case 'touchpoint':
      return `NULLIF(${col}, '')`;
    case 'version':
      return `${col}::text`;
    case 'period':
      switch (period) {
        case 'month':
          return `to_char(${col}, 'YYYY-MM')`;
        case 'quarter':
          return `to_char(${col}, 'YYYY-"Q"Q')`;
        case 'half-year':
          return `to_char(${col}, 'YYYY') || CASE WHEN extract(month FROM ${col}) > 6 THEN '-H2' ELSE '-H1' END`;
        case 'year':
          return `to_char(${col}, 'YYYY')`;
      }
  }
}

/**
 * The rollup rows a filter covers: whole months from `report_rollup_month`, the days at the
 * edges from `report_rollup`, as one UNION ALL. Every value is a parameter appended to `params`.
 */
function source(surveyId: string, f: RollupFilter, params: unknown[], extra = ''): string {
  const p = (v: unknown, type: string): string => {
    params.push(v);
    return `$${params.length}::${type}`;
  };
  const conds = [`survey_id = ${p(surveyId, 'text')}`];
  if (f.version !== undefined) conds.push(`survey_version = ${p(f.version, 'int')}`);
  for (const d of ['channel', 'object', 'touchpoint', 'respondent'] as const) {
    const v = f[d];
    if (v !== undefined) conds.push(`${d} = ANY(${p(v, 'text[]')})`);
  }
  if (extra) conds.push(extra);
  const where = conds.join(' AND ');
  const cols =
    'day, survey_version, channel, object, touchpoint, respondent, question, row_id, val, n';
  const { months, days } = splitRange(f.from, f.to);
  const parts: string[] = [];
  if (months) {
    const [a, b] = months;
    const range = [
      a === null ? '' : ` AND day >= ${p(a, 'date')}`,
      b === null ? '' : ` AND day < ${p(b, 'date')}`,
    ].join('');
    parts.push(`SELECT ${cols} FROM report_rollup_month WHERE ${where}${range}`);
  }
  if (days.length > 0) {
    const ranges = days.map(([a, b]) => `day BETWEEN ${p(a, 'date')} AND ${p(b, 'date')}`);
    parts.push(`SELECT ${cols} FROM report_rollup WHERE ${where} AND (${ranges.join(' OR ')})`);
  }
  if (parts.length === 0) parts.push(`SELECT ${cols} FROM report_rollup WHERE false`);
  return `(${parts.join('\n  UNION ALL\n  ')})`;
}

/**
 * The statement of a report: the counts summed per (group keys, channel, question, row, value).
 * Its size is the number of groups × the values given, whatever the number of responses.
 *
 * @example
 * const { sql, params } = countsSql('kiosk-pulse', { from: '2026-01-01' }, ['object', 'period'], 'quarter');
 */
export function countsSql(
  surveyId: string,
  f: RollupFilter,
  dims: readonly [Dimension | null, Dimension | null],
  period: Period,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const from = source(surveyId, f, params);
  // Summed on the plain columns first, then labelled: the labels cost once per group, not per row.
  // Only response counts are reported per channel: an answer's count is summed over channels
  // (channel ''), which makes the result a quarter as long with four channels.
  const sql = `SELECT ${label(dims[0], period, 'k1')} AS g1, ${label(dims[1], period, 'k2')} AS g2, channel,
       NULLIF(question, '') AS question, NULLIF(row_id, '') AS "row", NULLIF(val, '') AS value,
       sum(n)::float8 AS n
  FROM (SELECT ${rawKey(dims[0])} AS k1, ${rawKey(dims[1])} AS k2,
               CASE WHEN question = '' THEN channel ELSE '' END AS channel, question, row_id, val,
               sum(n) AS n
          FROM ${from} AS r
         GROUP BY 1, 2, 3, 4, 5, 6) AS s
 GROUP BY 1, 2, 3, 4, 5, 6`;
  return { sql, params };
}

/**
 * Responses per touchpoint in the filter, beside every touchpoint that ever answered within the
 * filter's version and dimensions, and its latest answer: a touchpoint that fell silent shows 0.
 */
export function touchpointsSql(
  surveyId: string,
  f: RollupFilter,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const counted = source(surveyId, f, params, `question = ''`);
  const sql = `SELECT NULLIF(t.touchpoint, '') AS touchpoint, COALESCE(c.n, 0)::float8 AS count, t.last
  FROM (SELECT touchpoint, max(last_at) AS last FROM report_rollup_last
         WHERE ${lastConditions(surveyId, f, params)} GROUP BY touchpoint) AS t
  LEFT JOIN (SELECT touchpoint, sum(n) AS n FROM ${counted} AS r GROUP BY touchpoint) AS c
    ON c.touchpoint = t.touchpoint
 ORDER BY t.touchpoint = '', t.touchpoint`;
  return { sql, params };
}

/** The dimensions «latest response» is kept for (report_rollup_last). */
export type LastDimension = 'channel' | 'object' | 'touchpoint' | 'respondent';

/**
 * The latest response ever of each value of `dim` among the responses the filter's version and
 * dimensions cover (its days are ignored: «ever»), from `report_rollup_last`.
 */
export function lastAnsweredSql(
  surveyId: string,
  dim: LastDimension,
  f: RollupFilter,
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  // `dim` comes from the fixed union above, never from the request.
  const sql = `SELECT NULLIF(${dim}, '') AS key, max(last_at) AS last FROM report_rollup_last
 WHERE ${lastConditions(surveyId, f, params)} GROUP BY ${dim}`;
  return { sql, params };
}

/**
 * The WHERE of a `report_rollup_last` read: the survey, the filter's version and every dimension
 * it names (its days are ignored: «ever»). Pushes its values onto `params`.
 */
function lastConditions(surveyId: string, f: RollupFilter, params: unknown[]): string {
  params.push(surveyId);
  const conds = [`survey_id = $${params.length}::text`];
  if (f.version !== undefined) {
    params.push(f.version);
    conds.push(`survey_version = $${params.length}::int`);
  }
  for (const d of ['channel', 'object', 'touchpoint', 'respondent'] as const) {
    const v = f[d];
    if (v === undefined) continue;
    params.push(v);
    conds.push(`${d} = ANY($${params.length}::text[])`);
  }
  return conds.join(' AND ');
}

/** Responses and the latest one of every survey that has any (month counts, latest per key). */
export const SURVEY_VOLUMES_SQL = `SELECT c.survey_id AS id, c.n::float8 AS n, l.last
  FROM (SELECT survey_id, sum(n) AS n FROM report_rollup_month WHERE question = '' GROUP BY 1) AS c
  JOIN (SELECT survey_id, max(last_at) AS last FROM report_rollup_last GROUP BY 1) AS l
    USING (survey_id)`;
