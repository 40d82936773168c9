import { markup, raw, type Html } from './html.js';

/**
 * The Content-Security-Policy of every page: scripts, styles and connections only from this
 * origin, no inline script or style at all, no framing, no <base>, forms only to this origin.
 */
export const PAGE_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
  "frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

/** Headers of every HTML page. */
export const PAGE_HEADERS: Readonly<Record<string, string>> = {
  'Content-Type': 'text/html; charset=utf-8',
  'Content-Security-Policy': PAGE_CSP,
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
};

export interface PageOptions {
  title: string;
  lang?: 'ru' | 'en';
  /** Keep out of search engines (survey pages reached by link or QR code). */
  noindex?: boolean;
  /** Module scripts from this origin. */
  scripts?: string[];
  body: Html;
}

/**
 * The shell of every page: language, viewport, the one stylesheet (/assets/site.css), skip link
 * and <main> landmark for screen readers.
 *
 * @example
 * page({ title: 'Результаты', body: markup`<h1>…</h1>` }).value;
 */
export function page(o: PageOptions): Html {
  const lang = o.lang ?? 'ru';
  return markup`<!doctype html>
<html lang="${lang}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
${o.noindex ? raw('<meta name="robots" content="noindex, nofollow">\n') : ''}<title>${o.title}</title>
<link rel="stylesheet" href="/assets/site.css">
${(o.scripts ?? []).map((s) => markup`<script type="module" src="${s}"></script>\n`)}</head>
<body>
<a class="skip" href="#main">${lang === 'en' ? 'Skip to content' : 'К содержанию'}</a>
${o.body}
</body>
</html>
`;
}
