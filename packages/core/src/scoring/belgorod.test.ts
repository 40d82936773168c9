import { describe, expect, it } from 'vitest';
import type { Answers, SpecifyTexts, SurveyResponse } from '../types.js';
import { pruneAnswers } from '../engine/path.js';
import { validateResponse } from '../engine/validate-response.js';
import { getTemplate } from '../templates/index.js';
import { createAccumulator } from './accumulator.js';
import type { ChoiceFigures, MatrixFigures, ScaleFigures } from './types.js';

const survey = getTemplate('belgorod-typical')!;

let n = 0;
function response(answers: Answers, specify?: SpecifyTexts): SurveyResponse {
  n++;
  const r = validateResponse(survey, {
    responseId: `10000000-0000-4000-8000-${String(n).padStart(12, '0')}`,
    surveyId: survey.id,
    surveyVersion: survey.version,
    lang: 'ru',
    answers: pruneAnswers(survey, answers),
    ...(specify ? { specify } : {}),
    context: { channel: 'site', object: 'licensing', respondent: 'external' },
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues));
  return r.value;
}

/** Three respondents of the typical questionnaire (001 Приложение 1), figures worked out by hand. */
const responses = [
  response(
    {
      q1: 'satisfied',
      q2: 'licensing',
      q3: 5,
      q4: ['problem'],
      q8: 'provided',
      q11: 4,
      q12: { application: 5, status: 4 },
      q21: 10,
    },
    { q4: { problem: 'Долго ждал ответа' } },
  ),
  response({
    q1: 'not_satisfied',
    q2: 'licensing',
    q3: 2,
    q4: ['no_problems'],
    q8: 'provided',
    q11: 1,
    q12: { application: 2, status: 3 },
    q21: 3,
  }),
  // Refused at first: Q11 (effort) is still asked of whoever names the service in Q2.
  response({ q1: 'dont_know', q2: 'diploma', q3: 4, q8: 'refused', q11: 5, q21: 8 }),
];

describe('the typical questionnaire (001 Приложение 1)', () => {
  const acc = createAccumulator(survey);
  for (const r of responses) acc.add(r);
  const report = acc.result();
  const q = <T>(id: string) => report.questions.find((f) => f.id === id) as T;

  it('Q1 rather satisfied: don’t know left out of the share', () => {
    expect(q<ChoiceFigures>('q1')).toMatchObject({ answered: 3, excluded: 1, satisfiedShare: 50 });
  });

  it('Q3 satisfaction level and mean', () => {
    expect(q<ScaleFigures>('q3')).toMatchObject({ valid: 3, topTwoShare: 66.7, mean: 3.67 });
  });

  it('Q11 effort index from everyone who named the service, a refusal included', () => {
    // 4 and 5 are easy, 1 is hard: (2 − 1) / 3 = 33.3.
    expect(q<ScaleFigures>('q11')).toMatchObject({ answered: 3, effortIndex: 33.3, mean: 3.33 });
  });

  it('the service named in Q2 is the object, over the one the embed fixed', () => {
    expect(responses.map((r) => r.context.object)).toEqual(['licensing', 'licensing', 'diploma']);
  });

  it('Q21 on 1–10: 10 promotes, 8 is passive, 3 detracts', () => {
    expect(q<ScaleFigures>('q21')).toMatchObject({
      promoters: 33.3,
      detractors: 33.3,
      nps: 0,
      mean: 7,
    });
  });

  it('Q12 rows, Q4 problems, Q2 catalogue, and the summary', () => {
    const rows = q<MatrixFigures>('q12').rows.filter((r) => r.answered > 0);
    expect(rows.map((r) => [r.id, r.topTwoShare, r.mean])).toEqual([
      ['application', 50, 3.5],
      ['status', 50, 3.5],
    ]);
    expect(report.problems).toBe(1);
    expect(q<ChoiceFigures>('q2').distribution).toEqual({ diploma: 1, licensing: 2 });
    // Satisfaction level: the headline Q3's share of 4–5 alone (001 §4.3.1); the Q12 rows (50 %
    // each) are parameters, read per row, never averaged into it.
    expect(report.summary).toEqual({
      satisfactionLevel: 66.7,
      satisfiedShare: 50,
      nps: 0,
      effortIndex: 33.3,
    });
  });
});
