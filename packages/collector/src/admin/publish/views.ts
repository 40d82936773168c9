import {
  CHANNELS,
  localize,
  type CatalogEntry,
  type Issue,
  type LocalizedText,
  type SurveyChange,
} from '@otklik/core';
import { markup, raw, type Html } from '../../pages/html.js';
import { channelName, numbers, translator, type Lang } from '../i18n.js';
import { adminShell } from '../views/shell.js';
import type { IssueGroup } from './issues.js';
import type { ShareLinks } from './share.js';

export const PUBLISH_STYLES = ['/admin/assets/publish.css'] as const;

interface Base {
  lang: Lang;
  session: { role: 'analyst' | 'admin'; csrf: string };
  /** This page's path and query without `lang`. */
  here: string;
}

const langQ = (lang: Lang) => (lang === 'en' ? '?lang=en' : '');

function page(o: Base & { title: string; body: Html }): Html {
  return adminShell({
    title: o.title,
    lang: o.lang,
    here: o.here,
    session: o.session,
    styles: PUBLISH_STYLES,
    body: markup`<div class="publish">${o.body}</div>`,
  });
}

/** A page with one message: a refusal, a bad request, an unknown survey. */
export function messagePage(o: Base & { title: string; text: string; back?: string }): Html {
  const t = translator(o.lang);
  return page({
    ...o,
    body: markup`<h1>${o.title}</h1><p class="error" role="alert">${o.text}</p>
<p><a href="${o.back ?? `/admin${langQ(o.lang)}`}">${t('Назад', 'Back')}</a></p>`,
  });
}

/** A JSON path as people read it: `questions[4].options[1].text`. */
export function pathText(path: readonly (string | number)[]): string {
  return (
    path.map((k, i) => (typeof k === 'number' ? `[${k}]` : i === 0 ? k : `.${k}`)).join('') || '—'
  );
}

/** Issues grouped at the question they concern, each with its path and message. */
function issueList(groups: IssueGroup[], lang: Lang, idPrefix: string): Html {
  const t = translator(lang);
  return markup`<div class="issues">${groups.map(
    (g, k) => markup`<h3 id="${idPrefix}-${k}">${
      g.question
        ? markup`${t('Вопрос', 'Question')} ${g.question.index + 1} (${g.question.id})${g.question.title ? markup`: ${localize(g.question.title, lang)}` : ''}`
        : t('Опрос в целом', 'The survey as a whole')
    }</h3>
<ul aria-labelledby="${idPrefix}-${k}">${g.issues.map(
      (i: Issue) =>
        markup`<li><span class="path">${pathText(i.path)}</span>: ${i.message[lang]}</li>`,
    )}</ul>`,
  )}</div>`;
}

export interface ReviewView extends Base {
  id: string;
  title?: LocalizedText;
  /** Draft JSON as it will be published (its version possibly raised). */
  draft: string;
  version?: number;
  /** The published version it replaces, if any. */
  current?: number;
  raised?: { from: number; to: number };
  errors: IssueGroup[];
  changes: SurveyChange[];
  warnings: SurveyChange[];
  /** The form came back without the comparability confirmation. */
  missingAck?: boolean;
  /** A further problem from publishing (conflict, refused value). */
  problem?: string;
}

