import { describe, expect, it } from 'vitest';
import type { Answers, Condition } from '../types.js';
import { evaluate, isAnswered } from './conditions.js';

const answers: Answers = {
  single: 'refused',
  multi: ['a', 'c'],
  scale: 4,
  dk: 'dontKnow',
  text: 'hello',
  empty: '',
  none: [],
  matrix: { r1: 5, r2: 'na' },
  nomatrix: {},
};

const is = (c: Condition, a: Answers = answers) => evaluate(c, a);

describe('answered', () => {
  it('holds for any non-empty answer', () => {
    for (const q of ['single', 'multi', 'scale', 'text', 'matrix']) {
      expect(is({ op: 'answered', question: q }), q).toBe(true);
    }
  });
  it('fails for missing, empty string, empty array and empty object', () => {
    for (const q of ['missing', 'empty', 'none', 'nomatrix']) {
      expect(is({ op: 'answered', question: q }), q).toBe(false);
    }
  });
  it('looks at one matrix row when given a row', () => {
    expect(is({ op: 'answered', question: 'matrix', row: 'r1' })).toBe(true);
    expect(is({ op: 'answered', question: 'matrix', row: 'r3' })).toBe(false);
  });
  it('finds no row in an answer that is not a matrix', () => {
    expect(is({ op: 'answered', question: 'multi', row: '0' })).toBe(false);
    expect(is({ op: 'answered', question: 'text', row: 'length' })).toBe(false);
  });
  it('isAnswered agrees with the rules above', () => {
    expect([undefined, '', [], {}].map((v) => isAnswered(v))).toEqual([false, false, false, false]);
    expect([0, 'x', ['a'], { r: 1 }].map((v) => isAnswered(v))).toEqual([true, true, true, true]);
  });
});

describe('equals', () => {
  it('compares a single answer', () => {
    expect(is({ op: 'equals', question: 'single', value: 'refused' })).toBe(true);
    expect(is({ op: 'equals', question: 'single', value: 'granted' })).toBe(false);
  });
  it('means "includes" on a multiple answer', () => {
    expect(is({ op: 'equals', question: 'multi', value: 'c' })).toBe(true);
    expect(is({ op: 'equals', question: 'multi', value: 'b' })).toBe(false);
  });
  it('compares numbers strictly, never a number with its string', () => {
    expect(is({ op: 'equals', question: 'scale', value: 4 })).toBe(true);
    expect(is({ op: 'equals', question: 'scale', value: '4' })).toBe(false);
  });
  it('reads a matrix row', () => {
    expect(is({ op: 'equals', question: 'matrix', row: 'r1', value: 5 })).toBe(true);
    expect(is({ op: 'equals', question: 'matrix', row: 'r2', value: 'na' })).toBe(true);
    expect(is({ op: 'equals', question: 'matrix', row: 'r2', value: 5 })).toBe(false);
  });
  it('never matches a whole matrix or a missing answer', () => {
    expect(is({ op: 'equals', question: 'matrix', value: 5 })).toBe(false);
    expect(is({ op: 'equals', question: 'missing', value: 'x' })).toBe(false);
  });
});

describe('in', () => {
  it('matches one of the values', () => {
    expect(is({ op: 'in', question: 'single', values: ['granted', 'refused'] })).toBe(true);
    expect(is({ op: 'in', question: 'single', values: ['granted'] })).toBe(false);
  });
  it('matches a multiple answer sharing any value', () => {
    expect(is({ op: 'in', question: 'multi', values: ['b', 'c'] })).toBe(true);
    expect(is({ op: 'in', question: 'multi', values: ['b', 'd'] })).toBe(false);
  });
  it('matches numbers and matrix rows', () => {
    expect(is({ op: 'in', question: 'scale', values: [4, 5] })).toBe(true);
    expect(is({ op: 'in', question: 'matrix', row: 'r1', values: [1, 2] })).toBe(false);
  });
});

describe('gt, gte, lt, lte', () => {
  it('compare a numeric answer', () => {
    expect(is({ op: 'gt', question: 'scale', value: 3 })).toBe(true);
    expect(is({ op: 'gt', question: 'scale', value: 4 })).toBe(false);
    expect(is({ op: 'gte', question: 'scale', value: 4 })).toBe(true);
    expect(is({ op: 'gte', question: 'scale', value: 5 })).toBe(false);
    expect(is({ op: 'lt', question: 'scale', value: 5 })).toBe(true);
    expect(is({ op: 'lt', question: 'scale', value: 4 })).toBe(false);
    expect(is({ op: 'lte', question: 'scale', value: 4 })).toBe(true);
    expect(is({ op: 'lte', question: 'scale', value: 3 })).toBe(false);
  });
  it('compare a matrix row', () => {
    expect(is({ op: 'gte', question: 'matrix', row: 'r1', value: 4 })).toBe(true);
    expect(is({ op: 'lt', question: 'matrix', row: 'r1', value: 4 })).toBe(false);
  });
  it('hold only for numbers: "don\'t know", text, arrays and missing answers never compare', () => {
    for (const op of ['gt', 'gte', 'lt', 'lte'] as const) {
      for (const q of ['dk', 'text', 'multi', 'missing', 'matrix']) {
        expect(is({ op, question: q, value: -1e9 }), `${op} ${q}`).toBe(false);
        expect(is({ op, question: q, value: 1e9 }), `${op} ${q}`).toBe(false);
      }
      expect(is({ op, question: 'matrix', row: 'r2', value: 0 }), `${op} row r2 = na`).toBe(false);
    }
  });
});

describe('and, or, not', () => {
  const T: Condition = { op: 'answered', question: 'single' };
  const F: Condition = { op: 'answered', question: 'missing' };
  it('and needs all', () => {
    expect(is({ op: 'and', all: [T, T] })).toBe(true);
    expect(is({ op: 'and', all: [T, F] })).toBe(false);
  });
  it('or needs any', () => {
    expect(is({ op: 'or', any: [F, T] })).toBe(true);
    expect(is({ op: 'or', any: [F, F] })).toBe(false);
  });
  it('not negates', () => {
    expect(is({ op: 'not', cond: T })).toBe(false);
    expect(is({ op: 'not', cond: F })).toBe(true);
  });
  it('nest', () => {
    // (single = refused AND NOT scale < 3) OR multi includes z
    const c: Condition = {
      op: 'or',
      any: [
        {
          op: 'and',
          all: [
            { op: 'equals', question: 'single', value: 'refused' },
            { op: 'not', cond: { op: 'lt', question: 'scale', value: 3 } },
          ],
        },
        { op: 'equals', question: 'multi', value: 'z' },
      ],
    };
    expect(is(c)).toBe(true);
    expect(is(c, { ...answers, scale: 2 })).toBe(false);
    expect(is(c, { ...answers, scale: 2, multi: ['z'] })).toBe(true);
    expect(is({ op: 'not', cond: { op: 'not', cond: F } })).toBe(false);
  });
});
