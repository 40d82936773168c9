import { localize, type SurveyReport } from '@otklik/core';
import { markup, type Html } from '../../pages/html.js';
import type { Role } from '../../middleware/session.js';
import { STATUS } from '../../painmap/public-page.js';
import { renderChart, svgDataUrl } from '../charts.js';
import { channelName, numbers, translator, type Lang, type Numbers, type T } from '../i18n.js';
import { langQuery } from '../section.js';
import { LEVEL_NAMES } from '../painmap/view.js';
import { dateText } from '../views/list.js';
import { adminShell } from '../views/shell.js';
import type { ReportRow, SurveyPeriodReport } from './data.js';
import type { ReportPeriod } from './period.js';

export interface ReportPageOptions {
  lang: Lang;
  session: { role: Role; csrf: string };
  /** The survey asked for, '' for all surveys. */
  survey: string;
  surveys: { id: string; title: string }[];
  /** The form's values as given (the report is absent when they were not valid or not given). */
  form: { period: string; from: string; to: string };
  period: ReportPeriod | null;
  reports: SurveyPeriodReport[];
  generatedAt: Date;
}

const delta = (a: number | null | undefined, b: number | null | undefined): number | null =>
  typeof a === 'number' && typeof b === 'number' ? Math.round((a - b) * 10) / 10 : null;

/** The mean of every scale question: «the mean value of each indicator» (002 §18). */
const scales = (r: SurveyReport) => r.questions.flatMap((q) => (q.type === 'scale' ? [q] : []));

interface Ctx {
  t: T;
  n: Numbers;
  lang: Lang;
  p: ReportPeriod;
}

function headline(c: Ctx, r: SurveyPeriodReport, id: string): Html {
  const { t, n } = c;
  const s = r.current.summary;
  const b = r.previous.summary;
  const card = (value: string, label: string, change: string) =>
    markup`<li><span class="figure">${value}</span>${label}<span class="change">${t('к прошлому периоду', 'from the previous period')}: ${change}</span></li>`;
  return markup`<ul class="cards" aria-labelledby="${id}">
${card(n.int(r.current.responses), t('ответов', 'responses'), n.delta(r.current.responses - r.previous.responses))}
${card(n.pct(s.satisfactionLevel), t('уровень удовлетворённости', 'satisfaction level'), `${n.delta(delta(s.satisfactionLevel, b.satisfactionLevel))} ${t('п. п.', 'pp')}`)}
${card(n.dec(s.nps), 'NPS', n.delta(delta(s.nps, b.nps)))}
${card(n.dec(s.effortIndex), t('индекс усилий клиента', 'customer effort index'), n.delta(delta(s.effortIndex, b.effortIndex)))}
${card(n.int(r.current.problems), t('выявлено проблем', 'problems reported'), n.delta(r.current.problems - r.previous.problems))}
</ul>`;
}

function rowsTable(
  c: Ctx,
  rows: ReportRow[],
  id: string,
  caption: string,
  first: string,
  name: (r: ReportRow) => string,
): Html {
  const { t, n } = c;
  if (rows.length === 0) return markup`<p>${caption}: ${t('ответов нет.', 'no responses.')}</p>`;
  const total = rows.reduce((sum, r) => sum + (r.current?.responses ?? 0), 0);
  return markup`<div class="scroll" tabindex="0" role="region" aria-labelledby="${id}"><table><caption id="${id}">${caption}</caption>
<thead><tr><th scope="col">${first}</th><th scope="col" class="num">${t('Ответов', 'Responses')}</th><th scope="col" class="num">${t('Доля', 'Share')}</th><th scope="col" class="num">${t('Удовлетворённость', 'Satisfaction')}</th><th scope="col" class="num">${t('Изменение, п. п.', 'Change, pp')}</th><th scope="col" class="num">NPS</th><th scope="col" class="num">${t('Индекс усилий', 'Effort index')}</th><th scope="col" class="num">${t('Проблем', 'Problems')}</th></tr></thead>
<tbody>${rows.map((r) => {
    const s = r.current?.summary;
    const count = r.current?.responses ?? 0;
    return markup`<tr><th scope="row" class="wrap">${name(r)}</th><td class="num">${n.int(count)}</td><td class="num">${n.pct(total ? Math.round((count / total) * 1000) / 10 : null)}</td><td class="num">${n.pct(s?.satisfactionLevel)}</td><td class="num">${n.delta(delta(s?.satisfactionLevel, r.previous?.summary.satisfactionLevel))}</td><td class="num">${n.dec(s?.nps)}</td><td class="num">${n.dec(s?.effortIndex)}</td><td class="num">${n.int(r.current?.problems ?? 0)}</td></tr>`;
  })}</tbody></table></div>`;
}

