import type { Answers, ResponseContext, Survey } from '../types.js';
import { own } from './own.js';

/**
 * The context a response is filed under. A question with `context: 'object'` (001 Q2, 003 Q1:
 * «which service did you receive») supplies `object` when answered, and the respondent's answer
 * wins over an `object` fixed by the embed: the respondent knows which service they received, the
 * page only guesses. The embed's object stays when the question is unanswered or off the path.
 * `validateResponse` returns its value with this context, so the widget and the collector store
 * the same thing.
 *
 * @example
 * effectiveContext(survey, { q1: 'passport' }, { channel: 'site', respondent: 'external' });
 * // { channel: 'site', respondent: 'external', object: 'passport' }
 */
export function effectiveContext(
  survey: Survey,
  answers: Answers,
  context: ResponseContext,
): ResponseContext {
  const bound = survey.questions.find((q) => q.context === 'object');
  const a = bound && own(answers, bound.id);
  return typeof a === 'string' && a !== '' ? { ...context, object: a } : context;
}
