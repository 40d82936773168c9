import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface FocusConfig {
  /** The tree ids and selectors are looked up in. */
  root: () => ShadowRoot | null;
  /** The idle warning shows (its button has this id): it takes focus, then gives it back. */
  warning: () => string | undefined;
}

/**
 * Where focus goes after a render: a named element (a question title on next/back, a screen's
 * heading), the first field of the form, or the field to fix in a question in error. It also lends
 * focus to the kiosk idle warning and gives it back to where it was.
 * @example
 * class MySurvey extends LitElement {
 *   private focus = new FocusController(this, { root: () => this.shadowRoot, warning: () => undefined });
 *   next() { this.current = 'q2'; this.focus.to('q-q2-t'); }
 * }
 */
export class FocusController implements ReactiveController {
  private _id: string | undefined;
  private _error: string | undefined;
  private _first = false;
  private _away: { from: Element | null } | undefined;

  constructor(
    host: ReactiveControllerHost,
    private readonly config: FocusConfig,
  ) {
    host.addController(this);
  }

  /** Focus the element with this id after the next render. */
  to(id: string): void {
    this._id = id;
  }

  /** Focus the form's first field after the next render (paper mode: the operator keeps typing). */
  first(): void {
    this._first = true;
  }

  /** Focus the field to fix in this question after the next render. */
  error(qid: string): void {
    this._error = qid;
  }

  hostUpdated(): void {
    const root = this.config.root();
    if (!root) return;
    const warning = this.config.warning();
    if (warning && !this._away) {
      this._away = { from: root.activeElement };
      this._id = warning;
    } else if (!warning && this._away) {
      const { from } = this._away;
      this._away = undefined;
      if (from?.isConnected) (from as HTMLElement).focus();
    }
    if (this._id) {
      const el = root.getElementById(this._id);
      this._id = undefined;
      el?.focus();
    }
    if (this._first) {
      const el = root.querySelector<HTMLElement>('[part=question] input, [part=question] textarea');
      this._first = !el;
      el?.focus();
    }
    if (this._error) {
      const el = errorField(root, this._error);
      this._error = undefined;
      el?.focus();
    }
  }
}

/** The field to focus in a question in error: its specify box, the first unanswered matrix row, or its first input. */
function errorField(root: ShadowRoot, qid: string): HTMLElement | null | undefined {
  const box = root.querySelector(`[data-q="${CSS.escape(qid)}"]`);
  if (!box) return undefined;
  const row = [...box.querySelectorAll('.row')].find((r) => !r.querySelector(':checked'));
  return (
    box.querySelector<HTMLElement>('.specify') ??
    row?.querySelector<HTMLElement>('input') ??
    box.querySelector<HTMLElement>('input:checked, input, textarea')
  );
}
