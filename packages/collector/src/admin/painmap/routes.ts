import { Hono, type Context } from 'hono';
import type { AppDeps } from '../../deps.js';
import type { Sessions } from '../../middleware/session.js';
import { decisionStore } from '../../painmap/decisions.js';
import { parseDecision, parseNewRow, parseRowPatch, PERIOD_KEY } from '../../painmap/parse.js';
import { painMapRoutes, storeSuggestedRows } from '../../painmap/routes.js';
import { painMapStore } from '../../painmap/store.js';
import { apiProblem } from '../api.js';
import { pickLang, translator } from '../i18n.js';
import { send, session } from '../kit.js';
import {
  actorOf,
  adminOnly,
  headOf,
  langQuery,
  messagePage,
  readForm,
  surveyOr404,
  type Form,
} from '../section.js';
import { painMapView } from './data.js';
import { painMapPage } from './view.js';

/** The row fields a form sends (every one a text field or a select). */
const ROW_FORM = [
  'process',
  'problem',
  'source',
  'prevalence',
  'priority',
  'measures',
  'responsible',
  'deadline',
  'status',
] as const;

const rowBody = (form: Form): Record<string, string> =>
  Object.fromEntries(
    ROW_FORM.flatMap((k) => (form.get(k) === undefined ? [] : [[k, form.get(k)!]])),
  );

/**
 * The pain-map page of a survey (mounted after the session guard):
 * - `GET /admin/surveys/:id/pain-map?period=` — rows, history, suggestions, decisions;
 * - `GET /admin/surveys/:id/pain-map.xlsx?period=` — the admin API's XLSX, for the session;
 * - `POST …/pain-map/rows`, `…/pain-map/rows/:row`, `…/pain-map/suggested`, `…/pain-map/decisions`,
 *   `…/pain-map/decisions/:decision` — the administrator's changes, validated by painmap/parse.ts
 *   as the API validates them, each change of a row written to its history; 303 back to the page.
 *
 * @example
 * app.route('/', painMapPages(deps, s));
 */
