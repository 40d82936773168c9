/**
 * The scoring accumulator: add responses one by one (or merge partial aggregates), read the figures
 * of docs/metrics.md at any time. Memory is O(questions × answer values), never O(responses).
 */
import { CHANNELS } from '../types.js';
import type { AnswerValue, Result, Survey, SurveyResponse } from '../types.js';
import { isChoice } from '../engine/kinds.js';
import { issue } from '../engine/messages.js';
import { questionFigures } from './figures.js';
import { meanOfFigures, percent } from './round.js';
import { checkState, STATE_FORMAT, type AccumulatorState, type QuestionState } from './state.js';
import { ChoiceTally, MatrixTally, PointTally, TextTally, tallyFor, type Tally } from './tally.js';
import type { Distribution, QuestionFigures, SurveyReport } from './types.js';

export interface AccumulatorOptions {
  /**
   * Also count responses per touchpoint (`SurveyReport.touchpoints`): the volume per office, page
   * or kiosk, because silence is a signal too (000 §35). Off by default; a restored state turns it
   * on when it carries touchpoints.
   */
  touchpoints?: boolean;
}

/** Key for responses without a touchpoint. */
export const NO_TOUCHPOINT = '@none';

const CHANNEL_ORDER = new Map<string, number>(CHANNELS.map((c, i) => [c, i]));

/** Channels in the order of CHANNELS, then any others alphabetically, so reports compare as text. */
const byChannel = (a: string, b: string): number =>
  (CHANNEL_ORDER.get(a) ?? CHANNELS.length) - (CHANNEL_ORDER.get(b) ?? CHANNELS.length) ||
  (a < b ? -1 : a > b ? 1 : 0);

const bump = (m: Map<string, number>, k: string, n = 1): void => {
  m.set(k, (m.get(k) ?? 0) + n);
};

const sum = (d: Distribution): number => Object.values(d).reduce((a, b) => a + b, 0);

/** Empty strings, arrays and objects are "not answered" (as in validateResponse), not skipped. */
function isGiven(a: AnswerValue | null | undefined): a is AnswerValue {
  if (a === undefined || a === null || a === '') return false;
  if (Array.isArray(a)) return a.length > 0;
  if (typeof a === 'object') {
    for (const _ in a) return true;
    return false;
  }
  return true;
}

/**
 * Counts responses to one survey and turns the counts into a SurveyReport.
 *
 * `add` expects responses that passed `validateResponse` (the collector stores only those). It
 * never throws on odd answers: an answer it cannot read against the survey — unknown question,
 * value off the scale, unknown option — is left out of the figures and counted in `skipped`.
 *
 * @example
 * const acc = createAccumulator(survey);
 * for (const r of responses) acc.add(r);
 * const report = acc.result();
 * report.summary.satisfactionLevel; // e.g. 71.4 (% of 4 and 5 answers)
 */
export class Accumulator {
  private responses = 0;
  private skipped = 0;
  private readonly channels = new Map<string, number>();
  private readonly touchpoints: Map<string, number> | undefined;
  private readonly tallies = new Map<string, Tally>();

  constructor(
    readonly survey: Survey,
    opts: AccumulatorOptions = {},
  ) {
    this.touchpoints = opts.touchpoints ? new Map() : undefined;
    for (const q of survey.questions) {
      const t = tallyFor(q);
      if (t) this.tallies.set(q.id, t);
    }
  }

  /** Responses counted so far. */
  get size(): number {
    return this.responses;
  }

  /**
   * Counts one response. Throws only when the response is for another survey: mixing surveys
   * would silently corrupt every figure. Responses to other versions of the same survey are
   * counted by question id (a question id keeps its meaning across versions, docs/survey-format.md).
   */
  add(response: SurveyResponse): this {
    if (response.surveyId !== this.survey.id) {
      throw new Error(
        `Response ${String(response.responseId)} is for survey "${String(response.surveyId)}"; this accumulator counts "${this.survey.id}"`,
      );
    }
    this.responses++;
    const channel = response.context?.channel;
    if (typeof channel === 'string') bump(this.channels, channel);
    else {
      bump(this.channels, 'other');
      this.skipped++;
    }
    if (this.touchpoints) bump(this.touchpoints, response.context?.touchpoint || NO_TOUCHPOINT);
    const answers = response.answers;
    if (typeof answers !== 'object' || answers === null) {
      this.skipped++;
      return this;
    }
    for (const qid in answers) {
      const a = answers[qid];
      if (!isGiven(a)) continue;
      const t = this.tallies.get(qid);
      if (t === undefined) this.skipped++;
      else if (t instanceof PointTally) {
        if (!t.add(a)) this.skipped++;
      } else this.skipped += t.add(a);
    }
    return this;
  }

