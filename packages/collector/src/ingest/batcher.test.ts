import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { backends } from '../test/backends.js';
import { pulse, response } from '../test/fixtures.js';
import type { Db } from '../store/db.js';
import { migrate } from '../store/migrate.js';
import { toRow, type ResponseRow } from '../store/responses.js';
import { createSurveyStore } from '../store/surveys.js';
import { responseWriter } from '../store/writer.js';
import {
  ConflictError,
  createBatcher,
  QueueFullError,
  UnavailableError,
  type BatchWriter,
} from './batcher.js';

/** The real writer, counting the INSERTs it runs and the rows in each. */
function counting(db: Db): BatchWriter & { batches: number[] } {
  const real = responseWriter(db);
  const batches: number[] = [];
  return {
    batches,
    insert: (rows) => {
      batches.push(rows.length);
      return real.insert(rows);
    },
    lookup: real.lookup,
  };
}

const count = async (db: Db): Promise<number> =>
  Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM responses'))[0]!.n);

describe.each(backends)('group commit on $name', (backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await backend.open();
    await migrate(db);
    await createSurveyStore(db).publish(pulse);
  });
  afterAll(async () => {
    await db.close();
  });

  it('stores one response and answers after the commit', async () => {
    const batcher = createBatcher({ writer: responseWriter(db) });
    const row = toRow(response(), new Date());
    const out = await batcher.submit(row);
    expect(out).toEqual({ status: 'created', responseId: row.responseId, receipt: row.receipt });
    const stored = await db.query('SELECT receipt FROM responses WHERE response_id = $1', [
      row.responseId,
    ]);
    expect(stored).toEqual([{ receipt: row.receipt }]);
  });

  it('answers a retry of the same body with the same receipt, within and across batches', async () => {
    const batcher = createBatcher({ writer: responseWriter(db) });
    const r = response();
    const [a, b] = await Promise.all([
      batcher.submit(toRow(r, new Date())),
      batcher.submit(toRow(r, new Date())),
    ]);
    expect([a.status, b.status].sort()).toEqual(['created', 'duplicate']);
    expect(a.receipt).toBe(b.receipt);
    const later = await batcher.submit(toRow(r, new Date()));
    expect(later).toMatchObject({ status: 'duplicate', receipt: a.receipt });
    expect(
      await db.query('SELECT 1 FROM responses WHERE response_id = $1', [r.responseId]),
    ).toHaveLength(1);
  });

  it('rejects the same id with another body (409), in the same batch and later', async () => {
    const batcher = createBatcher({ writer: responseWriter(db) });
    const r = response();
    const other = { ...r, answers: { ...r.answers, q1: 1 } };
    const results = await Promise.allSettled([
      batcher.submit(toRow(r, new Date())),
      batcher.submit(toRow(other, new Date())),
    ]);
    expect(results[0]).toMatchObject({ status: 'fulfilled', value: { status: 'created' } });
    expect(results[1]).toMatchObject({ status: 'rejected', reason: expect.any(ConflictError) });
    await expect(batcher.submit(toRow(other, new Date()))).rejects.toBeInstanceOf(ConflictError);
  });

  it('gathers concurrent submissions into few INSERTs and stores exactly the distinct ids', async () => {
    const before = await count(db);
    const writer = counting(db);
    const batcher = createBatcher({ writer, maxBatch: 40 });
    const distinct = Array.from({ length: 80 }, () => response());
    // 100 submissions: 80 distinct, 20 exact retries of some of them.
    const all = [...distinct, ...distinct.slice(0, 20)].map((r) =>
      batcher.submit(toRow(r, new Date())),
    );
    const outs = await Promise.all(all);
    expect(outs.filter((o) => o.status === 'created')).toHaveLength(80);
    expect(outs.filter((o) => o.status === 'duplicate')).toHaveLength(20);
    expect(await count(db)).toBe(before + 80);
    // Submitted in one turn of the event loop: the first flush takes all it may, the rest gather.
    expect(writer.batches[0]).toBe(40);
    expect(writer.batches.length).toBeLessThan(10);
    expect(Math.max(...writer.batches)).toBeLessThanOrEqual(40);
    await batcher.drain();
    expect(batcher.pending).toBe(0);
  });

  it('never acknowledges when the write fails: every waiter gets UnavailableError', async () => {
    const broken = await backend.open(); // no migrations: the table does not exist
    try {
      const batcher = createBatcher({ writer: responseWriter(broken) });
      const results = await Promise.allSettled(
        [1, 2, 3].map(() => batcher.submit(toRow(response(), new Date()))),
      );
      for (const r of results)
        expect(r).toMatchObject({ status: 'rejected', reason: expect.any(UnavailableError) });
      // The batcher keeps working for later submissions (here: still failing, still rejecting).
      await expect(batcher.submit(toRow(response(), new Date()))).rejects.toBeInstanceOf(
        UnavailableError,
      );
    } finally {
      await broken.close();
    }
  });
});

/** Rows no validation would pass, built straight to the writer: the database itself refuses them. */
function poisonRows(): ResponseRow[] {
  const nulText = toRow(response(), new Date());
  nulText.object = 'svc\u0000-42'; // text column: 22021 invalid byte sequence
  const badJson = toRow(response(), new Date());
  badJson.answers = '{"q1":4,"q3":"\\ud800"}'; // jsonb: unpaired surrogate escape, 22P02
  const nulJson = toRow(response(), new Date());
  nulJson.specify = '{"q2":{"other":"\\u0000"}}'; // jsonb: 22P05 unsupported escape
  return [nulText, badJson, nulJson];
}

