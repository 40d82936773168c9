import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Issue } from '@otklik/core';

/** The one error body of the whole API. `error` is stable and machine-readable; `message` is for people. */
export interface ApiErrorBody {
  error: string;
  message: string;
  issues?: Issue[];
}

/**
 * Sends `{ error, message, issues? }` with the given status and `Cache-Control: no-store`.
 *
 * @example
 * return apiError(c, 404, 'unknown_survey', `No survey "${id}"`);
 */
export function apiError(
  c: Context,
  status: ContentfulStatusCode,
  error: string,
  message: string,
  issues?: Issue[],
): Response {
  const body: ApiErrorBody = { error, message };
  if (issues) body.issues = issues;
  c.header('Cache-Control', 'no-store');
  return c.json(body, status);
}
