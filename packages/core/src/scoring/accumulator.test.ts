import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Answers, Channel, Question, Survey, SurveyResponse } from '../types.js';
import { validateResponse } from '../engine/validate-response.js';
import { CHANNELS } from '../types.js';
import { Accumulator, createAccumulator, restoreAccumulator } from './accumulator.js';
import type {
  ChoiceFigures,
  MatrixFigures,
  QuestionFigures,
  ScaleFigures,
  TextFigures,
} from './types.js';

const t = (ru: string) => ({ ru });

/** One question of every kind the figures treat differently. */
const survey: Survey = {
  id: 'scoring-test',
  version: 1,
  title: t('Анкета'),
  questions: [
    { id: 'intro', type: 'statement', title: t('Спасибо') },
    {
      id: 'sat',
      type: 'scale',
      title: t('Удовлетворённость'),
      min: 1,
      max: 5,
      role: 'satisfaction',
      extraOptions: [{ id: 'dk', text: t('Затрудняюсь ответить'), kind: 'dontKnow' }],
    },
    { id: 'ease', type: 'scale', title: t('Легко или тяжело'), min: 1, max: 5, role: 'effort' },
    { id: 'rec', type: 'scale', title: t('Порекомендуете'), min: 1, max: 10, role: 'recommend' },
    { id: 'plain', type: 'scale', title: t('Прочее'), min: 1, max: 5 },
    {
      id: 'rather',
      type: 'single',
      title: t('Удовлетворены ли Вы'),
      role: 'satisfaction',
      options: [
        { id: 'yes', text: t('Да'), positive: true },
        { id: 'ratherYes', text: t('Скорее удовлетворён'), positive: true },
        { id: 'ratherNo', text: t('Скорее не удовлетворён') },
        { id: 'no', text: t('Нет') },
        { id: 'dk', text: t('Затрудняюсь ответить'), kind: 'dontKnow' },
        { id: 'na', text: t('Не взаимодействовал'), kind: 'notApplicable' },
      ],
    },
    {
      id: 'problems',
      type: 'multiple',
      title: t('Проблемы'),
      options: [
        { id: 'queue', text: t('Очередь'), problem: true },
        { id: 'rude', text: t('Грубость'), problem: true },
        { id: 'other', text: t('Проблема (укажите)'), problem: true, specify: {} },
        { id: 'idea', text: t('Предложение') },
        { id: 'none', text: t('Проблем не было'), exclusive: true },
      ],
    },
    {
      id: 'grid',
      type: 'matrix',
      title: t('Оцените'),
      scale: { min: 1, max: 5, role: 'satisfaction' },
      rows: [
        { id: 'r1', text: t('Сайт') },
        { id: 'r2', text: t('Телефон') },
        { id: 'r3', text: t('Приём') },
      ],
      extraOptions: [{ id: 'unused', text: t('Не пользовался'), kind: 'notApplicable' }],
    },
    { id: 'service', type: 'list', title: t('Услуга'), catalog: 'services' },
    { id: 'comment', type: 'text', title: t('Комментарий') },
  ],
};

let seq = 0;
/** A response as the collector stores it (validated: the test fails if it would be rejected). */
function response(
  answers: Answers,
  channel: Channel = 'site',
  touchpoint?: string,
): SurveyResponse {
  seq++;
  const r: SurveyResponse = {
    responseId: `00000000-0000-4000-8000-${String(seq).padStart(12, '0')}`,
    surveyId: survey.id,
    surveyVersion: survey.version,
    lang: 'ru',
    answers,
    context:
      touchpoint === undefined
        ? { channel, respondent: 'external' }
        : { channel, touchpoint, respondent: 'external' },
  };
  const v = validateResponse(survey, r);
  if (!v.ok) throw new Error(`test response invalid: ${JSON.stringify(v.issues)}`);
  return v.value;
}

function reportOf(rs: SurveyResponse[]) {
  const acc = createAccumulator(survey);
  for (const r of rs) acc.add(r);
  return acc.result();
}

function figure(fs: QuestionFigures[], id: string): QuestionFigures {
  const f = fs.find((x) => x.id === id);
  if (!f) throw new Error(`no figures for ${id}`);
  return f;
}
const scale = (fs: QuestionFigures[], id: string) => figure(fs, id) as ScaleFigures;
const choice = (fs: QuestionFigures[], id: string) => figure(fs, id) as ChoiceFigures;
const matrix = (fs: QuestionFigures[], id: string) => figure(fs, id) as MatrixFigures;

