import { localize, type Survey } from '@otklik/core';
import { markup, type Html } from '../../pages/html.js';
import { periodLabel } from '../../pages/results.js';
import type { Role } from '../../middleware/session.js';
import { FIELD_MAX } from '../../painmap/parse.js';
import { STATUS } from '../../painmap/public-page.js';
import { PREVALENCES, ROW_SOURCES, ROW_STATUSES, type PainRow } from '../../painmap/store.js';
import { numbers, translator, type Lang, type T } from '../i18n.js';
import { csrfField, langQuery, surveyNav } from '../section.js';
import { adminShell } from '../views/shell.js';
import type { PainMapView, Suggestion } from './data.js';

export const SOURCE_NAMES: Record<PainRow['source'], [string, string]> = {
  problem: ['Проблема из анкеты', 'Problem option'],
  'low-score': ['Низкая оценка', 'Low score'],
  theme: ['Тема открытых ответов', 'Open-answer theme'],
  appeal: ['Обращения граждан', 'Citizens’ appeals'],
  inspection: ['Проверка', 'Inspection'],
  other: ['Другой источник', 'Other source'],
};
export const LEVEL_NAMES: Record<PainRow['prevalence'], [string, string]> = {
  high: ['Высокая', 'High'],
  medium: ['Средняя', 'Medium'],
  low: ['Низкая', 'Low'],
};
const FIELD_NAMES: Record<string, [string, string]> = {
  created: ['Строка создана', 'Row created'],
  object: ['Услуга (id)', 'Service (id)'],
  process: ['Процесс, услуга', 'Process, service'],
  problem: ['Проблема, потребность', 'Problem, need'],
  source: ['Источник', 'Source'],
  prevalence: ['Распространённость', 'Prevalence'],
  priority: ['Приоритет', 'Priority'],
  measures: ['Меры', 'Measures'],
  responsible: ['Ответственный', 'Responsible'],
  deadline: ['Срок', 'Deadline'],
  status: ['Статус', 'Status'],
  position: ['Порядок', 'Order'],
};

export interface PainMapPageOptions {
  head: Survey;
  lang: Lang;
  session: { role: Role; csrf: string };
  period: string;
  view: PainMapView;
  saved: boolean;
}

const opt = (value: string, label: string, selected: boolean): Html =>
  markup`<option value="${value}"${selected ? markup` selected` : ''}>${label}</option>`;

/** The row's fields as a form: empty for a new row, filled for an edit. */
function rowFields(t: T, p: string, r?: PainRow): Html {
  const pick = (
    name: string,
    values: readonly string[],
    names: Record<string, [string, string]>,
    current: string,
  ) =>
    markup`<p><label for="${p}-${name}">${t(...FIELD_NAMES[name]!)}</label><select id="${p}-${name}" name="${name}">${values.map((v) => opt(v, t(...(names[v] ?? [v, v])), v === current))}</select></p>`;
  const text = (name: string, value: string, required = false) =>
    markup`<p><label for="${p}-${name}">${t(...FIELD_NAMES[name]!)}</label><input id="${p}-${name}" name="${name}" maxlength="${FIELD_MAX}" value="${value}"${required ? markup` required` : ''}${name === 'priority' ? markup` list="priorities"` : ''}></p>`;
  const statusNames = Object.fromEntries(
    ROW_STATUSES.map((s) => [s, [STATUS[s].ru, STATUS[s].en] as [string, string]]),
  );
  return markup`<div class="edit-grid">
${text('process', r?.process ?? '', true)}
<p><label for="${p}-problem">${t(...FIELD_NAMES['problem']!)}</label><textarea id="${p}-problem" name="problem" rows="2" maxlength="${FIELD_MAX}" required>${r?.problem ?? ''}</textarea></p>
${pick('source', ROW_SOURCES, SOURCE_NAMES, r?.source ?? 'appeal')}
${pick('prevalence', PREVALENCES, LEVEL_NAMES, r?.prevalence ?? 'medium')}
${text('priority', r?.priority ?? '')}
<p><label for="${p}-measures">${t(...FIELD_NAMES['measures']!)}</label><textarea id="${p}-measures" name="measures" rows="2" maxlength="${FIELD_MAX}">${r?.measures ?? ''}</textarea></p>
${text('responsible', r?.responsible ?? '')}
${text('deadline', r?.deadline ?? '')}
${pick('status', ROW_STATUSES, statusNames, r?.status ?? 'planned')}
</div>`;
}

