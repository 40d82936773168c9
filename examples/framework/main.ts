// The element from application code, fully typed: `document.createElement('feedback-survey')`
// returns a FeedbackSurvey (HTMLElementTagNameMap) and its events carry typed details. React 19,
// Vue 3, Angular and Svelte render the same custom element; see docs/embedding.md.
import { templates } from '@otklik/core/templates';
import { FeedbackSurvey, type OtklikSubmitEvent } from '@otklik/widget';

const el = document.createElement('feedback-survey');
el.definition = templates['kiosk-pulse']; // a survey object instead of fetching one
el.endpoint = '/api/feedback'; // any backend that accepts the response format
el.channel = 'qr';
el.setAttribute('layout', 'paged');

el.addEventListener('otklik-step', (e) => {
  const { index, total, questionId } = e.detail;
  document.title = `${index + 1}/${total} · ${questionId}`;
});
el.addEventListener('otklik-submit', (e: OtklikSubmitEvent) => {
  console.log('answers', e.detail.response.answers);
});
el.addEventListener('otklik-reset', (e) => console.log('wiped:', e.detail.reason));

document.querySelector('main')?.append(el);

// The class is exported too, e.g. for `instanceof` checks or `customElements.whenDefined`.
await customElements.whenDefined('feedback-survey');
console.log(el instanceof FeedbackSurvey, await el.flush(), 'queued responses sent');
