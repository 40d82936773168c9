import type { CatalogEntry, ListQuestion } from '@otklik/core/engine';
import { localize } from '@otklik/core/engine';
import { html, nothing, type TemplateResult } from 'lit';
import { fill, plural } from '../../i18n.js';
import { describedBy, frame, ids, type QuestionView } from '../view.js';

/** Most entries rendered in the popup at once; typing narrows the rest. */
const SHOWN = 50;

/** Entries whose text contains every word typed, case-insensitively. */
export function filterEntries(entries: CatalogEntry[], query: string, lang: 'ru' | 'en'): CatalogEntry[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  if (!words.length) return entries;
  return entries.filter((e) => {
    const t = localize(e.text, lang).toLowerCase();
    return words.every((w) => t.includes(w));
  });
}

/**
 * Pick from a long list (the body's catalogue of services, municipalities): an editable combobox
 * with a list popup after the ARIA APG pattern — typing filters, arrow keys move the highlighted
 * option (`aria-activedescendant`), Enter chooses, Escape closes. With `multiple`, chosen entries
 * are listed with a remove button each.
 */
export function renderList(v: QuestionView<ListQuestion>): TemplateResult {
  const { q, combo, lang, d } = v;
  const many = q.multiple === true;
  const chosen = Array.isArray(v.value) ? v.value : typeof v.value === 'string' ? [v.value] : [];
  const textOf = (id: string) => {
    const e = v.entries.find((x) => x.id === id);
    return e ? localize(e.text, lang) : id;
  };
  const matches = filterEntries(v.entries, combo.query, lang);
  const shown = matches.slice(0, SHOWN);
  const active = Math.min(combo.active, shown.length - 1);
  const box = ids.control(q.id, '-lb');
  const optId = (i: number) => ids.control(q.id, `-o${i}`);

  const pick = (e: CatalogEntry) => {
    if (many) {
      const now = v.current();
      const had = Array.isArray(now) ? now : [];
      const next = had.includes(e.id) ? had : [...had, e.id];
      v.set(next);
      v.setCombo({ query: '', open: false, active: 0 });
    } else {
      v.set(e.id);
      v.setCombo({ query: localize(e.text, lang), open: false, active: 0 });
    }
  };
  const onKey = (ev: KeyboardEvent) => {
    const k = ev.key;
    if (k === 'ArrowDown' || k === 'ArrowUp') {
      ev.preventDefault();
      const step = k === 'ArrowDown' ? 1 : -1;
      const n = shown.length;
      if (!combo.open) v.setCombo({ open: true, active: step > 0 ? 0 : n - 1 });
      else if (n) v.setCombo({ active: (active + step + n) % n });
    } else if (k === 'Enter' && combo.open && shown[active]) {
      ev.preventDefault();
      pick(shown[active]);
    } else if (k === 'Escape' && combo.open) {
      ev.preventDefault();
      v.setCombo({ open: false });
    }
  };
  const onInput = (ev: Event) => {
    const query = (ev.target as HTMLInputElement).value;
    v.setCombo({ query, open: true, active: 0 });
    // Editing the text of a single choice unsets it until an entry is picked again.
    if (!many && chosen.length) v.set(undefined);
  };
  const open = combo.open && shown.length > 0;
  return frame(
    v,
    html`${many && chosen.length
        ? html`<ul class="chips">
            ${chosen.map(
              (id) => html`<li>
                ${textOf(id)}
                <button
                  type="button"
                  part="button"
                  aria-label=${fill(d.remove, { text: textOf(id) })}
                  @click=${() => {
                    const rest = chosen.filter((x) => x !== id);
                    v.set(rest.length ? rest : undefined);
                    v.focus(ids.control(q.id));
                  }}
                >
                  ×
                </button>
              </li>`,
            )}
          </ul>`
        : nothing}
      <p class="hint" id=${ids.control(q.id, '-h')}>${d.searchHint}</p>
      <div class="combo">
        <input
          type="text"
          role="combobox"
          id=${ids.control(q.id)}
          autocomplete="off"
          aria-autocomplete="list"
          aria-expanded=${open ? 'true' : 'false'}
          aria-controls=${box}
          aria-activedescendant=${open && shown[active] ? optId(active) : nothing}
          aria-labelledby=${ids.title(q.id)}
          aria-describedby=${[ids.control(q.id, '-h'), describedBy(v)].filter((x) => x !== nothing).join(' ')}
          aria-required=${q.required ? 'true' : nothing}
          aria-invalid=${v.error ? 'true' : nothing}
          .value=${combo.query || (!many && chosen[0] ? textOf(chosen[0]) : '')}
          @input=${onInput}
          @keydown=${onKey}
          @blur=${() => v.setCombo({ open: false })}
        />
        <ul role="listbox" id=${box} class="listbox" aria-labelledby=${ids.title(q.id)} ?hidden=${!open}>
          ${open
            ? shown.map(
                (e, i) => html`<li
                  role="option"
                  id=${optId(i)}
                  class=${i === active ? 'active' : ''}
                  aria-selected=${chosen.includes(e.id) ? 'true' : 'false'}
                  @mousedown=${(ev: Event) => ev.preventDefault()}
                  @click=${() => pick(e)}
                >
                  ${localize(e.text, lang)}
                </li>`,
              )
            : nothing}
        </ul>
      </div>
      <p class="vh" role="status">
        ${combo.open && combo.query
          ? matches.length
            ? plural(lang, d.matches, matches.length)
            : d.noMatches
          : ''}
      </p>`,
    false,
  );
}
