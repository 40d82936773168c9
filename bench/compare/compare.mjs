// `pnpm bench:compare`: <feedback-survey> (the built IIFE) beside SurveyJS 2.5.38 (survey-core +
// survey-js-ui) on the same page shell, from the same local server, in real Chromium.
//
// Every load is a fresh browser context (cold cache), throttled 1× and 4× with CDP
// Emulation.setCPUThrottlingRate before navigating. Times are read in the page with
// performance.now(), whose origin is the navigation start:
// - first question visible: navigation start → the first question is in the DOM, a frame holding it
//   has been produced (requestAnimationFrame, then a MessageChannel task) and it has a box;
// - refusal → Q9 visible: once the whole form is rendered (its last question in the DOM) and a frame
//   later, `click()` on Q8's «refused» radio → Q9 in the DOM, a frame produced, Q9 with a box;
// - static floor: the widget's first screen (title and first question, the same CSS) as static
//   declarative shadow DOM, no script: what Chromium itself needs to paint that screen;
// - script floor: the same screen drawn by the least a script-defined element can do — a ~8 KB
//   external script (the CSS and markup as strings) that defines the element, adopts the sheet and
//   sets its shadow root's innerHTML: what any widget that is a <script> plus a tag pays at least.
// The survey is the Belgorod template (25 questions) and that template ten times over (250), inline
// as JSON in both pages; SurveyJS gets the same questions through surveyjs.mjs.
/* global performance, requestAnimationFrame -- in functions run in the page */
import { belgorodTypical } from '@otklik/core/templates';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { toSurveyJs } from './surveyjs.mjs';

const RUNS = Number(process.env.RUNS ?? 8);
const RATES = [1, 4];
const require = createRequire(import.meta.url);
const sjsCore = dirname(require.resolve('survey-core'));
const sjsUi = dirname(require.resolve('survey-js-ui'));
const widgetFile =
  process.env.WIDGET ??
  fileURLToPath(new URL('../../packages/widget/dist/feedback-survey.iife.js', import.meta.url));

/** The files each page loads, by URL. */
const files = {
  '/otklik.js': widgetFile,
  '/sjs/survey.core.min.js': join(sjsCore, 'survey.core.min.js'),
  '/sjs/russian.min.js': join(sjsCore, 'i18n/russian.min.js'),
  '/sjs/survey-js-ui.min.js': join(sjsUi, 'survey-js-ui.min.js'),
  // Fontless: the default sheet imports a web font this offline machine cannot fetch.
  '/sjs/survey-core.min.css': join(sjsCore, 'survey-core.fontless.min.css'),
};

/** The template `times` over, every `q<n>` id (and each reference to it) renamed per copy. */
function repeated(times) {
  if (times === 1) return belgorodTypical;
  const json = JSON.stringify(belgorodTypical.questions);
  const questions = [];
  for (let k = 0; k < times; k++)
    questions.push(...JSON.parse(json.replace(/"(q\d+)"/g, `"$1_${k}"`)));
  return { ...belgorodTypical, id: `belgorod-${questions.length}`, questions };
}

const inline = (v) => JSON.stringify(v).replace(/</g, '\\u003c');

/**
 * One page shell for every variant: the probe first, told which element is the first question,
 * then what the variant puts in the body, then a look for it once the body is parsed (a
 * declarative shadow root's content is not seen by a MutationObserver on the document).
 */
const shell = (head, body, first) => `<!doctype html><html lang="ru"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1"><title>bench</title>${head}</head>
<body>${probe(first)}${body}<script>__bench.check()</script></body></html>`;

/**
 * Runs before anything else in the page. `__bench.find(selector)` resolves with the time an element
 * matching it is in the document (or the survey's shadow root) and a frame holding it is produced.
 * The first question is watched for from the start (`__bench.first`): the page records its own
 * times, so nothing the harness does later (Playwright compiles its injected script in the page on
 * its first call, ~200 ms at 1×) is counted.
 */
