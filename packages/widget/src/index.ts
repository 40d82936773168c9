/**
 * `<feedback-survey>`: importing this module registers the element (once, even if loaded twice).
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
export {
  OtklikErrorEvent,
  OtklikQueuedEvent,
  OtklikSentEvent,
  type ErrorDetail,
  type QueuedDetail,
  type QueueReason,
  type SentDetail,
} from './events/delivery-events.js';
export type { SendOutcome } from './controllers/submission.js';
export { dictionaries, type Dictionary, type Key } from './i18n.js';
