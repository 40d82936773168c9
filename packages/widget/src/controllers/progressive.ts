import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface ProgressiveConfig {
  /** How many items there are to show now (0 when nothing grows, e.g. the paged layout). */
  total: () => number;
}

/** Questions in the first frame (see below). */
const FIRST = 1;

/**
 * A one-page form shows its first FIRST questions in the first frame, then four times as many in
 * each frame after (1, 4, 16, 64, 256…): the first question is on screen before the layout of a
 * 250-question form is paid for, and few frames re-lay out the growing form. One, not five: each
 * further question in the first frame adds its template's first instantiation and its text's first
 * layout in a fresh page (bench-render.mjs).
 * @example
 * const p = new ProgressiveController(host, { total: () => path.length });
 * render() { return path.slice(0, p.limit).map(q); }
 */
export class ProgressiveController implements ReactiveController {
  limit = FIRST;
  /** Resolves when the next chunk has been asked for; undefined when all is shown. */
  more: Promise<void> | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly config: ProgressiveConfig,
  ) {
    host.addController(this);
  }

  reset(): void {
    this.limit = FIRST;
  }

  hostUpdated(): void {
    if (this.more || this.limit >= this.config.total()) return;
    this.more = new Promise((resolve) =>
      afterFrame(() => {
        this.more = undefined;
        this.limit *= 4;
        this.host.requestUpdate();
        resolve();
      }),
    );
  }
}

/** Calls `cb` once the next frame has been produced (or after 50 ms in a hidden tab, where rAF waits). */
function afterFrame(cb: () => void): void {
  let done = false;
  const once = () => {
    if (!done) cb();
    done = true;
  };
  requestAnimationFrame(() => setTimeout(once));
  setTimeout(once, 50);
}
