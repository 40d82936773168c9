import { visibleRows, type CatalogEntry, type Lang, type Question } from '@otklik/core/engine';
import { guard } from 'lit/directives/guard.js';
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

/** No rows, no entries: one array, so that the guard sees the same input every time. */
const NONE: never[] = [];

/**
 * One question's template, rendered again only when what it shows changed (its answer, specify
 * texts, message, matrix rows, list entries or search text): an answer costs the questions it
 * touches, not the whole form.
 */
export function questionSlot(q: Question, c: SlotContext): unknown {
  const { a, lang } = c;
  const id = q.id;
  const rows = q.type === 'matrix' ? visibleRows(q, a.answers) : NONE;
  const entries = q.type === 'list' ? (q.options ?? c.catalogs[q.catalog ?? ''] ?? NONE) : NONE;
  const value = own(a.answers, id);
  const specify = own(a.specify, id);
  const error = a.errors.get(id);
  const query = a.queries.get(id) ?? '';
  return guard(
    [q, lang, c.order, value, specify, error, rows.map((r) => r.id).join(), entries, query],
    () =>
      renderQuestion({
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
      }),
  );
}
