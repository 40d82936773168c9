// `pnpm bench:queue`: a kiosk that was offline for weeks comes back. Its IndexedDB queue holds
// QUEUE_N responses (default 10,000), written in the queue's own format; the page with the widget
// is opened against the real collector and drains it. Prints the seconds to drain, the rate, and
// checks that exactly QUEUE_N responses are stored, each once. Real Chromium, real collector (PGlite).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { launchChromium, startCollector } from '../e2e/helpers.js';

const N = Number(process.env.QUEUE_N ?? 10_000);
const SURVEY = 'queue-flush';
const survey = {
  id: SURVEY,
  version: 1,
  title: { ru: 'Очередь', en: 'Queue' },
  questions: [
    {
      id: 'q1',
      type: 'scale',
      title: { ru: 'Оцените', en: 'Rate' },
      min: 1,
      max: 5,
      role: 'satisfaction',
      required: true,
    },
  ],
};

async function storedCount(url: string, token: string): Promise<number> {
  const r = await fetch(`${url}/v1/surveys/${SURVEY}/report`, {
    headers: { authorization: `Bearer ${token}` },
  });
  return ((await r.json()) as { total: { responses: number } }).total.responses;
}

// The per-address ingest limit (default 5/s) would pace one kiosk's backlog at 5/s; this measures
// the widget and the collector, so it is off here (docs/benchmarks.md says what the limit costs).
const collector = await startCollector({ RATE_LIMIT: 'off' });
const browser = await launchChromium();
try {
  const pub = await fetch(`${collector.url}/v1/surveys`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${collector.token}` },
    body: JSON.stringify(survey),
  });
  assert.ok(pub.ok, await pub.text());
  const endpoint = `${collector.url}/v1/surveys/${SURVEY}/responses`;
  const context = await browser.newContext();
  const blank = `${collector.url}/queue-bench-blank.html`;
  const page = `${collector.url}/queue-bench.html`;
  await context.route(blank, (r) =>
    r.fulfill({ contentType: 'text/html', body: '<!doctype html><title>b</title>' }),
  );
  await context.route(page, (r) =>
    r.fulfill({
      contentType: 'text/html',
      body: `<!doctype html><html lang="ru"><meta charset="utf-8"><title>q</title>
        <script type="module" src="${collector.url}/widget/feedback-survey.js"></script>
        <feedback-survey collector="${collector.url}" survey="${SURVEY}" mode="kiosk"></feedback-survey></html>`,
    }),
  );
  const tab = await context.newPage();
  await tab.goto(blank);
  // Fill the queue as the widget would have, in its own database and store (idb-keyval's layout).
  const items = Array.from({ length: N }, (_, i) => ({
    id: randomUUID(),
    at: new Date(Date.UTC(2026, 9, 1) + i * 60_000).toISOString(),
  }));
  await tab.evaluate(
    async ({ items, endpoint, survey }) => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const r = indexedDB.open('otklik');
        r.onupgradeneeded = () => r.result.createObjectStore('queue');
        r.onsuccess = () => ok(r.result);
        r.onerror = () => fail(r.error);
      });
      const tx = db.transaction('queue', 'readwrite');
      const s = tx.objectStore('queue');
      items.forEach(({ id, at }, i) =>
        s.put(
          {
            url: endpoint,
            response: {
              responseId: id,
              surveyId: survey,
              surveyVersion: 1,
              lang: 'ru',
              answeredAt: at,
              answers: { q1: 1 + (i % 5) },
              context: { channel: 'kiosk' },
            },
            attempts: 1,
            next: 0,
            reason: 'offline',
            queuedAt: Date.parse(at),
          },
          id,
        ),
      );
      await new Promise((ok, fail) => {
        tx.oncomplete = ok;
        tx.onerror = () => fail(tx.error);
      });
      db.close();
    },
    { items, endpoint, survey: SURVEY },
  );

  const t0 = performance.now();
  await tab.goto(page);
  let stored = 0;
  const deadline = Date.now() + 15 * 60_000;
  while (stored < N && Date.now() < deadline) {
    await new Promise((r) => setTimeout(r, 500));
    stored = await storedCount(collector.url, collector.token);
  }
  const seconds = (performance.now() - t0) / 1000;
  const left = await tab.evaluate(
    () =>
      new Promise<number>((ok) => {
        const r = indexedDB.open('otklik');
        r.onsuccess = () => {
          const c = r.result.transaction('queue').objectStore('queue').count();
          c.onsuccess = () => ok(c.result);
        };
      }),
  );
  console.log(
    `Offline queue of ${N.toLocaleString('ru-RU')} drained in ${seconds.toFixed(1)} s ` +
      `(${(N / seconds).toFixed(0)}/s): ${stored} stored, ${left} left on the device`,
  );
  assert.equal(stored, N, 'every queued response stored exactly once');
  assert.equal(left, 0, 'nothing left waiting');
} finally {
  await browser.close();
  await collector.stop();
}
