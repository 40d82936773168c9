// Render timings of the built IIFE in headless Chromium, measured as the target is stated:
// "script start → first question visible". Run `pnpm --filter @otklik/widget build`, then
// `pnpm --filter @otklik/widget bench`.
//
// What is timed, all read in the page with performance.now() (no browser launch, navigation or
// CDP round trip is counted):
// - start: a tiny classic script right before the widget's <script src> marks `otklik:start`.
//   From there the clock includes fetching the widget (loopback, no cache), compiling and running
//   it, parsing the inline survey JSON, and rendering.
// - in DOM: a MutationObserver on the element's shadow root sees the first `[part~=question]`.
// - visible: the frame holding it has been produced: requestAnimationFrame, then a MessageChannel
//   task, which runs after that frame's style, layout and paint. The question must then have a box.
// - every question: the submit button (the end of the form) is in the DOM and its frame produced.
// - element connected: the probe's MutationObserver on the document sees <feedback-survey> with its
//   shadow root (the parser has created and connected it; its first update is a microtask away).
// - first contentful paint: the browser's `first-contentful-paint` entry (a presentation time), from
//   the mark. The widget paints nothing before its first question, so this is that question's paint.
// Floors, timed like "visible" (a mark, then rAF and a MessageChannel task), with no widget work:
// an empty page; a page that only loads the widget script (fetch, compile, run, define); and the
// widget's first frame as static HTML (declarative shadow DOM, same CSS, same title and first
// question, no script), which is what Chromium needs to paint that content at all in a fresh page.
// Refusal → Q9: in the page, `click()` on Q8's "refused" radio, until Q9's fieldset is in the
// shadow DOM (MutationObserver) and until the next frame is produced.
// Every page load is a new browser context (cold HTTP cache, no code cache). CPU throttling is
// CDP Emulation.setCPUThrottlingRate. Heap is JSHeapUsedSize after a forced GC, once rendered.
/* global performance, MutationObserver, PerformanceObserver -- used in the page */
import { belgorodTypical } from '@otklik/core/templates';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { chromium } from 'playwright-core';

const RUNS = Number(process.env.RUNS ?? 15);
// WIDGET=path/to/feedback-survey.iife.js times another build (e.g. the previous commit's).
const iife = await readFile(
  process.env.WIDGET ?? new URL('../dist/feedback-survey.iife.js', import.meta.url),
);

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

/**
 * Runs in the page before the widget script: watches for the element, then its shadow root, for
 * the first question; `window.__bench` gets the figures. `afterFrame` resolves once the frame
 * after now has been produced.
 */
const probe = `<script>
(() => {
  const afterFrame = (cb) => requestAnimationFrame(() => {
    const c = new MessageChannel();
    c.port1.onmessage = cb;
    c.port2.postMessage(0);
  });
  window.__afterFrame = afterFrame;
  const since = () => performance.now() - performance.getEntriesByName('otklik:start')[0].startTime;
  let first;
  const found = (root) => {
    const q = root.querySelector('[part~=question]');
    if (!first && q) {
      first = { dom: since() };
      afterFrame(() => {
        const box = q.getBoundingClientRect();
        Object.assign(first, { visible: since(), shown: q.isConnected && box.height > 0 });
      });
    }
    // The submit button closes the form: every question of the page is in the DOM by then.
    if (!first || !root.querySelector('[part~=submit-button]')) return false;
    const all = since();
    afterFrame(() => {
      window.__bench = { ...first, all, allVisible: since(), connected: window.__connected };
    });
    return true;
  };
  const watch = (el) => {
    const root = el.shadowRoot;
    if (found(root)) return;
    const mo = new MutationObserver(() => found(root) && mo.disconnect());
    mo.observe(root, { childList: true, subtree: true });
  };
  const doc = new MutationObserver(() => {
    const el = document.querySelector('feedback-survey');
    if (el && el.shadowRoot) { doc.disconnect(); window.__connected = since(); watch(el); }
  });
  doc.observe(document, { childList: true, subtree: true });
  performance.mark('otklik:start');
})();
</script>`;

const page = (survey) => `<!doctype html><html lang="ru"><body>
${probe}
<script src="/w.js"></script>
<feedback-survey><script type="application/json">${JSON.stringify(survey).replace(/</g, '\\u003c')}</script></feedback-survey>
</body></html>`;

/**
 * Floors, timed the same way (a mark, then requestAnimationFrame and a MessageChannel task): the
 * first frame of a page with nothing in it, and of a page that only loads the widget script (no
 * element, so no survey is parsed or rendered).
 */
