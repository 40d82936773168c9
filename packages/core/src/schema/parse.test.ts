import { describe, expect, expectTypeOf, it } from 'vitest';
import type { z } from 'zod';
import { sample } from '../../test/fixtures.js';
import type { Issue, Result, Survey, SurveyResponse } from '../types.js';
import { parseSurvey } from './parse.js';
import type { ZCondition, ZQuestion, ZSurvey, ZSurveyResponse } from './survey.js';

type Json = Record<string, unknown> & { questions: Record<string, unknown>[] };

/** The sample survey as plain JSON, changed by `edit`, parsed; issues as `[path, code]` pairs. */
function issuesOf(edit: (s: Json) => void) {
  const s = structuredClone(sample) as unknown as Json;
  edit(s);
  const r = parseSurvey(JSON.stringify(s));
  return r.ok ? [] : r.issues.map((i) => [i.path, i.code]);
}
const q = (s: Json, id: string) => s.questions.find((x) => x.id === id)!;

describe('types', () => {
  it('parseSurvey returns Result<Survey>', () => {
    expectTypeOf(parseSurvey).parameter(0).toBeUnknown();
    expectTypeOf(parseSurvey).returns.toEqualTypeOf<Result<Survey>>();
  });
  it('the zod schemas infer exactly the hand-written types', () => {
    // `exactOptional` makes this equality hold under exactOptionalPropertyTypes.
    expectTypeOf<z.infer<typeof ZSurvey>>().toEqualTypeOf<Survey>();
    expectTypeOf<z.infer<typeof ZQuestion>>().toEqualTypeOf<Survey['questions'][number]>();
    expectTypeOf<z.infer<typeof ZCondition>>().toEqualTypeOf<
      NonNullable<Survey['questions'][number]['showIf']>
    >();
  });
  it('every normalised response is a valid wire response (not the reverse: context.respondent may be absent)', () => {
    expectTypeOf<SurveyResponse>().toExtend<z.input<typeof ZSurveyResponse>>();
    expectTypeOf<z.infer<typeof ZSurveyResponse>>().not.toExtend<SurveyResponse>();
  });
});

describe('parseSurvey accepts', () => {
  it('a valid survey, as a string or a value, unchanged', () => {
    expect(parseSurvey(JSON.stringify(sample))).toEqual({ ok: true, value: sample });
    expect(parseSurvey(structuredClone(sample))).toEqual({ ok: true, value: sample });
  });
  it('a $schema reference', () => {
    expect(issuesOf((s) => (s.$schema = 'https://example.org/survey.schema.json'))).toEqual([]);
  });
});