/** A history value as the page names it: statuses, sources and levels in words, the rest as stored. */
function valueName(field: string, v: string | null, lang: Lang): string {
  if (v === null) return '—';
  const names: Record<string, [string, string]> | undefined =
    field === 'source' ? SOURCE_NAMES : field === 'prevalence' ? LEVEL_NAMES : undefined;
  if (names?.[v]) return names[v][lang === 'en' ? 1 : 0];
  if (field === 'status' && v in STATUS) return STATUS[v as PainRow['status']][lang];
  return v;
}

function evidence(s: Suggestion, t: T, lang: Lang): string {
  const n = numbers(lang);
  return `${n.int(s.count)} ${t('из', 'of')} ${n.int(s.of)} (${n.pct(s.share)})`;
}

/**
 * The pain map of a survey for a period («карта болей», 001 Приложение 2, 004 Приложение): the
 * stored rows in the template's columns with each row's history; suggestions from the figures
 * (problem options, low scores) and from the themes of open answers, with their evidence; the
 * administrator adds rows from any source (appeals, inspections…), edits them, and records
 * decisions to publish («Вы сказали — мы сделали»). The XLSX export is one link.
 *
 * @example
 * painMapPage({ head, lang: 'ru', session, period: '2026-Q1', view, saved: false });
 */
