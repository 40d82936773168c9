/**
 * The rollup is kept by the insert itself: counts added batch by batch equal a rebuild from the raw
 * responses, a failed insert adds nothing, and a change of zone moves responses across days.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { templates } from '@otklik/core/templates';
import type { Db } from './db.js';
import { DB_KINDS, openDb, TEST_DATABASE_URL } from '../reports/test-db.js';
import { SAMPLE, insertResponses, insertSurvey, randomResponses } from '../reports/test-seed.js';
import { migrate } from './migrate.js';
import { MIGRATIONS } from './migrations.js';
import { openPglite } from './pglite/index.js';
import { rebuildRollup, rollupZone } from './rollup.js';
import { insertResponses as writeRows, toRow } from './responses.js';

const SURVEYS = [
  SAMPLE,
  templates['belgorod-typical'],
  templates['kiosk-pulse'],
  templates['vladimir-social'],
].filter((s) => s !== undefined);

async function snapshot(db: Pick<Db, 'query'>): Promise<string[]> {
  const rows: Record<string, unknown>[] = [];
  for (const table of ['report_rollup', 'report_rollup_month']) {
    rows.push(
      ...(await db.query<Record<string, unknown>>(
        `SELECT '${table}' AS t, survey_id, survey_version, day::text AS day, channel, object,
                touchpoint, respondent, question, row_id, val, n::text AS n FROM ${table}
          ORDER BY survey_id, day, survey_version, channel, object, touchpoint, respondent,
                   question, row_id, val`,
      )),
    );
  }
  const last = await db.query<Record<string, unknown>>(
    `SELECT survey_id, survey_version, channel, object, touchpoint, respondent,
            last_at::text AS last_at FROM report_rollup_last ORDER BY 1, 2, 3, 4, 5, 6`,
  );
  return [...rows, ...last].map((r) => JSON.stringify(r));
}

describe.each(DB_KINDS)('rollup on %s', (kind) => {
  let db: Db;
  beforeAll(async () => {
    db = await openDb(kind, 'otklik_test_rollup');
  });
  afterAll(async () => db?.close());

  it('counts added batch by batch equal a rebuild from the raw responses', async () => {
    for (const [i, s] of SURVEYS.entries()) {
      await insertSurvey(db, s);
      const rs = randomResponses(s, 240, 50 + i);
      // Several batches, so keys are added to, not only created.
      for (let from = 0; from < rs.length; from += 60) {
        await insertResponses(
          db,
          s.id,
          rs.slice(from, from + 60).map((r, j) => ({
            answers: r.answers,
            channel: r.context.channel,
            object: j % 3 === 0 ? null : `svc-${j % 4}`,
            touchpoint: r.context.touchpoint ?? null,
            answeredAt: r.answeredAt ?? '',
            version: s.version,
          })),
        );
      }
    }
    const incremental = await snapshot(db);
    expect(incremental.length).toBeGreaterThan(100);
    const [{ n } = { n: 0 }] = await db.query<{ n: number }>(
      `SELECT sum(n)::float8 AS n FROM report_rollup WHERE question = ''`,
    );
    expect(n).toBe(240 * SURVEYS.length);
    const [{ m } = { m: 0 }] = await db.query<{ m: number }>(
      `SELECT sum(n)::float8 AS m FROM report_rollup_month WHERE question = ''`,
    );
    expect(m).toBe(n);

    const r = await rebuildRollup(db);
    expect(r.responses).toBe(240 * SURVEYS.length);
    expect(await snapshot(db)).toEqual(incremental);
  });

  it('the ingest writer adds counts in its own statement; a failed batch adds none', async () => {
    const before = await snapshot(db);
    const [good] = randomResponses(SAMPLE, 1, 9, 0);
    const row = toRow(good!, new Date());
    // A row for a survey version that does not exist fails the whole statement (foreign key).
    const bad = { ...toRow(randomResponses(SAMPLE, 1, 10, 0)[0]!, new Date()), surveyVersion: 99 };
    await expect(writeRows(db, [row, bad])).rejects.toThrow();
    expect(await snapshot(db)).toEqual(before);

    expect((await writeRows(db, [row])).size).toBe(1);
    const after = await snapshot(db);
    expect(after).not.toEqual(before);
    // A retry of the same id inserts nothing, and counts nothing twice.
    expect((await writeRows(db, [row])).size).toBe(0);
    expect(await snapshot(db)).toEqual(after);
    await rebuildRollup(db);
    expect(await snapshot(db)).toEqual(after);
  });

  it('days follow the zone: a rebuild in another zone moves late-evening answers', async () => {
    expect(await rollupZone(db)).toBe('UTC');
    await insertSurvey(db, { ...SAMPLE, id: 'zone-probe' });
    await insertResponses(db, 'zone-probe', [{ answers: {}, answeredAt: '2026-03-31T22:30:00Z' }]);
    const day = async () =>
      (
        await db.query<{ day: string }>(
          `SELECT day::text AS day FROM report_rollup WHERE survey_id = 'zone-probe' AND question = ''`,
        )
      ).map((r) => r.day);
    expect(await day()).toEqual(['2026-03-31']);
    await rebuildRollup(db, { timeZone: 'Europe/Moscow' });
    expect(await day()).toEqual(['2026-04-01']);
    await rebuildRollup(db, { timeZone: 'UTC' });
  });
});

describe('the rollup migration', () => {
  it('backfills the responses stored before it, as a rebuild would count them', async () => {
    const db = await openPglite();
    try {
      await migrate(
        db,
        MIGRATIONS.filter((m) => m.version < 3),
      );
      await insertSurvey(db, SAMPLE);
      const rs = randomResponses(SAMPLE, 120, 77);
      await insertResponses(
        db,
        SAMPLE.id,
        rs.map((r) => ({
          answers: r.answers,
          channel: r.context.channel,
          answeredAt: r.answeredAt ?? '',
        })),
      );
      // The rollup's migration (3), and any added after it.
      expect(await migrate(db)).toContain(3);
      expect(await rollupZone(db)).toBe('Europe/Moscow');
      const backfilled = await snapshot(db);
      const [{ n } = { n: 0 }] = await db.query<{ n: number }>(
        `SELECT sum(n)::float8 AS n FROM report_rollup WHERE question = ''`,
      );
      expect(n).toBe(120);
      await rebuildRollup(db);
      expect(await snapshot(db)).toEqual(backfilled);
    } finally {
      await db.close();
    }
  });
});

describe('a rebuild on PGlite', () => {
  it('keeps the WASM heap at its size: no memory PGlite would never give back', async () => {
    const db = await openPglite();
    try {
      await migrate(db);
      const survey = templates['belgorod-typical']!;
      await insertSurvey(db, survey);
      const answers = JSON.stringify(randomResponses(survey, 2_000, 7, 0).map((r) => r.answers));
      await db.query('ALTER TABLE responses DISABLE TRIGGER responses_rollup');
      // 10,000 responses over 12 services, 36 touchpoints and 2 years: enough for the recount's
      // sorts to outgrow PGlite's own work_mem, which a raised one would keep in the heap.
      await db.query(
        `INSERT INTO responses (response_id, survey_id, survey_version, answered_at, lang, channel,
                                object, touchpoint, respondent, answers, body_hash, receipt)
         SELECT gen_random_uuid(), $1, $2,
                timestamptz '2025-01-01 09:00+03' + ((i::bigint * 7919) % 730) * interval '1 day',
                'ru', (ARRAY['site','kiosk','email','qr'])[(i::bigint * 31) % 4 + 1],
                'svc-' || (i % 12), 'tp-' || (i % 36), 'external', a.arr -> (i % 2000),
                md5(i::text), 'B' || i
           FROM generate_series(0, 9999) AS i, (SELECT $3::jsonb AS arr) AS a`,
        [survey.id, survey.version, answers],
      );
      await db.query('ALTER TABLE responses ENABLE TRIGGER responses_rollup');
      const before = db.heapBytes!();
      expect((await rebuildRollup(db)).responses).toBe(10_000);
      const grown = (db.heapBytes!() - before) / 1024 / 1024;
      // With work_mem raised to 256 MB for the recount, this heap grew by 56 MB.
      expect(grown).toBeLessThan(16);
    } finally {
      await db.close();
    }
  }, 120_000);
});

describe.skipIf(!TEST_DATABASE_URL)('concurrent batches on PostgreSQL', () => {
  it('two batch inserts in flight with overlapping rollup keys never deadlock', async () => {
    const db = await openDb('postgres', 'otklik_test_rollup_concurrent');
    try {
      await insertSurvey(db, SAMPLE);
      const batch = (seed: number, n: number) =>
        randomResponses(SAMPLE, n, seed, 0).map((r) => toRow(r, new Date('2026-12-31T00:00:00Z')));
      // Each connection plans the trigger's statements at its first batch, for that batch's size:
      // one small and one large first batch leave two connections with different plans (sorted
      // or hashed groups), hence different orders of the same keys unless the SQL fixes one.
      await Promise.all([writeRows(db, batch(1000, 1)), writeRows(db, batch(1001, 400))]);
      // Then batches over the same few hundred keys (12 months of days, 4 channels, 2
      // touchpoints, every value), two in flight as with INGEST_FLUSHES=2: each upserts many
      // keys the other holds.
      for (let round = 0; round < 20; round++) {
        await Promise.all([
          writeRows(db, batch(2 * round, 90)),
          writeRows(db, batch(2 * round + 1, 130)),
        ]);
      }
      const counted = await snapshot(db);
      await rebuildRollup(db);
      expect(await snapshot(db)).toEqual(counted);
    } finally {
      await db.close();
    }
  }, 120_000);
});
