import type { ChoiceOption, ScaleSpec } from '@otklik/core';
import type {
  ChoiceFigures,
  Distribution,
  MatrixFigures,
  MatrixRowFigures,
  QuestionFigures,
  ScaleFigures,
  SurveyReport,
} from '@otklik/core';
import { valueKey, type Counts, type ValueCount } from './counts.js';
import type { ReportQuestion } from './questions.js';

/** One decimal, as every share in a report (docs/metrics.md). */
const round1 = (x: number): number => Math.round(x * 10) / 10;
/** Two decimals for means of 1–5 and 1–10 scales. */
const round2 = (x: number): number => Math.round(x * 100) / 100;
/** Percentage of `part` in `whole`, or null when there is nothing to divide by. */
const pct = (part: number, whole: number): number | null => (whole > 0 ? round1((part / whole) * 100) : null);

function distribution(values: Map<string, ValueCount> | undefined): Distribution {
  const d: Distribution = {};
  for (const [v, c] of values ?? []) d[v] = c.n;
  return d;
}

/** Numeric answers of a scale: how many, their sum, and how many fall in a range. */
function numeric(values: Map<string, ValueCount> | undefined) {
  const points: [number, number][] = [];
  for (const [v, c] of values ?? []) if (c.num) points.push([Number(v), c.n]);
  const valid = points.reduce((s, [, n]) => s + n, 0);
  const sum = points.reduce((s, [v, n]) => s + v * n, 0);
  const within = (lo: number, hi: number): number =>
    points.reduce((s, [v, n]) => (v >= lo && v <= hi ? s + n : s), 0);
  return { valid, mean: valid > 0 ? round2(sum / valid) : null, within };
}

function scaleFigures(q: Extract<ReportQuestion, { type: 'scale' }>, c: Counts): ScaleFigures {
  const values = c.values.get(q.id);
  const { valid, mean, within } = numeric(values);
  const role = q.role ?? 'other';
  const top = within(q.max - 1, q.max);
  const f: ScaleFigures = {
    id: q.id,
    type: 'scale',
    role,
    answered: c.answered.get(q.id) ?? 0,
    distribution: distribution(values),
    valid,
    mean,
    topTwoShare: pct(top, valid),
  };
  if (role === 'recommend') {
    const low = within(q.min, q.max - 4);
    f.promoters = pct(top, valid);
    f.detractors = pct(low, valid);
    f.nps = pct(top - low, valid);
  } else if (role === 'effort') {
    f.effortIndex = pct(top - within(q.min, q.min + 1), valid);
  }
  return f;
}

function choiceFigures(
  q: Extract<ReportQuestion, { type: 'single' | 'multiple' | 'list' }>,
  c: Counts,
): ChoiceFigures {
  const values = c.values.get(q.id);
  const options = new Map<string, ChoiceOption>((q.options ?? []).map((o) => [o.id, o]));
  const sumWhere = (pred: (o: ChoiceOption) => boolean): number => {
    let s = 0;
    for (const [v, vc] of values ?? []) {
      const o = options.get(v);
      if (o && pred(o)) s += vc.n;
    }
    return s;
  };
  const answered = c.answered.get(q.id) ?? 0;
  const excluded = sumWhere((o) => o.kind !== undefined);
  const f: ChoiceFigures = {
    id: q.id,
    type: q.type,
    answered,
    distribution: distribution(values),
    excluded,
    problems: sumWhere((o) => o.problem === true),
  };
  if (q.type === 'single' && q.role === 'satisfaction') {
    f.satisfiedShare = pct(sumWhere((o) => o.positive === true), answered - excluded);
  }
  return f;
}

function rowFigures(id: string, scale: ScaleSpec, values: Map<string, ValueCount> | undefined): MatrixRowFigures {
  const { valid, mean, within } = numeric(values);
  let answered = 0;
  for (const vc of values?.values() ?? []) answered += vc.n;
  return {
    id,
    answered,
    valid,
    mean,
    topTwoShare: pct(within(scale.max - 1, scale.max), valid),
    distribution: distribution(values),
  };
}

function questionFigures(q: ReportQuestion, c: Counts): QuestionFigures {
  switch (q.type) {
    case 'scale':
      return scaleFigures(q, c);
    case 'single':
    case 'multiple':
    case 'list':
      return choiceFigures(q, c);
    case 'matrix': {
      const m: MatrixFigures = {
        id: q.id,
        type: 'matrix',
        answered: c.answered.get(q.id) ?? 0,
        rows: q.rows.map((r) => rowFigures(r.id, q.scale, c.values.get(valueKey(q.id, r.id)))),
      };
      return m;
    }
    case 'text':
      return { id: q.id, type: 'text', answered: c.answered.get(q.id) ?? 0 };
  }
}

/** Mean of the figures that exist, one decimal; null when none does. */
function meanOf(xs: (number | null | undefined)[]): number | null {
  const present = xs.filter((x): x is number => typeof x === 'number');
  return present.length > 0 ? round1(present.reduce((a, b) => a + b, 0) / present.length) : null;
}

/**
 * Turns the counts of one group into a SurveyReport, with the definitions of docs/metrics.md
 * (the same the core accumulator implements, checked by reports.test.ts).
 *
 * @example
 * const report = buildReport('belgorod-typical', questions, counts);
 * report.summary.satisfactionLevel; // e.g. 71.4
 */
export function buildReport(surveyId: string, questions: readonly ReportQuestion[], c: Counts): SurveyReport {
  const figures = questions.map((q) => questionFigures(q, c));
  const channels: SurveyReport['channels'] = {};
  for (const [ch, n] of c.channels) channels[ch] = { count: n, share: pct(n, c.responses) };
  const byQuestion = new Map(questions.map((q) => [q.id, q]));
  const satisfaction: (number | null)[] = [];
  const satisfied: (number | null | undefined)[] = [];
  const nps: (number | null | undefined)[] = [];
  const effort: (number | null | undefined)[] = [];
  let problems = 0;
  for (const f of figures) {
    const q = byQuestion.get(f.id);
    if (f.type === 'scale') {
      if (f.role === 'satisfaction') satisfaction.push(f.topTwoShare);
      if (f.role === 'recommend') nps.push(f.nps);
      if (f.role === 'effort') effort.push(f.effortIndex);
    } else if (f.type === 'matrix') {
      if (q?.type === 'matrix' && q.scale.role === 'satisfaction') satisfaction.push(...f.rows.map((r) => r.topTwoShare));
    } else if (f.type !== 'text') {
      problems += f.problems;
      if ('satisfiedShare' in f) satisfied.push(f.satisfiedShare);
    }
  }
  return {
    surveyId,
    responses: c.responses,
    problems,
    channels,
    summary: {
      satisfactionLevel: meanOf(satisfaction),
      satisfiedShare: meanOf(satisfied),
      nps: meanOf(nps),
      effortIndex: meanOf(effort),
    },
    questions: figures,
  };
}
