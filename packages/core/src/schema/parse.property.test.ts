import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { surveyArb } from '../../test/arbitraries.js';
import { sample } from '../../test/fixtures.js';
import type { Issue } from '../types.js';
import { parseSurvey } from './parse.js';

const RUNS = { numRuns: 300 };

/** Every failure must be a list of well-formed issues, never an exception. */
function expectIssues(r: ReturnType<typeof parseSurvey>): void {
  if (r.ok) return;
  expect(r.issues.length).toBeGreaterThan(0);
  for (const i of r.issues as Issue[]) {
    expect(Array.isArray(i.path)).toBe(true);
    expect(typeof i.code).toBe('string');
    expect(i.message.ru.length * i.message.en.length).toBeGreaterThan(0);
  }
}

describe('parseSurvey on arbitrary input', () => {
  it('never throws on arbitrary JSON values', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (v) => {
        const r = parseSurvey(v);
        expect(r.ok).toBe(false);
        expectIssues(r);
      }),
      RUNS,
    );
  });

  it('never throws on arbitrary JS values (undefined, symbols-free objects, typed arrays…)', () => {
    fc.assert(
      fc.property(
        fc.anything({ withBigInt: true, withDate: true, withMap: true, withTypedArray: true }),
        (v) => {
          expectIssues(parseSurvey(v));
        },
      ),
      RUNS,
    );
  });

  it('never throws on arbitrary strings', () => {
    fc.assert(
      fc.property(fc.oneof(fc.string(), fc.string({ unit: 'grapheme' }), fc.json()), (s) => {
        expectIssues(parseSurvey(s));
      }),
      RUNS,
    );
  });

  it('never throws when one field of a valid survey is replaced by arbitrary JSON', () => {
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, p: (string | number)[]) => {
      paths.push(p);
      if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) walk(x, [...p, Array.isArray(v) ? Number(k) : k]);
    };
    walk(sample, []);
    fc.assert(
      fc.property(fc.constantFrom(...paths.slice(1)), fc.jsonValue(), (p, v) => {
        const s = structuredClone(sample) as unknown as Record<string | number, unknown>;
        let at = s;
        for (const k of p.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
        at[p.at(-1)!] = v;
        expectIssues(parseSurvey(s));
      }),
      RUNS,
    );
  });
});

describe('parseSurvey on generated valid surveys', () => {
  it('accepts every survey with forward jumps and back-looking conditions, unchanged', () => {
    fc.assert(
      fc.property(surveyArb, (s) => {
        const r = parseSurvey(JSON.stringify(s));
        if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 1));
        expect(r.value).toEqual(s);
      }),
      RUNS,
    );
  });
});
