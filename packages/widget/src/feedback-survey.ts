import type { CatalogEntry, Lang, Survey } from '@otklik/core/engine';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { AnswersController } from './controllers/answers.js';
import { FocusController } from './controllers/focus.js';
import { KioskController } from './controllers/kiosk.js';
import { PagingController } from './controllers/paging.js';
import { ProgressiveController } from './controllers/progressive.js';
import { SourceController } from './controllers/source.js';
import { SubmissionController, type SendOutcome } from './controllers/submission.js';
import {
  OtklikResetEvent,
  OtklikStartEvent,
  OtklikStepEvent,
  OtklikSubmitEvent,
  type ResetReason,
} from './events/survey-events.js';
import { styles } from './feedback-survey.styles.js';
import { anew, form, scaleOrder } from './form.js';
import { dictionaries, fill, plural, toLang, type Dictionary } from './i18n.js';
import { resolveSource } from './load.js';
import { QuestionSlots, type SlotContext } from './questions/slot.js';
import { ids } from './questions/view.js';
import { buildContext, catalogIds } from './response.js';
import {
  CARRY_ON,
  HEADING,
  completionScreen,
  idleWarning,
  loadScreen,
  sendError,
  startScreen,
} from './screens.js';

type Phase = 'start' | 'form' | 'sending' | 'done';

/**
 * An anonymous feedback survey: loads a survey definition, shows it one question per screen or
 * all on one page, checks answers with the survey engine's own rules, and sends the response
 * (queued offline when the collector cannot be reached).
 *
 * @summary Embeddable, accessible, offline-safe survey form.
 * @tag feedback-survey
 *
 * @attr collector - Collector base URL; with `survey` gives `GET {collector}/v1/surveys/{id}` and `POST …/responses`.
 * @attr survey - Survey id on the collector.
 * @attr src - URL of a survey JSON (any backend); overrides the collector URL.
 * @attr endpoint - URL responses are POSTed to; overrides the collector URL.
 * @attr object - The service / support measure the response is about (from the body's catalogue).
 * @attr channel - site | kiosk | email | sms | qr | paper | intranet | other (default site, kiosk in kiosk mode).
 * @attr touchpoint - Office, page or device.
 * @attr respondent - external | internal (default: the survey's).
 * @attr lang - ru | en; default: the closest `lang` on the page, then ru.
 * @attr scale-order - asc | desc: the order of every scale in the form; default the survey's first scale's.
 * @attr layout - paged (one question per screen) | page (all on one page). Default page, paged in kiosk mode.
 * @attr mode - kiosk: start screen, idle wipe, thank-you screen then back to start. paper: staff keying in paper forms (channel paper, Ctrl+Enter sends, an empty form again after each, a count).
 * @attr context-from-url - Read object, channel and touchpoint from the page URL query.
 * @attr catalog-url - URL of run-time catalogues `{ services: [{ id, text }] }` for list questions.
 * @attr official-reply-url - Link shown on completion (and on the kiosk start screen) for people who need an official reply (Госуслуги / ПОС).
 * @attr hide-receipt - Do not show the receipt code on completion (a kiosk, where the next person would see it).
 * @attr idle-seconds - Kiosk: seconds without input before the idle warning (default 60).
 * @attr warn-seconds - Kiosk: seconds the idle warning gives to carry on (default 30; WCAG 2.2.1 asks for at least 20).
 * @attr thanks-seconds - Kiosk: seconds the thank-you screen stays (default 8).
 *
 * @fires otklik-start - OtklikStartEvent: first interaction.
 * @fires otklik-step - OtklikStepEvent: a question is shown in the paged layout; detail { questionId, index, total }.
 * @fires otklik-submit - OtklikSubmitEvent: a valid response is being sent; detail { response }.
 * @fires otklik-reset - OtklikResetEvent: answers wiped; detail { reason: 'kiosk-idle' | 'kiosk-next' | 'api' }.
 * @fires otklik-queued - The response is stored on the device and will be retried (see delivery events).
 * @fires otklik-sent - The collector accepted a response.
 * @fires otklik-error - The collector refused a response, or the queue is full.
 *
 * @csspart form - The form.
 * @csspart title - The survey title.
 * @csspart question - Each question (a fieldset).
 * @csspart legend - A question's title.
 * @csspart option - One choice or scale point.
 * @csspart error - A validation message.
 * @csspart progress - "Question 3 of 12" in the paged layout.
 * @csspart button - Every button.
 * @csspart completion - The thank-you screen.
 * @csspart start - The kiosk start screen.
 * @csspart idle-warning - The kiosk idle warning.
 *
 * @cssprop [--otklik-accent=#0d4cd3] - Buttons, chosen scale points, focus rings.
 * @cssprop [--otklik-fg=#1a1a1a] - Text colour.
 * @cssprop [--otklik-bg=#fff] - Background.
 * @cssprop [--otklik-error=#b3261e] - Validation messages and invalid fields.
 * @cssprop [--otklik-border=#767676] - Field and option borders.
 * @cssprop [--otklik-radius=0.375em] - Corner radius.
 * @cssprop [--otklik-gap=1em] - Space between questions.
 *
 * @example
 * <feedback-survey collector="https://opros.example.gov.ru" survey="belgorod-typical" object="licence" channel="site"></feedback-survey>
 */
