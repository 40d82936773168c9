import {
  localize,
  optionsOf,
  percent,
  scalePoints,
  type Question,
  type QuestionFigures,
  type Survey,
  type SurveyReport,
} from '@otklik/core';
import { markup, type Html } from '../../pages/html.js';
import { periodLabel } from '../../pages/results.js';
import type { Role } from '../../middleware/session.js';
import { PERIODS, reportQuestions, type ReportQuestion } from '../../reports/index.js';
import { renderChart, svgDataUrl } from '../charts.js';
import type { DimensionRow, SurveyDashboard } from '../data.js';
import {
  filterQuery,
  FILTER_DIMS,
  type DashboardFilter,
  type FilterDim,
  type SortKey,
} from '../filters.js';
import { channelName, numbers, translator, type Lang, type Numbers, type T } from '../i18n.js';
import { surveyNav } from '../section.js';
import { adminShell } from './shell.js';

export interface SurveyPageOptions {
  data: SurveyDashboard;
  filter: DashboardFilter;
  lang: Lang;
  session: { role: Role; csrf: string };
}

interface Ctx {
  d: SurveyDashboard;
  f: DashboardFilter;
  lang: Lang;
  t: T;
  n: Numbers;
  base: string;
}

const PERIOD_NAMES: Record<string, [string, string]> = {
  month: ['Месяц', 'Month'],
  quarter: ['Квартал', 'Quarter'],
  'half-year': ['Полугодие', 'Half-year'],
  year: ['Год', 'Year'],
};

const delta = (a: number | null | undefined, b: number | null | undefined): number | null =>
  typeof a === 'number' && typeof b === 'number' ? Math.round((a - b) * 10) / 10 : null;

/** The mean of the first satisfaction scale: the «mean score» of the headline. */
function mainMean(r: SurveyReport | undefined): { mean: number | null; id: string } | null {
  const q = r?.questions.find((x) => x.type === 'scale' && x.role === 'satisfaction');
  return q && q.type === 'scale' ? { mean: q.mean, id: q.id } : null;
}

/** «Negative feedback is high» (000 §14, 001 §4.5): level below the threshold or a steep drop. */
export function negativeFlag(
  row: { current: SurveyReport | null; previous: SurveyReport | null },
  f: Pick<DashboardFilter, 'minLevel' | 'maxDrop'>,
): 'low' | 'drop' | null {
  const now = row.current?.summary.satisfactionLevel;
  if (row.current === null || row.current.responses === 0 || typeof now !== 'number') return null;
  if (now < f.minLevel) return 'low';
  const d = delta(now, row.previous?.summary.satisfactionLevel);
  return d !== null && -d >= f.maxDrop ? 'drop' : null;
}

const DIM_NAMES: Record<FilterDim, [string, string]> = {
  channel: ['Канал', 'Channel'],
  object: ['Услуга', 'Service'],
  touchpoint: ['Точка контакта', 'Touchpoint'],
  respondent: ['Респонденты', 'Respondents'],
};

/** A dimension's values as checkboxes: none ticked means every value. */
function dimensionPicker(c: Ctx, dim: FilterDim): Html {
  const choices = c.d.choices[dim];
  if (choices.length === 0) return markup``;
  const chosen = new Set(c.f.only[dim] ?? []);
  return markup`<fieldset class="pick"><legend>${c.t(...DIM_NAMES[dim])}</legend><p class="hint">${c.t('Ничего не отмечено — все.', 'None ticked: all.')}</p>
<div class="options">${choices.map((ch) => markup`<label><input type="checkbox" name="${dim}" value="${ch.key}"${chosen.has(ch.key) ? markup` checked` : ''}> ${ch.name}</label>`)}</div></fieldset>`;
}

