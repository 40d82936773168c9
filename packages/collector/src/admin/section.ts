import type { Survey } from '@otklik/core';
import type { Context, MiddlewareHandler } from 'hono';
import { getCookie } from 'hono/cookie';
import { SESSION_COOKIE, type Role, type Sessions } from '../middleware/session.js';
import type { AppDeps } from '../deps.js';
import { markup, type Html } from '../pages/html.js';
import { loadVersions } from '../reports/versions.js';
import { pickLang, translator, type Lang } from './i18n.js';
import { send, session } from './kit.js';
import { adminShell } from './views/shell.js';

/**
 * What the analyst sections (open answers, themes, pain map, report) share beyond kit.ts: the
 * survey's sub-menu, a message page for 400/403/404, reading a POSTed form with its CSRF value.
 */

/** `?lang=en` or nothing: links keep the page's language. */
export const langQuery = (lang: Lang, sep: '?' | '&' = '?'): string =>
  lang === 'en' ? `${sep}lang=en` : '';

/** The survey's pages, in the order an analyst works through them. */
const SECTIONS = [
  ['', 'Показатели', 'Figures'],
  ['/answers', 'Открытые ответы', 'Open answers'],
  ['/themes', 'Темы', 'Themes'],
  ['/pain-map', 'Карта болей', 'Pain map'],
  ['/report', 'Отчёт за период', 'Period report'],
] as const;

/** What only an administrator does with the survey: change it, hand it out, download it. */
const ADMIN_SECTIONS = [
  ['/edit', 'Изменить', 'Edit'],
  ['/share', 'Распространение', 'Distribution'],
  ['/export', 'Скачать JSON', 'Download JSON'],
] as const;

/**
 * The sub-menu of one survey's pages (with the administrator's pages for `role` admin); the current
 * one is marked for screen readers too.
 */
export function surveyNav(surveyId: string, lang: Lang, current: string, role?: Role): Html {
  const t = translator(lang);
  const base = `/admin/surveys/${encodeURIComponent(surveyId)}`;
  const items = role === 'admin' ? [...SECTIONS, ...ADMIN_SECTIONS] : SECTIONS;
  return markup`<nav class="sections" aria-label="${t('Разделы опроса', 'Survey sections')}"><ul>${items.map(
    ([path, ru, en]) =>
      markup`<li><a href="${base}${path}${langQuery(lang)}"${path === current ? markup` aria-current="page"` : ''}>${t(ru, en)}</a></li>`,
  )}</ul></nav>`;
}

/** A page that only says what went wrong (bad input 400, stale form 403, unknown thing 404). */
export function messagePage(
  c: Context,
  status: 400 | 403 | 404 | 413,
  title: string,
  text: string,
  back?: string,
): Response {
  const lang = pickLang(c);
  const t = translator(lang);
  return send(
    c,
    adminShell({
      title,
      lang,
      here: c.req.path,
      session: session(c),
      body: markup`<h1>${title}</h1><p class="error" role="alert">${text}</p><p><a href="${back ?? `/admin${langQuery(lang)}`}">${t('Вернуться', 'Back')}</a></p>`,
    }),
    status,
  );
}

/** The survey's versions, or a 404 page when there is no such survey. */
export async function surveyOr404(
  c: Context,
  deps: Pick<AppDeps, 'surveys'>,
): Promise<readonly Survey[] | Response> {
  const id = c.req.param('id') ?? '';
  const versions = await loadVersions(deps.surveys, id);
  if (versions.length > 0) return versions;
  const t = translator(pickLang(c));
  return messagePage(
    c,
    404,
    t('Опрос не найден', 'Survey not found'),
    `${t('Нет опроса', 'No survey')} «${id}».`,
  );
}

/** The newest version: the one whose questions and texts the pages show. */
export const headOf = (versions: readonly Survey[]): Survey =>
  versions.reduce((a, b) => (b.version > a.version ? b : a));

/** A POSTed form: the last value of a field, or every value of a repeated one (checkboxes). */
export interface Form {
  get(name: string): string | undefined;
  all(name: string): string[];
}

/**
 * A POSTed form's text fields, or a 403 page when its `_csrf` is not this session's (the origin
 * was already checked for every /admin POST by routes.ts). Files are ignored.
 */
export async function readForm(c: Context): Promise<Form | Response> {
  const body = await c.req.parseBody({ all: true });
  const all = (name: string): string[] => {
    const v = body[name];
    return (Array.isArray(v) ? v : v === undefined ? [] : [v]).filter(
      (x): x is string => typeof x === 'string',
    );
  };
  const form: Form = { all, get: (name) => all(name).at(-1) };
  if (form.get('_csrf') !== session(c).csrf) {
    const t = translator(pickLang(c));
    return messagePage(
      c,
      403,
      t('Форма устарела', 'The form has expired'),
      t(
        'Форма пришла без действующего ключа сессии. Откройте страницу заново и повторите.',
        'The form came without this session’s key. Open the page again and retry.',
      ),
    );
  }
  return form;
}

/** The hidden field every POST form of these pages carries. */
export const csrfField = (csrf: string): Html =>
  markup`<input type="hidden" name="_csrf" value="${csrf}">`;

/**
 * Lets only the administrator through (changes to themes, the pain map, decisions — as on the
 * bearer API, where analysts' tokens only read); an analyst gets a 403 page saying so.
 */
export function adminOnly(s: Pick<Sessions, 'require'>): MiddlewareHandler {
  return s.require('admin', (c) => {
    const t = translator(pickLang(c));
    return messagePage(
      c,
      403,
      t('Нужны права администратора', 'The administrator’s rights are needed'),
      t(
        'Аналитик видит эти данные, а изменять их может администратор.',
        'Analysts read these data; the administrator changes them.',
      ),
    );
  });
}

/** Who made a change, for the pain map's history: the role and a label of the signed-in token. */
export function actorOf(c: Context): string {
  // The cookie's third part is already an HMAC of the token: it tells tokens apart, reveals none.
  const id = (getCookie(c, SESSION_COOKIE) ?? '').split('.')[2] ?? '';
  return `${session(c).role}:${id.slice(0, 8)}`;
}
