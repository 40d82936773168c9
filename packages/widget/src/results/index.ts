/**
 * `<feedback-results>`: importing this module registers the element (once, even if loaded twice).
 * A separate entry and file from `<feedback-survey>`, so neither bundle carries the other.
 * @example import '@otklik/widget/feedback-results.js'; // then <feedback-results collector="…" survey="…">
 */
import { FeedbackResults } from './feedback-results.js';

if (!customElements.get('feedback-results'))
  customElements.define('feedback-results', FeedbackResults);

export { FeedbackResults, type PublicResultsJson } from './feedback-results.js';
