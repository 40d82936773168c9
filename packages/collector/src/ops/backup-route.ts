import { Readable } from 'node:stream';
import { Hono } from 'hono';
import type { AppDeps } from '../deps.js';
import { apiError } from '../middleware/errors.js';
import { backupStream } from './backup.js';

/**
 * `POST /v1/backup` (admin token): the PGlite data folder as a gzipped tar, copied consistently
 * by the serving process so nothing stops; `otklik-collector backup FILE` calls it.
 *
 * @example
 * app.route('/', backupRoutes(deps)); // behind the admin guard of /v1/*
 */
export function backupRoutes(deps: Pick<AppDeps, 'db'>): Hono {
  const app = new Hono();
  app.post('/v1/backup', async (c) => {
    if (!deps.db.snapshot)
      return apiError(
        c,
        409,
        'backup_unsupported',
        'The collector runs on PostgreSQL: use pg_dump',
      );
    const body = await backupStream(deps.db);
    const day = new Date().toISOString().slice(0, 10);
    return c.body(Readable.toWeb(body) as ReadableStream<Uint8Array>, 200, {
      'Content-Type': 'application/gzip',
      'Content-Disposition': `attachment; filename="otklik-${day}.tar.gz"`,
      'Cache-Control': 'no-store',
    });
  });
  return app;
}