function filterForm(c: Ctx): Html {
  const { t, f, d } = c;
  const opt = (value: string, label: string, selected: boolean) =>
    markup`<option value="${value}"${selected ? markup` selected` : ''}>${label}</option>`;
  return markup`<form method="get" class="filters" aria-labelledby="filters-h">
<h2 id="filters-h">${t('Фильтры', 'Filters')}</h2>
${c.lang === 'en' ? markup`<input type="hidden" name="lang" value="en">` : ''}
<div class="fields">
<p><label for="f-from">${t('С даты', 'From')}</label><input id="f-from" name="from" type="date" value="${f.from ?? ''}"></p>
<p><label for="f-to">${t('По дату', 'To')}</label><input id="f-to" name="to" type="date" value="${f.to ?? ''}"></p>
<p><label for="f-period">${t('Период сравнения', 'Period')}</label><select id="f-period" name="period">${PERIODS.map((p) => opt(p, t(...PERIOD_NAMES[p]!), p === f.period))}</select></p>
<p><label for="f-version">${t('Версия анкеты', 'Survey version')}</label><select id="f-version" name="version">${opt('', t('Все версии', 'All versions'), !f.version)}${d.versions.map((v) => opt(String(v.version), String(v.version), f.version === v.version))}</select></p>
</div>
<div class="picks">${FILTER_DIMS.map((dim) => dimensionPicker(c, dim))}</div>
<div class="fields">
<p><label for="f-silent">${t('«Молчит» после, дней', 'Silent after, days')}</label><input id="f-silent" name="silentDays" type="number" min="0" max="3650" inputmode="numeric" value="${f.silentDays}"></p>
<p><label for="f-min">${t('Порог удовлетворённости, %', 'Satisfaction threshold, %')}</label><input id="f-min" name="minLevel" type="number" min="0" max="100" inputmode="numeric" value="${f.minLevel}"></p>
<p><label for="f-drop">${t('Допустимое падение, п. п.', 'Allowed drop, pp')}</label><input id="f-drop" name="maxDrop" type="number" min="0" max="100" inputmode="numeric" value="${f.maxDrop}"></p>
</div>
<p class="actions"><button type="submit">${t('Показать', 'Apply')}</button> <a href="${c.base}${c.lang === 'en' ? '?lang=en' : ''}">${t('Сбросить фильтры', 'Reset filters')}</a></p>
</form>`;
}

function headline(c: Ctx): Html {
  const { t, n, d } = c;
  const cur = d.latest?.report;
  const prev = d.previous?.report;
  const card = (value: string, label: string, change: number | null, unit: string) =>
    markup`<li><span class="figure">${value}</span>${label}${
      d.previous
        ? markup`<span class="change">${change === null ? t('изменение: нет данных', 'change: no data') : `${t('изменение', 'change')}: ${n.delta(change)}${unit}`}</span>`
        : ''
    }</li>`;
  const s = cur?.summary;
  const p = prev?.summary;
  const mean = mainMean(cur);
  const pm = mainMean(prev);
  const scope = d.latest
    ? markup`${periodLabel(d.latest.key, c.lang)}${d.previous ? markup` (${t('предыдущий период', 'previous period')}: ${periodLabel(d.previous.key, c.lang)})` : ''}`
    : t('нет ответов', 'no responses');
  return markup`<h2 id="headline-h">${t('Главные показатели', 'Key figures')}: ${scope}</h2>
<p>${t('Всего ответов по фильтру', 'Responses matching the filters')}: <strong data-figure="responses">${n.int(d.total.responses)}</strong></p>
<ul class="cards" aria-labelledby="headline-h">
${card(n.int(cur?.responses ?? 0), t('ответов за период', 'responses in the period'), delta(cur?.responses, prev?.responses), '')}
${card(n.pct(s?.satisfactionLevel), t('уровень удовлетворённости (доля оценок 4–5)', 'satisfaction level (share of 4–5)'), delta(s?.satisfactionLevel, p?.satisfactionLevel), t('\u00a0п.\u00a0п.', '\u00a0pp'))}
${mean ? card(n.dec(mean.mean), t('средняя оценка удовлетворённости', 'mean satisfaction score'), delta(mean.mean, pm?.mean), '') : ''}
${s?.satisfiedShare !== null && s?.satisfiedShare !== undefined ? card(n.pct(s.satisfiedShare), t('доля удовлетворённых', 'satisfied'), delta(s.satisfiedShare, p?.satisfiedShare), t('\u00a0п.\u00a0п.', '\u00a0pp')) : ''}
${s?.nps !== null && s?.nps !== undefined ? card(n.dec(s.nps), t('индекс лояльности (NPS)', 'loyalty index (NPS)'), delta(s.nps, p?.nps), '') : ''}
${s?.effortIndex !== null && s?.effortIndex !== undefined ? card(n.dec(s.effortIndex), t('индекс клиентских усилий', 'customer effort index'), delta(s.effortIndex, p?.effortIndex), '') : ''}
</ul>`;
}

