import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface KioskConfig {
  /** Off outside kiosk mode: every call is then a no-op. */
  enabled: () => boolean;
  /** Quiet time before the idle warning appears. */
  idleMs: () => number;
  /** Length of the warning's countdown: WCAG 2.2.1 asks for at least 20 s to respond. */
  warnMs: () => number;
  /** How long the thank-you screen stays after a submit. */
  thanksMs: () => number;
  /** Wipe the survey: the visitor walked away (`kiosk-idle`) or finished (`kiosk-next`). */
  onReset: (reason: 'kiosk-idle' | 'kiosk-next') => void;
}

/**
 * The shared-tablet life cycle: a visitor who stops touching the survey is warned with a
 * countdown, then the survey is wiped for the next person; after a submit the thank-you screen
 * stays `thanksMs`, then the survey is wiped. Real timers, cleared when the host disconnects.
 * @example
 * class MySurvey extends LitElement {
 *   private kiosk = new KioskController(this, {
 *     enabled: () => this.mode === 'kiosk', idleMs: () => 60_000, warnMs: () => 30_000,
 *     thanksMs: () => 8_000,
 *     onReset: () => this.wipe(),
 *   });
 *   render() { const s = this.kiosk.warningSecondsLeft; return s === null ? this.form() : html`Сброс через ${s} с`; }
 * }
 */
export class KioskController implements ReactiveController {
  private _left: number | null = null;
  private _timer: ReturnType<typeof setTimeout> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly config: KioskConfig,
  ) {
    host.addController(this);
  }

  /** The whole countdown, in seconds: what the warning announces, once. */
  get warnSeconds(): number {
    return Math.ceil(this.config.warnMs() / 1000);
  }

  /** Seconds until the wipe while the idle warning shows, else `null`. */
  get warningSecondsLeft(): number | null {
    return this._left;
  }

  hostDisconnected(): void {
    this.stop();
  }

  /** The visitor is here: restart the idle timer and cancel any warning. */
  activity(): void {
    if (!this.config.enabled()) return;
    this.stop();
    this._timer = setTimeout(() => this._tick(this.warnSeconds), this.config.idleMs());
  }

  /** A response went out: keep the thank-you screen `thanksMs`, then reset for the next visitor. */
  finished(): void {
    if (!this.config.enabled()) return;
    this.stop();
    this._timer = setTimeout(() => this.config.onReset('kiosk-next'), this.config.thanksMs());
  }

  /** Cancels every timer and hides the warning. */
  stop(): void {
    clearTimeout(this._timer);
    this._set(null);
  }

  /** One second of the countdown; a chain of timeouts, so `stop()` needs to clear only one. */
  private _tick(left: number): void {
    if (left <= 0) {
      this.stop();
      this.config.onReset('kiosk-idle');
      return;
    }
    this._set(left);
    this._timer = setTimeout(() => this._tick(left - 1), 1000);
  }

  private _set(left: number | null): void {
    if (left === this._left) return;
    this._left = left;
    this.host.requestUpdate();
  }
}