const probe = (first) => `<script>
(() => {
  const frame = () => new Promise((r) => requestAnimationFrame(() => {
    const c = new MessageChannel();
    c.port1.onmessage = () => r(performance.now());
    c.port2.postMessage(0);
  }));
  const root = () => document.querySelector('feedback-survey')?.shadowRoot ?? document;
  const query = (sel) => root().querySelector(sel);
  /** Looks for what is awaited: on every mutation, and once the body is parsed. */
  const waiting = new Set();
  const check = () => waiting.forEach((f) => f());
  const appear = (sel) => new Promise((resolve) => {
    if (query(sel)) return resolve();
    const seen = new WeakSet();
    const watch = (node) => {
      if (seen.has(node)) return;
      seen.add(node);
      new MutationObserver(look).observe(node, { childList: true, subtree: true });
    };
    const look = () => {
      const r = root();
      if (r !== document) watch(r);
      if (query(sel)) {
        waiting.delete(look);
        resolve();
      }
    };
    waiting.add(look);
    watch(document);
    if (root() !== document) watch(root());
  });
  /** When an element matching \`sel\` was in the DOM, and when a frame holding it was produced. */
  const find = async (sel) => {
    await appear(sel);
    const dom = performance.now();
    const visible = await frame();
    const box = query(sel).getBoundingClientRect();
    if (!(box.height > 0)) throw new Error(sel + ' has no box');
    return { dom, visible };
  };
  window.__bench = { find, frame, query, appear, check, first: find(${JSON.stringify(first)}) };
})();
</script>`;

/** What differs between the two widgets: how a page loads them and how their questions are found. */
const contenders = {
  otklik: {
    label: 'Otklik',
    page: (s, first) =>
      shell(
        '',
        `<script src="/otklik.js"></script>
<feedback-survey><script type="application/json">${inline(s)}</script></feedback-survey>`,
        first,
      ),
    first: '[part~=question]',
    question: (id) => `[data-q="${id}"]`,
    refusal: (q8) => `[data-q="${q8}"] input[id$="-refused"]`,
  },
  surveyjs: {
    label: 'SurveyJS',
    page: (s, first) =>
      shell(
        '<link rel="stylesheet" href="/sjs/survey-core.min.css">',
        `<div id="survey"></div>
<script type="application/json" id="survey-json">${inline(toSurveyJs(s))}</script>
<script src="/sjs/survey.core.min.js"></script>
<script src="/sjs/russian.min.js"></script>
<script src="/sjs/survey-js-ui.min.js"></script>
<script>
SurveyUI.renderSurvey(
  new Survey.Model(JSON.parse(document.getElementById('survey-json').textContent)),
  document.getElementById('survey'),
);
</script>`,
        first,
      ),
    first: '[data-name]',
    question: (id) => `[data-name="${id}"]`,
    refusal: (q8) => `[data-name="${q8}"] input[value="refused"]`,
  },
};

const forms = { 25: repeated(1), 250: repeated(10) };
for (const [n, s] of Object.entries(forms)) {
  if (s.questions.length !== Number(n))
    throw new Error(`the ${n}-question form has ${s.questions.length}`);
}
/** Ids in a form: the n-th copy's (`q8_0`) in the 250-question one. */
const idIn = (n, id) => (n === '25' ? id : `${id}_0`);
const lastId = (n) => forms[n].questions.at(-1).id;

const pages = {};
for (const [key, c] of Object.entries(contenders)) {
  for (const [n, s] of Object.entries(forms)) pages[`/${key}/${n}`] = c.page(s, c.first);
}

/** Scripts made in this run (the script floor's), by URL. */
const scripts = {};

