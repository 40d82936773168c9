// Render timings of the built IIFE in headless Chromium, the figures docs FIELD.md compares
// against (SurveyJS 2.5.38: 541 ms / 1,759 ms first question; 1,051 / 4,187 ms for 250 questions;
// 78 / 294 ms from clicking the refusal in Q8 to Q9 in the DOM). Median of 15 runs, at 1× and 4×
// CPU throttling. Run `pnpm --filter @otklik/widget build` first, then `pnpm --filter @otklik/widget bench`.
/* global performance -- used inside page.evaluate, where it is the page's */
import { belgorodTypical } from '@otklik/core/templates';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';

const RUNS = 15;
const iife = await readFile(new URL('../dist/feedback-survey.iife.js', import.meta.url));

/** belgorod-typical ten times over (250 questions), ids and references renamed per copy. */
function big(times = 10) {
  const json = JSON.stringify(belgorodTypical.questions);
  const questions = [];
  for (let k = 0; k < times; k++) {
    // Question ids are `q<number>`: rename every quoted one (ids, showIf questions, goTo targets).
    questions.push(...JSON.parse(json.replace(/"(q\d+)"/g, `"$1_${k}"`)));
  }
  return { ...belgorodTypical, id: 'belgorod-250', questions };
}

const page = (survey) => `<!doctype html><html lang="ru"><body>
<script>window.t0 = performance.now();</script>
<script src="/w.js"></script>
<feedback-survey><script type="application/json">${JSON.stringify(survey).replace(/</g, '\\u003c')}</script></feedback-survey>
<script>
  document.addEventListener('DOMContentLoaded', async () => {
    const el = document.querySelector('feedback-survey');
    await el.updateComplete;
    if (!el.shadowRoot.querySelector('[part=question]')) throw new Error('no question');
    await new Promise((r) => requestAnimationFrame(() => r()));
    window.firstQuestion = performance.now() - window.t0;
  });
</script></body></html>`;

const pages = { '/small': page(belgorodTypical), '/big': page(big()) };
const server = createServer((req, res) => {
  if (req.url === '/w.js')
    return res.writeHead(200, { 'content-type': 'text/javascript' }).end(iife);
  const body = pages[req.url ?? ''];
  res.writeHead(body ? 200 : 404, { 'content-type': 'text/html; charset=utf-8' }).end(body ?? '');
});
await new Promise((r) => server.listen(0, '127.0.0.1', r));
const base = `http://127.0.0.1:${server.address().port}`;

const browser = await chromium.launch({
  executablePath: process.env.CHROME_PATH ?? '/usr/bin/chromium',
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-background-networking',
    '--disable-extensions',
  ],
});
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
};
const ms = (x) => `${x.toFixed(1)} ms`;

async function firstQuestion(path, rate) {
  const times = [];
  let heap = 0;
  for (let i = 0; i < RUNS; i++) {
    const p = await browser.newPage();
    p.on('pageerror', (e) => console.error('page error:', e));
    const cdp = await p.context().newCDPSession(p);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
    await p.goto(base + path);
    await p.waitForFunction(() => typeof window.firstQuestion === 'number');
    times.push(await p.evaluate(() => window.firstQuestion));
    if (i === 0) {
      await cdp.send('HeapProfiler.collectGarbage');
      heap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
    }
    await p.close();
  }
  return { median: median(times), heap };
}

async function refusalToQ9(rate) {
  const p = await browser.newPage();
  const cdp = await p.context().newCDPSession(p);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await p.goto(`${base}/small`);
  await p.waitForFunction(() => typeof window.firstQuestion === 'number');
  const times = await p.evaluate(async (runs) => {
    const el = document.querySelector('feedback-survey');
    const pick = (id) => el.shadowRoot.querySelector(`[data-q=q8] input[id$="-${id}"]`);
    const out = [];
    for (let i = 0; i < runs; i++) {
      pick('provided').click();
      await el.updateComplete;
      const t = performance.now();
      pick('refused').click();
      await el.updateComplete;
      if (!el.shadowRoot.querySelector('[data-q=q9]')) throw new Error('Q9 not shown');
      out.push(performance.now() - t);
    }
    return out;
  }, RUNS);
  await p.close();
  return median(times);
}

console.log(`<feedback-survey> render, headless Chromium, median of ${RUNS}`);
console.log('figure                                     | 1× CPU    | 4× CPU');
const rows = [];
for (const rate of [1, 4]) {
  const small = await firstQuestion('/small', rate);
  const bigR = await firstQuestion('/big', rate);
  const click = await refusalToQ9(rate);
  rows.push({ small, big: bigR, click });
}
console.log(
  `script start → first question (25 q)      | ${ms(rows[0].small.median)} | ${ms(rows[1].small.median)}`,
);
console.log(
  `script start → first question (250 q)     | ${ms(rows[0].big.median)} | ${ms(rows[1].big.median)}  (heap ${(rows[0].big.heap / 2 ** 20).toFixed(1)} MiB)`,
);
console.log(
  `click refusal in Q8 → Q9 in the DOM       | ${ms(rows[0].click)} | ${ms(rows[1].click)}`,
);
await browser.close();
server.close();
