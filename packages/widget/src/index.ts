/**
 * `<feedback-survey>`: importing this module registers the element.
 * @example import '@otklik/widget'; // then <feedback-survey collector="…" survey="…">
 */
import './define.js';

export { FeedbackSurvey } from './feedback-survey.js';
export {
  OtklikResetEvent,
  OtklikStartEvent,
  OtklikStepEvent,
  OtklikSubmitEvent,
  type ResetReason,
  type StepDetail,
} from './events/survey-events.js';
export { dictionaries, type Dictionary, type Key } from './i18n.js';
