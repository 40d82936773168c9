import { nextQuestion, previousQuestion, type Answers, type Survey } from '@otklik/core/engine';
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface PagingConfig {
  survey: () => Survey;
  answers: () => Answers;
  /** The path as the answers controller keeps it (computed once per answers). */
  path: () => string[];
  /** The paged form is on screen. */
  active: () => boolean;
  /** A question is now the current one (paged layout): e.g. fire `otklik-step`, move focus. */
  onStep: (id: string, index: number, total: number) => void;
}

/**
 * The paged layout: which question is on screen, next and back along the respondent's path (the
 * engine's `nextQuestion` / `previousQuestion`, so skips are the engine's), and one step event per
 * question shown.
 * @example
 * const p = new PagingController(host, { survey, answers, path, onStep: (id) => focus(id) });
 * p.next(); // false at the end of the path: time to send
 */
export class PagingController implements ReactiveController {
  private _current: string | undefined;
  private _stepped: string | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly config: PagingConfig,
  ) {
    host.addController(this);
  }

  /** The question on screen: the chosen one while it is on the path, else the path's first. */
  get current(): string {
    const path = this.config.path();
    return this._current && path.includes(this._current) ? this._current : path[0]!;
  }

  /** Moves to the next question; false when the current one is the last. */
  next(): boolean {
    const id = nextQuestion(this.config.survey(), this.config.answers(), this.current);
    if (id) this._go(id);
    return !!id;
  }

  back(): void {
    const id = previousQuestion(this.config.survey(), this.config.answers(), this.current);
    if (id) this._go(id);
  }

  reset(): void {
    this._current = this._stepped = undefined;
  }

  /** Tells the host once per question shown. */
  hostUpdated(): void {
    if (!this.config.active()) return;
    const id = this.current;
    if (id === this._stepped) return;
    this._stepped = id;
    const path = this.config.path();
    this.config.onStep(id, path.indexOf(id), path.length);
  }

  private _go(id: string): void {
    this._current = id;
    this.host.requestUpdate();
  }
}
