import type { LocalizedText } from '@otklik/core/engine';
import { html, nothing, type TemplateResult } from 'lit';
// `live`: the user (or a move) may have changed the DOM's selection since the last render.
import { live } from 'lit/directives/live.js';
import { optionalText, withText } from '../model/draft.js';
import { invalid, type Ctx, type Path } from './ctx.js';

/**
 * Form controls of the editor: every one has a visible label tied to it by `for`, says it is
 * invalid when core's checker points at its path, and reports its value on each keystroke.
 */

export interface TextOpts {
  id: string;
  label: string;
  value: string | undefined;
  path?: Path;
  multiline?: boolean;
  lang?: 'ru' | 'en';
  hint?: string;
  onInput: (v: string) => void;
}

export function textField(ctx: Ctx, o: TextOpts): TemplateResult {
  const bad = o.path ? invalid(ctx, o.path) : false;
  const hint = o.hint ? `${o.id}-hint` : undefined;
  const input = (e: Event) => o.onInput((e.target as HTMLInputElement).value);
  return html`<div class="field">
    <label for=${o.id}>${o.label}</label>
    ${
      o.multiline
        ? html`<textarea
            id=${o.id}
            rows="2"
            lang=${o.lang ?? nothing}
            aria-invalid=${bad ? 'true' : nothing}
            aria-describedby=${hint ?? nothing}
            .value=${o.value ?? ''}
            @input=${input}
          ></textarea>`
        : html`<input
            id=${o.id}
            type="text"
            lang=${o.lang ?? nothing}
            aria-invalid=${bad ? 'true' : nothing}
            aria-describedby=${hint ?? nothing}
            .value=${o.value ?? ''}
            @input=${input}
          />`
    }
    ${o.hint ? html`<p class="hint" id=${hint}>${o.hint}</p>` : nothing}
  </div>`;
}

export interface LocalizedOpts {
  id: string;
  label: string;
  value: LocalizedText | undefined;
  path: Path;
  /** Optional texts (descriptions, end labels) disappear when both languages are emptied. */
  optional?: boolean;
  multiline?: boolean;
  set: (v: LocalizedText | undefined) => void;
}

/** A text in Russian and (optionally) English, side by side. */
export function localized(ctx: Ctx, o: LocalizedOpts): TemplateResult {
  const put = (lang: 'ru' | 'en') => (v: string) =>
    o.set(o.optional ? optionalText(o.value, lang, v) : withText(o.value, lang, v));
  return html`<div class="pair">
    ${textField(ctx, {
      id: `${o.id}-ru`,
      label: `${o.label} ${ctx.t('(по-русски)', '(Russian)')}`,
      value: o.value?.ru,
      path: [...o.path, 'ru'],
      lang: 'ru',
      ...(o.multiline ? { multiline: true } : {}),
      onInput: put('ru'),
    })}
    ${textField(ctx, {
      id: `${o.id}-en`,
      label: `${o.label} ${ctx.t('(по-английски, необязательно)', '(English, optional)')}`,
      value: o.value?.en,
      path: [...o.path, 'en'],
      lang: 'en',
      ...(o.multiline ? { multiline: true } : {}),
      onInput: put('en'),
    })}
  </div>`;
}

export interface NumberOpts {
  id: string;
  label: string;
  value: number | undefined;
  path: Path;
  min?: number;
  max?: number;
  placeholder?: string;
  /** Undefined when emptied. */
  set: (v: number | undefined) => void;
}

export function numberField(ctx: Ctx, o: NumberOpts): TemplateResult {
  return html`<div class="field narrow">
    <label for=${o.id}>${o.label}</label>
    <input
      id=${o.id}
      type="number"
      inputmode="numeric"
      step="1"
      min=${o.min ?? nothing}
      max=${o.max ?? nothing}
      placeholder=${o.placeholder ?? nothing}
      aria-invalid=${invalid(ctx, o.path) ? 'true' : nothing}
      .value=${o.value === undefined ? '' : String(o.value)}
      @input=${(e: Event) => {
        const raw = (e.target as HTMLInputElement).value.trim();
        const n = Number(raw);
        if (raw === '') o.set(undefined);
        else if (Number.isInteger(n)) o.set(n);
      }}
    />
  </div>`;
}

export function checkbox(
  id: string,
  label: string,
  checked: boolean,
  set: (v: boolean) => void,
): TemplateResult {
  return html`<div class="check">
    <input
      id=${id}
      type="checkbox"
      .checked=${live(checked)}
      @change=${(e: Event) => set((e.target as HTMLInputElement).checked)}
    />
    <label for=${id}>${label}</label>
  </div>`;
}

export interface SelectOpts {
  id: string;
  label: string;
  value: string;
  options: readonly (readonly [value: string, label: string])[];
  path?: Path;
  set: (v: string) => void;
}

export function select(ctx: Ctx, o: SelectOpts): TemplateResult {
  return html`<div class="field">
    <label for=${o.id}>${o.label}</label>
    <select
      id=${o.id}
      aria-invalid=${o.path && invalid(ctx, o.path) ? 'true' : nothing}
      @change=${(e: Event) => o.set((e.target as HTMLSelectElement).value)}
    >
      ${o.options.map(
        ([v, l]) => html`<option value=${v} .selected=${live(v === o.value)}>${l}</option>`,
      )}
    </select>
  </div>`;
}

/** An object whose optional fields may be set to undefined (to be dropped by `prune`). */
export type Loose<T> = { [K in keyof T]?: T[K] | undefined };

/** Drops the keys whose value is undefined (core's schema wants optional fields absent). */
export function prune<T extends object>(o: Loose<T>): T {
  const out = { ...o } as Record<string, unknown>;
  for (const k of Object.keys(out)) if (out[k] === undefined) delete out[k];
  return out as T;
}
