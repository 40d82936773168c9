import type { Lang } from '@otklik/core/engine';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { OtklikResetEvent, OtklikSubmitEvent, type ResetReason } from '../events/survey-events.js';
import { dictionaries, fill, plural } from '../i18n.js';
import { ids } from '../questions/view.js';
import { HEADING, sendError } from '../screens.js';
import type { AnswersController } from './answers.js';
import type { FocusController } from './focus.js';
import type { KioskController } from './kiosk.js';
import type { PagingController } from './paging.js';
import type { SendOutcome, SubmissionController } from './submission.js';

/** The kiosk start screen, the form, the form while its response is sent, the thank-you screen. */
export type Phase = 'start' | 'form' | 'sending' | 'done';

export interface FlowConfig {
  answers: AnswersController;
  paging: PagingController;
  focus: FocusController;
  submission: SubmissionController;
  kiosk: KioskController;
  lang: () => Lang;
  /** kiosk: a start screen before each respondent; paper: the next empty form at once after each. */
  mode: () => 'kiosk' | 'paper' | undefined;
  paged: () => boolean;
  /** A new respondent: the host forgets what it rendered for the last one (slots, growth). */
  onClear: () => void;
}

/**
 * One respondent's way through the survey: the screen shown (`phase`), next and back, the checks
 * before a send, the send itself and what follows it (thanks, the error, or paper mode's next
 * form), and the wipe for the next respondent. What it says goes to the live region (`announce`).
 * @fires otklik-submit - OtklikSubmitEvent: a valid response is being sent.
 * @fires otklik-reset - OtklikResetEvent: answers wiped.
 * @example
 * class MySurvey extends LitElement {
 *   private flow = new FlowController(this, { answers, paging, focus, submission, kiosk, … });
 *   render() { return this.flow.phase === 'done' ? html`Спасибо!` : form({ submit: () => this.flow.submit() }); }
 * }
 */
export class FlowController implements ReactiveController {
  phase: Phase = 'form';
  /** How the last send ended. */
  outcome: SendOutcome | undefined;
  /** The live region's text. */
  announce = '';
  /** Paper mode: forms entered since the page was opened. */
  entered = 0;
  /** Bumped by each clear: the host builds the form's DOM anew (see form.ts `anew`). */
  generation = 0;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly config: FlowConfig,
  ) {
    host.addController(this);
  }

  /** Any input inside the survey keeps a kiosk session alive (events from the shadow root are composed). */
  private readonly _alive = (): void => {
    if (this.phase === 'form') this.config.kiosk.activity();
  };

  hostConnected(): void {
    // The same listener again is not added twice: a reconnected host has one of each.
    for (const t of ['pointerdown', 'keydown', 'input']) this.host.addEventListener(t, this._alive);
  }

  /** Forgets every answer: no response id, fresh inputs, the first screen (paper: its first field). */
  clear(): void {
    const c = this.config;
    c.answers.clear();
    c.paging.reset();
    c.onClear();
    this.outcome = undefined;
    this.announce = '';
    this.generation++;
    this.phase = c.mode() === 'kiosk' ? 'start' : 'form';
    if (c.mode() === 'paper') c.focus.first();
    this.host.requestUpdate();
  }

  /** Clears for the next respondent and tells the page why. */
  wipe(reason: ResetReason): void {
    this.config.kiosk.stop();
    this.clear();
    // Focus would otherwise fall to <body> with the removed form: the next visitor starts here.
    if (this.config.mode() === 'kiosk') this.config.focus.to(HEADING);
    this.host.dispatchEvent(new OtklikResetEvent(reason));
  }

  /** The kiosk start screen's button. */
  start(): void {
    const { answers, kiosk, focus } = this.config;
    this._set('form');
    answers.begin();
    kiosk.activity();
    focus.to(HEADING);
  }

  /** The form's submit: paged, the next question (a send after the last); one page, a send. */
  async submit(): Promise<void> {
    // Read the phase now, not from a render: a second Enter may come before the next render.
    if (this.phase === 'sending') return;
    const { answers, paging, focus, paged } = this.config;
    if (paged()) {
      const id = paging.current;
      if (answers.recheck([id]).length) return this._errors([id]);
      if (paging.next()) return focus.to(ids.title(paging.current));
    }
    return this._send();
  }

  back(): void {
    const { paging, focus } = this.config;
    paging.back();
    focus.to(ids.title(paging.current));
  }

  private async _send(): Promise<void> {
    const { answers: a, focus, lang, mode } = this.config;
    const { response, issues } = a.check();
    const bad = a.recheck(a.path(), issues);
    if (bad.length) return this._errors(bad);
    // Issues outside the answers (context, ids) would be a widget bug: say so rather than send.
    if (issues[0]) return this._say(issues[0].message[lang()]);
    a.begin();
    this.host.dispatchEvent(new OtklikSubmitEvent(response));
    this._set('sending');
    const outcome = await this.config.submission.submit(response);
    const d = dictionaries[lang()];
    if (outcome.status !== 'sent' && outcome.status !== 'queued') {
      this.outcome = outcome;
      this._set('form');
      return this._say(sendError(d, lang(), outcome) ?? '');
    }
    if (mode() === 'paper') {
      // The next paper form at once, empty, with the cursor in its first field.
      this.clear();
      return this._say(fill(d.paperSaved, { n: ++this.entered }));
    }
    this.outcome = outcome;
    this._set('done');
    focus.to(HEADING);
    this.config.kiosk.finished();
  }

  /** Announces the messages and moves focus to the first field in error. */
  private _errors(bad: string[]): void {
    const { answers, lang } = this.config;
    this._say(
      bad.length > 1
        ? plural(lang(), dictionaries[lang()].errors, bad.length)
        : (answers.errors.get(bad[0]!) ?? ''),
    );
    this.config.focus.error(bad[0]!);
  }

  private _say(text: string): void {
    this.announce = text;
    this.host.requestUpdate();
  }

  private _set(phase: Phase): void {
    this.phase = phase;
    this.host.requestUpdate();
  }
}
