import { createHash } from 'node:crypto';
import { Hono, type Context } from 'hono';
import type { AppDeps } from '../deps.js';
import { apiError } from '../middleware/errors.js';
import { jsonBody, type JsonBodyVars } from '../middleware/json-body.js';
import { painMap } from '../reports/pain-map.js';
import { loadVersions } from '../reports/versions.js';
import { badQuery } from '../routes/reports.js';
import { decisionStore } from './decisions.js';
import { parseDecision, parseNewRow, parseRowPatch, parseSettings, PERIOD_KEY } from './parse.js';
import { serviceNames } from './public-routes.js';
import { periodRange, suggestedRows } from './suggest.js';
import { painMapStore } from './store.js';
import { painMapXlsx } from './xlsx.js';

/** Largest JSON body of a row, a decision or the settings. */
const MAX_BODY = 64 * 1024;

/**
 * Who made a change, for the history: a label derived from the admin token (its sha-256, first
 * 8 hex digits) — it tells tokens apart without storing them or anything about a person.
 */
export function actorOf(c: Context): string {
  const token = /^Bearer (\S+)$/.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
  return `token:${createHash('sha256').update(token).digest('hex').slice(0, 8)}`;
}

/**
 * Stores the period's computed suggestions (problem options, low scores) as pain-map rows,
 * skipping those already stored (same service and problem); returns how many were added. The
 * admin API and the analyst page both call it.
 *
 * @example
 * await storeSuggestedRows(deps, 'pulse', '2026-Q1', 'admin:1a2b3c4d'); // 3
 */
