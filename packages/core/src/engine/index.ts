/**
 * The survey engine: skip logic, navigation and response checks — everything the widget needs at
 * run time, with no schema parser (no zod) so that it stays a few kilobytes.
 */
export type * from '../types.js';
export { CHANNELS, END } from '../types.js';
export { evaluate, isAnswered } from './conditions.js';
export {
  nextQuestion,
  previousQuestion,
  pruneAnswers,
  questionIndex,
  visiblePath,
  visibleRows,
} from './path.js';
export {
  DEFAULT_SPECIFY_MAX,
  DEFAULT_TEXT_MAX,
  questionIssues,
  validateResponse,
  type ValidateOptions,
} from './validate-response.js';
export { issue, ruPlural } from './messages.js';
export { localize } from './localize.js';