const floorProbe = `<script>performance.mark('otklik:start');</script>`;
const floorEnd = `<script>requestAnimationFrame(() => {
  const c = new MessageChannel();
  c.port1.onmessage = () => {
    const t = performance.now() - performance.getEntriesByName('otklik:start')[0].startTime;
    window.__bench = { visible: t };
  };
  c.port2.postMessage(0);
});</script>`;
const floor = (body) =>
  `<!doctype html><html lang="ru"><body>${floorProbe}${body}${floorEnd}</body></html>`;

const pages = {
  '/small': page(belgorodTypical),
  '/big': page(big()),
  '/floor-empty': floor(''),
  '/floor-script': floor('<script src="/w.js"></script>'),
};
const server = createServer((req, res) => {
  const headers = { 'cache-control': 'no-store' };
  if (req.url === '/w.js')
    return res.writeHead(200, { ...headers, 'content-type': 'text/javascript' }).end(iife);
  const body = pages[req.url ?? ''];
  res
    .writeHead(body ? 200 : 404, { ...headers, 'content-type': 'text/html; charset=utf-8' })
    .end(body ?? '');
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

const sorted = (xs) => [...xs].sort((a, b) => a - b);
/** Nearest-rank percentile. */
const pct = (xs, p) => sorted(xs)[Math.max(0, Math.ceil((p / 100) * xs.length) - 1)];
const stats = (xs) => ({ median: pct(xs, 50), p90: pct(xs, 90) });

/** A fresh context and page (`browser.newPage` makes one per page), throttled. */
async function open(rate) {
  const p = await browser.newPage();
  p.on('pageerror', (e) => console.error('page error:', e));
  const cdp = await p.context().newCDPSession(p);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  return { p, cdp };
}

/** First paint of anything (FCP, a presentation time), from the mark; undefined if none. */
const fcpSince = (p) =>
  p.evaluate(
    () =>
      new Promise((resolve) => {
        const start = performance.getEntriesByName('otklik:start')[0].startTime;
        setTimeout(() => resolve(undefined), 2000);
        new PerformanceObserver((list) => {
          const e = list.getEntriesByName('first-contentful-paint')[0];
          if (e) resolve(e.startTime - start);
        }).observe({ type: 'paint', buffered: true });
      }),
  );

async function firstFrame(path, rate) {
  const visible = [];
  for (let i = 0; i < RUNS; i++) {
    const { p } = await open(rate);
    await p.goto(base + path);
    await p.waitForFunction(() => window.__bench !== undefined, null, { timeout: 120_000 });
    visible.push((await p.evaluate(() => window.__bench)).visible);
    await p.context().close();
  }
  return { visible: stats(visible) };
}

/**
 * The widget's first frame as static HTML: declarative shadow DOM with the same stylesheet and the
 * same title and first question, no script. Chromium's own cost of painting what we paint first.
 */
async function staticCopy() {
  const { p } = await open(1);
  await p.goto(`${base}/small`);
  await p.waitForFunction(() => window.__bench !== undefined);
  const { css, markup } = await p.evaluate(() => {
    const root = document.querySelector('feedback-survey').shadowRoot;
    const copy = root.firstElementChild.cloneNode(true);
    const qs = copy.querySelectorAll('[part~=question]');
    for (const q of [...qs].slice(1)) q.remove();
    copy.querySelector('.nav')?.remove();
    const css = root.adoptedStyleSheets
      .flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText))
      .join('\n');
    return { css, markup: copy.outerHTML };
  });
  await p.context().close();
  pages['/floor-static'] = floor(
    `<feedback-survey><template shadowrootmode="open"><style>${css}</style>${markup}</template></feedback-survey>`,
  );
}

async function firstQuestion(path, rate) {
  const connected = [];
  const fcp = [];
  const dom = [];
  const visible = [];
  const all = [];
  const heap = [];
  for (let i = 0; i < RUNS; i++) {
    const { p, cdp } = await open(rate);
    await p.goto(base + path);
    await p.waitForFunction(() => window.__bench !== undefined, null, { timeout: 120_000 });
    const r = await p.evaluate(() => window.__bench);
    if (!r.shown) throw new Error('first question has no box');
    connected.push(r.connected);
    fcp.push((await fcpSince(p)) ?? NaN);
    dom.push(r.dom);
    visible.push(r.visible);
    all.push(r.allVisible);
    await cdp.send('HeapProfiler.collectGarbage');
    heap.push((await cdp.send('Runtime.getHeapUsage')).usedSize);
    await p.context().close();
  }
  return {
    connected: stats(connected),
    dom: stats(dom),
    fcp: stats(fcp),
    visible: stats(visible),
    all: stats(all),
    heap: stats(heap).median,
  };
}

