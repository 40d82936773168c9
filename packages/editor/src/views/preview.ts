import type { Answers, Survey } from '@otklik/core/engine';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import { keyed } from 'lit/directives/keyed.js';
import type { T } from './ctx.js';
import { walkPanel } from './walk.js';

export type PreviewLayout = 'page' | 'paged' | 'kiosk';

export interface PreviewOpts {
  t: T;
  lang: 'ru' | 'en';
  /** The last draft that passed core's checks, or undefined. */
  survey: Survey | undefined;
  /** The draft has errors now: the preview shows the last good one. */
  stale: boolean;
  widget: 'loading' | 'ready' | 'failed';
  layout: PreviewLayout;
  previewLang: 'ru' | 'en';
  catalogUrl: string | undefined;
  walk: Answers;
  setLayout: (l: PreviewLayout) => void;
  setLang: (l: 'ru' | 'en') => void;
  setWalk: (a: Answers) => void;
}

function radios<V extends string>(
  name: string,
  legend: string,
  value: V,
  items: readonly (readonly [V, string])[],
  set: (v: V) => void,
  /** The language a label is written in, when it is not the page's («English» on a Russian page). */
  langOf?: (v: V) => string | undefined,
): TemplateResult {
  return html`<fieldset>
    <legend>${legend}</legend>
    <div class="choices">
      ${items.map(
        ([v, label]) =>
          html`<span>
            <input
              type="radio"
              name=${name}
              id=${`${name}-${v}`}
              .checked=${live(v === value)}
              @change=${() => set(v)}
            /><label for=${`${name}-${v}`} lang=${langOf?.(v) ?? nothing}>${label}</label>
          </span>`,
      )}
    </div>
  </fieldset>`;
}

/**
 * The real `<feedback-survey>` with the draft, in the layout and language chosen, and the path
 * walk beside it. Responses go nowhere: the element has no endpoint.
 */
export function previewPanel(o: PreviewOpts): TemplateResult {
  const { t } = o;
  const s = o.survey;
  const widget =
    o.widget === 'failed'
      ? html`<p class="issues">
          ${t('Не удалось загрузить виджет для предпросмотра.', 'Could not load the widget for the preview.')}
        </p>`
      : o.widget === 'loading'
        ? html`<p>${t('Загрузка виджета…', 'Loading the widget…')}</p>`
        : !s
          ? html`<p>
              ${t('Предпросмотр появится, когда в опросе не будет ошибок.', 'The preview appears once the survey has no errors.')}
            </p>`
          : keyed(
              `${o.layout}:${o.previewLang}`,
              html`<feedback-survey
                .definition=${s}
                lang=${o.previewLang}
                layout=${o.layout === 'page' ? 'page' : 'paged'}
                mode=${o.layout === 'kiosk' ? 'kiosk' : nothing}
                catalog-url=${o.catalogUrl ?? nothing}
              ></feedback-survey>`,
            );
  return html`<section class="preview" aria-labelledby="preview-heading">
    <h2 id="preview-heading">${t('Предпросмотр', 'Preview')}</h2>
    ${radios(
      'preview-layout',
      t('Вид', 'Layout'),
      o.layout,
      [
        ['page', t('Одна страница', 'One page')],
        ['paged', t('По шагам', 'Step by step')],
        ['kiosk', t('Киоск', 'Kiosk')],
      ],
      o.setLayout,
    )}
    ${radios(
      'preview-lang',
      t('Язык анкеты', 'Survey language'),
      o.previewLang,
      [
        ['ru', 'Русский'],
        ['en', 'English'],
      ],
      o.setLang,
      (v) => (v === o.lang ? undefined : v),
    )}
    ${
      o.stale && s
        ? html`<p class="hint">
            ${t('Показана последняя версия без ошибок.', 'Showing the last version without errors.')}
          </p>`
        : nothing
    }
    <div class="preview-frame">${widget}</div>
    ${s ? walkPanel({ survey: s, answers: o.walk, lang: o.lang, t, set: o.setWalk }) : nothing}
  </section>`;
}