export function painMapPages(deps: AppDeps, s: Pick<Sessions, 'require'>): Hono {
  const app = new Hono();
  const rows = painMapStore(deps.db);
  const decisions = decisionStore(deps.db);
  const api = painMapRoutes(deps);
  const periodOf = (c: Context): string | Response => {
    const p = c.req.query('period') ?? '';
    if (PERIOD_KEY.test(p)) return p;
    const t = translator(pickLang(c));
    return messagePage(
      c,
      400,
      t('Неверный период', 'Invalid period'),
      t(
        '«period»: пусто (всё время), 2026, 2026-H1, 2026-Q1 или 2026-03.',
        '"period": empty (all time), 2026, 2026-H1, 2026-Q1 or 2026-03.',
      ),
    );
  };
  const back = (c: Context, period: string) => {
    const q = new URLSearchParams();
    if (period) q.set('period', period);
    q.set('saved', '1');
    return c.redirect(
      `/admin/surveys/${encodeURIComponent(c.req.param('id') ?? '')}/pain-map?${q}${langQuery(pickLang(c), '&')}`,
      303,
    );
  };
  const invalid = (c: Context, issues: unknown) => {
    const lang = pickLang(c);
    return messagePage(
      c,
      400,
      translator(lang)('Изменение не сохранено', 'The change was not saved'),
      apiProblem({ issues }, lang),
    );
  };

  app.get('/admin/surveys/:id/pain-map', async (c) => {
    const period = periodOf(c);
    if (period instanceof Response) return period;
    const versions = await surveyOr404(c, deps);
    if (versions instanceof Response) return versions;
    const lang = pickLang(c);
    const view = await painMapView(deps, versions, period);
    return send(
      c,
      painMapPage({
        head: headOf(versions),
        lang,
        session: session(c),
        period,
        view,
        saved: c.req.query('saved') === '1',
      }),
    );
  });

  app.get('/admin/surveys/:id/pain-map.xlsx', async (c) => {
    const period = periodOf(c);
    if (period instanceof Response) return period;
    const versions = await surveyOr404(c, deps);
    if (versions instanceof Response) return versions;
    const p = new URLSearchParams({ period });
    return api.request(`/v1/surveys/${encodeURIComponent(headOf(versions).id)}/pain-map.xlsx?${p}`);
  });

  const edit = adminOnly(s);
  // Literal paths: each action its own route (a pattern of alternatives also caught longer paths).
  const add = async (c: Context, what: 'rows' | 'suggested' | 'decisions') => {
    const form = await readForm(c);
    if (form instanceof Response) return form;
    const period = periodOf(c);
    if (period instanceof Response) return period;
    const versions = await surveyOr404(c, deps);
    if (versions instanceof Response) return versions;
    const id = headOf(versions).id;
    if (what === 'suggested') {
      await storeSuggestedRows(deps, id, period, actorOf(c));
      return back(c, period);
    }
    if (what === 'rows') {
      const r = parseNewRow(rowBody(form));
      if (!r.ok) return invalid(c, r.issues);
      await rows.addRow(id, period, r.value, actorOf(c));
      return back(c, period);
    }
    const d = decisionOf(form);
    if (!d.ok) return invalid(c, d.issues);
    if (d.value.painRowId !== null && !(await rows.row(id, d.value.painRowId)))
      return invalid(c, [
        {
          message: {
            ru: '«painRowId»: в карте болей нет такой строки.',
            en: '"painRowId": no such row in the pain map.',
          },
        },
      ]);
    await decisions.add(id, d.value);
    return back(c, period);
  };

  for (const what of ['rows', 'suggested', 'decisions'] as const)
    app.post(`/admin/surveys/:id/pain-map/${what}`, edit, (c) => add(c, what));

  const change = async (c: Context, what: 'rows' | 'decisions') => {
    const form = await readForm(c);
    if (form instanceof Response) return form;
    const period = periodOf(c);
    if (period instanceof Response) return period;
    const versions = await surveyOr404(c, deps);
    if (versions instanceof Response) return versions;
    const id = headOf(versions).id;
    // Digits only (the route says so); a number too long for an id is simply not found.
    const item = Math.min(Number(c.req.param('item')), Number.MAX_SAFE_INTEGER);
    const t = translator(pickLang(c));
    const gone = () =>
      messagePage(
        c,
        404,
        t('Не найдено', 'Not found'),
        t('Такой строки или решения нет.', 'No such row or decision.'),
      );
    if (what === 'rows') {
      const r = parseRowPatch(rowBody(form));
      if (!r.ok) return invalid(c, r.issues);
      return (await rows.updateRow(id, item, r.value, actorOf(c))) ? back(c, period) : gone();
    }
    // The decision's publish switch: everything else stays as it was.
    const was = (await decisions.list(id)).find((d) => d.id === item);
    if (!was) return gone();
    const published = form.get('published');
    if (published !== 'true' && published !== 'false')
      return invalid(c, [
        { message: { ru: '«published»: true или false.', en: '"published": true or false.' } },
      ]);
    const { id: _id, surveyId: _s, ...input } = was;
    await decisions.update(id, item, { ...input, published: published === 'true' });
    return back(c, period);
  };
  for (const what of ['rows', 'decisions'] as const)
    app.post(`/admin/surveys/:id/pain-map/${what}/:item{[0-9]+}`, edit, (c) => change(c, what));

  return app;
}

/** A decision from the form's fields, checked by the API's parser. */
function decisionOf(form: Form) {
  const en = (form.get('textEn') ?? '').trim();
  const row = form.get('painRowId') ?? '';
  const done = form.get('doneOn') ?? '';
  return parseDecision({
    text: { ru: (form.get('textRu') ?? '').trim(), ...(en ? { en } : {}) },
    status: form.get('status') ?? '',
    painRowId: row === '' ? null : /^\d{1,15}$/.test(row) ? Number(row) : row,
    doneOn: done === '' ? null : done,
    published: form.get('published') === 'true',
  });
}
