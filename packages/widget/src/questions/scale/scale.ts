import type { ChoiceOption, ScaleQuestion, ScaleSpec } from '@otklik/core/engine';
import { localize } from '@otklik/core/engine';
import { html, nothing, type TemplateResult } from 'lit';
import { choice, describedBy, frame, ids, vh, type QuestionView } from '../view.js';

/**
 * The scale's values in print order: the form's one order when given (every scale of a form runs
 * the same way, so no one answers 1 meaning 5), else the scale's own.
 */
export function points(s: ScaleSpec, order = s.order): number[] {
  const out: number[] = [];
  for (let n = s.min; n <= s.max; n++) out.push(n);
  return order === 'desc' ? out.reverse() : out;
}

/**
 * One radio group for a scale: numbered points, then its extra options («Затрудняюсь ответить»)
 * in the same group. Each point is named by its question (or matrix row, `label`) and its value.
 * The end labels sit right under their end points at any width and are also spoken with the end
 * values, since a bare "5" means nothing to a screen-reader user.
 */
export function scaleGroup(
  v: QuestionView,
  s: ScaleSpec,
  extra: ChoiceOption[] | undefined,
  name: string,
  value: unknown,
  set: (x: number | string | undefined) => void,
  label: string,
): TemplateResult {
  const endText = (n: number) =>
    n === s.min ? localize(s.minLabel, v.lang) : n === s.max ? localize(s.maxLabel, v.lang) : '';
  const ps = points(s, v.order);
  return html`<div class="scale">
    <div class="points">
      ${ps.map((n) => {
        const id = ids.control(v.q.id, `-${name}-${n}`);
        const end = endText(n);
        return html`<span class="pt ${n === ps[ps.length - 1] ? 'last' : ''}" part="option">
          <input
            type="radio"
            id=${id}
            name=${name}
            .checked=${value === n}
            aria-labelledby="${label} ${id}-l"
            aria-invalid=${v.error ? 'true' : nothing}
            aria-describedby=${describedBy(v, false)}
            @change=${() => set(n)}
          /><label for=${id} id="${id}-l">${n}${end ? vh(` — ${end}`) : nothing}</label>
          ${end ? html`<span class="end" aria-hidden="true">${end}</span>` : nothing}
        </span>`;
      })}
    </div>
    ${
      extra?.length
        ? html`<div class="opts">
            ${extra.map((o) => choice(v, o, 'radio', name, value === o.id, (on) => on && set(o.id)))}
          </div>`
        : nothing
    }
    ${
      // A radio cannot be unchecked: an optional scale answered by mistake needs a way back.
      !v.q.required && value !== undefined
        ? html`<button
            type="button"
            class="clear"
            part="button clear"
            @click=${() => {
              set(undefined);
              v.focus(ids.control(v.q.id, `-${name}-${ps[0]}`));
            }}
          >
            ${v.d.clear}
          </button>`
        : nothing
    }
  </div>`;
}

/** A scale question (satisfaction 5…1, effort, recommend 10…1). */
export function renderScale(v: QuestionView<ScaleQuestion>): TemplateResult {
  return frame(
    v,
    scaleGroup(v, v.q, v.q.extraOptions, v.q.id, v.value, (x) => v.set(x), ids.title(v.q.id)),
  );
}
