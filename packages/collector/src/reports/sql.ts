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
 * The group key: a column, or for periods the start of the period as a local timestamp (cheap to
 * compute per response and to group on), turned into its label (`2026-Q1`) only after
 * aggregation. Only fixed SQL from this table is spliced into the statement; the time zone is a
 * parameter. Half-years are calendar halves (Jan–Jun = H1, Jul–Dec = H2): the seeds' semiannual
 * reports fall due by 15 May and 15 Dec, i.e. shortly before each half ends, and a calendar half
 * is what a ministry compares year on year.
 */
function groupExpr(
  groupBy: GroupBy,
  period: Period,
  tz: string,
): { key: string; label: (col: string) => string } {
  const local = `(answered_at AT TIME ZONE ${tz})`;
  const same = (col: string): string => col;
  switch (groupBy) {
    case 'none':
      return { key: 'NULL::text', label: same };
    case 'channel':
    case 'object':
    case 'touchpoint':
      return { key: groupBy, label: same };
    case 'period':
      switch (period) {
        case 'month':
          return { key: `date_trunc('month', ${local})`, label: (c) => `to_char(${c}, 'YYYY-MM')` };
        case 'quarter':
          return {
            key: `date_trunc('quarter', ${local})`,
            label: (c) => `to_char(${c}, 'YYYY-"Q"Q')`,
          };
        case 'half-year':
          return {
            key: `date_trunc('year', ${local}) + CASE WHEN extract(month FROM ${local}) > 6 THEN interval '6 months' ELSE interval '0' END`,
            label: (c) =>
              `to_char(${c}, 'YYYY') || CASE WHEN extract(month FROM ${c}) > 6 THEN '-H2' ELSE '-H1' END`,
          };
        case 'year':
          return { key: `date_trunc('year', ${local})`, label: (c) => `to_char(${c}, 'YYYY')` };
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
      return {
        id: q.id,
        kind: 's',
        allowed: [...points(q.min, q.max), ...ids(q.extraOptions)],
        rws: null,
      };
    case 'single':
      return { id: q.id, kind: 's', allowed: ids(q.options), rws: null };
    case 'multiple':
      return { id: q.id, kind: 'm', allowed: ids(q.options), rws: null };
    case 'list':
      return {
        id: q.id,
        kind: q.multiple ? 'm' : 's',
        allowed: q.options ? ids(q.options) : null,
        rws: null,
      };
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
 * Builds the one aggregate statement behind a report, in two steps, both inside the database:
 *
 * 1. `grouped`: every response is split into its answers (`jsonb_each`) plus its channel, and
 *    identical answers are counted with GROUP BY (group key, question id, answer value). Text
 *    answers are reduced to "answered" first, so free text never becomes a group. This is the only
 *    step that reads every response; it yields a few rows per distinct answer.
 * 2. Each distinct answer is expanded into what the figures count — the values that fit the
 *    question (multiple-choice arrays via `jsonb_array_elements`, matrix rows via `jsonb_each`),
 *    and an "answered" marker for arrays, matrices and texts — weighted by its count and summed.
 *
 * Whether a value counts depends only on the answer itself, so counting distinct answers first
 * gives exactly the per-response result of core's accumulator. Node receives the sums, never the
 * responses; means and shares are then exact arithmetic on them (figures.ts).
 *
 * The questions (ids, kinds, accepted values) travel as one JSON parameter, never in the SQL text.
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
  params.push(questions.map((q) => q.id));
  const ids = `$${params.length}::text[]`;
  params.push(questions.filter((q) => q.type === 'text').map((q) => q.id));
  const texts = `$${params.length}::text[]`;
  const arrayOf = (kind: string, type: string, empty: string) =>
    `CASE WHEN qs.kind = '${kind}' AND jsonb_typeof(d.value) = '${type}' THEN d.value ELSE '${empty}'::jsonb END`;
  // Question ids start with a letter, so '@channel' cannot clash with one. Answers are grouped as
  // text, which hashes faster than jsonb.
  const sql = `
WITH qs AS MATERIALIZED (
  SELECT * FROM jsonb_to_recordset(${spec}) AS q(id text, kind text, allowed jsonb, rws jsonb)
), grouped AS (
  SELECT r.g, e.key,
         CASE WHEN e.key = ANY(${texts}) THEN NULL ELSE e.value::text END AS value,
         e.key = ANY(${texts}) AND jsonb_typeof(e.value) = 'string' AND e.value <> '""'::jsonb AS said,
         count(*) AS n
    FROM (SELECT ${g.key} AS g, channel, answers FROM responses WHERE ${where}) AS r
    CROSS JOIN LATERAL (
      SELECT '@channel'::text AS key, to_jsonb(r.channel) AS value
      UNION ALL
      SELECT key, value FROM jsonb_each(r.answers) WHERE key = ANY(${ids})
    ) AS e
   GROUP BY 1, 2, 3, 4
), d AS (
  SELECT ${g.label('g')} AS g, key, value::jsonb AS value, said, n FROM grouped
)
SELECT d.g, f.k, f.qid, f.row_id, f.val, f.num, sum(d.n)::int AS n
FROM d
LEFT JOIN qs ON qs.id = d.key
CROSS JOIN LATERAL (
  SELECT 'c'::text AS k, d.value #>> '{}' AS qid, NULL::text AS row_id, NULL::text AS val, false AS num
    WHERE d.key = '@channel'
  UNION ALL
  SELECT 'v', qs.id, NULL, ${VAL('d.value')}, jsonb_typeof(d.value) = 'number'
    WHERE qs.kind = 's' AND ${FITS('d.value')}
  UNION ALL
  SELECT 'a', qs.id, NULL, NULL, false WHERE d.said
  UNION ALL
  SELECT DISTINCT 'v', qs.id, NULL, e.value #>> '{}', false
    FROM jsonb_array_elements(${arrayOf('m', 'array', '[]')}) AS e
    WHERE ${FITS('e.value')}
  UNION ALL
  SELECT 'a', qs.id, NULL, NULL, false
    WHERE qs.kind = 'm' AND EXISTS (
      SELECT 1 FROM jsonb_array_elements(${arrayOf('m', 'array', '[]')}) AS e WHERE ${FITS('e.value')})
  UNION ALL
  SELECT 'v', qs.id, m.key, ${VAL('m.value')}, jsonb_typeof(m.value) = 'number'
    FROM jsonb_each(${arrayOf('x', 'object', '{}')}) AS m
    WHERE qs.rws ? m.key AND ${FITS('m.value')}
  UNION ALL
  SELECT 'a', qs.id, NULL, NULL, false
    WHERE qs.kind = 'x' AND EXISTS (
      SELECT 1 FROM jsonb_each(${arrayOf('x', 'object', '{}')}) AS m WHERE qs.rws ? m.key AND ${FITS('m.value')})
) AS f
GROUP BY d.g, f.k, f.qid, f.row_id, f.val, f.num`;
  return { sql, params };
}
