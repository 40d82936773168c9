/**
 * The figures of a survey report (docs/metrics.md defines each one, with its formula and the seed
 * order it comes from). The scoring accumulator in core and the collector's SQL reports produce this
 * same shape, so a figure means the same thing wherever it is read.
 *
 * Shares are percentages 0–100 rounded to one decimal; `null` where there is nothing to divide by.
 */

/** How often each answer value was given: option id or scale value (as a string) → count. */
export type Distribution = Record<string, number>;

interface QuestionFiguresBase {
  id: string;
  /** Responses that answered this question (any value, including "don't know"). */
  answered: number;
  distribution: Distribution;
}

/** A scale with role `satisfaction` or `other`. */
export interface ScaleFigures extends QuestionFiguresBase {
  type: 'scale';
  role: 'satisfaction' | 'effort' | 'recommend' | 'other';
  /** Numeric answers (don't know / not applicable excluded). */
  valid: number;
  mean: number | null;
  /** Share of the top two points among valid answers (4 and 5 of 5): the satisfaction level. */
  topTwoShare: number | null;
  /** Recommend scales: share of the top two points (9–10 of 1–10). */
  promoters?: number | null;
  /** Recommend scales: share of points at or below max − 4 (1–6 of 1–10). */
  detractors?: number | null;
  /** Recommend scales: promoters − detractors, −100…100. */
  nps?: number | null;
  /** Effort scales (higher = easier): share of the top two minus share of the bottom two, −100…100. */
  effortIndex?: number | null;
}

/** Single choice (and `list` without `multiple`). */
export interface ChoiceFigures extends QuestionFiguresBase {
  type: 'single' | 'multiple' | 'list';
  /** Role `satisfaction`: share of `positive` options among answers that are not don't know / n/a. */
  satisfiedShare?: number | null;
  /** Answers that were don't know / not applicable. */
  excluded: number;
  /** Chosen options marked `problem`. */
  problems: number;
}

export interface MatrixRowFigures {
  id: string;
  answered: number;
  valid: number;
  mean: number | null;
  topTwoShare: number | null;
  distribution: Distribution;
}

export interface MatrixFigures {
  id: string;
  type: 'matrix';
  answered: number;
  rows: MatrixRowFigures[];
}

export interface TextFigures {
  id: string;
  type: 'text';
  answered: number;
}

export type QuestionFigures = ScaleFigures | ChoiceFigures | MatrixFigures | TextFigures;

/** A whole report, for all responses or for one group (channel, object, touchpoint or period). */
export interface SurveyReport {
  surveyId: string;
  responses: number;
  /** Chosen options marked `problem`, over all questions. */
  problems: number;
  /** Responses per channel, and their shares of all responses. */
  channels: Record<string, { count: number; share: number | null }>;
  /** Headline figures (null when the survey has no question for one). */
  summary: {
    /**
     * The headline question's share of the top two points (4–5 of 5): satisfaction with the service
     * itself (`Survey.headline`). Matrix rows are never mixed in; read them per row.
     */
    satisfactionLevel: number | null;
    /** Mean of satisfaction-role single questions' satisfied share. */
    satisfiedShare: number | null;
    nps: number | null;
    effortIndex: number | null;
  };
  questions: QuestionFigures[];
  /**
   * Responses per touchpoint (office, page, kiosk; `@none` when not given): the volume, since
   * silence is a signal too (000 §35). Only when asked for (`createAccumulator(s, { touchpoints: true })`).
   */
  touchpoints?: Record<string, number>;
  /**
   * Answers left out because they could not be read against the survey (unknown question, value
   * off the scale, unknown option). Absent when 0, as it is for validated responses.
   */
  skipped?: number;
}
