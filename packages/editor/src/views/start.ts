import type { Survey } from '@otklik/core/engine';
import { html, type TemplateResult } from 'lit';
import type { T } from './ctx.js';

export interface StartOpts {
  t: T;
  lang: 'ru' | 'en';
  templates: readonly (readonly [id: string, survey: Survey])[];
  choose: (id: string) => void;
}

/** A new survey starts blank or from one of core's templates. */
export function startPanel(o: StartOpts): TemplateResult {
  const { t } = o;
  return html`<section aria-labelledby="start-heading">
    <h2 id="start-heading">${t('С чего начать', 'Where to start')}</h2>
    <form
      @submit=${(e: Event) => {
        e.preventDefault();
        const f = new FormData(e.target as HTMLFormElement);
        o.choose(String(f.get('start') ?? ''));
      }}
    >
      <fieldset>
        <legend>${t('Основа опроса', 'Basis of the survey')}</legend>
        <ul class="templates">
          <li>
            <input type="radio" name="start" id="start-blank" value="" checked />
            <label for="start-blank">${t('Пустой опрос', 'A blank survey')}</label>
          </li>
          ${o.templates.map(
            ([id, s]) =>
              html`<li>
                <input type="radio" name="start" id=${`start-${id}`} value=${id} />
                <label for=${`start-${id}`}
                  >${(o.lang === 'en' ? s.title.en : undefined) ?? s.title.ru}
                  (${t('вопросов', 'questions')}: ${s.questions.length})</label
                >
              </li>`,
          )}
        </ul>
      </fieldset>
      <button type="submit" class="primary">${t('Начать', 'Start')}</button>
    </form>
  </section>`;
}
