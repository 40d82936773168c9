import { request, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { runInNewContext } from 'node:vm';
import { setFlagsFromString } from 'node:v8';
import { serve, type ServerType } from '@hono/node-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Db } from '../store/db.js';
import { ADMIN_TOKEN, makeApp } from '../test/harness.js';
import { DB_KINDS, openDb } from '../reports/test-db.js';
import { SAMPLE } from '../reports/test-seed.js';

const ROWS = 20_000;

/**
 * Memory stays flat only if a client that reads slowly slows the database cursor down: otherwise
 * the server reads on and queues the export in its socket buffers. Over a real socket, a client
 * that stops reading must stop the cursor within a few batches, and get every row once it resumes.
 */
describe.each(DB_KINDS)('export back-pressure over a socket on %s', (kind) => {
  let db: Db;
  let server: ServerType;
  let port = 0;
  /** Responses the export has taken from the cursor so far. */
  let fetched = 0;

  beforeAll(async () => {
    db = await openDb(kind, 'otklik_test_export_backpressure');
    const counting: Db = {
      ...db,
      async *stream<T extends object>(sql: string, params: unknown[], batchSize?: number) {
        for await (const rows of db.stream<T>(sql, params, batchSize)) {
          fetched += rows.length;
          yield rows;
        }
      },
    };
    const { app, deps } = await makeApp(counting);
    await deps.surveys.publish(SAMPLE);
    // ~4 KB of CSV per response: 80 MB in all, far beyond what socket buffers hold.
    await db.query(
      `INSERT INTO responses (response_id, survey_id, survey_version, answered_at, lang, channel, respondent,
                              answers, body_hash, receipt)
       SELECT gen_random_uuid(), 'sample', 1, timestamptz '2027-01-01' + i * interval '1 second', 'ru', 'site',
              'external', jsonb_build_object('q2', i % 5 + 1, 'q7', repeat('ж', 2000)), 'h', 'B' || i
         FROM generate_series(1, ${ROWS}) AS i`,
    );
    server = serve({ fetch: app.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((r) => server.once('listening', r));
    port = (server.address() as AddressInfo).port;
  }, 180_000);
  afterAll(async () => {
    if (server) await new Promise((r) => server.close(r));
    await db?.close();
  });

  it('a paused client pauses the cursor; resumed, it gets every response', async () => {
    const res = await new Promise<IncomingMessage>((resolve, reject) =>
      request(
        {
          port,
          host: '127.0.0.1',
          path: '/v1/surveys/sample/export.csv?titles=0',
          headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
        },
        resolve,
      )
        .on('error', reject)
        .end(),
    );
    expect(res.statusCode).toBe(200);
    res.pause();
    // Wait for the first batch, then until the count has stood still for 1.5 s: an unthrottled
    // server would read the whole table meanwhile (it takes ~1–3 s).
    const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
    const t0 = Date.now();
    while (fetched === 0 && Date.now() - t0 < 30_000) await sleep(50);
    let last = -1;
    let still = Date.now();
    while (Date.now() - still < 1_500 && Date.now() - t0 < 30_000) {
      if (fetched !== last) [last, still] = [fetched, Date.now()];
      await sleep(100);
    }
    const whilePaused = fetched;
    // A few 500-row batches (2 MB each) fill the socket buffers; the rest waits in the cursor.
    expect(whilePaused).toBeGreaterThan(0);
    expect(whilePaused).toBeLessThanOrEqual(ROWS / 4);

    let lf = 0;
    for await (const chunk of res as AsyncIterable<Buffer>)
      for (let i = chunk.indexOf(0x0a); i !== -1; i = chunk.indexOf(0x0a, i + 1)) lf++;
    expect(fetched).toBe(ROWS);
    expect(lf).toBe(1 + ROWS); // the header row and every response
  }, 120_000);

  it('holds no more than a few batches while 80 MB of CSV go out over HTTP', async () => {
    // Server and client share this process: what the server's side (cursor, CSV, Hono's stream,
    // @hono/node-server's piping) keeps live shows after a full collection, in the JS heap or in
    // buffers outside it (the chunks).
    setFlagsFromString('--expose-gc');
    const gc = runInNewContext('gc') as () => void;
    gc();
    const used = (): number => {
      const m = process.memoryUsage();
      return m.heapUsed + m.arrayBuffers;
    };
    const base = used();
    const res = await fetch(`http://127.0.0.1:${port}/v1/surveys/sample/export.csv?titles=0`, {
      headers: { authorization: `Bearer ${ADMIN_TOKEN}` },
    });
    let bytes = 0;
    let chunks = 0;
    let peak = 0;
    for await (const chunk of res.body as AsyncIterable<Uint8Array>) {
      bytes += chunk.byteLength;
      if (++chunks % 50 === 0) {
        gc();
        peak = Math.max(peak, used() - base);
      }
    }
    expect(bytes).toBeGreaterThan(80_000_000);
    expect(peak).toBeLessThan(20_000_000);
  }, 120_000);
});
