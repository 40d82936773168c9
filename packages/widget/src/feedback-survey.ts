import {
  localize,
  validateResponse,
  visiblePath,
  visibleRows,
  type AnswerValue,
  type Answers,
  type CatalogEntry,
  type Issue,
  type Lang,
  type Question,
  type SpecifyTexts,
  type Survey,
  type SurveyResponse,
} from '@otklik/core/engine';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { KioskController } from './controllers/kiosk.js';
import { SubmissionController, type SendOutcome } from './controllers/submission.js';
import {
  OtklikResetEvent,
  OtklikStartEvent,
  OtklikStepEvent,
  OtklikSubmitEvent,
  type ResetReason,
} from './events/survey-events.js';
import { styles } from './feedback-survey.styles.js';
import { dictionaries, fill, plural, toLang, type Dictionary } from './i18n.js';
import { asCatalogs, fetchJson, resolveSource, surveyProblem } from './load.js';
import { renderQuestion } from './questions/render.js';
import { ids, type QuestionView } from './questions/view.js';
import { buildContext, buildResponse, catalogIds, uuid } from './response.js';
import {
  CARRY_ON,
  HEADING,
  completionScreen,
  idleWarning,
  sendError,
  startScreen,
} from './screens.js';

type Phase = 'start' | 'form' | 'sending' | 'done';

/** A one-page form of this many questions or more shows how many are answered. */
const LONG_FORM = 10;

/** `r[k]` if `r` has it as its own key: `answers.constructor` must not find Object's. */
const own = <T>(r: Readonly<Record<string, T>>, k: string): T | undefined =>
  Object.hasOwn(r, k) ? r[k] : undefined;

/**
 * A one-page form shows its first FIRST questions in the first frame, then four times as many in
 * each frame after (1, 4, 16, 64, 256…): the first question is on screen before the layout of a
 * 250-question form is paid for, and few frames re-lay out the growing form. The submit button
 * comes with the last chunk. One, not five: each further question in the first frame adds its
 * template's first instantiation and its text's first layout in a fresh page (bench-render.mjs).
 */
const FIRST = 1;