describe('parseSurvey rejects', () => {
  it('invalid JSON text', () => {
    const r = parseSurvey('{"id": ');
    expect(r.ok ? [] : r.issues.map((i) => [i.path, i.code])).toEqual([[[], 'invalid_json']]);
  });
  it('a value that is not an object', () => {
    for (const v of [null, 5, [], 'null', '"text"']) {
      const r = parseSurvey(v);
      expect(r.ok ? [] : r.issues.map((i) => [i.path, i.code]), String(v)).toEqual([
        [[], 'invalid_type'],
      ]);
    }
  });
  it('missing fields, each with its path', () => {
    const r = parseSurvey({});
    expect(r.ok ? [] : r.issues.map((i) => [i.path, i.code])).toEqual([
      [['id'], 'missing'],
      [['version'], 'missing'],
      [['title'], 'missing'],
      [['questions'], 'missing'],
    ]);
    expect(issuesOf((s) => delete q(s, 'q4').min)).toEqual([[['questions', 3, 'min'], 'missing']]);
    expect(issuesOf((s) => delete (q(s, 'q1').options as Json[])[1]!.text)).toEqual([
      [['questions', 0, 'options', 1, 'text'], 'missing'],
    ]);
  });
  it('a field of the wrong type (not reported as missing)', () => {
    expect(issuesOf((s) => (s.title = 5))).toEqual([[['title'], 'invalid_type']]);
    expect(issuesOf((s) => (s.version = 1.5))).toEqual([[['version'], 'invalid_type']]);
    expect(issuesOf((s) => (s.version = 0))).toEqual([[['version'], 'out_of_range']]);
    expect(issuesOf((s) => (s.id = '1bad id'))).toEqual([[['id'], 'invalid_value']]);
  });
  it('unknown keys, at the top and in a question', () => {
    expect(issuesOf((s) => (s.colour = 'red'))).toEqual([[[], 'unknown_key']]);
    expect(issuesOf((s) => (q(s, 'q2').placeholder = 'x'))).toEqual([
      [['questions', 1], 'unknown_key'],
    ]);
  });
  it('an unknown question type or condition op, naming the allowed ones', () => {
    const r = parseSurvey({
      ...sample,
      questions: [{ id: 'q1', type: 'slider', title: { ru: 'x' } }],
    });
    expect(r.ok ? [] : r.issues.map((i) => [i.path, i.code])).toEqual([
      [['questions', 0, 'type'], 'invalid_value'],
    ]);
    expect(r.ok ? '' : r.issues[0]!.message.en).toContain('single, multiple, scale');
    expect(
      issuesOf((s) => (q(s, 'q2').showIf = { op: 'matches', question: 'q1', value: 'a' })),
    ).toEqual([[['questions', 1, 'showIf', 'op'], 'invalid_value']]);
  });
  it('duplicate ids of questions, options, rows and sections', () => {
    expect(issuesOf((s) => (q(s, 'q2').id = 'q1'))).toEqual([
      [['questions', 1, 'id'], 'duplicate_id'],
    ]);
    expect(issuesOf((s) => ((q(s, 'q7').options as Json[])[1]!.id = 'yes'))).toEqual([
      [['questions', 6, 'options', 1, 'id'], 'duplicate_id'],
    ]);
    expect(issuesOf((s) => ((q(s, 'q5').rows as Json[])[1]!.id = 'r1'))).toEqual([
      [['questions', 4, 'rows', 1, 'id'], 'duplicate_id'],
    ]);
    const t = { ru: 'Раздел' };
    expect(
      issuesOf(
        (s) =>
          (s.sections = [
            { id: 's', title: t },
            { id: 's', title: t },
          ]),
      ),
    ).toEqual([[['sections', 1, 'id'], 'duplicate_id']]);
  });
  it('a jump to an unknown question', () => {
    expect(issuesOf((s) => ((q(s, 'q1').options as Json[])[0]!.goTo = 'q99'))).toEqual([
      [['questions', 0, 'options', 0, 'goTo'], 'unknown_target'],
    ]);
    expect(issuesOf((s) => (q(s, 'q9').goTo = 'q99'))).toEqual([
      [['questions', 8, 'goTo'], 'unknown_target'],
    ]);
  });
  it('a backward jump and a jump to itself', () => {
    expect(issuesOf((s) => (q(s, 'q7').goTo = 'q1'))).toEqual([
      [['questions', 6, 'goTo'], 'backward_jump'],
    ]);
    expect(issuesOf((s) => (q(s, 'q7').goTo = 'q7'))).toEqual([
      [['questions', 6, 'goTo'], 'backward_jump'],
    ]);
    expect(issuesOf((s) => ((q(s, 'q4').extraOptions as Json[])[0]!.goTo = 'q2'))).toEqual([
      [['questions', 3, 'extraOptions', 0, 'goTo'], 'backward_jump'],
    ]);
  });
  it('a jump from a matrix extra option', () => {
    expect(issuesOf((s) => ((q(s, 'q5').extraOptions as Json[])[0]!.goTo = 'q9'))).toEqual([
      [['questions', 4, 'extraOptions', 0, 'goTo'], 'invalid_value'],
    ]);
  });
  it('a condition on a later question or on itself, also nested', () => {
    expect(issuesOf((s) => (q(s, 'q2').showIf = { op: 'answered', question: 'q5' }))).toEqual([
      [['questions', 1, 'showIf', 'question'], 'forward_reference'],
    ]);
    expect(issuesOf((s) => (q(s, 'q2').showIf = { op: 'answered', question: 'q2' }))).toEqual([
      [['questions', 1, 'showIf', 'question'], 'forward_reference'],
    ]);
    const nested = {
      op: 'and',
      all: [
        { op: 'answered', question: 'q1' },
        { op: 'not', cond: { op: 'gt', question: 'q4', value: 3 } },
      ],
    };
    expect(issuesOf((s) => (q(s, 'q2').showIf = nested))).toEqual([
      [['questions', 1, 'showIf', 'all', 1, 'cond', 'question'], 'forward_reference'],
    ]);
    expect(
      issuesOf(
        (s) => ((q(s, 'q5').rows as Json[])[1]!.showIf = { op: 'answered', question: 'q5' }),
      ),
    ).toEqual([[['questions', 4, 'rows', 1, 'showIf', 'question'], 'forward_reference']]);
  });
  it('a condition on an unknown question, option or row', () => {
    expect(issuesOf((s) => (q(s, 'q2').showIf = { op: 'answered', question: 'q99' }))).toEqual([
      [['questions', 1, 'showIf', 'question'], 'unknown_question'],
    ]);
    expect(
      issuesOf((s) => (q(s, 'q2').showIf = { op: 'equals', question: 'q1', value: 'zz' })),
    ).toEqual([[['questions', 1, 'showIf', 'value'], 'unknown_option']]);
    expect(
      issuesOf((s) => (q(s, 'q6').showIf = { op: 'in', question: 'q3', values: ['x', 'zz'] })),
    ).toEqual([[['questions', 5, 'showIf', 'values', 1], 'unknown_option']]);
    expect(
      issuesOf((s) => (q(s, 'q6').showIf = { op: 'equals', question: 'q5', row: 'r9', value: 5 })),
    ).toEqual([[['questions', 5, 'showIf', 'row'], 'unknown_row']]);
    expect(
      issuesOf((s) => (q(s, 'q6').showIf = { op: 'equals', question: 'q4', row: 'r1', value: 5 })),
    ).toEqual([[['questions', 5, 'showIf', 'row'], 'unknown_row']]);
    // "Don't know" on a scale is one of its extra options; free text and catalogues are open.
    expect(
      issuesOf((s) => (q(s, 'q6').showIf = { op: 'equals', question: 'q4', value: 'dk' })),
    ).toEqual([]);
    expect(
      issuesOf((s) => (q(s, 'q7').showIf = { op: 'equals', question: 'q6', value: 'svc-1' })),
    ).toEqual([]);
  });
  it('a bad scale range', () => {
    expect(issuesOf((s) => Object.assign(q(s, 'q4'), { min: 5, max: 1 }))).toEqual([
      [['questions', 3, 'max'], 'out_of_range'],
    ]);
    expect(issuesOf((s) => Object.assign(q(s, 'q4'), { min: 3, max: 3 }))).toEqual([
      [['questions', 3, 'max'], 'out_of_range'],
    ]);
    expect(issuesOf((s) => (q(s, 'q5').scale = { min: 0, max: 50 }))).toEqual([
      [['questions', 4, 'scale', 'max'], 'out_of_range'],
    ]);
  });
  it('a multiple with min above max or max above the options', () => {
    expect(issuesOf((s) => Object.assign(q(s, 'q3'), { min: 3, max: 2 }))).toEqual([
      [['questions', 2, 'max'], 'out_of_range'],
    ]);
    expect(issuesOf((s) => Object.assign(q(s, 'q3'), { max: 6 }))).toEqual([
      [['questions', 2, 'max'], 'out_of_range'],
    ]);
  });
  it('a list with neither options nor a catalogue', () => {
    expect(issuesOf((s) => delete q(s, 'q6').catalog)).toEqual([[['questions', 5], 'missing']]);
  });
  it('a question in an undeclared section', () => {
    expect(issuesOf((s) => (q(s, 'q1').section = 'intro'))).toEqual([
      [['questions', 0, 'section'], 'missing'],
    ]);
  });
});