/** A chart as an image with a text alternative, a caption, and its data as a table. */
function chartFigure(o: {
  id: string;
  caption: string;
  alt: string;
  svg: string;
  table: Html;
  t: T;
}): Html {
  return markup`<figure class="chart" aria-labelledby="${o.id}-cap">
<img src="${svgDataUrl(o.svg)}" alt="${o.alt}" width="720" height="320">
<figcaption id="${o.id}-cap">${o.caption}</figcaption>
<details><summary>${o.t('Данные диаграммы таблицей', 'Chart data as a table')}</summary>
<div class="scroll" tabindex="0" role="region" aria-label="${o.caption}">${o.table}</div></details>
</figure>`;
}

function charts(c: Ctx): Html {
  const { t, n, d, lang } = c;
  if (d.trend.length === 0) return markup``;
  const labels = d.trend.map((p) => periodLabel(p.key, lang));
  const channels = [...new Set(d.trend.flatMap((p) => Object.keys(p.report.channels)))];
  const format = (v: number) => n.dec(v);
  const volume = renderChart({
    kind: 'stacked-bar',
    format,
    categories: labels,
    series: channels.map((ch) => ({
      name: channelName(ch, lang),
      values: d.trend.map((p) => p.report.channels[ch]?.count ?? 0),
    })),
  });
  const volumeTable = markup`<table><caption>${t('Ответы по периодам и каналам', 'Responses by period and channel')}</caption>
<thead><tr><th scope="col">${t('Период', 'Period')}</th>${channels.map((ch) => markup`<th scope="col" class="num">${channelName(ch, lang)}</th>`)}<th scope="col" class="num">${t('Всего', 'Total')}</th></tr></thead>
<tbody>${d.trend.map((p, i) => markup`<tr><th scope="row">${labels[i]}</th>${channels.map((ch) => markup`<td class="num">${n.int(p.report.channels[ch]?.count ?? 0)}</td>`)}<td class="num">${n.int(p.report.responses)}</td></tr>`)}</tbody></table>`;
  const metrics: [string, (r: SurveyReport) => number | null][] = [
    [t('Удовлетворённость, %', 'Satisfaction, %'), (r) => r.summary.satisfactionLevel],
    ['NPS', (r) => r.summary.nps],
    [t('Индекс усилий', 'Effort index'), (r) => r.summary.effortIndex],
  ];
  const shown = metrics.filter(([, get]) => d.trend.some((p) => get(p.report) !== null));
  const trend = renderChart({
    kind: 'line',
    format,
    categories: labels,
    min: shown.length > 1 ? -100 : 0,
    max: 100,
    series: shown.map(([name, get]) => ({ name, values: d.trend.map((p) => get(p.report)) })),
  });
  const trendTable = markup`<table><caption>${t('Показатели по периодам', 'Figures by period')}</caption>
<thead><tr><th scope="col">${t('Период', 'Period')}</th><th scope="col" class="num">${t('Ответов', 'Responses')}</th>${shown.map(([name]) => markup`<th scope="col" class="num">${name}</th>`)}</tr></thead>
<tbody>${d.trend.map((p, i) => markup`<tr><th scope="row">${labels[i]}</th><td class="num">${n.int(p.report.responses)}</td>${shown.map(([, get]) => markup`<td class="num">${n.dec(get(p.report))}</td>`)}</tr>`)}</tbody></table>`;
  const last = d.trend.at(-1)!;
  const altVolume = `${t('Столбчатая диаграмма: ответы по каналам за', 'Stacked bar chart: responses by channel over')} ${labels.length} ${t('периодов; последний', 'periods; the latest')} (${labels.at(-1)}) — ${n.int(last.report.responses)}.`;
  const altTrend = `${t('Линейная диаграмма показателей по периодам; последний период', 'Line chart of the figures by period; the latest period')} (${labels.at(-1)}): ${shown.map(([name, get]) => `${name} ${n.dec(get(last.report))}`).join('; ')}.`;
  return markup`<h2>${t('Динамика', 'Trend')}</h2>
<div class="charts">
${chartFigure({ id: 'volume', caption: t('Число ответов по каналам', 'Responses by channel'), alt: altVolume, svg: volume, table: volumeTable, t })}
${shown.length ? chartFigure({ id: 'trend', caption: t('Удовлетворённость, NPS и индекс усилий', 'Satisfaction, NPS and effort index'), alt: altTrend, svg: trend, table: trendTable, t }) : ''}
</div>`;
}