async function refusalToQ9(rate) {
  const { p } = await open(rate);
  await p.goto(`${base}/small`);
  await p.waitForFunction(() => window.__bench !== undefined);
  const runs = await p.evaluate(async (n) => {
    const el = document.querySelector('feedback-survey');
    const root = el.shadowRoot;
    const pick = (id) => root.querySelector(`[data-q=q8] input[id$="-${id}"]`);
    const frame = () => new Promise((r) => window.__afterFrame(r));
    const out = [];
    for (let i = 0; i < n; i++) {
      pick('provided').click();
      await el.updateComplete;
      await frame();
      if (root.querySelector('[data-q=q9]')) throw new Error('Q9 shown after "provided"');
      const inDom = new Promise((resolve) => {
        const mo = new MutationObserver(() => {
          if (root.querySelector('[data-q=q9]')) {
            mo.disconnect();
            resolve(performance.now());
          }
        });
        mo.observe(root, { childList: true, subtree: true });
      });
      const t = performance.now();
      pick('refused').click();
      const dom = await inDom;
      await frame();
      out.push({ dom: dom - t, visible: performance.now() - t });
    }
    return out;
  }, RUNS);
  await p.context().close();
  return { dom: stats(runs.map((r) => r.dom)), visible: stats(runs.map((r) => r.visible)) };
}

const results = {};
await staticCopy();
for (const rate of [1, 4]) {
  results[rate] = {
    empty: await firstFrame('/floor-empty', rate),
    script: await firstFrame('/floor-script', rate),
    static: await firstFrame('/floor-static', rate),
    small: await firstQuestion('/small', rate),
    // QUICK=1: floors and the 25-question page only, for trying a change.
    ...(process.env.QUICK ? {} : { big: await firstQuestion('/big', rate) }),
    ...(process.env.QUICK ? {} : { click: await refusalToQ9(rate) }),
  };
}
await browser.close();
server.close();

// SurveyJS 2.5.38 on a machine like this one: reference figures, not measured in this run.
const surveyjs = { small: [541, 1759], big: [1051, 4187], click: [78, 294] };
const f = (x) => x.toFixed(1).padStart(7);
const mib = (b) => `${(b / 2 ** 20).toFixed(1)} MiB`;
console.log(`<feedback-survey> render, headless Chromium, ${RUNS} runs: median / p90, ms`);
/** `compare`: this row has a SurveyJS reference figure; the ratio is of medians. */
const line = (label, key, what, compare) => {
  if (!results[1][key]) return;
  const a = results[1][key][what];
  const b = results[4][key][what];
  const [s1, s4] = surveyjs[key] ?? [];
  const ref = compare ? `${s1} / ${s4}` : '';
  const ratio = compare ? `${(s1 / a.median).toFixed(0)}× / ${(s4 / b.median).toFixed(0)}×` : '';
  console.log(
    `${label.padEnd(40)} | ${f(a.median)} / ${f(a.p90)} | ${f(b.median)} / ${f(b.p90)} | ${ref.padEnd(16)} | ${ratio}`,
  );
};
console.log(
  'figure                                   | 1× CPU           | 4× CPU           | SurveyJS 1× / 4× | faster by',
);
line('floor: empty page, first frame', 'empty', 'visible', false);
line('floor: widget script only, first frame', 'script', 'visible', false);
line('floor: first question as static HTML', 'static', 'visible', false);
line('script start → element connected', 'small', 'connected', false);
line('script start → first question in DOM', 'small', 'dom', false);
line('script start → first contentful paint', 'small', 'fcp', false);
line('script start → first question visible', 'small', 'visible', true);
line('  every question and the submit button', 'small', 'all', false);
line('250 questions: first question in DOM', 'big', 'dom', false);
line('250 questions: first contentful paint', 'big', 'fcp', false);
line('250 questions: first question visible', 'big', 'visible', true);
line('  every question and the submit button', 'big', 'all', false);
line('refusal in Q8 → Q9 in DOM', 'click', 'dom', true);
line('refusal in Q8 → Q9 visible', 'click', 'visible', false);
/** Medians of a figure minus the empty page's first frame: what the widget itself adds. */
const own = (key, floorKey) =>
  [1, 4].map((r) =>
    (results[r][key]?.visible.median - results[r][floorKey].visible.median).toFixed(1),
  );
for (const [floorKey, name] of [
  ['empty', 'the empty page'],
  ['static', 'the static copy'],
]) {
  console.log(
    `first question visible minus ${name} (median − median), 1× / 4×: 25 questions ${own('small', floorKey).join(' / ')}, 250 questions ${results[1].big ? own('big', floorKey).join(' / ') : '-'}`,
  );
}
console.log(
  `JS heap after first render (median, 1×): 25 questions ${mib(results[1].small.heap)}, 250 questions ${results[1].big ? mib(results[1].big.heap) : '-'}`,
);
