// Screenshots for the docs (docs/images/*.png), taken from the real pages in headless Chromium:
// the collector's demo, hosted and results pages, the kiosk example, the strict-CSP website example
// and the React example. Each shot first checks the page really works (the element is defined, its
// first question is rendered, no console error, page error or CSP violation), so a broken page
// fails the test instead of landing in the docs. Refresh the docs' PNGs with
// UPDATE_SCREENSHOTS=1 node test/e2e/run.mjs.
import assert from 'node:assert/strict';
import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { buildFrameworkExample, type ExampleServer, serveExample } from './example-server.js';
import {
  freePort,
  launchChromium,
  root,
  type RunningCollector,
  startCollector,
} from './helpers.js';

// Written into the docs only when asked (UPDATE_SCREENSHOTS=1), so a test run leaves the tree clean;
// otherwise the same pages are checked and shot into a temporary folder.
const out = process.env.UPDATE_SCREENSHOTS
  ? join(root, 'docs/images')
  : mkdtempSync(join(tmpdir(), 'otklik-shots-'));
const DESKTOP = { width: 1280, height: 800 };
const PHONE = { width: 360, height: 780 };
const TABLET = { width: 1024, height: 768 };
/** A docs image above this is probably a full page or noise, not a readable viewport. */
const MAX_BYTES = 150_000;

interface Shot {
  page: Page;
  context: BrowserContext;
  /** Console errors, uncaught page errors and CSP violations seen so far. */
  problems: string[];
}

/** A fresh context (no service worker or storage carried over) watching for every kind of error. */
async function open(browser: Browser, url: string, viewport: { width: number; height: number }) {
  const context = await browser.newContext({ viewport, locale: 'ru-RU' });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    // A failed load is reported below with its URL, which this message lacks.
    if (m.text().startsWith('Failed to load resource')) return;
    if (m.type() === 'error' || m.text().includes('Content Security Policy'))
      problems.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  await page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  await page.goto(url);
  return { page, context, problems } satisfies Shot;
}

