/**
 * Figures straight from stored counts: a report store (the collector's rollup) keeps one count
 * per response, per question answered and per value given; this turns such rows into the report
 * with the accumulator's own formulas, so a figure is computed in one place whoever counted.
 */
import type { Question, Survey } from '../types.js';
import { Accumulator } from './accumulator.js';
import { STATE_FORMAT, type AccumulatorState, type QuestionState } from './state.js';
import type { Distribution, SurveyReport } from './types.js';

/**
 * One stored count. `question` null: `n` responses in `channel`. `value` null: `n` responses
 * answered `question` (for multiple choices, matrices and texts: a one-value question's answered
 * count is the sum of its values). Otherwise `value` (an option id, or a
 * scale point as text: "5") was given `n` times, in matrix row `row` when not null.
 */
export interface CountRow {
  channel: string;
  question: string | null;
  row: string | null;
  value: string | null;
  n: number;
}

const sum = (d: Distribution): number => Object.values(d).reduce((a, b) => a + b, 0);

const bump = (d: Record<string, number>, k: string, n: number): void => {
  d[k] = (d[k] ?? 0) + n;
};

/**
 * The SurveyReport of a set of count rows (any order, repeated keys add up). `questions` (default
 * the survey's) are the questions to report: for a report over several versions, the union of
 * their questions, so answers to questions a later version dropped still have figures. Values that
 * do not fit a question are counted in `skipped`, as the accumulator does.
 *
 * @example
 * const report = figuresFromCounts(survey, [
 *   { channel: 'site', question: null, row: null, value: null, n: 2 },
 *   { channel: 'site', question: 'q1', row: null, value: '5', n: 2 },
 * ]);
 * report.questions[0]; // { id: 'q1', type: 'scale', topTwoShare: 100, … }
 */
export function figuresFromCounts(
  survey: Survey,
  rows: Iterable<CountRow>,
  questions: readonly Question[] = survey.questions,
): SurveyReport {
  const channels: Record<string, number> = {};
  const answered: Record<string, number> = {};
  const values = new Map<string, Distribution>();
  const matrix = new Map<string, Record<string, Distribution>>();
  let responses = 0;
  for (const r of rows) {
    if (r.question === null) {
      responses += r.n;
      bump(channels, r.channel, r.n);
    } else if (r.value === null) bump(answered, r.question, r.n);
    else if (r.row === null) {
      let d = values.get(r.question);
      if (!d) values.set(r.question, (d = {}));
      bump(d, r.value, r.n);
    } else {
      let m = matrix.get(r.question);
      if (!m) matrix.set(r.question, (m = {}));
      bump((m[r.row] ??= {}), r.value, r.n);
    }
  }
  const state: AccumulatorState = {
    format: STATE_FORMAT,
    surveyId: survey.id,
    surveyVersion: survey.version,
    responses,
    skipped: 0,
    channels,
    questions: {},
  };
  for (const q of questions) {
    const s = questionState(q, answered[q.id] ?? 0, values.get(q.id) ?? {}, matrix.get(q.id));
    if (s) state.questions[q.id] = s;
  }
  // The questions of every version stand in for the head's, so old answers keep their figures.
  return Accumulator.fromJSON({ ...survey, questions: [...questions] }, state).result();
}

function questionState(
  q: Question,
  answered: number,
  counts: Distribution,
  rows: Record<string, Distribution> | undefined,
): QuestionState | undefined {
  switch (q.type) {
    case 'scale':
      return { type: 'scale', counts };
    case 'single':
    case 'multiple':
    case 'list': {
      const many = q.type === 'multiple' || (q.type === 'list' && q.multiple === true);
      // One value per response: the values' sum is the answered count, so stores need not keep it.
      return { type: q.type, answered: many ? answered : sum(counts), counts };
    }
    case 'matrix':
      return { type: 'matrix', answered, rows: rows ?? {} };
    case 'text':
      return { type: 'text', answered };
    case 'statement':
      return undefined;
  }
}
