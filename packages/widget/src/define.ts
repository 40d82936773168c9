import { FeedbackSurvey } from './feedback-survey.js';

// A page may load the widget twice (a CMS block and a theme); the second registration would throw.
if (!customElements.get('feedback-survey'))
  customElements.define('feedback-survey', FeedbackSurvey);
