import type { Lang } from '@otklik/core/engine';
import type { ReactiveControllerHost } from 'lit';
import { OtklikResetEvent, OtklikSubmitEvent, type ResetReason } from '../events/survey-events.js';
import { dictionaries, fill, plural } from '../i18n.js';
import type { QuestionSlots } from '../questions/slot.js';
import { ids } from '../questions/view.js';
import { HEADING, sendError } from '../screens.js';
import type { AnswersController } from './answers.js';
import type { FocusController } from './focus.js';
import type { KioskController } from './kiosk.js';
import type { PagingController } from './paging.js';
import type { ProgressiveController } from './progressive.js';
import type { SendOutcome, SubmissionController } from './submission.js';

/** The kiosk start screen, the form, the form while its response is sent, the thank-you screen. */
export type Phase = 'start' | 'form' | 'sending' | 'done';

/**
 * What the flow reads from its host: the element's other controllers and settings. The host is
 * the config: its members are `_`-named (internal to the element, and short in the bundle).
 */
export interface FlowConfig {
  readonly _a: AnswersController;
  readonly _paging: PagingController;
  readonly _focus: FocusController;
  readonly _submission: SubmissionController;
  readonly _kiosk: KioskController;
  readonly _lang: Lang;
  readonly _paged: boolean;
  /** kiosk: a start screen before each respondent; paper: the next empty form at once after each. */
  readonly mode: 'kiosk' | 'paper' | undefined;
  /** Question slots and the one-page form's growth: a new respondent's form is rendered anew. */
  readonly _slots: QuestionSlots;
  readonly _grow: ProgressiveController;
}

/**
 * One respondent's way through the survey: the screen shown (`_phase`), next and back, the checks
 * before a send, the send itself and what follows it (thanks, the error, or paper mode's next
 * form), and the wipe for the next respondent. What it says goes to the live region (`_announce`).
 * Its state is `_`-named like the host's members: read by the element's templates, short in the
 * bundle (the minifier shortens `_x` properties).
 * @fires otklik-submit - OtklikSubmitEvent: a valid response is being sent.
 * @fires otklik-reset - OtklikResetEvent: answers wiped.
 * @example
 * class MySurvey extends LitElement implements FlowConfig {
 *   _a = new AnswersController(this, …); // and _paging, _focus, _submission, _kiosk, _lang…
 *   _flow = new FlowController(this);
 *   render() { return this._flow._phase === 'done' ? html`Спасибо!` : form({ submit: () => this._flow.submit() }); }
 * }
 */
export class FlowController {
  _phase: Phase = 'form';
  /** How the last send ended. */
  _outcome: SendOutcome | undefined;
  /** The live region's text. */
  _announce = '';
  /** Paper mode: forms entered since the page was opened. */
  _entered = 0;
  /** Bumped by each clear: the host builds the form's DOM anew (see form.ts `anew`). */
  _generation = 0;

  constructor(private readonly host: ReactiveControllerHost & HTMLElement & FlowConfig) {
    // Any input inside the survey keeps a kiosk session alive (events from the shadow root are
    // composed). No lifecycle hook is needed, so the flow is not added to the host's controllers.
    for (const t of ['pointerdown', 'keydown', 'input'])
      host.addEventListener(t, () => {
        if (this._phase === 'form') host._kiosk.activity();
      });
  }

  /**
   * Forgets every answer: no response id, fresh inputs, the first screen (paper: its first field).
   * The only way back to the form from a screen without it (a new survey loaded, a wipe, a new
   * paper form), so the host's question slots are cleared here, not by each screen.
   */
  clear(): void {
    const h = this.host;
    h._a.clear();
    h._paging.reset();
    h._slots.clear();
    h._grow.reset();
    this._outcome = undefined;
    this._announce = '';
    this._generation++;
    this._phase = h.mode === 'kiosk' ? 'start' : 'form';
    if (h.mode === 'paper') h._focus.first();
    h.requestUpdate();
  }

  /** Clears for the next respondent and tells the page why. */
  wipe(reason: ResetReason): void {
    const h = this.host;
    h._kiosk.stop();
    this.clear();
    // Focus would otherwise fall to <body> with the removed form: the next visitor starts here.
    if (h.mode === 'kiosk') h._focus.to(HEADING);
    h.dispatchEvent(new OtklikResetEvent(reason));
  }

  /** The kiosk start screen's button (an arrow: templates pass it as it is). */
  start = (): void => {
    const h = this.host;
    this._set('form');
    h._a.begin();
    h._kiosk.activity();
    h._focus.to(HEADING);
  };

  /** The form's submit: paged, the next question (a send after the last); one page, a send. */
  async submit(): Promise<void> {
    // Read the phase now, not from a render: a second Enter may come before the next render.
    if (this._phase === 'sending') return;
    const h = this.host;
    if (h._paged) {
      const id = h._paging.current;
      if (h._a.recheck([id]).length) return this._errors([id]);
      if (h._paging.next()) return this._title();
    }
    return this._send();
  }

  /** The previous question (an arrow: templates pass it as it is). */
  back = (): void => {
    this.host._paging.back();
    this._title();
  };

  /** Focus goes to the title of the question now on screen. */
  private _title(): void {
    const h = this.host;
    h._focus.to(ids.title(h._paging.current));
  }

  private async _send(): Promise<void> {
    const h = this.host;
    const a = h._a;
    const { response, issues } = a.check();
    const bad = a.recheck(a.path(), issues);
    if (bad.length) return this._errors(bad);
    // Issues outside the answers (context, ids) would be a widget bug: say so rather than send.
    if (issues[0]) return this._set('form', issues[0].message[h._lang]);
    a.begin();
    h.dispatchEvent(new OtklikSubmitEvent(response));
    this._set('sending');
    const outcome = await h._submission.submit(response);
    const lang = h._lang;
    const d = dictionaries[lang];
    if (outcome.status !== 'sent' && outcome.status !== 'queued') {
      this._outcome = outcome;
      return this._set('form', sendError(d, lang, outcome) ?? '');
    }
    if (h.mode === 'paper') {
      // The next paper form at once, empty, with the cursor in its first field.
      this.clear();
      return this._set('form', fill(d.paperSaved, { n: ++this._entered }));
    }
    this._outcome = outcome;
    this._set('done');
    h._focus.to(HEADING);
    h._kiosk.finished();
  }

  /** Announces the messages and moves focus to the first field in error. */
  private _errors(bad: string[]): void {
    const h = this.host;
    this._set(
      'form',
      bad.length > 1
        ? plural(h._lang, dictionaries[h._lang].errors, bad.length)
        : (h._a.errors.get(bad[0]!) ?? ''),
    );
    h._focus.error(bad[0]!);
  }

  /** Shows this phase and says this (the live region keeps its text when there is nothing new). */
  private _set(phase: Phase, text = this._announce): void {
    this._phase = phase;
    this._announce = text;
    this.host.requestUpdate();
  }
}
