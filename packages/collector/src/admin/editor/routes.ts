import { fileURLToPath } from 'node:url';
import { ZId } from '@otklik/core';
import { Hono, type Context, type MiddlewareHandler } from 'hono';
import type { AppDeps } from '../../deps.js';
import { readStatic } from '../../pages/static.js';
import { markup } from '../../pages/html.js';
import { pickLang, translator } from '../i18n.js';
import { send, session } from '../kit.js';
import { adminShell } from '../views/shell.js';
import { editorPage } from './page.js';

/** The editor's build (packages/editor/dist) relative to this module, in src/ and dist/ alike. */
const DEFAULT_EDITOR_DIR = fileURLToPath(new URL('../../../../editor/dist/', import.meta.url));

/** The only files of the editor's build that are served. */
const ASSETS = new Set(['editor.js', 'editor.js.map']);

/**
 * The survey editor's pages, for administrators only (`admin` is `sessions.require('admin', …)`):
 * - `GET /admin/surveys/new` — a new survey, blank or from a template;
 * - `GET /admin/surveys/:id/edit` — the published survey as the draft of its next version;
 * - `GET /admin/assets/editor.js` (and its source map) — the editor's module, from
 *   `config.editorDir` (default packages/editor/dist).
 * The editor posts its draft to `/admin/surveys/:id/review` (the review page) as a plain form.
 *
 * @example
 * app.route('/', editorRoutes(deps, s.require('admin', denied)));
 */
export function editorRoutes(deps: AppDeps, admin: MiddlewareHandler): Hono {
  const app = new Hono();
  const dir = () => deps.config.editorDir ?? DEFAULT_EDITOR_DIR;

  app.get('/admin/assets/:file{editor\\.js(\\.map)?}', async (c) => {
    const name = c.req.param('file');
    const f = ASSETS.has(name) ? await readStatic(dir(), name) : undefined;
    if (!f) {
      return c.text(
        'Editor not built. Run: pnpm --filter @otklik/editor build\nРедактор не собран: pnpm --filter @otklik/editor build',
        404,
        { 'Cache-Control': 'no-store' },
      );
    }
    return c.body(f.body, 200, {
      'Content-Type': f.type,
      'Cache-Control': 'no-cache',
      'X-Content-Type-Options': 'nosniff',
    });
  });

  app.use('/admin/surveys/new', admin);
  app.use('/admin/surveys/:id/edit', admin);

  app.get('/admin/surveys/new', (c) =>
    send(c, editorPage({ lang: pickLang(c), session: session(c), here: c.req.path })),
  );

  app.get('/admin/surveys/:id/edit', async (c) => {
    const lang = pickLang(c);
    const id = c.req.param('id');
    // An id core would refuse cannot name a published survey: no database query for it.
    const published = ZId.safeParse(id).success ? await deps.surveys.current(id) : undefined;
    if (!published) return notFound(c, id);
    return send(c, editorPage({ lang, session: session(c), here: c.req.path, published }));
  });

  return app;
}

function notFound(c: Context, id: string): Response {
  const lang = pickLang(c);
  const t = translator(lang);
  const title = t('Опрос не найден', 'Survey not found');
  return send(
    c,
    adminShell({
      title,
      lang,
      here: c.req.path,
      session: session(c),
      body: markup`<h1>${title}</h1><p>${t('Нет опубликованного опроса', 'No published survey')} «${id}».</p><p><a href="/admin/surveys/new${lang === 'en' ? '?lang=en' : ''}">${t('Создать новый опрос', 'Create a new survey')}</a></p>`,
    }),
    404,
  );
}
