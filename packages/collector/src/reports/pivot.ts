import type { QuestionSpec } from './spec.js';

/** What one aggregate of the pivot counts: an answered question, or one value (of one matrix row). */
export interface Slot {
  k: 'a' | 'v';
  qid: string;
  row: string | null;
  /** Option id, or a scale point as text. */
  val: string | null;
  /** The value is a scale point (a JSON number), not an option id. */
  num: boolean;
}

/** The per-value counts of the questions whose accepted values the survey lists. */
export interface Pivot {
  /** Expressions over `answers`, each computed once per response; referenced as `p0`, `p1`… */
  columns: string[];
  /** `count(*) FILTER (…)` over the columns, one per slot. */
  aggregates: string[];
  slots: Slot[];
  /** Questions left to the grouping path: run-time catalogues, and those over the budget. */
  rest: QuestionSpec[];
}

/**
 * PostgreSQL allows 1,664 columns in a row, and a parallel plan passes every aggregate's partial
 * state as one column; past these budgets questions go to the (slower) grouping path instead.
 */
const MAX_AGGREGATES = 1200;
const MAX_COLUMNS = 400;

/** A value as `(answers -> key)::text` prints it: canonical JSON, so `4` and `"4"` differ. */
const jsonText = (v: string | number): string => JSON.stringify(v);

/**
 * Plans the single-pass count of every value a question accepts: each answer is read out of the
 * JSON once per response (a column), and each accepted value is one `count(*) FILTER` comparing
 * that column — a plain aggregate PostgreSQL runs in parallel workers, with no row per answer.
 *
 * Values are compared as canonical JSON text. The collector stores answers as serialised by
 * JavaScript (store/canonical.ts), so an integer is always printed `4`, never `4.0`; a string "4"
 * prints `"4"` and is not a scale point, as in core's tallies. Every key and value is a bound
 * parameter (`param`), never SQL text.
 *
 * @example
 * const params: unknown[] = [];
 * const pivot = buildPivot(specs, (v, t) => (params.push(v), `$${params.length}::${t}`));
 * pivot.columns[0]; // "(answers -> $1::text)::text"
 */
export function buildPivot(
  specs: readonly QuestionSpec[],
  param: (value: unknown, type: 'text' | 'text[]' | 'jsonb') => string,
): Pivot {
  const pivot: Pivot = { columns: [], aggregates: [], slots: [], rest: [] };
  const column = (sql: string): string => {
    pivot.columns.push(sql);
    return `p${pivot.columns.length - 1}`;
  };
  const count = (filter: string, slot: Slot): void => {
    pivot.aggregates.push(`count(*) FILTER (WHERE ${filter})`);
    pivot.slots.push(slot);
  };
  const values = (col: string, qid: string, row: string | null, allowed: (string | number)[]) => {
    for (const v of allowed) {
      count(`${col} = ${param(jsonText(v), 'text')}`, {
        k: 'v',
        qid,
        row,
        val: String(v),
        num: typeof v === 'number',
      });
    }
  };

  for (const q of specs) {
    const rows = q.rws ?? [];
    const nValues = q.allowed === null ? 0 : q.allowed.length * Math.max(1, rows.length);
    if (
      (q.allowed === null && q.kind !== 't') ||
      pivot.aggregates.length + nValues + 1 > MAX_AGGREGATES ||
      pivot.columns.length + Math.max(1, rows.length) > MAX_COLUMNS
    ) {
      pivot.rest.push(q);
      continue;
    }
    // Only where used: PostgreSQL cannot type a parameter the statement never mentions.
    const key = q.kind === 'x' ? '' : param(q.id, 'text');
    const answered: Slot = { k: 'a', qid: q.id, row: null, val: null, num: false };
    switch (q.kind) {
      case 't': {
        const said = column(
          `jsonb_typeof(answers -> ${key}) = 'string' AND answers -> ${key} <> '""'::jsonb`,
        );
        count(said, answered);
        break;
      }
      case 's':
        values(column(`(answers -> ${key})::text`), q.id, null, q.allowed ?? []);
        break;
      case 'm': {
        // Containment counts an option once however often it is repeated, and only as a
        // top-level string of an array, as core's tally does.
        const col = column(`answers -> ${key}`);
        for (const id of q.allowed ?? []) {
          count(`${col} @> ${param(JSON.stringify([id]), 'jsonb')}`, {
            k: 'v',
            qid: q.id,
            row: null,
            val: String(id),
            num: false,
          });
        }
        count(
          `jsonb_typeof(${col}) = 'array' AND ${col} ?| ${param(q.allowed, 'text[]')}`,
          answered,
        );
        break;
      }
      case 'x': {
        // `#>` yields NULL unless the answer is an object with that row: arrays and scalars drop out.
        const cols = rows.map((r) => {
          const col = column(`(answers #> ${param([q.id, r], 'text[]')})::text`);
          values(col, q.id, r, q.allowed ?? []);
          return col;
        });
        if (cols.length > 0) {
          const accepted = param((q.allowed ?? []).map(jsonText), 'text[]');
          count(cols.map((c) => `${c} = ANY(${accepted})`).join(' OR '), answered);
        }
        break;
      }
    }
  }
  return pivot;
}
