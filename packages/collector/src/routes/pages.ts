import { fileURLToPath } from 'node:url';
import { Hono, type Context } from 'hono';
import type { AppDeps } from '../deps.js';
import { messageBody } from '../pages/chrome.js';
import { demoPage } from '../pages/demo.js';
import { hostedContext, hostedPage } from '../pages/hosted.js';
import type { Html } from '../pages/html.js';
import { PAGE_CSP, PAGE_HEADERS, page } from '../pages/layout.js';
import { resultsPage } from '../pages/results.js';
import { SITE_CSS } from '../pages/site-css.js';
import { readStatic } from '../pages/static.js';
import { HIDDEN, LEVELS, MIN_CELL, type Level } from '../disclosure/index.js';
import { apiError } from '../middleware/errors.js';
import { newest } from '../reports/questions.js';
import { loadVersions } from '../reports/versions.js';
import { decisionStore } from '../painmap/decisions.js';
import { closingTheLoop, publicFigures, serviceNames } from '../painmap/public-routes.js';

export interface PageRouteOptions {
  /** The repository's examples folder (default: ../../../../examples from this module). */
  examplesDir?: string;
  /** k of the public results: the smallest count published (default 5, disclosure/). */
  minGroupSize?: number;
  /** Survey embedded on the demo page (default `belgorod-typical`). */
  demoSurvey?: string;
}

const WIDGET = '/widget/feedback-survey.js';

function send(c: Context, body: Html, status: 200 | 400 | 404 = 200, cache = 'no-store'): Response {
  return c.body(body.value, status, { ...PAGE_HEADERS, 'Cache-Control': cache });
}

/**
 * Public pages, each with a strict CSP and no inline script or style:
 * - `/` — demo «Обратная связь» page (only with `config.demo`);
 * - `/s/:id?object&channel&touchpoint&lang` — hosted survey for e-mail links and QR codes (noindex);
 * - `/results/:id?service&period&key&lang` — public aggregated results, for the survey or one
 *   service; `/results/:id.json?service&period` the same figures as data (CORS as the respondent
 *   API, app.ts), 404 `unknown_survey` / `unknown_service`;
 * - `/assets/site.css`, `/widget/*` (config.widgetDir), `/examples/kiosk/*` (read-only).
 *
 * @example
 * app.route('/', pageRoutes(deps));
 */
