import { localize, type Survey } from '@otklik/core';
import { markup, type Html } from '../../pages/html.js';
import type { Role } from '../../middleware/session.js';
import type { ThemeSummary } from '../../themes/store.js';
import { OPEN_ANSWERS_LIMITS } from '../../themes/routes.js';
import { numbers, translator, type Lang } from '../i18n.js';
import { csrfField, langQuery, surveyNav } from '../section.js';
import { adminShell } from '../views/shell.js';
import { moveForm, type TextQuestion } from './list-view.js';

/** What `GET /v1/surveys/:id/themes` answers. */
export interface ThemesSummary {
  question: string;
  total: number;
  themes: ThemeSummary[];
  unsorted: { count: number; share: number; examples: ThemeSummary['examples'] };
}

export interface ThemesPageOptions {
  head: Survey;
  lang: Lang;
  session: { role: Role; csrf: string };
  questions: TextQuestion[];
  summary: ThemesSummary | null;
  /** A change just saved (after the redirect), shown in a status message. */
  saved: boolean;
}

/**
 * The themes of one open question: each with its name (the analyst's, else the suggested top
 * terms), count, share and newest examples, largest first; the administrator renames, merges,
 * splits and moves answers with plain forms. Examples are respondents' texts: escaped, and only
 * here and in the open-answers list, never on public pages.
 *
 * @example
 * themesPage({ head, lang: 'ru', session, questions, summary, saved: false });
 */
