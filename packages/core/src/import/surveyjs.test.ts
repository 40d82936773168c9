import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { visiblePath, visibleRows } from '../engine/path.js';
import { parseSurvey } from '../schema/parse.js';
import { belgorodTypical } from '../templates/index.js';
import type { Answers, Question, Survey } from '../types.js';
import { importSurveyJs, type SurveyJsImport } from './surveyjs.js';
import { parseExpression } from './surveyjs-expression.js';

const BELGOROD = readFileSync(
  new URL('../../test/fixtures/belgorod.surveyjs.json', import.meta.url),
  'utf8',
);

function imported(json: unknown): SurveyJsImport {
  const r = importSurveyJs(json, { id: 'imported' });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}
const q = (s: Survey, id: string): Question => s.questions.find((x) => x.id === id)!;
const page = (elements: unknown[]) => ({ pages: [{ name: 'p1', elements }] });

describe('importSurveyJs: the Belgorod form written in SurveyJS', () => {
  const r = imported(BELGOROD);

  it('yields a survey that parseSurvey accepts, with every printed question', () => {
    const parsed = parseSurvey(r.survey);
    expect(parsed.ok ? [] : parsed.issues).toEqual([]);
    expect(r.survey.questions.map((x) => x.id)).toEqual(belgorodTypical.questions.map((x) => x.id));
    expect(r.survey.questions.map((x) => x.type)).toEqual(
      belgorodTypical.questions.map((x) => x.type),
    );
    expect(q(r.survey, 'q6')).toMatchObject({ scale: { min: 1, max: 5, order: 'desc' } });
    expect(q(r.survey, 'q21')).toMatchObject({ min: 1, max: 10 });
    expect(r.survey.sections?.map((s) => s.id)).toEqual(['service', 'channel', 'process', 'about']);
  });

  it('lists what it could not carry over, by JSON path, and nothing else', () => {
    expect(r.unsupported.map((n) => n.path.join('.'))).toEqual([
      'pages.1.elements.1.columns',
      'pages.2.elements.5.columns',
      'completedHtml',
    ]);
    expect(r.unsupported[0]!.reason.en).toMatch(/middle columns/);
  });

  it('shows the same questions and matrix rows as the template on every branch of the seed rules', () => {
    // The branching answers of 001: Q2 (named a service or not), Q5 (how applied), Q8 (refusal),
    // Q18 (appeal); every other question answered too, so nothing hides behind an empty answer.
    const filler: Answers = { q1: 'satisfied', q3: 4, q7: 'applied', q10: 'satisfied', q21: 9 };
    let branches = 0;
    for (const q2 of [undefined, 'example-licensing'])
      for (const q5 of [undefined, 'portal', 'app', 'site', 'in_person', 'other'])
        for (const q8 of [undefined, 'provided', 'refused'])
          for (const q18 of [undefined, 'yes', 'no']) {
            const answers: Answers = { ...filler };
            for (const [k, v] of Object.entries({ q2, q5, q8, q18 })) if (v) answers[k] = v;
            const want = visiblePath(belgorodTypical, answers);
            expect(visiblePath(r.survey, answers), JSON.stringify(answers)).toEqual(want);
            const rows = (s: Survey) =>
              visibleRows(q(s, 'q6') as Extract<Question, { type: 'matrix' }>, answers).map(
                (x) => x.id,
              );
            expect(rows(r.survey)).toEqual(rows(belgorodTypical));
            branches++;
          }
    expect(branches).toBe(108);
  });

  it('keeps both languages of the texts', () => {
    expect(q(r.survey, 'q3').title).toEqual(q(belgorodTypical, 'q3').title);
    expect(r.survey.completion?.text?.ru).toMatch(/^Спасибо за участие в опросе! Ваши ответы/);
  });
});

