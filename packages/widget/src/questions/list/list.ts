import type { CatalogEntry, ChoiceOption, ListQuestion } from '@otklik/core/engine';
import { localize } from '@otklik/core/engine';
import { html, nothing, type TemplateResult } from 'lit';
import { plural } from '../../i18n.js';
import { toggle } from '../multiple/multiple.js';
import { choice, describedBy, frame, ids, type QuestionView } from '../view.js';

/** Most entries shown at once; typing narrows the rest. */
const SHOWN = 50;

/** Entries whose text contains every word typed, case-insensitively. */
export function filterEntries(
  entries: CatalogEntry[],
  query: string,
  lang: 'ru' | 'en',
): CatalogEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  return entries.filter((e) => {
    const t = localize(e.text, lang).toLowerCase();
    return words.every((w) => t.includes(w));
  });
}

/**
 * Pick from a long list (the body's catalogue of services, municipalities): a search box that
 * filters a native radio group (or checkboxes with `multiple`). Native controls keep arrow keys,
 * Space and every screen reader working without a scripted listbox, and cost a fraction of the
 * bytes of an ARIA combobox; chosen entries stay listed whatever is typed. The number of matches
 * is announced politely.
 */
export function renderList(v: QuestionView<ListQuestion>): TemplateResult {
  const { q, lang, d, query } = v;
  const many = q.multiple === true;
  const chosen = ([] as unknown[]).concat(v.value ?? []);
  const matches = filterEntries(v.entries, query, lang);
  const shown = v.entries.filter(
    (e) => chosen.includes(e.id) || matches.slice(0, SHOWN).includes(e),
  );
  const hint = ids.control(q.id, '-h');
  return frame(
    v,
    html`<input
        type="search"
        id=${ids.control(q.id)}
        autocomplete="off"
        aria-invalid=${v.error ? 'true' : nothing}
        aria-labelledby=${ids.title(q.id)}
        aria-describedby=${[hint, describedBy(v)].filter((x) => x !== nothing).join(' ')}
        .value=${query}
        @input=${(e: Event) => v.setQuery((e.target as HTMLInputElement).value)}
        @keydown=${(e: KeyboardEvent) => e.key === 'Enter' && e.preventDefault()}
      />
      <p class="hint" id=${hint}>${d.searchHint}</p>
      <div class="opts">
        ${shown.map((e) =>
          many
            ? choice(v, e, 'checkbox', q.id, chosen.includes(e.id), (on) => {
                const now = v.current();
                const next = toggle(
                  v.entries as ChoiceOption[],
                  Array.isArray(now) ? now : [],
                  e,
                  on,
                );
                v.set(next.length ? next : undefined);
              })
            : choice(v, e, 'radio', q.id, v.value === e.id, (on) => on && v.set(e.id)),
        )}
      </div>
      <p class="vh" role="status">
        ${query ? (matches.length ? plural(lang, d.matches, matches.length) : d.noMatches) : ''}
      </p>`,
  );
}
