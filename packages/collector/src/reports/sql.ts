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

/**
 * Builds the one aggregate statement behind a report. Every response is expanded, inside the
 * database, into the atoms the figures count — its channel, each question it answered, each value
 * it gave (multiple-choice arrays via `jsonb_array_elements_text`, matrix rows via `jsonb_each`) —
 * and the atoms are counted with GROUP BY. Node receives a few rows per group and value, never
 * the responses; means and shares are then exact arithmetic on these counts (figures.ts).
 *
 * Question ids travel as array parameters, never inside the SQL text.
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
  const ids = (pred: (q: ReportQuestion) => boolean): number => {
    params.push(questions.filter(pred).map((q) => q.id));
    return params.length;
  };
  const all = ids(() => true);
  const scalar = ids((q) => q.type === 'single' || q.type === 'scale' || (q.type === 'list' && !q.multiple));
  const arrays = ids((q) => q.type === 'multiple' || (q.type === 'list' && q.multiple === true));
  const matrices = ids((q) => q.type === 'matrix');
  const sql = `
WITH r AS (
  SELECT ${g} AS g, channel, answers FROM responses WHERE ${where}
)
SELECT r.g, a.k, a.qid, a.row_id, a.val, a.num, count(*)::int AS n
FROM r CROSS JOIN LATERAL (
  SELECT 'c'::text AS k, r.channel AS qid, NULL::text AS row_id, NULL::text AS val, false AS num
  UNION ALL
  SELECT 'a', q.id, NULL, NULL, false
    FROM unnest($${all}::text[]) AS q(id)
    WHERE r.answers ? q.id
      AND (r.answers -> q.id) NOT IN ('null'::jsonb, '""'::jsonb, '[]'::jsonb, '{}'::jsonb)
  UNION ALL
  SELECT 'v', q.id, NULL, (r.answers -> q.id) #>> '{}', jsonb_typeof(r.answers -> q.id) = 'number'
    FROM unnest($${scalar}::text[]) AS q(id)
    WHERE jsonb_typeof(r.answers -> q.id) IN ('string', 'number')
  UNION ALL
  SELECT 'v', q.id, NULL, x.val, false
    FROM unnest($${arrays}::text[]) AS q(id),
      jsonb_array_elements_text(CASE WHEN jsonb_typeof(r.answers -> q.id) = 'array'
        THEN r.answers -> q.id ELSE '[]'::jsonb END) AS x(val)
  UNION ALL
  SELECT 'v', q.id, m.key, m.value #>> '{}', jsonb_typeof(m.value) = 'number'
    FROM unnest($${matrices}::text[]) AS q(id),
      jsonb_each(CASE WHEN jsonb_typeof(r.answers -> q.id) = 'object'
        THEN r.answers -> q.id ELSE '{}'::jsonb END) AS m
    WHERE jsonb_typeof(m.value) IN ('string', 'number')
) AS a
GROUP BY r.g, a.k, a.qid, a.row_id, a.val, a.num`;
  return { sql, params };
}