describe('importSurveyJs: kinds', () => {
  it('maps choices, other and none, limits and a boolean', () => {
    const r = imported(
      page([
        {
          type: 'checkbox',
          name: 'pick',
          title: 'Что?',
          choices: [1, 'two', { value: 'three', text: { default: 'Три', en: 'Three' } }],
          hasOther: true,
          hasNone: true,
          noneText: 'Ничего',
          maxSelectedChoices: 2,
        },
        { type: 'boolean', name: 'ok', title: 'Ок?' },
        { type: 'dropdown', name: 'city', title: 'Город', choicesByUrl: { url: 'https://x' } },
        { type: 'text', name: 'mail', title: 'Почта', inputType: 'email', maxLength: 100 },
      ]),
    );
    expect(r.survey.questions).toEqual([
      {
        id: 'pick',
        type: 'multiple',
        title: { ru: 'Что?' },
        max: 2,
        options: [
          { id: 'v1', text: { ru: '1' } },
          { id: 'two', text: { ru: 'two' } },
          { id: 'three', text: { ru: 'Три', en: 'Three' } },
          { id: 'none', text: { ru: 'Ничего' }, exclusive: true },
          {
            id: 'other',
            text: { ru: 'Другое (укажите)', en: 'Other (please specify)' },
            specify: { required: true },
          },
        ],
      },
      {
        id: 'ok',
        type: 'single',
        title: { ru: 'Ок?' },
        options: [
          { id: 'yes', text: { ru: 'Да', en: 'Yes' } },
          { id: 'no', text: { ru: 'Нет', en: 'No' } },
        ],
      },
      { id: 'city', type: 'list', title: { ru: 'Город' }, catalog: 'city' },
      { id: 'mail', type: 'text', title: { ru: 'Почта' }, maxLength: 100 },
    ]);
    expect(r.unsupported.map((n) => [n.path.join('.'), n.reason.en])).toEqual([
      [
        'pages.0.elements.2.choicesByUrl',
        'choices from a server: publish catalogue "city" on the collector',
      ],
      ['pages.0.elements.3.inputType', 'the input type is not supported: imported as plain text'],
    ]);
  });

  it('lists an unsupported question type and unknown properties by path, never dropping them silently', () => {
    const r = imported(
      page([
        { type: 'radiogroup', name: 'a', choices: ['x'], defaultValue: 'x', someFlag: 1 },
        { type: 'matrixdynamic', name: 'b', columns: [] },
        { type: 'rating', name: 'c', rateMin: 0, rateMax: 10, rateStep: 2 },
      ]),
    );
    expect(r.survey.questions.map((x) => x.id)).toEqual(['a', 'c']);
    expect(r.unsupported.map((n) => n.path.join('.'))).toEqual([
      'pages.0.elements.0.defaultValue',
      'pages.0.elements.0.someFlag',
      'pages.0.elements.1',
      'pages.0.elements.2.rateStep',
    ]);
    expect(r.unsupported[2]!.reason.ru).toBe(
      'вид вопроса «matrixdynamic» не поддерживается; вопрос не импортирован',
    );
  });

  it('renumbers non-numeric matrix columns and translates conditions on them', () => {
    const r = imported(
      page([
        {
          type: 'matrix',
          name: 'm',
          columns: ['bad', 'ok', 'good'],
          rows: [{ value: 'r 1', text: 'Строка' }],
        },
        { type: 'comment', name: 'why', visibleIf: "{m.r 1} = 'bad'" },
      ]),
    );
    expect(q(r.survey, 'm')).toMatchObject({
      rows: [{ id: 'r_1' }],
      scale: { min: 1, max: 3, minLabel: { ru: 'bad' }, maxLabel: { ru: 'good' } },
    });
    expect(q(r.survey, 'why').showIf).toEqual({
      op: 'equals',
      question: 'm',
      row: 'r_1',
      value: 1,
    });
    expect(parseSurvey(r.survey).ok).toBe(true);
  });

  it('takes an English-only text as a stand-in for Russian and says so', () => {
    const r = importSurveyJs(
      { locale: 'en', elements: [{ type: 'comment', name: 'x', title: 'Why?' }] },
      { id: 'en' },
    );
    expect(r.ok && r.value.survey.questions[0]!.title).toEqual({ ru: 'Why?', en: 'Why?' });
    expect(r.ok && r.value.unsupported.map((n) => n.path.join('.'))).toEqual(['elements.0.title']);
  });

  it('refuses what is not a SurveyJS survey with a clear issue', () => {
    const bad = importSurveyJs('{"pages": [');
    expect(bad.ok || bad.issues[0]!.code).toBe('invalid_json');
    const other = importSurveyJs({ id: 'x', questions: 'no' });
    expect(other.ok || other.issues[0]!.message.en).toMatch(/Not a SurveyJS survey/);
  });
});

