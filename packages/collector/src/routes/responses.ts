import { validateResponse, type Issue } from '@otklik/core';
import { Hono } from 'hono';
import { ConflictError, UnstorableError, type Batcher } from '../ingest/batcher.js';
import { apiError } from '../middleware/errors.js';
import { jsonBody, type JsonBodyVars } from '../middleware/json-body.js';
import { toRow } from '../store/responses.js';
import type { CatalogStore } from '../store/catalogs.js';
import type { SurveyStore } from '../store/surveys.js';

/** Largest response body accepted (a 250-question survey with long texts fits easily). */
export const MAX_RESPONSE_BYTES = 64 * 1024;
/** Seconds a client should wait before retrying after a 503. */
export const RETRY_AFTER_UNAVAILABLE = 5;

export interface ResponseRouteDeps {
  surveys: SurveyStore;
  catalogs: CatalogStore;
  batcher: Batcher;
}

const wrongVersion = (v: unknown): Issue => ({
  path: ['surveyVersion'],
  code: 'wrong_version',
  message: {
    ru: `Версия анкеты ${String(v)} не опубликована`,
    en: `Survey version ${String(v)} is not published`,
  },
});

/**
 * `POST /v1/surveys/:id/responses` — one response, checked against the exact version it names
 * (responses to older versions stay valid), stored through the group-commit batcher and
 * acknowledged only after COMMIT.
 *
 * 201 `{ status: 'created', responseId, receipt }` the first time; 200 with `status: 'duplicate'`
 * and the same receipt when the same response (same id, same normalised body) arrives again;
 * 409 `conflict` for the same id with another body; 422 `unstorable` when the database refuses
 * this response's values (retrying cannot help, so the widget stops); 503 `unavailable` with
 * Retry-After when storage fails or the ingest queue is full (safe to retry).
 *
 * @example
 * app.route('/', responseRoutes({ surveys, batcher }));
 */
export function responseRoutes(deps: ResponseRouteDeps): Hono<{ Variables: JsonBodyVars }> {
  const app = new Hono<{ Variables: JsonBodyVars }>();
  app.post('/v1/surveys/:id/responses', jsonBody({ maxBytes: MAX_RESPONSE_BYTES }), async (c) => {
    const id = c.req.param('id');
    const body = c.get('body');
    const named =
      typeof body === 'object' && body !== null && !Array.isArray(body)
        ? (body as { surveyVersion?: unknown }).surveyVersion
        : undefined;
    let target =
      typeof named === 'number' && Number.isSafeInteger(named)
        ? await deps.surveys.compiled(id, named)
        : undefined;
    if (!target) {
      const current = await deps.surveys.current(id);
      if (!current) return apiError(c, 404, 'unknown_survey', `No survey "${id}"`);
      if (typeof named === 'number') {
        return apiError(c, 422, 'wrong_version', `Survey "${id}" has no version ${named}`, [
          wrongVersion(named),
        ]);
      }
      // No usable version number: check against the current version to list every issue at once.
      target = await deps.surveys.compiled(id, current.version);
      if (!target) return apiError(c, 404, 'unknown_survey', `No survey "${id}"`);
    }
    const catalogs = await deps.catalogs.accepted(target.catalogs);
    const r = validateResponse(target.survey, body, { catalogs });
    if (!r.ok) {
      return apiError(
        c,
        422,
        'invalid_response',
        `The response has ${r.issues.length} issue(s)`,
        r.issues,
      );
    }
    try {
      const out = await deps.batcher.submit(toRow(r.value, new Date()));
      c.header('Cache-Control', 'no-store');
      return c.json(out, out.status === 'created' ? 201 : 200);
    } catch (e) {
      if (e instanceof ConflictError) {
        return apiError(
          c,
          409,
          'conflict',
          'This responseId was already used for a different response',
        );
      }
      if (e instanceof UnstorableError) {
        return apiError(c, 422, 'unstorable', 'The database refused the values of this response');
      }
      c.header('Retry-After', String(RETRY_AFTER_UNAVAILABLE));
      return apiError(
        c,
        503,
        'unavailable',
        'The response could not be stored now; it is safe to retry',
      );
    }
  });
  return app;
}
