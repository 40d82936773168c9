import { visibleRows, type CatalogEntry, type Lang, type Question } from '@otklik/core/engine';
import { noChange, nothing } from 'lit';
import { own, type AnswersController } from '../controllers/answers.js';
import type { Dictionary } from '../i18n.js';
import { renderQuestion } from './render.js';

/** What every question of the form shares: the respondent's answers, texts and callbacks. */
export interface SlotContext {
  a: AnswersController;
  d: Dictionary;
  lang: Lang;
  order: 'asc' | 'desc';
  catalogs: Record<string, CatalogEntry[]>;
  /** Ask the element to focus this id after its next render. */
  focus: (id: string) => void;
  /** The host renders again (a list's search text is not an answer). */
  update: () => void;
}

/** No rows, no entries: one array, so that an unchanged question has the very same inputs. */
const NONE: never[] = [];

/**
 * The form's one slot per survey question. A question is rendered again only when what it shows
 * changed (its answer, specify texts, message, matrix rows, list entries, search text or language);
 * otherwise its slot gets lit's `noChange` and lit does not even walk its template. So an answer
 * costs the questions it touches, not the whole form (what `guard` does, without its bytes).
 * @example
 * const slots = new QuestionSlots();
 * html`${survey.questions.map((q) => slots.render(q, onPath(q), ctx))}`; // slots.clear() when the form's DOM goes
 */
export class QuestionSlots {
  /** Inputs each question's slot was last rendered with, while its DOM is on the page. */
  private _inputs = new Map<string, unknown[]>();

  /** The form's DOM is gone or built anew (another screen, a wipe): render every slot in full. */
  clear(): void {
    this._inputs.clear();
  }

  render(q: Question, shown: boolean, c: SlotContext): unknown {
    const { a, lang } = c;
    const id = q.id;
    if (!shown) {
      this._inputs.delete(id);
      return nothing;
    }
    const rows = q.type === 'matrix' ? visibleRows(q, a.answers) : NONE;
    const entries = q.type === 'list' ? (q.options ?? c.catalogs[q.catalog ?? ''] ?? NONE) : NONE;
    const value = own(a.answers, id);
    const specify = own(a.specify, id);
    const error = a.errors.get(id);
    const query = a.queries.get(id) ?? '';
    const inputs = [
      q,
      lang,
      c.order,
      value,
      specify,
      error,
      rows.map((r) => r.id).join(),
      entries,
      query,
    ];
    const last = this._inputs.get(id);
    if (last?.every((x, i) => x === inputs[i])) return noChange;
    this._inputs.set(id, inputs);
    return renderQuestion({
      q,
      lang,
      d: c.d,
      order: c.order,
      value,
      specify: specify ?? {},
      error,
      rows,
      entries,
      query,
      setQuery: (t) => {
        a.queries.set(id, t);
        c.update();
      },
      set: (v) => a.set(id, v),
      current: () => own(a.answers, id),
      setSpecify: (o, t) => a.setSpecify(id, o, t),
      focus: c.focus,
    });
  }
}
