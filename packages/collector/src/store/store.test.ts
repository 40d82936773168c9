import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends, openTestPostgres, TEST_DATABASE_URL } from '../test/backends.js';
import { pulse, pulseV2, response } from '../test/fixtures.js';
import type { Db } from './db.js';
import { migrate } from './migrate.js';
import { MIGRATIONS } from './migrations.js';
import { answeredAtFor, insertResponses, pageResponses, toRow } from './responses.js';
import { receiptFor } from './receipt.js';
import { canonicalJson } from './canonical.js';
import { createSurveyStore } from './surveys.js';

describe.each(backends)('store on $name', (backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await backend.open();
  });
  afterAll(async () => {
    await db.close();
  });

  it('applies every migration once and records it', async () => {
    expect(await migrate(db)).toEqual(MIGRATIONS.map((m) => m.version));
    expect(await migrate(db)).toEqual([]);
    const rows = await db.query<{ version: number }>(
      'SELECT version FROM otklik_migrations ORDER BY version',
    );
    expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
  });

  it('publishes survey versions immutably and idempotently', async () => {
    const store = createSurveyStore(db);
    expect((await store.publish(pulse)).status).toBe('created');
    expect((await store.publish(structuredClone(pulse))).status).toBe('unchanged');
    const changed = { ...pulse, title: { ru: 'Другое название' } };
    expect((await store.publish(changed)).status).toBe('conflict');
    const invalid = await store.publish({ id: 'x', version: 1 });
    expect(invalid.status).toBe('invalid');
    expect((await store.publish(pulseV2)).status).toBe('created');
    expect((await store.current(pulse.id))?.version).toBe(2);
    expect((await store.version(pulse.id, 1))?.questions[0]).toMatchObject({ max: 5 });
    expect(await store.version(pulse.id, 3)).toBeUndefined();
    expect(await store.current('nope')).toBeUndefined();
    expect((await store.versions(pulse.id)).map((s) => s.version)).toEqual([1, 2]);
    // A second registry on the same database (another process) sees what the first published.
    const other = createSurveyStore(db);
    expect(await other.list()).toEqual([{ id: pulse.id, version: 2, title: pulse.title }]);
  });

  it('inserts a batch in one statement and skips ids already stored', async () => {
    const now = new Date();
    const rows = [toRow(response(), now), toRow(response(), now)];
    const first = await insertResponses(db, rows);
    expect(first).toEqual(new Set(rows.map((r) => r.responseId)));
    const again = await insertResponses(db, [rows[0]!, toRow(response(), now)]);
    expect(again.size).toBe(1);
    expect(again.has(rows[0]!.responseId)).toBe(false);
    const stored = await db.query<Record<string, unknown>>(
      'SELECT * FROM responses WHERE response_id = $1',
      [rows[0]!.responseId],
    );
    expect(stored[0]).toMatchObject({
      survey_id: 'test-pulse',
      channel: 'kiosk',
      receipt: rows[0]!.receipt,
    });
    expect(stored[0]!.answers).toEqual(response().answers);
  });

  it('streams rows through a cursor in batches and stops early cleanly', async () => {
    const now = new Date();
    const many = Array.from({ length: 1203 }, () => toRow(response({ surveyId: pulse.id }), now));
    await insertResponses(db, many);
    const sizes: number[] = [];
    for await (const batch of db.stream<{ response_id: string }>(
      'SELECT response_id FROM responses WHERE survey_id = $1 ORDER BY response_id',
      [pulse.id],
      500,
    )) {
      sizes.push(batch.length);
    }
    expect(sizes.reduce((a, b) => a + b, 0)).toBe(1206);
    expect(sizes[0]).toBe(500);
    for await (const batch of db.stream('SELECT response_id FROM responses', [], 10)) {
      expect(batch).toHaveLength(10);
      break;
    }
    // The connection/transaction was released: the next statement runs.
    expect(await db.query('SELECT 1 AS one')).toEqual([{ one: 1 }]);
  });

  it('rolls a transaction back when it throws', async () => {
    await expect(
      db.transaction(async (tx) => {
        await tx.query(`INSERT INTO surveys (id, version, definition) VALUES ('tx-test', 1, '{}')`);
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await db.query(`SELECT 1 FROM surveys WHERE id = 'tx-test'`)).toEqual([]);
  });

  it('pages responses by (received_at, response_id)', async () => {
    await db.query('DELETE FROM responses');
    const base = Date.parse('2026-03-01T10:00:00.000Z');
    const rows = Array.from({ length: 25 }, (_, i) =>
      toRow(response(), new Date(base + Math.floor(i / 3) * 1000)),
    );
    await insertResponses(db, rows);
    const seen: string[] = [];
    let after: { receivedAt: string; responseId: string } | undefined;
    for (let page = 0; page < 10; page++) {
      const r = await pageResponses(db, pulse.id, after ? { after, limit: 10 } : { limit: 10 });
      seen.push(...r.items.map((i) => i.responseId));
      if (!r.nextCursor) break;
      const last = r.items.at(-1)!;
      after = { receivedAt: last.receivedAt, responseId: last.responseId };
    }
    expect(seen).toHaveLength(25);
    expect(new Set(seen).size).toBe(25);
  });
});

