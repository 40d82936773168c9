import { localize, type Lang, type Survey } from '@otklik/core';
import { Hono, type Context } from 'hono';
import type { AppDeps } from '../deps.js';
import { markup, type Html } from '../pages/html.js';
import { PAGE_HEADERS, page } from '../pages/layout.js';
import { decisionStore } from './decisions.js';
import {
  appealLink,
  receiptForm,
  receiptPage,
  youSaidWeDid,
  type ReceiptMatch,
  type ServiceNames,
} from './public-page.js';

/** A receipt as printed: 8 characters of Crockford's base32 (store/receipt.ts). */
const RECEIPT = /^[0-9A-HJKMNP-TV-Z]{8}$/;

/**
 * What a respondent typed, as a receipt: upper case, spaces and dashes dropped, and the letters
 * Crockford's alphabet leaves out read as the digits they resemble (O → 0, I and L → 1).
 */
export function normalReceipt(raw: string): string {
  return raw
    .slice(0, 32)
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/O/g, '0')
    .replace(/[IL]/g, '1');
}

/**
 * Service names from the body's catalogues (retired entries too), else the surveys' own lists.
 *
 * @example
 * const names = await serviceNames(deps, versions); names('licence', 'ru'); // 'Выдача лицензии'
 */
export async function serviceNames(
  deps: Pick<AppDeps, 'catalogs'>,
  surveys: readonly Pick<Survey, 'catalogs'>[],
): Promise<ServiceNames> {
  const texts = new Map<string, Parameters<typeof localize>[0]>();
  for (const s of surveys)
    for (const entries of Object.values(s.catalogs ?? {}))
      for (const e of entries) texts.set(e.id, e.text);
  for (const entries of (await deps.catalogs.labels()).values())
    for (const [id, text] of entries) texts.set(id, text);
  return (id, lang) =>
    id === null
      ? lang === 'en'
        ? 'All services'
        : 'Все услуги'
      : texts.has(id)
        ? localize(texts.get(id), lang)
        : id;
}

/**
 * `GET /r/:code` and `GET /r?code=` (the results page's form): what is being done about the
 * service a response concerned. A right and a wrong code get the same status (200), headers and
 * page structure; the page never shows the response (answers, date, channel). app.ts rate-limits
 * these paths per client, so codes cannot be tried in bulk.
 *
 * @example
 * app.route('/', receiptRoutes(deps));
 */
export function receiptRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  const store = decisionStore(deps.db);

  async function answer(c: Context, raw: string): Promise<Response> {
    const lang: Lang = c.req.query('lang') === 'en' ? 'en' : 'ru';
    const code = normalReceipt(raw);
    const matches: ReceiptMatch[] = [];
    if (RECEIPT.test(code)) {
      for (const hit of await store.receipt(code)) {
        const survey = await deps.surveys.current(hit.surveyId);
        if (!survey) continue;
        const names = await serviceNames(deps, [survey]);
        const decisions = await store.list(hit.surveyId, {
          publishedOnly: true,
          objects: hit.object === null ? [] : [hit.object],
        });
        const general = await store.list(hit.surveyId, { publishedOnly: true });
        matches.push({
          surveyId: survey.id,
          surveyTitle: localize(survey.title, lang),
          service: names(hit.object, lang),
          // The service's own decisions, then those for the survey as a whole.
          decisions: [...decisions, ...general.filter((d) => d.object === null)],
          appealUrl: await store.appealUrl(hit.surveyId),
        });
      }
    }
    const shown = RECEIPT.test(code) ? code : code.slice(0, 8);
    const title = lang === 'en' ? 'Your feedback code' : 'Код вашего отзыва';
    return c.body(
      page({ title, lang, noindex: true, body: receiptPage({ lang, code: shown, matches }) }).value,
      200,
      { ...PAGE_HEADERS, 'Cache-Control': 'no-store' },
    );
  }

  app.get('/r', (c) => answer(c, c.req.query('code') ?? ''));
  app.get('/r/:code', (c) => answer(c, c.req.param('code')));
  return app;
}

/**
 * The results page's closing part: «Вы сказали — мы сделали», the receipt form and the appeal link.
 *
 * @example
 * resultsPage({ …, closing: await closingTheLoop(deps, versions, 'ru') });
 */
export async function closingTheLoop(
  deps: AppDeps,
  versions: readonly Survey[],
  lang: Lang,
): Promise<Html> {
  const head = versions.reduce((a, b) => (b.version > a.version ? b : a));
  const store = decisionStore(deps.db);
  const decisions = await store.list(head.id, { publishedOnly: true });
  const names = await serviceNames(deps, versions);
  return markup`${youSaidWeDid(decisions, names, lang)}
<section aria-labelledby="receipt-title">
<h2 id="receipt-title">${lang === 'en' ? 'Check by code' : 'Проверить по коду'}</h2>
<p>${lang === 'en' ? 'Enter the code shown after you answered to see what is being done about that service.' : 'Введите код, показанный после ответа, чтобы узнать, что делается по этой услуге.'}</p>
${receiptForm(lang)}
</section>
${appealLink(await store.appealUrl(head.id), lang)}`;
}
