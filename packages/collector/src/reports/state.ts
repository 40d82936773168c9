import {
  Accumulator,
  STATE_FORMAT,
  type AccumulatorState,
  type Distribution,
  type QuestionState,
  type Survey,
  type SurveyReport,
} from '@otklik/core';
import { valueKey, type Counts } from './counts.js';
import type { ReportQuestion } from './questions.js';

const distribution = (values: Map<string, number> | undefined): Distribution =>
  Object.fromEntries(values ?? []);

const total = (values: Map<string, number> | undefined): number => {
  let n = 0;
  for (const c of values?.values() ?? []) n += c;
  return n;
};

function questionState(q: ReportQuestion, c: Counts): QuestionState {
  const values = c.values.get(q.id);
  switch (q.type) {
    case 'scale':
      return { type: 'scale', counts: distribution(values) };
    case 'single':
    case 'multiple':
    case 'list': {
      const many = q.type === 'multiple' || (q.type === 'list' && q.multiple === true);
      // A single answer is one value per response; arrays are counted as answered by the database.
      const answered = many ? (c.answered.get(q.id) ?? 0) : total(values);
      return { type: q.type, answered, counts: distribution(values) };
    }
    case 'matrix': {
      const rows: Record<string, Distribution> = {};
      for (const r of q.rows) rows[r.id] = distribution(c.values.get(valueKey(q.id, r.id)));
      return { type: 'matrix', answered: c.answered.get(q.id) ?? 0, rows };
    }
    case 'text':
      return { type: 'text', answered: c.answered.get(q.id) ?? 0 };
  }
}

/**
 * The counts of one group of responses in core's accumulator state format. `skipped` is 0: the
 * statement counts only values that fit the question (sql.ts), so the report carries no `skipped`.
 *
 * @example
 * const state = countsState(head, questions, counts);
 * state.questions.q1; // { type: 'scale', counts: { '4': 12, '5': 30 } }
 */
export function countsState(
  head: Survey,
  questions: readonly ReportQuestion[],
  c: Counts,
): AccumulatorState {
  const state: AccumulatorState = {
    format: STATE_FORMAT,
    surveyId: head.id,
    surveyVersion: head.version,
    responses: c.responses,
    skipped: 0,
    channels: Object.fromEntries(c.channels),
    questions: {},
  };
  for (const q of questions) state.questions[q.id] = questionState(q, c);
  return state;
}

/**
 * The SurveyReport of one group of counts, with core's formulas (docs/metrics.md lives in one
 * place). The questions of every version covered (`reportQuestions`) stand in for the survey's,
 * so answers to questions dropped in later versions still have figures.
 *
 * @example
 * const report = buildReport(head, reportQuestions([v1, v2]), counts);
 * report.summary.satisfactionLevel; // e.g. 71.4
 */
export function buildReport(
  head: Survey,
  questions: readonly ReportQuestion[],
  c: Counts,
): SurveyReport {
  const survey: Survey = { ...head, questions: [...questions] };
  return Accumulator.fromJSON(survey, countsState(head, questions, c)).result();
}
