import type { TextQuestion } from '@otklik/core/engine';
import { textMax } from '@otklik/core/engine';
import { html, nothing, type TemplateResult } from 'lit';
import { plural } from '../../i18n.js';
import { describedBy, frame, ids, type QuestionView } from '../view.js';

/** Characters left below which the counter speaks: 20, or a tenth of a short limit. */
const near = (max: number): number => Math.min(20, Math.ceil(max / 10));

/**
 * Open text: an input or a textarea labelled by the question title, with `maxlength` and a counter
 * of characters left. The counter is a live region only near the limit: spoken on every key
 * press, it would drown what the respondent types.
 */
export function renderText(v: QuestionView<TextQuestion>): TemplateResult {
  const { q } = v;
  const max = textMax(q);
  const text = typeof v.value === 'string' ? v.value : '';
  const counter = ids.control(q.id, '-n');
  const left = max - text.length;
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
      <p class="counter" id=${counter} aria-live=${left <= near(max) ? 'polite' : 'off'}>
        ${plural(v.lang, v.d.chars, left)}
      </p>`,
  );
}