const server = createServer(async (req, res) => {
  const headers = { 'cache-control': 'no-store' };
  const url = req.url ?? '';
  if (scripts[url]) {
    return res.writeHead(200, { ...headers, 'content-type': 'text/javascript' }).end(scripts[url]);
  }
  if (files[url]) {
    const type = url.endsWith('.css') ? 'text/css' : 'text/javascript';
    return res.writeHead(200, { ...headers, 'content-type': type }).end(await readFile(files[url]));
  }
  const body = pages[url];
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

/** A fresh context and page, throttled, on `path`. */
async function load(path, rate) {
  const context = await browser.newContext();
  const p = await context.newPage();
  const errors = [];
  p.on('pageerror', (e) => errors.push(e));
  const cdp = await context.newCDPSession(p);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  await p.goto(base + path, { waitUntil: 'commit' });
  // The probe is the body's first script: it exists before any widget code runs.
  await p.waitForFunction(() => window.__bench !== undefined);
  return { p, context, errors };
}

const check = (errors) => {
  if (errors.length) throw errors[0];
};

/** `p.evaluate` that gives up after a minute, saying what it waited for, rather than hang. */
function within(what, promise) {
  let timer;
  const limit = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what}: no answer in 60 s`)), 60_000);
  });
  return Promise.race([promise, limit]).finally(() => clearTimeout(timer));
}

/** Navigation start → the page's first question visible, as the probe recorded it. */
async function firstVisible(path, rate) {
  const { p, context, errors } = await load(path, rate);
  const t = await within(
    path,
    p.evaluate(async () => (await window.__bench.first).visible),
  );
  check(errors);
  await context.close();
  return t;
}

/** With the form fully rendered: click «refused» in Q8 → Q9 visible. */
async function refusal(key, n, rate) {
  const c = contenders[key];
  const { p, context, errors } = await load(`/${key}/${n}`, rate);
  const t = await within(
    `${key} ${n}: refusal`,
    p.evaluate(
      async ({ last, q9, radio }) => {
        const b = window.__bench;
        await b.find(last);
        await b.frame();
        if (b.query(q9)) throw new Error('Q9 is shown before the refusal');
        const start = performance.now();
        b.query(radio).click();
        // The first frame after the click: is Q9 in it, or does it come a frame (or more) later?
        let inFirstFrame;
        requestAnimationFrame(() => (inFirstFrame = b.query(q9) !== null));
        const { dom, visible } = await b.find(q9);
        return { dom: dom - start, visible: visible - start, inFirstFrame };
      },
      {
        last: c.question(lastId(n)),
        q9: c.question(idIn(n, 'q9')),
        radio: c.refusal(idIn(n, 'q8')),
      },
    ),
  );
  check(errors);
  await context.close();
  return t;
}

/**
 * The widget's first screen as static HTML: its shadow root's title and first question with its
 * stylesheet, as declarative shadow DOM, no script. Timed to its first frame like the others.
 */
async function staticFloor() {
  const { p, context } = await load('/otklik/25', 1);
  await p.evaluate(() => window.__bench.first);
  const { css, markup } = await p.evaluate(() => {
    const root = document.querySelector('feedback-survey').shadowRoot;
    const copy = root.firstElementChild.cloneNode(true);
    for (const q of [...copy.querySelectorAll('[part~=question]')].slice(1)) q.remove();
    copy.querySelector('.nav')?.remove();
    const css = root.adoptedStyleSheets
      .flatMap((sheet) => [...sheet.cssRules].map((r) => r.cssText))
      .join('\n');
    return { css, markup: copy.outerHTML };
  });
  await context.close();
  pages['/static'] = shell(
    '',
    `<feedback-survey><template shadowrootmode="open"><style>${css}</style>${markup}</template></feedback-survey>`,
    '[part~=question]',
  );
  scripts['/floor.js'] = `(() => {
  const sheet = new CSSStyleSheet();
  sheet.replaceSync(${JSON.stringify(css)});
  customElements.define('feedback-survey', class extends HTMLElement {
    connectedCallback() {
      const root = this.attachShadow({ mode: 'open' });
      root.adoptedStyleSheets = [sheet];
      root.innerHTML = ${JSON.stringify(markup)};
    }
  });
})();`;
  pages['/scripted'] = shell(
    '',
    '<script src="/floor.js"></script><feedback-survey></feedback-survey>',
    '[part~=question]',
  );
}

/** `RUNS` fresh loads; each gives a number or a `{ dom, visible }` pair. */
async function runs(what, fn) {
  const xs = [];
  for (let i = 0; i < RUNS; i++) xs.push(await fn());
  const shown = xs.map((x) => (typeof x === 'number' ? x : x.visible).toFixed(0));
  process.stderr.write(`${what}: ${shown.join(' ')}\n`);
  return xs;
}

const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};
const summary = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs) });

await staticFloor();
/** `results[rate][figure][contender]`: a summary of its runs. */
const results = {};
for (const rate of RATES) {
  const r = (results[rate] = {});
  const put = (figure, key, xs) => ((r[figure] ??= {})[key] = summary(xs));
  put('first 25', 'static', await runs(`${rate}× static`, () => firstVisible('/static', rate)));
  put(
    'first 25',
    'scripted',
    await runs(`${rate}× script floor`, () => firstVisible('/scripted', rate)),
  );
  for (const key of Object.keys(contenders)) {
    for (const n of Object.keys(forms)) {
      const first = await runs(`${rate}× ${key} first ${n}`, () =>
        firstVisible(`/${key}/${n}`, rate),
      );
      put(`first ${n}`, key, first);
      const clicks = await runs(`${rate}× ${key} click ${n}`, () => refusal(key, n, rate));
      put(
        `click ${n}`,
        key,
        clicks.map((x) => x.visible),
      );
      put(
        `dom ${n}`,
        key,
        clicks.map((x) => x.dom),
      );
      (r[`frame ${n}`] ??= {})[key] = clicks.filter((x) => x.inFirstFrame).length;
    }
  }
}
await browser.close();
server.close();

const cell = (s) => (s ? `${s.median.toFixed(0)} (${s.min.toFixed(0)}–${s.max.toFixed(0)})` : '');
const ratio = (a, b) => (a && b ? `${(a.median / b.median).toFixed(1)}×` : '');
console.log(
  `\nOtklik <feedback-survey> vs SurveyJS 2.5.38, headless Chromium, ${RUNS} fresh loads each: median (min–max), ms\n`,
);
console.log(
  '| figure | CPU | SurveyJS | Otklik | SurveyJS / Otklik | static floor | Otklik / floor | script floor | Otklik / script floor |',
);
console.log('| --- | --- | --- | --- | --- | --- | --- | --- | --- |');
const labels = {
  first: 'navigation start → first question visible',
  click: 'refusal in Q8 → Q9 visible',
  dom: 'refusal in Q8 → Q9 in the DOM',
};
for (const what of Object.keys(labels)) {
  for (const n of Object.keys(forms)) {
    for (const rate of RATES) {
      const f = results[rate][`${what} ${n}`];
      const row = [
        `${labels[what]}, ${n} q.`,
        `${rate}×`,
        cell(f.surveyjs),
        cell(f.otklik),
        ratio(f.surveyjs, f.otklik),
        cell(f.static),
        ratio(f.otklik, f.static),
        cell(f.scripted),
        ratio(f.otklik, f.scripted),
      ];
      console.log(`| ${row.join(' | ')} |`);
    }
  }
}
console.log('\nLoads in which Q9 was already in the first frame produced after the click:\n');
console.log('| form | CPU | SurveyJS | Otklik |');
console.log('| --- | --- | --- | --- |');
for (const n of Object.keys(forms)) {
  for (const rate of RATES) {
    const f = results[rate][`frame ${n}`];
    console.log(`| ${n} q. | ${rate}× | ${f.surveyjs} of ${RUNS} | ${f.otklik} of ${RUNS} |`);
  }
}
