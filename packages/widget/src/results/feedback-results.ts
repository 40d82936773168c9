import { periodLabel, type Lang, type LocalizedText } from '@otklik/core/engine';
import { Task } from '@lit/task';
import { html, LitElement, nothing, type TemplateResult } from 'lit';
import { toLang } from '../i18n.js';
import { styles } from './feedback-results.styles.js';

/** A published number, or the collector's mark of a withheld one. */
type Published = number | 'hidden' | null;

/** The part of a public report this element shows. */
interface Figures {
  responses: Published;
  summary: { satisfactionLevel: Published; nps: Published; effortIndex: Published };
}

/** `GET {collector}/results/{survey}.json?service=&period=`, as far as this element reads it. */
export interface PublicResultsJson {
  survey: { id: string; title: LocalizedText };
  service: { id: string; name: LocalizedText } | null;
  period: string | null;
  k: number;
  total: Figures;
  groups: { key: string; report: Figures }[];
}

const TEXT = {
  ru: {
    loading: 'Загрузка результатов…',
    failed: 'Не удалось загрузить результаты',
    caption: 'Результаты опроса «{title}»',
    period: 'Период',
    responses: 'Ответов',
    satisfaction: 'Уровень удовлетворённости, %',
    nps: 'Индекс лояльности (NPS)',
    effort: 'Индекс усилий',
    allTime: 'За всё время',
    hidden: 'скрыто',
    note: 'Скрыты числа, которые описывали бы меньше {k} человек или позволили бы их вычислить.',
    more: 'Все результаты опроса',
  },
  en: {
    loading: 'Loading the results…',
    failed: 'Could not load the results',
    caption: 'Results of the survey “{title}”',
    period: 'Period',
    responses: 'Responses',
    satisfaction: 'Satisfaction level, %',
    nps: 'Loyalty index (NPS)',
    effort: 'Effort index',
    allTime: 'All time',
    hidden: 'hidden',
    note: 'Numbers that would describe fewer than {k} people, or let them be worked out, are hidden.',
    more: 'All results of the survey',
  },
} as const;

const PERIODS = ['year', 'half-year', 'quarter', 'month'];

/**
 * A survey's published results as an accessible table, for the body's own pages: fetched from
 * the collector's public JSON, under the same k-anonymity as the results page (the collector
 * withholds; this element only shows). Its own file (`feedback-results.js`), apart from the survey
 * widget's bundle.
 *
 * @summary Published survey results as a table (ru/en).
 * @tag feedback-results
 *
 * @attr collector - Collector base URL: reads `{collector}/results/{survey}.json` and links to the results page.
 * @attr survey - Survey id on the collector.
 * @attr service - A service (catalogue entry id): only its figures.
 * @attr period - year | half-year | quarter | month: one row per period; default one row for all time.
 * @attr src - URL of the JSON instead (any copy of it); the link to the results page needs `collector` and `survey`.
 * @attr lang - ru | en; default: the closest `lang` on the page, then ru.
 *
 * @csspart table - The table.
 * @csspart caption - Its caption.
 * @csspart note - The note on withheld numbers and the link to the results page.
 *
 * @cssprop [--otklik-accent=#0d4cd3] - Links and focus rings.
 * @cssprop [--otklik-fg=#1a1a1a] - Text colour.
 * @cssprop [--otklik-bg=#fff] - Background.
 * @cssprop [--otklik-border=#767676] - Row lines.
 *
 * @example
 * <feedback-results collector="https://opros.example.gov.ru" survey="belgorod-typical" service="licence" period="quarter"></feedback-results>
 */
export class FeedbackResults extends LitElement {
  static override styles = styles;

  static override properties = {
    collector: {},
    survey: {},
    service: {},
    period: {},
    src: {},
    lang: { reflect: true },
  };

  declare collector: string | undefined;
  declare survey: string | undefined;
  declare service: string | undefined;
  declare period: string | undefined;
  declare src: string | undefined;

  private _results = new Task(this, {
    task: async ([url], { signal }) => {
      if (!url) throw new Error('collector + survey, or src');
      const res = await fetch(url, { signal, credentials: 'omit' });
      if (!res.ok) throw new Error(`HTTP ${res.status}`);
      return (await res.json()) as PublicResultsJson;
    },
    args: () => [this._url()] as const,
  });

