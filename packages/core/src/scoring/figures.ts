/**
 * From counts to figures: the formulas of docs/metrics.md, in one place.
 */
import type { ChoiceOption, Question, ScaleSpec } from '../types.js';
import { isChoice, optionsOf, type ChoiceQuestion } from '../engine/kinds.js';
import { percent, roundedRatio } from './round.js';
import { ChoiceTally, MatrixTally, PointTally, TextTally, type Tally } from './tally.js';
import type {
  ChoiceFigures,
  Distribution,
  MatrixRowFigures,
  QuestionFigures,
  ScaleFigures,
} from './types.js';

/** Numeric answers of a scale or matrix row: how many, their mean, and how many fall in a range. */
function numeric(t: PointTally) {
  let valid = 0;
  let sum = 0;
  t.points.forEach((c, i) => {
    valid += c;
    sum += c * (t.scale.min + i);
  });
  /** Answers with `lo ≤ value ≤ hi`. */
  const within = (lo: number, hi: number): number => {
    let n = 0;
    t.points.forEach((c, i) => {
      const v = t.scale.min + i;
      if (v >= lo && v <= hi) n += c;
    });
    return n;
  };
  return { valid, mean: roundedRatio(sum, valid, 2), within };
}

/** Top two points, and on effort scales the bottom two; one point each on scales shorter than four. */
function ends(s: ScaleSpec): { top: number; bottom: number } {
  const k = s.max - s.min + 1 >= 4 ? 1 : 0;
  return { top: s.max - k, bottom: s.min + k };
}

/**
 * Answers in the top two points of a scale (one point on scales shorter than four), counted from
 * a distribution: the numerator of the satisfaction level, for whoever needs the count itself.
 *
 * @example
 * topTwoCount({ min: 1, max: 5 }, { '3': 2, '4': 1, '5': 3 }) // 4
 */
export function topTwoCount(s: ScaleSpec, d: Distribution): number {
  let n = 0;
  for (let v = ends(s).top; v <= s.max; v++) n += d[String(v)] ?? 0;
  return n;
}

function scaleFigures(q: Extract<Question, { type: 'scale' }>, t: PointTally): ScaleFigures {
  const { valid, mean, within } = numeric(t);
  const role = q.role ?? 'other';
  const { top, bottom } = ends(q);
  const topN = within(top, q.max);
  const f: ScaleFigures = {
    id: q.id,
    type: 'scale',
    role,
    answered: t.total(),
    distribution: t.distribution(),
    valid,
    mean,
    topTwoShare: percent(topN, valid),
  };
  if (role === 'recommend') {
    // 1–10 in the seeds: detractors 1–6, passives 7–8, promoters 9–10 (classic 0–10 NPS cut-offs).
    const low = within(q.min, q.max - 4);
    f.promoters = percent(topN, valid);
    f.detractors = percent(low, valid);
    f.nps = percent(topN - low, valid);
  } else if (role === 'effort') {
    f.effortIndex = percent(topN - within(q.min, bottom), valid);
  }
  return f;
}

function choiceFigures(q: ChoiceQuestion, t: ChoiceTally): ChoiceFigures {
  const options = new Map<string, ChoiceOption>(optionsOf(q).map((o) => [o.id, o]));
  const sumWhere = (pred: (o: ChoiceOption) => boolean): number => {
    let s = 0;
    for (const [id, c] of t.counts) {
      const o = options.get(id);
      if (o && pred(o)) s += c;
    }
    return s;
  };
  const excluded = sumWhere((o) => o.kind !== undefined);
  const f: ChoiceFigures = {
    id: q.id,
    type: q.type,
    answered: t.answered,
    distribution: t.distribution(),
    excluded,
    problems: sumWhere((o) => o.problem === true),
  };
  if (q.type === 'single' && q.role === 'satisfaction') {
    f.satisfiedShare = percent(
      sumWhere((o) => o.positive === true),
      t.answered - excluded,
    );
  }
  return f;
}

function rowFigures(id: string, t: PointTally): MatrixRowFigures {
  const { valid, mean, within } = numeric(t);
  return {
    id,
    answered: t.total(),
    valid,
    mean,
    topTwoShare: percent(within(ends(t.scale).top, t.scale.max), valid),
    distribution: t.distribution(),
  };
}

/** The figures of one question from its tally (statements have none). */
export function questionFigures(q: Question, t: Tally): QuestionFigures | undefined {
  if (q.type === 'scale' && t instanceof PointTally) return scaleFigures(q, t);
  if (isChoice(q) && t instanceof ChoiceTally) return choiceFigures(q, t);
  if (q.type === 'matrix' && t instanceof MatrixTally) {
    return {
      id: q.id,
      type: 'matrix',
      answered: t.answered,
      rows: q.rows.map((r) => rowFigures(r.id, t.rows.get(r.id)!)),
    };
  }
  if (q.type === 'text' && t instanceof TextTally)
    return { id: q.id, type: 'text', answered: t.answered };
  return undefined;
}

/** The answer values (distribution keys) each figure of a question is computed from. */
export type FigureInputs = Readonly<Record<string, readonly string[]>>;

/**
 * Which counts each figure of a question reads — by the same formulas as above — so that a
 * figure can be withheld together with any count it could give away (public results). A share's
 * denominator counts too: `valid` is `answered` less the extra options.
 *
 * @example
 * figureInputs({ id: 'q1', type: 'scale', min: 1, max: 5, role: 'satisfaction', title: { ru: '…' } });
 * // { valid: [], mean: ['1', …, '5'], topTwoShare: ['4', '5'] }
 */
export function figureInputs(q: Question): { question: FigureInputs; rows?: FigureInputs } {
  const ids = (
    os: readonly ChoiceOption[] | undefined,
    pred: (o: ChoiceOption) => boolean = () => true,
  ) => (os ?? []).filter(pred).map((o) => o.id);
  const range = (lo: number, hi: number): string[] =>
    Array.from({ length: Math.max(0, hi - lo + 1) }, (_, i) => String(lo + i));
  const scale = (s: ScaleSpec, extra: readonly ChoiceOption[] | undefined, role?: string) => {
    const extras = ids(extra);
    const { top, bottom } = ends(s);
    const topN = [...range(top, s.max), ...extras];
    const out: Record<string, string[]> = {
      valid: extras,
      mean: [...range(s.min, s.max), ...extras],
      topTwoShare: topN,
    };
    if (role === 'recommend') {
      const low = range(s.min, s.max - 4);
      out['promoters'] = topN;
      out['detractors'] = [...low, ...extras];
      out['nps'] = [...topN, ...low];
    } else if (role === 'effort') {
      out['effortIndex'] = [...topN, ...range(s.min, bottom)];
    }
    return out;
  };
  switch (q.type) {
    case 'scale':
      return { question: scale(q, q.extraOptions, q.role) };
    case 'matrix':
      return { question: {}, rows: scale(q.scale, q.extraOptions) };
    case 'single':
    case 'multiple':
    case 'list': {
      const excluded = ids(q.options, (o) => o.kind !== undefined);
      return {
        question: {
          excluded,
          problems: ids(q.options, (o) => o.problem === true),
          satisfiedShare: [...ids(q.options, (o) => o.positive === true), ...excluded],
        },
      };
    }
    default:
      return { question: {} };
  }
}