/** Calls `cb` once the next frame has been produced (or after 50 ms in a hidden tab, where rAF waits). */
const afterFrame = (cb: () => void): void => {
  let done = false;
  const once = () => {
    if (!done) cb();
    done = true;
  };
  requestAnimationFrame(() => setTimeout(once));
  setTimeout(once, 50);
};
type LoadState =
  /** `wait`: the parser has not reached an inline survey yet; nothing to paint for a few ms. */
  | { state: 'loading'; wait?: true }
  | { state: 'ready' }
  | { state: 'error'; key: 'loadError' | 'notSurvey' | 'noSource'; detail?: string };

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
 * @attr official-reply-url - Link shown on completion for people who need an official reply (Госуслуги / ПОС).
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
    idleSeconds: { type: Number, attribute: 'idle-seconds' },
    warnSeconds: { type: Number, attribute: 'warn-seconds' },
    thanksSeconds: { type: Number, attribute: 'thanks-seconds' },
    _load: { state: true },
    _phase: { state: true },
    _answers: { state: true },
    _errors: { state: true },
    _current: { state: true },
    _outcome: { state: true },
    _announce: { state: true },
    _fetchedCatalogs: { state: true },
    _limit: { state: true },
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
  declare idleSeconds: number | undefined;
  declare warnSeconds: number | undefined;
  declare thanksSeconds: number | undefined;

  declare private _load: LoadState;
  declare private _survey: Survey | undefined;
  declare private _phase: Phase;
  declare private _answers: Answers;
  declare private _specify: SpecifyTexts;
  /** Messages by question id: a Map, since a question may be called `constructor`. */
  declare private _errors: Map<string, string>;
  declare private _current: string | undefined;
  declare private _outcome: SendOutcome | undefined;
  declare private _announce: string;
  declare private _fetchedCatalogs: Record<string, CatalogEntry[]>;
  declare private _responseId: string | undefined;
  declare private _started: boolean;
  declare private _generation: number;
  declare private _queries: Map<string, string>;
  declare private _focus: string | undefined;
  declare private _focusError: string | undefined;
  declare private _stepped: string | undefined;
  declare private _abort: AbortController | undefined;
  declare private _submission: SubmissionController;
  declare private _kiosk: KioskController;
  /** Paper mode: forms entered since the page was opened. */
  declare private _entered: number;
  /** Focus the first field after the next render (paper mode: the operator keeps typing). */
  declare private _focusFirst: boolean;
  /** While the idle warning shows: what had focus before it. */
  declare private _away: { from: Element | null } | undefined;
  /** One-page layout: how many questions of the path are rendered so far. */
  declare private _limit: number;
  /** Resolves when the next chunk of a one-page form has been asked for. */
  declare private _more: Promise<void> | undefined;
  /** visiblePath of the survey and answers it was computed for (answers are replaced, never mutated). */
  declare private _memo: [Survey, Answers, string[]] | undefined;

  constructor() {
    super();
    this.contextFromUrl = false;
    this._load = { state: 'loading' };
    this._phase = 'form';
    this._answers = {};
    this._specify = {};
    this._errors = new Map();
    this._announce = '';
    this._fetchedCatalogs = {};
    this._started = false;
    this._generation = 0;
    this._entered = 0;
    this._focusFirst = false;
    this._queries = new Map();
    this._submission = new SubmissionController(this, {
      endpoint: () => this._source().endpoint,
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

  private get _lang(): Lang {
    return toLang(this.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang);
  }

  private get _paged(): boolean {
    return (this.layout ?? (this._isKiosk ? 'paged' : 'page')) === 'paged';
  }

  private _source() {
    return resolveSource({
      collector: this.collector,
      survey: this.survey,
      src: this.src,
      endpoint: this.endpoint,
    });
  }

  private get _catalogs(): Record<string, CatalogEntry[]> {
    return { ...this._survey?.catalogs, ...this._fetchedCatalogs, ...this.catalogs };
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (
      !this.hasUpdated ||
      ['collector', 'survey', 'src', 'definition'].some((k) => changed.has(k))
    ) {
      void this._loadSurvey();
    }
    if (changed.has('catalogUrl') && this.catalogUrl) void this._loadCatalogs(this.catalogUrl);
  }

  private async _loadSurvey(): Promise<void> {
    this._abort?.abort();
    const ac = new AbortController();
    this._abort = ac;
    if (this.definition) return this._accept(this.definition);
    const inline = this.querySelector(':scope > script[type="application/json"]');
    if (inline) {
      try {
        return this._accept(JSON.parse(inline.textContent ?? ''));
      } catch {
        return this._accept(undefined);
      }
    }
    const url = this._source().surveyUrl;
    if (!url) {
      // Defined before the parser reached our children: the inline survey may not exist yet.
      if (document.readyState === 'loading') {
        // No "loading" text meanwhile: it would cost a frame of its own before the first question.
        this._load = { state: 'loading', wait: true };
        document.addEventListener('DOMContentLoaded', () => void this._loadSurvey(), {
          once: true,
        });
      } else this._load = { state: 'error', key: 'noSource' };
      return;
    }
    this._load = { state: 'loading' };
    try {
      const json = await fetchJson(url, ac.signal);
      if (!ac.signal.aborted) this._accept(json);
    } catch (e) {
      if (!ac.signal.aborted) this._load = { state: 'error', key: 'loadError', detail: String(e) };
    }
  }

  private async _loadCatalogs(url: string): Promise<void> {
    try {
      this._fetchedCatalogs = asCatalogs(await fetchJson(url));
    } catch {
      // A missing catalogue leaves its list questions with the survey's own options; not fatal.
    }
  }

  private _accept(v: unknown): void {
    const problem = surveyProblem(v);
    if (problem) {
      this._load = { state: 'error', key: 'notSurvey', detail: problem };
      return;
    }
    this._survey = v as Survey;
    this._load = { state: 'ready' };
    this._clear();
    this._focusFirst = this._isPaper;
  }

  /** Forgets every answer: a new answers object, no response id, fresh inputs (new keyed subtree). */
  private _clear(): void {
    this._answers = {};
    this._specify = {};
    this._errors = new Map();
    this._queries = new Map();
    this._responseId = undefined;
    this._outcome = undefined;
    this._current = undefined;
    this._stepped = undefined;
    this._started = false;
    this._announce = '';
    this._generation++;
    this._limit = FIRST;
    this._phase = this._isKiosk ? 'start' : 'form';
  }

  private _wipe(reason: ResetReason): void {
    this._kiosk.stop();
    this._clear();
    // Focus would otherwise fall to <body> with the removed form: the next visitor starts here.
    if (this._isKiosk) this._focus = HEADING;
    this.dispatchEvent(new OtklikResetEvent(reason));
  }

  private _begin(): void {
    if (this._started) return;
    this._started = true;
    this.dispatchEvent(new OtklikStartEvent());
  }

  private _set(id: string, v: AnswerValue | undefined): void {
    this._begin();
    const next = { ...this._answers };
    if (v === undefined) delete next[id];
    else next[id] = v;
    this._answers = next;
    this._responseId ??= uuid();
    if (this._errors.has(id)) this._recheck([id]);
  }

  private _setSpecify(id: string, option: string, text: string): void {
    this._specify = { ...this._specify, [id]: { ...own(this._specify, id), [option]: text } };
    if (this._errors.has(id)) this._recheck([id]);
    this.requestUpdate();
  }

  /**
   * The response as it would be sent now, and the engine's verdict on it: the same
   * `validateResponse` the collector runs, so a respondent never meets a server-side refusal.
   */
  private _check(): { response: SurveyResponse; issues: Issue[] } {
    const s = this._survey!;
    this._responseId ??= uuid();
    const context = buildContext(
      s,
      {
        object: this.object,
        channel: this.channel ?? (this._isPaper ? 'paper' : undefined),
        touchpoint: this.touchpoint,
        respondent: this.respondent,
        kiosk: this._isKiosk,
        fromUrl: this.contextFromUrl,
      },
      location.search,
    );
    const response = buildResponse(s, this._answers, this._specify, {
      responseId: this._responseId,
      lang: this._lang,
      context,
    });
    const r = validateResponse(s, response, { catalogs: catalogIds(this._catalogs) });
    return r.ok ? { response: r.value, issues: [] } : { response, issues: r.issues };
  }

  /** Shows or clears the messages of these questions; returns the ids still in error. */
  private _recheck(qids: string[], issues = this._check().issues): string[] {
    const d = dictionaries[this._lang];
    const errors = new Map(this._errors);
    for (const id of qids) errors.delete(id);
    for (const i of issues) {
      const id = String(i.path[1]);
      if (!qids.includes(id) || errors.has(id)) continue;
      errors.set(
        id,
        i.path[0] === 'specify' && i.code === 'required'
          ? d.specifyRequired
          : i.message[this._lang],
      );
    }
    this._errors = errors;
    return qids.filter((id) => errors.has(id));
  }

  private _path(): string[] {
    const s = this._survey!;
    const m = this._memo;
    if (m?.[0] === s && m[1] === this._answers) return m[2];
    const path = visiblePath(s, this._answers);
    this._memo = [s, this._answers, path];
    return path;
  }

  private _currentId(path: string[]): string {
    return this._current && path.includes(this._current) ? this._current : path[0]!;
  }

  /** Shows the messages and moves focus to the first field in error. */
  private _showErrors(bad: string[]): void {
    const d = dictionaries[this._lang];
    this._announce =
      bad.length > 1 ? plural(this._lang, d.errors, bad.length) : (this._errors.get(bad[0]!) ?? '');
    this._focusError = bad[0];
  }

  /** The field to focus in a question in error: its specify box, the first unanswered matrix row, or its first input. */
  private _errorField(qid: string): HTMLElement | null | undefined {
    const box = this.shadowRoot?.querySelector(`[data-q="${CSS.escape(qid)}"]`);
    if (!box) return undefined;
    const row = [...box.querySelectorAll('.row')].find((r) => !r.querySelector(':checked'));
    return (
      box.querySelector<HTMLElement>('.specify') ??
      row?.querySelector<HTMLElement>('input') ??
      box.querySelector<HTMLElement>('input:checked, input, textarea')
    );
  }

  private _next(): void {
    const path = this._path();
    const id = this._currentId(path);
    if (this._recheck([id]).length) return this._showErrors([id]);
    const k = path.indexOf(id);
    if (k + 1 >= path.length) return void this._send();
    this._go(path[k + 1]!);
  }

  private _back(): void {
    const path = this._path();
    const k = path.indexOf(this._currentId(path));
    if (k > 0) this._go(path[k - 1]!);
  }

  private _go(id: string): void {
    this._current = id;
    this._focus = ids.title(id);
  }

  private async _send(): Promise<void> {
    const { response, issues } = this._check();
    const bad = this._recheck(this._path(), issues);
    if (bad.length) return this._showErrors(bad);
    // Issues outside the answers (context, ids) would be a widget bug: say so rather than send.
    if (issues[0]) {
      this._announce = issues[0].message[this._lang];
      return;
    }
    this._begin();
    this.dispatchEvent(new OtklikSubmitEvent(response));
    this._phase = 'sending';
    const outcome = await this._submission.submit(response);
    this._outcome = outcome;
    if ((outcome.status === 'sent' || outcome.status === 'queued') && this._isPaper) {
      // The next paper form at once, empty, with the cursor in its first field.
      this._clear();
      this._announce = fill(dictionaries[this._lang].paperSaved, { n: ++this._entered });
      this._focusFirst = true;
    } else if (outcome.status === 'sent' || outcome.status === 'queued') {
      this._phase = 'done';
      this._focus = HEADING;
      this._kiosk.finished();
    } else {
      this._phase = 'form';
      this._announce = sendError(dictionaries[this._lang], this._lang, outcome) ?? '';
    }
  }

  protected override updated(): void {
    // The idle warning takes focus while it shows and gives it back to where it was after.
    const warning = this._kiosk.warningSecondsLeft !== null;
    if (warning && !this._away) {
      this._away = { from: this.shadowRoot?.activeElement ?? null };
      this._focus = CARRY_ON;
    } else if (!warning && this._away) {
      const { from } = this._away;
      this._away = undefined;
      if (from?.isConnected && this._phase === 'form') (from as HTMLElement).focus();
    }
    if (this._focus) {
      const el = this.shadowRoot?.getElementById(this._focus);
      this._focus = undefined;
      el?.focus();
    }
    if (this._focusFirst) {
      const first = this.shadowRoot?.querySelector<HTMLElement>(
        '[part=question] input, [part=question] textarea',
      );
      this._focusFirst = !first;
      first?.focus();
    }
    if (this._focusError) {
      const el = this._errorField(this._focusError);
      this._focusError = undefined;
      el?.focus();
    }
    if (this._survey && this._phase === 'form' && this._load.state === 'ready') {
      const path = this._path();
      if (!this._paged) {
        if (this._limit < path.length) {
          this._more ??= new Promise((resolve) =>
            afterFrame(() => {
              this._more = undefined;
              this._limit *= 4;
              resolve();
            }),
          );
        }
        return;
      }
      const id = this._currentId(path);
      if (id !== this._stepped) {
        this._stepped = id;
        this.dispatchEvent(
          new OtklikStepEvent({ questionId: id, index: path.indexOf(id), total: path.length }),
        );
      }
    }
  }

  /** Also waits for the rest of a one-page form, so `await el.updateComplete` sees every question. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let done = await super.getUpdateComplete();
    while (this._more) {
      await this._more;
      done = await super.getUpdateComplete();
    }
    return done;
  }

  private _view(
    q: Question,
    d: Dictionary,
    lang: Lang,
    catalogs: Record<string, CatalogEntry[]>,
  ): QuestionView {
    return {
      q,
      lang,
      d,
      order: this._order(),
      value: own(this._answers, q.id),
      specify: own(this._specify, q.id) ?? {},
      error: this._errors.get(q.id),
      rows: q.type === 'matrix' ? visibleRows(q, this._answers) : [],
      entries: q.type === 'list' ? (q.options ?? catalogs[q.catalog ?? ''] ?? []) : [],
      query: this._queries.get(q.id) ?? '',
      setQuery: (t) => {
        this._queries.set(q.id, t);
        this.requestUpdate();
      },
      set: (v) => this._set(q.id, v),
      current: () => own(this._answers, q.id),
      setSpecify: (o, t) => this._setSpecify(q.id, o, t),
      focus: (id) => {
        this._focus = id;
      },
    };
  }

  /** One direction for every scale of the form: the attribute's, else the survey's first scale's. */
  private _order(): 'asc' | 'desc' {
    const first = this._survey?.questions.find((q) => q.type === 'scale' || q.type === 'matrix');
    const spec =
      first?.type === 'matrix' ? first.scale : first?.type === 'scale' ? first : undefined;
    return this.scaleOrder ?? spec?.order ?? 'asc';
  }

  private _form(s: Survey, d: Dictionary, lang: Lang): TemplateResult {
    const path = this._path();
    const byId = new Map(s.questions.map((q) => [q.id, q]));
    const catalogs = this._catalogs;
    const current = this._currentId(path);
    const k = path.indexOf(current);
    const shown = this._paged ? [current] : path.slice(0, this._limit);
    const complete = shown.length === path.length || this._paged;
    const busy = this._phase === 'sending';
    const last = !this._paged || k + 1 >= path.length;
    const failed = sendError(d, lang, this._outcome);
    return html`<form
      part="form"
      novalidate
      aria-busy=${complete ? nothing : 'true'}
      @keydown=${(e: KeyboardEvent) => {
        if (e.key !== 'Enter') return;
        // Paper mode: Ctrl+Enter sends from anywhere, so the operator's hands stay on the keys.
        if (this._isPaper && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          (e.currentTarget as HTMLFormElement).requestSubmit();
        }
        // Enter in a field of a one-page form would submit it half-answered: only the button sends.
        else if (!this._paged && e.composedPath()[0] instanceof HTMLInputElement)
          e.preventDefault();
      }}
      @submit=${(e: Event) => {
        e.preventDefault();
        // Read the phase now, not from this render: a second Enter may come before the next render.
        if (this._phase === 'sending') return;
        if (this._paged) this._next();
        else void this._send();
      }}
    >
      <h2 part="title" id=${HEADING} tabindex="-1">${localize(s.title, lang)}</h2>
      ${!this._paged && s.description ? html`<p>${localize(s.description, lang)}</p>` : nothing}
      ${
        this._isPaper
          ? html`<p class="progress" part="entered">${fill(d.entered, { n: this._entered })}</p>`
          : nothing
      }
      ${
        this._paged
          ? html`<p class="progress" part="progress">
              ${fill(d.progress, { n: k + 1, total: path.length })}
            </p>`
          : this._answeredNote(path, d, byId)
      }
      ${shown.map((id) => renderQuestion(this._view(byId.get(id)!, d, lang, catalogs)))}
      ${failed ? html`<p class="error" part="error"><span aria-hidden="true">⚠ </span>${failed}</p>` : nothing}
      ${complete ? this._nav(d, k, last, busy) : nothing}
    </form>`;
  }

  /** «Отвечено 7 из 26» on a one-page form long enough to lose one's place in. */
  private _answeredNote(
    path: string[],
    d: Dictionary,
    byId: Map<string, Question>,
  ): TemplateResult | typeof nothing {
    const asked = path.filter((id) => byId.get(id)?.type !== 'statement');
    if (asked.length < LONG_FORM) return nothing;
    const n = asked.filter((id) => Object.hasOwn(this._answers, id)).length;
    return html`<p class="progress" part="progress">
      ${fill(d.answered, { n, total: asked.length })}
    </p>`;
  }

  private _nav(d: Dictionary, k: number, last: boolean, busy: boolean): TemplateResult {
    return html`<div class="nav">
      ${
        this._paged && k > 0
          ? html`<button type="button" part="button back-button" @click=${() => this._back()}>
              ${d.back}
            </button>`
          : nothing
      }
      <button
        type="submit"
        class="primary"
        part="button ${last ? 'submit-button' : 'next-button'}"
        ?disabled=${busy}
      >
        ${busy ? d.sending : last ? d.submit : d.next}
      </button>
    </div>`;
  }

  private _body(d: Dictionary, lang: Lang): unknown {
    const load = this._load;
    if (load.state === 'loading')
      return load.wait ? nothing : html`<p class="state">${d.loading}</p>`;
    if (load.state === 'error') {
      return html`<div class="state" part="error">
        <p>${fill(d[load.key], { detail: load.detail ?? '' })}</p>
        ${
          load.key === 'loadError'
            ? html`<button type="button" part="button" @click=${() => void this._loadSurvey()}>
                ${d.retry}
              </button>`
            : nothing
        }
      </div>`;
    }
    const s = this._survey!;
    const waiting = this._submission.waiting;
    if (this._phase === 'start') {
      return startScreen(s, lang, d, waiting, this._submission.refused, () => {
        this._phase = 'form';
        this._begin();
        this._kiosk.activity();
        this._focus = HEADING;
      });
    }
    if (this._phase === 'done') {
      return completionScreen(s, lang, d, this._outcome, this.officialReplyUrl, waiting);
    }
    const warn = this._kiosk.warningSecondsLeft;
    return html`${warn !== null ? idleWarning(d, this._kiosk.warnSeconds, warn, () => this._kiosk.activity()) : nothing}
    ${
      // Two templates alternate with each wipe: lit then builds the form's DOM anew, so no input can
      // keep a value from the previous respondent (what keyed() does, without its bytes). Their
      // strings differ: a minifier merges the branches of `c ? f(x) : f(x)` into one call site.
      this._generation % 2
        ? html`<div>${this._form(s, d, lang)}</div>`
        : html`<div class="">${this._form(s, d, lang)}</div>`
    }`;
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