/** The page between the editor and publishing: checker errors, the diff, comparability warnings. */
export function reviewPage(o: ReviewView): Html {
  const t = translator(o.lang);
  const n = numbers(o.lang);
  const name = o.title ? localize(o.title, o.lang) : o.id;
  const ok = o.errors.length === 0;
  const errorCount = o.errors.reduce((s, g) => s + g.issues.length, 0);
  return page({
    ...o,
    title: t('Проверка перед публикацией', 'Review before publishing'),
    body: markup`<h1>${t('Проверка перед публикацией', 'Review before publishing')}: ${name}</h1>
<p>${t('Опрос', 'Survey')} <code>${o.id}</code>${o.current !== undefined ? markup`, ${t('опубликована версия', 'published version')} ${o.current}` : markup`, ${t('ещё не опубликован', 'not yet published')}`}${o.version !== undefined ? markup`; ${t('будет опубликована версия', 'this will be version')} ${o.version}` : ''}.</p>
${o.raised ? markup`<p class="note">${t(`В черновике указана версия ${o.raised.from}; опубликованные версии не меняются, поэтому номер поднят до ${o.raised.to}.`, `The draft says version ${o.raised.from}; published versions never change, so the number was raised to ${o.raised.to}.`)}</p>` : ''}
${o.problem ? markup`<p class="error" role="alert">${o.problem}</p>` : ''}
<section aria-labelledby="errors-h">
<h2 id="errors-h">${t('Ошибки', 'Errors')}${ok ? '' : markup` (${n.int(errorCount)})`}</h2>
${ok ? markup`<p class="ok">${t('Ошибок нет: опрос можно публиковать.', 'No errors: the survey can be published.')}</p>` : markup`<p class="error" role="alert">${t('Опрос нельзя опубликовать, пока есть ошибки. Исправьте их в редакторе.', 'The survey cannot be published while it has errors. Fix them in the editor.')}</p>${issueList(o.errors, o.lang, 'err')}`}
</section>
<section aria-labelledby="changes-h">
<h2 id="changes-h">${o.current !== undefined ? t(`Изменения по сравнению с версией ${o.current}`, `Changes from version ${o.current}`) : t('Изменения', 'Changes')}</h2>
${
  o.current === undefined
    ? markup`<p>${t('Это первая версия опроса.', 'This is the first version of the survey.')}</p>`
    : o.changes.length === 0
      ? markup`<p>${t('Изменений нет.', 'No changes.')}</p>`
      : markup`<ul>${o.changes.map((c) => markup`<li>${c.message[o.lang]}</li>`)}</ul>`
}
</section>
${
  o.warnings.length
    ? markup`<section class="warn" aria-labelledby="warn-h">
<h2 id="warn-h">${t('Сопоставимость с прошлыми периодами', 'Comparability with earlier periods')}</h2>
<p>${t('После этих изменений показатели перечисленных вопросов до и после публикации сравнивать нельзя.', 'After these changes the figures of the questions listed cannot be compared before and after publishing.')}</p>
<ul>${o.warnings.map((c) => markup`<li>${c.breaksComparability![o.lang]}</li>`)}</ul>
</section>`
    : ''
}
${
  ok
    ? markup`<form method="post" action="/admin/surveys/${encodeURIComponent(o.id)}/publish${langQ(o.lang)}" class="confirm">
<h2>${t('Публикация', 'Publishing')}</h2>
<input type="hidden" name="_csrf" value="${o.session.csrf}">
<input type="hidden" name="survey" value="${o.draft}">
${
  o.warnings.length
    ? markup`<p><label class="check"><input type="checkbox" name="acknowledge" value="yes" required${o.missingAck ? markup` aria-invalid="true" aria-describedby="ack-error"` : ''}> ${t('Я понимаю, что показатели новой версии несопоставимы с прошлыми периодами по перечисленным вопросам', 'I understand that the figures of the new version are not comparable with earlier periods for the questions listed')}</label></p>
${o.missingAck ? markup`<p class="error" id="ack-error" role="alert">${t('Отметьте, что вы понимаете последствия.', 'Confirm that you understand the consequences.')}</p>` : ''}`
    : ''
}
<p>${t('Опубликованная версия неизменна; дальнейшие правки станут следующей версией.', 'A published version never changes; later edits become the next version.')}</p>
<button type="submit">${t(`Опубликовать версию ${o.version ?? ''}`, `Publish version ${o.version ?? ''}`)}</button>
</form>`
    : ''
}
<p><a href="/admin/surveys/${encodeURIComponent(o.id)}/edit${langQ(o.lang)}">${t('Вернуться в редактор', 'Back to the editor')}</a></p>`,
  });
}

export interface ImportFormView extends Base {
  error?: string;
  text?: string;
  id?: string;
}

/** Import form: a SurveyJS file or pasted JSON, and the id of the new survey. */
export function importFormPage(o: ImportFormView): Html {
  const t = translator(o.lang);
  return page({
    ...o,
    title: t('Импорт из SurveyJS', 'Import from SurveyJS'),
    body: markup`<h1>${t('Импорт из SurveyJS', 'Import from SurveyJS')}</h1>
<p>${t('Загрузите JSON опроса SurveyJS или вставьте его текст. Всё, что не удаётся перенести, будет перечислено с причиной; затем опрос уходит на проверку перед публикацией.', 'Upload a SurveyJS survey JSON or paste its text. Whatever cannot be carried over is listed with the reason; the survey then goes to review before publishing.')}</p>
${o.error ? markup`<p class="error" role="alert" id="import-error">${o.error}</p>` : ''}
<form method="post" action="/admin/surveys/import${langQ(o.lang)}" enctype="multipart/form-data">
<input type="hidden" name="_csrf" value="${o.session.csrf}">
<div class="field"><label for="sid">${t('Идентификатор нового опроса', 'Id of the new survey')}</label>
<input type="text" id="sid" name="id" value="${o.id ?? 'imported'}" required pattern="[A-Za-z][A-Za-z0-9_.\\-]*" maxlength="64" spellcheck="false" aria-describedby="sid-hint">
<p class="note" id="sid-hint">${t('Латинские буквы, цифры, _ . -; начинается с буквы. Если опрос с таким идентификатором уже есть, импорт станет его следующей версией.', 'Latin letters, digits, _ . -, starting with a letter. If a survey with this id exists, the import becomes its next version.')}</p></div>
<div class="field"><label for="file">${t('Файл JSON', 'JSON file')}</label>
<input type="file" id="file" name="file" accept=".json,application/json"></div>
<div class="field"><label for="text">${t('или текст JSON', 'or the JSON text')}</label>
<textarea id="text" name="text" spellcheck="false"${o.error ? markup` aria-describedby="import-error"` : ''}>${o.text ?? ''}</textarea></div>
<button type="submit">${t('Импортировать', 'Import')}</button>
</form>`,
  });
}

