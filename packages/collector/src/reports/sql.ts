import type { ReportQuestion } from './questions.js';
import { filterSql, type ResponseFilter } from './filter.js';

export type GroupBy = 'none' | 'channel' | 'object' | 'touchpoint' | 'period';
export const GROUP_BY: readonly GroupBy[] = ['none', 'channel', 'object', 'touchpoint', 'period'];
export type Period = 'month' | 'quarter' | 'half-year' | 'year';
export const PERIODS: readonly Period[] = ['month', 'quarter', 'half-year', 'year'];

/** One aggregated count coming back from the database. */
export interface CountRow {
  /** Group key (null: no grouping, or no object/touchpoint on the response). */
  g: string | null;
  /** `c` channel count, `a` responses that answered a question, `v` a value given. */
  k: 'c' | 'a' | 'v';
  /** Channel (k = c) or question id. */
  qid: string;
  /** Matrix row id. */
  row_id: string | null;
  /** The value as text: option id, or a number. */
  val: string | null;
  /** The value was a JSON number (not an option id). */
  num: boolean;
  n: number;
}

/**
 * The group key expression. Only fixed SQL from this table is spliced into the statement; the
 * time zone is a parameter. Half-years are calendar halves (Jan–Jun = H1, Jul–Dec = H2): the
 * seeds' semiannual reports fall due by 15 May and 15 Dec, i.e. shortly before each half ends,
 * and a calendar half is what a ministry compares year on year.
 */
function groupExpr(groupBy: GroupBy, period: Period, tz: string): string {
  const local = `(answered_at AT TIME ZONE ${tz})`;
  switch (groupBy) {
    case 'none':
      return 'NULL::text';
    case 'channel':
    case 'object':
    case 'touchpoint':
      return groupBy;
    case 'period':
      switch (period) {
        case 'month':
          return `to_char(${local}, 'YYYY-MM')`;
        case 'quarter':
          return `to_char(${local}, 'YYYY-"Q"Q')`;
        case 'half-year':
          return `to_char(${local}, 'YYYY') || CASE WHEN extract(month FROM ${local}) <= 6 THEN '-H1' ELSE '-H2' END`;
        case 'year':
          return `to_char(${local}, 'YYYY')`;
      }
  }
}

/** How the statement reads one question's answer (see `questionSpec`). */
interface QuestionSpec {
  id: string;
  /** `s` one value, `m` an array of values, `x` a matrix object, `t` a text. */
  kind: 's' | 'm' | 'x' | 't';
  /** JSON values that count (option ids, scale points); null: any short string (run-time catalogue). */
  allowed: (string | number)[] | null;
  /** Matrix row ids. */
  rws: string[] | null;
}

function points(min: number, max: number): number[] {
  const out: number[] = [];
  for (let v = min; v <= max; v++) out.push(v);
  return out;
}

/** The values a question accepts, as core's tallies accept them (anything else is not counted). */
function questionSpec(q: ReportQuestion): QuestionSpec {
  const ids = (os: readonly { id: string }[] | undefined): string[] => (os ?? []).map((o) => o.id);
  switch (q.type) {
    case 'scale':
      return { id: q.id, kind: 's', allowed: [...points(q.min, q.max), ...ids(q.extraOptions)], rws: null };
    case 'single':
      return { id: q.id, kind: 's', allowed: ids(q.options), rws: null };
    case 'multiple':
      return { id: q.id, kind: 'm', allowed: ids(q.options), rws: null };
    case 'list':
      return { id: q.id, kind: q.multiple ? 'm' : 's', allowed: q.options ? ids(q.options) : null, rws: null };
    case 'matrix':
      return {
        id: q.id,
        kind: 'x',
        allowed: [...points(q.scale.min, q.scale.max), ...ids(q.extraOptions)],
        rws: q.rows.map((r) => r.id),
      };
    case 'text':
      return { id: q.id, kind: 't', allowed: null, rws: null };
  }
}

/** A value that counts for question `qs`: listed in `allowed`, or any short string for a catalogue. */
const FITS = (e: string): string => `CASE WHEN qs.allowed IS NULL
      THEN jsonb_typeof(${e}) = 'string' AND ${e} <> '""'::jsonb AND length(${e} #>> '{}') <= 200
      ELSE qs.allowed @> jsonb_build_array(${e}) END`;
