// The network comes and goes while people submit, and pages are reloaded with responses still
// queued: in real Chromium, against the real collector, one-page and kiosk layouts. Every submitted
// response must arrive exactly once. FLAP_VISITORS (default 6 per layout) sets the size;
// `pnpm test:reliability` runs 40.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium, type RunningCollector, startCollector } from './helpers.js';

const VISITORS = Number(process.env.FLAP_VISITORS ?? 6);
const SURVEY = 'flap-check';

const survey = {
  id: SURVEY,
  version: 1,
  title: { ru: 'Проверка связи', en: 'Connection check' },
  questions: [
    {
      id: 'q1',
      type: 'scale',
      title: { ru: 'Оцените обслуживание', en: 'Rate the service' },
      min: 1,
      max: 5,
      role: 'satisfaction',
      required: true,
    },
  ],
};

/** Deterministic choices, so a failing run can be replayed. */
function prng(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

async function stored(c: RunningCollector): Promise<string[]> {
  const r = await fetch(`${c.url}/v1/surveys/${SURVEY}/export.csv`, {
    headers: { authorization: `Bearer ${c.token}` },
  });
  assert.equal(r.status, 200);
  const lines = (await r.text()).trim().split(/\r?\n/).slice(1);
  return lines.filter(Boolean).map((l) => l.split(/[,;]/)[0]!.replace(/"/g, ''));
}

describe('offline/online flapping with reloads', () => {
  let collector: RunningCollector;
  let browser: Browser;

  before(async () => {
    collector = await startCollector();
    browser = await launchChromium();
    const r = await fetch(`${collector.url}/v1/surveys`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${collector.token}` },
      body: JSON.stringify(survey),
    });
    assert.ok(r.status === 200 || r.status === 201, await r.text());
  });
  after(async () => {
    await browser?.close();
    await collector?.stop();
  });

  for (const layout of ['page', 'kiosk'] as const) {
    it(`${layout}: ${VISITORS} visitors, the network flapping, reloads — each response stored once`, async () => {
      const rnd = prng(layout === 'page' ? 1 : 2);
      const before = (await stored(collector)).length;
      const context: BrowserContext = await browser.newContext();
      // The page itself is served by the test even when the context is offline, as a kiosk's
      // service worker or a cached page would be; the collector is reached over the network.
      const html = `<!doctype html><html lang="ru"><meta charset="utf-8"><title>t</title>
        <script type="module" src="${collector.url}/widget/feedback-survey.js"></script>
        <feedback-survey collector="${collector.url}" survey="${SURVEY}" channel="${layout === 'kiosk' ? 'kiosk' : 'site'}"
          ${layout === 'kiosk' ? 'mode="kiosk" thanks-seconds="1"' : ''}></feedback-survey></html>`;
      const pageUrl = `${collector.url}/flap-${layout}.html`;
      await context.route(pageUrl, (r) => r.fulfill({ body: html, contentType: 'text/html' }));
      await context.route(`${collector.url}/widget/**`, (r) => r.fallback());
      const page: Page = await context.newPage();
      const posts: string[] = [];
      page.on('request', (r) => {
        if (r.method() === 'POST') posts.push(r.url());
      });
      await page.goto(pageUrl);
      let submitted = 0;
      for (let v = 0; v < VISITORS; v++) {
        const survey = page.locator('feedback-survey');
        if (layout === 'kiosk') await survey.getByRole('button', { name: 'Начать' }).click();
        await survey
          .getByRole('radio', { name: new RegExp(`(^| )${1 + Math.floor(rnd() * 5)}( —|$)`) })
          .first()
          .check();
        const offline = rnd() < 0.6;
        if (offline) await context.setOffline(true);
        await survey.getByRole('button', { name: 'Отправить' }).click();
        submitted++;
        // Flap while the queue may be sending.
        await page.waitForTimeout(50 + rnd() * 300);
        await context.setOffline(rnd() < 0.5);
        await page.waitForTimeout(rnd() * 200);
        // Reload with the response possibly still queued (online: the page must load).
        await context.setOffline(false);
        if (rnd() < 0.5) await page.reload();
        else if (layout === 'page') await page.reload();
        else await survey.getByRole('button', { name: 'Начать' }).waitFor({ timeout: 10_000 });
      }
      // Online for good: everything queued drains.
      await context.setOffline(false);
      const deadline = Date.now() + 60_000;
      let ids = await stored(collector);
      while (ids.length - before < submitted && Date.now() < deadline) {
        await page.waitForTimeout(500);
        ids = await stored(collector);
      }
      const fresh = ids.length - before;
      assert.equal(fresh, submitted, `stored ${fresh} of ${submitted} (${posts.length} POSTs)`);
      assert.equal(new Set(ids).size, ids.length, 'no response stored twice');
      console.log(
        `${layout}: ${submitted} submitted through flapping and reloads, ${posts.length} POSTs, ${fresh} stored`,
      );
      await context.close();
    });
  }
});