export function pageRoutes(deps: AppDeps, opts: PageRouteOptions = {}): Hono {
  const app = new Hono();
  const k = opts.minGroupSize ?? MIN_CELL;
  const examplesDir =
    opts.examplesDir ?? fileURLToPath(new URL('../../../../examples/', import.meta.url));
  const demoSurvey = opts.demoSurvey ?? 'belgorod-typical';

  app.get('/assets/site.css', (c) =>
    c.body(SITE_CSS, 200, {
      'Content-Type': 'text/css; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
      'X-Content-Type-Options': 'nosniff',
    }),
  );

  // Browsers ask for a favicon on every page; an empty answer keeps their consoles free of 404s.
  app.get('/favicon.ico', (c) => c.body(null, 204, { 'Cache-Control': 'public, max-age=86400' }));

  app.get('/', (c) => {
    if (!deps.config.demo) return c.notFound();
    return send(
      c,
      page({
        title: 'Обратная связь — демонстрация Отклика',
        scripts: [WIDGET],
        body: demoPage({ surveyId: demoSurvey }),
      }),
    );
  });

  const files = (prefix: string, root: () => string, missing: string) => async (c: Context) => {
    let rel: string;
    try {
      rel = decodeURIComponent(c.req.path.slice(prefix.length));
    } catch {
      return c.text('Bad path', 400);
    }
    const f = await readStatic(root(), rel);
    if (!f) return c.text(missing, 404, { 'Cache-Control': 'no-store' });
    const headers: Record<string, string> = {
      'Content-Type': f.type,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    };
    if (f.type.startsWith('text/html')) headers['Content-Security-Policy'] = PAGE_CSP;
    return c.body(f.body, 200, headers);
  };
  app.get(
    '/widget/*',
    files(
      '/widget/',
      () => deps.config.widgetDir,
      'Widget file not found. Is the widget built? Run: pnpm --filter @otklik/widget build\nФайл виджета не найден: соберите виджет (pnpm --filter @otklik/widget build).',
    ),
  );
  app.get('/examples/kiosk', (c) => c.redirect('/examples/kiosk/', 301));
  app.get(
    '/examples/kiosk/*',
    files('/examples/kiosk/', () => `${examplesDir}/kiosk`, 'Not found in examples/kiosk.'),
  );

  app.get('/s/:id', async (c) => {
    const id = c.req.param('id');
    const ctx = hostedContext(c.req.query());
    const lang = c.req.query('lang') === 'en' ? 'en' : 'ru';
    if (!ctx.ok) {
      const title = lang === 'en' ? 'Wrong link' : 'Ошибка в ссылке';
      return send(
        c,
        page({ title, lang, noindex: true, body: messageBody(title, ctx.message[lang], lang) }),
        400,
      );
    }
    const survey = await deps.surveys.current(id);
    if (!survey) {
      const title = lang === 'en' ? 'Survey not found' : 'Опрос не найден';
      const text =
        lang === 'en'
          ? 'The link may be mistyped, or the survey has been withdrawn.'
          : 'Возможно, в ссылке опечатка или опрос снят с публикации.';
      return send(
        c,
        page({ title, lang, noindex: true, body: messageBody(title, text, lang) }),
        404,
      );
    }
    const title = survey.title[lang] ?? survey.title.ru;
    const appealUrl = await decisionStore(deps.db).appealUrl(id);
    return send(
      c,
      page({
        title,
        lang,
        noindex: true,
        scripts: [WIDGET],
        body: hostedPage(survey, ctx.value, { appealUrl }),
      }),
    );
  });

  app.get('/results/:id', async (c) => {
    const param = c.req.param('id');
    // `/results/:id.json`: the same public figures as data, under the same k-anonymity rule.
    const asJson = param.endsWith('.json');
    const id = asJson ? param.slice(0, -'.json'.length) : param;
    const lang = c.req.query('lang') === 'en' ? 'en' : 'ru';
    const versions = await loadVersions(deps.surveys, id);
    if (versions.length === 0) {
      if (asJson) return apiError(c, 404, 'unknown_survey', `No published survey "${id}"`);
      const title = lang === 'en' ? 'Survey not found' : 'Опрос не найден';
      return send(
        c,
        page({
          title,
          lang,
          body: messageBody(
            title,
            lang === 'en'
              ? 'No published survey has this id.'
              : 'Опубликованного опроса с таким идентификатором нет.',
            lang,
          ),
        }),
        404,
      );
    }
    const p = c.req.query('period');
    // An unknown period shows all-time results rather than an error page: it is a public link.
    const period = p && (LEVELS as readonly string[]).includes(p) ? (p as Level) : null;
    const results = await publicFigures(deps, versions, k);
    const names = await serviceNames(deps, versions);
    const asked = c.req.query('service') || null;
    const tree = asked ? results.services.find((s) => s.service === asked) : undefined;
    if (asJson) {
      if (asked && !tree) return apiError(c, 404, 'unknown_service', `No service "${asked}"`);
      const head = newest(versions);
      const shown = tree ?? results;
      const name = (sid: string | null) => ({ ru: names(sid, 'ru'), en: names(sid, 'en') });
      return c.json(
        {
          survey: { id: head.id, version: head.version, title: head.title },
          service: tree ? { id: tree.service, name: name(tree.service) } : null,
          period,
          k,
          hidden: HIDDEN,
          total: shown.total,
          groups: period ? shown.groups[period] : [],
          // Every service's all-time summary, so a page can offer the choice.
          services: results.services.map((s) => ({
            id: s.service,
            name: name(s.service),
            responses: s.total.responses,
            satisfactionLevel: s.total.summary.satisfactionLevel,
          })),
        },
        200,
        { 'Cache-Control': 'public, max-age=300' },
      );
    }
    const key = period ? (c.req.query('key') ?? null) : null;
    const service = tree ? asked : null;
    const closing = await closingTheLoop(deps, versions, lang, { service, names });
    const body = resultsPage({
      results,
      versions,
      lang,
      period,
      key,
      k,
      service,
      serviceName: (sid) => names(sid, lang),
      closing,
    });
    const title = lang === 'en' ? 'Survey results' : 'Результаты опроса';
    return send(c, page({ title, lang, body }), 200, 'public, max-age=300');
  });

  return app;
}
