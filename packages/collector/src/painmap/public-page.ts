import type { Lang } from '@otklik/core';
import type { PeriodTree, PublicReport } from '../disclosure/index.js';
import { siteChrome } from '../pages/chrome.js';
import { markup, type Html } from '../pages/html.js';
import { periodLabel, serviceFigures } from '../pages/results.js';
import type { Decision } from './decisions.js';
import type { RowStatus } from './store.js';

/** Names of a row's or decision's status, as pages show them. */
export const STATUS: Record<RowStatus, { ru: string; en: string }> = {
  planned: { ru: 'запланировано', en: 'planned' },
  'in-progress': { ru: 'выполняется', en: 'in progress' },
  done: { ru: 'сделано', en: 'done' },
  rejected: { ru: 'отклонено', en: 'rejected' },
};

/** Names of services by id, in the page's language (catalogue texts). */
export type ServiceNames = (id: string | null, lang: Lang) => string;

/** What a decision links to on the public pages (public-routes.ts fills it). */
export interface DecisionContext {
  surveyId: string;
  /** The period of the pain-map row the decision answers ('' = all time), if any. */
  periodOf(d: Decision): string | undefined;
}

/** The period level of a period key: `2026` year, `2026-H1`, `2026-Q1`, `2026-03` month. */
function levelOf(key: string): string | null {
  if (/^\d{4}$/.test(key)) return 'year';
  if (/^\d{4}-H[12]$/.test(key)) return 'half-year';
  if (/^\d{4}-Q[1-4]$/.test(key)) return 'quarter';
  if (/^\d{4}-\d{2}$/.test(key)) return 'month';
  return null;
}

/** The results page of a survey, narrowed to a service and a period when given. */
export function resultsHref(
  surveyId: string,
  lang: Lang,
  o: { service?: string | null; period?: string } = {},
): string {
  const p = new URLSearchParams();
  if (o.service) p.set('service', o.service);
  const level = o.period ? levelOf(o.period) : null;
  if (level && o.period) {
    p.set('period', level);
    p.set('key', o.period);
  }
  if (lang === 'en') p.set('lang', 'en');
  const q = p.toString();
  return `/results/${encodeURIComponent(surveyId)}${q ? `?${q}` : ''}`;
}

/** `2026-03-01` → «1 марта 2026 г.» / «1 March 2026», in a <time> element. */
function day(iso: string, lang: Lang): Html {
  const d = new Date(`${iso}T00:00:00Z`);
  const text = Number.isNaN(d.getTime())
    ? iso
    : new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'ru-RU', {
        dateStyle: 'long',
        timeZone: 'UTC',
      }).format(d);
  return markup`<time datetime="${iso}">${text}</time>`;
}

function dates(d: Decision, lang: Lang): Html[] {
  const en = lang === 'en';
  const parts: Html[] = [];
  if (d.decidedOn) parts.push(markup`${en ? 'decided' : 'решение'} ${day(d.decidedOn, lang)}`);
  if (d.dueOn) parts.push(markup`${en ? 'due' : 'срок'} ${day(d.dueOn, lang)}`);
  if (d.doneOn) parts.push(markup`${en ? 'done' : 'выполнено'} ${day(d.doneOn, lang)}`);
  return parts;
}

/**
 * The decisions of one service as a list: the analysts' own words (so fit to publish), the status,
 * the dates, and — for a decision answering a pain-map row — a link to the figures of the service
 * in that row's period.
 */
function decisionList(list: readonly Decision[], lang: Lang, ctx?: DecisionContext): Html {
  const en = lang === 'en';
  return markup`<ul class="decisions">${list.map((d) => {
    const period = ctx?.periodOf(d);
    const basis =
      ctx && period !== undefined
        ? markup`<a href="${resultsHref(ctx.surveyId, lang, { service: d.object, period })}">${
            en ? 'survey results' : 'по результатам опроса'
          }${period ? ` ${en ? 'for' : 'за'} ${periodLabel(period, lang)}` : ''}</a>`
        : undefined;
    const meta: (Html | string)[] = [STATUS[d.status][lang], ...dates(d, lang)];
    if (basis) meta.push(basis);
    return markup`<li><p>${en ? (d.text.en ?? d.text.ru) : d.text.ru}</p><p class="note">${meta.map((m, i) => markup`${i ? '; ' : ''}${m}`)}</p></li>`;
  })}</ul>`;
}

/**
 * «Вы сказали — мы сделали»: the published decisions, grouped by service. Nothing here comes
 * from respondents' texts — the section shows only what the analysts wrote for publication.
 *
 * @example
 * youSaidWeDid(decisions, names, 'ru', ctx).value;
 */
