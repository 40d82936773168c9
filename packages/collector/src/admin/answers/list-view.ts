import { localize, RESPONDENTS, type Survey } from '@otklik/core';
import { markup, type Html } from '../../pages/html.js';
import type { Role } from '../../middleware/session.js';
import type { OpenAnswer } from '../../themes/store.js';
import type { DashboardFilter } from '../filters.js';
import type { Slice, SliceDim } from './data.js';
import { channelName, numbers, translator, type Lang, type T } from '../i18n.js';
import { csrfField, langQuery, surveyNav } from '../section.js';
import { dateText } from '../views/list.js';
import { adminShell } from '../views/shell.js';

/** A question with free texts, as the pages list them. */
export interface TextQuestion {
  id: string;
  title: string;
  /** A `text` question (else the texts of options with a field). */
  open: boolean;
}

export interface AnswersPageOptions {
  head: Survey;
  lang: Lang;
  session: { role: Role; csrf: string };
  questions: TextQuestion[];
  question: string;
  filter: DashboardFilter;
  /** The one value the list is narrowed to, if any. */
  slice?: Slice | undefined;
  respondent: string;
  search: string;
  /** A theme id or `unsorted`, with its name, when the list shows one theme. */
  theme?: { id: string; name: string } | undefined;
  /** The current page's cursor ('' for the first page). */
  cursor: string;
  items: OpenAnswer[];
  nextCursor: string | null;
  choices: Record<SliceDim, string[]>;
  /** A service's or touchpoint's name. */
  nameOf: (id: string) => string;
  /** Themes an answer can be moved to (the administrator's forms); empty for analysts. */
  themes: { id: string; name: string }[];
  /** This page's path and query without `lang`. */
  here: string;
}

export const RESPONDENT_NAMES: Record<string, [string, string]> = {
  external: ['Внешний клиент', 'External client'],
  internal: ['Сотрудник (внутренний клиент)', 'Employee (internal client)'],
};

const opt = (value: string, label: string, selected: boolean): Html =>
  markup`<option value="${value}"${selected ? markup` selected` : ''}>${label}</option>`;

/** The form that moves one answer to another theme (or to «unsorted»). */
export function moveForm(
  o: {
    surveyId: string;
    question: string;
    answer: { responseId: string; option?: string | undefined };
    current: string | null;
    themes: { id: string; name: string }[];
    csrf: string;
    back: string;
    lang: Lang;
  },
  id: string,
): Html {
  const t = translator(o.lang);
  return markup`<form method="post" class="inline" action="/admin/surveys/${encodeURIComponent(o.surveyId)}/answers/move${langQuery(o.lang)}">
${csrfField(o.csrf)}<input type="hidden" name="question" value="${o.question}"><input type="hidden" name="response" value="${o.answer.responseId}"><input type="hidden" name="option" value="${o.answer.option ?? ''}"><input type="hidden" name="back" value="${o.back}">
<p><label for="${id}">${t('Перенести в тему', 'Move to theme')}</label><select id="${id}" name="theme">${opt('unsorted', t('Без темы', 'Unsorted'), o.current === null)}${o.themes.map((th) => opt(th.id, th.name, th.id === o.current))}</select></p>
<p><button type="submit">${t('Перенести', 'Move')}</button></p></form>`;
}

function filterForm(o: AnswersPageOptions, t: T): Html {
  const f = o.filter;
  const slice = o.slice ? `${o.slice.dim}:${o.slice.key}` : '';
  const group = (dim: SliceDim, label: string, name: (k: string) => string) =>
    o.choices[dim].length
      ? markup`<optgroup label="${label}">${o.choices[dim].map((k) => opt(`${dim}:${k}`, name(k), slice === `${dim}:${k}`))}</optgroup>`
      : '';
  return markup`<form method="get" class="filters" aria-labelledby="filters-h">
<h2 id="filters-h">${t('Вопрос и фильтры', 'Question and filters')}</h2>
${o.lang === 'en' ? markup`<input type="hidden" name="lang" value="en">` : ''}
${o.theme ? markup`<input type="hidden" name="theme" value="${o.theme.id}">` : ''}
<div class="fields">
<p class="wide"><label for="a-question">${t('Вопрос', 'Question')}</label><select id="a-question" name="question">${o.questions.map((q) => opt(q.id, q.title, q.id === o.question))}</select></p>
<p class="wide"><label for="a-q">${t('Найти в тексте', 'Search the text')}</label><input id="a-q" name="q" type="search" maxlength="200" value="${o.search}"></p>
<p><label for="a-from">${t('С даты', 'From')}</label><input id="a-from" name="from" type="date" value="${f.from ?? ''}"></p>
<p><label for="a-to">${t('По дату', 'To')}</label><input id="a-to" name="to" type="date" value="${f.to ?? ''}"></p>
<p><label for="a-version">${t('Версия анкеты', 'Survey version')}</label><input id="a-version" name="version" type="number" min="1" inputmode="numeric" value="${f.version ?? ''}"></p>
<p><label for="a-respondent">${t('Кто отвечал', 'Respondent')}</label><select id="a-respondent" name="respondent">${opt('', t('Все', 'All'), o.respondent === '')}${RESPONDENTS.map((r) => opt(r, t(...(RESPONDENT_NAMES[r] ?? [r, r])), o.respondent === r))}</select></p>
<p class="wide"><label for="a-slice">${t('Только', 'Only')}</label><select id="a-slice" name="slice">${opt('', t('Все ответы', 'All responses'), slice === '')}
${group('channel', t('Канал', 'Channel'), (k) => channelName(k, o.lang))}
${group('object', t('Услуга', 'Service'), o.nameOf)}
${group('touchpoint', t('Точка контакта', 'Touchpoint'), o.nameOf)}</select></p>
</div>
<p class="actions"><button type="submit">${t('Показать', 'Apply')}</button> <a href="/admin/surveys/${encodeURIComponent(o.head.id)}/answers${langQuery(o.lang)}">${t('Сбросить фильтры', 'Reset filters')}</a></p>
</form>`;
}

