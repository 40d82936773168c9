import { Hono } from 'hono';
import type { AppDeps } from '../deps.js';
import { exportChunks, toReadableStream, type ExportFormat } from '../export/index.js';
import { apiError } from '../middleware/errors.js';
import { loadVersions } from '../reports/versions.js';
import { catalogLabels } from '../labels.js';
import { badQuery, reportQuery } from './reports.js';

const TYPES: Record<ExportFormat, string> = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

/**
 * Admin exports of raw responses, streamed from a database cursor (constant memory, back-pressure
 * from the socket): `GET /v1/surveys/:id/export.csv` and `/export.xlsx`, with `from`, `to`,
 * `version`, `tz` as for reports; `values=text` (default: answers as respondents read them, in
 * `lang=ru|en`) or `values=id` (option and entry ids, for scripts); for CSV `titles=0` drops the
 * second header row (question numbers and titles). Sent as an attachment named after the survey
 * and the period.
 *
 * @example
 * app.route('/', exportRoutes(deps));
 */
export function exportRoutes(deps: AppDeps): Hono {
  const app = new Hono();
  for (const format of ['csv', 'xlsx'] as const) {
    app.get(`/v1/surveys/:id/export.${format}`, async (c) => {
      const q = reportQuery(c);
      if (q instanceof Response) return q;
      const id = c.req.param('id');
      const versions = await loadVersions(deps.surveys, id);
      if (versions.length === 0) return apiError(c, 404, 'unknown_survey', `No survey "${id}"`);
      const values = c.req.query('values') ?? 'text';
      if (values !== 'text' && values !== 'id') {
        return badQuery(c, 'values', {
          ru: '«values»: text (тексты ответов) или id',
          en: '"values": text (answer texts) or id',
        });
      }
      const chunks = exportChunks(deps.db, versions, format, {
        from: q.from,
        to: q.to,
        version: q.version,
        timeZone: q.timeZone,
        titles: c.req.query('titles') !== '0',
        lang: c.req.query('lang') === 'en' ? 'en' : 'ru',
        values,
        labels: catalogLabels(await deps.catalogs.labels(), versions),
      });
      // Ids are [A-Za-z0-9_.-] and dates digits, so the file name needs no quoting rules beyond "".
      const name = [id, q.from, q.to].filter(Boolean).join('_');
      return c.body(toReadableStream(chunks), 200, {
        'Content-Type': TYPES[format],
        'Content-Disposition': `attachment; filename="${name}.${format}"`,
        'Cache-Control': 'no-store',
        'X-Content-Type-Options': 'nosniff',
      });
    });
  }
  return app;
}