export async function storeSuggestedRows(
  deps: Pick<AppDeps, 'db' | 'surveys' | 'catalogs'>,
  id: string,
  period: string,
  actor: string,
): Promise<number> {
  const rows = painMapStore(deps.db);
  const versions = await loadVersions(deps.surveys, id);
  const map = await painMap(deps.db, versions, periodRange(period));
  // The body's catalogues name the services better than the surveys' shipped lists.
  const names = await serviceNames(deps, versions);
  const have = new Set(
    (await rows.rows(id, period)).map((r) => `${r.object ?? ''}\u0000${r.problem}`),
  );
  let added = 0;
  for (const s of suggestedRows(map, (o) => names(o, 'ru'))) {
    if (have.has(`${s.object ?? ''}\u0000${s.problem}`)) continue;
    await rows.addRow(id, period, s, actor);
    added++;
  }
  return added;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * The stored pain map and the decisions, as admin JSON (app.ts puts every /v1 path behind the
 * admin token; the admin pages call these):
 * - `GET  /v1/surveys/:id/pain-map/rows?period=` → `{ period, items }` (period `''` = all time,
 *   or `2026`, `2026-H1`, `2026-Q1`, `2026-03`);
 * - `POST /v1/surveys/:id/pain-map/rows?period=` a row from any source → 201;
 * - `POST /v1/surveys/:id/pain-map/rows/suggested?period=` stores the computed suggestions of the
 *   period (problem options, low scores) as rows, skipping those already stored → `{ added, items }`;
 * - `PATCH /v1/surveys/:id/pain-map/rows/:row` edits fields, each change appended to the history;
 * - `GET  /v1/surveys/:id/pain-map/rows/:row/history` → `{ items: [{ at, actor, field, old, new }] }`;
 * - `GET  /v1/surveys/:id/pain-map.xlsx?period=` the template's table for print;
 * - `GET|POST /v1/surveys/:id/decisions`, `PUT /v1/surveys/:id/decisions/:decision`;
 * - `GET|PUT /v1/surveys/:id/settings` → `{ appealUrl }` (the 59-ФЗ hand-off link, https).
 * 400 `invalid_query` / `invalid_body` name the field (ru, en); 404 `unknown_survey` / `unknown_item`.
 *
 * @example
 * app.route('/', painMapRoutes(deps));
 */
export function painMapRoutes(deps: AppDeps): Hono<{ Variables: JsonBodyVars }> {
  const app = new Hono<{ Variables: JsonBodyVars }>();
  const rows = painMapStore(deps.db);
  const decisions = decisionStore(deps.db);
  const body = jsonBody({ maxBytes: MAX_BODY });

  const known = async (c: Context): Promise<string | Response> => {
    const id = c.req.param('id')!;
    if (!(await deps.surveys.current(id)))
      return apiError(c, 404, 'unknown_survey', `No survey "${id}"`);
    c.header('Cache-Control', 'no-store');
    return id;
  };
  const period = (c: Context): string | Response => {
    const p = c.req.query('period') ?? '';
    return PERIOD_KEY.test(p)
      ? p
      : badQuery(c, 'period', {
          ru: '«period»: пусто (всё время), 2026, 2026-H1, 2026-Q1 или 2026-03',
          en: '"period": empty (all time), 2026, 2026-H1, 2026-Q1 or 2026-03',
        });
  };
  const itemId = (c: Context, name: string): number | Response => {
    const n = Number(c.req.param(name));
    return Number.isSafeInteger(n) && n > 0 && n < 2 ** 62
      ? n
      : apiError(c, 404, 'unknown_item', `No ${name} "${c.req.param(name) ?? ''}"`);
  };
  const invalid = (c: Context, issues: Parameters<typeof apiError>[4]) =>
    apiError(c, 400, 'invalid_body', `The body has ${issues?.length ?? 0} issue(s)`, issues);

  app.get('/v1/surveys/:id/pain-map/rows', async (c) => {
    const p = period(c);
    if (p instanceof Response) return p;
    const id = await known(c);
    if (id instanceof Response) return id;
    return c.json({ period: p, items: await rows.rows(id, p) });
  });

  app.post('/v1/surveys/:id/pain-map/rows', body, async (c) => {
    const p = period(c);
    if (p instanceof Response) return p;
    const id = await known(c);
    if (id instanceof Response) return id;
    const r = parseNewRow(c.get('body'));
    if (!r.ok) return invalid(c, r.issues);
    return c.json(await rows.addRow(id, p, r.value, actorOf(c)), 201);
  });

  app.post('/v1/surveys/:id/pain-map/rows/suggested', async (c) => {
    const p = period(c);
    if (p instanceof Response) return p;
    const id = await known(c);
    if (id instanceof Response) return id;
    const added = await storeSuggestedRows(deps, id, p, actorOf(c));
    return c.json({ period: p, added, items: await rows.rows(id, p) });
  });

  app.patch('/v1/surveys/:id/pain-map/rows/:row', body, async (c) => {
    const rowId = itemId(c, 'row');
    if (rowId instanceof Response) return rowId;
    const id = await known(c);
    if (id instanceof Response) return id;
    const r = parseRowPatch(c.get('body'));
    if (!r.ok) return invalid(c, r.issues);
    const row = await rows.updateRow(id, rowId, r.value, actorOf(c));
    return row ? c.json(row) : apiError(c, 404, 'unknown_item', `No row ${rowId}`);
  });

  app.get('/v1/surveys/:id/pain-map/rows/:row/history', async (c) => {
    const rowId = itemId(c, 'row');
    if (rowId instanceof Response) return rowId;
    const id = await known(c);
    if (id instanceof Response) return id;
    if (!(await rows.row(id, rowId))) return apiError(c, 404, 'unknown_item', `No row ${rowId}`);
    return c.json({ items: await rows.history(id, rowId) });
  });

  app.get('/v1/surveys/:id/pain-map.xlsx', async (c) => {
    const p = period(c);
    if (p instanceof Response) return p;
    const id = await known(c);
    if (id instanceof Response) return id;
    const title = `Карта болей: ${id}${p ? `, ${p}` : ''}`;
    const buf = await painMapXlsx({ title, rows: await rows.rows(id, p) });
    return c.body(new Uint8Array(buf), 200, {
      'Content-Type': XLSX_TYPE,
      'Content-Disposition': `attachment; filename="${id}-pain-map${p ? `-${p}` : ''}.xlsx"`,
    });
  });

  app.get('/v1/surveys/:id/decisions', async (c) => {
    const id = await known(c);
    if (id instanceof Response) return id;
    return c.json({ items: await decisions.list(id) });
  });

  const checkRowLink = async (c: Context, id: string, painRowId: number | null) =>
    painRowId === null || (await rows.row(id, painRowId))
      ? null
      : invalid(c, [
          {
            path: ['painRowId'],
            code: 'invalid_value',
            message: {
              ru: '«painRowId»: в карте болей этой анкеты нет такой строки.',
              en: '"painRowId": no such row in this survey\'s pain map.',
            },
          },
        ]);

  app.post('/v1/surveys/:id/decisions', body, async (c) => {
    const id = await known(c);
    if (id instanceof Response) return id;
    const d = parseDecision(c.get('body'));
    if (!d.ok) return invalid(c, d.issues);
    const bad = await checkRowLink(c, id, d.value.painRowId);
    if (bad) return bad;
    return c.json(await decisions.add(id, d.value), 201);
  });

  app.put('/v1/surveys/:id/decisions/:decision', body, async (c) => {
    const did = itemId(c, 'decision');
    if (did instanceof Response) return did;
    const id = await known(c);
    if (id instanceof Response) return id;
    const d = parseDecision(c.get('body'));
    if (!d.ok) return invalid(c, d.issues);
    const bad = await checkRowLink(c, id, d.value.painRowId);
    if (bad) return bad;
    const saved = await decisions.update(id, did, d.value);
    return saved ? c.json(saved) : apiError(c, 404, 'unknown_item', `No decision ${did}`);
  });

  app.get('/v1/surveys/:id/settings', async (c) => {
    const id = await known(c);
    if (id instanceof Response) return id;
    return c.json({ appealUrl: await decisions.appealUrl(id) });
  });

  app.put('/v1/surveys/:id/settings', body, async (c) => {
    const id = await known(c);
    if (id instanceof Response) return id;
    const s = parseSettings(c.get('body'));
    if (!s.ok) return invalid(c, s.issues);
    await decisions.setAppealUrl(id, s.value.appealUrl);
    return c.json({ appealUrl: s.value.appealUrl });
  });

  return app;
}
