/**
 * Where one PGlite batch's time goes (no HTTP): rows built in JS (validate, canonical JSON, hash),
 * the INSERT with and without the rollup trigger, at several batch sizes, on disk. Prints ms per
 * batch and per row. `npx tsx --conditions=@otklik/source bench/pglite-batch.ts`
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { validateResponse } from '@otklik/core';
import { migrate } from '../src/store/migrate.js';
import { openPglite } from '../src/store/pglite/index.js';
import { insertResponses, toRow } from '../src/store/responses.js';
import { createSurveyStore } from '../src/store/surveys.js';
import { pulse, responseOfSize } from '../src/test/fixtures.js';

const SIZES = (process.env.SIZES ?? '1,50,200,1000').split(',').map(Number);
const REPS = Number(process.env.REPS ?? 20);
const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[xs.length >> 1]!;

/** Prints ms per batch, with and without the rollup trigger, for each size in SIZES. */
export async function profileBatches(): Promise<void> {
  const dir = await mkdtemp(join(tmpdir(), 'otklik-batch-'));
  const db = await openPglite({ dataDir: dir });
  await migrate(db);
  await createSurveyStore(db).publish(pulse);
  const bodies = (n: number) =>
    Array.from({ length: n }, () => JSON.stringify(responseOfSize(2048)));

  for (const rollup of [true, false]) {
    await db.query(
      `ALTER TABLE responses ${rollup ? 'ENABLE' : 'DISABLE'} TRIGGER responses_rollup`,
    );
    for (const n of SIZES) {
      const js: number[] = [];
      const ins: number[] = [];
      for (let i = 0; i < REPS; i++) {
        const texts = bodies(n);
        let t = performance.now();
        const rows = texts.map((s) => {
          const v = validateResponse(pulse, JSON.parse(s));
          if (!v.ok) throw new Error('invalid');
          return toRow(v.value, new Date());
        });
        js.push(performance.now() - t);
        t = performance.now();
        await insertResponses(db, rows);
        ins.push(performance.now() - t);
      }
      console.log(
        `rollup=${rollup} batch=${n}: js ${median(js).toFixed(2)} ms, insert ${median(ins).toFixed(2)} ms` +
          ` (${(median(ins) / n).toFixed(3)} ms/row, ${Math.round((1000 * n) / median(ins))} rows/s)`,
      );
    }
  }
  await db.close();
  await rm(dir, { recursive: true, force: true });
}

// Not run by bench/run.ts (no `run` export): it imports every bench file, so only run when named.
if (process.argv[1] && /pglite-batch\.ts$/.test(process.argv[1])) await profileBatches();
