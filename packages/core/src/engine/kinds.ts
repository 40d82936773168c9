/**
 * Facts about question kinds, in one place: which kinds are choices, which options a question
 * offers, whether it takes one answer or many, the text limits, which values a scale accepts.
 * The validator, the scoring, the widget and the collector's reports and export all ask here, so
 * a new kind or limit is added once.
 */
import type { ChoiceOption, Question, ScaleSpec } from '../types.js';

/** Longest free text by default; a question's `maxLength` overrides it. */
export const DEFAULT_TEXT_MAX = 2000;
/** Longest text in an option's own field by default; the option's `specify.maxLength` overrides it. */
export const DEFAULT_SPECIFY_MAX = 500;
/**
 * Longest context value (object, touchpoint) and longest entry id of a run-time catalogue: the
 * same limit, since a catalogue answer can become the response's `object`.
 */
export const CONTEXT_MAX = 200;

/** Questions answered by picking option ids: single, multiple, list. */
export type ChoiceQuestion = Extract<Question, { type: 'single' | 'multiple' | 'list' }>;

/** A single, multiple or list question. */
export const isChoice = (q: Question): q is ChoiceQuestion =>
  q.type === 'single' || q.type === 'multiple' || q.type === 'list';

/**
 * A choice that takes an array of ids (multiple, list with `multiple`); single and list without
 * `multiple` take one id.
 */
export const isMany = (q: Question): boolean =>
  q.type === 'multiple' || (q.type === 'list' && q.multiple === true);

/**
 * The options written in the survey that an answer can pick: a choice's `options`, a scale's or
 * matrix's `extraOptions`; empty for text and statements and for a list fed by a run-time
 * catalogue. Specify texts, problem flags and `kind` all belong to these.
 */
export function optionsOf(q: Question): readonly ChoiceOption[] {
  switch (q.type) {
    case 'single':
    case 'multiple':
    case 'list':
      return q.options ?? [];
    case 'scale':
    case 'matrix':
      return q.extraOptions ?? [];
    default:
      return [];
  }
}

/** The JSON key of a question's options (for paths in issues): `options` or `extraOptions`. */
export const optionsKey = (q: Question): 'options' | 'extraOptions' =>
  q.type === 'scale' || q.type === 'matrix' ? 'extraOptions' : 'options';

/** A list whose entries come from a run-time catalogue, not from options in the survey. */
export const isCatalogList = (q: Question): boolean =>
  q.type === 'list' && q.options === undefined && q.catalog !== undefined;

/** The scale of a scale question or of every row of a matrix; undefined for other kinds. */
export function scaleOf(q: Question): ScaleSpec | undefined {
  return q.type === 'scale' ? q : q.type === 'matrix' ? q.scale : undefined;
}

/** Every integer of a scale, lowest first. */
export function scalePoints(s: ScaleSpec): number[] {
  const out: number[] = [];
  for (let v = s.min; v <= s.max; v++) out.push(v);
  return out;
}

/** Longest text of a text question. */
export const textMax = (q: Extract<Question, { type: 'text' }>): number =>
  q.maxLength ?? DEFAULT_TEXT_MAX;

/** Longest text in an option's own field. */
export const specifyMax = (o: ChoiceOption): number => o.specify?.maxLength ?? DEFAULT_SPECIFY_MAX;

/** Context fields a question's answer may supply (`Question.context`). */
export const CONTEXT_BINDINGS = ['object'] as const;

/**
 * Whether a question's answer can supply a context field: one id (single, or list without
 * `multiple`), so that the response has exactly one object.
 */
export const canBindContext = (q: Question): boolean =>
  (q.type === 'single' || q.type === 'list') && !isMany(q);