function sortValue(r: DimensionRow, key: SortKey): number | string | null {
  const s = r.current?.summary;
  switch (key) {
    case 'name':
      return r.name.toLocaleLowerCase();
    case 'responses':
      return r.current?.responses ?? 0;
    case 'level':
      return s?.satisfactionLevel ?? null;
    case 'delta':
      return delta(s?.satisfactionLevel, r.previous?.summary.satisfactionLevel);
    case 'nps':
      return s?.nps ?? null;
    case 'effort':
      return s?.effortIndex ?? null;
  }
}

/** Sorted rows; rows without a value go last whatever the direction. */
function sortRows(rows: DimensionRow[], key: SortKey, desc: boolean): DimensionRow[] {
  return [...rows].sort((a, b) => {
    const x = sortValue(a, key);
    const y = sortValue(b, key);
    if (x === null || y === null) return x === y ? 0 : x === null ? 1 : -1;
    const cmp = typeof x === 'string' ? x.localeCompare(String(y), 'ru') : x - (y as number);
    return desc ? -cmp : cmp;
  });
}

function dimensionTable(c: Ctx, dim: 'object' | 'touchpoint', rows: DimensionRow[]): Html {
  const { t, n, f } = c;
  const id = dim === 'object' ? 'services' : 'touchpoints';
  const title =
    dim === 'object' ? t('По услугам', 'By service') : t('По точкам контакта', 'By touchpoint');
  const active = rows.filter((r) => r.current !== null || r.previous !== null);
  if (active.length === 0) return markup``;
  const sorted = sortRows(active, f.sort, f.desc);
  const cols: [SortKey, string][] = [
    ['name', dim === 'object' ? t('Услуга', 'Service') : t('Точка контакта', 'Touchpoint')],
    ['responses', t('Ответов', 'Responses')],
    ['level', t('Удовлетворённость', 'Satisfaction')],
    ['delta', t('Изменение, п. п.', 'Change, pp')],
    ['nps', 'NPS'],
    ['effort', t('Индекс усилий', 'Effort index')],
  ];
  const head = cols.map(([key, label]) => {
    const on = f.sort === key;
    const next = on ? !f.desc : key !== 'name';
    const dir = on ? (f.desc ? 'descending' : 'ascending') : undefined;
    const hint = next ? t('по убыванию', 'descending') : t('по возрастанию', 'ascending');
    return markup`<th scope="col"${key === 'name' ? '' : markup` class="num"`}${dir ? markup` aria-sort="${dir}"` : ''}><a href="${c.base}${filterQuery(f, c.lang, { sort: key, desc: next })}#${id}">${label}<span class="visually-hidden">, ${t('сортировать', 'sort')} ${hint}</span></a>${on ? markup`<span aria-hidden="true">${f.desc ? ' ↓' : ' ↑'}</span>` : ''}</th>`;
  });
  const body = sorted.map((r) => {
    const s = r.current?.summary;
    const flag = negativeFlag(r, f);
    const name = r.key === null ? t('(не указано)', '(not given)') : r.name;
    return markup`<tr${flag ? markup` class="flagged"` : ''}><th scope="row">${name}${flag ? markup` <span class="flag">${flag === 'low' ? t('⚠ ниже порога', '⚠ below threshold') : t('⚠ резкое падение', '⚠ sharp drop')}</span>` : ''}</th>
<td class="num">${n.int(r.current?.responses ?? 0)}</td><td class="num">${n.pct(s?.satisfactionLevel)}</td><td class="num">${n.delta(delta(s?.satisfactionLevel, r.previous?.summary.satisfactionLevel))}</td><td class="num">${n.dec(s?.nps)}</td><td class="num">${n.dec(s?.effortIndex)}</td></tr>`;
  });
  return markup`<section aria-labelledby="${id}-h"><h3 id="${id}-h">${title}</h3>
<div class="scroll" tabindex="0" role="region" aria-labelledby="${id}-h ${id}-cap"><table id="${id}">
<caption id="${id}-cap">${c.d.latest ? periodLabel(c.d.latest.key, c.lang) : ''}${c.d.previous ? ` (${t('изменение к предыдущему периоду', 'change from the previous period')}: ${periodLabel(c.d.previous.key, c.lang)})` : ''}</caption>
<thead><tr>${head}</tr></thead><tbody>${body}</tbody></table></div></section>`;
}

