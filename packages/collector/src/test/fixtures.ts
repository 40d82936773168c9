import { randomUUID } from 'node:crypto';
import type { Survey, SurveyResponse } from '@otklik/core';

/** A small survey with the kinds of question that matter for ingest. */
export const pulse: Survey = {
  id: 'test-pulse',
  version: 1,
  title: { ru: 'Пульс', en: 'Pulse' },
  questions: [
    {
      id: 'q1',
      type: 'scale',
      title: { ru: 'Насколько вы удовлетворены?', en: 'How satisfied are you?' },
      min: 1,
      max: 5,
      role: 'satisfaction',
      required: true,
      extraOptions: [{ id: 'dk', text: { ru: 'Затрудняюсь ответить' }, kind: 'dontKnow' }],
    },
    {
      id: 'q2',
      type: 'multiple',
      title: { ru: 'Какие были проблемы?' },
      options: [
        { id: 'queue', text: { ru: 'Очередь' }, problem: true },
        { id: 'other', text: { ru: 'Другое (укажите)' }, problem: true, specify: {} },
        { id: 'none', text: { ru: 'Проблем не было' }, exclusive: true },
      ],
    },
    { id: 'q3', type: 'text', title: { ru: 'Ваши предложения' }, multiline: true },
  ],
};

/** Version 2 of the same survey: q1 became 1–10. */
export const pulseV2: Survey = {
  ...pulse,
  version: 2,
  questions: [
    { ...(pulse.questions[0] as Extract<Survey['questions'][number], { type: 'scale' }>), max: 10 },
    ...pulse.questions.slice(1),
  ],
};

/** A valid response to `pulse` v1 (fresh id each call). */
export function response(over: Partial<SurveyResponse> = {}): SurveyResponse {
  return {
    responseId: randomUUID(),
    surveyId: pulse.id,
    surveyVersion: 1,
    lang: 'ru',
    answers: { q1: 4, q2: ['queue', 'other'], q3: 'Больше окон приёма' },
    specify: { q2: { other: 'Не работал терминал' } },
    context: { channel: 'kiosk', respondent: 'external', touchpoint: 'office-1', object: 'svc-42' },
    ...over,
  };
}

/** A valid response of about `bytes` bytes of JSON (long text answer). */
export function responseOfSize(bytes: number, over: Partial<SurveyResponse> = {}): SurveyResponse {
  const r = response(over);
  // Cyrillic text, as real answers are: two bytes per character in UTF-8.
  const pad = Math.max(0, bytes - Buffer.byteLength(JSON.stringify(r)));
  r.answers.q3 = `${r.answers.q3 as string} ${'ж'.repeat(Math.floor(pad / 2))}`.slice(0, 2000);
  return r;
}

/** A valid v1 response with only these answers (no texts for options). */
export function bare(
  answers: SurveyResponse['answers'],
  over: Partial<SurveyResponse> = {},
): SurveyResponse {
  const { specify: _drop, ...r } = response(over);
  return { ...r, answers };
}