/** Asserts the page is clean, writes the viewport to docs/images/<name>.png and checks its size. */
async function shoot(
  { page, context, problems }: Shot,
  name: string,
  { widget = true, keepOpen = false } = {},
) {
  if (widget)
    assert.equal(
      await page.evaluate(() => customElements.get('feedback-survey') !== undefined),
      true,
      `${name}: feedback-survey is defined`,
    );
  // Let fonts settle and the focus ring / transitions finish so the image is stable.
  await page.evaluate(() => document.fonts.ready);
  await page.mouse.move(0, 0);
  const path = join(out, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  assert.deepEqual(problems, [], `${name}: no console errors, page errors or CSP violations`);
  const bytes = statSync(path).size;
  assert.ok(bytes > 5_000, `${name}.png is not blank (${bytes} bytes)`);
  assert.ok(bytes < MAX_BYTES, `${name}.png is ${bytes} bytes, over ${MAX_BYTES}`);
  console.log(`${join(out, name)}.png ${Math.round(bytes / 1024)} KB`);
  if (!keepOpen) await context.close();
}

/** The fieldset of one question, found by the start of its title. */
const group = (page: Page, title: RegExp) => page.getByRole('group', { name: title }).first();

/** examples/website/serve.mjs (strict CSP) on a free port; resolves once it listens. */
async function startWebsite(): Promise<{ url: string; stop: () => Promise<void> }> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    ['--import', 'tsx', '--conditions=@otklik/source', 'serve.mjs'],
    {
      cwd: join(root, 'examples/website'),
      env: { ...process.env, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'pipe'],
    },
  );
  let log = '';
  child.stdout?.on('data', (d) => (log += d));
  child.stderr?.on('data', (d) => (log += d));
  const deadline = Date.now() + 30_000;
  while (!log.includes('Example site')) {
    if (child.exitCode !== null) throw new Error(`website example exited:\n${log}`);
    if (Date.now() > deadline) throw new Error(`website example did not start:\n${log}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
    },
  };
}

describe('docs screenshots', () => {
  let collector: RunningCollector;
  let website: Awaited<ReturnType<typeof startWebsite>>;
  let framework: ExampleServer;
  let browser: Browser;

  before(async () => {
    mkdirSync(out, { recursive: true });
    [collector, website, framework, browser] = await Promise.all([
      // The API posts below come from one address faster than a respondent would.
      startCollector({ RATE_LIMIT: 'off' }),
      startWebsite(),
      serveExample(buildFrameworkExample()) /* rebuilt: a stale dist would picture old code */,
      launchChromium(),
    ]);
  });
  after(async () => {
    await browser?.close();
    await Promise.all([collector?.stop(), website?.stop(), framework?.stop()]);
  });

  it('demo page, desktop and phone', async () => {
    for (const [name, viewport] of [
      ['demo', DESKTOP],
      ['demo-phone', PHONE],
    ] as const) {
      const shot = await open(browser, `${collector.url}/`, viewport);
      const q1 = group(shot.page, /взаимодействием с государством/);
      await q1.getByRole('radio', { name: 'Скорее удовлетворен', exact: true }).waitFor();
      assert.ok(await q1.isVisible(), `${name}: first question visible`);
      // On a phone the page header fills the first screen; show the survey itself.
      if (viewport === PHONE)
        await shot.page.locator('feedback-survey').evaluate((el) => el.scrollIntoView());
      await shoot(shot, name);
    }
  });

  it('hosted survey page from an e-mailed link', async () => {
    const shot = await open(browser, `${collector.url}/s/kiosk-pulse?channel=email`, DESKTOP);
    await group(shot.page, /удовлетворены обслуживанием/)
      .getByRole('radio', { name: / 5( —|$)/ })
      .waitFor();
    await shoot(shot, 'hosted');
  });

  it('kiosk example: start screen, then the first question', async () => {
    const shot = await open(browser, `${collector.url}/examples/kiosk/`, TABLET);
    const start = shot.page.getByRole('button', { name: 'Начать' });
    await start.waitFor();
    await shoot(shot, 'kiosk-start', { keepOpen: true });
    await start.click();
    await shot.page
      .getByRole('progressbar')
      .or(shot.page.locator('[part~=progress]'))
      .first()
      .waitFor();
    await shoot(shot, 'kiosk-question');
  });

  it('public results after responses arrive', async () => {
    // One response through the hosted page in the browser…
    const form = await open(browser, `${collector.url}/s/kiosk-pulse?channel=email`, DESKTOP);
    await group(form.page, /удовлетворены обслуживанием/)
      .getByRole('radio', { name: / 5( —|$)/ })
      .check();
    await form.page.getByRole('button', { name: 'Отправить' }).click();
    await form.page.getByText(/Код ответа: [0-9A-Z]{8}/).waitFor({ timeout: 15_000 });
    await form.context.close();
    // …and 24 through the API: the public page shows no count under 5, so a page worth showing
    // needs every answer given at least five times.
    const batch = (n: number, score: number, channel: string) =>
      Array.from({ length: n }, () => [score, channel] as const);
    for (const [score, channel] of [
      ...batch(5, 5, 'kiosk'),
      ...batch(4, 5, 'site'),
      ...batch(5, 4, 'kiosk'),
      ...batch(5, 4, 'qr'),
      ...batch(5, 3, 'site'),
    ]) {
      const r = await fetch(`${collector.url}/v1/surveys/kiosk-pulse/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          responseId: randomUUID(),
          surveyId: 'kiosk-pulse',
          surveyVersion: 2, // the kiosk-pulse template's version
          lang: 'ru',
          answers: { q1: 'example-documents', q2: score },
          context: { channel, respondent: 'external' },
        }),
      });
      assert.ok(r.ok, `POST ${r.status}: ${await r.text()}`);
    }
    const shot = await open(browser, `${collector.url}/results/kiosk-pulse`, DESKTOP);
    await shot.page.getByRole('heading', { name: /Итоги/ }).waitFor();
    const text = await shot.page.locator('body').innerText();
    // Every score was given at least five times, so the headline is shown…
    assert.match(text, /Итоги: за всё время\s+25\s+ответов\s+80\s%/, 'headline figures shown');
    // …but the one e-mailed response is withheld, and so is another channel that would give it away.
    assert.match(text, /Электронная почта\s+скрыто/, 'the lone e-mailed response withheld');
    await shoot(shot, 'results', { widget: false }); // plain HTML, no widget on this page
  });

  it('website example under a strict CSP', async () => {
    const shot = await open(browser, `${website.url}/?object=example-licensing`, DESKTOP);
    await shot.page.locator('feedback-survey [part~=question]').first().waitFor();
    await shoot(shot, 'website');
  });

  it('React 19 example, after a response', async () => {
    const shot = await open(browser, framework.url, DESKTOP);
    const { page } = shot;
    await page.getByRole('heading', { name: 'Обратная связь', level: 1 }).waitFor();
    await group(page, /удовлетворены обслуживанием/)
      .getByRole('radio', { name: / 5( —|$)/ })
      .check();
    await page.getByRole('button', { name: 'Отправить' }).click();
    // The aside is React's: it shows what the onotklik-submit / onotklik-sent props received.
    const last = page.getByTestId('last-response');
    await last.getByText('получен').waitFor({ timeout: 15_000 });
    const receipt = framework.received.at(-1)?.responseId.slice(0, 8).toUpperCase();
    assert.ok(receipt && (await last.innerText()).includes(receipt), 'React shows the receipt');
    await shoot(shot, 'framework');
  });
});
