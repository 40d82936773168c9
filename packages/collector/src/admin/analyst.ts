import { Hono } from 'hono';
import type { AppDeps } from '../deps.js';
import type { Sessions } from '../middleware/session.js';
import { answerPages } from './answers/routes.js';
import { painMapPages } from './painmap/routes.js';
import { reportPages, type ReportPageRoutesOptions } from './report/routes.js';
import { ANALYST_CSS } from './views/analyst-css.js';

/**
 * The analyst pages — open answers, themes, pain map, period report — and their stylesheet, as
 * one router for `adminPageRoutes` to mount after its session guard. Changes need the
 * administrator (`s.require('admin')`), as on the bearer API.
 *
 * @example
 * app.route('/', analystPages(deps, s));
 */
export function analystPages(
  deps: AppDeps,
  s: Pick<Sessions, 'require'>,
  opts: ReportPageRoutesOptions = {},
): Hono {
  const app = new Hono();
  app.get('/admin/assets/analyst.css', (c) =>
    c.body(ANALYST_CSS, 200, {
      'Content-Type': 'text/css; charset=utf-8',
      'Cache-Control': 'private, max-age=3600',
      'X-Content-Type-Options': 'nosniff',
    }),
  );
  app.route('/', answerPages(deps, s));
  app.route('/', painMapPages(deps, s));
  app.route('/', reportPages(deps, opts));
  return app;
}
