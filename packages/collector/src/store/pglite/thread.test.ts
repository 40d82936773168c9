/** PGlite in its own thread behaves, to the caller, as PostgreSQL does through `pg`. */
import { describe, expect, it } from 'vitest';
import { isDbDataError, isDbUnavailable } from '../errors.js';
import { openPglite } from './index.js';

describe('PGlite in its own thread', () => {
  it('errors keep their SQLSTATE; a transaction commits or rolls back as a whole', async () => {
    const db = await openPglite();
    try {
      const bad = await db.query(`SELECT 'x'::int`).catch((e: unknown) => e);
      expect(bad).toMatchObject({ code: '22P02' });
      expect(isDbDataError(bad)).toBe(true);

      await db.query('CREATE TABLE t (v int PRIMARY KEY)');
      await expect(
        db.transaction(async (tx) => {
          await tx.query('INSERT INTO t VALUES (1)');
          await tx.query('INSERT INTO t VALUES (1)');
        }),
      ).rejects.toMatchObject({ code: '23505' });
      const kept = await db.transaction(async (tx) => {
        await tx.query('INSERT INTO t VALUES ($1)', [2]);
        return tx.query<{ v: number }>('SELECT v FROM t');
      });
      expect(kept).toEqual([{ v: 2 }]);
      // Statements from outside wait for the transaction instead of joining it.
      let release!: () => void;
      const held = new Promise<void>((r) => (release = r));
      const tx = db.transaction(async (t) => {
        await t.query('INSERT INTO t VALUES (3)');
        await held;
        throw new Error('changed my mind');
      });
      const outside = db.query<{ n: number }>('SELECT count(*)::int AS n FROM t');
      release();
      await expect(tx).rejects.toThrow('changed my mind');
      expect(await outside).toEqual([{ n: 1 }]);
      expect(db.heapBytes!()).toBeGreaterThanOrEqual(128 * 1024 * 1024);
    } finally {
      await db.close();
    }
  }, 60_000);

  it('after close, a statement fails as «unavailable» (503), not as a crash', async () => {
    const db = await openPglite();
    await db.close();
    const e = await db.query('SELECT 1').catch((x: unknown) => x);
    expect(isDbUnavailable(e)).toBe(true);
  }, 60_000);
});