function negativeList(c: Ctx): Html {
  const { t, n, f, d } = c;
  const flagged = d.services
    .filter((r) => r.key !== null)
    .map((r) => ({ r, flag: negativeFlag(r, f) }))
    .filter((x) => x.flag !== null);
  return markup`<section aria-labelledby="negative-h" class="alert-box"><h2 id="negative-h">${t('Высокий уровень негативных отзывов', 'Negative feedback is high')}</h2>
<p class="note">${t(`Услуги с удовлетворённостью ниже ${n.int(f.minLevel)} % или с падением на ${n.int(f.maxDrop)} п. п. и более к предыдущему периоду: повод для дополнительного ежеквартального опроса (000 §14, 001 §4.5).`, `Services with satisfaction below ${n.int(f.minLevel)} % or down ${n.int(f.maxDrop)} pp or more from the previous period: the trigger for an extra quarterly survey (000 §14, 001 §4.5).`)}</p>
${
  flagged.length
    ? markup`<ul>${flagged.map(({ r, flag }) => markup`<li><strong>${r.name}</strong>: ${n.pct(r.current?.summary.satisfactionLevel)}${flag === 'drop' ? markup`, ${t('было', 'was')} ${n.pct(r.previous?.summary.satisfactionLevel)}` : ''}</li>`)}</ul>`
    : markup`<p>${t('Таких услуг нет.', 'None.')}</p>`
}</section>`;
}

function silentList(c: Ctx): Html {
  const { t, n, f, d } = c;
  const silent = (rows: DimensionRow[]) =>
    rows
      .filter((r) => r.key !== null && (r.daysSilent === null || r.daysSilent >= f.silentDays))
      .sort((a, b) => (b.daysSilent ?? Infinity) - (a.daysSilent ?? Infinity));
  const table = (rows: DimensionRow[], caption: string, id: string) =>
    rows.length
      ? markup`<div class="scroll" tabindex="0" role="region" aria-labelledby="${id}"><table><caption id="${id}">${caption}</caption>
<thead><tr><th scope="col">${t('Название', 'Name')}</th><th scope="col" class="num">${t('Дней без ответов', 'Days without responses')}</th><th scope="col">${t('В справочнике', 'In the catalogue')}</th></tr></thead>
<tbody>${rows.map((r) => markup`<tr><th scope="row">${r.name}</th><td class="num">${r.daysSilent === null ? t('ни одного ответа', 'never answered') : n.int(r.daysSilent)}</td><td>${r.inCatalog ? t('да', 'yes') : t('нет', 'no')}</td></tr>`)}</tbody></table></div>`
      : markup`<p>${caption}: ${t('все отвечают.', 'all are answering.')}</p>`;
  return markup`<section aria-labelledby="silent-h"><h2 id="silent-h">${t('Молчащие услуги и точки контакта', 'Silent services and touchpoints')}</h2>
<p class="note">${t(`Нет ответов ${n.int(f.silentDays)} дней и дольше, или не было ни одного. Отсутствие отзывов — тоже сигнал (000 §35).`, `No responses for ${n.int(f.silentDays)} days or longer, or none ever. Silence is a signal too (000 §35).`)}</p>
${table(silent(d.services), t('Услуги', 'Services'), 'silent-services')}
${table(silent(d.touchpoints), t('Точки контакта', 'Touchpoints'), 'silent-touchpoints')}
</section>`;
}

