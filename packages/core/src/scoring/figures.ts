/**
 * From counts to figures: the formulas of docs/metrics.md, in one place.
 */
import type { ChoiceOption, Question, ScaleSpec } from '../types.js';
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

function choiceFigures(
  q: Extract<Question, { type: 'single' | 'multiple' | 'list' }>,
  t: ChoiceTally,
): ChoiceFigures {
  const options = new Map<string, ChoiceOption>((q.options ?? []).map((o) => [o.id, o]));
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
  if (
    (q.type === 'single' || q.type === 'multiple' || q.type === 'list') &&
    t instanceof ChoiceTally
  ) {
    return choiceFigures(q, t);
  }
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
