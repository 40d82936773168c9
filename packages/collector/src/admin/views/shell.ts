import { markup, type Html } from '../../pages/html.js';
import type { Role } from '../../middleware/session.js';
import { translator, type Lang } from '../i18n.js';

export interface ShellOptions {
  title: string;
  lang: Lang;
  body: Html;
  /** Signed in: the header shows the role and a sign-out form carrying this CSRF value. */
  session?: { role: Role; csrf: string };
  /** This page's path and query without `lang`, for the language switch. */
  here: string;
  /** Further stylesheets of a section, after the dashboard's (same origin: the CSP allows no inline style). */
  styles?: readonly string[];
}

/** The other language's link for the same view. */
function switchLink(here: string, lang: Lang): string {
  const url = new URL(here, 'http://x');
  if (lang === 'ru') url.searchParams.set('lang', 'en');
  else url.searchParams.set('lang', 'ru');
  return `${url.pathname}${url.search}`;
}

/**
 * The dashboard's page: the site stylesheet plus the dashboard's own, a skip link, a header with
 * the language switch and sign-out, and <main>. No script at all.
 *
 * @example
 * adminShell({ title: 'Опросы', lang: 'ru', here: '/admin', body: markup`<h1>Опросы</h1>` });
 */
export function adminShell(o: ShellOptions): Html {
  const t = translator(o.lang);
  const other = o.lang === 'ru' ? 'English' : 'Русский';
  return markup`<!doctype html>
<html lang="${o.lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex, nofollow">
<title>${o.title} — ${t('Отклик: аналитика', 'Otklik analytics')}</title>
<link rel="stylesheet" href="/assets/site.css">
<link rel="stylesheet" href="/admin/assets/admin.css">
${(o.styles ?? []).map(
  (href) => markup`<link rel="stylesheet" href="${href}">
`,
)}</head>
<body class="admin">
<a class="skip" href="#main">${t('К содержанию', 'Skip to content')}</a>
<header class="site admin-bar">
<p class="name"><a href="/admin${o.lang === 'en' ? '?lang=en' : ''}">${t('Отклик — аналитика', 'Otklik — analytics')}</a></p>
<nav aria-label="${t('Служебное меню', 'Utility menu')}"><ul>
<li><a href="${switchLink(o.here, o.lang)}" lang="${o.lang === 'ru' ? 'en' : 'ru'}" hreflang="${o.lang === 'ru' ? 'en' : 'ru'}">${other}</a></li>
${
  o.session
    ? markup`<li>${o.session.role === 'admin' ? t('Администратор', 'Administrator') : t('Аналитик (только чтение)', 'Analyst (read-only)')}</li>
<li><form method="post" action="/admin/sign-out"><input type="hidden" name="_csrf" value="${o.session.csrf}"><input type="hidden" name="lang" value="${o.lang}"><button type="submit">${t('Выйти', 'Sign out')}</button></form></li>`
    : ''
}
</ul></nav>
</header>
<main id="main">
${o.body}
</main>
</body>
</html>
`;
}
