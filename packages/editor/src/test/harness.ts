// Test helpers of the editor's browser tests: mount the element, find things in its shadow root,
// type and press keys through the browser (real key events, not synthetic ones).
import { fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { Survey } from '@otklik/core/engine';
import '../index.js';
import type { OtklikEditor } from '../otklik-editor.js';

/** The widget's source, served by the test runner from the repository root. */
export const WIDGET_SRC = '/packages/widget/src/index.ts';

export async function mount(
  survey?: Survey,
  o: { lang?: 'ru' | 'en'; mode?: 'new' | 'edit' } = {},
): Promise<OtklikEditor> {
  const el = await fixture<OtklikEditor>(
    html`<otklik-editor
      lang=${o.lang ?? 'ru'}
      mode=${o.mode ?? 'new'}
      csrf="test-csrf"
      widget-src=${WIDGET_SRC}
      .survey=${survey}
    ></otklik-editor>`,
  );
  await el.updateComplete;
  return el;
}

export const $ = <T extends Element = HTMLElement>(el: OtklikEditor, sel: string): T => {
  const found = el.shadowRoot!.querySelector<T>(sel);
  if (!found) throw new Error(`nothing matches ${sel}`);
  return found;
};
export const $$ = <T extends Element = HTMLElement>(el: OtklikEditor, sel: string): T[] => [
  ...el.shadowRoot!.querySelectorAll<T>(sel),
];

/** The id of the focused element inside the editor's shadow root. */
export const focusedId = (el: OtklikEditor): string | undefined => el.shadowRoot!.activeElement?.id;

export const press = (key: string) => sendKeys({ press: key });
export const type = (text: string) => sendKeys({ type: text });

/** Focuses a field and types into it, as a person would. */
export async function typeInto(el: OtklikEditor, sel: string, text: string): Promise<void> {
  $<HTMLInputElement>(el, sel).focus();
  await type(text);
  await el.updateComplete;
}

/** Sets a field's value and reports it as typed (for fields inside closed <details>). */
export async function fill(el: OtklikEditor, sel: string, text: string): Promise<void> {
  const f = $<HTMLInputElement>(el, sel);
  f.value = text;
  f.dispatchEvent(new Event('input'));
  await el.updateComplete;
}

/** Chooses an option of a <select> the way a change by the user does. */
export async function choose(el: OtklikEditor, sel: string, value: string): Promise<void> {
  const s = $<HTMLSelectElement>(el, sel);
  s.value = value;
  s.dispatchEvent(new Event('change', { bubbles: true }));
  await el.updateComplete;
}

/** Clicks a button and waits for the re-render (and the focus it moves). */
export async function click(el: OtklikEditor, sel: string): Promise<void> {
  $<HTMLButtonElement>(el, sel).click();
  await el.updateComplete;
}

/** Question ids in the order the editor holds them. */
export const ids = (el: OtklikEditor): string[] => el.survey!.questions.map((q) => q.id);
