import { markup, type Html } from './html.js';

/** The fictional body the demo pages belong to. */
export const DEMO_ORG = 'Министерство цифрового развития Энской области';

/** Site header and footer around a page's content (demo look of a regional ministry site). */
export function siteChrome(content: Html, opts: { lang?: 'ru' | 'en'; org?: string } = {}): Html {
  const en = opts.lang === 'en';
  return markup`<header class="site">
<p class="org">${opts.org ?? (en ? 'Public feedback' : 'Обратная связь')}</p>
<p class="name">Отклик</p>
</header>
<main id="main">
${content}
</main>
<footer class="site">
<p>${
    en
      ? 'Anonymous: no name, e-mail, IP address or cookies are collected.'
      : 'Анонимно: мы не собираем имя, e-mail, IP-адрес и cookie.'
  }</p>
</footer>`;
}

/** A small page for 404 and 400: what went wrong, in plain words. */
export function messageBody(title: string, text: string, lang: 'ru' | 'en' = 'ru'): Html {
  return siteChrome(markup`<h1>${title}</h1><p>${text}</p>`, { lang });
}
