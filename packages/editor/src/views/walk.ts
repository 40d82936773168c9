import {
  optionsOf,
  scaleOf,
  scalePoints,
  visiblePath,
  type AnswerValue,
  type Answers,
  type Question,
  type Survey,
} from '@otklik/core/engine';
import { html, nothing, type TemplateResult } from 'lit';
// `live`: the user (or a move) may have changed the DOM's selection since the last render.
import { live } from 'lit/directives/live.js';
import type { T } from './ctx.js';

/** The answers a path walk may pick for a question, as menu entries (value → answer). */
function picks(q: Question, t: T, lang: 'ru' | 'en'): [string, string, AnswerValue][] {
  const name = (o: { id: string; text: { ru: string; en?: string } }) =>
    (lang === 'en' ? o.text.en : undefined) ?? (o.text.ru || o.id);
  const many = q.type === 'multiple' || (q.type === 'list' && q.multiple === true);
  const out: [string, string, AnswerValue][] = [];
  const s = scaleOf(q);
  if (s && q.type === 'scale') for (const n of scalePoints(s)) out.push([`n:${n}`, String(n), n]);
  if (q.type !== 'matrix') {
    for (const o of optionsOf(q)) out.push([`s:${o.id}`, name(o), many ? [o.id] : o.id]);
  }
  if (q.type === 'text') out.push(['text', t('Какой-то текст', 'Some text'), '…']);
  if (q.type === 'list' && q.options === undefined)
    out.push(['entry', t('Любой пункт справочника', 'Any catalogue entry'), 'entry']);
  return out;
}

export interface WalkOpts {
  survey: Survey;
  answers: Answers;
  lang: 'ru' | 'en';
  t: T;
  set: (a: Answers) => void;
}

/**
 * «Пройти путь»: the author picks answers and sees which questions a respondent gets — core's
 * `visiblePath`, the function the widget itself follows.
 */
export function walkPanel(o: WalkOpts): TemplateResult {
  const { t } = o;
  const qs = o.survey.questions;
  const path = visiblePath(o.survey, o.answers);
  const on = new Set(path);
  const number = (id: string) => qs.findIndex((q) => q.id === id) + 1;
  const skipped = qs.filter((q) => !on.has(q.id));
  return html`<section class="walk" aria-labelledby="walk-heading">
    <h3 id="walk-heading">${t('Пройти путь', 'Walk a path')}</h3>
    <p class="hint">
      ${t(
        'Выберите ответы — список покажет, какие вопросы получит респондент.',
        'Pick answers to see which questions a respondent gets.',
      )}
    </p>
    <ol class="path">
      ${path.map((id) => {
        const q = qs.find((x) => x.id === id)!;
        const choices = picks(q, t, o.lang);
        const k = number(id);
        const current = o.answers[id];
        const value =
          current === undefined
            ? ''
            : (choices.find(([, , a]) => JSON.stringify(a) === JSON.stringify(current))?.[0] ?? '');
        return html`<li value=${k}>
          ${
            choices.length
              ? html`<label for=${`walk-${id}`}>${t('Вопрос', 'Question')} ${k}</label>
                  <select
                    id=${`walk-${id}`}
                    data-walk=${id}
                    @change=${(e: Event) => {
                      const v = (e.target as HTMLSelectElement).value;
                      const next = { ...o.answers };
                      const hit = choices.find(([c]) => c === v);
                      if (hit) next[id] = hit[2];
                      else delete next[id];
                      o.set(next);
                    }}
                  >
                    <option value="" .selected=${live(value === '')}>
                      ${t('— без ответа —', '— no answer —')}
                    </option>
                    ${choices.map(
                      ([c, label]) =>
                        html`<option value=${c} .selected=${live(c === value)}>${label}</option>`,
                    )}
                  </select>`
              : html`<span>${t('Вопрос', 'Question')} ${k}</span>`
          }
        </li>`;
      })}
    </ol>
    <p class="path-summary" role="status" data-path=${path.join(' ')}>
      ${t('Путь', 'Path')}:
      ${path.map(number).join(' → ')}${
        skipped.length
          ? html`; ${t('пропущены', 'skipped')}: ${skipped.map((q) => number(q.id)).join(', ')}`
          : nothing
      }
    </p>
    ${
      Object.keys(o.answers).length
        ? html`<button type="button" @click=${() => o.set({})}>
            ${t('Сбросить ответы', 'Clear answers')}
          </button>`
        : nothing
    }
  </section>`;
}