describe('messages', () => {
  it('exist in Russian and English for every issue', () => {
    const broken: ((s: Json) => void)[] = [
      (s) => Object.assign(s, { id: 5, colour: 1, title: {} }),
      (s) => (s.questions = []),
      (s) => (q(s, 'q2').type = 'slider'),
      (s) => (q(s, 'q2').id = 'q1'),
      (s) => (q(s, 'q7').goTo = 'q1'),
      (s) => (q(s, 'q7').goTo = 'q99'),
      (s) => (q(s, 'q2').showIf = { op: 'equals', question: 'q9', value: 'x' }),
      (s) => (q(s, 'q2').showIf = { op: 'equals', question: 'q1', value: 'x', row: 'r' }),
      (s) => (q(s, 'q2').showIf = { op: 'answered', question: 'q0' }),
      (s) => Object.assign(q(s, 'q4'), { min: 5, max: 1 }),
      (s) => delete q(s, 'q6').catalog,
      (s) => ((q(s, 'q5').extraOptions as Json[])[0]!.goTo = 'q9'),
      (s) => (q(s, 'q8').maxLength = 'long'),
      (s) => ((q(s, 'q1').title as Json).ru = 'x'.repeat(5001)),
    ];
    const all: Issue[] = [];
    for (const edit of broken) {
      const s = structuredClone(sample) as unknown as Json;
      edit(s);
      const r = parseSurvey(s);
      expect(r.ok, edit.toString()).toBe(false);
      if (!r.ok) all.push(...r.issues);
    }
    expect(new Set(all.map((i) => i.code)).size).toBeGreaterThanOrEqual(10);
    for (const i of all) {
      expect(i.message.ru, JSON.stringify(i)).toMatch(/[а-яё]/i);
      expect(i.message.en.length, JSON.stringify(i)).toBeGreaterThan(3);
      expect(i.message.en, JSON.stringify(i)).not.toMatch(/[а-яё]/i);
    }
  });
});

