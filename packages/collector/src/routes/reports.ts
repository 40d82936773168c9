import { Hono, type Context } from 'hono';
import type { Issue } from '@otklik/core';
import type { AppDeps } from '../deps.js';
import { apiError } from '../middleware/errors.js';
import {
  computeReport,
  parseReportQuery,
  ReportZoneError,
  type ReportQuery,
} from '../reports/index.js';
import { painMap } from '../reports/pain-map.js';
import { painMapCsv } from '../reports/pain-map-csv.js';
import { loadVersions } from '../reports/versions.js';

/** 400 naming the query parameter and why, with the reason as a core Issue in both languages. */
export function badQuery(c: Context, field: string, message: { ru: string; en: string }): Response {
  const issue: Issue = { path: ['query', field], code: 'invalid_value', message };
  return apiError(c, 400, 'invalid_query', message.en, [issue]);
}

/** Parses the report query of `c`, or answers 400. */
export function reportQuery(c: Context): ReportQuery | Response {
  const r = parseReportQuery(c.req.query());
  return r.ok ? r.value : badQuery(c, r.error.field, r.error.message);
}

/**
 * Admin analytics (app.ts puts every /v1 path here behind the admin token):
 * - `GET /v1/surveys/:id/report?from&to&groupBy=<dimension>[,<dimension>]&period=month|quarter|half-year|year&version&tz&channel&object&touchpoint&respondent&compare=previous`
 *   → `{ survey, from, to, timeZone, groupBy, period, total, groups: [{ key, keys?, report }], touchpoints, previous? }`,
 *   read from the rollup over every version of the survey (or only `version`);
 * - `GET /v1/surveys/:id/pain-map?from&to&format=json|csv` → the pain map («карта болей»).
 * 400 `invalid_query` names the parameter; 404 `unknown_survey`.
 *
 * @example
 * app.route('/', reportRoutes(deps));
 * await app.request('/v1/surveys/kiosk-pulse/report?groupBy=period&period=half-year', { headers: { Authorization: 'Bearer …' } });
 */
export function reportRoutes(deps: AppDeps): Hono {
  const app = new Hono();

  app.get('/v1/surveys/:id/report', async (c) => {
    const q = reportQuery(c);
    if (q instanceof Response) return q;
    const id = c.req.param('id');
    const versions = await loadVersions(deps.surveys, id);
    if (versions.length === 0) return apiError(c, 404, 'unknown_survey', `No survey "${id}"`);
    try {
      const report = await computeReport(deps.db, versions, q);
      c.header('Cache-Control', 'no-store');
      return c.json(report);
    } catch (e) {
      if (e instanceof ReportZoneError) return badQuery(c, 'tz', { ru: e.ru, en: e.message });
      throw e;
    }
  });

  app.get('/v1/surveys/:id/pain-map', async (c) => {
    const q = reportQuery(c);
    if (q instanceof Response) return q;
    const format = c.req.query('format') ?? 'json';
    if (format !== 'json' && format !== 'csv') {
      return badQuery(c, 'format', { ru: '«format»: json или csv', en: '"format": json or csv' });
    }
    const id = c.req.param('id');
    const versions = await loadVersions(deps.surveys, id);
    if (versions.length === 0) return apiError(c, 404, 'unknown_survey', `No survey "${id}"`);
    let map;
    try {
      map = await painMap(deps.db, versions, q);
    } catch (e) {
      if (e instanceof ReportZoneError) return badQuery(c, 'tz', { ru: e.ru, en: e.message });
      throw e;
    }
    c.header('Cache-Control', 'no-store');
    if (format === 'json') return c.json(map);
    return c.body(painMapCsv(map), 200, {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${id}-pain-map.csv"`,
    });
  });

  return app;
}
