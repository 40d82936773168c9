import { CHANNELS, type ChoiceOption, type ScaleSpec } from '@otklik/core';
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

/**
 * `num / den` rounded half away from zero to `digits` decimals (as PostgreSQL's round(numeric) and
 * core's scoring/round.ts do), null when `den` is 0. Counts are integers, so `num·10^d / den` is
 * one correctly rounded division and a half is never lost to floating-point noise.
 */
function ratio(num: number, den: number, digits: number): number | null {
  if (den === 0) return null;
  const f = 10 ** digits;
  const r = Math.round((Math.abs(num) * f) / Math.abs(den)) / f;
  return num < 0 !== den < 0 ? -r || 0 : r;
}
const CHANNEL_ORDER = new Map<string, number>(CHANNELS.map((ch, i) => [ch, i]));
/** Channels in the order of CHANNELS, then others alphabetically (as core's accumulator). */
const byChannel = (a: string, b: string): number =>
  (CHANNEL_ORDER.get(a) ?? CHANNELS.length) - (CHANNEL_ORDER.get(b) ?? CHANNELS.length) ||
  (a < b ? -1 : a > b ? 1 : 0);

/** Percentage of `part` in `whole`, one decimal (docs/metrics.md, "Rounding"). */
const pct = (part: number, whole: number): number | null => ratio(part * 100, whole, 1);

/**
 * Counts in a stable order, as core's tallies print them: scale points ascending, then option ids
 * in survey order (`order`); values of a run-time catalogue sorted.
 */
function distribution(
  values: Map<string, ValueCount> | undefined,
  order: readonly string[] = [],
): Distribution {
  const d: Distribution = {};
  if (!values) return d;
  const nums = [...values].filter(([, c]) => c.num).sort(([a], [b]) => Number(a) - Number(b));
  for (const [v, c] of nums) d[v] = c.n;
  const rank = new Map(order.map((id, i) => [id, i]));
  const ids = [...values].filter(([, c]) => !c.num);
  ids.sort(
    ([a], [b]) =>
      (rank.get(a) ?? Infinity) - (rank.get(b) ?? Infinity) || (a < b ? -1 : a > b ? 1 : 0),
  );
  for (const [v, c] of ids) d[v] = c.n;
  return d;
}

/** All answers counted for a question or row: every stored value fits it (sql.ts filters). */
function total(values: Map<string, ValueCount> | undefined): number {
  let n = 0;
  for (const c of values?.values() ?? []) n += c.n;
  return n;
}

/** Top two points, and on effort scales the bottom two; one point each on scales shorter than four. */
function ends(s: ScaleSpec): { top: number; bottom: number } {
  const k = s.max - s.min + 1 >= 4 ? 1 : 0;
  return { top: s.max - k, bottom: s.min + k };
}

const optionIds = (os: readonly { id: string }[] | undefined): string[] =>
  (os ?? []).map((o) => o.id);

/** Numeric answers of a scale: how many, their sum, and how many fall in a range. */
function numeric(values: Map<string, ValueCount> | undefined) {
  const points: [number, number][] = [];
  for (const [v, c] of values ?? []) if (c.num) points.push([Number(v), c.n]);
  const valid = points.reduce((s, [, n]) => s + n, 0);
  const sum = points.reduce((s, [v, n]) => s + v * n, 0);
  const within = (lo: number, hi: number): number =>
    points.reduce((s, [v, n]) => (v >= lo && v <= hi ? s + n : s), 0);
  return { valid, mean: ratio(sum, valid, 2), within };
}

function scaleFigures(q: Extract<ReportQuestion, { type: 'scale' }>, c: Counts): ScaleFigures {
  const values = c.values.get(q.id);
  const { valid, mean, within } = numeric(values);
  const role = q.role ?? 'other';
  const { top: topFrom, bottom } = ends(q);
  const top = within(topFrom, q.max);
  const f: ScaleFigures = {
    id: q.id,
    type: 'scale',
    role,
    answered: total(values),
    distribution: distribution(values, optionIds(q.extraOptions)),
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
    f.effortIndex = pct(top - within(q.min, bottom), valid);
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
  const many = q.type === 'multiple' || (q.type === 'list' && q.multiple === true);
  // One value per response for single answers; arrays are counted as answered by the database.
  const answered = many ? (c.answered.get(q.id) ?? 0) : total(values);
  const excluded = sumWhere((o) => o.kind !== undefined);
  const f: ChoiceFigures = {
    id: q.id,
    type: q.type,
    answered,
    distribution: distribution(values, optionIds(q.options)),
    excluded,
    problems: sumWhere((o) => o.problem === true),
  };
  if (q.type === 'single' && q.role === 'satisfaction') {
    f.satisfiedShare = pct(
      sumWhere((o) => o.positive === true),
      answered - excluded,
    );
  }
  return f;
}

function rowFigures(
  id: string,
  scale: ScaleSpec,
  extra: readonly string[],
  values: Map<string, ValueCount> | undefined,
): MatrixRowFigures {
  const { valid, mean, within } = numeric(values);
  return {
    id,
    answered: total(values),
    valid,
    mean,
    topTwoShare: pct(within(ends(scale).top, scale.max), valid),
    distribution: distribution(values, extra),
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
        rows: q.rows.map((r) =>
          rowFigures(r.id, q.scale, optionIds(q.extraOptions), c.values.get(valueKey(q.id, r.id))),
        ),
      };
      return m;
    }
    case 'text':
      return { id: q.id, type: 'text', answered: c.answered.get(q.id) ?? 0 };
  }
}

/** Mean of the published one-decimal figures that exist, in whole tenths; null when none does. */
function meanOf(xs: readonly (number | null | undefined)[]): number | null {
  let tenths = 0;
  let n = 0;
  for (const x of xs) {
    if (typeof x !== 'number') continue;
    tenths += Math.round(x * 10);
    n++;
  }
  return ratio(tenths, n * 10, 1);
}

/**
 * Turns the counts of one group into a SurveyReport, with the definitions of docs/metrics.md
 * (the same the core accumulator implements, checked by reports.test.ts).
 *
 * @example
 * const report = buildReport('belgorod-typical', questions, counts);
 * report.summary.satisfactionLevel; // e.g. 71.4
 */
export function buildReport(
  surveyId: string,
  questions: readonly ReportQuestion[],
  c: Counts,
): SurveyReport {
  const figures = questions.map((q) => questionFigures(q, c));
  const channels: SurveyReport['channels'] = {};
  for (const ch of [...c.channels.keys()].sort(byChannel)) {
    const n = c.channels.get(ch) ?? 0;
    channels[ch] = { count: n, share: pct(n, c.responses) };
  }
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
      if (q?.type === 'matrix' && q.scale.role === 'satisfaction')
        satisfaction.push(...f.rows.map((r) => r.topTwoShare));
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
