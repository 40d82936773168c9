import type {
  AnswerValue,
  CatalogEntry,
  ChoiceOption,
  Lang,
  MatrixRow,
  Question,
} from '@otklik/core/engine';
import { localize, specifyMax } from '@otklik/core/engine';
import { html, nothing, type TemplateResult } from 'lit';
import type { Dictionary } from '../i18n.js';

/**
 * Everything a question renderer needs. Question kinds are template functions rendered into the
 * element's single shadow root rather than nested custom elements: ids referenced by
 * `aria-describedby` / `aria-labelledby` must live in the same tree, one stylesheet serves all
 * kinds, and the bundle has no per-element boilerplate.
 */
export interface QuestionView<Q extends Question = Question> {
  q: Q;
  lang: Lang;
  d: Dictionary;
  /** The one order every scale of this form is printed in. */
  order: 'asc' | 'desc';
  value: AnswerValue | undefined;
  /** Texts typed into this question's options with `specify`, by option id. */
  specify: Readonly<Record<string, string>>;
  /** Message shown under the question, or undefined. */
  error: string | undefined;
  /** Matrix: the rows this respondent is asked. */
  rows: MatrixRow[];
  /** List: the entries to pick from (options or the run-time catalogue). */
  entries: CatalogEntry[];
  /** List: the text typed in its search box, kept by the element per question. */
  query: string;
  setQuery(q: string): void;
  set(v: AnswerValue | undefined): void;
  /** The answer now (event handlers must not use `value`, which is the one at render time). */
  current(): AnswerValue | undefined;
  setSpecify(optionId: string, text: string): void;
  /** Ask the element to focus this element id (in its shadow root) after the next render. */
  focus(id: string): void;
}

/** Element ids in the shadow root, all derived from the question id. */
export const ids = {
  title: (q: string) => `q-${q}-t`,
  desc: (q: string) => `q-${q}-d`,
  error: (q: string) => `q-${q}-e`,
  control: (q: string, part = '') => `q-${q}-c${part}`,
  specify: (q: string, o: string) => `q-${q}-s-${o}`,
};

/**
 * `aria-describedby` of a question's controls: its description and its error, when present. The
 * points of a group leave the description out (`desc` false): their fieldset carries it, said once
 * on entering the group, not again on every point.
 */
export function describedBy(v: QuestionView, desc = true): string | typeof nothing {
  const list = [desc && v.q.description ? ids.desc(v.q.id) : '', v.error ? ids.error(v.q.id) : ''];
  return list.filter(Boolean).join(' ') || nothing;
}

/**
 * The frame shared by every kind: a fieldset whose legend holds the focusable title (focus lands
 * there on next/back), the description and the error message (text plus an icon: never colour
 * alone). Text and list questions are fieldsets too (a group of one field): one template is
 * fewer bytes than two.
 */
export function frame(v: QuestionView, body: unknown): TemplateResult {
  const { q, d } = v;
  // The space sits inside the span: a name computed from the legend keeps «вопрос? (обязательный…».
  const notes = [q.required ? d.required : '', several(q) ? d.several : ''].filter(Boolean);
  return html`<fieldset
    class="q"
    part="question"
    data-q=${q.id}
    aria-describedby=${q.description ? ids.desc(q.id) : nothing}
  >
    <legend part="legend">
      <span class="title" id=${ids.title(q.id)} tabindex="-1">${localize(q.title, v.lang)}</span
      >${notes.length ? html`<span class="req"> (${notes.join('; ')})</span>` : nothing}
    </legend>
    ${q.description ? html`<p class="desc" id=${ids.desc(q.id)}>${localize(q.description, v.lang)}</p>` : nothing}
    ${body}
    ${
      v.error
        ? html`<p class="error" id=${ids.error(q.id)} part="error">
            <span aria-hidden="true">⚠ </span>${v.error}
          </p>`
        : nothing
    }
  </fieldset>`;
}

/** Questions that take more than one choice say so in their legend. */
const several = (q: Question): boolean =>
  q.type === 'multiple' || (q.type === 'list' && !!q.multiple);

/** Visually hidden text for screen readers. */
export const vh = (text: string): TemplateResult => html`<span class="vh">${text}</span>`;

/** The text box of an option with `specify`, shown right after it while it is chosen. */
export function specifyBox(v: QuestionView, o: ChoiceOption): TemplateResult {
  const label = `${localize(o.text, v.lang)}: ${v.d.specify}`;
  return html`<input
    class="specify"
    type="text"
    id=${ids.specify(v.q.id, o.id)}
    aria-label=${label}
    maxlength=${specifyMax(o)}
    aria-required=${o.specify?.required ? 'true' : nothing}
    aria-invalid=${v.error ? 'true' : nothing}
    aria-describedby=${describedBy(v)}
    .value=${v.specify[o.id] ?? ''}
    @input=${(e: Event) => v.setSpecify(o.id, (e.target as HTMLInputElement).value)}
  />`;
}

/**
 * One radio or checkbox option with its label and, when chosen, its specify box.
 * `name` groups radios (native arrow-key behaviour); `onPick` receives the new checked state.
 */
export function choice(
  v: QuestionView,
  o: ChoiceOption,
  type: 'radio' | 'checkbox',
  name: string,
  checked: boolean,
  onPick: (checked: boolean) => void,
): TemplateResult {
  const id = ids.control(v.q.id, `-${name}-${o.id}`);
  return html`<div class="opt ${o.kind ? 'extra' : ''}" part="option">
    <input
      type=${type}
      id=${id}
      name=${name}
      .checked=${checked}
      aria-invalid=${v.error ? 'true' : nothing}
      aria-describedby=${describedBy(v, false)}
      @change=${(e: Event) => {
        const on = (e.target as HTMLInputElement).checked;
        onPick(on);
        if (on && o.specify) v.focus(ids.specify(v.q.id, o.id));
      }}
    /><label for=${id}>${localize(o.text, v.lang)}</label>
    ${checked && o.specify ? specifyBox(v, o) : nothing}
  </div>`;
}