describe('satisfaction scale', () => {
  it('level = share of 4 and 5 among numeric answers; don’t know counted, not rated', () => {
    const r = reportOf([5, 4, 3, 1, 'dk', 5].map((v) => response({ sat: v })));
    expect(scale(r.questions, 'sat')).toEqual({
      id: 'sat',
      type: 'scale',
      role: 'satisfaction',
      answered: 6,
      valid: 5,
      mean: 3.6, // 18 / 5
      topTwoShare: 60, // 3 / 5
      distribution: { '1': 1, '3': 1, '4': 1, '5': 2, dk: 1 },
    });
    expect(r.summary.satisfactionLevel).toBe(60);
  });

  it('only don’t know: answered but no level and no mean', () => {
    const f = scale(reportOf([response({ sat: 'dk' })]).questions, 'sat');
    expect([f.answered, f.valid, f.mean, f.topTwoShare]).toEqual([1, 0, null, null]);
  });

  it('a scale without a role still gets mean and top-two share, nothing else', () => {
    const f = scale(reportOf([response({ plain: 2 }), response({ plain: 5 })]).questions, 'plain');
    expect(f).toMatchObject({ role: 'other', mean: 3.5, topTwoShare: 50 });
    expect(f).not.toHaveProperty('nps');
    expect(f).not.toHaveProperty('effortIndex');
  });
});

describe('recommend scale (1–10)', () => {
  it('NPS = %promoters (9–10) − %detractors (1–6), from counts', () => {
    const f = scale(
      reportOf([10, 9, 1, 7, 8, 8].map((v) => response({ rec: v }))).questions,
      'rec',
    );
    expect(f.promoters).toBe(33.3); // 2 / 6
    expect(f.detractors).toBe(16.7); // 1 / 6
    // (2 − 1) / 6 = 16.7: computed from counts, not 33.3 − 16.7 = 16.6.
    expect(f.nps).toBe(16.7);
    expect(f.mean).toBe(7.17); // 43 / 6
  });

  it('cut-offs: 6 is a detractor, 7 and 8 passives, 9 a promoter', () => {
    const nps = (v: number) => scale(reportOf([response({ rec: v })]).questions, 'rec').nps;
    expect([1, 6, 7, 8, 9, 10].map(nps)).toEqual([-100, -100, 0, 0, 100, 100]);
  });

  it('negative NPS and the summary', () => {
    const r = reportOf([10, 2, 3, 7].map((v) => response({ rec: v })));
    expect(scale(r.questions, 'rec').nps).toBe(-25); // (1 − 2) / 4
    expect(r.summary.nps).toBe(-25);
  });
});

describe('effort scale', () => {
  it('index = share easy (4–5) − share hard (1–2)', () => {
    const r = reportOf([5, 4, 3, 2, 1, 1, 5, 5].map((v) => response({ ease: v })));
    const f = scale(r.questions, 'ease');
    expect(f.effortIndex).toBe(12.5); // (4 − 3) / 8
    expect(f.mean).toBe(3.25); // 26 / 8
    expect(f.topTwoShare).toBe(50);
    expect(r.summary.effortIndex).toBe(12.5);
  });

  it('all hard is −100', () => {
    expect(
      scale(reportOf([response({ ease: 1 }), response({ ease: 2 })]).questions, 'ease').effortIndex,
    ).toBe(-100);
  });
});

describe('single choice with role satisfaction', () => {
  it('satisfied share = positive / answers that are not don’t know or n/a', () => {
    const answers = ['yes', 'ratherYes', 'ratherNo', 'no', 'dk', 'na', 'yes'];
    const r = reportOf(answers.map((v) => response({ rather: v })));
    expect(choice(r.questions, 'rather')).toEqual({
      id: 'rather',
      type: 'single',
      answered: 7,
      excluded: 2,
      problems: 0,
      satisfiedShare: 60, // 3 / (7 − 2)
      distribution: { yes: 2, ratherYes: 1, ratherNo: 1, no: 1, dk: 1, na: 1 },
    });
    expect(r.summary.satisfiedShare).toBe(60);
  });

  it('only excluded answers give null', () => {
    const f = choice(
      reportOf([response({ rather: 'dk' }), response({ rather: 'na' })]).questions,
      'rather',
    );
    expect(f.satisfiedShare).toBeNull();
    expect(f.excluded).toBe(2);
  });
});