  /**
   * Folds another accumulator's counts into this one. Counts only add up, so merging partial
   * aggregates in any order and grouping gives the figures of one accumulator fed every response.
   *
   * @example
   * const total = createAccumulator(survey);
   * for (const part of parts) total.merge(part);
   */
  merge(other: Accumulator): this {
    if (other.survey.id !== this.survey.id) {
      throw new Error(
        `Cannot merge counts of survey "${other.survey.id}" into "${this.survey.id}"`,
      );
    }
    if (this.touchpoints && !other.touchpoints && other.responses > 0) {
      throw new Error('Cannot merge: this accumulator counts touchpoints, the other does not');
    }
    this.absorb(other.toJSON());
    return this;
  }

  /** The figures of every response counted so far (docs/metrics.md). */
  result(): SurveyReport {
    const questions: QuestionFigures[] = [];
    for (const q of this.survey.questions) {
      const t = this.tallies.get(q.id);
      const f = t && questionFigures(q, t);
      if (f) questions.push(f);
    }
    const channels: SurveyReport['channels'] = {};
    for (const ch of [...this.channels.keys()].sort(byChannel)) {
      const n = this.channels.get(ch)!;
      channels[ch] = { count: n, share: percent(n, this.responses) };
    }
    const report: SurveyReport = {
      surveyId: this.survey.id,
      responses: this.responses,
      problems: 0,
      channels,
      summary: summarize(this.survey, questions),
      questions,
    };
    for (const f of questions) if ('problems' in f) report.problems += f.problems;
    if (this.touchpoints) report.touchpoints = sortedRecord(this.touchpoints);
    if (this.skipped > 0) report.skipped = this.skipped;
    return report;
  }

  /** The counts as plain JSON, to store or send; read back with `restoreAccumulator`. */
  toJSON(): AccumulatorState {
    const questions: Record<string, QuestionState> = {};
    for (const [qid, t] of this.tallies) {
      const q = this.survey.questions.find((x) => x.id === qid)!;
      if (t instanceof PointTally) questions[qid] = { type: 'scale', counts: t.distribution() };
      else if (t instanceof ChoiceTally && isChoice(q)) {
        questions[qid] = { type: q.type, answered: t.answered, counts: t.distribution() };
      } else if (t instanceof MatrixTally) {
        const rows: Record<string, Distribution> = {};
        for (const [r, rt] of t.rows) rows[r] = rt.distribution();
        questions[qid] = { type: 'matrix', answered: t.answered, rows };
      } else if (t instanceof TextTally) questions[qid] = { type: 'text', answered: t.answered };
    }
    const state: AccumulatorState = {
      format: STATE_FORMAT,
      surveyId: this.survey.id,
      surveyVersion: this.survey.version,
      responses: this.responses,
      skipped: this.skipped,
      channels: sortedRecord(this.channels, byChannel),
      questions,
    };
    if (this.touchpoints) state.touchpoints = sortedRecord(this.touchpoints);
    return state;
  }

  /**
   * Reads back a `toJSON()` state; throws an Error listing every problem. Use
   * `restoreAccumulator` to get the issues as data instead.
   */
  static fromJSON(survey: Survey, state: unknown, opts?: AccumulatorOptions): Accumulator {
    const r = Accumulator.restore(survey, state, opts);
    if (r.ok) return r.value;
    const list = r.issues.map((i) => `${i.path.join('.') || '(root)'}: ${i.message.en}`).join('; ');
    throw new Error(`Invalid accumulator state: ${list}`);
  }

  /** Reads back a `toJSON()` state after checking it (see `restoreAccumulator`). */
  static restore(survey: Survey, state: unknown, opts?: AccumulatorOptions): Result<Accumulator> {
    const checked = checkState(state, survey.id);
    if (!checked.ok) return checked;
    const s = checked.value;
    const acc = new Accumulator(survey, {
      touchpoints: opts?.touchpoints ?? s.touchpoints !== undefined,
    });
    if (acc.touchpoints && !s.touchpoints && s.responses > 0) {
      return {
        ok: false,
        issues: [issue(['touchpoints'], 'missing', 0, 'the state does not count touchpoints')],
      };
    }
    acc.absorb(s);
    return { ok: true, value: acc };
  }

  /** Adds checked counts; counts that do not fit this survey (another version) go to `skipped`. */
  private absorb(s: AccumulatorState): void {
    this.responses += s.responses;
    this.skipped += s.skipped;
    for (const [ch, n] of Object.entries(s.channels)) bump(this.channels, ch, n);
    if (this.touchpoints && s.touchpoints) {
      for (const [tp, n] of Object.entries(s.touchpoints)) bump(this.touchpoints, tp, n);
    }
    for (const [qid, qs] of Object.entries(s.questions))
      this.skipped += this.absorbQuestion(qid, qs);
  }

