/** Why a response went to the device's queue instead of the collector: no network, no answer in time, or this HTTP status. */
export type QueueReason = 'network' | 'timeout' | number;

export interface QueuedDetail {
  responseId: string;
  /** Responses now waiting on this device (this one included). */
  waiting: number;
  reason: QueueReason;
  /** The device's storage is unavailable: kept in this page's memory, lost when it closes. */
  memoryOnly?: true;
}

export interface SentDetail {
  responseId: string;
  /** The collector's short code for the response, when it gives one. */
  receipt?: string;
  /** True when the response had been waiting in the device's queue. */
  fromQueue: boolean;
}

/**
 * `rejected`: the collector refused the response (a 4xx other than 408/425/429); it is kept on the
 * device for inspection, never resent. `full`: the queue was full (or storage unavailable), so the
 * response could not be kept at all.
 */
export type ErrorDetail =
  | { responseId: string; reason: 'rejected'; httpStatus: number; message?: string }
  | { responseId: string; reason: 'full'; waiting: number };

const init = { bubbles: true, composed: true } as const;

/**
 * A response is stored on the device and will be retried.
 * @example el.addEventListener('otklik-queued', (e) => console.log(`${e.detail.waiting} waiting`));
 */
export class OtklikQueuedEvent extends CustomEvent<QueuedDetail> {
  constructor(detail: QueuedDetail) {
    super('otklik-queued', { ...init, detail });
  }
}

/**
 * The collector accepted a response (first time, or a duplicate of the same body).
 * @example el.addEventListener('otklik-sent', (e) => console.log(e.detail.receipt, e.detail.fromQueue));
 */
export class OtklikSentEvent extends CustomEvent<SentDetail> {
  constructor(detail: SentDetail) {
    super('otklik-sent', { ...init, detail });
  }
}

/**
 * A response was refused by the collector, or could not be queued.
 * @example el.addEventListener('otklik-error', (e) => e.detail.reason === 'full' && alert('Очередь заполнена'));
 */
export class OtklikErrorEvent extends CustomEvent<ErrorDetail> {
  constructor(detail: ErrorDetail) {
    super('otklik-error', { ...init, detail });
  }
}

declare global {
  interface HTMLElementEventMap {
    'otklik-queued': OtklikQueuedEvent;
    'otklik-sent': OtklikSentEvent;
    'otklik-error': OtklikErrorEvent;
  }
}
