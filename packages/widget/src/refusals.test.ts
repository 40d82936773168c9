// The collector's refusals are told in the page's language, never half in English.
import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import { createStore } from 'idb-keyval';
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

const refusal = {
  status: 422,
  body: {
    error: 'invalid_response',
    message: { ru: 'Ответ не прошёл проверку', en: 'The response failed the checks' },
    issues: [
      {
        path: ['answers', 'q1'],
        code: 'invalid_option',
        message: { ru: 'q1: нет такого варианта', en: 'q1: no such option' },
      },
    ],
  },
};

describe('collector refusals in the page language', () => {
  beforeEach(async () => {
    freshStores();
    await collector.reset();
  });

  it('shows the issue messages of a 422 in Russian on a Russian page, in English on an English one', async () => {
    await collector.script([refusal]);
    const ru = await form('ru');
    await answerAndSend(ru);
    await waitUntil(() => $(ru, 'form > .error'), 'refusal shown');
    const ruText = $(ru, 'form > .error')!.textContent!;
    expect(ruText).to.contain('нет такого варианта');
    expect(ruText).not.to.match(/[A-Za-z]{3,}/);
    await collector.script([refusal]);
    const en = await form('en');
    await answerAndSend(en);
    await waitUntil(() => $(en, 'form > .error'), 'refusal shown');
    expect($(en, 'form > .error')!.textContent).to.contain('no such option');
  });

  it('a body with only a code (or an English message) is told in the widget’s own words', async () => {
    await collector.script([
      {
        status: 409,
        body: { error: 'conflict', message: 'This responseId is stored with another body.' },
      },
    ]);
    const ru = await form('ru');
    await answerAndSend(ru);
    await waitUntil(() => $(ru, 'form > .error'), 'refusal shown');
    const text = $(ru, 'form > .error')!.textContent!;
    expect(text).not.to.match(/[A-Za-z]{3,}/);
    expect(text).to.contain('уже');
  });
});