export function themesPage(o: ThemesPageOptions): Html {
  const t = translator(o.lang);
  const n = numbers(o.lang);
  const id = encodeURIComponent(o.head.id);
  const s = o.summary;
  const admin = o.session.role === 'admin';
  const base = `/admin/surveys/${id}`;
  const question = s?.question ?? '';
  const answersOf = (theme: string) =>
    `${base}/answers?question=${encodeURIComponent(question)}&theme=${theme}${langQuery(o.lang, '&')}`;
  const back = `${base}/themes?question=${encodeURIComponent(question)}${langQuery(o.lang, '&')}`;
  const all = (s?.themes ?? []).map((x) => ({ id: x.id, name: x.name }));
  const examples = (list: ThemeSummary['examples'], current: string | null, key: string) =>
    list.length
      ? markup`<h4>${t('Примеры ответов', 'Example answers')}</h4>${list.map(
          (e, j) =>
            markup`<blockquote><p class="answer">${e.text}</p></blockquote>${
              admin && all.length
                ? moveForm(
                    {
                      surveyId: o.head.id,
                      question,
                      answer: e,
                      current,
                      themes: all,
                      csrf: o.session.csrf,
                      back,
                      lang: o.lang,
                    },
                    `move-${key}-${j}`,
                  )
                : ''
            }`,
        )}`
      : '';
  const action = (theme: string, what: string) =>
    `${base}/themes/${theme}/${what}${langQuery(o.lang)}`;
  const keys = markup`${csrfField(o.session.csrf)}<input type="hidden" name="question" value="${question}">`;
  const forms = (x: ThemeSummary, i: number) =>
    admin
      ? markup`<details class="no-print"><summary>${t('Изменить тему', 'Edit the theme')}<span class="visually-hidden"> «${x.name}»</span></summary>
<form method="post" class="inline" action="${action(x.id, 'rename')}">${keys}
<p><label for="name-${i}">${t('Название', 'Name')}</label><input id="name-${i}" name="name" maxlength="${OPEN_ANSWERS_LIMITS.maxName}" value="${x.renamed ? x.name : ''}" aria-describedby="name-hint-${i}"><span class="note" id="name-hint-${i}">${t('Пусто — вернуть предложенное', 'Empty: back to the suggested one')}</span></p>
<p><button type="submit">${t('Переименовать', 'Rename')}</button></p></form>
${
  all.length > 1
    ? markup`<form method="post" class="inline" action="${action(x.id, 'merge')}">${keys}
<p><label for="into-${i}">${t('Объединить с темой', 'Merge into theme')}</label><select id="into-${i}" name="into">${all.filter((y) => y.id !== x.id).map((y) => markup`<option value="${y.id}">${y.name}</option>`)}</select></p>
<p><button type="submit">${t('Объединить', 'Merge')}</button></p></form>`
    : ''
}
<form method="post" class="inline" action="${action(x.id, 'split')}">${keys}
<p><label for="k-${i}">${t('Разделить на тем', 'Split into themes')}</label><input id="k-${i}" name="k" type="number" min="2" max="${OPEN_ANSWERS_LIMITS.maxSplit}" value="2" inputmode="numeric"></p>
<p><button type="submit">${t('Разделить', 'Split')}</button></p></form></details>`
      : '';
  const body = !s
    ? markup`<p>${t('В анкете нет вопросов со свободным ответом.', 'The survey has no free-text questions.')}</p>`
    : markup`<form method="get" class="inline" aria-label="${t('Выбор вопроса', 'Choose the question')}">${o.lang === 'en' ? markup`<input type="hidden" name="lang" value="en">` : ''}
<p><label for="t-question">${t('Вопрос', 'Question')}</label><select id="t-question" name="question">${o.questions.map((q) => markup`<option value="${q.id}"${q.id === question ? markup` selected` : ''}>${q.title}</option>`)}</select></p>
<p><button type="submit">${t('Показать', 'Show')}</button></p></form>
${o.saved ? markup`<p class="status-msg" role="status">${t('Изменение сохранено.', 'The change is saved.')}</p>` : ''}
<h2 id="themes-h">${o.questions.find((q) => q.id === question)?.title ?? question}</h2>
<p>${t('Всего ответов', 'Answers in all')}: ${n.int(s.total)}; ${t('тем', 'themes')}: ${n.int(s.themes.length)}; ${t('без темы', 'unsorted')}: ${n.int(s.unsorted.count)}.</p>
<p class="note">${t('Темы предложены автоматически по частым словам ответов; правки аналитика сохраняются, новые ответы распределяются по существующим темам.', 'Themes are suggested from the answers’ frequent words; the analyst’s edits are kept, and new answers are filed into the existing themes.')}</p>
${s.themes.map(
  (
    x,
    i,
  ) => markup`<section class="theme" aria-labelledby="th-${x.id}"><h3 id="th-${x.id}">${x.name}</h3>
<p class="meta"><span>${t('Ответов', 'Answers')}: <strong>${n.int(x.count)}</strong></span><span>${t('Доля', 'Share')}: <strong>${n.pct(x.share * 100)}</strong></span><span>${t('Предложенное название', 'Suggested name')}: ${x.suggestedName}</span>${x.renamed ? markup`<span>${t('переименована аналитиком', 'renamed by the analyst')}</span>` : ''}</p>
${examples(x.examples, x.id, String(i))}
<p><a href="${answersOf(x.id)}">${t('Все ответы темы', 'Every answer of the theme')}<span class="visually-hidden"> «${x.name}»</span></a></p>
${forms(x, i)}</section>`,
)}
<section class="theme" aria-labelledby="th-unsorted"><h3 id="th-unsorted">${t('Без темы', 'Unsorted')}</h3>
<p class="meta"><span>${t('Ответов', 'Answers')}: <strong>${n.int(s.unsorted.count)}</strong></span><span>${t('Доля', 'Share')}: <strong>${n.pct(s.unsorted.share * 100)}</strong></span></p>
${examples(s.unsorted.examples, null, 'u')}
<p><a href="${answersOf('unsorted')}">${t('Все ответы без темы', 'Every unsorted answer')}</a></p></section>`;
  return adminShell({
    title: `${t('Темы ответов', 'Themes')}: ${localize(o.head.title, o.lang)}`,
    lang: o.lang,
    here: `${base}/themes?question=${encodeURIComponent(question)}`,
    session: o.session,
    styles: ['/admin/assets/analyst.css'],
    body: markup`<nav class="crumbs" aria-label="${t('Навигация', 'Breadcrumbs')}"><a href="/admin${langQuery(o.lang)}">${t('Опросы', 'Surveys')}</a> / <a href="${base}${langQuery(o.lang)}">${localize(o.head.title, o.lang)}</a></nav>
<h1>${t('Темы открытых ответов', 'Themes of open answers')}</h1>
${surveyNav(o.head.id, o.lang, '/themes', o.session.role)}
${body}`,
  });
}
