import type { Survey } from '@otklik/core';
import { Hono, type Context } from 'hono';
import type { CompiledSurvey, SurveyStore } from '../store/surveys.js';
import type { CatalogStore } from '../store/catalogs.js';
import { canonicalJson, sha256Hex } from '../store/canonical.js';
import { apiError } from '../middleware/errors.js';

export interface SurveyRouteDeps {
  surveys: SurveyStore;
  catalogs: CatalogStore;
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

/**
 * The survey as respondents get it: the catalogues its list questions name, taken from the
 * collector where the body published them (they change without a new version).
 */
async function withCatalogs(s: Survey, catalogs: CatalogStore): Promise<Survey> {
  const names = new Set(
    s.questions.flatMap((q) => (q.type === 'list' && q.catalog ? [q.catalog] : [])),
  );
  const live = Object.entries(await catalogs.active()).filter(([name]) => names.has(name));
  return live.length === 0 ? s : { ...s, catalogs: { ...s.catalogs, ...Object.fromEntries(live) } };
}

function send(
  c: Context,
  s: CompiledSurvey,
  cacheControl: string,
  served: Survey = s.survey,
): Response {
  const etag =
    served === s.survey
      ? etagOf(s)
      : `"${s.survey.id}-${s.survey.version}-${sha256Hex(canonicalJson(served)).slice(0, 16)}"`;
  c.header('ETag', etag);
  c.header('Cache-Control', cacheControl);
  const inm = c.req.header('if-none-match');
  if (inm !== undefined && inm.split(',').some((t) => t.trim() === etag || t.trim() === '*')) {
    return c.body(null, 304);
  }
  return c.json(served);
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
    return send(c, s, 'public, max-age=60', await withCatalogs(s.survey, deps.catalogs));
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