  /** Adds one question's counts; returns how many answers did not fit. */
  private absorbQuestion(qid: string, qs: QuestionState): number {
    const t = this.tallies.get(qid);
    const q = this.survey.questions.find((x) => x.id === qid);
    if (qs.type === 'scale') {
      return t instanceof PointTally ? t.addDistribution(qs.counts) : sum(qs.counts);
    }
    if (qs.type === 'text') {
      if (t instanceof TextTally) t.answered += qs.answered;
      return t instanceof TextTally ? 0 : qs.answered;
    }
    if (qs.type === 'matrix') {
      if (!(t instanceof MatrixTally))
        return Object.values(qs.rows).reduce((a, d) => a + sum(d), 0);
      t.answered += qs.answered;
      let misfit = 0;
      for (const [r, d] of Object.entries(qs.rows)) {
        const rt = t.rows.get(r);
        misfit += rt ? rt.addDistribution(d) : sum(d);
      }
      return misfit;
    }
    if (!(t instanceof ChoiceTally) || q?.type !== qs.type) return sum(qs.counts);
    t.answered += qs.answered;
    return t.addDistribution(qs.counts);
  }
}

/** A Map as a plain object with sorted keys (stable JSON whatever order the counts came in). */
function sortedRecord(
  m: Map<string, number>,
  cmp?: (a: string, b: string) => number,
): Record<string, number> {
  const out: Record<string, number> = {};
  for (const k of [...m.keys()].sort(cmp)) out[k] = m.get(k)!;
  return out;
}

/**
 * Headline figures (docs/metrics.md, "Summary"): the satisfaction level is the headline question's
 * share of the top two points (001 §4.3.1, 002 §16: satisfaction with the service itself); matrix
 * rows rate parameters and resources and stay per row. The other figures are the mean over the
 * questions of their role.
 */
function summarize(survey: Survey, figures: readonly QuestionFigures[]): SurveyReport['summary'] {
  const headline = headlineQuestion(survey);
  const fed: Record<keyof SurveyReport['summary'], (number | null | undefined)[]> = {
    satisfactionLevel: [],
    satisfiedShare: [],
    nps: [],
    effortIndex: [],
  };
  for (const f of figures) {
    const feed = summaryFeed(f, headline);
    if (feed) fed[feed.summary].push((f as unknown as Record<string, number | null>)[feed.figure]);
  }
  return {
    satisfactionLevel: fed.satisfactionLevel[0] ?? null,
    satisfiedShare: meanOfFigures(fed.satisfiedShare),
    nps: meanOfFigures(fed.nps),
    effortIndex: meanOfFigures(fed.effortIndex),
  };
}

/**
 * Which headline figure a question's figures feed, and with which of its figures: the headline
 * scale its top-two share (the satisfaction level); every recommend scale its NPS and every effort
 * scale its index (averaged); every satisfaction single choice its satisfied share (averaged).
 * Matrix rows feed none. Public results withhold a headline figure with the figure it reads.
 *
 * @example
 * summaryFeed(figures, 'q3'); // { summary: 'satisfactionLevel', figure: 'topTwoShare' } for q3
 */
export function summaryFeed(
  f: QuestionFigures,
  headline: string | undefined,
): { summary: keyof SurveyReport['summary']; figure: string } | undefined {
  if (f.type === 'scale') {
    if (f.id === headline) return { summary: 'satisfactionLevel', figure: 'topTwoShare' };
    if (f.role === 'recommend') return { summary: 'nps', figure: 'nps' };
    if (f.role === 'effort') return { summary: 'effortIndex', figure: 'effortIndex' };
    return undefined;
  }
  if (f.type !== 'text' && f.type !== 'matrix' && 'satisfiedShare' in f)
    return { summary: 'satisfiedShare', figure: 'satisfiedShare' };
  return undefined;
}

/**
 * Id of the question whose top-two share is the satisfaction level: `survey.headline`, else the
 * first scale with role `satisfaction`; undefined when there is none.
 */
export function headlineQuestion(survey: Survey): string | undefined {
  if (survey.headline !== undefined) return survey.headline;
  return survey.questions.find((q) => q.type === 'scale' && q.role === 'satisfaction')?.id;
}

/**
 * A new, empty accumulator for one survey.
 *
 * @example
 * const acc = createAccumulator(survey, { touchpoints: true });
 * acc.add(response);
 * acc.result().touchpoints; // { 'mfc-1': 1 }
 */
export function createAccumulator(survey: Survey, opts?: AccumulatorOptions): Accumulator {
  return new Accumulator(survey, opts);
}

/**
 * Reads back a state from `Accumulator.toJSON()` (for instance one computed on another machine),
 * after checking it: wrong survey, bad counts and unknown shapes come back as issues with paths.
 *
 * @example
 * const r = restoreAccumulator(survey, JSON.parse(text));
 * if (r.ok) total.merge(r.value);
 */
export function restoreAccumulator(
  survey: Survey,
  state: unknown,
  opts?: AccumulatorOptions,
): Result<Accumulator> {
  return Accumulator.restore(survey, state, opts);
}
