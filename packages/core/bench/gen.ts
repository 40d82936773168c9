/**
 * Synthetic surveys and responses for the benchmark: deterministic (seeded), valid by construction
 * and checked with parseSurvey / validateResponse before anything is timed.
 */
import type { Answers, AnswerValue, ChoiceOption, Question, Survey } from '@otklik/core';
import { CHANNELS, pruneAnswers } from '@otklik/core';

/** Small seeded PRNG (mulberry32): the same figures on every run. */
export function rng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const t = (ru: string) => ({ ru });
const opts = (prefix: string, n: number, extra: Partial<ChoiceOption>[] = []): ChoiceOption[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `${prefix}${i + 1}`,
    text: t(`Вариант ${i + 1}`),
    ...extra[i],
  }));

/**
 * A survey of `n` questions cycling through every kind, with a show-if condition on every fifth
 * question (on an earlier answer) and forward option jumps on every seventh single choice, so
 * that `visiblePath` has real work: conditions, jumps, matrix rows that depend on answers.
 */
export function bigSurvey(n: number): Survey {
  const qs: Question[] = [];
  const singles: string[] = [];
  const scales: string[] = [];
  for (let i = 1; i <= n; i++) {
    const id = `q${i}`;
    const title = t(`Вопрос ${i}`);
    let q: Question;
    switch (i % 6) {
      case 0:
        q = {
          id,
          type: 'scale',
          title,
          min: 1,
          max: 5,
          role: 'satisfaction',
          extraOptions: opts('dk', 1, [{ kind: 'dontKnow' }]),
        };
        scales.push(id);
        break;
      case 1: {
        // Jump 2–4 questions ahead from the first option of every seventh single choice.
        const jump =
          singles.length % 7 === 3 && i + 4 <= n ? [{ goTo: `q${i + 2 + (i % 3)}` }] : [];
        q = { id, type: 'single', title, options: opts('o', 4, jump) };
        singles.push(id);
        break;
      }
      case 2:
        q = {
          id,
          type: 'multiple',
          title,
          options: opts('m', 5, [
            { problem: true },
            { problem: true },
            {},
            {},
            { exclusive: true },
          ]),
        };
        break;
      case 3: {
        const dep = singles.at(-1);
        q = {
          id,
          type: 'matrix',
          title,
          scale: { min: 1, max: 5, role: 'satisfaction' },
          rows: [
            { id: 'r1', text: t('Строка 1') },
            { id: 'r2', text: t('Строка 2') },
            // 001 Q5→Q6: a row asked only after a given earlier answer.
            dep
              ? {
                  id: 'r3',
                  text: t('Строка 3'),
                  showIf: { op: 'in', question: dep, values: ['o1', 'o2'] },
                }
              : { id: 'r3', text: t('Строка 3') },
            { id: 'r4', text: t('Строка 4') },
          ],
          extraOptions: opts('na', 1, [{ kind: 'notApplicable' }]),
        };
        break;
      }
      case 4:
        q = { id, type: 'list', title, options: opts('l', 20) };
        break;
      default:
        q = { id, type: 'text', title };
    }
    const earlierScale = scales.filter((x) => x !== id).at(-1);
    if (i % 5 === 0 && singles.length > 1 && earlierScale) {
      const s = singles.filter((x) => x !== id).at(-2)!;
      q.showIf =
        i % 10 === 0
          ? {
              op: 'or',
              any: [
                { op: 'in', question: s, values: ['o1', 'o3'] },
                { op: 'gte', question: earlierScale, value: 4 },
              ],
            }
          : { op: 'not', cond: { op: 'equals', question: s, value: 'o4' } };
    }
    qs.push(q);
  }
  return { id: 'bench-big', version: 1, title: t('Большая анкета'), questions: qs };
}