export class FeedbackSurvey extends LitElement {
  static override styles = styles;

  static override properties = {
    collector: {},
    survey: {},
    src: {},
    endpoint: {},
    definition: { attribute: false },
    object: {},
    channel: {},
    touchpoint: {},
    respondent: {},
    lang: { reflect: true },
    layout: {},
    scaleOrder: { attribute: 'scale-order' },
    mode: {},
    contextFromUrl: { type: Boolean, attribute: 'context-from-url' },
    catalogUrl: { attribute: 'catalog-url' },
    catalogs: { attribute: false },
    officialReplyUrl: { attribute: 'official-reply-url' },
    hideReceipt: { type: Boolean, attribute: 'hide-receipt' },
    idleSeconds: { type: Number, attribute: 'idle-seconds' },
    warnSeconds: { type: Number, attribute: 'warn-seconds' },
    thanksSeconds: { type: Number, attribute: 'thanks-seconds' },
    _phase: { state: true },
    _outcome: { state: true },
    _announce: { state: true },
    _entered: { state: true },
  };

  declare collector: string | undefined;
  /** Survey id on the collector (the attribute); the definition object is `definition`. */
  declare survey: string | undefined;
  declare src: string | undefined;
  declare endpoint: string | undefined;
  /** The survey definition as an object, instead of fetching it. */
  declare definition: Survey | undefined;
  declare object: string | undefined;
  declare channel: string | undefined;
  declare touchpoint: string | undefined;
  declare respondent: string | undefined;
  declare layout: 'paged' | 'page' | undefined;
  declare scaleOrder: 'asc' | 'desc' | undefined;
  declare mode: 'kiosk' | 'paper' | undefined;
  declare contextFromUrl: boolean;
  declare catalogUrl: string | undefined;
  /** Run-time catalogues for list questions, by name: `{ services: [{ id, text: { ru } }] }`. */
  declare catalogs: Record<string, CatalogEntry[]> | undefined;
  declare officialReplyUrl: string | undefined;
  declare hideReceipt: boolean;
  declare idleSeconds: number | undefined;
  declare warnSeconds: number | undefined;
  declare thanksSeconds: number | undefined;

  declare private _phase: Phase;
  declare private _outcome: SendOutcome | undefined;
  declare private _announce: string;
  /** Paper mode: forms entered since the page was opened. */
  declare private _entered: number;
  /** Bumped by each wipe: the form's DOM is then built anew (see `_body`). */
  declare private _generation: number;
  declare private _source: SourceController;
  declare private _a: AnswersController;
  declare private _paging: PagingController;
  declare private _grow: ProgressiveController;
  declare private _focus: FocusController;
  declare private _submission: SubmissionController;
  declare private _kiosk: KioskController;
  declare private _slots: QuestionSlots;

