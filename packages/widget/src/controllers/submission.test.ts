import { aTimeout, expect, waitUntil } from '@open-wc/testing';
import type { SurveyResponse } from '@otklik/core/engine';
import { createStore, entries, get, keys, set } from 'idb-keyval';
import { LitElement, html } from 'lit';
import type {
  OtklikErrorEvent,
  OtklikQueuedEvent,
  OtklikSentEvent,
} from '../events/delivery-events.js';
import { stores, type QueuedItem, type RejectedItem } from './queue-store.js';
import { SubmissionController, type SubmissionConfig } from './submission.js';

/** The smallest host a controller needs; it counts its renders to prove requestUpdate is called. */
class CtlHost extends LitElement {
  renders = 0;
  override render() {
    this.renders++;
    return html`<slot></slot>`;
  }
}
customElements.define('otklik-submission-host', CtlHost);

const ENDPOINT = '/__collector/responses';
const CLOSED = 'http://127.0.0.1:9/responses'; // discard port: nothing listens, the connection is refused

interface Received {
  posts: {
    body: SurveyResponse;
    headers: Record<string, string | undefined>;
    answer: number | 'drop';
  }[];
  stored: Record<string, SurveyResponse>;
}
const collector = {
  reset: () => fetch('/__collector/reset', { method: 'POST' }),
  script: (answers: unknown[]) =>
    fetch('/__collector/script', { method: 'POST', body: JSON.stringify({ answers }) }),
  received: async (): Promise<Received> =>
    (await (await fetch('/__collector/received')).json()) as Received,
};

function response(over: Partial<SurveyResponse> = {}): SurveyResponse {
  return {
    responseId: crypto.randomUUID(),
    surveyId: 'kiosk-pulse',
    surveyVersion: 3,
    lang: 'ru',
    answers: { q1: 5, q2: ['a', 'c'], q3: 'Очередь — 40 минут' },
    specify: { q2: { c: 'другое' } },
    context: { channel: 'kiosk', touchpoint: 'МФЦ Белгород, окно 3', respondent: 'external' },
    answeredAt: '2026-11-20T10:15:00.000Z',
    ...over,
  };
}

type Ev = OtklikQueuedEvent | OtklikSentEvent | OtklikErrorEvent;
const hosts: CtlHost[] = [];
const ctls: SubmissionController[] = [];

/** A fresh host + controller, like a page load; `events` records every delivery event from connect on. */
function mount(config: Partial<SubmissionConfig> = {}) {
  const el = document.createElement('otklik-submission-host') as CtlHost;
  const events: Ev[] = [];
  for (const t of ['otklik-queued', 'otklik-sent', 'otklik-error'] as const)
    el.addEventListener(t, (e) => events.push(e));
  const ctl = new SubmissionController(el, { endpoint: () => ENDPOINT, ...config });
  document.body.append(el);
  hosts.push(el);
  ctls.push(ctl);
  return { el, ctl, events };
}

const queued = () => entries<string, QueuedItem>(stores.queue);

/** Another tab in the middle of sending the queue: holds its Web Lock until `release()`. */
async function otherTabSending(): Promise<() => void> {
  let release!: () => void;
  const held = new Promise<void>((r) => (release = r));
  await new Promise<void>((granted) => {
    void navigator.locks.request(stores.lock, () => {
      granted();
      return held;
    });
  });
  return release;
}

