import type { CatalogEntry, Lang, Survey } from '@otklik/core/engine';
import { LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { body, type SurveyView } from './body.js';
import { AnswersController } from './controllers/answers.js';
import { FlowController } from './controllers/flow.js';
import { FocusController } from './controllers/focus.js';
import { KioskController } from './controllers/kiosk.js';
import { PagingController } from './controllers/paging.js';
import { ProgressiveController } from './controllers/progressive.js';
import { SourceController } from './controllers/source.js';
import { SubmissionController } from './controllers/submission.js';
import { OtklikStartEvent, OtklikStepEvent } from './events/survey-events.js';
import { styles } from './feedback-survey.styles.js';
import { toLang } from './i18n.js';
import { resolveSource } from './load.js';
import { QuestionSlots } from './questions/slot.js';
import { buildContext, catalogIds } from './response.js';
import { CARRY_ON } from './screens.js';

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
export class FeedbackSurvey extends LitElement implements SurveyView {
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

  // The controllers, read by the templates (body.ts): internal, not API.
  /** @internal */ declare readonly _source: SourceController;
  /** @internal */ declare readonly _a: AnswersController;
  /** @internal */ declare readonly _paging: PagingController;
  /** @internal */ declare readonly _grow: ProgressiveController;
  /** @internal */ declare readonly _focus: FocusController;
  /** @internal */ declare readonly _submission: SubmissionController;
  /** @internal */ declare readonly _kiosk: KioskController;
  /** @internal */ declare readonly _flow: FlowController;
  /** @internal */ declare readonly _slots: QuestionSlots;

  constructor() {
    super();
    this.contextFromUrl = false;
    this.hideReceipt = false;
    this._slots = new QuestionSlots();
    const source = (this._source = new SourceController(this, {
      definition: () => this.definition,
      url: () => resolveSource(this).surveyUrl,
      onReady: () => flow.clear(),
    }));
    const a = (this._a = new AnswersController(this, {
      survey: () => source.survey!,
      lang: () => this._lang,
      context: () =>
        buildContext(
          source.survey!,
          {
            object: this.object,
            channel: this.channel ?? (this.mode === 'paper' ? 'paper' : undefined),
            touchpoint: this.touchpoint,
            respondent: this.respondent,
            kiosk: this._isKiosk,
            fromUrl: this.contextFromUrl,
          },
          location.search,
        ),
      catalogs: () => catalogIds(this._catalogs),
      onStart: () => this.dispatchEvent(new OtklikStartEvent()),
    }));
    this._paging = new PagingController(this, {
      survey: () => source.survey!,
      answers: () => a.answers,
      path: () => a.path(),
      active: () => this._formShown && this._paged,
      onStep: (questionId, index, total) =>
        this.dispatchEvent(new OtklikStepEvent({ questionId, index, total })),
    });
    this._grow = new ProgressiveController(this, {
      total: () => (this._formShown && !this._paged ? a.path().length : 0),
    });
    this._focus = new FocusController(this, {
      root: () => this.shadowRoot,
      warning: () => (kiosk.warningSecondsLeft === null ? undefined : CARRY_ON),
    });
    this._submission = new SubmissionController(this, {
      endpoint: () => resolveSource(this).endpoint,
      persist: () => this._isKiosk,
    });
    const kiosk = (this._kiosk = new KioskController(this, {
      enabled: () => this._isKiosk,
      idleMs: () => (this.idleSeconds ?? 60) * 1000,
      warnMs: () => (this.warnSeconds ?? 30) * 1000,
      thanksMs: () => (this.thanksSeconds ?? 8) * 1000,
      onReset: (reason) => flow.wipe(reason),
    }));
    const flow = (this._flow = new FlowController(this));
  }

  /**
   * Removes every answer from memory and from the page and starts again (kiosk: the start screen).
   * @example document.querySelector('feedback-survey')?.reset();
   */
  reset(): void {
    this._flow.wipe('api');
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

  /** Its own `lang` (the property: lit renders before it reflects it), else the page's. @internal */
  get _lang(): Lang {
    return toLang(
      this.lang || (this.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang),
    );
  }

  /** @internal */
  get _paged(): boolean {
    return (this.layout ?? (this._isKiosk ? 'paged' : 'page')) === 'paged';
  }

  private get _formShown(): boolean {
    return this._source.state.state === 'ready' && this._flow._phase === 'form';
  }

  /** @internal */
  get _catalogs(): Record<string, CatalogEntry[]> {
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

  /** Also waits for the rest of a one-page form, so `await el.updateComplete` sees every question. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this._grow.more) {
      await this._grow.more;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  protected override render(): TemplateResult {
    return body(this);
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'feedback-survey': FeedbackSurvey;
  }
}
