import type { Survey } from '@otklik/core';
import { markup, raw, type Html } from '../../pages/html.js';
import type { Role } from '../../middleware/session.js';
import { translator, type Lang } from '../i18n.js';
import { adminShell } from '../views/shell.js';

/** Where the editor's module and the widget it previews with are served. */
export const EDITOR_JS = '/admin/assets/editor.js';
export const WIDGET_JS = '/widget/feedback-survey.js';

export interface EditorPageOptions {
  lang: Lang;
  session: { role: Role; csrf: string };
  /** The page's path without `lang`. */
  here: string;
  /** Absent: a new survey (the editor offers a blank one or a template). */
  published?: Survey;
}

/**
 * JSON inside <script type="application/json">: the HTML parser ends the element at the first
 * `</script`, and entities are not decoded there, so `<`, `>` and `&` are written as \u escapes.
 */
export const scriptJson = (v: unknown): Html =>
  raw(JSON.stringify(v).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026'));

/**
 * The editor's page: the admin shell with the editor's module, and `<otklik-editor>` holding the
 * published survey (when editing) as a data block — not a script the CSP would have to allow.
 *
 * @example
 * editorPage({ lang: 'ru', session, here: '/admin/surveys/new' });
 */
export function editorPage(o: EditorPageOptions): Html {
  const t = translator(o.lang);
  const s = o.published;
  const title = s
    ? `${t('Изменение опроса', 'Editing survey')} «${s.title[o.lang] ?? s.title.ru}»`
    : t('Новый опрос', 'New survey');
  const back = `/admin${o.lang === 'en' ? '?lang=en' : ''}`;
  return adminShell({
    title,
    lang: o.lang,
    here: o.here,
    session: o.session,
    scripts: [EDITOR_JS],
    body: markup`<h1>${title}</h1>
<p><a href="${back}">${t('К списку опросов', 'Back to the surveys')}</a>${
      s
        ? markup` · ${t('Опубликована версия', 'Published version')} ${s.version}; ${t('правки сохраняются как черновик версии', 'edits make a draft of version')} ${s.version + 1}.`
        : ''
    }</p>
<otklik-editor lang="${o.lang}" mode="${s ? 'edit' : 'new'}" csrf="${o.session.csrf}" widget-src="${WIDGET_JS}" catalog-url="/v1/catalogs">${
      s ? markup`<script type="application/json">${scriptJson(s)}</script>` : ''
    }</otklik-editor>
<noscript><p class="error">${t('Редактору опросов нужен JavaScript. Опубликовать опрос без него можно командой otklik-collector survey add.', 'The survey editor needs JavaScript. Without it, publish a survey with otklik-collector survey add.')}</p></noscript>`,
  });
}