describe('importSurveyJs: visibleIf', () => {
  const base = [
    { type: 'radiogroup', name: 'a', choices: [1, 2, 'x'] },
    { type: 'checkbox', name: 'b', choices: ['p', 'q'] },
    { type: 'rating', name: 'c' },
  ];
  const cond = (visibleIf: string) => {
    const r = imported(page([...base, { type: 'comment', name: 'd', visibleIf }]));
    return { showIf: q(r.survey, 'd').showIf, notes: r.unsupported };
  };

  it('translates comparisons joined by and / or / not', () => {
    expect(cond("({a} = 1 or {a} anyof ['x', 2]) and not {c} < 3").showIf).toEqual({
      op: 'and',
      all: [
        {
          op: 'or',
          any: [
            { op: 'equals', question: 'a', value: 'v1' },
            { op: 'in', question: 'a', values: ['x', 'v2'] },
          ],
        },
        { op: 'not', cond: { op: 'lt', question: 'c', value: 3 } },
      ],
    });
    expect(cond("{b} contains 'p' && {c} notempty").showIf).toEqual({
      op: 'and',
      all: [
        { op: 'equals', question: 'b', value: 'p' },
        { op: 'answered', question: 'c' },
      ],
    });
    expect(cond("{b} allof ['p','q'] or {a} empty or {a} <> 2").showIf).toEqual({
      op: 'or',
      any: [
        {
          op: 'and',
          all: [
            { op: 'equals', question: 'b', value: 'p' },
            { op: 'equals', question: 'b', value: 'q' },
          ],
        },
        { op: 'not', cond: { op: 'answered', question: 'a' } },
        { op: 'not', cond: { op: 'equals', question: 'a', value: 'v2' } },
      ],
    });
  });

  it('lists a condition it cannot translate, with the reason, and shows the question always', () => {
    for (const [src, reason] of [
      ['age({c}) > 18', /found "age\(…\)"/],
      ['{c} + 1 > 2', /unsupported character "\+"/],
      ["{a} = 'nope'", /question "a" has no choice "nope"/],
      ['{zz} = 1', /no question "zz"/],
      ["{c} > 'high'", /scale "c" compared with a non-number/],
    ] as const) {
      const { showIf, notes } = cond(src);
      expect(showIf, src).toBeUndefined();
      expect(
        notes.map((n) => n.path.join('.')),
        src,
      ).toEqual(['pages.0.elements.3.visibleIf']);
      expect(notes[0]!.reason.en, src).toMatch(reason);
      expect(notes[0]!.reason.en, src).toMatch(/the question is always shown/);
    }
  });

  it('ANDs a panel’s and a page’s condition into each of their questions', () => {
    const r = imported({
      pages: [
        { name: 'p1', elements: base },
        {
          name: 'p2',
          visibleIf: '{c} >= 4',
          elements: [
            {
              type: 'panel',
              name: 'pn',
              visibleIf: "{a} = 'x'",
              elements: [{ type: 'comment', name: 'd', visibleIf: '{b} notempty' }],
            },
          ],
        },
      ],
    });
    expect(q(r.survey, 'd').showIf).toEqual({
      op: 'and',
      all: [
        { op: 'gte', question: 'c', value: 4 },
        { op: 'equals', question: 'a', value: 'x' },
        { op: 'answered', question: 'b' },
      ],
    });
  });

  it('parses nested parentheses and rejects a dangling one', () => {
    expect(parseExpression('(({a} = 1))')).toEqual({ kind: 'cmp', name: 'a', op: 'eq', value: 1 });
    expect(() => parseExpression('({a} = 1')).toThrow(/unclosed \(/);
    expect(() => parseExpression("{a} anyof ['x'")).toThrow();
  });
});