/**
 * Open answers of one question, newest first, 50 a page (keyset: «next» follows the last shown):
 * each text exactly as typed — escaped, never markup — with when, where and which theme.
 *
 * @example
 * answersPage({ head, lang: 'ru', session, questions, question: 'q7', … });
 */
export function answersPage(o: AnswersPageOptions): Html {
  const t = translator(o.lang);
  const n = numbers(o.lang);
  const id = encodeURIComponent(o.head.id);
  const title = t('Открытые ответы', 'Open answers');
  /** This view with some parameters changed, in the page's language. */
  const link = (change: (p: URLSearchParams) => void) => {
    const u = new URL(o.here, 'http://x');
    change(u.searchParams);
    if (o.lang === 'en') u.searchParams.set('lang', 'en');
    return `${u.pathname}${u.search}`;
  };
  const next = (cursor: string) =>
    link((p) => (cursor ? p.set('cursor', cursor) : p.delete('cursor')));
  const admin = o.session.role === 'admin';
  const items = o.items.map((a, i) => {
    const ctx = a.context;
    return markup`<li><p class="answer">${a.text}</p>
<p class="meta note"><span>${dateText(a.answeredAt, o.lang)}</span><span>${channelName(ctx.channel, o.lang)}</span>${ctx.object ? markup`<span>${o.nameOf(ctx.object)}</span>` : ''}${ctx.touchpoint ? markup`<span>${t('точка', 'touchpoint')}: ${o.nameOf(ctx.touchpoint)}</span>` : ''}<span>${t('версия', 'version')} ${a.surveyVersion}</span><span>${t('тема', 'theme')}: ${a.theme ? a.theme.name : t('без темы', 'unsorted')}</span></p>
${admin && o.themes.length ? moveForm({ surveyId: o.head.id, question: o.question, answer: a, current: a.theme?.id ?? null, themes: o.themes, csrf: o.session.csrf, back: link(() => undefined), lang: o.lang }, `move-${i}`) : ''}</li>`;
  });
  return adminShell({
    title: `${title}: ${localize(o.head.title, o.lang)}`,
    lang: o.lang,
    here: o.here,
    session: o.session,
    styles: ['/admin/assets/analyst.css'],
    body: markup`<nav class="crumbs" aria-label="${t('Навигация', 'Breadcrumbs')}"><a href="/admin${langQuery(o.lang)}">${t('Опросы', 'Surveys')}</a> / <a href="/admin/surveys/${id}${langQuery(o.lang)}">${localize(o.head.title, o.lang)}</a></nav>
<h1>${title}</h1>
${surveyNav(o.head.id, o.lang, '/answers', o.session.role)}
${
  o.questions.length === 0
    ? markup`<p>${t('В анкете нет вопросов со свободным ответом.', 'The survey has no free-text questions.')}</p>`
    : markup`${filterForm(o, t)}
<h2 id="list-h">${o.questions.find((q) => q.id === o.question)?.title ?? o.question}</h2>
${o.theme ? markup`<p>${t('Только тема', 'Theme only')}: <strong>${o.theme.name}</strong>. <a href="${link((p) => (p.delete('theme'), p.delete('cursor')))}">${t('Показать все темы', 'Show every theme')}</a></p>` : ''}
<p class="note">${t('Сначала новые; на странице до 50 ответов', 'Newest first; up to 50 answers a page')}: ${n.int(o.items.length)}${o.cursor ? ` (${t('продолжение списка', 'continued')})` : ''}.</p>
${o.items.length ? markup`<ol class="answers" aria-labelledby="list-h">${items}</ol>` : markup`<p>${t('Ответов с таким фильтром нет.', 'No answers match the filter.')}</p>`}
<nav class="pager" aria-label="${t('Страницы списка', 'List pages')}">${o.cursor ? markup`<a href="${next('')}">${t('К самым новым', 'Back to the newest')}</a>` : ''}${o.nextCursor ? markup`<a href="${next(o.nextCursor)}">${t('Следующие ответы', 'Older answers')}</a>` : ''}</nav>`
}`,
  });
}
