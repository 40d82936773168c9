// The whole loop as a visitor and an analyst meet it: the collector started by its CLI, the demo
// page in real Chromium, the survey answered with the keyboard and mouse, the response stored
// once, and the report counting it.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import { launchChromium, type RunningCollector, startCollector } from './helpers.js';

interface Report {
  total: {
    responses: number;
    channels: Record<string, { count: number }>;
    questions: { id: string; distribution?: Record<string, number> }[];
  };
  groups: { key: string; report: { responses: number } }[];
}

async function report(c: RunningCollector, id: string, query = ''): Promise<Report> {
  const r = await fetch(`${c.url}/v1/surveys/${id}/report${query}`, {
    headers: { authorization: `Bearer ${c.token}` },
  });
  assert.equal(r.status, 200, await r.clone().text());
  return (await r.json()) as Report;
}

/** The radio group (fieldset) of one question, found by the start of its title. */
const group = (page: Page, title: RegExp) => page.getByRole('group', { name: title }).first();

describe('demo page → collector → report', () => {
  let collector: RunningCollector;
  let browser: Browser;

  before(async () => {
    collector = await startCollector();
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await collector?.stop();
  });

  it('a visitor answers belgorod-typical on the demo page and the report counts it', async () => {
    const page = await browser.newPage();
    const posts: string[] = [];
    page.on('request', (r) => {
      if (r.method() === 'POST') posts.push(r.postData() ?? '');
    });
    await page.goto(`${collector.url}/`);

    await group(page, /взаимодействием с государством/)
      .getByRole('radio', { name: 'Скорее удовлетворен', exact: true })
      .check();
    // Q2 is a searchable catalogue list: type to narrow it, then pick with the keyboard alone.
    const services = group(page, /наименование государственной услуги/);
    await services.getByRole('searchbox').fill('пример');
    await services.getByRole('searchbox').press('Tab');
    await page.keyboard.press('Space');
    await group(page, /^Насколько Вы удовлетворены государственной услугой/)
      .getByRole('radio', { name: / 4( —|$)/ })
      .check();
    // Q8: a refusal makes Q9 appear (skip logic from core, in the page).
    const q9 = /При отказе в предоставлении услуги/;
    assert.equal(await group(page, q9).count(), 0, 'Q9 hidden before a refusal');
    await group(page, /сразу или был отказ/)
      .getByRole('radio', { name: /был отказ/ })
      .check();
    await group(page, q9).getByRole('radio', { name: 'Да', exact: true }).check();

    await page.getByRole('button', { name: 'Отправить' }).click();
    await page.getByText(/Код ответа: [0-9A-Z]{8}/).waitFor({ timeout: 15_000 });

    assert.equal(posts.length, 1, 'one POST');
    const sent = JSON.parse(posts[0]!) as {
      answers: Record<string, unknown>;
      context: { channel: string; object?: string };
      surveyId: string;
    };
    assert.equal(sent.surveyId, 'belgorod-typical');
    assert.equal(sent.context.channel, 'site');
    assert.equal(sent.answers.q3, 4);
    assert.equal(sent.answers.q9, 'yes');
    assert.equal(typeof sent.answers.q2, 'string', 'one service chosen');
    assert.equal(sent.context.object, sent.answers.q2, 'the service chosen is the object');
    assert.deepEqual(await page.context().cookies(), [], 'no cookies set');

    const r = await report(collector, 'belgorod-typical');
    assert.equal(r.total.responses, 1);
    assert.equal(r.total.channels.site?.count, 1);
    const q3 = r.total.questions.find((q) => q.id === 'q3');
    assert.deepEqual(q3?.distribution, { '4': 1 });
    await page.close();
  });

  it('the hosted page takes its context from the link and the report groups by channel', async () => {
    const page = await browser.newPage();
    await page.goto(`${collector.url}/s/kiosk-pulse?channel=email&object=example-passport`);
    await group(page, /удовлетвор/)
      .getByRole('radio', { name: / 5( —|$)/ })
      .check();
    await page.getByRole('button', { name: 'Отправить' }).click();
    await page.getByText(/Код ответа: [0-9A-Z]{8}/).waitFor({ timeout: 15_000 });
    const r = await report(collector, 'kiosk-pulse', '?groupBy=channel');
    assert.equal(r.total.responses, 1);
    assert.equal(r.groups.find((g) => g.key === 'email')?.report.responses, 1);
    await page.close();
  });
});