describe('multiple choice and problems', () => {
  it('counts every chosen problem option', () => {
    const r = reportOf([
      response({ problems: ['queue', 'rude'] }),
      response({ problems: ['queue'] }),
      response({ problems: ['none'] }),
      response({ problems: ['rude', 'idea'] }),
    ]);
    const f = choice(r.questions, 'problems');
    expect(f.answered).toBe(4);
    expect(f.problems).toBe(4);
    expect(f.distribution).toEqual({ queue: 2, rude: 2, idea: 1, none: 1 });
    expect(f).not.toHaveProperty('satisfiedShare');
    expect(r.problems).toBe(4);
  });
});

describe('matrix', () => {
  it('figures per row; n/a rows answered but not valid; unasked rows empty', () => {
    const r = reportOf([
      response({ grid: { r1: 5, r2: 3 } }),
      response({ grid: { r1: 4, r2: 'unused' } }),
      response({ grid: { r1: 2 } }),
    ]);
    const f = matrix(r.questions, 'grid');
    expect(f.answered).toBe(3);
    expect(f.rows).toEqual([
      {
        id: 'r1',
        answered: 3,
        valid: 3,
        mean: 3.67,
        topTwoShare: 66.7,
        distribution: { '2': 1, '4': 1, '5': 1 },
      },
      {
        id: 'r2',
        answered: 2,
        valid: 1,
        mean: 3,
        topTwoShare: 0,
        distribution: { '3': 1, unused: 1 },
      },
      { id: 'r3', answered: 0, valid: 0, mean: null, topTwoShare: null, distribution: {} },
    ]);
    // Rows are parameters, reported per row: without an answer to the headline there is no level.
    expect(r.summary.satisfactionLevel).toBeNull();
  });
});

describe('summary', () => {
  const rated = [
    response({ sat: 5, plain: 5, grid: { r1: 5, r2: 3 } }),
    response({ sat: 4, plain: 1, grid: { r1: 4, r2: 'unused' } }),
    response({ sat: 3, plain: 1, grid: { r1: 2 } }),
  ];

  it('satisfaction level is the headline question’s share of 4–5, matrix rows left out', () => {
    const r = reportOf(rated);
    // sat 66.7; r1 66.7 and r2 0 are parameters (001 §4.3.1): the old mean of all three was 44.5.
    expect(scale(r.questions, 'sat').topTwoShare).toBe(66.7);
    expect(r.summary.satisfactionLevel).toBe(66.7);
  });

  it('the survey’s `headline` names the question; without one, the first satisfaction scale', () => {
    const named = createAccumulator({
      ...survey,
      headline: 'plain2',
      questions: [
        ...survey.questions,
        { ...survey.questions[4]!, id: 'plain2', role: 'satisfaction' } as Question,
      ],
    });
    for (const x of rated) named.add({ ...x, answers: { ...x.answers, plain2: x.answers.plain! } });
    // plain2 copies plain: 5, 1, 1 → one of three in 4–5.
    expect(named.result().summary.satisfactionLevel).toBe(33.3);
    const none = createAccumulator({ ...survey, questions: survey.questions.slice(0, 1) });
    expect(none.result().summary.satisfactionLevel).toBeNull();
  });
});

describe('channels, lists, texts, statements', () => {
  it('count and share per channel', () => {
    const r = reportOf([response({}, 'site'), response({}, 'kiosk'), response({}, 'site')]);
    expect(r.responses).toBe(3);
    expect(r.channels).toEqual({
      site: { count: 2, share: 66.7 },
      kiosk: { count: 1, share: 33.3 },
    });
    expect(Object.keys(r.channels)).toEqual(['site', 'kiosk']); // CHANNELS order, whatever came first
  });

  it('catalogue entries by id, texts by count, statements have no figures', () => {
    const r = reportOf([
      response({ service: 'b-licence', comment: 'Долго ждал' }),
      response({ service: 'a-grant' }),
      response({ service: 'b-licence' }),
    ]);
    expect(choice(r.questions, 'service')).toMatchObject({
      answered: 3,
      distribution: { 'a-grant': 1, 'b-licence': 2 },
    });
    expect(figure(r.questions, 'comment') as TextFigures).toEqual({
      id: 'comment',
      type: 'text',
      answered: 1,
    });
    expect(r.questions.map((q) => q.id)).not.toContain('intro');
  });
});