/** The text of an answer value: option, scale point or catalogue entry. */
function valueName(q: ReportQuestion, value: string, survey: Survey, lang: Lang): string {
  const opts = 'options' in q ? q.options : undefined;
  const extras = 'extraOptions' in q ? q.extraOptions : undefined;
  const o = [...(opts ?? []), ...(extras ?? [])].find((x) => x.id === value);
  if (o) return localize(o.text, lang);
  for (const entries of Object.values(survey.catalogs ?? {})) {
    const e = entries.find((x) => x.id === value);
    if (e) return localize(e.text, lang);
  }
  return value;
}

/** 0–5: how dark a heat-map cell is (the number is printed in it too). */
const heat = (share: number | null): number =>
  share === null ? 0 : Math.min(5, Math.floor(share / 20) + (share > 0 ? 1 : 0));

function matrixHeat(
  c: Ctx,
  q: Extract<Question, { type: 'matrix' }>,
  f: Extract<QuestionFigures, { type: 'matrix' }>,
): Html {
  const { t, n, lang } = c;
  // Highest point first, as the forms print them, then the extra options.
  const points = [...scalePoints(q.scale).reverse().map(String), ...optionsOf(q).map((e) => e.id)];
  const label = (p: string) => valueName(q, p, c.d.head, lang);
  return markup`<div class="scroll" tabindex="0" role="region" aria-labelledby="heat-${q.id}"><table class="heat"><caption id="heat-${q.id}">${localize(q.title, lang)} — ${t('тепловая карта: доля оценок по параметрам', 'heat map: share of each rating per item')}</caption>
<thead><tr><th scope="col">${t('Параметр', 'Item')}</th>${points.map((p) => markup`<th scope="col" class="num">${label(p)}</th>`)}<th scope="col" class="num">${t('Средняя', 'Mean')}</th><th scope="col" class="num">${t('Доля 4–5', 'Top two')}</th></tr></thead>
<tbody>${f.rows.map((r) => {
    const text = localize(q.rows.find((x) => x.id === r.id)?.text, lang);
    return markup`<tr><th scope="row">${text}</th>${points.map((p) => {
      const share = percent(r.distribution[p] ?? 0, r.answered);
      return markup`<td class="num heat-${heat(share)}">${n.pct(share)}</td>`;
    })}<td class="num">${n.dec(r.mean)}</td><td class="num">${n.pct(r.topTwoShare)}</td></tr>`;
  })}</tbody></table></div>`;
}

