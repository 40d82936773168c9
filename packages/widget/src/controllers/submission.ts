import type { SurveyResponse } from '@otklik/core/engine';
import { del, entries, get, keys, set } from 'idb-keyval';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { OtklikErrorEvent, OtklikQueuedEvent, OtklikSentEvent } from '../events/delivery-events.js';
import { putBounded, stores, type QueuedItem } from './queue-store.js';
import { post, type Attempt, type Said } from './send.js';

export interface SubmissionConfig {
  /** Where responses are POSTed; `undefined` = nowhere (a preview: the page has `otklik-submit`). */
  endpoint: () => string | undefined;
  /** Most responses kept waiting on one device (default 500). */
  maxQueue?: number;
  /** Give up on one POST after this long and queue it (default 15 000). */
  timeoutMs?: number;
  /** Ask the browser once for persistent storage, so the queue is not evicted (kiosk). */
  persist?: () => boolean;
}

export type SendOutcome =
  | { status: 'sent'; receipt?: string }
  /** `memoryOnly`: the device's storage is unavailable; kept while the page stays open. */
  | { status: 'queued'; waiting: number; memoryOnly?: true }
  | { status: 'rejected'; httpStatus: number; code?: string; message?: string; said?: Said }
  | { status: 'full'; waiting: number };

/**
 * Backoff: full jitter over an exponential window, 2 s doubling up to 5 min, never sooner than
 * 2 s — a draw near 0 would retry at once into the same outage.
 */
const BASE_MS = 2000;
const CAP_MS = 300_000;
const backoff = (attempts: number): number =>
  Math.max(BASE_MS, Math.random() * Math.min(CAP_MS, BASE_MS * 2 ** attempts));

let persistAsked = false;

/**
 * Sends responses to the collector and keeps the ones it cannot deliver in an IndexedDB queue
 * (see send.ts for the table of statuses). Waiting responses are resent oldest first: by a
 * backoff timer, on the `online` event, on `flush()`, and whenever a host connects, so the next
 * page with the widget delivers what an earlier one could not.
 *
 * Several tabs may hold the same queue. A Web Lock (`otklik-queue`) lets one flush at a time and
 * each item is re-read just before it is sent. A flush sends only what was waiting when it was
 * asked for: a response that failed while it waited for the lock (here or in another tab) keeps
 * its backoff. The counts shown are read on connect without the lock, so a page does not show
 * "nothing waiting" while another tab sends. A removed element finishes the POST in flight and
 * sends nothing more; the next element or page load takes over. Where Web Locks are missing a response may rarely
 * be POSTed twice; the collector stores a `responseId` once and answers the second with 200, so
 * this costs a request, never a duplicate row.
 *
 * Stores nothing but the responses themselves: no cookies, no localStorage, no device id.
 *
 * @fires otklik-queued - OtklikQueuedEvent: kept on the device, will be retried.
 * @fires otklik-sent - OtklikSentEvent: the collector has it.
 * @fires otklik-error - OtklikErrorEvent: refused (kept for inspection) or queue full (not kept).
 * @example
 * class MySurvey extends LitElement {
 *   private send = new SubmissionController(this, { endpoint: () => this.endpoint });
 *   async done(r: SurveyResponse) { const o = await this.send.submit(r); if (o.status === 'full') … }
 *   render() { return html`${this.send.waiting} waiting`; }
 * }
 */
