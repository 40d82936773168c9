import type { ChoiceOption, Survey } from '../src/types.js';

const t = (ru: string, en?: string) => (en === undefined ? { ru } : { ru, en });
const opt = (id: string, extra: Partial<ChoiceOption> = {}): ChoiceOption => ({
  id,
  text: t(id),
  ...extra,
});

/**
 * A small survey with every question kind and every kind of logic the seeds use: an option jump
 * (q1 → q4), a question shown after one answer (q2, q8), a multiple with a jump, an exclusive and a
 * required specify (q3), a scale with "don't know" (q4), a matrix with a conditional row (q5), a
 * catalogue list (q6), a statement (q9), an end jump (q10).
 */
export const sample: Survey = {
  id: 'sample',
  version: 3,
  title: t('Образец', 'Sample'),
  questions: [
    {
      id: 'q1',
      type: 'single',
      required: true,
      title: t('Получали услугу?'),
      options: [opt('a', { goTo: 'q4' }), opt('b'), opt('c', { kind: 'dontKnow' })],
    },
    {
      id: 'q2',
      type: 'text',
      title: t('Почему?'),
      showIf: { op: 'equals', question: 'q1', value: 'b' },
    },
    {
      id: 'q3',
      type: 'multiple',
      title: t('Проблемы'),
      max: 3,
      options: [
        opt('x', { problem: true, specify: { required: true, maxLength: 20 } }),
        opt('y', { specify: {} }),
        opt('z', { goTo: 'q6' }),
        opt('w', { goTo: 'q7' }),
        opt('none', { exclusive: true }),
      ],
    },
    {
      id: 'q4',
      type: 'scale',
      required: true,
      title: t('Оцените'),
      min: 1,
      max: 5,
      order: 'desc',
      role: 'satisfaction',
      extraOptions: [opt('dk', { kind: 'dontKnow' })],
    },
    {
      id: 'q5',
      type: 'matrix',
      required: true,
      title: t('Параметры'),
      rows: [
        { id: 'r1', text: t('Вежливость') },
        { id: 'r2', text: t('Сроки'), showIf: { op: 'equals', question: 'q3', value: 'y' } },
      ],
      scale: { min: 1, max: 5 },
      extraOptions: [opt('na', { kind: 'notApplicable' })],
    },
    { id: 'q6', type: 'list', title: t('Услуга'), catalog: 'services' },
    { id: 'q7', type: 'single', title: t('Рекомендуете?'), options: [opt('yes'), opt('no')] },
    {
      id: 'q8',
      type: 'text',
      title: t('Что именно?'),
      maxLength: 10,
      showIf: { op: 'equals', question: 'q7', value: 'yes' },
    },
    { id: 'q9', type: 'statement', title: t('Спасибо, ещё немного') },
    {
      id: 'q10',
      type: 'single',
      title: t('Продолжить?'),
      options: [opt('go'), opt('stop', { goTo: '@end' })],
    },
    {
      id: 'q11',
      type: 'list',
      title: t('Районы'),
      multiple: true,
      options: [opt('d1'), opt('d2')],
    },
  ],
};

/** A response that passes `validateResponse(sample, …)`, to break one field at a time. */
export const validResponse = () => ({
  responseId: '3f1c2a4e-9b7d-4c1e-8a2b-5d6e7f8a9b0c',
  surveyId: 'sample',
  surveyVersion: 3,
  lang: 'ru',
  answers: { q1: 'b', q2: 'долго', q3: ['x', 'y'], q4: 4, q5: { r1: 5, r2: 'na' }, q7: 'no' },
  specify: { q3: { x: 'очередь' } },
  context: { channel: 'kiosk', touchpoint: 'mfc-1' },
});
