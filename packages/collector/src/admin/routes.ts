import { Hono, type Context } from 'hono';
import { csrf } from 'hono/csrf';
import { HTTPException } from 'hono/http-exception';
import { loadVersions } from '../reports/versions.js';
import { sessions as createSessions, type Sessions } from '../middleware/session.js';
import { surveyVolumes } from '../reports/index.js';
import { surveyDashboard } from './data.js';
import { publishRoutes, type PublishDeps } from './publish/routes.js';
import { joinRepeated, parseFilter } from './filters.js';
import { pickLang, translator } from './i18n.js';
import { ADMIN_CSS } from './views/admin-css.js';
import { surveyListPage } from './views/list.js';
import { signInPage } from './views/sign-in.js';
import { adminShell } from './views/shell.js';
import { surveyPage } from './views/survey.js';
import { markup } from '../pages/html.js';
import { safeNext, send, session } from './kit.js';
import { editorRoutes } from './editor/routes.js';
import { analystPages } from './analyst.js';

export interface AdminPageOptions {
  /** Sessions of the dashboard (default: from `deps.config`'s tokens and session secret). */
  sessions?: Sessions;
  /** Clock for «days since the last response» (tests). */
  now?: () => Date;
}

/**
 * The analysts' dashboard, pages without script under `/admin`:
 * - `GET /admin/sign-in`, `POST /admin/sign-in` (token → session cookie), `POST /admin/sign-out`;
 * - `GET /admin` — the surveys list; `GET /admin/surveys/:id?from&to&period&version&channel&object&touchpoint&respondent&…` — one
 *   survey's dashboard, every filter in the URL;
 * - `GET /admin/assets/admin.css`.
 * Without a valid session a page answers 401 with the sign-in form and nothing else. POSTs must
 * come from this origin (hono/csrf checks Origin) and sign-out also carries the session's CSRF
 * value. Respondent routes never see the cookie: it is scoped to `/admin`.
 *
 * @example
 * app.route('/', adminPageRoutes(deps));
 * const res = await app.request('/admin'); // 401 without a session
 */
export function adminPageRoutes(deps: PublishDeps, opts: AdminPageOptions = {}): Hono {
  const app = new Hono();
  const s =
    opts.sessions ??
    createSessions({
      adminTokens: deps.config.adminTokens,
      analystTokens: deps.config.analystTokens,
      secret: deps.config.sessionSecret,
    });
  const denied = (c: Context) => {
    const url = new URL(c.req.url);
    url.searchParams.delete('lang');
    return send(
      c,
      signInPage({ lang: pickLang(c), next: safeNext(url.pathname + url.search) }),
      401,
    );
  };
  const refused = (c: Context) => {
    const lang = pickLang(c);
    const t = translator(lang);
    return send(
      c,
      adminShell({
        title: t('Запрос отклонён', 'Request refused'),
        lang,
        here: '/admin',
        body: markup`<h1>${t('Запрос отклонён', 'Request refused')}</h1><p>${t('Форма пришла не с этой страницы. Откройте её заново.', 'The form did not come from this site. Open it again.')}</p><p><a href="/admin">${t('Вернуться', 'Back')}</a></p>`,
      }),
      403,
    );
  };
  app.get('/admin/assets/admin.css', (c) =>
    c.body(ADMIN_CSS, 200, {
      'Content-Type': 'text/css; charset=utf-8',
      'Cache-Control': 'public, max-age=3600',
      'X-Content-Type-Options': 'nosniff',
    }),
  );

  // hono/csrf refuses a form POSTed from another origin by throwing; answer that with a page.
  const sameOrigin = csrf();
  app.use('/admin/*', async (c, next) => {
    let passed = false;
    try {
      await sameOrigin(c, async () => {
        passed = true;
      });
    } catch (e) {
      if (e instanceof HTTPException) return refused(c);
      throw e;
    }
    if (passed) await next();
  });

  app.get('/admin/sign-in', (c) =>
    send(c, signInPage({ lang: pickLang(c), next: safeNext(c.req.query('next')) })),
  );

  app.post('/admin/sign-in', async (c) => {
    const form = await c.req.parseBody();
    const lang = form['lang'] === 'en' ? 'en' : 'ru';
    const next = safeNext(form['next']);
    const token = typeof form['token'] === 'string' ? form['token'] : '';
    if (!s.signIn(c, token)) return send(c, signInPage({ lang, next, failed: true }), 401);
    const sep = next.includes('?') ? '&' : '?';
    return c.redirect(
      lang === 'en' && !next.includes('lang=') ? `${next}${sep}lang=en` : next,
      303,
    );
  });

  app.post('/admin/sign-out', async (c) => {
    const form = await c.req.parseBody();
    const current = s.read(c);
    if (current && form['_csrf'] !== current.csrf) return refused(c);
    s.signOut(c);
    return c.redirect(`/admin/sign-in${form['lang'] === 'en' ? '?lang=en' : ''}`, 303);
  });

  app.get('/admin/', (c) => c.redirect('/admin', 301));

  // Everything below needs a session: sections mount their routers after this point; pages that
  // change surveys, catalogues or tokens also use `admin`.
  const analyst = s.require('analyst', denied);
  app.use('/admin', analyst);
  app.use('/admin/*', analyst);
  app.route('/', editorRoutes(deps, s.require('admin', denied)));
  app.route('/', analystPages(deps, s, opts.now ? { now: opts.now } : {}));
  app.route('/', publishRoutes(deps, s.require('admin', denied)));

  app.get('/admin', async (c) => {
    const lang = pickLang(c);
    const [list, volumes] = await Promise.all([deps.surveys.list(), surveyVolumes(deps.db)]);
    const items = list
      .map((x) => ({
        ...x,
        responses: volumes.get(x.id)?.responses ?? 0,
        last: volumes.get(x.id)?.last ?? null,
      }))
      .sort((a, b) => b.responses - a.responses || a.id.localeCompare(b.id));
    return send(c, surveyListPage({ lang, items, session: session(c) }));
  });

  app.get('/admin/surveys/:id', async (c) => {
    const lang = pickLang(c);
    const t = translator(lang);
    const id = c.req.param('id');
    const message = (status: 400 | 404, title: string, text: string) =>
      send(
        c,
        adminShell({
          title,
          lang,
          here: c.req.path,
          session: session(c),
          body: markup`<h1>${title}</h1><p>${text}</p><p><a href="/admin${lang === 'en' ? '?lang=en' : ''}">${t('К списку опросов', 'Back to the surveys')}</a></p>`,
        }),
        status,
      );
    const versions = await loadVersions(deps.surveys, id);
    if (versions.length === 0)
      return message(
        404,
        t('Опрос не найден', 'Survey not found'),
        `${t('Нет опроса', 'No survey')} «${id}».`,
      );
    const f = parseFilter(joinRepeated(c.req.queries()));
    if (!f.ok) return message(400, t('Неверный фильтр', 'Invalid filter'), f.error.message[lang]);
    const data = await surveyDashboard(deps, versions, {
      filter: f.value,
      lang,
      ...(opts.now ? { now: opts.now() } : {}),
    });
    return send(c, surveyPage({ data, filter: f.value, lang, session: session(c) }));
  });

  return app;
}