describe('response rows', () => {
  it('files a response under the device time only when plausible', () => {
    const received = new Date('2026-05-10T12:00:00Z');
    expect(answeredAtFor('2026-05-01T08:00:00Z', received).toISOString()).toBe(
      '2026-05-01T08:00:00.000Z',
    );
    expect(answeredAtFor('2026-03-01T08:00:00Z', received)).toBe(received); // > 30 days old
    expect(answeredAtFor('2026-05-10T12:04:00Z', received).toISOString()).toBe(
      '2026-05-10T12:04:00.000Z',
    );
    expect(answeredAtFor('2026-05-10T12:06:00Z', received)).toBe(received); // > 5 min ahead
    expect(answeredAtFor(undefined, received)).toBe(received);
  });

  it('hashes the normalised body: key order does not matter, content does', () => {
    const r = response();
    const { context, answers, ...rest } = r;
    const reordered = JSON.parse(JSON.stringify({ context, answers, ...rest })) as typeof r;
    const t = new Date();
    expect(toRow(reordered, t).bodyHash).toBe(toRow(r, t).bodyHash);
    expect(toRow({ ...r, answers: { ...r.answers, q1: 5 } }, t).bodyHash).not.toBe(
      toRow(r, t).bodyHash,
    );
    expect(toRow({ ...r, responseId: r.responseId.toUpperCase() }, t).bodyHash).toBe(
      toRow(r, t).bodyHash,
    );
    expect(canonicalJson({ b: 1, a: [2, { d: 3, c: 4 }] })).toBe('{"a":[2,{"c":4,"d":3}],"b":1}');
  });

  it('makes an 8-character Crockford receipt, stable per id', () => {
    const id = '9f1c0a7e-1b2c-4d3e-8f4a-5b6c7d8e9f00';
    expect(receiptFor(id)).toMatch(/^[0-9A-HJKMNP-TV-Z]{8}$/);
    expect(receiptFor(id.toUpperCase())).toBe(receiptFor(id));
    expect(receiptFor('9f1c0a7e-1b2c-4d3e-8f4a-5b6c7d8e9f01')).not.toBe(receiptFor(id));
  });
});

describe.skipIf(!TEST_DATABASE_URL)('migrations on PostgreSQL, concurrently', () => {
  it('two processes migrating one fresh schema at once both succeed and apply each migration once', async () => {
    const a = await openTestPostgres();
    // A second pool on the same schema stands for a second process (separate connections).
    const b = await openTestPostgres(a.schema);
    try {
      const [ra, rb] = await Promise.all([migrate(a), migrate(b)]);
      expect([...ra, ...rb].sort((a, b) => a - b)).toEqual(MIGRATIONS.map((m) => m.version));
      const rows = await a.query('SELECT version FROM otklik_migrations');
      expect(rows).toHaveLength(MIGRATIONS.length);
    } finally {
      await b.close();
      await a.close();
    }
  });
});

describe.skipIf(!TEST_DATABASE_URL)('two batch inserts in flight on PostgreSQL', () => {
  it('sharing ids in opposite orders (retries racing), they never deadlock', async () => {
    const db = await openTestPostgres();
    try {
      await migrate(db);
      await createSurveyStore(db).publish(pulse);
      for (let round = 0; round < 10; round++) {
        const rows = Array.from({ length: 40 }, () => toRow(response(), new Date()));
        const [a, b] = await Promise.all([
          insertResponses(db, rows),
          insertResponses(db, [...rows].reverse()),
        ]);
        // Every id stored once, by one of the two.
        expect(a.size + b.size).toBe(rows.length);
      }
    } finally {
      await db.close();
    }
  }, 120_000);
});
