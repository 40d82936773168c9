import type { SurveyResponse } from '@otklik/core/engine';
import { createStore, type UseStore } from 'idb-keyval';
import type { QueueReason } from '../events/delivery-events.js';

/** A response waiting on this device for the collector, keyed by its `responseId`. */
export interface QueuedItem {
  /** Where it goes: the endpoint it was first sent to (a later page may embed another survey). */
  url: string;
  response: SurveyResponse;
  /** POSTs made so far. */
  attempts: number;
  /** Epoch ms of the next automatic retry (backoff with jitter). */
  next: number;
  /** Epoch ms before which the server asked us not to retry (Retry-After); even flush() waits. */
  notBefore?: number;
  reason: QueueReason;
  /** Epoch ms when it was first queued; the queue is sent oldest first. */
  queuedAt: number;
  /**
   * Epoch ms of its last failed POST (absent in items queued by older versions). A send asked for
   * before this leaves it to its backoff: it failed a moment ago, in this tab or another.
   */
  triedAt?: number;
}

/** A response the collector refused (4xx): kept for a person to inspect, never resent. */
export interface RejectedItem {
  url: string;
  response: SurveyResponse;
  httpStatus: number;
  message?: string;
  rejectedAt: number;
}

/**
 * Where responses are kept on the device (IndexedDB, not localStorage: it works in workers, holds
 * structured values and does not block the page).
 * - `queue`: database `otklik`, store `queue` — responses waiting to be sent, keyed by responseId.
 * - `rejected`: database `otklik-rejected`, store `rejected` — refused by the collector, kept for
 *   inspection. A separate database because idb-keyval keeps one store per database. idb-keyval's
 *   `createStore` opens both (empty) databases when the script loads; nothing is written to either
 *   until a response is queued or refused.
 * - `lock`: the Web Lock that lets one tab at a time send the queue.
 * - `memory`: where responses wait when IndexedDB cannot be used (blocked storage, some private
 *   modes): this page's memory, shared by every widget on it, resent like the stored queue while
 *   the page is open; refusals are counted the same way, so a kiosk can still tell its staff.
 * Mutable so that browser tests can give each test its own databases and lock (a controller keeps
 * the ones it was created with).
 * @example import { values } from 'idb-keyval'; console.table(await values<RejectedItem>(stores.rejected));
 */
export const stores = {
  queue: createStore('otklik', 'queue'),
  rejected: createStore('otklik-rejected', 'rejected'),
  lock: 'otklik-queue',
  memory: { queued: new Map<string, QueuedItem>(), refused: new Set<string>() },
};

/** Resolves an IndexedDB request (idb-keyval keeps its own helper private). */
const done = <T>(r: IDBRequest<T>): Promise<T> =>
  new Promise((ok, fail) => {
    r.onsuccess = () => ok(r.result);
    r.onerror = () => fail(r.error);
  });

/**
 * Stores `item` under `id` unless the queue already holds `max` other responses. Count and write
 * share one transaction, so two tabs cannot both squeeze past the bound; the same id overwrites
 * its own entry, so queueing a response twice never makes two.
 * @returns the number now waiting, or -1 when full (nothing written).
 * @example if ((await putBounded(stores.queue, r.responseId, item, 500)) < 0) showFull();
 */
export function putBounded(
  store: UseStore,
  id: string,
  item: QueuedItem,
  max: number,
): Promise<number> {
  return store('readwrite', async (s) => {
    const [n, mine] = await Promise.all([done(s.count()), done(s.count(id))]);
    if (n - mine >= max) return -1;
    s.put(item, id);
    await new Promise((ok, fail) => {
      s.transaction.oncomplete = ok;
      s.transaction.onerror = s.transaction.onabort = () => fail(s.transaction.error);
    });
    return n - mine + 1;
  });
}
