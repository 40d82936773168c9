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
export { questionIssues, validateResponse, type ValidateOptions } from './validate-response.js';
export { effectiveContext } from './context.js';
export {
  canBindContext,
  CONTEXT_BINDINGS,
  CONTEXT_MAX,
  DEFAULT_SPECIFY_MAX,
  DEFAULT_TEXT_MAX,
  isCatalogList,
  isChoice,
  isMany,
  optionsKey,
  optionsOf,
  scaleOf,
  scalePoints,
  specifyMax,
  textMax,
  type ChoiceQuestion,
} from './kinds.js';
export {
  ISO_DATE_TIME,
  isWellFormedText,
  LANGS,
  MAX_VERSION,
  RESPONDENTS,
  UUID,
  WELL_FORMED_TEXT,
} from './wire.js';
export { issue, ruPlural } from './messages.js';
export { localize } from './localize.js';
export { periodLabel } from './periods.js';
