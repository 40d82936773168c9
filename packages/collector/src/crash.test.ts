/**
 * kill -9 under load: the collector is killed mid-ingest again and again, on PGlite and on
 * PostgreSQL. Every response it acknowledged (200/201) must be in the database after the crash, and
 * clients retrying everything they sent — acknowledged or not, as the widget's queue does — must
 * add no duplicate. `pnpm test` kills it CRASH_ROUNDS=2 times per database; `pnpm test:reliability`
 * 20 times.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { SurveyResponse } from '@otklik/core';
import type { Db } from './store/db.js';
import { openPglite } from './store/pglite/index.js';
import { openPostgres } from './store/postgres/index.js';
import { TEST_DATABASE_URL, freshSchema } from './test/backends.js';
import { spawnCollector, urlWithSchema, type ChildCollector } from './test/child.js';
import { pulse, response } from './test/fixtures.js';

const ROUNDS = Number(process.env['CRASH_ROUNDS'] ?? 2);
const CLIENTS = 8;

const post = (base: string, body: SurveyResponse): Promise<number> =>
  fetch(`${base}/v1/surveys/${pulse.id}/responses`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  }).then(
    async (r) => {
      await r.arrayBuffer();
      return r.status;
    },
    () => 0,
  );

interface Target {
  /** Starts a collector on the database. */
  start(): Promise<ChildCollector>;
  /** Opens the database directly (only while no collector runs, for PGlite). */
  open(): Promise<Db>;
  cleanup(): Promise<void>;
}

function pgliteTarget(): Target {
  const dir = mkdtempSync(join(tmpdir(), 'otklik-crash-'));
  return {
    start: () => spawnCollector('', ['--data-dir', dir]),
    open: () => openPglite({ dataDir: dir }),
    cleanup: async () => rmSync(dir, { recursive: true, force: true }),
  };
}

function postgresTarget(): Target {
  const schema = freshSchema();
  let created = false;
  return {
    async start() {
      if (!created) {
        // Opening it once creates the schema the collector's connections will use.
        await (await openPostgres({ connectionString: TEST_DATABASE_URL!, schema })).close();
        created = true;
      }
      return spawnCollector(urlWithSchema(TEST_DATABASE_URL!, schema));
    },
    open: () => openPostgres({ connectionString: TEST_DATABASE_URL!, schema }),
    async cleanup() {
      const db = await openPostgres({ connectionString: TEST_DATABASE_URL!, schema });
      await db.query(`DROP SCHEMA IF EXISTS ${schema} CASCADE`);
      await db.close();
    },
  };
}

/** Response ids stored, and how many rows hold them. */
async function stored(t: Target): Promise<{ ids: Set<string>; rows: number }> {
  const db = await t.open();
  try {
    const rows = await db.query<{ response_id: string }>('SELECT response_id FROM responses');
    return { ids: new Set(rows.map((r) => r.response_id)), rows: rows.length };
  } finally {
    await db.close();
  }
}

/** Posts fresh responses from CLIENTS loops until the collector stops answering. */
async function load(base: string, sent: SurveyResponse[], acked: Set<string>): Promise<void> {
  await Promise.all(
    Array.from({ length: CLIENTS }, async () => {
      for (;;) {
        const r = response();
        sent.push(r);
        const status = await post(base, r);
        if (status === 200 || status === 201) acked.add(r.responseId);
        else if (status === 0) return; // the process is gone
      }
    }),
  );
}

const backends: [string, () => Target][] = [['PGlite', pgliteTarget]];
if (TEST_DATABASE_URL) backends.push(['PostgreSQL', postgresTarget]);

describe.each(backends)('kill -9 under load on %s', (_name, make) => {
  const t = make();
  afterAll(() => t.cleanup());

  it(
    `${ROUNDS} kills: every acknowledged response survives; retries add no duplicate`,
    async () => {
      const sent: SurveyResponse[] = [];
      const acked = new Set<string>();
      for (let round = 0; round < ROUNDS; round++) {
        const c = await t.start().catch((e: Error) => {
          throw new Error(`round ${round + 1}: ${e.message}`);
        });
        try {
          if (round === 0) {
            const res = await fetch(`${c.url}/v1/surveys`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: 'Bearer tok' },
              body: JSON.stringify(pulse),
            });
            expect([200, 201]).toContain(res.status);
          }
          const floor = acked.size + 10;
          const running = load(c.url, sent, acked);
          // Once the load flows, kill at a different moment of the batcher's cycle each round.
          for (let waited = 0; acked.size < floor && waited < 30_000; waited += 20)
            await new Promise((r) => setTimeout(r, 20));
          await new Promise((r) => setTimeout(r, Math.random() * 200));
          c.proc.kill('SIGKILL');
          await c.exited;
          await running;
        } finally {
          if (c.proc.exitCode === null && c.proc.signalCode === null) c.proc.kill('SIGKILL');
        }
      }
      expect(acked.size).toBeGreaterThan(ROUNDS * 10);

      const afterCrash = await stored(t);
      const lost = [...acked].filter((id) => !afterCrash.ids.has(id));
      expect(lost).toEqual([]);
      expect(afterCrash.rows).toBe(afterCrash.ids.size);

      // Every client retries everything it ever sent, as a queue does after a restart.
      const c = await t.start();
      try {
        for (let i = 0; i < sent.length; i += 50) {
          const statuses = await Promise.all(sent.slice(i, i + 50).map((r) => post(c.url, r)));
          expect(statuses.filter((s) => s !== 200 && s !== 201)).toEqual([]);
        }
      } finally {
        c.proc.kill('SIGTERM');
        await c.exited;
      }
      const final = await stored(t);
      expect(final.rows).toBe(sent.length);
      expect(final.ids.size).toBe(sent.length);
      console.log(
        `kill -9 × ${ROUNDS}: ${sent.length} sent, ${acked.size} acknowledged before the kills, ` +
          `${afterCrash.ids.size} stored after them, 0 lost, ${final.rows} after retries (no duplicate)`,
      );
    },
    120_000 + ROUNDS * 60_000,
  );
});