export interface ImportResultView extends Base {
  id: string;
  title: LocalizedText;
  questions: number;
  unsupported: { path: (string | number)[]; reason: { ru: string; en: string } }[];
  errors: IssueGroup[];
  draft: string;
}

/** What the import made: counts, the unsupported list, the checker's errors, and on to review. */
export function importResultPage(o: ImportResultView): Html {
  const t = translator(o.lang);
  const n = numbers(o.lang);
  return page({
    ...o,
    title: t('Результат импорта', 'Import result'),
    body: markup`<h1>${t('Результат импорта', 'Import result')}: ${localize(o.title, o.lang)}</h1>
<p>${t('Перенесено вопросов', 'Questions carried over')}: <strong>${n.int(o.questions)}</strong>. ${t('Идентификатор', 'Id')}: <code>${o.id}</code>.</p>
<section>
<h2 id="unsupported-h">${t('Не перенесено или перенесено не полностью', 'Not carried over, or not in full')} (${n.int(o.unsupported.length)})</h2>
${
  o.unsupported.length
    ? markup`<div class="scroll" tabindex="0" role="region" aria-labelledby="unsupported-h"><table>
<thead><tr><th scope="col">${t('Где (путь JSON)', 'Where (JSON path)')}</th><th scope="col">${t('Причина', 'Reason')}</th></tr></thead>
<tbody>${o.unsupported.map((u) => markup`<tr><td class="path">${pathText(u.path)}</td><td>${u.reason[o.lang]}</td></tr>`)}</tbody></table></div>`
    : markup`<p class="ok">${t('Перенесено всё.', 'Everything was carried over.')}</p>`
}
</section>
<section aria-labelledby="errors-h">
<h2 id="errors-h">${t('Проверка опроса', 'Survey check')}</h2>
${o.errors.length ? markup`<p class="error">${t('Перед публикацией исправьте ошибки (проверка их покажет снова):', 'Fix these errors before publishing (the review shows them again):')}</p>${issueList(o.errors, o.lang, 'err')}` : markup`<p class="ok">${t('Ошибок нет.', 'No errors.')}</p>`}
</section>
<form method="post" action="/admin/surveys/${encodeURIComponent(o.id)}/review${langQ(o.lang)}" class="confirm">
<input type="hidden" name="_csrf" value="${o.session.csrf}">
<input type="hidden" name="survey" value="${o.draft}">
<button type="submit">${t('На проверку перед публикацией', 'On to review before publishing')}</button>
</form>
<details><summary>${t('JSON опроса', 'Survey JSON')}</summary><pre><code>${o.draft}</code></pre></details>`,
  });
}

export interface ShareView extends Base {
  id: string;
  title: LocalizedText;
  version: number;
  published?: 'created' | 'unchanged';
  channel: string;
  object?: string;
  touchpoint?: string;
  surveyLang: Lang;
  objects: CatalogEntry[];
  touchpoints: CatalogEntry[];
  links: ShareLinks;
  /** The QR code of the QR link, an SVG from the QR library (trusted markup). */
  qrSvg: string;
}

function select(
  id: string,
  name: string,
  label: string,
  value: string | undefined,
  items: { value: string; text: string }[],
): Html {
  return markup`<div class="field"><label for="${id}">${label}</label><select id="${id}" name="${name}">${items.map(
    (i) =>
      markup`<option value="${i.value}"${i.value === (value ?? '') ? raw(' selected') : ''}>${i.text}</option>`,
  )}</select></div>`;
}