describe('parseSurvey refuses what the database cannot hold, with the path', () => {
  it('U+0000 and unpaired surrogates in texts and catalogue ids (invalid_text)', () => {
    expect(issuesOf((s) => ((s.title as { ru: string }).ru = 'a\u0000'))).toEqual([
      [['title', 'ru'], 'invalid_text'],
    ]);
    expect(
      issuesOf((s) => ((q(s, 'q1').options as { text: { en?: string } }[])[0]!.text.en = '\uD83D')),
    ).toEqual([[['questions', 0, 'options', 0, 'text', 'en'], 'invalid_text']]);
    expect(
      issuesOf((s) => (s.catalogs = { services: [{ id: 'x\uDC00', text: { ru: 'Услуга' } }] })),
    ).toEqual([[['catalogs', 'services', 0, 'id'], 'invalid_text']]);
  });

  it('a version beyond the int4 column (2^31 − 1 is the largest)', () => {
    expect(issuesOf((s) => (s.version = 2 ** 31))).toEqual([[['version'], 'out_of_range']]);
    expect(issuesOf((s) => (s.version = 2 ** 31 - 1))).toEqual([]);
  });

  it('emoji in texts are fine', () => {
    expect(issuesOf((s) => ((s.title as { ru: string }).ru = 'Опрос 👍'))).toEqual([]);
  });
});

describe('context bindings and the headline', () => {
  it('accept one single-answer question per context field', () => {
    expect(issuesOf((s) => (q(s, 'q6').context = 'object'))).toEqual([]);
    expect(issuesOf((s) => (q(s, 'q1').context = 'object'))).toEqual([]);
  });

  it('refuse a binding on a question with several answers or none to give', () => {
    for (const id of ['q3', 'q4', 'q5', 'q11', 'q2', 'q9']) {
      const i = sample.questions.findIndex((x) => x.id === id);
      expect(issuesOf((s) => (q(s, id).context = 'object'))).toEqual([
        [['questions', i, 'context'], 'invalid_value'],
      ]);
    }
  });

  it('refuse two questions bound to the same field, and unknown fields', () => {
    expect(
      issuesOf((s) => {
        q(s, 'q1').context = 'object';
        q(s, 'q6').context = 'object';
      }),
    ).toEqual([[['questions', 5, 'context'], 'duplicate_id']]);
    expect(issuesOf((s) => (q(s, 'q6').context = 'channel'))).toEqual([
      [['questions', 5, 'context'], 'invalid_value'],
    ]);
  });

  it('the headline names a satisfaction scale', () => {
    expect(issuesOf((s) => (s.headline = 'q4'))).toEqual([]);
    expect(issuesOf((s) => (s.headline = 'q99'))).toEqual([[['headline'], 'unknown_question']]);
    expect(issuesOf((s) => (s.headline = 'q5'))).toEqual([[['headline'], 'invalid_value']]);
  });
});
