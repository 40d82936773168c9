import { Hono } from 'hono';
import { apiError } from '../middleware/errors.js';
import { jsonBody, type JsonBodyVars } from '../middleware/json-body.js';
import type { Db } from '../store/db.js';
import { isDbDataError } from '../store/errors.js';
import type { PublicCache } from '../store/public-cache.js';
import { decodeCursor, pageResponses } from '../store/responses.js';
import type { PublishResult, SurveyStore } from '../store/surveys.js';

/** Largest survey definition accepted by `POST /v1/surveys`. */
export const MAX_SURVEY_BYTES = 1024 * 1024;
const DEFAULT_PAGE = 100;
const MAX_PAGE = 1000;

export interface AdminRouteDeps {
  db: Pick<Db, 'query'>;
  surveys: SurveyStore;
  /** Bumped when a new version is published (public results show the newest titles). */
  publicCache?: PublicCache;
}

/** What publishing one version came to; `unstorable` when the database refused a value. */
export type PublishOutcome = PublishResult | { status: 'unstorable' };

/**
 * The one publishing path, for the API and the admin pages alike: `SurveyStore.publish` (which runs
 * parseSurvey), a database refusal of a value as `unstorable` rather than a 500, and the public
 * results' cache bumped when a version is created.
 *
 * @example
 * const r = await publishVersion(deps, draft); // { status: 'created', survey } …
 */
export async function publishVersion(
  deps: Pick<AdminRouteDeps, 'surveys' | 'publicCache'>,
  json: unknown,
): Promise<PublishOutcome> {
  let r: PublishResult;
  try {
    r = await deps.surveys.publish(json);
  } catch (e) {
    if (!isDbDataError(e)) throw e; // unavailable → 503 in app.onError
    return { status: 'unstorable' };
  }
  if (r.status === 'created') deps.publicCache?.bump([r.survey.id]);
  return r;
}

/**
 * The admin API (mount behind `adminAuth`):
 * - `POST /v1/surveys` — publish a version: 201 created, 200 identical version already there,
 *   409 `version_conflict` (versions are immutable), 422 `invalid_survey` with issues, 422
 *   `unstorable_survey` when the database refuses a value the schema let through (never a 500);
 * - `GET /v1/surveys` — every survey with its current version;
 * - `GET /v1/surveys/:id/responses?cursor=&limit=` — responses in arrival order, keyset-paged.
 *
 * @example
 * app.use('/v1/*', adminAuth({ tokens })); app.route('/', adminRoutes({ db, surveys }));
 */
export function adminRoutes(deps: AdminRouteDeps): Hono<{ Variables: JsonBodyVars }> {
  const app = new Hono<{ Variables: JsonBodyVars }>();

  app.post('/v1/surveys', jsonBody({ maxBytes: MAX_SURVEY_BYTES }), async (c) => {
    const r = await publishVersion(deps, c.get('body'));
    switch (r.status) {
      case 'invalid':
        return apiError(
          c,
          422,
          'invalid_survey',
          `The survey has ${r.issues.length} issue(s)`,
          r.issues,
        );
      case 'unstorable':
        return apiError(c, 422, 'unstorable_survey', 'The database refused a value of this survey');
      case 'conflict':
        return apiError(
          c,
          409,
          'version_conflict',
          'This version is already published with a different definition; publish a new version number',
        );
      default:
        return c.json(
          { status: r.status, id: r.survey.id, version: r.survey.version },
          r.status === 'created' ? 201 : 200,
        );
    }
  });

  app.get('/v1/surveys', async (c) => c.json({ items: await deps.surveys.list() }));

  app.get('/v1/surveys/:id/responses', async (c) => {
    const id = c.req.param('id');
    const limitRaw = c.req.query('limit');
    const limit = limitRaw === undefined ? DEFAULT_PAGE : Number(limitRaw);
    if (!Number.isInteger(limit) || limit < 1 || limit > MAX_PAGE) {
      return apiError(c, 400, 'invalid_limit', `limit must be an integer 1…${MAX_PAGE}`);
    }
    const cursorRaw = c.req.query('cursor');
    const after = cursorRaw ? decodeCursor(cursorRaw) : undefined;
    if (cursorRaw && !after)
      return apiError(c, 400, 'invalid_cursor', 'cursor is not one this API returned');
    if (!(await deps.surveys.current(id)))
      return apiError(c, 404, 'unknown_survey', `No survey "${id}"`);
    c.header('Cache-Control', 'no-store');
    return c.json(await pageResponses(deps.db, id, after ? { after, limit } : { limit }));
  });

  return app;
}
