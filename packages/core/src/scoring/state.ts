/**
 * The JSON form of an accumulator's counts, so partial aggregates can travel (between workers,
 * processes, or a kiosk and the collector) and be merged elsewhere. Read back only after checking:
 * the state may come from another machine.
 */
import type { Issue, Result } from '../types.js';
import { issue } from '../engine/messages.js';
import type { Distribution } from './types.js';

export const STATE_FORMAT = 'otklik.accumulator/1';

/** Counts of one question. Scale `answered` is the sum of `counts`, so only choices carry it. */
export type QuestionState =
  | { type: 'scale'; counts: Distribution }
  | { type: 'single' | 'multiple' | 'list'; answered: number; counts: Distribution }
  | { type: 'matrix'; answered: number; rows: Record<string, Distribution> }
  | { type: 'text'; answered: number };

/** What `Accumulator.toJSON()` returns; plain JSON. */
export interface AccumulatorState {
  format: typeof STATE_FORMAT;
  surveyId: string;
  surveyVersion: number;
  responses: number;
  /** Answers that could not be read against the survey (see `SurveyReport.skipped`). */
  skipped: number;
  channels: Record<string, number>;
  /** Present when the accumulator counts touchpoints. */
  touchpoints?: Record<string, number>;
  questions: Record<string, QuestionState>;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const isCount = (v: unknown): v is number =>
  typeof v === 'number' && Number.isSafeInteger(v) && v >= 0;

/** Checks `{ key: count }`; pushes an issue per bad entry. */
function counts(v: unknown, path: Issue['path'], out: Issue[]): v is Record<string, number> {
  if (!isRecord(v)) {
    out.push(issue(path, v === undefined ? 'missing' : 'invalid_type', 0, 'object { key: count }'));
    return false;
  }
  let ok = true;
  for (const [k, n] of Object.entries(v)) {
    if (!isCount(n)) {
      out.push(issue([...path, k], 'invalid_value', 0, 'a non-negative integer'));
      ok = false;
    }
  }
  return ok;
}

function count(v: unknown, path: Issue['path'], out: Issue[]): v is number {
  if (isCount(v)) return true;
  out.push(issue(path, v === undefined ? 'missing' : 'invalid_value', 0, 'a non-negative integer'));
  return false;
}

function questionState(v: unknown, path: Issue['path'], out: Issue[]): v is QuestionState {
  if (!isRecord(v)) {
    out.push(issue(path, 'invalid_type', 0, 'object'));
    return false;
  }
  const before = out.length;
  switch (v.type) {
    case 'scale':
      counts(v.counts, [...path, 'counts'], out);
      break;
    case 'single':
    case 'multiple':
    case 'list':
      count(v.answered, [...path, 'answered'], out);
      counts(v.counts, [...path, 'counts'], out);
      break;
    case 'matrix':
      count(v.answered, [...path, 'answered'], out);
      if (!isRecord(v.rows)) out.push(issue([...path, 'rows'], 'invalid_type', 0, 'object'));
      else for (const [r, d] of Object.entries(v.rows)) counts(d, [...path, 'rows', r], out);
      break;
    case 'text':
      count(v.answered, [...path, 'answered'], out);
      break;
    default:
      out.push(
        issue(
          [...path, 'type'],
          'invalid_value',
          0,
          'scale | single | multiple | list | matrix | text',
        ),
      );
  }
  return out.length === before;
}

/**
 * Checks that `input` is an accumulator state for `surveyId`; every problem comes back with its
 * JSON path.
 *
 * @example
 * const r = checkState(JSON.parse(text), 'belgorod-typical');
 * if (!r.ok) console.error(r.issues);
 */
export function checkState(input: unknown, surveyId: string): Result<AccumulatorState> {
  const out: Issue[] = [];
  if (!isRecord(input)) return { ok: false, issues: [issue([], 'invalid_type', 0, 'object')] };
  if (input.format !== STATE_FORMAT) {
    out.push(
      issue(['format'], input.format === undefined ? 'missing' : 'invalid_value', 0, STATE_FORMAT),
    );
  }
  if (input.surveyId !== surveyId)
    out.push(issue(['surveyId'], 'wrong_survey', 0, String(input.surveyId)));
  if (!(
    typeof input.surveyVersion === 'number' &&
    Number.isSafeInteger(input.surveyVersion) &&
    input.surveyVersion > 0
  )) {
    out.push(issue(['surveyVersion'], 'invalid_value', 0, 'a positive integer'));
  }
  count(input.responses, ['responses'], out);
  count(input.skipped, ['skipped'], out);
  counts(input.channels, ['channels'], out);
  if (input.touchpoints !== undefined) counts(input.touchpoints, ['touchpoints'], out);
  if (!isRecord(input.questions)) {
    out.push(
      issue(['questions'], input.questions === undefined ? 'missing' : 'invalid_type', 0, 'object'),
    );
  } else {
    for (const [qid, q] of Object.entries(input.questions))
      questionState(q, ['questions', qid], out);
  }
  if (out.length) return { ok: false, issues: out };
  return { ok: true, value: input as unknown as AccumulatorState };
}
