import type { AnswerValue, Answers, Condition } from '../types.js';
import { own } from './own.js';

/** The value a condition looks at: the answer itself, or one row of a matrix answer. */
function pick(
  answers: Answers,
  question: string,
  row: string | undefined,
): AnswerValue | undefined {
  const a = own(answers, question);
  if (row === undefined || a === undefined) return a;
  return typeof a === 'object' && !Array.isArray(a) ? own(a, row) : undefined;
}

function isAnswered(v: AnswerValue | undefined): boolean {
  if (v === undefined || v === '') return false;
  if (Array.isArray(v)) return v.length > 0;
  if (typeof v === 'object') return Object.keys(v).length > 0;
  return true;
}

/** True when `v` is, or (for a multiple answer) contains, one of `values`. */
function matchesAny(v: AnswerValue | undefined, values: readonly (string | number)[]): boolean {
  if (Array.isArray(v)) return v.some((x) => values.includes(x));
  return (typeof v === 'string' || typeof v === 'number') && values.includes(v);
}

/**
 * Evaluates a show-if condition against the answers given so far.
 * `equals` on a multiple-choice answer means "includes"; comparisons hold only for numbers.
 *
 * @example
 * evaluate({ op: 'equals', question: 'q8', value: 'refused' }, { q8: 'refused' }) // true
 */
export function evaluate(cond: Condition, answers: Answers): boolean {
  switch (cond.op) {
    case 'and':
      return cond.all.every((c) => evaluate(c, answers));
    case 'or':
      return cond.any.some((c) => evaluate(c, answers));
    case 'not':
      return !evaluate(cond.cond, answers);
    case 'answered':
      return isAnswered(pick(answers, cond.question, cond.row));
    case 'equals':
      return matchesAny(pick(answers, cond.question, cond.row), [cond.value]);
    case 'in':
      return matchesAny(pick(answers, cond.question, cond.row), cond.values);
    default: {
      const v = pick(answers, cond.question, cond.row);
      if (typeof v !== 'number') return false;
      switch (cond.op) {
        case 'gt':
          return v > cond.value;
        case 'gte':
          return v >= cond.value;
        case 'lt':
          return v < cond.value;
        case 'lte':
          return v <= cond.value;
      }
    }
  }
}

/** Whether a question counts as answered (empty strings, arrays and objects do not). */
export { isAnswered };
