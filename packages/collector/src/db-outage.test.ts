import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { SurveyResponse } from '@otklik/core';
import { resolveConfig } from './config.js';
import { startCollector, type Collector } from './server.js';
import { openPostgres } from './store/postgres/index.js';
import { pulse, pulseV2, response } from './test/fixtures.js';
import { canRunThrowawayPg, throwawayPg, type ThrowawayPg } from './test/throwaway-pg.js';

const seed = { [pulse.id]: pulse };
const TOKEN = 'outage-admin-token';
const auth = { authorization: `Bearer ${TOKEN}` };

const post = (base: string, body: unknown) =>
  fetch(`${base}/v1/surveys/${pulse.id}/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });

/** Status, Retry-After and elapsed ms of one request. */
async function timed(
  p: Promise<Response>,
): Promise<{ status: number; retry: string | null; ms: number }> {
  const t = performance.now();
  const res = await p;
  await res.arrayBuffer();
  return { status: res.status, retry: res.headers.get('retry-after'), ms: performance.now() - t };
}

describe.skipIf(!canRunThrowawayPg)('a PostgreSQL that goes away or hangs', () => {
  let pg: ThrowawayPg;
  let c: Collector;
  beforeAll(async () => {
    pg = await throwawayPg();
    c = await startCollector(
      resolveConfig(
        { port: '0', 'database-url': pg.url, 'admin-token': TOKEN, 'rate-limit': 'off' },
        { DB_QUERY_TIMEOUT_MS: '1500', INGEST_QUEUE: '4' },
      ),
      { seed },
    );
  }, 60_000);
  afterAll(async () => {
    await c?.close();
    await pg?.destroy();
  });

  it('database down: every route answers 503 with Retry-After, then recovers', async () => {
    expect((await post(c.url, response())).status).toBe(201);
    // v2 is published behind the collector's back: its first GET must ask the database.
    const other = await openPostgres({ connectionString: pg.url });
    await other.query(`INSERT INTO surveys (id, version, definition) VALUES ($1, 2, $2::jsonb)`, [
      pulse.id,
      JSON.stringify(pulseV2),
    ]);
    await other.close();
    await pg.stop();
    const routes: [string, Record<string, string>][] = [
      [`/v1/surveys/${pulse.id}`, {}],
      [`/v1/surveys/${pulse.id}/versions/2`, {}],
      [`/s/${pulse.id}`, {}],
      [`/results/${pulse.id}`, {}],
      [`/results/${pulse.id}.json`, {}],
      ['/v1/surveys', auth],
      [`/v1/surveys/${pulse.id}/responses`, auth],
      [`/v1/surveys/${pulse.id}/report`, auth],
      [`/v1/surveys/${pulse.id}/export.csv`, auth],
      ['/healthz', {}],
    ];
    for (const [path, headers] of routes) {
      const r = await timed(fetch(`${c.url}${path}`, { headers }));
      expect({ path, status: r.status }).toEqual({ path, status: 503 });
      expect(r.retry).toMatch(/^\d+$/);
    }
    const p = await timed(post(c.url, response({ surveyVersion: 2 })));
    expect(p).toMatchObject({ status: 503, retry: expect.stringMatching(/^\d+$/) });
    const publish = await timed(
      fetch(`${c.url}/v1/surveys`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/json' },
        body: JSON.stringify({ ...pulse, version: 3 }),
      }),
    );
    expect(publish.status).toBe(503);

    await pg.start();
    expect((await fetch(`${c.url}/healthz`)).status).toBe(200);
    expect((await post(c.url, response({ surveyVersion: 2 }))).status).toBe(201);
  }, 60_000);

  it('database hung (SIGSTOP): bounded answers, bounded queue, nothing acknowledged lost', async () => {
    const before = response();
    expect((await post(c.url, before)).status).toBe(201);
    await pg.freeze(true);
    let frozen = true;
    try {
      const health = await timed(fetch(`${c.url}/healthz`));
      expect(health.status).toBe(503);
      expect(health.ms).toBeLessThan(1000);
      const bodies = Array.from({ length: 12 }, () => response());
      const answers = await Promise.all(bodies.map((b) => timed(post(c.url, b))));
      for (const a of answers) {
        expect(a.status).toBe(503);
        expect(a.retry).toMatch(/^\d+$/);
        // Query timeout 1.5 s (+1 s client margin) or the 5 s pool connect timeout, never forever.
        expect(a.ms).toBeLessThan(9000);
      }
      // Reads are bounded the same way: a page needing the database answers 503, not never.
      for (const path of [`/v1/surveys/${pulse.id}`, `/results/${pulse.id}.json`]) {
        const r = await timed(fetch(`${c.url}${path}`));
        expect({ path, status: r.status }).toEqual({ path, status: 503 });
        expect(r.ms).toBeLessThan(9000);
      }
      const ms = answers.map((a) => a.ms).sort((x, y) => x - y);
      console.info(
        `[hung database] healthz ${health.ms.toFixed(0)} ms; 12 POSTs: all 503, ` +
          `${answers.filter((a) => a.ms < 500).length} refused < 500 ms, slowest ${ms.at(-1)!.toFixed(0)} ms`,
      );
      // Queue bound 4: most were refused at once rather than waiting behind the hung flush.
      expect(answers.filter((a) => a.ms < 500).length).toBeGreaterThanOrEqual(6);

      await pg.freeze(false);
      frozen = false;
      // The widget retries every 503: each retry is now stored (201) or was stored after all (200).
      for (const b of bodies) {
        const again = await post(c.url, b);
        expect([200, 201]).toContain(again.status);
      }
      const db = await openPostgres({ connectionString: pg.url });
      const ids = [before, ...bodies].map((b) => b.responseId);
      const rows = await db.query('SELECT 1 FROM responses WHERE response_id = ANY($1::uuid[])', [
        ids,
      ]);
      await db.close();
      expect(rows).toHaveLength(ids.length);
    } finally {
      if (frozen) await pg.freeze(false);
    }
  }, 90_000);

  it('database stopped and restarted under load: 503 + Retry-After while down, recovery, nothing lost', async () => {
    // Eight clients post fresh responses back to back, as kiosks and pages would. A 503 is kept and
    // sent again later, as the widget's queue does; anything but 200/201/503 is a failure.
    const sent = new Map<string, SurveyResponse>();
    const acked = new Set<string>();
    const refused: SurveyResponse[] = [];
    const other: { status: number; retry: string | null }[] = [];
    let phase: 'up' | 'down' | 'back' = 'up';
    const byPhase = { up: 0, down: 0, back: 0 };
    let firstAckBack = 0;
    let running = true;
    const loops = Array.from({ length: 8 }, async () => {
      while (running) {
        const body = response();
        sent.set(body.responseId, body);
        const r = await post(c.url, body).catch(() => undefined);
        const status = r?.status ?? 0;
        const retry = r?.headers.get('retry-after') ?? null;
        await r?.arrayBuffer();
        if (status === 200 || status === 201) {
          acked.add(body.responseId);
          byPhase[phase]++;
          if (phase === 'back' && !firstAckBack) firstAckBack = performance.now();
        } else if (status === 503 && retry && /^\d+$/.test(retry)) {
          refused.push(body);
          // A client honours Retry-After in spirit: it does not hammer a refusing server.
          await new Promise((res) => setTimeout(res, 20));
        } else other.push({ status, retry });
      }
    });
    await new Promise((res) => setTimeout(res, 1000));
    phase = 'down';
    await pg.stop();
    const downAt = performance.now();
    await new Promise((res) => setTimeout(res, 2500));
    const startedAt = performance.now();
    await pg.start();
    phase = 'back';
    await new Promise((res) => setTimeout(res, 2500));
    running = false;
    await Promise.all(loops);

    // The refused ones are sent again now that the database is back: each is stored once.
    for (const b of refused) expect([200, 201]).toContain((await post(c.url, b)).status);
    const db = await openPostgres({ connectionString: pg.url });
    const ids = [...sent.keys()];
    const rows = await db.query<{ n: string }>(
      'SELECT count(*) AS n FROM responses WHERE response_id = ANY($1::uuid[])',
      [ids],
    );
    await db.close();
    console.info(
      `[database restarted under load] ${sent.size} sent: ${byPhase.up} stored before the stop, ` +
        `${byPhase.down} while stopping, ${refused.length} refused with 503 + Retry-After, ` +
        `${byPhase.back} stored after the restart (first ${(firstAckBack - startedAt).toFixed(0)} ms ` +
        `after pg_ctl start returned, ${(startedAt - downAt).toFixed(0)} ms down); stored in the end ${rows[0]!.n}`,
    );
    expect(other).toEqual([]);
    expect(byPhase.up).toBeGreaterThan(0);
    expect(refused.length).toBeGreaterThan(0);
    expect(byPhase.back).toBeGreaterThan(0);
    expect(Number(rows[0]!.n)).toBe(sent.size);
  }, 90_000);
});
