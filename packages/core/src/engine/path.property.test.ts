import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { answersArb, surveyArb } from '../../test/arbitraries.js';
import { sample, validResponse } from '../../test/fixtures.js';
import type { Survey } from '../types.js';
import { pruneAnswers, visiblePath } from './path.js';
import { validateResponse } from './validate-response.js';

const RUNS = { numRuns: 400 };
/** JSON objects whose keys shadow Object.prototype members: `String(v)` throws on them. */
const hostileJson = fc.dictionary(
  fc.constantFrom('toString', 'valueOf', 'constructor', '__proto__', 'hasOwnProperty'),
  fc.jsonValue({ maxDepth: 1 }),
  { minKeys: 1 },
);
const withAnswers = fc.tuple(surveyArb).chain(([s]) => fc.tuple(fc.constant(s), answersArb(s)));

const envelope = (s: Survey, answers: unknown) => ({
  responseId: '3f1c2a4e-9b7d-4c1e-8a2b-5d6e7f8a9b0c',
  surveyId: s.id,
  surveyVersion: s.version,
  lang: 'ru',
  answers,
  context: { channel: 'site' },
});

describe('visiblePath on generated surveys and answers', () => {
  it('terminates with a strictly increasing subsequence of the question order', () => {
    fc.assert(
      fc.property(withAnswers, ([s, a]) => {
        const order = new Map(s.questions.map((q, i) => [q.id, i]));
        const idx = visiblePath(s, a).map((id) => order.get(id)!);
        for (let k = 1; k < idx.length; k++) expect(idx[k]!).toBeGreaterThan(idx[k - 1]!);
        expect(idx.every((i) => i !== undefined)).toBe(true);
      }),
      RUNS,
    );
  });

  it('starts with the first question unless it has a condition', () => {
    fc.assert(
      fc.property(withAnswers, ([s, a]) => {
        if (!s.questions[0]!.showIf) expect(visiblePath(s, a)[0]).toBe(s.questions[0]!.id);
      }),
      RUNS,
    );
  });
});

describe('pruneAnswers on generated surveys and answers', () => {
  it('keeps the path, is idempotent and never leaves an off_path answer', () => {
    fc.assert(
      fc.property(withAnswers, ([s, a]) => {
        const pruned = pruneAnswers(s, a);
        // Only answers actually given survive (ids such as `constructor` must not come from Object.prototype).
        for (const k of Object.keys(pruned)) expect(Object.hasOwn(a, k), k).toBe(true);
        expect(visiblePath(s, pruned)).toEqual(visiblePath(s, a));
        expect(pruneAnswers(s, pruned)).toEqual(pruned);
        const r = validateResponse(s, envelope(s, pruned));
        const offPath = r.ok ? [] : r.issues.filter((i) => i.code === 'off_path');
        expect(offPath).toEqual([]);
      }),
      RUNS,
    );
  });
});

describe('validateResponse on arbitrary input', () => {
  it('never throws on arbitrary JSON or JS values', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.jsonValue(), fc.anything({ withBigInt: true, withDate: true })),
        (v) => {
          const r = validateResponse(sample, v);
          expect(r.ok).toBe(false);
          if (!r.ok) expect(r.issues.length).toBeGreaterThan(0);
        },
      ),
      RUNS,
    );
  });

  it('never throws when any top-level field of a valid response holds arbitrary JSON', () => {
    const keys = [...Object.keys(validResponse()), 'answeredAt', 'extra'];
    fc.assert(
      fc.property(fc.constantFrom(...keys), fc.oneof(fc.jsonValue(), hostileJson), (k, v) => {
        const r = validateResponse(sample, { ...validResponse(), [k]: v });
        if (!r.ok)
          expect(r.issues.every((i) => Array.isArray(i.path) && i.message.ru && i.message.en)).toBe(
            true,
          );
      }),
      RUNS,
    );
  });

  it('never throws on arbitrary answers and specify texts to a generated survey', () => {
    const arb = surveyArb.chain((s) =>
      fc.tuple(
        fc.constant(s),
        fc.dictionary(fc.constantFrom(...s.questions.map((q) => q.id), 'zz'), fc.jsonValue(), {
          maxKeys: 6,
        }),
        fc.option(
          fc.dictionary(fc.constantFrom(...s.questions.map((q) => q.id)), fc.jsonValue(), {
            maxKeys: 3,
          }),
        ),
      ),
    );
    fc.assert(
      fc.property(arb, ([s, answers, specify]) => {
        const r = validateResponse(s, { ...envelope(s, answers), specify: specify ?? undefined });
        expect(typeof r.ok).toBe('boolean');
      }),
      RUNS,
    );
  });
});