/** About the size of the typical questionnaire (001 Приложение 1): 16 questions, two matrices. */
export function typicalSurvey(): Survey {
  const dk = opts('dk', 1, [{ kind: 'dontKnow' }]);
  const rows = (n: number) =>
    Array.from({ length: n }, (_, i) => ({ id: `r${i + 1}`, text: t(`Параметр ${i + 1}`) }));
  const qs: Question[] = [
    { id: 'q1', type: 'list', title: t('Услуга'), catalog: 'services' },
    { id: 'q2', type: 'single', title: t('Получали услугу'), options: opts('o', 3) },
    { id: 'q5', type: 'multiple', title: t('Ресурсы'), options: opts('m', 6) },
    {
      id: 'q6',
      type: 'matrix',
      title: t('Ресурсы'),
      scale: { min: 1, max: 5, role: 'satisfaction' },
      rows: rows(6),
      extraOptions: opts('na', 1, [{ kind: 'notApplicable' }]),
    },
    { id: 'q8', type: 'single', title: t('Отказ'), options: opts('o', 2) },
    {
      id: 'q11',
      type: 'scale',
      title: t('Легко или тяжело'),
      min: 1,
      max: 5,
      role: 'effort',
      showIf: { op: 'equals', question: 'q2', value: 'o1' },
    },
    {
      id: 'q12',
      type: 'matrix',
      title: t('Параметры'),
      scale: { min: 1, max: 5, role: 'satisfaction' },
      rows: rows(8),
    },
    {
      id: 'q13',
      type: 'scale',
      title: t('Удовлетворённость'),
      min: 1,
      max: 5,
      role: 'satisfaction',
      extraOptions: dk,
    },
    {
      id: 'q14',
      type: 'scale',
      title: t('Информирование'),
      min: 1,
      max: 5,
      role: 'satisfaction',
      extraOptions: dk,
    },
    {
      id: 'q15',
      type: 'single',
      title: t('Скорее удовлетворены'),
      role: 'satisfaction',
      options: opts('o', 3, [{ positive: true }, {}, { kind: 'dontKnow' }]),
    },
    {
      id: 'q16',
      type: 'multiple',
      title: t('Проблемы'),
      options: opts('p', 7, [
        { problem: true },
        { problem: true },
        { problem: true },
        { problem: true },
        { problem: true },
        {},
        { exclusive: true },
      ]),
    },
    {
      id: 'q21',
      type: 'scale',
      title: t('Порекомендуете'),
      min: 1,
      max: 10,
      order: 'desc',
      role: 'recommend',
    },
    { id: 'q22', type: 'text', title: t('Предложения') },
    { id: 'q28', type: 'single', title: t('Пол'), options: opts('o', 2) },
    { id: 'q29', type: 'single', title: t('Возраст'), options: opts('o', 6) },
    { id: 'q30', type: 'single', title: t('Образование'), options: opts('o', 4) },
  ];
  return { id: 'bench-typical', version: 1, title: t('Типовая анкета'), questions: qs };
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)]!;
}

const SERVICES = Array.from({ length: 40 }, (_, i) => `svc-${i + 1}`);

function answerTo(q: Question, r: () => number): AnswerValue | undefined {
  const scale = (min: number, max: number, extra?: ChoiceOption[]): number | string =>
    extra?.length && r() < 0.08 ? extra[0]!.id : min + Math.floor(r() * (max - min + 1));
  switch (q.type) {
    case 'scale':
      return scale(q.min, q.max, q.extraOptions);
    case 'single':
      return pick(r, q.options).id;
    case 'list':
      return q.options ? pick(r, q.options).id : pick(r, SERVICES);
    case 'multiple': {
      const normal = q.options.filter((o) => !o.exclusive);
      const exclusive = q.options.find((o) => o.exclusive);
      if (exclusive && r() < 0.3) return [exclusive.id];
      const chosen = normal.filter(() => r() < 0.35).map((o) => o.id);
      return chosen.length ? chosen : [normal[0]!.id];
    }
    case 'matrix': {
      const a: Record<string, number | string> = {};
      for (const row of q.rows)
        if (r() < 0.9) a[row.id] = scale(q.scale.min, q.scale.max, q.extraOptions);
      return a;
    }
    case 'text':
      return r() < 0.2 ? 'Хотелось бы записываться онлайн' : undefined;
    case 'statement':
      return undefined;
  }
}

/** A respondent's answers: everything answered at random, then pruned to the path they would see. */
export function randomAnswers(survey: Survey, r: () => number): Answers {
  const all: Answers = {};
  for (const q of survey.questions) {
    const a = answerTo(q, r);
    if (a !== undefined) all[q.id] = a;
  }
  return pruneAnswers(survey, all);
}

/** A wire-format response (not yet validated). */
export function randomResponse(
  survey: Survey,
  r: () => number,
  n: number,
): Record<string, unknown> {
  return {
    responseId: `00000000-0000-4000-8000-${n.toString(16).padStart(12, '0')}`,
    surveyId: survey.id,
    surveyVersion: survey.version,
    lang: 'ru',
    answers: randomAnswers(survey, r),
    context: {
      channel: pick(r, CHANNELS),
      touchpoint: `office-${1 + Math.floor(r() * 12)}`,
      respondent: 'external',
    },
  };
}