export function youSaidWeDid(
  decisions: readonly Decision[],
  names: ServiceNames,
  lang: Lang,
  ctx?: DecisionContext,
): Html {
  const en = lang === 'en';
  if (decisions.length === 0) return markup``;
  const byService = new Map<string | null, Decision[]>();
  for (const d of decisions) byService.set(d.object, [...(byService.get(d.object) ?? []), d]);
  return markup`<section aria-labelledby="you-said">
<h2 id="you-said">${en ? 'You said — we did' : 'Вы сказали — мы сделали'}</h2>
${[...byService].map(
  ([object, list]) =>
    markup`<h3>${ctx && object !== null ? markup`<a href="${resultsHref(ctx.surveyId, lang, { service: object })}">${names(object, lang)}</a>` : names(object, lang)}</h3>${decisionList(list, lang, ctx)}`,
)}
</section>`;
}

/** The receipt form: a plain GET form to `/r`, usable without script. */
export function receiptForm(lang: Lang, value = ''): Html {
  const en = lang === 'en';
  return markup`<form class="receipt" method="get" action="/r">
<label for="receipt-code">${en ? 'Code from the thank-you screen' : 'Код с экрана благодарности'}</label>
<input id="receipt-code" name="code" value="${value}" maxlength="16" autocomplete="off" spellcheck="false" aria-describedby="receipt-hint">
${lang === 'en' ? markup`<input type="hidden" name="lang" value="en">` : ''}
<p id="receipt-hint" class="note">${en ? '8 letters and digits, e.g. 7K3M9QXA.' : '8 букв и цифр, например 7K3M9QXA.'}</p>
<button type="submit">${en ? 'Show what is being done' : 'Узнать, что делается'}</button>
</form>`;
}

/**
 * The hand-off to an official appeal (59-ФЗ): a survey answer is not an appeal, so the link to the
 * body's appeal service (ПОС, Госуслуги) is offered wherever a respondent may want one.
 */
export function appealLink(url: string | null, lang: Lang): Html {
  if (!url) return markup``;
  const en = lang === 'en';
  return markup`<p class="appeal">${en ? 'A survey answer is not an official appeal. To file one (it gets a reply within 30 days):' : 'Ответ в опросе — не официальное обращение. Чтобы подать обращение (на него ответят в течение 30 дней):'} <a href="${url}" rel="noopener">${en ? 'file an appeal' : 'подать обращение'}</a></p>`;
}

/** One service a receipt led to: its name, where its figures are, and its published decisions. */
export interface ReceiptMatch {
  surveyId: string;
  surveyTitle: string;
  serviceId: string | null;
  service: string;
  decisions: readonly Decision[];
  context: DecisionContext;
  /** The service's published figures (already suppressed), null when it has none. */
  figures: PeriodTree<PublicReport> | null;
  k: number;
  appealUrl: string | null;
}

/**
 * The receipt page. A code that matches and one that does not give the same page: the same
 * heading, form and section, differing only in the section's text — so the page tells nothing
 * about whether a code exists beyond what it is for, and nothing about the response (not its
 * answers, date or channel).
 *
 * @example
 * receiptPage({ lang: 'ru', code: '7K3M9QXA', matches: [] }).value;
 */
export function receiptPage(v: {
  lang: Lang;
  code: string;
  matches: readonly ReceiptMatch[];
}): Html {
  const en = v.lang === 'en';
  const found = v.matches.map(
    (m) => markup`<h3>${m.service}</h3>
<p><a href="${resultsHref(m.surveyId, v.lang, { service: m.serviceId })}">${en ? 'Survey results' : 'Результаты опроса'}: ${m.surveyTitle}</a></p>
<h4>${en ? 'Published figures' : 'Опубликованные показатели'}</h4>
${m.figures ? serviceFigures(m.figures, v.lang, m.k) : markup`<p>${en ? 'No figures have been published for this service yet.' : 'Показателей по этой услуге пока не опубликовано.'}</p>`}
<h4>${en ? 'Decisions and measures' : 'Решения и меры'}</h4>
${m.decisions.length ? decisionList(m.decisions, v.lang, m.context) : markup`<p>${en ? 'No measures have been published for this service yet.' : 'Мер по этой услуге пока не опубликовано.'}</p>`}
${appealLink(m.appealUrl, v.lang)}`,
  );
  const content = markup`<h1>${en ? 'What is being done about your feedback' : 'Что делается по вашему отзыву'}</h1>
<p class="lead">${en ? 'The code shows what the body does about the service you rated. Your answers themselves are never shown.' : 'По коду видно, что делается по услуге, которую вы оценили. Сами ваши ответы не показываются.'}</p>
<section aria-labelledby="receipt-result" aria-live="polite">
<h2 id="receipt-result">${en ? 'Code' : 'Код'} ${v.code}</h2>
${v.matches.length ? found : markup`<p>${en ? 'Nothing is known under this code. Check the code: 8 letters and digits from the thank-you screen.' : 'По этому коду сведений нет. Проверьте код: 8 букв и цифр с экрана благодарности.'}</p>`}
</section>
${receiptForm(v.lang, v.code)}`;
  return siteChrome(content, { lang: v.lang });
}