  constructor() {
    super();
    this.contextFromUrl = false;
    this.hideReceipt = false;
    this._phase = 'form';
    this._announce = '';
    this._entered = 0;
    this._generation = 0;
    this._slots = new QuestionSlots();
    this._source = new SourceController(this, {
      definition: () => this.definition,
      url: () => this._endpoints().surveyUrl,
      onReady: () => {
        this._clear();
        if (this._isPaper) this._focus.first();
      },
    });
    this._a = new AnswersController(this, {
      survey: () => this._source.survey!,
      lang: () => this._lang,
      context: () =>
        buildContext(
          this._source.survey!,
          {
            object: this.object,
            channel: this.channel ?? (this._isPaper ? 'paper' : undefined),
            touchpoint: this.touchpoint,
            respondent: this.respondent,
            kiosk: this._isKiosk,
            fromUrl: this.contextFromUrl,
          },
          location.search,
        ),
      catalogs: () => catalogIds(this._catalogs),
      onStart: () => this.dispatchEvent(new OtklikStartEvent()),
    });
    this._paging = new PagingController(this, {
      survey: () => this._source.survey!,
      answers: () => this._a.answers,
      path: () => this._a.path(),
      active: () => this._formShown && this._paged,
      onStep: (questionId, index, total) =>
        this.dispatchEvent(new OtklikStepEvent({ questionId, index, total })),
    });
    this._grow = new ProgressiveController(this, {
      total: () => (this._formShown && !this._paged ? this._a.path().length : 0),
    });
    this._focus = new FocusController(this, {
      root: () => this.shadowRoot,
      warning: () => (this._kiosk.warningSecondsLeft === null ? undefined : CARRY_ON),
    });
    this._submission = new SubmissionController(this, {
      endpoint: () => this._endpoints().endpoint,
      persist: () => this._isKiosk,
    });
    this._kiosk = new KioskController(this, {
      enabled: () => this._isKiosk,
      idleMs: () => (this.idleSeconds ?? 60) * 1000,
      warnMs: () => (this.warnSeconds ?? 30) * 1000,
      thanksMs: () => (this.thanksSeconds ?? 8) * 1000,
      onReset: (reason) => this._wipe(reason),
    });
    // Any input inside the survey keeps a kiosk session alive (events from the shadow root are composed).
    const alive = () => {
      if (this._phase === 'form') this._kiosk.activity();
    };
    for (const t of ['pointerdown', 'keydown', 'input']) this.addEventListener(t, alive);
  }

  /**
   * Removes every answer from memory and from the page and starts again (kiosk: the start screen).
   * @example document.querySelector('feedback-survey')?.reset();
   */
  reset(): void {
    this._wipe('api');
  }

  /**
   * Sends the responses waiting in the offline queue now.
   * @returns how many were sent.
   */
  flush(): Promise<number> {
    return this._submission.flush();
  }

  private get _isKiosk(): boolean {
    return this.mode === 'kiosk';
  }

  private get _isPaper(): boolean {
    return this.mode === 'paper';
  }

  /** Its own `lang` (the property: lit renders before it reflects it), else the page's. */
  private get _lang(): Lang {
    return toLang(
      this.lang || (this.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang),
    );
  }

  private get _paged(): boolean {
    return (this.layout ?? (this._isKiosk ? 'paged' : 'page')) === 'paged';
  }

  private get _formShown(): boolean {
    return this._source.state.state === 'ready' && this._phase === 'form';
  }

  private _endpoints() {
    return resolveSource({
      collector: this.collector,
      survey: this.survey,
      src: this.src,
      endpoint: this.endpoint,
    });
  }

  private get _catalogs(): Record<string, CatalogEntry[]> {
    return { ...this._source.survey?.catalogs, ...this._source.fetched, ...this.catalogs };
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (
      !this.hasUpdated ||
      ['collector', 'survey', 'src', 'definition'].some((k) => changed.has(k))
    ) {
      void this._source.load();
    }
    if (changed.has('catalogUrl') && this.catalogUrl)
      void this._source.loadCatalogs(this.catalogUrl);
  }

  /** Forgets every answer: no response id, fresh inputs (a new form DOM), the first screen. */
  private _clear(): void {
    this._a.clear();
    this._paging.reset();
    this._grow.reset();
    this._outcome = undefined;
    this._announce = '';
    this._generation++;
    this._slots.clear();
    this._phase = this._isKiosk ? 'start' : 'form';
  }

  private _wipe(reason: ResetReason): void {
    this._kiosk.stop();
    this._clear();
    // Focus would otherwise fall to <body> with the removed form: the next visitor starts here.
    if (this._isKiosk) this._focus.to(HEADING);
    this.dispatchEvent(new OtklikResetEvent(reason));
  }

  /** Shows the messages and moves focus to the first field in error. */
  private _showErrors(bad: string[]): void {
    const d = dictionaries[this._lang];
    this._announce =
      bad.length > 1
        ? plural(this._lang, d.errors, bad.length)
        : (this._a.errors.get(bad[0]!) ?? '');
    this._focus.error(bad[0]!);
  }

