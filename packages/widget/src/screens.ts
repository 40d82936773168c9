import { localize, type Lang, type Survey } from '@otklik/core/engine';
import { html, nothing, type TemplateResult } from 'lit';
import type { LoadState } from './controllers/source.js';
import type { SendOutcome } from './controllers/submission.js';
import { CODES, fill, plural, type Dictionary } from './i18n.js';

/** Id of each screen's heading: focus moves there when the screen changes. */
export const HEADING = 'screen-h';

/**
 * While the survey loads («Загрузка анкеты…», or nothing while the parser has not yet reached an
 * inline survey: a text would cost a frame of its own), or why there is no form, with a retry
 * button when loading failed.
 */
export function loadScreen(
  load: Exclude<LoadState, { state: 'ready' }>,
  d: Dictionary,
  retry: () => void,
): unknown {
  if (load.state === 'loading')
    return load.wait ? nothing : html`<p class="state">${d.loading}</p>`;
  return html`<div class="state" part="error">
    <p>${fill(d[load.key], { detail: load.detail ?? '' })}</p>
    ${
      load.key === 'loadError'
        ? html`<button type="button" part="button" @click=${retry}>${d.retry}</button>`
        : nothing
    }
  </div>`;
}

/**
 * «3 ответа ожидают отправки», and on a kiosk «Сервер не принял 1 ответ — сообщите
 * администратору» (a refused response is kept on the device for staff, who would not see an event).
 */
export function waitingNote(
  lang: Lang,
  d: Dictionary,
  waiting: number,
  refused = 0,
): TemplateResult {
  return html`${waiting > 0 ? html`<p class="waiting" part="waiting">${plural(lang, d.waiting, waiting)}</p>` : nothing}
  ${refused > 0 ? html`<p class="error" part="refused">${plural(lang, d.refused, refused)}</p>` : nothing}`;
}

/** The hand-off to an official appeal (Госуслуги / ПОС): a survey answer is not one. */
export function officialReply(
  d: Dictionary,
  url: string | undefined,
): TemplateResult | typeof nothing {
  return url
    ? html`<p>
        <a part="official-reply" href=${url} target="_blank" rel="noopener">${d.officialReply}</a>
      </p>`
    : nothing;
}

/** Kiosk start screen: the survey title, one big button, and the official-appeal link when set. */
export function startScreen(
  s: Survey,
  lang: Lang,
  d: Dictionary,
  waiting: number,
  refused: number,
  start: () => void,
  officialReplyUrl?: string,
): TemplateResult {
  return html`<div class="start" part="start">
    <h2 id=${HEADING} tabindex="-1">${localize(s.title, lang)}</h2>
    ${s.description ? html`<p>${localize(s.description, lang)}</p>` : nothing}
    <p>${d.anonymous}</p>
    <button type="button" class="primary" part="button start-button" @click=${start}>
      ${d.start}
    </button>
    ${waitingNote(lang, d, waiting, refused)} ${officialReply(d, officialReplyUrl)}
  </div>`;
}

/**
 * The completion screen: the survey's own thanks (or the default), the receipt code the server
 * returned with one line on what it is for, the offline note when the response was queued, and
 * the official-reply link.
 */
export function completionScreen(
  s: Survey,
  lang: Lang,
  d: Dictionary,
  outcome: SendOutcome | undefined,
  officialReplyUrl: string | undefined,
  waiting: number,
  hideReceipt = false,
): TemplateResult {
  const c = s.completion;
  return html`<div class="done" part="completion">
    <h2 id=${HEADING} tabindex="-1">${c?.title ? localize(c.title, lang) : d.thanksTitle}</h2>
    ${
      outcome?.status === 'queued'
        ? html`<p part="offline-note">${outcome.memoryOnly ? d.memoryNote : d.queuedNote}</p>`
        : html`<p>${c?.text ? localize(c.text, lang) : d.thanksText}</p>`
    }
    ${
      outcome?.status === 'sent' && outcome.receipt && !hideReceipt
        ? html`<p part="receipt">${fill(d.receipt, { code: outcome.receipt })}</p>
            <p part="receipt-hint">${d.receiptHint}</p>`
        : nothing
    }
    ${officialReply(d, officialReplyUrl)} ${waitingNote(lang, d, waiting)}
  </div>`;
}

/**
 * Why a send failed in a way the respondent must see (the server refused it, or the queue is
 * full), all in the page's language: the collector's own words in it, else ours for its code.
 */
export function sendError(
  d: Dictionary,
  lang: Lang,
  outcome: SendOutcome | undefined,
): string | undefined {
  if (outcome?.status === 'rejected') {
    const code = CODES.find((c) => c === outcome.code);
    const message = outcome.said?.[lang] ?? (code ? d[code] : '');
    return fill(d.rejected, { status: outcome.httpStatus, message }).trim();
  }
  if (outcome?.status === 'full') return d.full;
  return undefined;
}

/** Id of the idle warning's button: focus moves there when the warning appears. */
export const CARRY_ON = 'carry-on';

/**
 * Kiosk idle warning: announced once with the whole delay (a live text rewritten every second
 * would be spoken every second), a visible countdown kept away from screen readers, and a button
 * to carry on.
 */
export function idleWarning(
  d: Dictionary,
  total: number,
  left: number,
  carryOn: () => void,
): TemplateResult {
  return html`<div class="warn" part="idle-warning">
    <p role="alert">${fill(d.idleWarning, { n: total })}</p>
    <p aria-hidden="true">${fill(d.idleLeft, { n: left })}</p>
    <button type="button" part="button" id=${CARRY_ON} @click=${carryOn}>${d.continue}</button>
  </div>`;
}