describe('empty', () => {
  it('every share and mean is null, counts are zero', () => {
    const r = createAccumulator(survey).result();
    expect(r).toMatchObject({
      surveyId: 'scoring-test',
      responses: 0,
      problems: 0,
      channels: {},
      summary: { satisfactionLevel: null, satisfiedShare: null, nps: null, effortIndex: null },
    });
    expect(scale(r.questions, 'rec')).toMatchObject({
      answered: 0,
      mean: null,
      promoters: null,
      detractors: null,
      nps: null,
    });
    expect(scale(r.questions, 'ease').effortIndex).toBeNull();
    expect(choice(r.questions, 'rather').satisfiedShare).toBeNull();
    expect(r).not.toHaveProperty('skipped');
    expect(r).not.toHaveProperty('touchpoints');
  });
});

describe('odd input', () => {
  it('skips answers it cannot read, and says how many', () => {
    const acc = new Accumulator(survey);
    const bad = {
      ...response({ sat: 4 }),
      answers: {
        sat: 7,
        ease: 2.5,
        rec: 'dk',
        rather: 'maybe',
        problems: ['queue', 'nope'],
        grid: { r9: 1, r1: 9 },
        ghost: 1,
        intro: 'x',
        comment: '',
      },
    } as unknown as SurveyResponse;
    acc.add(bad);
    const r = acc.result();
    // sat, ease, rec, rather, nope, r9, r1, ghost, intro; the empty comment is simply unanswered.
    expect(r.skipped).toBe(9);
    expect(r.responses).toBe(1);
    expect(choice(r.questions, 'problems')).toMatchObject({ answered: 1, problems: 1 });
    expect(scale(r.questions, 'sat').answered).toBe(0);
    expect(matrix(r.questions, 'grid').answered).toBe(0);
  });

  it('refuses a response to another survey', () => {
    const acc = createAccumulator(survey);
    expect(() => acc.add({ ...response({}), surveyId: 'other' })).toThrow(
      /survey "other".*"scoring-test"/,
    );
    expect(acc.size).toBe(0);
  });

  it('counts touchpoints when asked', () => {
    const acc = createAccumulator(survey, { touchpoints: true });
    acc
      .add(response({}, 'kiosk', 'mfc-2'))
      .add(response({}, 'kiosk', 'mfc-1'))
      .add(response({}))
      .add(response({}, 'qr', 'mfc-2'));
    expect(acc.result().touchpoints).toEqual({ '@none': 1, 'mfc-1': 1, 'mfc-2': 2 });
  });
});

/** Any valid response to the test survey (response() throws on an invalid one). */
const anyResponse: fc.Arbitrary<SurveyResponse> = fc
  .record({
    answers: fc.record(
      {
        sat: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant('dk')),
        ease: fc.integer({ min: 1, max: 5 }),
        rec: fc.integer({ min: 1, max: 10 }),
        plain: fc.integer({ min: 1, max: 5 }),
        rather: fc.constantFrom('yes', 'ratherYes', 'ratherNo', 'no', 'dk', 'na'),
        problems: fc.oneof(
          fc.constant(['none']),
          fc.subarray(['queue', 'rude', 'other', 'idea'], { minLength: 1 }),
        ),
        grid: fc.record(
          {
            r1: fc.oneof(fc.integer({ min: 1, max: 5 }), fc.constant('unused')),
            r2: fc.integer({ min: 1, max: 5 }),
            r3: fc.integer({ min: 1, max: 5 }),
          },
          { requiredKeys: [] },
        ),
        service: fc.constantFrom('a-grant', 'b-licence', 'c-permit'),
        comment: fc.string({ minLength: 1, maxLength: 20 }),
      },
      { requiredKeys: [] },
    ),
    channel: fc.constantFrom(...CHANNELS),
    touchpoint: fc.option(fc.constantFrom('mfc-1', 'mfc-2', 'site'), { nil: undefined }),
  })
  .map(({ answers, channel, touchpoint }) => response(answers as Answers, channel, touchpoint));

function accOf(rs: readonly SurveyResponse[]): Accumulator {
  const acc = createAccumulator(survey, { touchpoints: true });
  for (const r of rs) acc.add(r);
  return acc;
}

