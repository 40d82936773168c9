import { Hono } from 'hono';
import type { AppDeps } from '../deps.js';
import { apiError } from '../middleware/errors.js';

/** The backup's media type and the name a download is saved under. */
export const BACKUP_TYPE = 'application/gzip';

/**
 * `POST /v1/backup` (admin token): the PGlite data folder as a gzipped tar, taken from the
 * serving process so nothing stops; `otklik-collector backup FILE` calls it.
 *
 * @example
 * app.route('/', backupRoutes(deps)); // behind the admin guard of /v1/*
 */
export function backupRoutes(deps: Pick<AppDeps, 'db'>): Hono {
  const app = new Hono();
  app.post('/v1/backup', async (c) => {
    if (!deps.db.backup)
      return apiError(
        c,
        409,
        'backup_unsupported',
        'The collector runs on PostgreSQL: use pg_dump',
      );
    const blob = await deps.db.backup();
    const day = new Date().toISOString().slice(0, 10);
    return c.body(blob.stream(), 200, {
      'Content-Type': BACKUP_TYPE,
      'Content-Length': String(blob.size),
      'Content-Disposition': `attachment; filename="otklik-${day}.tar.gz"`,
      'Cache-Control': 'no-store',
    });
  });
  return app;
}
