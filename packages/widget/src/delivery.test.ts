// What the respondent and the staff are told about delivery: storage that is missing, refusals of
// queued responses on a kiosk. (The collector's refusal messages are in refusals.test.ts.)
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createStore, type UseStore } from 'idb-keyval';
import { stores } from './controllers/queue-store.js';
import type { FeedbackSurvey } from './feedback-survey.js';
import { single, surveyOf } from './test/fixtures.js';
import { $, $$, settle } from './test/harness.js';

const ENDPOINT = '/__collector/responses';
const collector = {
  reset: () => fetch('/__collector/reset', { method: 'POST' }),
  script: (answers: unknown[]) =>
    fetch('/__collector/script', { method: 'POST', body: JSON.stringify({ answers }) }),
  stored: async (): Promise<Record<string, unknown>> =>
    ((await (await fetch('/__collector/received')).json()) as { stored: Record<string, unknown> })
      .stored,
};

/** Stores of this test alone (other test pages flush the default ones). */
function freshStores(): void {
  const tag = crypto.randomUUID();
  stores.queue = createStore(`otklik-delivery-${tag}`, 'queue');
  stores.rejected = createStore(`otklik-delivery-rejected-${tag}`, 'rejected');
  stores.lock = `otklik-delivery-${tag}`;
  stores.memory = { queued: new Map(), refused: new Set() };
}

/** A store whose every use fails, as IndexedDB does when the browser blocks storage. */
const blocked: UseStore = () =>
  Promise.reject(
    new DOMException('The user denied permission to access the database.', 'UnknownError'),
  );

async function form(lang: 'ru' | 'en', mode = ''): Promise<FeedbackSurvey> {
  const el = await fixture<FeedbackSurvey>(
    html`<feedback-survey
      .definition=${surveyOf(single)}
      endpoint=${ENDPOINT}
      lang=${lang}
      mode=${mode}
      layout="page"
      thanks-seconds="0.2"
    ></feedback-survey>`,
  );
  await el.updateComplete;
  if (mode) {
    $<HTMLButtonElement>(el, '[part~=start-button]')!.click();
    await settle(el);
  }
  return el;
}

async function answerAndSend(el: FeedbackSurvey): Promise<void> {
  $$<HTMLInputElement>(el, 'input[type=radio]')[0]!.click();
  await settle(el);
  $<HTMLFormElement>(el, 'form')!.requestSubmit();
}

describe('storage faults', () => {
  beforeEach(async () => {
    freshStores();
    await collector.reset();
  });

  it('without IndexedDB says so (not «очередь переполнена») and keeps the response in memory', async () => {
    stores.queue = blocked;
    stores.rejected = blocked;
    await collector.script(['drop']);
    const el = await form('ru');
    let id = '';
    el.addEventListener('otklik-submit', (e) => (id = e.detail.response.responseId));
    await answerAndSend(el);
    await waitUntil(() => $(el, '[part=completion]'), 'completion shown', { timeout: 20000 });
    const text = $(el, '[part=completion]')!.textContent!;
    expect(text).not.to.contain('переполнена');
    expect(text).to.contain('пока эта страница открыта');
    // Sent by flush() or, on a slow machine, already by the backoff timer: either way from memory.
    await el.flush();
    expect(Object.keys(await collector.stored())).to.include(id);
    expect(await el.flush(), 'nothing left waiting').to.equal(0);
  });

  it('a kiosk shows staff that a queued response was later refused', async () => {
    await collector.script(['drop', 422]);
    const el = await form('ru', 'kiosk');
    await answerAndSend(el);
    await waitUntil(() => $(el, '[part=start]'), 'back to start', { timeout: 20000 });
    expect($(el, '[part=refused]'), 'refused count shown before any refusal').to.equal(null);
    await el.flush();
    await settle(el);
    expect($(el, '[part=refused]')?.textContent).to.contain('Сервер не принял 1 ответ');
    el.reset();
  });
});