  private _next(): void {
    const id = this._paging.current;
    if (this._a.recheck([id]).length) return this._showErrors([id]);
    if (this._paging.next()) this._focus.to(ids.title(this._paging.current));
    else void this._send();
  }

  private async _send(): Promise<void> {
    const { response, issues } = this._a.check();
    const bad = this._a.recheck(this._a.path(), issues);
    if (bad.length) return this._showErrors(bad);
    // Issues outside the answers (context, ids) would be a widget bug: say so rather than send.
    if (issues[0]) {
      this._announce = issues[0].message[this._lang];
      return;
    }
    this._a.begin();
    this.dispatchEvent(new OtklikSubmitEvent(response));
    this._phase = 'sending';
    const outcome = await this._submission.submit(response);
    const ok = outcome.status === 'sent' || outcome.status === 'queued';
    if (ok && this._isPaper) {
      // The next paper form at once, empty, with the cursor in its first field.
      this._clear();
      this._announce = fill(dictionaries[this._lang].paperSaved, { n: ++this._entered });
      this._focus.first();
      return;
    }
    this._outcome = outcome;
    if (ok) {
      this._phase = 'done';
      this._focus.to(HEADING);
      this._kiosk.finished();
    } else {
      this._phase = 'form';
      this._announce = sendError(dictionaries[this._lang], this._lang, outcome) ?? '';
    }
  }

  /** Also waits for the rest of a one-page form, so `await el.updateComplete` sees every question. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this._grow.more) {
      await this._grow.more;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  private _form(s: Survey, d: Dictionary, lang: Lang): TemplateResult {
    const slot: SlotContext = {
      a: this._a,
      d,
      lang,
      order: scaleOrder(s, this.scaleOrder),
      catalogs: this._catalogs,
      focus: (id) => this._focus.to(id),
      update: () => this.requestUpdate(),
    };
    return form({
      survey: s,
      d,
      lang,
      paged: this._paged,
      paper: this._isPaper,
      path: this._a.path(),
      current: this._paging.current,
      limit: this._grow.limit,
      busy: this._phase === 'sending',
      failed: sendError(d, lang, this._outcome),
      entered: this._entered,
      answered: (id) => Object.hasOwn(this._a.answers, id),
      question: (q, shown) => this._slots.render(q, shown, slot),
      submit: () => {
        // Read the phase now, not from this render: a second Enter may come before the next render.
        if (this._phase === 'sending') return;
        if (this._paged) this._next();
        else void this._send();
      },
      back: () => {
        this._paging.back();
        this._focus.to(ids.title(this._paging.current));
      },
    });
  }

  private _body(d: Dictionary, lang: Lang): unknown {
    // Any screen but the form removes the form's DOM: its questions render in full next time.
    if (this._source.state.state !== 'ready' || this._phase === 'start' || this._phase === 'done')
      this._slots.clear();
    const load = this._source.state;
    if (load.state !== 'ready') return loadScreen(load, d, () => void this._source.load());
    const s = this._source.survey!;
    const waiting = this._submission.waiting;
    if (this._phase === 'start') {
      return startScreen(
        s,
        lang,
        d,
        waiting,
        this._submission.refused,
        () => {
          this._phase = 'form';
          this._a.begin();
          this._kiosk.activity();
          this._focus.to(HEADING);
        },
        this.officialReplyUrl,
      );
    }
    if (this._phase === 'done') {
      return completionScreen(
        s,
        lang,
        d,
        this._outcome,
        this.officialReplyUrl,
        waiting,
        this.hideReceipt,
      );
    }
    const warn = this._kiosk.warningSecondsLeft;
    return html`${warn !== null ? idleWarning(d, this._kiosk.warnSeconds, warn, () => this._kiosk.activity()) : nothing}
    ${anew(this._generation, this._form(s, d, lang))}`;
  }

  protected override render(): TemplateResult {
    const lang = this._lang;
    const d = dictionaries[lang];
    return html`<div class=${this._isKiosk ? 'kiosk' : ''} lang=${lang}>
      ${this._body(d, lang)}
      <div class="vh" role="status" id="live">${this._announce}</div>
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'feedback-survey': FeedbackSurvey;
  }
}