describe.each(backends)('poisoned batches on $name', (backend) => {
  let db: Db;
  beforeAll(async () => {
    db = await backend.open();
    await migrate(db);
    await createSurveyStore(db).publish(pulse);
  });
  afterAll(async () => {
    await db.close();
  });

  it('stores every good row of a batch with unstorable rows; only those are refused, for good', async () => {
    const before = await count(db);
    const writer = counting(db);
    const batcher = createBatcher({ writer });
    const good = Array.from({ length: 20 }, () => toRow(response(), new Date()));
    const poison = poisonRows();
    // One good row first goes alone; the rest gather behind it into one mixed batch.
    const order = [good[0]!, ...good.slice(1, 8), poison[0]!, ...good.slice(8, 14), poison[1]!];
    order.push(...good.slice(14), poison[2]!);
    const results = await Promise.allSettled(order.map((r) => batcher.submit(r)));
    const byId = new Map(order.map((r, i) => [r.responseId, results[i]!]));
    for (const r of good)
      expect(byId.get(r.responseId)).toMatchObject({
        status: 'fulfilled',
        value: { status: 'created' },
      });
    for (const r of poison) {
      const res = byId.get(r.responseId)!;
      expect(res.status).toBe('rejected');
      expect((res as PromiseRejectedResult).reason).toMatchObject({ name: 'UnstorableError' });
    }
    expect(await count(db)).toBe(before + good.length);
    // The same poison again is refused again the same way, never stored, never 503.
    const again = await Promise.allSettled(poison.map((r) => batcher.submit(r)));
    for (const a of again)
      expect((a as PromiseRejectedResult).reason).toMatchObject({ name: 'UnstorableError' });
    expect(await count(db)).toBe(before + good.length);
    expect(writer.batches.length).toBeGreaterThan(1);
  });
});

describe('bounded queue', () => {
  it('refuses at once with QueueFullError past maxQueue while a flush hangs, then drains', async () => {
    const db = await backends[0]!.open();
    try {
      await migrate(db);
      await createSurveyStore(db).publish(pulse);
      const real = responseWriter(db);
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      // The real writer, held at the door like a database that stopped answering.
      const writer: BatchWriter = {
        insert: async (rows) => {
          await gate;
          return real.insert(rows);
        },
        lookup: real.lookup,
      };
      const batcher = createBatcher({ writer, maxQueue: 3 });
      const first = batcher.submit(toRow(response(), new Date()));
      await new Promise((r) => setImmediate(r)); // its flush starts and hangs at the gate
      const accepted = [
        first,
        ...Array.from({ length: 3 }, () => batcher.submit(toRow(response(), new Date()))),
      ];
      expect(batcher.pending).toBe(3); // one in flight, three waiting
      await expect(batcher.submit(toRow(response(), new Date()))).rejects.toBeInstanceOf(
        QueueFullError,
      );
      release();
      for (const o of await Promise.all(accepted)) expect(o.status).toBe('created');
    } finally {
      await db.close();
    }
  });
});

/** A writer in memory that stores every row it is given, recording each batch's size. */
function memoryWriter(): BatchWriter & { batches: number[] } {
  const batches: number[] = [];
  return {
    batches,
    insert: (rows) => {
      batches.push(rows.length);
      return Promise.resolve(new Set(rows.map((r) => r.responseId)));
    },
    lookup: () => Promise.resolve(new Map()),
  };
}

const rows = (n: number): ResponseRow[] =>
  Array.from({ length: n }, () => toRow(response(), new Date()));
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

describe('gathering while the database is idle', () => {
  it('sends rows submitted in the same turn of the event loop in one INSERT', async () => {
    const writer = memoryWriter();
    const batcher = createBatcher({ writer });
    await Promise.all(rows(5).map((r) => batcher.submit(r)));
    expect(writer.batches).toEqual([5]);
  });

  it('after a flush of n rows, waits for n rows before the next one (at most maxWaitMs)', async () => {
    const writer = memoryWriter();
    const batcher = createBatcher({ writer, maxWaitMs: 5_000 });
    await Promise.all(rows(4).map((r) => batcher.submit(r)));
    // The same four clients come back one by one, a few milliseconds apart.
    const [a, b, c, d] = rows(4);
    const first = batcher.submit(a!);
    await sleep(20);
    const rest = [b, c].map((r) => batcher.submit(r!));
    await sleep(20);
    await Promise.all([first, ...rest, batcher.submit(d!)]);
    expect(writer.batches).toEqual([4, 4]);
  });

  it('gives up waiting after maxWaitMs when fewer rows come', async () => {
    const writer = memoryWriter();
    const batcher = createBatcher({ writer, maxWaitMs: 60 });
    await Promise.all(rows(4).map((r) => batcher.submit(r)));
    const t = performance.now();
    await batcher.submit(rows(1)[0]!);
    const waited = performance.now() - t;
    expect(writer.batches).toEqual([4, 1]);
    expect(waited).toBeGreaterThanOrEqual(55);
    expect(waited).toBeLessThan(2_000);
  });

  it('under light load (the last flush had one row) a lone row does not wait for company', async () => {
    const writer = memoryWriter();
    const batcher = createBatcher({ writer, maxWaitMs: 60_000 });
    const t = performance.now();
    await batcher.submit(rows(1)[0]!);
    await batcher.submit(rows(1)[0]!);
    expect(performance.now() - t).toBeLessThan(1_000);
    expect(writer.batches).toEqual([1, 1]);
  });
});
