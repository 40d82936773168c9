import { Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import type { AppDeps } from '../deps.js';
import type { Sessions } from '../middleware/session.js';
import { answerPages } from './answers/routes.js';
import { painMapPages } from './painmap/routes.js';
import { reportPages, type ReportPageRoutesOptions } from './report/routes.js';
import { pickLang, translator } from './i18n.js';
import { messagePage } from './section.js';
import { ANALYST_CSS } from './views/analyst-css.js';

/** Largest form body the analyst pages read (a pain-map row's fields are at most 4000 characters each). */
export const MAX_FORM_BYTES = 256 * 1024;

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
  // A form of these pages is a few kilobytes; a larger body is refused before it is read whole.
  const limit = bodyLimit({
    maxSize: MAX_FORM_BYTES,
    onError: (c) => {
      const t = translator(pickLang(c));
      return messagePage(
        c,
        413,
        t('Форма слишком большая', 'The form is too large'),
        t(
          `Отправьте не больше ${MAX_FORM_BYTES / 1024} КБ.`,
          `Send at most ${MAX_FORM_BYTES / 1024} KB.`,
        ),
      );
    },
  });
  // Only these pages' own forms: the publishing pages take surveys of up to a megabyte.
  for (const path of [
    '/admin/surveys/:id/themes/*',
    '/admin/surveys/:id/answers/*',
    '/admin/surveys/:id/pain-map/*',
  ])
    app.use(path, (c, next) => (c.req.method === 'POST' ? limit(c, next) : next()));
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
