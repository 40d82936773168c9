import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import type { Db } from '../store/db.js';
import { backends } from '../test/backends.js';
import { admin, makeApp } from '../test/harness.js';
import type { CollectorStatus } from './status-route.js';

describe.each(backends)('GET /v1/status on %s', (backend) => {
  let db: Db;
  let app: Hono;
  beforeAll(async () => {
    db = await backend.open();
    ({ app } = await makeApp(db));
  });
  afterAll(() => db.close());

  it('needs a token', async () => {
    expect((await app.request('/v1/status')).status).toBe(401);
  });

  it('splits the memory into the JavaScript heap, buffers and the embedded database', async () => {
    const res = await app.request('/v1/status', { headers: admin });
    expect(res.status).toBe(200);
    expect(res.headers.get('cache-control')).toBe('no-store');
    const s = (await res.json()) as CollectorStatus;
    expect(s.db).toBe(backend.name);
    expect(s.memory.rss).toBeGreaterThan(s.memory.jsHeap);
    expect(s.memory.jsHeapUsed).toBeGreaterThan(0);
    expect(s.memory.jsHeapUsed).toBeLessThanOrEqual(s.memory.jsHeap);
    if (backend.name === 'pglite') {
      // PGlite's module starts with a 128 MB heap; it grows in 64 KB pages, never shrinks.
      expect(s.memory.databaseHeap).toBeGreaterThanOrEqual(128 * 1024 * 1024);
      expect(s.memory.databaseHeap! % 65536).toBe(0);
      // The WASM heap is in PGlite's own thread, not among the main thread's buffers.
      expect(s.memory.external).toBeLessThan(s.memory.databaseHeap!);
    } else expect(s.memory.databaseHeap).toBeNull();
  });
});
