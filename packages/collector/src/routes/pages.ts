import { Hono } from 'hono';
import type { AppDeps } from '../deps.js';

/**
 * Placeholder for analytics (they own this file and will overwrite it). Mounted by app.ts at '/',
 * so routes here use full paths; every /v1/* path except the respondent API is admin-only.
 */
export function pageRoutes(_deps: AppDeps): Hono {
  return new Hono();
}
