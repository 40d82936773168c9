import { Hono } from 'hono';
import type { AppDeps } from '../deps.js';

/** What `GET /v1/status` answers: where the process's memory is, in bytes. */
export interface CollectorStatus {
  db: 'pglite' | 'postgres';
  uptimeSeconds: number;
  memory: {
    /** Resident set: what the operating system counts against the machine. */
    rss: number;
    /** The main thread's V8 heap (JavaScript objects), reserved. */
    jsHeap: number;
    /** Of which live objects (the rest is garbage not yet collected, or free space). */
    jsHeapUsed: number;
    /**
     * Memory outside V8's heap owned by the main thread's JavaScript objects: buffers. (PGlite's
     * WASM heap belongs to its own thread: in `rss`, not here.)
     */
    external: number;
    /** PGlite: the embedded PostgreSQL's WASM heap; null on PostgreSQL (its own processes). */
    databaseHeap: number | null;
  };
}

/**
 * `GET /v1/status` (an admin or analyst token): the process's memory split into what holds it,
 * so an operator on a small VM can tell the embedded database from the JavaScript side
 * (docs/deployment.md reads these figures). Nothing about responses is in it.
 *
 * @example
 * app.route('/', statusRoutes(deps)); // behind the token guard of /v1/*
 */
export function statusRoutes(deps: Pick<AppDeps, 'db'>): Hono {
  const app = new Hono();
  app.get('/v1/status', (c) => {
    const m = process.memoryUsage();
    const status: CollectorStatus = {
      db: deps.db.kind,
      uptimeSeconds: Math.round(process.uptime()),
      memory: {
        rss: m.rss,
        jsHeap: m.heapTotal,
        jsHeapUsed: m.heapUsed,
        external: m.external,
        databaseHeap: deps.db.heapBytes?.() ?? null,
      },
    };
    c.header('Cache-Control', 'no-store');
    return c.json(status);
  });
  return app;
}