export function painMapPage(o: PainMapPageOptions): Html {
  const t = translator(o.lang);
  const n = numbers(o.lang);
  const id = encodeURIComponent(o.head.id);
  const base = `/admin/surveys/${id}/pain-map`;
  const pq = o.period ? `?period=${o.period}` : '';
  const action = (rest: string) => `${base}${rest}${pq}${langQuery(o.lang, pq ? '&' : '?')}`;
  const admin = o.session.role === 'admin';
  const v = o.view;
  const periodName = o.period ? periodLabel(o.period, o.lang) : t('всё время', 'all time');
  const status = (s: PainRow['status']) => STATUS[s][o.lang];
  const table = v.rows.length
    ? markup`<div class="scroll" tabindex="0" role="region" aria-labelledby="rows-cap"><table>
<caption id="rows-cap">${t('Карта болей', 'Pain map')}: ${periodName}</caption>
<thead><tr><th scope="col">№</th><th scope="col">${t('Процесс, услуга', 'Process, service')}</th><th scope="col">${t('Проблема, потребность', 'Problem, need')}</th><th scope="col">${t('Источник', 'Source')}</th><th scope="col">${t('Распространённость', 'Prevalence')}</th><th scope="col">${t('Приоритет', 'Priority')}</th><th scope="col">${t('Меры', 'Measures')}</th><th scope="col">${t('Ответственный', 'Responsible')}</th><th scope="col">${t('Срок', 'Deadline')}</th><th scope="col">${t('Статус', 'Status')}</th></tr></thead>
<tbody>${v.rows.map(
        (r, i) =>
          markup`<tr><td class="num">${i + 1}</td><td class="wrap">${r.process}</td><th scope="row" class="wrap">${r.problem}</th><td>${t(...SOURCE_NAMES[r.source])}</td><td>${t(...LEVEL_NAMES[r.prevalence])}</td><td>${r.priority}</td><td class="wrap">${r.measures}</td><td>${r.responsible}</td><td>${r.deadline}</td><td>${status(r.status)}</td></tr>`,
      )}</tbody></table></div>`
    : markup`<p>${t('В карте болей этого периода пока нет строк.', 'The pain map of this period has no rows yet.')}</p>`;
  const perRow = v.rows.map((r, i) => {
    const changes = v.history.get(r.id) ?? [];
    return markup`<details><summary>${t('Строка', 'Row')} ${i + 1}: ${r.problem} — ${admin ? t('изменить, история', 'edit, history') : t('история изменений', 'history of changes')}</summary>
${
  admin
    ? markup`<form method="post" action="${action(`/rows/${r.id}`)}" aria-label="${t('Изменить строку', 'Edit row')} ${i + 1}">${csrfField(o.session.csrf)}${rowFields(t, `r${r.id}`, r)}<p><button type="submit">${t('Сохранить строку', 'Save the row')} ${i + 1}</button></p></form>`
    : ''
}
<div class="scroll" tabindex="0" role="region" aria-labelledby="h-${r.id}"><table><caption id="h-${r.id}">${t('История строки', 'History of row')} ${i + 1}</caption>
<thead><tr><th scope="col">${t('Когда', 'When')}</th><th scope="col">${t('Кто', 'Who')}</th><th scope="col">${t('Поле', 'Field')}</th><th scope="col">${t('Было', 'Was')}</th><th scope="col">${t('Стало', 'Now')}</th></tr></thead>
<tbody>${changes.map(
      (ch) =>
        markup`<tr><td>${new Date(ch.at).toLocaleString(o.lang === 'en' ? 'en-GB' : 'ru-RU', { timeZone: 'UTC', dateStyle: 'short', timeStyle: 'short' })} UTC</td><td>${ch.actor}</td><td>${t(...(FIELD_NAMES[ch.field] ?? [ch.field, ch.field]))}</td><td class="wrap">${valueName(ch.field, ch.old, o.lang)}</td><td class="wrap">${valueName(ch.field, ch.new, o.lang)}</td></tr>`,
    )}</tbody></table></div></details>`;
  });
  const suggestions = v.suggestions.length
    ? markup`<div class="scroll" tabindex="0" role="region" aria-labelledby="sugg-cap"><table>
<caption id="sugg-cap">${t('Предложено по ответам', 'Suggested by the responses')}: ${periodName}</caption>
<thead><tr><th scope="col">${t('Процесс, услуга', 'Process, service')}</th><th scope="col">${t('Проблема', 'Problem')}</th><th scope="col">${t('Источник', 'Source')}</th><th scope="col">${t('Распространённость', 'Prevalence')}</th><th scope="col" class="num">${t('Основание', 'Evidence')}</th><th scope="col">${t('В карте', 'In the map')}</th></tr></thead>
<tbody>${v.suggestions.map(
        (s, i) =>
          markup`<tr><td class="wrap">${s.row.process}</td><th scope="row" class="wrap">${s.row.problem}</th><td>${t(...SOURCE_NAMES[s.row.source])}</td><td>${t(...LEVEL_NAMES[s.row.prevalence])}</td><td class="num">${evidence(s, t, o.lang)}</td><td>${
            s.stored
              ? t('да', 'yes')
              : admin && s.row.source === 'theme'
                ? markup`<form method="post" action="${action('/rows')}">${csrfField(o.session.csrf)}<input type="hidden" name="process" value="${s.row.process}"><input type="hidden" name="problem" value="${s.row.problem}"><input type="hidden" name="source" value="theme"><input type="hidden" name="prevalence" value="${s.row.prevalence}"><button type="submit" id="add-s-${i}" aria-describedby="add-s-${i}-what">${t('Добавить', 'Add')}</button><span class="visually-hidden" id="add-s-${i}-what">${s.row.problem}</span></form>`
                : t('нет', 'no')
          }</td></tr>`,
      )}</tbody></table></div>
${
  admin && v.suggestions.some((s) => !s.stored && s.row.source !== 'theme')
    ? markup`<form method="post" action="${action('/suggested')}">${csrfField(o.session.csrf)}<p><button type="submit">${t('Добавить в карту предложенные проблемы и низкие оценки', 'Add the suggested problems and low scores to the map')}</button></p></form>`
    : ''
}`
    : markup`<p>${t('За этот период ответы ничего не предлагают.', 'The responses of this period suggest nothing.')}</p>`;
  const rowOptions = v.rows.map((r, i) => opt(String(r.id), `${i + 1}. ${r.problem}`, false));
  const decisions = markup`${
    v.decisions.length
      ? markup`<ul>${v.decisions.map(
          (d) =>
            markup`<li><p>${d.text.ru}${d.text.en ? markup` <span lang="en">(${d.text.en})</span>` : ''}</p><p class="note">${status(d.status)}; ${d.published ? t('опубликовано на странице результатов', 'published on the results page') : t('не опубликовано', 'not published')}${d.painRowId ? `; ${t('строка карты', 'pain-map row')} ${v.rows.findIndex((r) => r.id === d.painRowId) + 1 || d.painRowId}` : ''}</p>${
              admin
                ? markup`<form method="post" action="${action(`/decisions/${d.id}`)}">${csrfField(o.session.csrf)}<input type="hidden" name="published" value="${d.published ? 'false' : 'true'}"><button type="submit">${d.published ? t('Снять с публикации', 'Unpublish') : t('Опубликовать', 'Publish')}<span class="visually-hidden">: ${d.text.ru}</span></button></form>`
                : ''
            }</li>`,
        )}</ul>`
      : markup`<p>${t('Решений пока нет.', 'No decisions yet.')}</p>`
  }
${
  admin
    ? markup`<form method="post" action="${action('/decisions')}" aria-labelledby="dec-add-h">${csrfField(o.session.csrf)}<h3 id="dec-add-h">${t('Записать решение', 'Record a decision')}</h3>
<div class="edit-grid">
<p><label for="d-ru">${t('Что сделано или решено (по-русски)', 'What was done or decided (Russian)')}</label><textarea id="d-ru" name="textRu" rows="2" maxlength="${FIELD_MAX}" required></textarea></p>
<p><label for="d-en">${t('То же по-английски (необязательно)', 'The same in English (optional)')}</label><textarea id="d-en" name="textEn" rows="2" maxlength="${FIELD_MAX}"></textarea></p>
<p><label for="d-row">${t('Строка карты болей', 'Pain-map row')}</label><select id="d-row" name="painRowId">${opt('', t('Без строки', 'None'), true)}${rowOptions}</select></p>
<p><label for="d-status">${t('Статус', 'Status')}</label><select id="d-status" name="status">${ROW_STATUSES.map((s) => opt(s, status(s), s === 'done'))}</select></p>
<p><label for="d-done">${t('Дата выполнения', 'Done on')}</label><input id="d-done" name="doneOn" type="date"></p>
<p class="checkbox"><input id="d-pub" name="published" type="checkbox" value="true"> <label for="d-pub">${t('Опубликовать («Вы сказали — мы сделали»)', 'Publish ("You said, we did")')}</label></p>
</div><p><button type="submit">${t('Записать решение', 'Record the decision')}</button></p></form>`
    : ''
}`;
  return adminShell({
    title: `${t('Карта болей', 'Pain map')}: ${localize(o.head.title, o.lang)}`,
    lang: o.lang,
    here: `${base}${pq}`,
    session: o.session,
    styles: ['/admin/assets/analyst.css'],
    body: markup`<nav class="crumbs" aria-label="${t('Навигация', 'Breadcrumbs')}"><a href="/admin${langQuery(o.lang)}">${t('Опросы', 'Surveys')}</a> / <a href="/admin/surveys/${id}${langQuery(o.lang)}">${localize(o.head.title, o.lang)}</a></nav>
<h1>${t('Карта болей', 'Pain map')}: ${periodName}</h1>
${surveyNav(o.head.id, o.lang, '/pain-map', o.session.role)}
<form method="get" class="inline" aria-label="${t('Период', 'Period')}">${o.lang === 'en' ? markup`<input type="hidden" name="lang" value="en">` : ''}
<p><label for="pm-period">${t('Период', 'Period')}</label><input id="pm-period" name="period" value="${o.period}" pattern="\\d{4}(-(H[12]|Q[1-4]|0[1-9]|1[0-2]))?" aria-describedby="pm-period-hint"><span class="note" id="pm-period-hint">${t('2026, 2026-H1, 2026-Q1 или 2026-03; пусто — всё время', '2026, 2026-H1, 2026-Q1 or 2026-03; empty: all time')}</span></p>
<p><button type="submit">${t('Показать', 'Show')}</button></p></form>
${o.saved ? markup`<p class="status-msg" role="status">${t('Изменение сохранено.', 'The change is saved.')}</p>` : ''}
<p><a href="${base}.xlsx${pq}" download>${t('Скачать карту болей (XLSX, для печати на A4)', 'Download the pain map (XLSX, prints on A4)')}</a></p>
<h2 id="rows-h">${t('Строки карты', 'Rows of the map')} (${n.int(v.rows.length)})</h2>
${table}
${perRow}
${
  admin
    ? markup`<form method="post" action="${action('/rows')}" aria-labelledby="add-h">${csrfField(o.session.csrf)}<h3 id="add-h">${t('Добавить строку (обращения, проверки, другие источники)', 'Add a row (appeals, inspections, other sources)')}</h3>
${rowFields(t, 'new')}<p><button type="submit">${t('Добавить строку', 'Add the row')}</button></p></form>`
    : markup`<p class="note">${t('Строки добавляет и изменяет администратор.', 'The administrator adds and edits rows.')}</p>`
}
<datalist id="priorities"><option value="${t('Высокий', 'High')}"><option value="${t('Средний', 'Medium')}"><option value="${t('Низкий', 'Low')}"></datalist>
<h2 id="sugg-h">${t('Предложения по ответам', 'Suggestions from the responses')}</h2>
<p class="note">${t('Распространённость: 20 % ответов и больше — высокая, от 5 % — средняя, меньше — низкая. Темы открытых ответов — за всё время.', 'Prevalence: 20 % of responses or more is high, from 5 % medium, below that low. Open-answer themes are over all time.')}</p>
${suggestions}
<h2 id="dec-h">${t('Решения: «Вы сказали — мы сделали»', 'Decisions: "You said, we did"')}</h2>
${decisions}`,
  });
}
