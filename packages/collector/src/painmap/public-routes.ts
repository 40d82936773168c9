import { localize, type Lang, type Survey } from '@otklik/core';
import { Hono, type Context } from 'hono';
import type { AppDeps } from '../deps.js';
import { MIN_CELL, publicResults, type PublicReports } from '../disclosure/index.js';
import { markup, type Html } from '../pages/html.js';
import { PAGE_HEADERS, page } from '../pages/layout.js';
import { loadVersions } from '../reports/versions.js';
import { decisionStore, type Decision } from './decisions.js';
import { painMapStore } from './store.js';
import {
  appealLink,
  receiptForm,
  receiptPage,
  youSaidWeDid,
  type DecisionContext,
  type ReceiptMatch,
  type ServiceNames,
} from './public-page.js';

/**
 * A survey's public figures (disclosure/), computed once per survey generation when the app has
 * the shared cache: the results page, its JSON and the receipt page read the same ones.
 *
 * @example
 * const pub = await publicFigures(deps, versions, 5);
 */
export async function publicFigures(
  deps: Pick<AppDeps, 'db' | 'publicCache'>,
  versions: readonly Survey[],
  k: number,
): Promise<PublicReports> {
  const compute = () => publicResults(deps.db, versions, k);
  const id = versions[0]!.id;
  return deps.publicCache ? deps.publicCache.get(id, `public:k=${k}`, compute) : compute();
}

/**
 * What a published decision is linked to: the period of the pain-map row it answers (by row id),
 * for a link to that period's figures. The row's own words stay out: a suggested row may quote
 * what respondents typed.
 */
async function decisionContext(
  deps: Pick<AppDeps, 'db'>,
  surveyId: string,
  decisions: readonly Decision[],
): Promise<DecisionContext> {
  const rows = painMapStore(deps.db);
  const periods = new Map<number, string>();
  for (const d of decisions)
    if (d.painRowId !== null && !periods.has(d.painRowId)) {
      const row = await rows.row(surveyId, d.painRowId);
      if (row) periods.set(d.painRowId, row.period);
    }
  return {
    surveyId,
    periodOf: (d) => (d.painRowId === null ? undefined : periods.get(d.painRowId)),
  };
}

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
export function receiptRoutes(deps: AppDeps, opts: { minGroupSize?: number } = {}): Hono {
  const app = new Hono();
  const store = decisionStore(deps.db);
  const k = opts.minGroupSize ?? MIN_CELL;

  async function answer(c: Context, raw: string): Promise<Response> {
    const lang: Lang = c.req.query('lang') === 'en' ? 'en' : 'ru';
    const code = normalReceipt(raw);
    const matches: ReceiptMatch[] = [];
    if (RECEIPT.test(code)) {
      for (const hit of await store.receipt(code)) {
        const versions = await loadVersions(deps.surveys, hit.surveyId);
        const survey = versions.reduce<Survey | undefined>(
          (a, b) => (a && a.version > b.version ? a : b),
          undefined,
        );
        if (!survey) continue;
        const names = await serviceNames(deps, versions);
        const figures = (await publicFigures(deps, versions, k)).services.find(
          (s) => s.service === hit.object,
        );
        const decisions = await store.list(hit.surveyId, {
          publishedOnly: true,
          objects: hit.object === null ? [] : [hit.object],
        });
        const general = await store.list(hit.surveyId, { publishedOnly: true });
        // The service's own decisions, then those for the survey as a whole.
        const all = [...decisions, ...general.filter((d) => d.object === null)];
        matches.push({
          surveyId: survey.id,
          surveyTitle: localize(survey.title, lang),
          serviceId: hit.object,
          service: names(hit.object, lang),
          decisions: all,
          context: await decisionContext(deps, survey.id, all),
          figures: figures ?? null,
          k,
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
 * The results page's closing part: «Вы сказали — мы сделали» (on a service's page, that service's
 * decisions and those for the survey as a whole), the receipt form and the appeal link.
 *
 * @example
 * resultsPage({ …, closing: await closingTheLoop(deps, versions, 'ru', { service: null, names }) });
 */
export async function closingTheLoop(
  deps: AppDeps,
  versions: readonly Survey[],
  lang: Lang,
  o: { service: string | null; names: ServiceNames },
): Promise<Html> {
  const head = versions.reduce((a, b) => (b.version > a.version ? b : a));
  const store = decisionStore(deps.db);
  const all = await store.list(head.id, { publishedOnly: true });
  const decisions =
    o.service === null ? all : all.filter((d) => d.object === null || d.object === o.service);
  const context = await decisionContext(deps, head.id, decisions);
  return markup`${youSaidWeDid(decisions, o.names, lang, context)}
<section aria-labelledby="receipt-title">
<h2 id="receipt-title">${lang === 'en' ? 'Check by code' : 'Проверить по коду'}</h2>
<p>${lang === 'en' ? 'Enter the code shown after you answered to see what is being done about that service.' : 'Введите код, показанный после ответа, чтобы узнать, что делается по этой услуге.'}</p>
${receiptForm(lang)}
</section>
${appealLink(await store.appealUrl(head.id), lang)}`;
}
