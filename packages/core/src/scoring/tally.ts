/**
 * Running counts of one question: the whole state of the accumulator is these counts, so memory
 * grows with questions × answer values, never with responses, and merging is adding.
 */
import type {
  AnswerValue,
  ChoiceOption,
  MatrixQuestion,
  Question,
  ScaleQuestion,
  ScaleSpec,
} from '../types.js';
import { CONTEXT_MAX, isMany, optionsOf } from '../engine/kinds.js';
import type { Distribution } from './types.js';

/** Counts of one scale, or of one matrix row: numeric points by offset from `min`, extra options by id. */
export class PointTally {
  readonly points: Float64Array;
  readonly extra = new Map<string, number>();

  constructor(
    readonly scale: ScaleSpec,
    readonly extraIds: ReadonlySet<string>,
  ) {
    this.points = new Float64Array(Math.max(0, scale.max - scale.min + 1));
  }

  /** Counts `n` answers of `v`; false when `v` is not on this scale. */
  add(v: unknown, n = 1): boolean {
    if (typeof v === 'number') {
      const i = v - this.scale.min;
      if (!Number.isInteger(v) || i < 0 || i >= this.points.length) return false;
      this.points[i]! += n;
    } else if (typeof v === 'string' && this.extraIds.has(v)) {
      this.extra.set(v, (this.extra.get(v) ?? 0) + n);
    } else {
      return false;
    }
    return true;
  }

  /** Answers counted: every one fits the scale, so this is the sum of the distribution. */
  total(): number {
    let t = 0;
    for (const c of this.points) t += c;
    for (const c of this.extra.values()) t += c;
    return t;
  }

  /** Scale points as strings, then extra option ids; only values given at least once. */
  distribution(): Distribution {
    const d: Distribution = {};
    this.points.forEach((c, i) => {
      if (c > 0) d[String(this.scale.min + i)] = c;
    });
    for (const id of this.extraIds) {
      const c = this.extra.get(id);
      if (c) d[id] = c;
    }
    return d;
  }

  /** Adds a distribution read back from JSON; returns how many answers did not fit. */
  addDistribution(d: Distribution): number {
    let misfit = 0;
    for (const [k, n] of Object.entries(d)) {
      const num = Number(k);
      const v = k !== '' && Number.isInteger(num) && String(num) === k ? num : k;
      if (!this.add(v, n)) misfit += n;
    }
    return misfit;
  }
}

/** Counts of a single, multiple or list question: chosen option ids. */
export class ChoiceTally {
  answered = 0;
  readonly counts = new Map<string, number>();

  constructor(
    readonly many: boolean,
    /** Known option ids; undefined for a run-time catalogue, whose entries are not in the survey. */
    readonly ids: ReadonlySet<string> | undefined,
  ) {}

  private fits(v: unknown): v is string {
    return (
      typeof v === 'string' && v !== '' && (this.ids ? this.ids.has(v) : v.length <= CONTEXT_MAX)
    );
  }

  /** Counts one answer; returns how many of its parts did not fit (0 when all did). */
  add(a: AnswerValue): number {
    if (!this.many) {
      if (!this.fits(a)) return 1;
      this.counts.set(a, (this.counts.get(a) ?? 0) + 1);
      this.answered++;
      return 0;
    }
    if (!Array.isArray(a)) return 1;
    let misfit = 0;
    let counted = 0;
    // A repeated id is one choice: validateResponse rejects duplicates, a hand-made response may
    // not. indexOf on these few ids is cheaper than a Set per answer.
    for (let i = 0; i < a.length; i++) {
      const v = a[i];
      if (!this.fits(v)) misfit++;
      else if (a.indexOf(v) === i) {
        this.counts.set(v, (this.counts.get(v) ?? 0) + 1);
        counted++;
      }
    }
    if (counted > 0) this.answered++;
    return misfit;
  }

  /** Options in survey order (catalogue entries sorted): the same text whatever order answers came in. */
  distribution(): Distribution {
    const d: Distribution = {};
    for (const id of this.ids ?? [...this.counts.keys()].sort()) {
      const c = this.counts.get(id);
      if (c) d[id] = c;
    }
    return d;
  }

  addDistribution(d: Distribution): number {
    let misfit = 0;
    for (const [k, n] of Object.entries(d)) {
      if (!this.fits(k)) misfit += n;
      else this.counts.set(k, (this.counts.get(k) ?? 0) + n);
    }
    return misfit;
  }
}

/** Counts of a matrix: one PointTally per row. */
export class MatrixTally {
  answered = 0;
  readonly rows: Map<string, PointTally>;

  constructor(q: MatrixQuestion) {
    const extra = optionIds(optionsOf(q));
    this.rows = new Map(q.rows.map((r) => [r.id, new PointTally(q.scale, extra)]));
  }

  add(a: AnswerValue): number {
    if (typeof a !== 'object' || a === null || Array.isArray(a)) return 1;
    let misfit = 0;
    let counted = 0;
    for (const rowId in a) {
      const row = this.rows.get(rowId);
      if (row?.add(a[rowId])) counted++;
      else misfit++;
    }
    if (counted > 0) this.answered++;
    return misfit;
  }
}

/** Counts of a text question: only how many answered (the texts themselves stay in the collector). */
export class TextTally {
  answered = 0;

  add(a: AnswerValue): number {
    if (typeof a !== 'string') return 1;
    this.answered++;
    return 0;
  }
}

export type Tally = PointTally | ChoiceTally | MatrixTally | TextTally;

const optionIds = (options: readonly ChoiceOption[] | undefined): Set<string> =>
  new Set((options ?? []).map((o) => o.id));

/** An empty tally for a question, or undefined for a statement (nothing to count). */
export function tallyFor(q: Question): Tally | undefined {
  switch (q.type) {
    case 'scale':
      return new PointTally(q satisfies ScaleQuestion, optionIds(optionsOf(q)));
    case 'single':
    case 'multiple':
    case 'list':
      // A catalogue list's entries are not in the survey: any short id counts.
      return new ChoiceTally(
        isMany(q),
        q.type === 'list' && !q.options ? undefined : optionIds(optionsOf(q)),
      );
    case 'matrix':
      return new MatrixTally(q);
    case 'text':
      return new TextTally();
    case 'statement':
      return undefined;
  }
}
