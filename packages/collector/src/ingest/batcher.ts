import { isDbDataError, isDbUnavailable } from '../store/errors.js';
import type { ResponseRow } from '../store/responses.js';

/** What a waiter learns once its row is durably stored (after COMMIT). */
export interface IngestOutcome {
  /** `created`: this request stored it; `duplicate`: an identical response was already stored. */
  status: 'created' | 'duplicate';
  responseId: string;
  receipt: string;
}

/** Same id, different body: the client reused an id (409). */
export class ConflictError extends Error {
  constructor(readonly responseId: string) {
    super(`Response ${responseId} was already stored with a different body`);
    this.name = 'ConflictError';
  }
}

/** The batch could not be stored; nothing was acknowledged and a retry is safe (503). */
export class UnavailableError extends Error {
  constructor(cause: unknown) {
    super('Storage unavailable', { cause });
    this.name = 'UnavailableError';
  }
}

/**
 * The database refuses this row's values (e.g. text with U+0000 that validation let through): the
 * same row fails every time, so the client must not retry it (422 `unstorable`).
 */
export class UnstorableError extends Error {
  constructor(
    readonly responseId: string,
    cause: unknown,
  ) {
    super(`Response ${responseId} cannot be stored as sent`, { cause });
    this.name = 'UnstorableError';
  }
}

/** The queue is at its bound: the database is not keeping up; retry later (503). */
export class QueueFullError extends Error {
  constructor(readonly limit: number) {
    super(`Ingest queue is full (${limit} rows waiting)`);
    this.name = 'QueueFullError';
  }
}

/** The storage side of the batcher (see store/responses.ts for the real one). */
export interface BatchWriter {
  /** Inserts rows with distinct ids in one statement; returns the ids inserted (others existed). */
  insert(rows: readonly ResponseRow[]): Promise<Set<string>>;
  /** Body hash and receipt of stored ids. */
  lookup(ids: readonly string[]): Promise<Map<string, { bodyHash: string; receipt: string }>>;
}

export interface BatcherOptions {
  writer: BatchWriter;
  /** Most rows per INSERT (default 1000); more wait for the next flush. */
  maxBatch?: number;
  /**
   * Flushes allowed in flight at once (default 1: the next batch starts when the previous one
   * finishes). PostgreSQL can overlap one batch's fsync with the next one's parsing on a pool of
   * connections; PGlite has one connection, so more than 1 gains nothing there.
   */
  maxInFlight?: number;
  /**
   * Most rows waiting for a flush (default 10 000). Beyond it `submit` rejects at once with
   * `QueueFullError`, so a hung database costs bounded memory and clients hear 503 instead of
   * waiting forever.
   */
  maxQueue?: number;
  /**
   * Longest the first row waits for others once the database is idle (default 10 ms), and only
   * while the last flush answered more than one row: see `createBatcher`.
   */
  maxWaitMs?: number;
  /** Called after a flush committed rows, with their survey ids (caches of public figures). */
  onCommit?: (surveyIds: ReadonlySet<string>) => void;
}

interface Waiter {
  row: ResponseRow;
  resolve: (o: IngestOutcome) => void;
  reject: (e: Error) => void;
}

export interface Batcher {
  /**
   * Queues a validated row; resolves after its batch is committed, or rejects: `ConflictError`
   * (409), `UnstorableError` (422), `UnavailableError` or `QueueFullError` (503).
   */
  submit(row: ResponseRow): Promise<IngestOutcome>;
  /** Resolves when nothing is pending or in flight (for shutdown and tests). */
  drain(): Promise<void>;
  /** Rows waiting for the next flush (not counting the one in flight). */
  readonly pending: number;
}

/**
 * Group commit: rows arriving while a write is in flight gather and go together as soon as it
 * finishes. When the database is idle, a row waits one turn of the event loop (so the requests
 * read in the same turn join it), and while the last flush answered several rows — clients that
 * will likely send again soon — it waits for as many rows as that flush had, at most `maxWaitMs`.
 * Under light load (the last flush had one row) nothing waits beyond that turn. Under heavy load
 * this keeps one statement per round of clients: sent at once, the first returning client's row
 * went alone and paid a whole statement (with the rollup trigger, most of a batch's cost on
 * PGlite) while the rest of the round queued behind it (measured in docs/benchmarks.md).
 *
 * One bad row never fails the others: when a batch INSERT fails on the values (SQLSTATE class
 * 22/23), the batch is split in halves and each half retried, down to single rows, so the good
 * rows commit and only the offending ones get `UnstorableError`. When the database itself is
 * unavailable (connection lost, timeout), nothing is split: every waiter gets `UnavailableError`
 * and may retry. Nothing is ever acknowledged before its COMMIT.
 *
 * @example
 * const batcher = createBatcher({ writer: responseWriter(db) });
 * const { status, receipt } = await batcher.submit(toRow(value, new Date()));
 */