function chart(c: Ctx, r: SurveyPeriodReport, id: string): Html {
  const { t, n, lang, p } = c;
  const channels = [
    ...new Set([...Object.keys(r.previous.channels), ...Object.keys(r.current.channels)]),
  ];
  if (channels.length === 0) return markup``;
  const svg = renderChart({
    kind: 'stacked-bar',
    categories: [p.previous.label[lang], p.label[lang]],
    series: channels.map((ch) => ({
      name: channelName(ch, lang),
      values: [r.previous.channels[ch]?.count ?? 0, r.current.channels[ch]?.count ?? 0],
    })),
    width: 640,
    height: 280,
    format: (x) => n.int(x),
  });
  const describe = (rep: SurveyReport) =>
    channels
      .map((ch) => `${channelName(ch, lang)} ${n.int(rep.channels[ch]?.count ?? 0)}`)
      .join(', ');
  return markup`<figure class="chart" aria-labelledby="${id}"><figcaption id="${id}">${t('Ответы по каналам: прошлый и этот период', 'Responses by channel: the previous and this period')}</figcaption>
<img src="${svgDataUrl(svg)}" alt="${p.previous.label[lang]}: ${describe(r.previous)}. ${p.label[lang]}: ${describe(r.current)}."></figure>`;
}

function surveySection(c: Ctx, r: SurveyPeriodReport, i: number): Html {
  const { t, n, lang } = c;
  const h = `s${i}`;
  const indicators = scales(r.current);
  const before = new Map(scales(r.previous).map((q) => [q.id, q]));
  const title = (id: string) => localize(r.head.questions.find((q) => q.id === id)?.title, lang);
  return markup`<section aria-labelledby="${h}-h"><h2 id="${h}-h">${localize(r.head.title, lang)}</h2>
<p class="note">${r.head.id}, ${t('версия', 'version')} ${r.head.version}</p>
<h3 id="${h}-fig">${t('Основные показатели', 'Key figures')}</h3>
${headline(c, r, `${h}-fig`)}
${chart(c, r, `${h}-chart`)}
${
  indicators.length
    ? markup`<div class="scroll" tabindex="0" role="region" aria-labelledby="${h}-ind"><table><caption id="${h}-ind">${t('Средние значения показателей', 'Mean of each indicator')}</caption>
<thead><tr><th scope="col">${t('Вопрос', 'Question')}</th><th scope="col" class="num">${t('Ответили', 'Answered')}</th><th scope="col" class="num">${t('Среднее', 'Mean')}</th><th scope="col" class="num">${t('Изменение', 'Change')}</th><th scope="col" class="num">${t('Доля двух высших', 'Top two share')}</th></tr></thead>
<tbody>${indicators.map((q) => markup`<tr><th scope="row" class="wrap">${title(q.id)}</th><td class="num">${n.int(q.answered)}</td><td class="num">${n.dec(q.mean)}</td><td class="num">${n.delta(delta(q.mean, before.get(q.id)?.mean))}</td><td class="num">${n.pct(q.topTwoShare)}</td></tr>`)}</tbody></table></div>`
    : ''
}
<h3>${t('По услугам', 'By service')}</h3>
${rowsTable(c, r.services, `${h}-svc`, t('Услуги: этот период, изменение к прошлому', 'Services: this period, change from the previous'), t('Услуга', 'Service'), (x) => x.name)}
<h3>${t('По каналам', 'By channel')}</h3>
${rowsTable(c, r.channels, `${h}-ch`, t('Каналы: доли ответов и показатели', 'Channels: shares of responses and figures'), t('Канал', 'Channel'), (x) => (x.key ? channelName(x.key, lang) : x.name))}
<h3>${t('Молчащие точки контакта', 'Silent touchpoints')}</h3>
${
  r.silent.length
    ? markup`<ul>${r.silent.map((s) => markup`<li>${s.name}: ${s.lastAnsweredAt ? `${t('последний ответ', 'last response')} ${dateText(s.lastAnsweredAt, lang)}` : t('ни одного ответа', 'never answered')}</li>`)}</ul>`
    : markup`<p>${t('Все точки контакта отвечали в этом периоде.', 'Every touchpoint answered in this period.')}</p>`
}
<h3>${t('Темы открытых ответов (за всё время)', 'Themes of open answers (all time)')}</h3>
${
  r.themes.some((q) => q.themes.length)
    ? r.themes.map((q) =>
        q.themes.length
          ? markup`<p><strong>${q.title}</strong> (${t('ответов', 'answers')}: ${n.int(q.total)})</p><ol>${q.themes.map((x) => markup`<li>${x.name}: ${n.int(x.count)} (${n.pct(x.share * 100)})</li>`)}</ol>`
          : '',
      )
    : markup`<p>${t('Темы ещё не выделены: откройте страницу «Темы».', 'No themes yet: open the Themes page.')}</p>`
}
<h3>${t('Карта болей', 'Pain map')}${r.painMap.key ? '' : ` (${t('за всё время', 'all time')})`}</h3>
${
  r.painMap.rows.length
    ? markup`<div class="scroll" tabindex="0" role="region" aria-labelledby="${h}-pm"><table><caption id="${h}-pm">${t('Строки карты болей и их статус', 'Pain-map rows and their status')}</caption>
<thead><tr><th scope="col">${t('Процесс, услуга', 'Process, service')}</th><th scope="col">${t('Проблема', 'Problem')}</th><th scope="col">${t('Распространённость', 'Prevalence')}</th><th scope="col">${t('Меры', 'Measures')}</th><th scope="col">${t('Ответственный, срок', 'Responsible, deadline')}</th><th scope="col">${t('Статус', 'Status')}</th></tr></thead>
<tbody>${r.painMap.rows.map((x) => markup`<tr><td class="wrap">${x.process}</td><th scope="row" class="wrap">${x.problem}</th><td>${t(...LEVEL_NAMES[x.prevalence])}</td><td class="wrap">${x.measures}</td><td class="wrap">${[x.responsible, x.deadline].filter(Boolean).join(', ')}</td><td>${STATUS[x.status][lang]}</td></tr>`)}</tbody></table></div>`
    : markup`<p>${t('Строк нет.', 'No rows.')}</p>`
}
</section>`;
}

