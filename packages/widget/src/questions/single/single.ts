import type { SingleQuestion } from '@otklik/core/engine';
import { html, type TemplateResult } from 'lit';
import { choice, frame, type QuestionView } from '../view.js';

/** Single choice: a native radio group (arrow keys move and choose). */
export function renderSingle(v: QuestionView<SingleQuestion>): TemplateResult {
  return frame(
    v,
    html`<div class="opts">
      ${v.q.options.map((o) =>
        choice(v, o, 'radio', v.q.id, v.value === o.id, (on) => on && v.set(o.id)),
      )}
    </div>`,
  );
}
