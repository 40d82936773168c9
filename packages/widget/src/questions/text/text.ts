import type { TextQuestion } from '@otklik/core/engine';
import { textMax } from '@otklik/core/engine';
import { html, nothing, type TemplateResult } from 'lit';
import { plural } from '../../i18n.js';
import { describedBy, frame, ids, type QuestionView } from '../view.js';

/**
 * Open text: an input or a textarea labelled by the question title, with `maxlength` and a counter
 * of characters left that a screen reader announces politely.
 */
export function renderText(v: QuestionView<TextQuestion>): TemplateResult {
  const { q } = v;
  const max = textMax(q);
  const text = typeof v.value === 'string' ? v.value : '';
  const counter = ids.control(q.id, '-n');
  const attrs = {
    id: ids.control(q.id),
    by: [describedBy(v), counter].filter((x) => x !== nothing).join(' '),
  };
  const onInput = (e: Event) => {
    const t = (e.target as HTMLInputElement | HTMLTextAreaElement).value;
    v.set(t === '' ? undefined : t);
  };
  const field = q.multiline
    ? html`<textarea
        id=${attrs.id}
        rows="4"
        maxlength=${max}
        aria-labelledby=${ids.title(q.id)}
        aria-describedby=${attrs.by}
        aria-required=${q.required ? 'true' : nothing}
        aria-invalid=${v.error ? 'true' : nothing}
        .value=${text}
        @input=${onInput}
      ></textarea>`
    : html`<input
        type="text"
        id=${attrs.id}
        maxlength=${max}
        aria-labelledby=${ids.title(q.id)}
        aria-describedby=${attrs.by}
        aria-required=${q.required ? 'true' : nothing}
        aria-invalid=${v.error ? 'true' : nothing}
        .value=${text}
        @input=${onInput}
      />`;
  return frame(
    v,
    html`${field}
      <p class="counter" id=${counter} aria-live="polite">
        ${plural(v.lang, v.d.chars, max - text.length)}
      </p>`,
  );
}
