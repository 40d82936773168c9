import type { ChoiceOption, MultipleQuestion } from '@otklik/core/engine';
import { html, type TemplateResult } from 'lit';
import { choice, frame, type QuestionView } from '../view.js';

/**
 * The new selection after toggling `o`: an exclusive option («Проблем не было») clears every
 * other, and any other option clears the exclusive ones.
 */
export function toggle(
  options: ChoiceOption[],
  chosen: string[],
  o: ChoiceOption,
  on: boolean,
): string[] {
  if (!on) return chosen.filter((id) => id !== o.id);
  if (o.exclusive) return [o.id];
  const exclusive = new Set(options.filter((x) => x.exclusive).map((x) => x.id));
  // Keep the survey's option order, so the stored answer does not depend on click order.
  const next = new Set([...chosen.filter((id) => !exclusive.has(id)), o.id]);
  return options.filter((x) => next.has(x.id)).map((x) => x.id);
}

/** Multiple choice: checkboxes with labels. */
export function renderMultiple(v: QuestionView<MultipleQuestion>): TemplateResult {
  const chosen = Array.isArray(v.value) ? v.value : [];
  return frame(
    v,
    html`<div class="opts">
      ${v.q.options.map((o) =>
        choice(v, o, 'checkbox', v.q.id, chosen.includes(o.id), (on) => {
          const now = v.current();
          const next = toggle(v.q.options, Array.isArray(now) ? now : [], o, on);
          v.set(next.length ? next : undefined);
        }),
      )}
    </div>`,
  );
}