/** The value as distribution key: option id, or the scale point as an integer ("5", not "5.0"). */
const VAL = (e: string): string =>
  `CASE WHEN jsonb_typeof(${e}) = 'number' THEN (${e})::numeric::bigint::text ELSE ${e} #>> '{}' END`;

/**
 * Builds the one aggregate statement behind a report. Every response is expanded, inside the
 * database, into the atoms the figures count — its channel, each value it gave that fits its
 * question (multiple-choice arrays via `jsonb_array_elements`, matrix rows via `jsonb_each`), and
 * for arrays, matrices and texts a marker "answered" — and the atoms are counted with GROUP BY.
 * Node receives a few rows per group and value, never the responses; means and shares are then
 * exact arithmetic on these counts (figures.ts), as in core's accumulator.
 *
 * The questions (ids, kinds, accepted values) travel as one JSON parameter, never inside the SQL
 * text.
 */
export function reportSql(
  surveyId: string,
  questions: readonly ReportQuestion[],
  opts: ResponseFilter & { groupBy: GroupBy; period: Period },
): { sql: string; params: unknown[] } {
  const params: unknown[] = [];
  const where = filterSql(surveyId, opts, params);
  // An unused parameter has no type PostgreSQL can infer: add the zone only when it is used.
  if (opts.groupBy === 'period') params.push(opts.timeZone ?? 'UTC');
  const g = groupExpr(opts.groupBy, opts.period, `$${params.length}::text`);
  params.push(JSON.stringify(questions.map(questionSpec)));
  const spec = `$${params.length}::jsonb`;
  const arrayOf = (kind: string, type: string, empty: string) =>
    `CASE WHEN qs.kind = '${kind}' AND jsonb_typeof(a.v) = '${type}' THEN a.v ELSE '${empty}'::jsonb END`;
  const sql = `
WITH qs AS MATERIALIZED (
  SELECT * FROM jsonb_to_recordset(${spec}) AS q(id text, kind text, allowed jsonb, rws jsonb)
), r AS (
  SELECT ${g} AS g, channel, answers FROM responses WHERE ${where}
)
SELECT r.g, x.k, x.qid, x.row_id, x.val, x.num, count(*)::int AS n
FROM r CROSS JOIN LATERAL (
  SELECT 'c'::text AS k, r.channel AS qid, NULL::text AS row_id, NULL::text AS val, false AS num
  UNION ALL
  SELECT f.k, qs.id, f.row_id, f.val, f.num
    FROM qs
    CROSS JOIN LATERAL (SELECT r.answers -> qs.id AS v) AS a
    CROSS JOIN LATERAL (
      SELECT 'v'::text AS k, NULL::text AS row_id, ${VAL('a.v')} AS val, jsonb_typeof(a.v) = 'number' AS num
        WHERE qs.kind = 's' AND ${FITS('a.v')}
      UNION ALL
      SELECT 'a', NULL, NULL, false
        WHERE qs.kind = 't' AND jsonb_typeof(a.v) = 'string' AND a.v <> '""'::jsonb
      UNION ALL
      SELECT DISTINCT 'v', NULL, e.value #>> '{}', false
        FROM jsonb_array_elements(${arrayOf('m', 'array', '[]')}) AS e
        WHERE ${FITS('e.value')}
      UNION ALL
      SELECT 'a', NULL, NULL, false
        WHERE qs.kind = 'm' AND EXISTS (
          SELECT 1 FROM jsonb_array_elements(${arrayOf('m', 'array', '[]')}) AS e WHERE ${FITS('e.value')})
      UNION ALL
      SELECT 'v', m.key, ${VAL('m.value')}, jsonb_typeof(m.value) = 'number'
        FROM jsonb_each(${arrayOf('x', 'object', '{}')}) AS m
        WHERE qs.rws ? m.key AND ${FITS('m.value')}
      UNION ALL
      SELECT 'a', NULL, NULL, false
        WHERE qs.kind = 'x' AND EXISTS (
          SELECT 1 FROM jsonb_each(${arrayOf('x', 'object', '{}')}) AS m WHERE qs.rws ? m.key AND ${FITS('m.value')})
    ) AS f
    WHERE a.v IS NOT NULL
) AS x
GROUP BY r.g, x.k, x.qid, x.row_id, x.val, x.num`;
  return { sql, params };
}
