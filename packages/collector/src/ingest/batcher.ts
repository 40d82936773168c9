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
}

interface Waiter {
  row: ResponseRow;
  resolve: (o: IngestOutcome) => void;
  reject: (e: Error) => void;
}

export interface Batcher {
  /** Queues a validated row; resolves after its batch is committed, or rejects (409 / 503). */
  submit(row: ResponseRow): Promise<IngestOutcome>;
  /** Resolves when nothing is pending or in flight (for shutdown and tests). */
  drain(): Promise<void>;
  /** Rows waiting for the next flush (not counting the one in flight). */
  readonly pending: number;
}

/**
 * Group commit without a timer: a row arriving while the database is idle is written at once;
 * rows arriving while a write is in flight gather and go together as soon as it finishes. Under
 * light load each response costs one round trip; under heavy load a batch grows to the rate the
 * database can commit — no fixed window to wait out (a window adds its length to every response
 * under light load and still caps a batch under heavy load).
 *
 * A failed flush rejects all its waiters with `UnavailableError`; nothing is ever acknowledged
 * before its COMMIT.
 *
 * @example
 * const batcher = createBatcher({ writer: responseWriter(db) });
 * const { status, receipt } = await batcher.submit(toRow(value, new Date()));
 */
export function createBatcher(opts: BatcherOptions): Batcher {
  const maxBatch = Math.max(1, opts.maxBatch ?? 1000);
  const maxInFlight = Math.max(1, opts.maxInFlight ?? 1);
  let queue: Waiter[] = [];
  let inFlight = 0;
  let idle: (() => void)[] = [];

  function kick(): void {
    if (inFlight >= maxInFlight || queue.length === 0) return;
    const batch = queue.length <= maxBatch ? queue : queue.slice(0, maxBatch);
    queue = queue.length <= maxBatch ? [] : queue.slice(maxBatch);
    inFlight++;
    void flush(batch).finally(() => {
      inFlight--;
      if (queue.length > 0) kick();
      else if (inFlight === 0) {
        const waiting = idle;
        idle = [];
        for (const w of waiting) w();
      }
    });
  }

  async function flush(batch: Waiter[]): Promise<void> {
    // The first waiter of each id carries the row; later ones with that id (client retries that
    // raced) are answered by comparing hashes, so the INSERT never sees one id twice.
    const first = new Map<string, Waiter>();
    for (const w of batch) if (!first.has(w.row.responseId)) first.set(w.row.responseId, w);
    let inserted: Set<string>;
    let stored: Map<string, { bodyHash: string; receipt: string }>;
    try {
      inserted = await opts.writer.insert([...first.values()].map((w) => w.row));
      const missing = [...first.keys()].filter((id) => !inserted.has(id));
      stored = await opts.writer.lookup(missing);
    } catch (e) {
      const err = new UnavailableError(e);
      for (const w of batch) w.reject(err);
      return;
    }
    for (const w of batch) {
      const id = w.row.responseId;
      const winner = first.get(id)!;
      const ref = inserted.has(id)
        ? { bodyHash: winner.row.bodyHash, receipt: winner.row.receipt }
        : stored.get(id);
      if (!ref) {
        // Neither inserted nor found: the conflicting row vanished between the two statements.
        w.reject(new UnavailableError(new Error(`response ${id} neither inserted nor found`)));
      } else if (ref.bodyHash !== w.row.bodyHash) {
        w.reject(new ConflictError(id));
      } else {
        w.resolve({
          status: inserted.has(id) && w === winner ? 'created' : 'duplicate',
          responseId: id,
          receipt: ref.receipt,
        });
      }
    }
  }

  return {
    submit(row) {
      return new Promise<IngestOutcome>((resolve, reject) => {
        queue.push({ row, resolve, reject });
        kick();
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
