import { localize, type LocalizedText } from '@otklik/core';
import { markup, type Html } from '../../pages/html.js';
import type { Role } from '../../middleware/session.js';
import { numbers, translator, type Lang } from '../i18n.js';
import { adminShell } from './shell.js';

export interface SurveyListItem {
  id: string;
  version: number;
  title: LocalizedText;
  responses: number;
  /** Latest response, ISO 8601; null when none yet. */
  last: string | null;
}

/** A date as the page's language writes it: «30.11.2026» / «30 Nov 2026». */
export function dateText(iso: string, lang: Lang): string {
  return new Intl.DateTimeFormat(lang === 'en' ? 'en-GB' : 'ru-RU', {
    dateStyle: lang === 'en' ? 'medium' : 'short',
    timeZone: 'UTC',
  }).format(new Date(iso));
}

/**
 * The surveys list: each survey with its volume and its latest response, linking to its dashboard;
 * administrators also get links to the editor (a new survey, the next version of each) and to the
 * SurveyJS import.
 *
 * @example
 * surveyListPage({ lang: 'ru', items, session: { role: 'analyst', csrf } });
 */
export function surveyListPage(o: {
  lang: Lang;
  items: SurveyListItem[];
  session: { role: Role; csrf: string };
}): Html {
  const t = translator(o.lang);
  const n = numbers(o.lang);
  const q = o.lang === 'en' ? '?lang=en' : '';
  const rows = o.items.map(
    (
      s,
    ) => markup`<tr><th scope="row"><a href="/admin/surveys/${encodeURIComponent(s.id)}${q}">${localize(s.title, o.lang)}</a><br><span class="note">${s.id}, ${t('версия', 'version')} ${s.version}</span>${
      o.session.role === 'admin'
        ? markup` <a class="note" href="/admin/surveys/${encodeURIComponent(s.id)}/edit${q}">${t('Изменить', 'Edit')}</a>`
        : ''
    }</th>
<td class="num">${n.int(s.responses)}</td><td>${s.last ? dateText(s.last, o.lang) : t('ответов нет', 'no responses')}</td></tr>`,
  );
  return adminShell({
    title: t('Опросы', 'Surveys'),
    lang: o.lang,
    here: '/admin',
    session: o.session,
    body: markup`<h1>${t('Опросы', 'Surveys')}</h1>
${o.session.role === 'admin' ? markup`<p><a href="/admin/surveys/new${q}">${t('Создать опрос', 'Create a survey')}</a> · <a href="/admin/surveys/import${q}">${t('Импорт из SurveyJS', 'Import from SurveyJS')}</a></p>` : ''}
<div class="scroll" tabindex="0" role="region" aria-labelledby="surveys-caption"><table>
<caption id="surveys-caption">${t('Опубликованные опросы, число ответов и последний ответ', 'Published surveys, responses and the latest response')}</caption>
<thead><tr><th scope="col">${t('Опрос', 'Survey')}</th><th scope="col" class="num">${t('Ответов', 'Responses')}</th><th scope="col">${t('Последний ответ', 'Latest response')}</th></tr></thead>
<tbody>${rows}</tbody></table></div>`,
  });
}
