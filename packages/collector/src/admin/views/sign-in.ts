import { markup, type Html } from '../../pages/html.js';
import { translator, type Lang } from '../i18n.js';
import { adminShell } from './shell.js';

/**
 * The sign-in form: one password field for the token. `failed` adds an error that names the field
 * but never says whether such a token exists; `next` is where to go after signing in.
 *
 * @example
 * signInPage({ lang: 'ru', next: '/admin' });
 */
export function signInPage(o: { lang: Lang; next: string; failed?: boolean }): Html {
  const t = translator(o.lang);
  const error = t(
    'Токен не подошёл. Проверьте его и попробуйте снова.',
    'This token did not work. Check it and try again.',
  );
  return adminShell({
    title: t('Вход', 'Sign in'),
    lang: o.lang,
    here: '/admin/sign-in',
    body: markup`<h1>${t('Вход для аналитиков', 'Sign in for analysts')}</h1>
${o.failed ? markup`<p class="error" role="alert" id="token-error">${error}</p>` : ''}
<form method="post" action="/admin/sign-in" class="sign-in">
<input type="hidden" name="next" value="${o.next}">
<input type="hidden" name="lang" value="${o.lang}">
<label for="token">${t('Токен доступа', 'Access token')}</label>
<input id="token" name="token" type="password" required autocomplete="current-password" spellcheck="false"${o.failed ? markup` aria-invalid="true" aria-describedby="token-error"` : ''}>
<p class="note">${t(
      'Токен администратора или аналитика из настроек сборщика (ADMIN_TOKENS, ANALYST_TOKENS). Сессия хранится в cookie только этого раздела и длится 8 часов.',
      'An administrator or analyst token from the collector settings (ADMIN_TOKENS, ANALYST_TOKENS). The session cookie is limited to this section and lasts 8 hours.',
    )}</p>
<button type="submit">${t('Войти', 'Sign in')}</button>
</form>`,
  });
}