  private get _base(): string | undefined {
    if (this.collector == null || !this.survey) return undefined;
    return `${this.collector.replace(/\/+$/, '')}/results/${encodeURIComponent(this.survey)}`;
  }

  private _query(): string {
    const q = new URLSearchParams();
    if (this.service) q.set('service', this.service);
    if (this.period && PERIODS.includes(this.period)) q.set('period', this.period);
    return q.toString();
  }

  private _url(): string | undefined {
    if (this.src) return this.src;
    const base = this._base;
    if (!base) return undefined;
    const q = this._query();
    return `${base}.json${q ? `?${q}` : ''}`;
  }

  private get _lang(): Lang {
    return toLang(this.closest('[lang]')?.getAttribute('lang') ?? document.documentElement.lang);
  }

  private _table(r: PublicResultsJson, lang: Lang): TemplateResult {
    const t = TEXT[lang];
    const nf = new Intl.NumberFormat(lang === 'en' ? 'en-GB' : 'ru-RU', {
      maximumFractionDigits: 1,
    });
    // Thousands apart by a narrow no-break space whatever the browser's ICU uses (some use U+00A0).
    const format = (n: number): string =>
      nf
        .formatToParts(n)
        .map((p) => (p.type === 'group' && lang === 'ru' ? '\u202f' : p.value))
        .join('');
    const num = (v: Published): string =>
      v === 'hidden' ? t.hidden : typeof v === 'number' ? format(v) : '—';
    const name = (x: LocalizedText): string => (lang === 'en' ? x.en : undefined) ?? x.ru;
    // NPS and the effort index only for surveys that measure them.
    const cols: [string, (f: Figures) => Published][] = [
      [t.responses, (f) => f.responses],
      [t.satisfaction, (f) => f.summary.satisfactionLevel],
    ];
    if (r.total.summary.nps !== null) cols.push([t.nps, (f) => f.summary.nps]);
    if (r.total.summary.effortIndex !== null) cols.push([t.effort, (f) => f.summary.effortIndex]);
    const row = (label: string, f: Figures) =>
      html`<tr>
        <th scope="row">${label}</th>
        ${cols.map(([, get]) => html`<td>${num(f.responses === 'hidden' ? 'hidden' : get(f))}</td>`)}
      </tr>`;
    const caption = `${t.caption.replace('{title}', name(r.survey.title))}${r.service ? `: ${name(r.service.name)}` : ''}`;
    const q = new URLSearchParams(this._query());
    if (lang === 'en') q.set('lang', 'en');
    const more = this._base && `${this._base}${q.toString() ? `?${q.toString()}` : ''}`;
    return html`<div class="wrap">
        <table part="table">
          <caption part="caption">
            ${caption}
          </caption>
          <thead>
            <tr>
              <th scope="col">${t.period}</th>
              ${cols.map(([h]) => html`<th scope="col">${h}</th>`)}
            </tr>
          </thead>
          ${
            r.groups.length > 0
              ? html`<tbody>
                    ${r.groups.map((g) => row(periodLabel(g.key, lang), g.report))}
                  </tbody>
                  <tfoot>
                    ${row(t.allTime, r.total)}
                  </tfoot>`
              : html`<tbody>
                  ${row(t.allTime, r.total)}
                </tbody>`
          }
        </table>
      </div>
      <p part="note">
        ${t.note.replace('{k}', String(r.k))}
        ${more ? html`<a href=${more}>${t.more}</a>` : nothing}
      </p>`;
  }

  protected override render(): TemplateResult {
    const lang = this._lang;
    const t = TEXT[lang];
    return html`<div lang=${lang}>
      ${this._results.render({
        initial: () => html`<p role="status">${t.loading}</p>`,
        pending: () => html`<p role="status">${t.loading}</p>`,
        complete: (r) => this._table(r, lang),
        error: (e) =>
          html`<p role="alert">${t.failed}${e instanceof Error ? ` (${e.message})` : ''}.</p>`,
      })}
    </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'feedback-results': FeedbackResults;
  }
}
