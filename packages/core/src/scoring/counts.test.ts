import { describe, expect, it } from 'vitest';
import { templates } from '../templates/index.js';
import type { Answers, Survey } from '../types.js';
import { createAccumulator } from './accumulator.js';
import { figuresFromCounts, type CountRow } from './counts.js';

const survey: Survey = {
  id: 's',
  version: 1,
  title: { ru: 'Опрос' },
  questions: [
    { id: 'sat', type: 'scale', role: 'satisfaction', min: 1, max: 5, title: { ru: 'Оценка' } },
    {
      id: 'how',
      type: 'single',
      title: { ru: 'Как' },
      options: [
        { id: 'ok', text: { ru: 'Хорошо' }, positive: true },
        { id: 'bad', text: { ru: 'Плохо' }, problem: true },
      ],
      role: 'satisfaction',
    },
    {
      id: 'why',
      type: 'multiple',
      title: { ru: 'Почему' },
      options: [
        { id: 'queue', text: { ru: 'Очередь' }, problem: true },
        { id: 'rude', text: { ru: 'Грубость' }, problem: true },
      ],
    },
    { id: 'note', type: 'text', title: { ru: 'Комментарий' } },
  ],
};

/** The rows a report store keeps for these responses (what the collector's rollup counts). */
function rows(answers: { channel: string; a: Answers }[]): CountRow[] {
  const out: CountRow[] = [];
  for (const { channel, a } of answers) {
    out.push({ channel, question: null, row: null, value: null, n: 1 });
    for (const [q, v] of Object.entries(a)) {
      if (Array.isArray(v)) {
        for (const x of v) out.push({ channel, question: q, row: null, value: String(x), n: 1 });
        out.push({ channel, question: q, row: null, value: null, n: 1 });
      } else if (q === 'note') out.push({ channel, question: q, row: null, value: null, n: 1 });
      else out.push({ channel, question: q, row: null, value: String(v), n: 1 });
    }
  }
  return out;
}

describe('figuresFromCounts', () => {
  const given = [
    { channel: 'site', a: { sat: 5, how: 'ok', why: ['queue'], note: 'спасибо' } },
    { channel: 'kiosk', a: { sat: 2, how: 'bad', why: ['queue', 'rude'] } },
    { channel: 'kiosk', a: { sat: 4 } },
  ];

  it('gives the accumulator’s report from stored counts, one-value answered counts summed', () => {
    const acc = createAccumulator(survey);
    given.forEach(({ channel, a }, i) =>
      acc.add({
        responseId: `00000000-0000-4000-8000-00000000000${i}`,
        surveyId: 's',
        surveyVersion: 1,
        lang: 'ru',
        context: { channel: channel as 'site', respondent: 'external' },
        answers: a,
      }),
    );
    const report = figuresFromCounts(survey, rows(given));
    expect(report).toEqual(acc.result());
    expect(report.questions.find((q) => q.id === 'how')?.answered).toBe(2);
    expect(report.problems).toBe(4);
  });

  it('counts values the questions do not accept as skipped, and takes the questions given', () => {
    const extra: CountRow = { channel: 'site', question: 'sat', row: null, value: '9', n: 2 };
    expect(figuresFromCounts(survey, [...rows(given), extra]).skipped).toBe(2);
    const pulse = templates['kiosk-pulse'];
    const r = figuresFromCounts(pulse, [], [...pulse.questions, ...survey.questions]);
    expect(r.responses).toBe(0);
    expect(r.questions.map((q) => q.id)).toContain('why');
  });
});