describe('SubmissionController', () => {
  beforeEach(async () => {
    // This page's own databases: other test pages on the same origin run elements that flush
    // the default queue, and must not take this file's responses.
    const tag = crypto.randomUUID();
    stores.queue = createStore(`otklik-test-${tag}`, 'queue');
    stores.rejected = createStore(`otklik-test-rejected-${tag}`, 'rejected');
    // …and its own Web Lock: an element of another page may hold the default one mid-send.
    stores.lock = `otklik-test-${tag}`;
    stores.memory = { queued: new Map(), refused: new Set() };
    await collector.reset();
  });
  afterEach(async () => {
    for (const h of hosts.splice(0)) h.remove();
    // A retry a test's element started must not post into the next test's scripted answers.
    await Promise.all(ctls.splice(0).map((c) => c.idle()));
  });

  it('sends JSON without cookies and reports the receipt on 201', async () => {
    // Control: a default same-origin request carries the page's cookie, so its absence below means something.
    document.cookie = 'otklik_probe=1; path=/';
    await fetch(ENDPOINT, { method: 'POST', body: '{}' });
    expect((await collector.received()).posts[0]!.headers['cookie']).to.contain('otklik_probe=1');
    await collector.reset();

    const { el, ctl, events } = mount();
    const r = response();
    const outcome = await ctl.submit(r);
    document.cookie = 'otklik_probe=; path=/; max-age=0';

    expect(outcome).to.deep.equal({
      status: 'sent',
      receipt: r.responseId.slice(0, 8).toUpperCase(),
    });
    const got = await collector.received();
    expect(got.posts).to.have.length(1);
    const { body, headers } = got.posts[0]!;
    expect(headers['cookie']).to.equal(undefined);
    expect(headers['content-type']).to.equal('application/json');
    expect(body.responseId).to.equal(r.responseId);
    expect(body.surveyId).to.equal('kiosk-pulse');
    expect(body.surveyVersion).to.equal(3);
    expect(body.lang).to.equal('ru');
    expect(body.answers).to.deep.equal({ q1: 5, q2: ['a', 'c'], q3: 'Очередь — 40 минут' });
    expect(body.specify).to.deep.equal({ q2: { c: 'другое' } });
    expect(body.context).to.deep.equal({
      channel: 'kiosk',
      touchpoint: 'МФЦ Белгород, окно 3',
      respondent: 'external',
    });
    expect(body.answeredAt).to.equal('2026-11-20T10:15:00.000Z');
    expect(Object.keys(body).sort()).to.deep.equal(Object.keys(r).sort());
    expect(events.map((e) => [e.type, e.detail])).to.deep.equal([
      [
        'otklik-sent',
        {
          responseId: r.responseId,
          receipt: r.responseId.slice(0, 8).toUpperCase(),
          fromQueue: false,
        },
      ],
    ]);
    expect(events[0]!.bubbles && events[0]!.composed).to.equal(true);
    expect(ctl.waiting).to.equal(0);
    expect(el.renders).to.be.greaterThan(0);
  });

  it('queues in IndexedDB when the network fails (connection refused)', async () => {
    const { ctl, events } = mount({ endpoint: () => CLOSED });
    const r = response();
    const before = Date.now();
    const outcome = await ctl.submit(r);
    expect(outcome).to.deep.equal({ status: 'queued', waiting: 1 });
    const item = await get<QueuedItem>(r.responseId, stores.queue);
    expect(item?.response).to.deep.equal(r);
    expect(item?.url).to.equal(CLOSED);
    expect(item?.reason).to.equal('network');
    // Attempt n waits 2 s at least and at most its full-jitter window of 2 s · 2ⁿ; on a slow
    // machine the retry timer may already have made a second attempt before this read.
    expect(item!.next).to.be.within(before + 2000, Date.now() + 2000 * 2 ** item!.attempts);
    expect(ctl.waiting).to.equal(1);
    expect(events.map((e) => [e.type, e.detail])).to.deep.equal([
      ['otklik-queued', { responseId: r.responseId, waiting: 1, reason: 'network' }],
    ]);
  });

  it('queues on timeout', async () => {
    await collector.script([{ delay: 1500, status: 201 }]);
    const { ctl, events } = mount({ timeoutMs: 200 });
    const outcome = await ctl.submit(response());
    expect(outcome).to.deep.equal({ status: 'queued', waiting: 1 });
    expect((events[0] as OtklikQueuedEvent).detail.reason).to.equal('timeout');
  });

  it('a later page load (new host) finds the queue and delivers it once, with the same UUID', async () => {
    await collector.script(['drop']); // the connection dies mid-request
    const first = mount();
    const r = response();
    expect(await first.ctl.submit(r)).to.deep.equal({ status: 'queued', waiting: 1 });
    first.el.remove(); // the page goes away

    const second = mount(); // connect → flush
    await waitUntil(
      () => second.events.some((e) => e.type === 'otklik-sent'),
      'queued response not sent on connect',
      { timeout: 10000 },
    );
    expect(second.events.map((e) => [e.type, e.detail])).to.deep.equal([
      [
        'otklik-sent',
        {
          responseId: r.responseId,
          receipt: r.responseId.slice(0, 8).toUpperCase(),
          fromQueue: true,
        },
      ],
    ]);
    await waitUntil(() => second.ctl.waiting === 0, 'waiting not updated', { timeout: 10000 });
    expect(await keys(stores.queue)).to.deep.equal([]);
    const got = await collector.received();
    expect(got.posts.map((p) => [p.body.responseId, p.answer])).to.deep.equal([
      [r.responseId, 'drop'],
      [r.responseId, 201],
    ]);
    expect(got.posts[1]!.body).to.deep.equal(r); // the same body, resent
    expect(Object.keys(got.stored)).to.deep.equal([r.responseId]);
  });

  it('retries 503 and then 429 until 201; the collector has it once', async () => {
    await collector.script([503, 429, 201]);
    const { ctl, events } = mount();
    const r = response();
    expect(await ctl.submit(r)).to.deep.equal({ status: 'queued', waiting: 1 });
    expect(await ctl.flush()).to.equal(0); // 429
    expect((await get<QueuedItem>(r.responseId, stores.queue))?.attempts).to.equal(2);
    expect(await ctl.flush()).to.equal(1); // 201
    expect(ctl.waiting).to.equal(0);
    expect(events.map((e) => e.type)).to.deep.equal(['otklik-queued', 'otklik-sent']);
    expect((events[0] as OtklikQueuedEvent).detail.reason).to.equal(503);
    const got = await collector.received();
    expect(got.posts.map((p) => p.answer)).to.deep.equal([503, 429, 201]);
    expect(new Set(got.posts.map((p) => JSON.stringify(p.body))).size).to.equal(1);
    expect(Object.keys(got.stored)).to.deep.equal([r.responseId]);
  });

  it('honours Retry-After: flush waits, the timer retries when it has passed', async () => {
    await collector.script([{ status: 429, headers: { 'retry-after': '1' } }]);
    const { ctl, events } = mount();
    const r = response();
    await ctl.submit(r);
    const item = await get<QueuedItem>(r.responseId, stores.queue);
    expect(item!.notBefore! - Date.now()).to.be.within(500, 1000);
    expect(await ctl.flush()).to.equal(0); // too early: not even attempted
    expect((await collector.received()).posts).to.have.length(1);
    await waitUntil(
      () => events.some((e) => e.type === 'otklik-sent'),
      'not retried after Retry-After',
      { timeout: 4000 },
    );
    expect((await collector.received()).posts.map((p) => p.answer)).to.deep.equal([429, 201]);
  });

  it('a resend of a response the collector already has counts as sent (200 duplicate)', async () => {
    const r = response();
    await fetch(ENDPOINT, { method: 'POST', body: JSON.stringify(r) }); // arrived, but the answer was lost
    const { ctl } = mount();
    expect(await ctl.submit(r)).to.deep.equal({
      status: 'sent',
      receipt: r.responseId.slice(0, 8).toUpperCase(),
    });
    expect((await collector.received()).posts.map((p) => p.answer)).to.deep.equal([201, 200]);
  });

  it('422 is rejected: kept in the rejected store, error event, never retried', async () => {
    await collector.script([
      { status: 422, body: { error: 'invalid_response', message: 'q1: нет такого варианта' } },
    ]);
    const { ctl, events } = mount();
    const r = response();
    const outcome = await ctl.submit(r);
    expect(outcome).to.deep.equal({
      status: 'rejected',
      httpStatus: 422,
      code: 'invalid_response',
      message: 'q1: нет такого варианта',
    });
    const kept = await get<RejectedItem>(r.responseId, stores.rejected);
    expect(kept?.response).to.deep.equal(r);
    expect(kept?.httpStatus).to.equal(422);
    expect(await keys(stores.queue)).to.deep.equal([]);
    expect(events.map((e) => [e.type, e.detail])).to.deep.equal([
      [
        'otklik-error',
        {
          responseId: r.responseId,
          reason: 'rejected',
          httpStatus: 422,
          message: 'q1: нет такого варианта',
        },
      ],
    ]);
    expect(await ctl.flush()).to.equal(0);
    expect((await collector.received()).posts).to.have.length(1);
  });

  it('409 (same UUID, other body) is rejected, not retried', async () => {
    const r = response();
    await fetch(ENDPOINT, { method: 'POST', body: JSON.stringify({ ...r, answers: { q1: 1 } }) });
    const { ctl } = mount();
    expect((await ctl.submit(r)).status).to.equal('rejected');
    expect((await get<RejectedItem>(r.responseId, stores.rejected))?.httpStatus).to.equal(409);
  });

  it('a queued response the collector later refuses moves to the rejected store', async () => {
    await collector.script([503, 400]);
    const { ctl, events } = mount();
    const r = response();
    await ctl.submit(r);
    expect(await ctl.flush()).to.equal(0);
    expect(await keys(stores.queue)).to.deep.equal([]);
    expect((await get<RejectedItem>(r.responseId, stores.rejected))?.httpStatus).to.equal(400);
    expect(events.map((e) => e.type)).to.deep.equal(['otklik-queued', 'otklik-error']);
    expect(ctl.waiting).to.equal(0);
  });

  it('a full queue keeps nothing more and says so', async () => {
    await collector.script([503, 503, 503]);
    const { ctl, events } = mount({ maxQueue: 2 });
    expect(await ctl.submit(response())).to.deep.equal({ status: 'queued', waiting: 1 });
    expect(await ctl.submit(response())).to.deep.equal({ status: 'queued', waiting: 2 });
    const third = response();
    expect(await ctl.submit(third)).to.deep.equal({ status: 'full', waiting: 2 });
    expect(await keys(stores.queue)).to.have.length(2);
    expect(await get(third.responseId, stores.queue)).to.equal(undefined);
    expect(events.at(-1)!.type).to.equal('otklik-error');
    expect(events.at(-1)!.detail).to.deep.equal({
      responseId: third.responseId,
      reason: 'full',
      waiting: 2,
    });
  });

  it('queueing the same responseId twice keeps one entry, even when the queue is full', async () => {
    await collector.script([503, 503]);
    const { ctl } = mount({ maxQueue: 1 });
    const r = response();
    expect(await ctl.submit(r)).to.deep.equal({ status: 'queued', waiting: 1 });
    expect(await ctl.submit(r)).to.deep.equal({ status: 'queued', waiting: 1 });
    expect(await keys(stores.queue)).to.deep.equal([r.responseId]);
  });

  it('waiting is read on connect, and the online event flushes', async () => {
    await collector.script(['drop', 'drop', 'drop']);
    const a = mount();
    await a.ctl.submit(response());
    await a.ctl.submit(response());
    a.el.remove();
    const b = mount(); // its connect flush meets two more drops, so both stay queued
    await waitUntil(() => b.ctl.waiting === 2, `waiting is ${b.ctl.waiting}`, { timeout: 10000 });
    await waitUntil(
      async () => (await collector.received()).posts.length === 3,
      'no connect flush',
      { timeout: 10000 },
    );
    await aTimeout(100);
    expect((await collector.received()).posts).to.have.length(3); // it stopped at the first failure
    expect(b.ctl.waiting).to.equal(2);
    window.dispatchEvent(new Event('online'));
    await waitUntil(() => b.ctl.waiting === 0, `still ${b.ctl.waiting} waiting after online`, {
      timeout: 5000,
    });
    expect(b.events.filter((e) => e.type === 'otklik-sent')).to.have.length(2);
    expect((await collector.received()).posts.map((p) => p.answer)).to.deep.equal([
      'drop',
      'drop',
      'drop',
      201,
      201,
    ]);
  });

  it('a reloaded kiosk shows what is waiting and what was refused at once, while another tab sends', async () => {
    await collector.script(['drop', 'drop']);
    const a = mount();
    await a.ctl.submit(response());
    await a.ctl.submit(response());
    a.el.remove();
    await a.ctl.idle();
    const refused: RejectedItem = {
      url: ENDPOINT,
      response: response(),
      httpStatus: 422,
      rejectedAt: Date.now(),
    };
    await set(refused.response.responseId, refused, stores.rejected);
    const release = await otherTabSending(); // e.g. a second window of the same site, mid-send
    const b = mount();
    try {
      await waitUntil(
        () => b.ctl.waiting === 2 && b.ctl.refused === 1,
        `${b.ctl.waiting} waiting, ${b.ctl.refused} refused shown while another tab sends`,
        { timeout: 5000 },
      );
      expect((await collector.received()).posts).to.have.length(2); // b waits for the lock to send
    } finally {
      release();
    }
    await waitUntil(() => b.ctl.waiting === 0, `still ${b.ctl.waiting} waiting`, {
      timeout: 10000,
    });
    expect((await collector.received()).posts.map((p) => p.answer)).to.deep.equal([
      'drop',
      'drop',
      201,
      201,
    ]);
  });

  it('a send that waited for the lock does not resend at once a response that failed meanwhile', async () => {
    await collector.script(['drop']);
    const release = await otherTabSending();
    const { ctl } = mount(); // its connect flush waits for the lock
    const r = response();
    expect(await ctl.submit(r)).to.deep.equal({ status: 'queued', waiting: 1 });
    release();
    await ctl.idle();
    // Only the failed attempt: the next one is its backoff timer's (≥ 2 s), not an instant repeat.
    expect((await collector.received()).posts.map((p) => p.answer)).to.deep.equal(['drop']);
    expect(ctl.waiting).to.equal(1);
    expect((await get<QueuedItem>(r.responseId, stores.queue))?.attempts).to.equal(1);
  });

  it('a removed widget finishes the POST in flight and sends nothing more; the next one does', async () => {
    await collector.script(['drop', 'drop']);
    const a = mount();
    const [r1, r2] = [response(), response()];
    await a.ctl.submit(r1);
    await a.ctl.submit(r2);
    a.el.remove();
    await a.ctl.idle();
    await collector.script([{ delay: 400, status: 201 }]);
    const b = mount(); // its connect flush starts on r1, slowly
    await waitUntil(async () => (await collector.received()).posts.length === 3, 'no resend', {
      timeout: 5000,
    });
    b.el.remove(); // mid-POST
    await b.ctl.idle();
    expect(b.events.map((e) => e.type)).to.deep.equal(['otklik-sent']);
    expect((await collector.received()).posts).to.have.length(3); // r2 was left for the next widget
    expect(await keys(stores.queue)).to.deep.equal([r2.responseId]);
    const c = mount();
    await waitUntil(() => c.events.some((e) => e.type === 'otklik-sent'), 'r2 not sent', {
      timeout: 5000,
    });
    expect(Object.keys((await collector.received()).stored).sort()).to.deep.equal(
      [r1.responseId, r2.responseId].sort(),
    );
  });

  it('writes no cookie, localStorage or sessionStorage', async () => {
    localStorage.clear();
    sessionStorage.clear();
    await collector.script(['drop', 422]);
    const { ctl } = mount({ persist: () => true });
    await ctl.submit(response());
    await ctl.submit(response());
    await ctl.submit(response());
    expect(document.cookie).to.equal('');
    expect(localStorage.length).to.equal(0);
    expect(sessionStorage.length).to.equal(0);
  });

  it('with no endpoint sends nothing (a preview) and queues nothing', async () => {
    const { ctl, events } = mount({ endpoint: () => undefined });
    expect(await ctl.submit(response())).to.deep.equal({ status: 'sent' });
    expect(events).to.deep.equal([]);
    expect(await queued()).to.deep.equal([]);
    expect((await collector.received()).posts).to.deep.equal([]);
  });
});
