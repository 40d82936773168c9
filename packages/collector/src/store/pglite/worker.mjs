/**
 * The thread PGlite runs in. Plain JavaScript, not TypeScript: a worker is started by Node.js
 * itself, outside tsx and the test runner, so it must be a file Node runs as is (the build copies
 * it into dist/ beside index.js). It opens PGlite with `workerData.options` and answers the
 * messages of `./index.ts`:
 *
 * - `{ id, op: 'query', sql, params, tx? }` → rows of the statement (inside transaction `tx`);
 * - `{ id, op: 'begin', tx }` → answered once transaction `tx` holds the database;
 * - `{ id, op: 'end', tx, commit }` → COMMIT (or ROLLBACK) of `tx`;
 * - `{ id, op: 'snapshot', from, into }` → a consistent copy of the data folder;
 * - `{ id, op: 'close' }`.
 *
 * Every answer is `{ id, rows }` or `{ id, error }` (the error's message, name and primitive fields
 * such as `code`: SQLSTATE classification works on it), with `heap`, the WASM heap's size. The
 * first message, id 0, says the database is open (or why not).
 */
import { cp } from 'node:fs/promises';
import { parentPort, workerData } from 'node:worker_threads';

/** An error as a message can carry it: message, name and primitive fields such as `code`. */
const errorOf = (e) => {
  const out = { message: String(e && e.message !== undefined ? e.message : e), name: e && e.name };
  for (const k of Object.keys(e ?? {})) {
    const v = e[k];
    if (v === null || ['string', 'number', 'boolean'].includes(typeof v)) out[k] = v;
  }
  return out;
};
/** Opens the database, then answers the main thread's messages until it is closed. */
async function main() {
  let pg;
  try {
    const { PGlite } = await import(workerData.pglite);
    pg = await PGlite.create(workerData.options);
  } catch (e) {
    parentPort.postMessage({ id: 0, error: errorOf(e) });
    return;
  }
  const heap = () => pg.Module.HEAPU8.length;
  // Without parameters a statement goes through the simple protocol (exec), like pg does, so a
  // migration may hold several statements; the rows of the last one are returned.
  const run = async (r, sql, params) => {
    if (params === undefined || params === null || params.length === 0) {
      const results = await r.exec(sql);
      return results.at(-1)?.rows ?? [];
    }
    return (await r.query(sql, params)).rows;
  };
  const answer = (id, p) =>
    p.then(
      (rows) => parentPort.postMessage({ id, rows, heap: heap() }),
      (e) => parentPort.postMessage({ id, error: errorOf(e), heap: heap() }),
    );
  const txs = new Map();
  parentPort.on('message', (m) => {
    if (m.op === 'query') {
      const t = m.tx === undefined ? undefined : txs.get(m.tx);
      if (m.tx !== undefined && !t)
        return void answer(m.id, Promise.reject(new Error('no such transaction')));
      return void answer(m.id, run(t ? t.tx : pg, m.sql, m.params));
    }
    if (m.op === 'begin') {
      let began = false;
      let settle;
      const done = new Promise((resolve, reject) => (settle = { resolve, reject }));
      const finished = pg.transaction(async (tx) => {
        txs.set(m.tx, { tx, settle, finished });
        began = true;
        parentPort.postMessage({ id: m.id, rows: [], heap: heap() });
        await done;
      });
      txs.set(m.tx, { settle, finished });
      finished.catch((e) => {
        if (!began) {
          txs.delete(m.tx);
          parentPort.postMessage({ id: m.id, error: errorOf(e), heap: heap() });
        }
      });
      return;
    }
    if (m.op === 'end') {
      const t = txs.get(m.tx);
      txs.delete(m.tx);
      if (!t) return void answer(m.id, Promise.reject(new Error('no such transaction')));
      const rollback = new Error('rollback');
      if (m.commit) t.settle.resolve();
      else t.settle.reject(rollback);
      return void answer(
        m.id,
        t.finished.then(
          () => [],
          (e) => (e === rollback ? [] : Promise.reject(e)),
        ),
      );
    }
    if (m.op === 'snapshot') {
      // A checkpoint first, so the copy needs little WAL replay when it is opened. PGlite runs
      // one transaction and one statement at a time: holding both slots while the files are
      // copied means nothing writes to them meanwhile, so the copy is what a power cut at that
      // instant would leave, which Postgres opens consistently.
      return void answer(
        m.id,
        (async () => {
          await pg.exec('CHECKPOINT');
          await pg.transaction(() =>
            pg.runExclusive(() => cp(m.from, m.into, { recursive: true, force: false })),
          );
          return [];
        })(),
      );
    }
    if (m.op === 'close')
      return void answer(
        m.id,
        pg.close().then(() => []),
      );
  });
  parentPort.postMessage({ id: 0, rows: [], heap: heap() });
}

await main();
