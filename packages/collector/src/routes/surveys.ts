import { Hono, type Context } from 'hono';
import type { CompiledSurvey, SurveyStore } from '../store/surveys.js';
import { sha256Hex } from '../store/canonical.js';
import { apiError } from '../middleware/errors.js';

export interface SurveyRouteDeps {
  surveys: SurveyStore;
}

const etags = new WeakMap<CompiledSurvey, string>();
function etagOf(c: CompiledSurvey): string {
  let e = etags.get(c);
  if (!e) {
    e = `"${c.survey.id}-${c.survey.version}-${sha256Hex(c.canonical).slice(0, 16)}"`;
    etags.set(c, e);
  }
  return e;
}

function send(c: Context, s: CompiledSurvey, cacheControl: string): Response {
  const etag = etagOf(s);
  c.header('ETag', etag);
  c.header('Cache-Control', cacheControl);
  const inm = c.req.header('if-none-match');
  if (inm !== undefined && inm.split(',').some((t) => t.trim() === etag || t.trim() === '*')) {
    return c.body(null, 304);
  }
  return c.json(s.survey);
}

/**
 * Public survey definitions for the widget and the hosted page:
 * - `GET /v1/surveys/:id` — the current version; cached briefly (a newer version may be published);
 * - `GET /v1/surveys/:id/versions/:version` — one exact version, immutable, cached for a year.
 * Both send an ETag and answer 304 to a matching If-None-Match.
 *
 * @example
 * app.route('/', surveyRoutes({ surveys }));
 */
export function surveyRoutes(deps: SurveyRouteDeps): Hono {
  const app = new Hono();
  app.get('/v1/surveys/:id', async (c) => {
    const id = c.req.param('id');
    const current = await deps.surveys.current(id);
    const s = current && (await deps.surveys.compiled(id, current.version));
    if (!s) return apiError(c, 404, 'unknown_survey', `No survey "${id}"`);
    return send(c, s, 'public, max-age=60');
  });
  app.get('/v1/surveys/:id/versions/:version', async (c) => {
    const id = c.req.param('id');
    const raw = c.req.param('version');
    const version = /^[1-9]\d{0,9}$/.test(raw) ? Number(raw) : NaN;
    const s = Number.isNaN(version) ? undefined : await deps.surveys.compiled(id, version);
    if (!s) return apiError(c, 404, 'unknown_version', `No version ${raw} of survey "${id}"`);
    return send(c, s, 'public, max-age=31536000, immutable');
  });
  return app;
}