export class SubmissionController implements ReactiveController {
  private _waiting = 0;
  private _refused = 0;
  private _timer: ReturnType<typeof setTimeout> | undefined;
  private _connected = false;
  /** No automatic retry before this (epoch ms): set when a retry just failed. */
  private _pause = 0;
  /** Drains run one after another within this controller (Web Locks order them across tabs). */
  private _chain: Promise<unknown> = Promise.resolve();
  private readonly _online = (): void => void this.flush();
  private readonly _q = stores.queue;
  private readonly _lock = stores.lock;
  private readonly _mem = stores.memory;
  private readonly _r = stores.rejected;

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement,
    private readonly config: SubmissionConfig,
  ) {
    host.addController(this);
  }

  /** Responses waiting in this device's queue (all tabs), as of the last change seen here. */
  get waiting(): number {
    return this._waiting;
  }

  /** Responses the collector refused on this device (kept for inspection), as of the last change. */
  get refused(): number {
    return this._refused;
  }

  hostConnected(): void {
    this._connected = true;
    addEventListener('online', this._online);
    if (!persistAsked && this.config.persist?.()) {
      persistAsked = true;
      void navigator.storage?.persist?.().catch(() => false);
    }
    // Counted now: the flush may wait long for the lock while another tab sends.
    void this._count();
    void this.flush();
  }

  hostDisconnected(): void {
    this._connected = false;
    removeEventListener('online', this._online);
    clearTimeout(this._timer);
  }

  /**
   * Sends one response now; if it cannot be delivered, queues it.
   * @example const o = await ctl.submit(response); if (o.status === 'queued') say(`${o.waiting} ждут отправки`);
   */
  async submit(response: SurveyResponse): Promise<SendOutcome> {
    const url = this.config.endpoint();
    if (!url) return { status: 'sent' };
    const a = await post(url, response, this._timeout());
    const out = await this._settle(url, response, a, undefined);
    await this._refresh();
    return out;
  }

  /**
   * Resends every waiting response now (except those whose server asked, by Retry-After, to
   * wait longer, and those that failed after this call). Stops at the first one that still
   * fails. Sends nothing while the element is not in the document.
   * @returns how many the collector accepted.
   * @example button.onclick = async () => say(`${await ctl.flush()} sent`);
   */
  flush(): Promise<number> {
    return this._drain(true);
  }

  /**
   * Resolves once no send of this controller is in flight (a retry already started finishes
   * even after the element is removed); for a page that must not leave mid-send.
   * @example el.remove(); await ctl.idle();
   */
  idle(): Promise<void> {
    return this._chain.then(() => undefined);
  }

  private _timeout(): number {
    return this.config.timeoutMs ?? 15_000;
  }

  private _drain(all: boolean): Promise<number> {
    const asked = Date.now();
    const run = async (): Promise<number> => {
      let sent = 0;
      const list = await this._list();
      this._setWaiting(list.length); // show "N waiting" now, not after sends that may take timeoutMs each
      list.sort((x, y) => x[1].queuedAt - y[1].queuedAt);
      for (const [id] of list) {
        if (!this._connected) break; // removed: the POST in flight finished, leave the rest
        // Re-read: another tab may have sent or rescheduled it since the list was taken.
        const item = this._mem.queued.get(id) ?? (await get<QueuedItem>(id, this._q));
        const now = Date.now();
        if (!item || (item.notBefore ?? 0) > now || (!all && item.next > now)) continue;
        // Failed since this drain was asked for (it waited for the lock): not again at once.
        // A clock set back puts triedAt in the future; such an item is sent, not held back.
        const tried = item.triedAt ?? 0;
        if (tried > asked && tried <= now) continue;
        const a = await post(item.url, item.response, this._timeout());
        const out = await this._settle(item.url, item.response, a, item);
        if (out.status === 'sent') sent++;
        if (a.kind === 'retry') break; // the network or collector is still unwell: leave the rest for later
      }
      return sent;
    };
    // lib.dom types request() as Promise<T> of the callback's own Promise; it resolves to the number.
    const locked = (): Promise<number> =>
      'locks' in navigator
        ? (navigator.locks.request(this._lock, run) as unknown as Promise<number>)
        : run();
    const p = this._chain
      .then(locked)
      .catch(() => 0)
      .then(async (n) => {
        await this._refresh();
        return n;
      });
    this._chain = p;
    return p;
  }

  /** Acts on one attempt: remember, move or forget the response, and tell the page. */
  private async _settle(
    url: string,
    response: SurveyResponse,
    a: Attempt,
    item: QueuedItem | undefined,
  ): Promise<SendOutcome> {
    const responseId = response.responseId;
    const host = this.host;
    if (a.kind === 'sent') {
      if (item) await this._forget(responseId);
      // No `receipt: undefined` key where the collector gave none (exactOptionalPropertyTypes).
      const receipt = a.receipt === undefined ? {} : { receipt: a.receipt };
      host.dispatchEvent(new OtklikSentEvent({ responseId, ...receipt, fromQueue: !!item }));
      return { status: 'sent', ...receipt };
    }
    if (a.kind === 'rejected') {
      // Kept before it leaves the queue: a crash in between leaves it in both, never in neither.
      const { httpStatus, message } = a;
      const said = message === undefined ? {} : { message };
      await set(
        responseId,
        { url, response, httpStatus, ...said, rejectedAt: Date.now() },
        this._r,
      ).catch(() => this._mem.refused.add(responseId));
      if (item) await this._forget(responseId);
      host.dispatchEvent(
        new OtklikErrorEvent({ responseId, reason: 'rejected', httpStatus, ...said }),
      );
      const { kind: _, ...refusal } = a;
      return { status: 'rejected', ...refusal };
    }
    const now = Date.now();
    const attempts = (item?.attempts ?? 0) + 1;
    const next: QueuedItem = {
      url,
      response,
      attempts,
      next: now + (a.afterMs ?? backoff(attempts)),
      reason: a.reason,
      queuedAt: item?.queuedAt ?? now,
      triedAt: now,
    };
    if (a.afterMs !== undefined) next.notBefore = now + a.afterMs;
    if (item) {
      // No other automatic retry before this one's, and never in the next BASE_MS: full jitter
      // may draw ~0, and the rest of the queue should not follow a failure at once.
      this._pause = Math.max(next.next, now + BASE_MS);
      if (this._mem.queued.has(responseId)) this._mem.queued.set(responseId, next);
      else await set(responseId, next, this._q);
      return { status: 'queued', waiting: this._waiting };
    }
    const max = this.config.maxQueue ?? 500;
    const waiting = await putBounded(this._q, responseId, next, max).catch(() => {
      // No IndexedDB here: keep it in this page's memory rather than lose it.
      this._mem.queued.set(responseId, next);
      return 0;
    });
    if (!waiting) {
      const n = (await this._list()).length;
      this._setWaiting(n);
      host.dispatchEvent(
        new OtklikQueuedEvent({ responseId, waiting: n, reason: a.reason, memoryOnly: true }),
      );
      return { status: 'queued', waiting: n, memoryOnly: true };
    }
    if (waiting < 0) {
      // Full: the response cannot be kept.
      host.dispatchEvent(
        new OtklikErrorEvent({ responseId, reason: 'full', waiting: this._waiting }),
      );
      return { status: 'full', waiting: this._waiting };
    }
    this._setWaiting(waiting);
    host.dispatchEvent(new OtklikQueuedEvent({ responseId, waiting, reason: a.reason }));
    return { status: 'queued', waiting };
  }

  /** Re-reads the counts shown (waiting, refused); reading needs no lock. */
  private async _count(): Promise<[string, QueuedItem][]> {
    const list = await this._list();
    this._setWaiting(list.length);
    const stored = await keys(this._r).then(
      (k) => k.length,
      () => 0,
    );
    const refused = stored + this._mem.refused.size;
    if (refused !== this._refused) {
      this._refused = refused;
      this.host.requestUpdate();
    }
    return list;
  }

  /** Re-reads the queue: the counts shown, and when the next automatic retry is due. */
  private async _refresh(): Promise<void> {
    const list = await this._count();
    clearTimeout(this._timer);
    if (!this._connected || !list.length) return;
    let due = Infinity;
    for (const [, it] of list) due = Math.min(due, Math.max(it.next, it.notBefore ?? 0));
    // setTimeout overflows past 2^31 ms; a far Retry-After is simply re-checked every CAP_MS.
    const delay = Math.min(CAP_MS, Math.max(0, due - Date.now(), this._pause - Date.now()));
    this._timer = setTimeout(() => void this._drain(false), delay);
  }

  /** Every waiting response: the stored queue (none when IndexedDB fails) and this page's memory. */
  private async _list(): Promise<[string, QueuedItem][]> {
    const stored = await entries<string, QueuedItem>(this._q).catch(
      () => [] as [string, QueuedItem][],
    );
    return [...stored, ...this._mem.queued];
  }

  private async _forget(id: string): Promise<void> {
    if (!this._mem.queued.delete(id)) await del(id, this._q);
  }

  private _setWaiting(n: number): void {
    if (n === this._waiting) return;
    this._waiting = n;
    this.host.requestUpdate();
  }
}
