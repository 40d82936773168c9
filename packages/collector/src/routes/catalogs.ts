import { parseCatalog, ZId } from '@otklik/core';
import { Hono } from 'hono';
import { apiError } from '../middleware/errors.js';
import { jsonBody, type JsonBodyVars } from '../middleware/json-body.js';
import type { CatalogStore } from '../store/catalogs.js';

/** Largest catalogue body accepted by `PUT /v1/catalogs/:name` (100,000 short entries fit). */
export const MAX_CATALOG_BYTES = 16 * 1024 * 1024;

export interface CatalogRouteDeps {
  catalogs: CatalogStore;
}

/**
 * The body's catalogues, published apart from survey versions:
 * - `GET /v1/catalogs` (public) — every active catalogue `{ name: [{ id, text }] }`, the shape the
 *   widget's `catalog-url` reads;
 * - `GET /v1/catalogs/:name` (admin) — one catalogue with retired entries marked;
 * - `PUT /v1/catalogs/:name` (admin) — body: the entries in order; ids left out are retired, never
 *   deleted. 200 with counts; 422 `invalid_catalog` with issues by path.
 *
 * @example
 * app.route('/', catalogRoutes({ catalogs }));
 * await app.request('/v1/catalogs/services', { method: 'PUT', headers, body: '[{"id":"licence","text":{"ru":"Лицензия"}}]' });
 */
export function catalogRoutes(deps: CatalogRouteDeps): Hono<{ Variables: JsonBodyVars }> {
  const app = new Hono<{ Variables: JsonBodyVars }>();
  const badName = (name: string): boolean => !ZId.safeParse(name).success;

  app.get('/v1/catalogs', async (c) => {
    c.header('Cache-Control', 'public, max-age=60');
    return c.json(await deps.catalogs.active());
  });

  app.get('/v1/catalogs/:name', async (c) => {
    const name = c.req.param('name');
    const entries = badName(name) ? undefined : await deps.catalogs.get(name);
    if (!entries) return apiError(c, 404, 'unknown_catalog', `No catalogue "${name}"`);
    c.header('Cache-Control', 'no-store');
    return c.json({ name, entries });
  });

  app.put('/v1/catalogs/:name', jsonBody({ maxBytes: MAX_CATALOG_BYTES }), async (c) => {
    const name = c.req.param('name');
    if (badName(name)) {
      return apiError(
        c,
        400,
        'invalid_catalog_name',
        'A catalogue name is an id: letters, digits, _ . - ; starts with a letter',
      );
    }
    const parsed = parseCatalog(c.get('body'));
    if (!parsed.ok) {
      return apiError(
        c,
        422,
        'invalid_catalog',
        `The catalogue has ${parsed.issues.length} issue(s)`,
        parsed.issues,
      );
    }
    const result = await deps.catalogs.put(name, parsed.value);
    c.header('Cache-Control', 'no-store');
    return c.json({ name, ...result });
  });

  return app;
}