describe('merge', () => {
  it('two partial aggregates merged, in either order, equal one aggregate of all', () => {
    fc.assert(
      fc.property(fc.array(anyResponse, { maxLength: 40 }), fc.nat(), (rs, cut) => {
        const k = rs.length === 0 ? 0 : cut % (rs.length + 1);
        const whole = accOf(rs);
        const ab = accOf(rs.slice(0, k)).merge(accOf(rs.slice(k)));
        const ba = accOf(rs.slice(k)).merge(accOf(rs.slice(0, k)));
        expect(ab.result()).toEqual(whole.result());
        expect(ba.result()).toEqual(whole.result());
        // Same text, not only same values: reports and states can be compared or hashed as JSON.
        expect(JSON.stringify(ba.toJSON())).toBe(JSON.stringify(whole.toJSON()));
      }),
      { numRuns: 200 },
    );
  });

  it('merging in any grouping gives the same result (three parts through JSON)', () => {
    fc.assert(
      fc.property(fc.array(anyResponse, { maxLength: 30 }), fc.nat(), fc.nat(), (rs, x, y) => {
        const [i, j] = [x % (rs.length + 1), y % (rs.length + 1)].sort((a, b) => a - b) as [
          number,
          number,
        ];
        const parts = [rs.slice(0, i), rs.slice(i, j), rs.slice(j)].map((p) =>
          restoreAccumulator(survey, JSON.parse(JSON.stringify(accOf(p))) as unknown),
        );
        const [a, b, c] = parts.map((p) => {
          if (!p.ok) throw new Error(JSON.stringify(p.issues));
          return p.value;
        }) as [Accumulator, Accumulator, Accumulator];
        expect(c.merge(b).merge(a).result()).toEqual(accOf(rs).result());
      }),
      { numRuns: 100 },
    );
  });

  it('merging an empty accumulator changes nothing; another survey is refused', () => {
    const acc = accOf([response({ sat: 5 })]);
    const before = acc.result();
    expect(acc.merge(createAccumulator(survey, { touchpoints: true })).result()).toEqual(before);
    const other = createAccumulator({ ...survey, id: 'other' });
    expect(() => acc.merge(other)).toThrow(/survey "other"/);
  });
});

describe('toJSON / restoreAccumulator', () => {
  it('round-trips through JSON text to the same figures and the same state', () => {
    const acc = accOf([
      response(
        { sat: 4, rec: 9, problems: ['queue'], grid: { r1: 'unused' }, service: 'a-grant' },
        'kiosk',
        'mfc-1',
      ),
      response({ sat: 'dk', ease: 1, rather: 'ratherNo', comment: 'Нет пандуса' }, 'email'),
    ]);
    const text = JSON.stringify(acc);
    const back = Accumulator.fromJSON(survey, JSON.parse(text));
    expect(back.result()).toEqual(acc.result());
    expect(JSON.stringify(back)).toBe(text);
    expect(back.toJSON()).toMatchObject({
      format: 'otklik.accumulator/1',
      responses: 2,
      channels: { email: 1, kiosk: 1 },
      touchpoints: { '@none': 1, 'mfc-1': 1 },
      questions: {
        sat: { type: 'scale', counts: { '4': 1, dk: 1 } },
        grid: { type: 'matrix', answered: 1 },
      },
    });
  });

  it('rejects a bad state with the path of each problem', () => {
    const good = accOf([response({ sat: 4 })]).toJSON();
    const bad = {
      ...good,
      surveyId: 'other',
      responses: -1,
      questions: {
        ...good.questions,
        sat: { type: 'scale', counts: { '4': 1.5 } },
        ease: { type: 'star' },
      },
    };
    const r = restoreAccumulator(survey, bad);
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.issues.map((i) => [i.path.join('.'), i.code])).toEqual([
      ['surveyId', 'wrong_survey'],
      ['responses', 'invalid_value'],
      ['questions.sat.counts.4', 'invalid_value'],
      ['questions.ease.type', 'invalid_value'],
    ]);
    expect(() => Accumulator.fromJSON(survey, 'nonsense')).toThrow(
      /Invalid accumulator state: \(root\)/,
    );
  });

  it('counts that do not fit this survey version go to skipped, not to the figures', () => {
    const state = createAccumulator(survey).toJSON();
    state.responses = 1;
    state.questions['sat'] = { type: 'scale', counts: { '4': 1, '7': 2 } };
    state.questions['gone'] = { type: 'text', answered: 1 };
    const acc = Accumulator.fromJSON(survey, state);
    expect(acc.result().skipped).toBe(3);
    expect(scale(acc.result().questions, 'sat').distribution).toEqual({ '4': 1 });
  });
});
