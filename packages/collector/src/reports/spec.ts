import type { ReportQuestion } from './questions.js';

/** How a report reads one question's answer. */
export interface QuestionSpec {
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

/**
 * The values a question accepts, as core's tallies accept them (anything else is not counted).
 *
 * @example
 * questionSpec({ id: 'q3', type: 'scale', min: 1, max: 5, title: { ru: '…' } });
 * // { id: 'q3', kind: 's', allowed: [1, 2, 3, 4, 5], rws: null }
 */
export function questionSpec(q: ReportQuestion): QuestionSpec {
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
