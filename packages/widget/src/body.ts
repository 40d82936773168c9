import type { CatalogEntry, Lang } from '@otklik/core/engine';
import { html, nothing, type TemplateResult } from 'lit';
import type { FlowConfig, FlowController } from './controllers/flow.js';
import type { SourceController } from './controllers/source.js';
import { anew, form, scaleOrder } from './form.js';
import { dictionaries, type Dictionary } from './i18n.js';
import type { SlotContext } from './questions/slot.js';
import { completionScreen, idleWarning, loadScreen, sendError, startScreen } from './screens.js';

/** What the element's templates read from it: its attributes, derived values and controllers. */
export interface SurveyView extends FlowConfig {
  scaleOrder: 'asc' | 'desc' | undefined;
  officialReplyUrl: string | undefined;
  hideReceipt: boolean;
  readonly _catalogs: Record<string, CatalogEntry[]>;
  readonly _source: SourceController;
  readonly _flow: FlowController;
  requestUpdate(): void;
}

/** The element's shadow content: the screen for its load state and phase, and the live region. */
export const body = (v: SurveyView): TemplateResult =>
  html`<div class=${v.mode === 'kiosk' ? 'kiosk' : ''} lang=${v._lang}>
    ${screen(v, dictionaries[v._lang], v._lang)}
    <div class="vh" role="status" id="live">${v._flow._announce}</div>
  </div>`;

function screen(v: SurveyView, d: Dictionary, lang: Lang): unknown {
  const { _source: source, _flow: flow, _submission: sent } = v;
  const load = source.state;
  if (load.state !== 'ready') return loadScreen(load, d, () => void source.load());
  const s = source.survey!;
  if (flow._phase === 'start')
    return startScreen(s, lang, d, sent.waiting, sent.refused, flow.start, v.officialReplyUrl);
  if (flow._phase === 'done')
    return completionScreen(
      s,
      lang,
      d,
      flow._outcome,
      v.officialReplyUrl,
      sent.waiting,
      v.hideReceipt,
    );
  const a = v._a;
  const slot: SlotContext = {
    a,
    d,
    lang,
    order: scaleOrder(s, v.scaleOrder),
    catalogs: v._catalogs,
    focus: (id) => v._focus.to(id),
    update: () => v.requestUpdate(),
  };
  const warn = v._kiosk.warningSecondsLeft;
  return html`${warn !== null ? idleWarning(d, v._kiosk.warnSeconds, warn, () => v._kiosk.activity()) : nothing}
  ${anew(
    flow._generation,
    form({
      survey: s,
      d,
      lang,
      paged: v._paged,
      paper: v.mode === 'paper',
      path: a.path(),
      current: v._paging.current,
      limit: v._grow.limit,
      busy: flow._phase === 'sending',
      failed: sendError(d, lang, flow._outcome),
      entered: flow._entered,
      answered: (id) => Object.hasOwn(a.answers, id),
      question: (q, shown) => v._slots.render(q, shown, slot),
      submit: () => void flow.submit(),
      back: flow.back,
    }),
  )}`;
}
