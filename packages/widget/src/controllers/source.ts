import type { CatalogEntry, Survey } from '@otklik/core/engine';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { asCatalogs, fetchJson, surveyProblem } from '../load.js';

export type LoadState =
  /** `wait`: the parser has not reached an inline survey yet; nothing to paint for a few ms. */
  | { state: 'loading'; wait?: true }
  | { state: 'ready' }
  | { state: 'error'; key: 'loadError' | 'notSurvey' | 'noSource'; detail?: string };

export interface SourceConfig {
  /** The survey given as an object (wins over everything). */
  definition: () => Survey | undefined;
  /** The survey's URL (`src`, or the collector's), when there is one. */
  url: () => string | undefined;
  /** A new survey is in: the host forgets the answers given to the previous one. */
  onReady: (survey: Survey) => void;
}

/**
 * Where the survey comes from: the `definition` object, an inline
 * `<script type="application/json">` child, or a URL; plus run-time catalogues. A newer load
 * aborts an older one, so a late answer never replaces a newer survey. (Lit's `Task` would do the
 * aborting too, for bytes this small controller does not need.)
 * @example
 * class MySurvey extends LitElement {
 *   private source = new SourceController(this, {
 *     definition: () => this.definition, url: () => this.src, onReady: () => this.clear(),
 *   });
 *   render() { return this.source.state.state === 'ready' ? this.form(this.source.survey!) : 'Загрузка…'; }
 * }
 */
export class SourceController implements ReactiveController {
  state: LoadState = { state: 'loading' };
  survey: Survey | undefined;
  /** Catalogues fetched from `catalog-url`. */
  fetched: Record<string, CatalogEntry[]> = {};
  private _abort: AbortController | undefined;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly config: SourceConfig,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this._abort?.abort();
  }

  /** Loads (or reloads) the survey from wherever it is now defined. */
  async load(): Promise<void> {
    this._abort?.abort();
    const ac = new AbortController();
    this._abort = ac;
    const given = this.config.definition();
    if (given) return this._accept(given);
    const inline = this.host.querySelector(':scope > script[type="application/json"]');
    const url = this.config.url();
    if (inline || !url) {
      let json: unknown;
      try {
        json = JSON.parse(inline?.textContent ?? '');
      } catch {
        // not all there yet, or not JSON
      }
      // Defined before the parser reached (the end of) our children: look again on each node it
      // adds, not only at DOMContentLoaded — the rest of the page may take seconds.
      // (A JSON object that parses is whole: nothing can follow it.) No "loading" text meanwhile:
      // it would cost a frame of its own before the first question.
      if (!json && document.readyState === 'loading') {
        this._set({ state: 'loading', wait: true });
        // The next load (this one's or any other) aborts `ac`, which ends the watch: a survey is
        // accepted once, so answers given meanwhile are never wiped by a late look.
        const again = (): void => void this.load();
        const watch = new MutationObserver(again);
        watch.observe(document, { childList: true, subtree: true });
        document.addEventListener('DOMContentLoaded', again, { signal: ac.signal });
        ac.signal.onabort = () => watch.disconnect();
        return;
      }
      return inline ? this._accept(json) : this._set({ state: 'error', key: 'noSource' });
    }
    this._set({ state: 'loading' });
    try {
      const json = await fetchJson(url, ac.signal);
      if (!ac.signal.aborted) this._accept(json);
    } catch (e) {
      if (!ac.signal.aborted) this._set({ state: 'error', key: 'loadError', detail: String(e) });
    }
  }

  /** Fetches run-time catalogues; a missing one leaves list questions with the survey's own options. */
  async loadCatalogs(url: string): Promise<void> {
    try {
      this.fetched = asCatalogs(await fetchJson(url));
      this.host.requestUpdate();
    } catch {
      // not fatal
    }
  }

  private _accept(v: unknown): void {
    const problem = surveyProblem(v);
    if (problem) return this._set({ state: 'error', key: 'notSurvey', detail: problem });
    this.survey = v as Survey;
    this._set({ state: 'ready' });
    this.config.onReady(this.survey);
  }

  private _set(s: LoadState): void {
    this.state = s;
    this.host.requestUpdate();
  }
}
