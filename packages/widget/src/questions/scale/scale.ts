import type { ChoiceOption, ScaleQuestion, ScaleSpec } from '@otklik/core/engine';
import { localize } from '@otklik/core/engine';
import { html, nothing, type TemplateResult } from 'lit';
import { choice, describedBy, frame, ids, vh, type QuestionView } from '../view.js';

/** The scale's values in the order the survey prints them (the seeds print 5…1 and 10…1). */
export function points(s: ScaleSpec): number[] {
  const out: number[] = [];
  for (let n = s.min; n <= s.max; n++) out.push(n);
  return s.order === 'desc' ? out.reverse() : out;
}

/**
 * One radio group for a scale: numbered points, then its extra options («Затрудняюсь ответить»)
 * in the same group. The end labels are visible above the ends and also spoken with the end values,
 * since a bare "5" means nothing to a screen-reader user.
 */
export function scaleGroup(
  v: QuestionView,
  s: ScaleSpec,
  extra: ChoiceOption[] | undefined,
  name: string,
  value: unknown,
  set: (x: number | string | undefined) => void,
): TemplateResult {
  const endText = (n: number) =>
    n === s.min ? localize(s.minLabel, v.lang) : n === s.max ? localize(s.maxLabel, v.lang) : '';
  const ps = points(s);
  const first = endText(ps[0]!);
  const last = endText(ps[ps.length - 1]!);
  return html`<div class="scale">
    ${
      first || last
        ? html`<div class="ends" aria-hidden="true"><span>${first}</span><span>${last}</span></div>`
        : nothing
    }
    <div class="points">
      ${ps.map((n) => {
        const id = ids.control(v.q.id, `-${name}-${n}`);
        const end = endText(n);
        return html`<span class="pt" part="option">
          <input
            type="radio"
            id=${id}
            name=${name}
            .checked=${value === n}
            aria-invalid=${v.error ? 'true' : nothing}
            aria-describedby=${describedBy(v)}
            @change=${() => set(n)}
          /><label for=${id}>${n}${end ? vh(` — ${end}`) : nothing}</label>
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
    scaleGroup(v, v.q, v.q.extraOptions, v.q.id, v.value, (x) => v.set(x)),
  );
}
