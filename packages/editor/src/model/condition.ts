import type { Condition } from '@otklik/core/engine';

/** Operators the menus offer; `in` is «один из», the comparisons are for scale answers. */
export const OPERATORS = ['answered', 'equals', 'in', 'gt', 'gte', 'lt', 'lte'] as const;
export type Operator = (typeof OPERATORS)[number];

/** One line of the show-if builder: [не] <question> [<row>] <operator> <value>. */
export interface Clause {
  not: boolean;
  question: string;
  row?: string;
  op: Operator;
  /** `equals`: an option id or a number; comparisons: a number; `in`: the ids. */
  value: string | number | undefined;
  values: (string | number)[];
}

/** The builder's whole state: lines joined by «и» (all) or «или» (any). */
export interface ClauseGroup {
  join: 'all' | 'any';
  clauses: Clause[];
}

export const newClause = (question: string): Clause => ({
  not: false,
  question,
  op: 'answered',
  value: undefined,
  values: [],
});

function clauseOf(c: Condition): Clause | null {
  let not = false;
  if (c.op === 'not') {
    not = true;
    c = c.cond;
  }
  const row = 'row' in c && c.row !== undefined ? { row: c.row } : {};
  switch (c.op) {
    case 'answered':
      return { not, question: c.question, ...row, op: c.op, value: undefined, values: [] };
    case 'equals':
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return { not, question: c.question, ...row, op: c.op, value: c.value, values: [] };
    case 'in':
      return { not, question: c.question, ...row, op: c.op, value: undefined, values: c.values };
    default:
      return null;
  }
}

/**
 * The builder's view of a stored condition, or null when it is nested deeper than the menus
 * show (an and inside an or…): the editor then shows it as it is and offers to replace it.
 *
 * @example
 * toGroup({ op: 'equals', question: 'q7', value: 'no' }) // { join: 'all', clauses: [{ … }] }
 */
export function toGroup(c: Condition): ClauseGroup | null {
  const list = c.op === 'and' ? c.all : c.op === 'or' ? c.any : [c];
  const clauses = list.map(clauseOf);
  if (clauses.some((x) => x === null)) return null;
  return { join: c.op === 'or' ? 'any' : 'all', clauses: clauses as Clause[] };
}

function conditionOf(k: Clause): Condition {
  const ref = { question: k.question, ...(k.row ? { row: k.row } : {}) };
  let c: Condition;
  switch (k.op) {
    case 'answered':
      c = { op: 'answered', ...ref };
      break;
    case 'equals':
      c = { op: 'equals', ...ref, value: k.value ?? '' };
      break;
    case 'in':
      c = { op: 'in', ...ref, values: k.values };
      break;
    default:
      c = { op: k.op, ...ref, value: typeof k.value === 'number' ? k.value : Number(k.value ?? 0) };
  }
  return k.not ? { op: 'not', cond: c } : c;
}

/** The stored condition of the builder's lines, or undefined when there are none. */
export function fromGroup(g: ClauseGroup): Condition | undefined {
  const list = g.clauses.map(conditionOf);
  if (list.length === 0) return undefined;
  if (list.length === 1) return list[0];
  return g.join === 'any' ? { op: 'or', any: list } : { op: 'and', all: list };
}