function distribution(c: Ctx, q: ReportQuestion, f: QuestionFigures): Html {
  const { t, n, lang } = c;
  const title = localize(q.title, lang);
  if (f.type === 'text')
    return markup`<h3>${title}</h3><p>${t('Ответили', 'Answered')}: ${n.int(f.answered)}. ${t('Тексты ответов — в выгрузке ответов (CSV, XLSX).', 'The texts are in the responses export (CSV, XLSX).')}</p>`;
  if (f.type === 'matrix' && q.type === 'matrix') return matrixHeat(c, q, f);
  if (f.type === 'matrix') return markup``;
  let keys: string[];
  if (q.type === 'scale') {
    keys = [...scalePoints(q).reverse().map(String), ...optionsOf(q).map((e) => e.id)];
  } else {
    keys = Object.keys(f.distribution).sort(
      (a, b) => (f.distribution[b] ?? 0) - (f.distribution[a] ?? 0),
    );
  }
  const extra =
    f.type === 'scale'
      ? `${t('Средняя', 'Mean')}: ${n.dec(f.mean)}; ${t('доля двух высших оценок', 'top-two share')}: ${n.pct(f.topTwoShare)}${f.nps !== undefined ? `; NPS: ${n.dec(f.nps)}` : ''}${f.effortIndex !== undefined ? `; ${t('индекс усилий', 'effort index')}: ${n.dec(f.effortIndex)}` : ''}`
      : '';
  return markup`<div class="scroll" tabindex="0" role="region" aria-labelledby="dist-${q.id}"><table class="dist"><caption id="dist-${q.id}">${title}</caption>
<thead><tr><th scope="col">${t('Ответ', 'Answer')}</th><th scope="col" class="num">${t('Число', 'Count')}</th><th scope="col" class="num">${t('Доля', 'Share')}</th><th scope="col"><span class="visually-hidden">${t('Полоса', 'Bar')}</span></th></tr></thead>
<tbody>${keys.map((k) => {
    const count = f.distribution[k] ?? 0;
    const share = percent(count, f.answered);
    return markup`<tr><th scope="row">${valueName(q, k, c.d.head, lang)}</th><td class="num">${n.int(count)}</td><td class="num">${n.pct(share)}</td><td><meter min="0" max="100" value="${share ?? 0}" aria-hidden="true"></meter></td></tr>`;
  })}</tbody></table></div>${extra ? markup`<p class="note">${extra}</p>` : ''}`;
}

/**
 * One survey's dashboard: filters in a GET form (the view is its URL), key figures with the change
 * from the previous period, charts with their data as tables, the «negative feedback is high»
 * flags, per-service and per-touchpoint tables sorted by links, silent services and touchpoints,
 * matrix heat maps and every question's distribution. Real counts: this page is for analysts.
 *
 * @example
 * surveyPage({ data, filter, lang: 'ru', session }).value;
 */
export function surveyPage(o: SurveyPageOptions): Html {
  const t = translator(o.lang);
  const base = `/admin/surveys/${encodeURIComponent(o.data.head.id)}`;
  const c: Ctx = { d: o.data, f: o.filter, lang: o.lang, t, n: numbers(o.lang), base };
  const byId = new Map(reportQuestions(o.data.versions).map((q) => [q.id, q]));
  const title = localize(o.data.head.title, o.lang);
  return adminShell({
    title,
    lang: o.lang,
    here: `${base}${filterQuery(o.filter, 'ru')}`,
    session: o.session,
    styles: ['/admin/assets/analyst.css'],
    body: markup`<nav class="crumbs" aria-label="${t('Навигация', 'Breadcrumbs')}"><a href="/admin${o.lang === 'en' ? '?lang=en' : ''}">${t('Опросы', 'Surveys')}</a> / ${o.data.head.id}</nav>
<h1>${title}</h1>
${surveyNav(o.data.head.id, o.lang, '', o.session.role)}
${filterForm(c)}
${headline(c)}
${charts(c)}
${negativeList(c)}
<h2>${t('Услуги и точки контакта', 'Services and touchpoints')}</h2>
${dimensionTable(c, 'object', o.data.services)}
${dimensionTable(c, 'touchpoint', o.data.touchpoints)}
${silentList(c)}
<h2>${t('Ответы на вопросы', 'Answers by question')}</h2>
<p class="note">${t('По всем ответам, подходящим под фильтры', 'Over every response matching the filters')}: ${c.n.int(o.data.total.responses)}.</p>
${o.data.total.questions.map((f) => {
  const question = byId.get(f.id);
  return question ? distribution(c, question, f) : '';
})}`,
  });
}