/** Where and how to hand the survey out: embed code, e-mail and SMS links, a printable QR poster. */
export function sharePage(o: ShareView): Html {
  const t = translator(o.lang);
  const name = localize(o.title, o.lang);
  const none = t('— не указывать —', '— none —');
  return page({
    ...o,
    title: t('Распространение', 'Distribution'),
    body: markup`<h1>${t('Распространение', 'Distribution')}: ${name}</h1>
${o.published === 'created' ? markup`<p class="ok" role="status">${t(`Версия ${o.version} опубликована.`, `Version ${o.version} is published.`)}</p>` : ''}
${o.published === 'unchanged' ? markup`<p class="ok" role="status">${t(`Версия ${o.version} уже была опубликована с тем же содержанием.`, `Version ${o.version} was already published with the same content.`)}</p>` : ''}
<p>${t('Опрос', 'Survey')} <code>${o.id}</code>, ${t('версия', 'version')} ${o.version}. <a href="/admin/surveys/${encodeURIComponent(o.id)}/export">${t('Скачать JSON опроса', 'Download the survey JSON')}</a></p>
<form method="get" action="/admin/surveys/${encodeURIComponent(o.id)}/share" aria-labelledby="ctx-h">
<h2 id="ctx-h">${t('Контекст ответов', 'Context of the responses')}</h2>
<input type="hidden" name="lang" value="${o.lang}">
<div class="fields">
${select('object', 'object', t('Услуга (объект оценки)', 'Service (object rated)'), o.object, [{ value: '', text: none }, ...o.objects.map((e) => ({ value: e.id, text: localize(e.text, o.lang) }))])}
${
  o.touchpoints.length
    ? select('touchpoint', 'touchpoint', t('Точка контакта', 'Touchpoint'), o.touchpoint, [
        { value: '', text: none },
        ...o.touchpoints.map((e) => ({ value: e.id, text: localize(e.text, o.lang) })),
      ])
    : markup`<div class="field"><label for="touchpoint">${t('Точка контакта', 'Touchpoint')}</label><input type="text" id="touchpoint" name="touchpoint" value="${o.touchpoint ?? ''}" maxlength="200" aria-describedby="tp-hint"><p class="note" id="tp-hint">${t('Офис, страница или киоск; справочник «touchpoints» в коллекторе заменит поле списком.', 'Office, page or kiosk; a "touchpoints" catalogue on the collector turns this into a list.')}</p></div>`
}
${select(
  'channel',
  'channel',
  t('Канал кода для сайта', 'Channel of the site code'),
  o.channel,
  CHANNELS.filter((c) => !['email', 'sms', 'qr', 'paper'].includes(c)).map((c) => ({
    value: c,
    text: channelName(c, o.lang),
  })),
)}
${select(
  'survey-lang',
  'surveyLang',
  t('Язык опроса по ссылкам', 'Survey language of the links'),
  o.surveyLang,
  [
    { value: 'ru', text: 'Русский' },
    { value: 'en', text: 'English' },
  ],
)}
</div>
<button type="submit">${t('Обновить код и ссылки', 'Update the code and links')}</button>
</form>
<section aria-labelledby="embed-h">
<h2 id="embed-h">${t('Код для сайта', 'Code for a site')}</h2>
<p>${t('Вставьте на страницу обратной связи: скрипт один раз, элемент — там, где должен быть опрос.', 'Put it on the feedback page: the script once, the element where the survey should appear.')}</p>
<pre aria-labelledby="embed-h"><code>${o.links.embed}</code></pre>
</section>
<section aria-labelledby="links-h" class="links">
<h2 id="links-h">${t('Ссылки', 'Links')}</h2>
<dl>
<dt>${t('Для e-mail после оказания услуги', 'For e-mail after the service')}</dt><dd><a href="${o.links.email}">${o.links.email}</a></dd>
<dt>${t('Для SMS', 'For SMS')}</dt><dd><a href="${o.links.sms}">${o.links.sms}</a></dd>
<dt>${t('В QR-коде', 'In the QR code')}</dt><dd><a href="${o.links.qr}">${o.links.qr}</a></dd>
</dl>
<p class="note">${t('Параметры ссылки: channel — канал, object — услуга, touchpoint — точка контакта, lang — язык. Ответы по ссылке анонимны: ссылка одинакова для всех получателей.', 'Link parameters: channel, object (the service), touchpoint, lang. Responses by link are anonymous: the link is the same for every recipient.')}</p>
</section>
<section class="poster-wrap" aria-labelledby="poster-h">
<h2 id="poster-h">${t('Плакат с QR-кодом', 'QR code poster')}</h2>
<p>${t('Напечатайте эту страницу (Ctrl+P): на листе останется только плакат.', 'Print this page (Ctrl+P): only the poster is printed.')}</p>
<div class="poster" lang="${o.surveyLang}">
<p class="title">${localize(o.title, o.surveyLang)}</p>
${raw(o.qrSvg)}
<p>${o.surveyLang === 'en' ? 'Rate the service: point your phone camera at the code. The survey is anonymous and takes 2–3 minutes.' : 'Оцените качество обслуживания: наведите камеру телефона на код. Опрос анонимный и займёт 2–3 минуты.'}</p>
<p class="link">${o.links.qr}</p>
</div>
</section>`,
  });
}
