import { filterSql, type ResponseFilter } from './filter.js';
import { buildPivot, type Slot } from './pivot.js';
import type { ReportQuestion } from './questions.js';
import { questionSpec } from './spec.js';

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

/** A value that counts for question `qs`: listed in `allowed`, or any short string for a catalogue. */
const FITS = (e: string): string => `CASE WHEN qs.allowed IS NULL
      THEN jsonb_typeof(${e}) = 'string' AND ${e} <> '""'::jsonb AND length(${e} #>> '{}') <= 200
      ELSE qs.allowed @> jsonb_build_array(${e}) END`;
/** The value as distribution key: option id, or the scale point as an integer ("5", not "5.0"). */
const VAL = (e: string): string =>
  `CASE WHEN jsonb_typeof(${e}) = 'number' THEN (${e})::numeric::bigint::text ELSE ${e} #>> '{}' END`;

/** A row as the statement returns it: a pivot row carries the counts of every slot. */
export interface ResultRow extends CountRow {
  counts: number[] | null;
}

/** The report's statement, and how to read its rows back as counts. */
export interface ReportStatement {
  sql: string;
  params: unknown[];
  /** The statement's rows as one count per (group, kind, question, row, value), zeros left out. */
  counts(rows: readonly ResultRow[]): CountRow[];
}

/**
 * Builds the one aggregate statement behind a report. Node receives sums, never responses; means
 * and shares are then exact arithmetic on them (core's accumulator, via state.ts). Two parts, in
 * one statement so they read one snapshot:
 *
 * 1. `pivot` (pivot.ts), for every question whose accepted values the survey lists: one pass over
 *    the responses, grouped by (group key, channel), with one `count(*) FILTER` per accepted value.
 *    The answers are read out of the JSON in the scan, once per response and question: the
 *    subquery is one branch of a UNION ALL whose other branch is empty, which keeps the planner
 *    from inlining its expressions into every aggregate that compares them, and still lets it scan
 *    in parallel workers.
 * 2. `rest`, only for run-time catalogues (values unknown until answered) and surveys too big for
 *    one pivot: their answers are grouped by value (`GROUP BY` group key, question, answer) and each
 *    distinct answer is expanded into what the figures count — values that fit the question
 *    (arrays via `jsonb_array_elements`, matrix rows via `jsonb_each`) and an "answered" marker —
 *    weighted by its count. Whether a value counts depends only on the answer itself, so counting
 *    distinct answers first gives exactly the per-response result of core's accumulator.
 *
 * Question ids, option ids and accepted values travel as parameters, never in the SQL text.
 */
export function reportSql(
  surveyId: string,
  questions: readonly ReportQuestion[],
  opts: ResponseFilter & { groupBy: GroupBy; period: Period },
): ReportStatement {
  const params: unknown[] = [];
  const where = filterSql(surveyId, opts, params);
  // An unused parameter has no type PostgreSQL can infer: add the zone only when it is used.
  if (opts.groupBy === 'period') params.push(opts.timeZone ?? 'UTC');
  const g = groupExpr(opts.groupBy, opts.period, `$${params.length}::text`);
  const param = (v: unknown, type: string): string => {
    params.push(v);
    return `$${params.length}::${type}`;
  };

  const pivot = buildPivot(questions.map(questionSpec), param);
  const cols = pivot.columns.map((c, i) => `,\n         ${c} AS p${i}`).join('');
  const branch = (cond: string): string =>
    `SELECT ${g.key} AS g, channel${cols}\n    FROM responses WHERE ${cond}`;
  const counts =
    pivot.aggregates.length > 0
      ? `ARRAY[\n    ${pivot.aggregates.join(',\n    ')}]::int[]`
      : `'{}'::int[]`;
  const ctes = [
    `pivot AS (
  SELECT g, channel, count(*)::int AS n, ${counts} AS counts
  FROM (${branch(where)}
        UNION ALL
        ${branch('false')}) AS r
  GROUP BY g, channel
)`,
  ];
  const parts = [
    `SELECT ${g.label('g')} AS g, 'c'::text AS k, channel AS qid, NULL::text AS row_id, NULL::text AS val,
       false AS num, n, counts FROM pivot`,
  ];
  if (pivot.rest.length > 0) {
    const spec = param(JSON.stringify(pivot.rest), 'jsonb');
    const ids = param(
      pivot.rest.map((q) => q.id),
      'text[]',
    );
    const texts = param(
      pivot.rest.filter((q) => q.kind === 't').map((q) => q.id),
      'text[]',
    );
    const arrayOf = (kind: string, type: string, empty: string) =>
      `CASE WHEN qs.kind = '${kind}' AND jsonb_typeof(d.value) = '${type}' THEN d.value ELSE '${empty}'::jsonb END`;
    // Answers are grouped as text, which hashes faster than jsonb.
    ctes.push(`qs AS MATERIALIZED (
  SELECT * FROM jsonb_to_recordset(${spec}) AS q(id text, kind text, allowed jsonb, rws jsonb)
), grouped AS (
  SELECT r.g, e.key,
         CASE WHEN e.key = ANY(${texts}) THEN NULL ELSE e.value::text END AS value,
         e.key = ANY(${texts}) AND jsonb_typeof(e.value) = 'string' AND e.value <> '""'::jsonb AS said,
         count(*) AS n
    FROM (SELECT ${g.key} AS g, answers FROM responses WHERE ${where}) AS r
    CROSS JOIN LATERAL (SELECT k.key, r.answers -> k.key AS value FROM unnest(${ids}) AS k(key)) AS e
   WHERE e.value IS NOT NULL
   GROUP BY 1, 2, 3, 4
), d AS (
  SELECT ${g.label('g')} AS g, key, value::jsonb AS value, said, n FROM grouped
), rest AS (
  SELECT d.g, f.k, f.qid, f.row_id, f.val, f.num, sum(d.n)::int AS n
  FROM d
  JOIN qs ON qs.id = d.key
  CROSS JOIN LATERAL (
    SELECT 'v'::text AS k, qs.id AS qid, NULL::text AS row_id, ${VAL('d.value')} AS val,
           jsonb_typeof(d.value) = 'number' AS num
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
  GROUP BY d.g, f.k, f.qid, f.row_id, f.val, f.num
)`);
    parts.push(`SELECT g, k, qid, row_id, val, num, n, NULL::int[] AS counts FROM rest`);
  }
  const sql = `WITH ${ctes.join(', ')}\n${parts.join('\nUNION ALL\n')}`;
  return { sql, params, counts: (rows) => expand(rows, pivot.slots) };
}

/** Pivot rows become one count per slot (zeros dropped, as GROUP BY never yields them). */
function expand(rows: readonly ResultRow[], slots: readonly Slot[]): CountRow[] {
  const out: CountRow[] = [];
  for (const { counts, ...row } of rows) {
    out.push(row);
    if (counts === null) continue;
    slots.forEach((s, i) => {
      const n = counts[i] ?? 0;
      if (n > 0)
        out.push({ g: row.g, k: s.k, qid: s.qid, row_id: s.row, val: s.val, num: s.num, n });
    });
  }
  return out;
}
