// Test helpers shared by the element's browser tests.
import type { CatalogEntry, Survey, SurveyResponse } from '@otklik/core/engine';
import { fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define.js';
import type { FeedbackSurvey } from '../feedback-survey.js';

export interface MountOptions {
  layout?: 'paged' | 'page';
  lang?: 'ru' | 'en';
  mode?: 'kiosk';
  catalogs?: Record<string, CatalogEntry[]>;
}

/** Renders the element with a survey object and waits until it shows the form. */
export async function mount(survey: Survey, o: MountOptions = {}): Promise<FeedbackSurvey> {
  const el = await fixture<FeedbackSurvey>(
    html`<feedback-survey
      .definition=${survey}
      .catalogs=${o.catalogs}
      layout=${o.layout ?? 'page'}
      lang=${o.lang ?? 'ru'}
      mode=${o.mode ?? ''}
    ></feedback-survey>`,
  );
  await el.updateComplete;
  return el;
}

export const $ = <T extends Element = HTMLElement>(el: FeedbackSurvey, sel: string): T | null =>
  el.shadowRoot!.querySelector<T>(sel);
export const $$ = <T extends Element = HTMLElement>(el: FeedbackSurvey, sel: string): T[] => [
  ...el.shadowRoot!.querySelectorAll<T>(sel),
];

/** The focused element inside the shadow root. */
export const focused = (el: FeedbackSurvey): Element | null => el.shadowRoot!.activeElement;

export const press = (key: string) => sendKeys({ press: key });
export const type = (text: string) => sendKeys({ type: text });

/** Waits for the element to settle after input (Lit renders in a microtask). */
export async function settle(el: FeedbackSurvey): Promise<void> {
  await el.updateComplete;
  await el.updateComplete;
}

/** Presses Tab until the focus is on an element matching `sel` inside the shadow root. */
export async function tabTo(el: FeedbackSurvey, sel: string, max = 40): Promise<void> {
  for (let i = 0; i < max; i++) {
    if (focused(el)?.matches(sel)) return;
    await press('Tab');
    await settle(el);
  }
  throw new Error(`Tab never reached ${sel}`);
}

/** Submits with the keyboard (Tab to the submit button, Enter) and returns the response sent. */
export async function submitByKeyboard(el: FeedbackSurvey): Promise<SurveyResponse> {
  const sent = oneEvent(el, 'otklik-submit');
  await tabTo(el, 'button[type=submit]');
  await press('Enter');
  const e = await sent;
  return e.detail.response;
}

/** No <style> elements and no style attributes anywhere in the shadow root (strict CSP). */
export function assertCspClean(el: FeedbackSurvey): void {
  const root = el.shadowRoot!;
  if (root.querySelector('style')) throw new Error('<style> element in the shadow root');
  if (root.querySelector('[style]')) throw new Error('style attribute in the shadow root');
  if (root.adoptedStyleSheets.length === 0) throw new Error('no adopted stylesheet');
}