export function createBatcher(opts: BatcherOptions): Batcher {
  const maxBatch = Math.max(1, opts.maxBatch ?? 1000);
  const maxInFlight = Math.max(1, opts.maxInFlight ?? 1);
  const maxQueue = Math.max(1, opts.maxQueue ?? 10_000);
  const maxWaitMs = Math.max(0, opts.maxWaitMs ?? 10);
  let queue: Waiter[] = [];
  let inFlight = 0;
  let idle: (() => void)[] = [];
  /** Rows the last flush answered: about as many clients are likely to come back together. */
  let expected = 1;
  /**
   * Set while the first row of the next flush waits for company (a flush slot free); `turned`
   * once the event loop's turn it arrived in is over.
   */
  let gathering:
    { since: number; turned: boolean; timer?: ReturnType<typeof setTimeout> } | undefined;

  /** Starts a flush now with what is queued (rows that arrived during a flush waited enough). */
  function kick(): void {
    if (inFlight >= maxInFlight || queue.length === 0) return;
    const batch = queue.length <= maxBatch ? queue : queue.slice(0, maxBatch);
    queue = queue.length <= maxBatch ? [] : queue.slice(maxBatch);
    inFlight++;
    void flush(batch).finally(() => {
      inFlight--;
      expected = batch.length;
      if (queue.length > 0) kick();
      else if (inFlight === 0) {
        const waiting = idle;
        idle = [];
        for (const w of waiting) w();
      }
    });
  }

  /** After a turn of the event loop, or later: flushes once enough rows gathered or time is up. */
  function check(): void {
    if (!gathering) return;
    gathering.turned = true;
    clearTimeout(gathering.timer);
    const waited = performance.now() - gathering.since;
    if (queue.length < Math.min(expected, maxBatch) && waited < maxWaitMs) {
      gathering.timer = setTimeout(check, Math.max(1, maxWaitMs - waited));
      return;
    }
    gathering = undefined;
    kick();
  }

  /** A row was queued: a free flush slot gathers it with others (see `createBatcher`). */
  function arrived(): void {
    if (inFlight >= maxInFlight) return;
    if (!gathering) {
      gathering = { since: performance.now(), turned: false };
      setImmediate(check);
    } else if (gathering.turned) check();
  }

  type Stored = 'inserted' | 'exists' | Error;

  /**
   * The database just failed as unavailable: rows queued behind would wait out the same timeout
   * one flush after another, so they are answered now (503, retry later) — waits stay bounded by
   * about one statement timeout, not one per queued flush.
   */
  function failQueued(err: UnavailableError): void {
    const waiting = queue;
    queue = [];
    for (const w of waiting) w.reject(err);
  }

  /**
   * Inserts `rows`, halving on a value error until the offending rows stand alone. Costs one
   * statement when all is well; with p bad rows in n, about 2·p·log2(n) more.
   */
  async function insertIsolating(rows: ResponseRow[], out: Map<string, Stored>): Promise<void> {
    try {
      const inserted = await opts.writer.insert(rows);
      for (const r of rows)
        out.set(r.responseId, inserted.has(r.responseId) ? 'inserted' : 'exists');
    } catch (e) {
      if (rows.length === 1 && isDbDataError(e)) {
        out.set(rows[0]!.responseId, new UnstorableError(rows[0]!.responseId, e));
      } else if (isDbUnavailable(e) || !isDbDataError(e)) {
        // Not about the values (database down, table missing …): no row is to blame, all retry.
        const err = new UnavailableError(e);
        for (const r of rows) out.set(r.responseId, err);
        if (isDbUnavailable(e)) failQueued(err);
      } else {
        const mid = rows.length >> 1;
        await insertIsolating(rows.slice(0, mid), out);
        await insertIsolating(rows.slice(mid), out);
      }
    }
  }

  async function flush(batch: Waiter[]): Promise<void> {
    // The first waiter of each id carries the row; later ones with that id (client retries that
    // raced) are answered by comparing hashes, so the INSERT never sees one id twice.
    const first = new Map<string, Waiter>();
    for (const w of batch) if (!first.has(w.row.responseId)) first.set(w.row.responseId, w);
    const result = new Map<string, Stored>();
    await insertIsolating(
      [...first.values()].map((w) => w.row),
      result,
    );
    const committed = new Set<string>();
    for (const [id, r] of result) if (r === 'inserted') committed.add(first.get(id)!.row.surveyId);
    if (committed.size > 0) opts.onCommit?.(committed);
    const missing = [...result].filter(([, r]) => r === 'exists').map(([id]) => id);
    let stored = new Map<string, { bodyHash: string; receipt: string }>();
    let lookupFailed: Error | undefined;
    try {
      stored = await opts.writer.lookup(missing);
    } catch (e) {
      // Only the waiters that needed the lookup are affected; inserted rows are acknowledged.
      lookupFailed = new UnavailableError(e);
    }
    for (const w of batch) {
      const id = w.row.responseId;
      const winner = first.get(id)!;
      const r = result.get(id)!;
      if (r instanceof Error) {
        w.reject(r);
        continue;
      }
      if (r === 'exists' && lookupFailed) {
        w.reject(lookupFailed);
        continue;
      }
      const ref =
        r === 'inserted'
          ? { bodyHash: winner.row.bodyHash, receipt: winner.row.receipt }
          : stored.get(id);
      if (!ref) {
        // Neither inserted nor found: the conflicting row vanished between the two statements.
        w.reject(new UnavailableError(new Error(`response ${id} neither inserted nor found`)));
      } else if (ref.bodyHash !== w.row.bodyHash) {
        w.reject(new ConflictError(id));
      } else {
        w.resolve({
          status: r === 'inserted' && w === winner ? 'created' : 'duplicate',
          responseId: id,
          receipt: ref.receipt,
        });
      }
    }
  }

  return {
    submit(row) {
      if (queue.length >= maxQueue) return Promise.reject(new QueueFullError(maxQueue));
      return new Promise<IngestOutcome>((resolve, reject) => {
        queue.push({ row, resolve, reject });
        arrived();
      });
    },
    drain() {
      if (inFlight === 0 && queue.length === 0) return Promise.resolve();
      return new Promise<void>((r) => idle.push(r));
    },
    get pending() {
      return queue.length;
    },
  };
}