/**
 * The printable period report: per survey (or every survey, one after another, each from a new
 * page) the key figures with the change from the previous period, responses by channel as an SVG
 * chart, the mean of each indicator, per-service and per-channel tables, silent touchpoints,
 * themes and the pain map. Print CSS (analyst-css.ts) makes it A4 with page numbers.
 *
 * @example
 * reportPage({ lang: 'ru', session, survey: 'pulse', surveys, form, period, reports, generatedAt: new Date() });
 */
export function reportPage(o: ReportPageOptions): Html {
  const t = translator(o.lang);
  const n = numbers(o.lang);
  const opt = (value: string, label: string, selected: boolean) =>
    markup`<option value="${value}"${selected ? markup` selected` : ''}>${label}</option>`;
  const form = markup`<form method="get" action="/admin/report" class="filters no-print" aria-labelledby="rep-form-h">
<h2 id="rep-form-h">${t('Период и опрос', 'Period and survey')}</h2>
${o.lang === 'en' ? markup`<input type="hidden" name="lang" value="en">` : ''}
<div class="fields">
<p class="wide"><label for="r-survey">${t('Опрос', 'Survey')}</label><select id="r-survey" name="survey">${opt('', t('Все опросы', 'All surveys'), o.survey === '')}${o.surveys.map((s) => opt(s.id, s.title, s.id === o.survey))}</select></p>
<p><label for="r-period">${t('Период', 'Period')}</label><input id="r-period" name="period" value="${o.form.period}" aria-describedby="r-period-hint"></p>
<p><label for="r-from">${t('Или с даты', 'Or from')}</label><input id="r-from" name="from" type="date" value="${o.form.from}"></p>
<p><label for="r-to">${t('по дату', 'to')}</label><input id="r-to" name="to" type="date" value="${o.form.to}"></p>
<p class="wide note" id="r-period-hint">${t('Квартал 2026-Q1, полугодие 2026-H1, год 2026, полугодие по порядку (до 15 мая / до 15 декабря) 2026-W1 или 2026-W2. Пустой период — по датам.', 'A quarter 2026-Q1, a half-year 2026-H1, a year 2026, an order’s half (to 15 May / to 15 December) 2026-W1 or 2026-W2. Empty period: by the dates.')}</p>
</div>
<p class="actions"><button type="submit">${t('Сформировать', 'Build')}</button></p></form>`;
  const p = o.period;
  const c: Ctx | null = p ? { t, n, lang: o.lang, p } : null;
  const summary =
    c && o.reports.length > 1
      ? markup`<div class="scroll" tabindex="0" role="region" aria-labelledby="all-cap"><table><caption id="all-cap">${t('Все опросы', 'All surveys')}</caption>
<thead><tr><th scope="col">${t('Опрос', 'Survey')}</th><th scope="col" class="num">${t('Ответов', 'Responses')}</th><th scope="col" class="num">${t('Удовлетворённость', 'Satisfaction')}</th><th scope="col" class="num">${t('Изменение, п. п.', 'Change, pp')}</th><th scope="col" class="num">NPS</th><th scope="col" class="num">${t('Индекс усилий', 'Effort index')}</th><th scope="col" class="num">${t('Проблем', 'Problems')}</th></tr></thead>
<tbody>${o.reports.map((r) => markup`<tr><th scope="row" class="wrap">${localize(r.head.title, o.lang)}</th><td class="num">${n.int(r.current.responses)}</td><td class="num">${n.pct(r.current.summary.satisfactionLevel)}</td><td class="num">${n.delta(delta(r.current.summary.satisfactionLevel, r.previous.summary.satisfactionLevel))}</td><td class="num">${n.dec(r.current.summary.nps)}</td><td class="num">${n.dec(r.current.summary.effortIndex)}</td><td class="num">${n.int(r.current.problems)}</td></tr>`)}</tbody></table></div>`
      : '';
  const here = new URLSearchParams();
  if (o.survey) here.set('survey', o.survey);
  for (const k of ['period', 'from', 'to'] as const) if (o.form[k]) here.set(k, o.form[k]);
  return adminShell({
    title: p
      ? `${t('Отчёт', 'Report')}: ${p.label[o.lang]}`
      : t('Отчёт за период', 'Period report'),
    lang: o.lang,
    here: `/admin/report?${here}`,
    session: o.session,
    styles: ['/admin/assets/analyst.css'],
    body: markup`<nav class="crumbs" aria-label="${t('Навигация', 'Breadcrumbs')}"><a href="/admin${langQuery(o.lang)}">${t('Опросы', 'Surveys')}</a></nav>
<h1>${t('Отчёт о результатах обратной связи', 'Feedback report')}${p ? markup`: ${p.label[o.lang]}` : ''}</h1>
${p ? markup`<p>${t('Сравнение с периодом', 'Compared with')}: ${p.previous.label[o.lang]}. ${t('Сформирован', 'Generated')} ${dateText(o.generatedAt.toISOString(), o.lang)}.</p>` : ''}
${form}
${c ? markup`<p class="no-print note">${t('Для печати или PDF: команда «Печать» браузера (A4, номера страниц внизу).', 'To print or save as PDF: the browser’s Print command (A4, page numbers at the bottom).')}</p>` : ''}
<div class="report">
${summary}
${c ? (o.reports.length ? o.reports.map((r, i) => surveySection(c, r, i)) : markup`<p>${t('Опросов нет.', 'No surveys.')}</p>`) : ''}
</div>`,
  });
}
