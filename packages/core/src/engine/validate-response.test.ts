import { describe, expect, it } from 'vitest';
import { sample, validResponse } from '../../test/fixtures.js';
import type { Issue, Survey } from '../types.js';
import { questionIssues, validateResponse, type ValidateOptions } from './validate-response.js';

type Raw = ReturnType<typeof validResponse> & Record<string, unknown>;

/** Validates the valid response changed by `edit`, and returns its issues as `[path, code]` pairs. */
function issuesOf(edit: (r: Raw) => void, survey: Survey = sample, opts?: ValidateOptions) {
  const r: Raw = structuredClone(validResponse());
  edit(r);
  const res = validateResponse(survey, r, opts);
  return res.ok ? [] : res.issues.map((i) => [i.path, i.code]);
}

const withQ = (id: string, patch: object): Survey => ({
  ...sample,
  questions: sample.questions.map((q) => (q.id === id ? ({ ...q, ...patch } as typeof q) : q)),
});

describe('a valid response', () => {
  it('is returned normalised', () => {
    const r = validateResponse(sample, validResponse());
    expect(r).toEqual({
      ok: true,
      value: {
        ...validResponse(),
        context: { channel: 'kiosk', touchpoint: 'mfc-1', respondent: 'external' },
      },
    });
  });

  it('ignores unknown top-level keys and drops null answers, empty texts and empty context values', () => {
    const r = validateResponse(sample, {
      ...validResponse(),
      extra: 1,
      meta: { a: 1 },
      answers: { ...validResponse().answers, q6: null, q11: [] },
      specify: { q3: { x: 'очередь', y: '' } },
      context: { channel: 'kiosk', object: '', respondent: 'internal' },
      answeredAt: '2026-03-01T10:00:00+03:00',
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.value).not.toHaveProperty('extra');
    expect(r.value.answers).toEqual(validResponse().answers);
    expect(r.value.specify).toEqual({ q3: { x: 'очередь' } });
    expect(r.value.context).toEqual({ channel: 'kiosk', respondent: 'internal' });
    expect(r.value.answeredAt).toBe('2026-03-01T10:00:00+03:00');
  });

  it('takes the respondent kind from the survey when the context has none', () => {
    const r = validateResponse({ ...sample, respondent: 'internal' }, validResponse());
    expect(r.ok && r.value.context.respondent).toBe('internal');
  });
});

describe('envelope issues', () => {
  it('rejects a non-object', () => {
    for (const x of [null, 1, 'x', [], undefined]) {
      const r = validateResponse(sample, x);
      expect(r.ok ? [] : r.issues.map((i) => [i.path, i.code])).toEqual([[[], 'invalid_type']]);
    }
  });
  it('wrong survey', () => {
    expect(issuesOf((r) => (r.surveyId = 'other'))).toEqual([[['surveyId'], 'wrong_survey']]);
  });
  it('echoes wrong values safely: no throw on hostile objects, long strings cut', () => {
    const hostile = { toString: 0, valueOf: 0 };
    const r = validateResponse(sample, {
      ...validResponse(),
      surveyId: hostile,
      surveyVersion: hostile,
    });
    expect(r.ok ? [] : r.issues.map((i) => [i.path, i.code, i.message.en])).toEqual([
      [['surveyId'], 'wrong_survey', 'Response is for another survey: object'],
      [['surveyVersion'], 'wrong_version', 'Response is for another version of the survey: object'],
    ]);
    const long = validateResponse(sample, { ...validResponse(), surveyId: 'x'.repeat(100_000) });
    expect(long.ok ? 0 : long.issues[0]!.message.en.length).toBeLessThan(120);
  });
  it('wrong version', () => {
    expect(issuesOf((r) => (r.surveyVersion = 2))).toEqual([[['surveyVersion'], 'wrong_version']]);
    expect(issuesOf((r) => ((r as Record<string, unknown>).surveyVersion = '3'))).toEqual([
      [['surveyVersion'], 'wrong_version'],
    ]);
  });
  it('bad or missing uuid', () => {
    expect(issuesOf((r) => (r.responseId = 'not-a-uuid'))).toEqual([
      [['responseId'], 'invalid_value'],
    ]);
    expect(issuesOf((r) => (r.responseId = '00000000-0000-0000-0000-000000000000'))).toEqual([
      [['responseId'], 'invalid_value'],
    ]);
    expect(issuesOf((r) => delete (r as Partial<Raw>).responseId)).toEqual([
      [['responseId'], 'missing'],
    ]);
  });
  it('bad lang', () => {
    expect(issuesOf((r) => (r.lang = 'de'))).toEqual([[['lang'], 'invalid_value']]);
  });
  it('bad answeredAt', () => {
    expect(issuesOf((r) => (r.answeredAt = 'yesterday'))).toEqual([
      [['answeredAt'], 'invalid_value'],
    ]);
    expect(issuesOf((r) => (r.answeredAt = 1700000000))).toEqual([
      [['answeredAt'], 'invalid_value'],
    ]);
    const bad = [
      '1',
      '2026-03-01',
      '2026-02-30T10:00:00Z',
      '2026-03-01T10:00Z',
      '2026-03-01T24:00:00Z',
    ];
    for (const v of [...bad, '2026-03-01T10:00:00+0300']) {
      expect(
        issuesOf((r) => (r.answeredAt = v)),
        v,
      ).toEqual([[['answeredAt'], 'invalid_value']]);
    }
    for (const v of [
      '2026-03-01T10:00:00Z',
      '2026-03-01T10:00:00.123+03:00',
      '2024-02-29T23:59:59-05:00',
    ]) {
      expect(
        issuesOf((r) => (r.answeredAt = v)),
        v,
      ).toEqual([]);
    }
  });
  it('bad channel, respondent and context', () => {
    expect(issuesOf((r) => (r.context = { channel: 'fax', touchpoint: 'x' }))).toEqual([
      [['context', 'channel'], 'invalid_value'],
    ]);
    expect(
      issuesOf((r) => (r.context = { channel: 'site', respondent: 'robot' } as never)),
    ).toEqual([[['context', 'respondent'], 'invalid_value']]);
    expect(issuesOf((r) => (r.context = { channel: 'site', touchpoint: 'x'.repeat(201) }))).toEqual(
      [[['context', 'touchpoint'], 'too_long']],
    );
    expect(issuesOf((r) => delete (r as Partial<Raw>).context)).toEqual([[['context'], 'missing']]);
    expect(issuesOf((r) => (r.context = 'kiosk' as never))).toEqual([
      [['context'], 'invalid_type'],
    ]);
  });
  it('missing or malformed answers', () => {
    expect(issuesOf((r) => delete (r as Partial<Raw>).answers)).toEqual([[['answers'], 'missing']]);
    expect(issuesOf((r) => (r.answers = [] as never))).toEqual([[['answers'], 'invalid_type']]);
  });
});

describe('answer issues', () => {
  it('unknown question', () => {
    expect(issuesOf((r) => ((r.answers as Record<string, unknown>).q99 = 'x'))).toEqual([
      [['answers', 'q99'], 'unknown_question'],
    ]);
  });
  it('unknown option, in a single and at its index in a multiple', () => {
    expect(issuesOf((r) => (r.answers.q7 = 'zz'))).toEqual([[['answers', 'q7'], 'unknown_option']]);
    expect(issuesOf((r) => (r.answers.q3 = ['x', 'y', 'zz']))).toEqual([
      [['answers', 'q3', 2], 'unknown_option'],
    ]);
    expect(issuesOf((r) => (r.answers.q4 = 'maybe' as never))).toEqual([
      [['answers', 'q4'], 'unknown_option'],
    ]);
  });
  it('wrong type of answer', () => {
    expect(issuesOf((r) => (r.answers.q7 = 3 as never))).toEqual([
      [['answers', 'q7'], 'invalid_type'],
    ]);
    // A bare id where an array is due: still read as chosen for the path, but rejected.
    expect(
      issuesOf((r) => {
        r.answers.q3 = 'y' as never;
        delete (r as Partial<Raw>).specify;
      }),
    ).toEqual([[['answers', 'q3'], 'invalid_type']]);
    expect(issuesOf((r) => (r.answers.q4 = true as never))).toEqual([
      [['answers', 'q4'], 'invalid_type'],
    ]);
    expect(issuesOf((r) => (r.answers.q5 = [5] as never))).toEqual([
      [['answers', 'q5'], 'invalid_type'],
    ]);
    expect(issuesOf((r) => (r.answers.q2 = 5 as never))).toEqual([
      [['answers', 'q2'], 'invalid_type'],
    ]);
  });
  it('a duplicate option in a multiple', () => {
    expect(issuesOf((r) => (r.answers.q3 = ['x', 'y', 'x']))).toEqual([
      [['answers', 'q3', 2], 'invalid_value'],
    ]);
  });
  it('an answer to a statement', () => {
    expect(issuesOf((r) => ((r.answers as Record<string, unknown>).q9 = 'ok'))).toEqual([
      [['answers', 'q9'], 'invalid_value'],
    ]);
  });
  it('unknown row', () => {
    expect(issuesOf((r) => (r.answers.q5 = { r1: 5, r2: 4, r9: 1 } as never))).toEqual([
      [['answers', 'q5', 'r9'], 'unknown_row'],
    ]);
  });
  it('out of range and non-integer, on a scale and a matrix row', () => {
    expect(issuesOf((r) => (r.answers.q4 = 6))).toEqual([[['answers', 'q4'], 'out_of_range']]);
    expect(issuesOf((r) => (r.answers.q4 = 0))).toEqual([[['answers', 'q4'], 'out_of_range']]);
    expect(issuesOf((r) => (r.answers.q4 = 3.5))).toEqual([[['answers', 'q4'], 'out_of_range']]);
    expect(issuesOf((r) => (r.answers.q5 = { r1: 0, r2: 4.2 } as never))).toEqual([
      [['answers', 'q5', 'r1'], 'out_of_range'],
      [['answers', 'q5', 'r2'], 'out_of_range'],
    ]);
  });
  it('required missing, and required matrix rows', () => {
    expect(issuesOf((r) => delete (r.answers as Partial<typeof r.answers>).q4)).toEqual([
      [['answers', 'q4'], 'required'],
    ]);
    expect(issuesOf((r) => (r.answers.q4 = '' as never))).toEqual([
      [['answers', 'q4'], 'required'],
    ]);
    expect(issuesOf((r) => (r.answers.q5 = { r1: 5 } as never))).toEqual([
      [['answers', 'q5', 'r2'], 'required'],
    ]);
    expect(issuesOf((r) => (r.answers.q5 = {} as never))).toEqual([
      [['answers', 'q5'], 'required'],
    ]);
  });
  it('exclusive conflict', () => {
    expect(
      issuesOf((r) => {
        r.answers.q3 = ['y', 'none'];
        delete (r as Partial<Raw>).specify;
      }),
    ).toEqual([[['answers', 'q3'], 'exclusive_conflict']]);
  });
  it('too few and too many', () => {
    expect(issuesOf(() => {}, withQ('q3', { min: 3 }))).toEqual([[['answers', 'q3'], 'too_few']]);
    expect(issuesOf(() => {}, withQ('q3', { max: 1 }))).toEqual([[['answers', 'q3'], 'too_many']]);
  });
  it('text too long', () => {
    expect(
      issuesOf((r) => {
        r.answers.q7 = 'yes';
        (r.answers as Record<string, unknown>).q8 = 'x'.repeat(11);
      }),
    ).toEqual([[['answers', 'q8'], 'too_long']]);
    expect(issuesOf((r) => (r.answers.q2 = 'x'.repeat(2001)))).toEqual([
      [['answers', 'q2'], 'too_long'],
    ]);
  });
  it('off_path: an answer to a question not asked, and a matrix row not asked', () => {
    expect(
      issuesOf((r) => {
        r.answers.q7 = 'no';
        (r.answers as Record<string, unknown>).q8 = 'x';
      }),
    ).toEqual([[['answers', 'q8'], 'off_path']]);
    expect(
      issuesOf((r) => {
        r.answers.q3 = ['x'];
      }),
    ).toEqual([[['answers', 'q5', 'r2'], 'off_path']]);
  });
  it('off_path after an end jump', () => {
    expect(
      issuesOf((r) => {
        Object.assign(r.answers, { q10: 'stop', q11: ['d1'] });
      }),
    ).toEqual([[['answers', 'q11'], 'off_path']]);
  });
});

describe('specify texts', () => {
  it('on an unchosen option or an option without a text field', () => {
    expect(issuesOf((r) => (r.specify = { q3: { x: 'a', z: 'b' } } as never))).toEqual([
      [['specify', 'q3', 'z'], 'unknown_option'],
    ]);
    expect(issuesOf((r) => Object.assign(r.specify, { q1: { b: 'a' } }))).toEqual([
      [['specify', 'q1', 'b'], 'unknown_option'],
    ]);
  });
  it('required and missing or blank', () => {
    expect(issuesOf((r) => (r.specify = {} as never))).toEqual([
      [['specify', 'q3', 'x'], 'required'],
    ]);
    expect(issuesOf((r) => delete (r as Partial<Raw>).specify)).toEqual([
      [['specify', 'q3', 'x'], 'required'],
    ]);
    expect(issuesOf((r) => (r.specify = { q3: { x: '   ' } }))).toEqual([
      [['specify', 'q3', 'x'], 'required'],
    ]);
    const r = validateResponse(sample, { ...validResponse(), specify: {} });
    expect(r.ok ? undefined : r.issues[0]!.message).toEqual({
      ru: 'Уточните ответ в поле этого варианта',
      en: 'Please type the details for this option',
    });
  });
  it('too long, wrong type, unknown and off-path questions', () => {
    expect(issuesOf((r) => (r.specify = { q3: { x: 'x'.repeat(21) } }))).toEqual([
      [['specify', 'q3', 'x'], 'too_long'],
      [['specify', 'q3', 'x'], 'required'],
    ]);
    expect(issuesOf((r) => Object.assign(r.specify, { q3: { x: 'a', y: 5 } }))).toEqual([
      [['specify', 'q3', 'y'], 'invalid_type'],
    ]);
    expect(issuesOf((r) => Object.assign(r.specify, { q99: { a: 'b' } }))).toEqual([
      [['specify', 'q99'], 'unknown_question'],
    ]);
    expect(issuesOf((r) => Object.assign(r.specify, { q8: { a: 'b' } }))).toEqual([
      [['specify', 'q8'], 'off_path'],
    ]);
    expect(issuesOf((r) => (r.specify = 'x' as never))).toEqual([
      [['specify'], 'invalid_type'],
      [['specify', 'q3', 'x'], 'required'],
    ]);
  });
});

describe('ids named like Object.prototype members', () => {
  const s: Survey = {
    id: 'proto',
    version: 1,
    title: { ru: 'x' },
    questions: [
      {
        id: 'constructor',
        type: 'multiple',
        title: { ru: 'a' },
        options: [
          { id: 'name', text: { ru: 'b' }, specify: { required: true } },
          { id: 'valueOf', text: { ru: 'c' } },
        ],
      },
      { id: 'toString', type: 'text', required: true, title: { ru: 'd' } },
      {
        id: 'valueOf',
        type: 'matrix',
        title: { ru: 'e' },
        required: true,
        scale: { min: 1, max: 5 },
        rows: [{ id: 'constructor', text: { ru: 'f' } }],
      },
    ],
  };
  const base = { ...validResponse(), surveyId: 'proto', surveyVersion: 1 };
  it('are not taken as answers from Object.prototype', () => {
    const r = validateResponse(s, { ...base, answers: {}, specify: undefined });
    expect(r.ok ? [] : r.issues.map((i) => [i.path, i.code])).toEqual([
      [['answers', 'toString'], 'required'],
      [['answers', 'valueOf'], 'required'],
    ]);
    const m = validateResponse(s, {
      ...base,
      answers: { toString: 'x', valueOf: { toString: 3 } },
      specify: undefined,
    });
    expect(m.ok ? [] : m.issues.map((i) => [i.path, i.code])).toEqual([
      [['answers', 'valueOf', 'toString'], 'unknown_row'],
      [['answers', 'valueOf', 'constructor'], 'required'],
    ]);
  });
  it('keep specify texts on their own objects', () => {
    const answers = { constructor: ['name'], toString: 'x', valueOf: { constructor: 2 } };
    const missing = validateResponse(s, { ...base, answers, specify: {} });
    expect(missing.ok ? [] : missing.issues.map((i) => [i.path, i.code])).toEqual([
      [['specify', 'constructor', 'name'], 'required'],
    ]);
    const ok = validateResponse(s, {
      ...base,
      answers,
      specify: { constructor: { name: 'текст' } },
    });
    expect(ok.ok && ok.value.specify).toEqual({ constructor: { name: 'текст' } });
    expect(
      Object.hasOwn(Object, 'name') && (Object as unknown as Record<string, unknown>).name,
    ).toBe('Object');
  });
});

describe('catalogue lists', () => {
  const withService = (v: unknown) => (r: Raw) => ((r.answers as Record<string, unknown>).q6 = v);
  it('accept any id without catalogs', () => {
    expect(issuesOf(withService('svc-42'))).toEqual([]);
    expect(issuesOf(withService('x'.repeat(201)))).toEqual([[['answers', 'q6'], 'too_long']]);
    expect(issuesOf(withService(['svc-42']))).toEqual([[['answers', 'q6'], 'invalid_type']]);
  });
  it('accept only known ids with catalogs', () => {
    const opts = { catalogs: { services: ['svc-1', 'svc-2'] } };
    expect(issuesOf(withService('svc-2'), sample, opts)).toEqual([]);
    expect(issuesOf(withService('svc-42'), sample, opts)).toEqual([
      [['answers', 'q6'], 'unknown_option'],
    ]);
    // A catalogue not supplied stays open.
    expect(issuesOf(withService('svc-42'), sample, { catalogs: { other: [] } })).toEqual([]);
  });
  it('a list with options and multiple takes an array of its option ids', () => {
    const set = (v: unknown) => (r: Raw) => ((r.answers as Record<string, unknown>).q11 = v);
    expect(issuesOf(set(['d1', 'd2']))).toEqual([]);
    expect(issuesOf(set('d1'))).toEqual([[['answers', 'q11'], 'invalid_type']]);
    expect(issuesOf(set(['d3']))).toEqual([[['answers', 'q11', 0], 'unknown_option']]);
  });
});

describe('messages', () => {
  it('every issue has a message in Russian and English', () => {
    const r = validateResponse(sample, {
      responseId: 'x',
      surveyId: 'y',
      surveyVersion: 0,
      lang: 'fr',
      answers: { q1: 'b', q2: 1, q3: ['x', 'none', 'zz'], q4: 9, q5: { r9: 1 }, q8: 'x', q99: 1 },
      specify: { q3: { y: 'x' } },
      context: { channel: 'fax' },
    });
    expect(r.ok).toBe(false);
    const issues: Issue[] = r.ok ? [] : r.issues;
    expect(issues.length).toBeGreaterThan(10);
    for (const i of issues) {
      expect(i.message.ru, JSON.stringify(i)).toMatch(/[а-яё]/i);
      expect(i.message.en, JSON.stringify(i)).toMatch(/^[\x20-\x7e…]+$/);
    }
  });
  it('count with Russian plurals in the genitive', () => {
    const r = validateResponse(withQ('q3', { min: 3 }), validResponse());
    expect(r.ok ? '' : r.issues[0]!.message).toEqual({
      ru: 'Выберите не меньше 3 вариантов',
      en: 'Choose at least 3 options',
    });
    const one = validateResponse(withQ('q3', { max: 1 }), validResponse());
    expect(one.ok ? '' : one.issues[0]!.message).toEqual({
      ru: 'Выберите не больше 1 варианта',
      en: 'Choose at most 1 option',
    });
    const long = validateResponse(withQ('q2', { maxLength: 21 }), {
      ...validResponse(),
      answers: { ...validResponse().answers, q2: 'x'.repeat(22) },
    });
    expect(long.ok ? '' : long.issues[0]!.message.ru).toBe('Не больше 21 символа');
  });
});

describe('questionIssues', () => {
  it('checks one question as the respondent answers', () => {
    expect(questionIssues(sample, {}, 'q1').map((i) => i.code)).toEqual(['required']);
    expect(questionIssues(sample, {}, 'q2')).toEqual([]);
    expect(
      questionIssues(sample, { q8: 'x'.repeat(11) }, 'q8').map((i) => [i.path, i.code]),
    ).toEqual([[['answers', 'q8'], 'too_long']]);
    expect(questionIssues(sample, { q3: ['x', 'none'] }, 'q3').map((i) => i.code)).toEqual([
      'exclusive_conflict',
    ]);
    expect(questionIssues(sample, {}, 'nope').map((i) => i.code)).toEqual(['unknown_question']);
  });
});

describe('texts PostgreSQL cannot store', () => {
  const bad = ['a\u0000b', 'x\uD800', '\uDC00y', 'a\uDBFFb'];

  it('are refused as invalid_text wherever a string is stored', () => {
    for (const s of bad) {
      expect(issuesOf((r) => (r.answers.q2 = s))).toEqual([[['answers', 'q2'], 'invalid_text']]);
      // The required text is then missing too.
      expect(issuesOf((r) => (r.specify.q3.x = s))).toEqual([
        [['specify', 'q3', 'x'], 'invalid_text'],
        [['specify', 'q3', 'x'], 'required'],
      ]);
      expect(issuesOf((r) => Object.assign(r.context, { object: s, touchpoint: s }))).toEqual([
        [['context', 'object'], 'invalid_text'],
        [['context', 'touchpoint'], 'invalid_text'],
      ]);
      // A catalogue entry unknown to the validator is any short id, but still a storable one.
      expect(issuesOf((r) => Object.assign(r.answers, { q6: s }))).toEqual([
        [['answers', 'q6'], 'invalid_text'],
      ]);
    }
  });

  it('say why in Russian and English', () => {
    const r = validateResponse(sample, { ...validResponse(), answers: { q1: 'b', q2: '\u0000' } });
    expect(r.ok ? [] : r.issues.filter((i) => i.code === 'invalid_text')).toEqual([
      {
        path: ['answers', 'q2'],
        code: 'invalid_text',
        message: {
          ru: expect.stringContaining('U+0000') as string,
          en: expect.stringContaining('unpaired') as string,
        },
      },
    ]);
  });

  it('while emoji (a proper surrogate pair) and other scripts pass', () => {
    expect(issuesOf((r) => (r.answers.q2 = 'Спасибо 👍 ok ½'))).toEqual([]);
  });
});

describe('a question bound to the context object', () => {
  const bound = withQ('q6', { context: 'object' });

  it('supplies context.object when answered, over the object the embed fixed', () => {
    const r = validateResponse(bound, {
      ...validResponse(),
      answers: { q1: 'a', q4: 5, q5: { r1: 4 }, q6: 'passport' },
      specify: {},
      context: { channel: 'site', object: 'from-embed' },
    });
    expect(r.ok && r.value.context).toEqual({
      channel: 'site',
      object: 'passport',
      respondent: 'external',
    });
  });

  it('leaves the embed’s object when the question is not answered', () => {
    const r = validateResponse(bound, {
      ...validResponse(),
      context: { channel: 'site', object: 'from-embed' },
    });
    expect(r.ok && r.value.context.object).toBe('from-embed');
  });
});
