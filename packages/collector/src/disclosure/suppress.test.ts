import { describe, expect, it } from 'vitest';
import { suppress, type Line } from './suppress.js';

const cells = (o: Record<string, number>) => new Map(Object.entries(o));

describe('suppress', () => {
  it('hides counts from 1 to k − 1, never 0 or k and above', () => {
    const hidden = suppress(cells({ a: 0, b: 1, c: 4, d: 5, e: 30 }), [], { k: 5 });
    expect([...hidden].sort()).toEqual(['b', 'c']);
  });

  it('hides a second part where one hidden part could be recovered from the total', () => {
    const line: Line = { total: 't', parts: ['a', 'b', 'c'] };
    const hidden = suppress(cells({ t: 30, a: 2, b: 12, c: 16 }), [line], { k: 5 });
    // a = 30 − 12 − 16 unless one more part is hidden: the smaller one, b.
    expect([...hidden].sort()).toEqual(['a', 'b']);
  });

  it('hides the total when every other part is zero', () => {
    const hidden = suppress(cells({ t: 3, a: 3, b: 0 }), [{ total: 't', parts: ['a', 'b'] }], {
      k: 2,
    });
    expect(hidden.size).toBe(0);
    const small = suppress(cells({ t: 3, a: 3, b: 0 }), [{ total: 't', parts: ['a', 'b'] }], {
      k: 5,
    });
    expect([...small].sort()).toEqual(['a', 't']);
  });

  it('follows a hidden cell through crossing lines until no line has one unknown', () => {
    // A 2 × 2 table with margins: hiding x forces a second cell in its row and in its column,
    // which in turn forces the fourth.
    const c = cells({ x: 1, y: 10, z: 10, w: 10, r1: 11, r2: 20, c1: 11, c2: 20, all: 31 });
    const lines: Line[] = [
      { total: 'r1', parts: ['x', 'y'] },
      { total: 'r2', parts: ['z', 'w'] },
      { total: 'c1', parts: ['x', 'z'] },
      { total: 'c2', parts: ['y', 'w'] },
      { total: 'all', parts: ['r1', 'r2'] },
      { total: 'all', parts: ['c1', 'c2'] },
    ];
    const hidden = suppress(c, lines, { k: 5 });
    for (const l of lines) {
      const unknown = [l.total, ...l.parts].filter((k) => hidden.has(k)).length;
      expect(unknown, JSON.stringify(l)).not.toBe(1);
    }
    expect(hidden.has('x')).toBe(true);
  });

  it('keeps forced cells hidden and protects them too', () => {
    const hidden = suppress(cells({ t: 40, a: 20, b: 20 }), [{ total: 't', parts: ['a', 'b'] }], {
      k: 5,
      forced: ['a'],
    });
    expect([...hidden].sort()).toEqual(['a', 'b']);
  });
});
