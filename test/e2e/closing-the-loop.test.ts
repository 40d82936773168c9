// Closing the loop, end to end on the real collector in headless Chromium: complaints typed into the
// survey form on the hosted page are grouped into themes; the analyst renames one and puts a row
// with measures on the pain map (admin JSON API); the pain map's XLSX holds it (read back with
// exceljs); a published decision is found through the receipt code the thank-you screen showed;
// the <feedback-results> element on another origin shows the service's published figures; and
// none of the complaints' words appears on any public page or public JSON. Screenshots of the
// results page, the receipt page and the element go to docs/images with UPDATE_SCREENSHOTS=1
// (else to a temporary folder).
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, statSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, Page } from 'playwright-core';
import {
  freePort,
  launchChromium,
  root,
  type RunningCollector,
  startCollector,
} from './helpers.js';

// exceljs is the collector's dependency (a real XLSX reader), resolved from its package.
const ExcelJS = createRequire(join(root, 'packages/collector/package.json'))(
  'exceljs',
) as typeof import('exceljs');

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

/** axe-core's violations on the page (evaluated through the debugger, so the CSP stays strict). */
async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run: (o: object) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
    };
    const r = await w.axe.run({ resultTypes: ['violations'] });
    return r.violations.map(
      (v) =>
        `${v.id}: ${(v.nodes as { target: string[] }[]).map((n) => n.target.join(' ')).join(', ')}`,
    );
  });
}

const out = process.env.UPDATE_SCREENSHOTS
  ? join(root, 'docs/images')
  : mkdtempSync(join(tmpdir(), 'otklik-loop-shots-'));
const SURVEY = 'kiosk-pulse';
const SERVICE = 'example-documents';
const APPEAL = 'https://pos.gosuslugi.ru/form/?opaId=e2e';

/** Complaints, each carrying a marker no public page may ever show. */
const COMPLAINTS = [
  'Очередь два часа, в очереди стояли все утро ZQXMARK01',
  'Огромная очередь в окно приёма, ждал в очереди долго ZQXMARK02',
  'Долгая очередь, очередь не двигалась ZQXMARK03',
  'Очередь на приём документов слишком длинная ZQXMARK04',
  'Сотрудник нагрубил и нахамил в окне ZQXMARK05',
  'Нагрубили при приёме, сотрудник хамил ZQXMARK06',
  'Грубый сотрудник, нахамил без причины ZQXMARK07',
] as const;
const MARKER = /ZQXMARK\d\d/;

/** The quarter of today, as the pain map keys periods. */
function thisQuarter(): string {
  const d = new Date();
  return `${d.getUTCFullYear()}-Q${Math.floor(d.getUTCMonth() / 3) + 1}`;
}

/** A page on another origin embedding <feedback-results> from the collector, under a strict CSP. */
async function startThirdPartySite(
  collector: string,
  port: number,
): Promise<{ url: string; server: Server }> {
  const html = `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><title>Результаты на сайте ведомства</title>
<meta name="viewport" content="width=device-width, initial-scale=1">
<script src="${collector}/widget/feedback-results.iife.js"></script></head>
<body><main><h1>Как мы работаем</h1>
<feedback-results collector="${collector}" survey="${SURVEY}" service="${SERVICE}" period="quarter"></feedback-results>
</main></body></html>`;
  const server = createServer((req, res) => {
    res.writeHead(req.url === '/' ? 200 : 404, {
      'content-type': 'text/html; charset=utf-8',
      // No inline script or style allowed: the element must work without 'unsafe-inline'.
      'content-security-policy': `default-src 'self'; script-src ${collector}; connect-src ${collector}; style-src 'self'`,
    });
    res.end(req.url === '/' ? html : 'not found');
  });
  await new Promise<void>((r) => server.listen(port, '127.0.0.1', r));
  return { url: `http://127.0.0.1:${port}`, server };
}

/** Console errors, failed loads, page errors and CSP violations of a page. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.text().startsWith('Failed to load resource')) return;
    if (m.type() === 'error' || m.text().includes('Content Security Policy'))
      problems.push(m.text());
  });
  page.on('response', (r) => {
    if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  void page.addInitScript(() =>
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    ),
  );
  return problems;
}

async function shoot(page: Page, name: string, problems: string[]): Promise<void> {
  await page.evaluate(() => document.fonts.ready);
  await page.mouse.move(0, 0);
  const path = join(out, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  assert.deepEqual(problems, [], `${name}: no console errors, page errors or CSP violations`);
  const bytes = statSync(path).size;
  assert.ok(bytes > 5_000 && bytes < 200_000, `${name}.png is ${bytes} bytes`);
  console.log(`${path} ${Math.round(bytes / 1024)} KB`);
}

describe('closing the loop', () => {
  let collector: RunningCollector;
  let site: { url: string; server: Server };
  let browser: Browser;
  const receipts: string[] = [];
  let admin: (method: string, path: string, body?: unknown) => Promise<Response>;

  before(async () => {
    mkdirSync(out, { recursive: true });
    const port = await freePort();
    const siteOrigin = `http://127.0.0.1:${port}`;
    [collector, browser] = await Promise.all([
      startCollector({
        RATE_LIMIT: 'off',
        PAGE_RATE_LIMIT: 'off',
        RESULTS_CACHE: 'off',
        // The third-party site may read the survey's public results (as it could embed the survey).
        ALLOWED_ORIGINS: `${SURVEY}=${siteOrigin}`,
      }),
      launchChromium(),
    ]);
    admin = (method, path, body) =>
      fetch(`${collector.url}${path}`, {
        method,
        headers: { authorization: `Bearer ${collector.token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const set = await admin('PUT', `/v1/surveys/${SURVEY}/settings`, { appealUrl: APPEAL });
    assert.equal(set.status, 200, await set.text());
    site = await startThirdPartySite(collector.url, port);
    assert.equal(site.url, siteOrigin);
  });
  after(async () => {
    await browser?.close();
    await collector?.stop();
    await new Promise((r) => site?.server.close(r));
  });

  it('complaints typed into the hosted survey get a receipt code, explained, and the appeal link', async () => {
    for (const [i, text] of COMPLAINTS.entries()) {
      const context = await browser.newContext({ locale: 'ru-RU' });
      const page = await context.newPage();
      await page.goto(`${collector.url}/s/${SURVEY}?object=${SERVICE}&channel=qr`);
      await page
        .getByRole('group', { name: /удовлетворены обслуживанием/ })
        .getByRole('radio', { name: / 2( —|$)/ })
        .check();
      await page.getByRole('textbox', { name: /Что необходимо улучшить/ }).fill(text);
      await page.getByRole('button', { name: 'Отправить' }).click();
      const code = page.getByText(/Код ответа: [0-9A-Z]{8}/);
      await code.waitFor({ timeout: 15_000 });
      receipts.push(/([0-9A-Z]{8})/.exec(await code.innerText())![1]!);
      if (i === 0) {
        // One line says what the code is for.
        await page
          .getByText('По коду на странице результатов видно, что сделано по услуге.')
          .waitFor();
        const appeal = page.locator('feedback-survey').getByRole('link', {
          name: /официальный ответ/,
        });
        assert.equal(await appeal.getAttribute('href'), APPEAL);
      }
      await context.close();
    }
    assert.equal(new Set(receipts).size, COMPLAINTS.length);
    // More ratings of the same service through the API: every score given 0 or at least 5 times,
    // so the satisfaction level is published.
    for (let i = 0; i < 10; i++) {
      const r = await fetch(`${collector.url}/v1/surveys/${SURVEY}/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          responseId: randomUUID(),
          surveyId: SURVEY,
          surveyVersion: 2,
          lang: 'ru',
          answers: { q1: SERVICE, q2: i < 5 ? 5 : 4 },
          context: { channel: 'qr', object: SERVICE, respondent: 'external' },
        }),
      });
      assert.ok(r.ok, `POST ${r.status}: ${await r.text()}`);
    }
  });

  let rowId = 0;
  it('themes form; the analyst renames one and puts a row with measures on the pain map; the XLSX holds it', async () => {
    const res = await admin('GET', `/v1/surveys/${SURVEY}/themes?question=q3`);
    assert.equal(res.status, 200);
    const { themes } = (await res.json()) as {
      themes: { id: string; name: string; terms: string[]; count: number }[];
    };
    assert.ok(
      themes.length >= 2,
      `at least two themes: ${JSON.stringify(themes.map((t) => t.name))}`,
    );
    const queue = themes.find((t) => t.terms.some((x) => /очеред/.test(x)));
    assert.ok(queue, 'a theme about the queue');
    const renamed = await admin('PATCH', `/v1/surveys/${SURVEY}/themes/${queue.id}`, {
      name: 'Очереди на приёме',
    });
    assert.equal(renamed.status, 200, await renamed.text());
    const again = (await (
      await admin('GET', `/v1/surveys/${SURVEY}/themes?question=q3`)
    ).json()) as {
      themes: { id: string; name: string }[];
    };
    assert.equal(again.themes.find((t) => t.id === queue.id)?.name, 'Очереди на приёме');

    const period = thisQuarter();
    const row = await admin('POST', `/v1/surveys/${SURVEY}/pain-map/rows?period=${period}`, {
      object: SERVICE,
      process: 'Приём документов',
      problem: 'Очереди на приёме',
      source: 'theme',
      prevalence: 'high',
      measures: 'Открыть второе окно приёма документов',
      responsible: 'Отдел приёма',
      deadline: '31.12.2026',
      status: 'in-progress',
    });
    const stored = await row.text();
    assert.equal(row.status, 201, stored);
    rowId = (JSON.parse(stored) as { id: number }).id;

    const xlsx = await admin('GET', `/v1/surveys/${SURVEY}/pain-map.xlsx?period=${period}`);
    assert.equal(xlsx.status, 200);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(Buffer.from(await xlsx.arrayBuffer()) as unknown as ArrayBuffer);
    const cells: string[] = [];
    wb.worksheets[0]!.eachRow((r) => r.eachCell((c) => cells.push(String(c.value))));
    assert.ok(cells.includes('Очереди на приёме'), 'the problem is in the XLSX');
    assert.ok(cells.includes('Открыть второе окно приёма документов'), 'its measures too');
  });

  it('a published decision is found through a receipt code, typed into the results page’s form', async () => {
    const published = await admin('POST', `/v1/surveys/${SURVEY}/decisions`, {
      object: SERVICE,
      painRowId: rowId,
      text: {
        ru: 'Открыто второе окно приёма документов',
        en: 'A second document window has been opened',
      },
      status: 'done',
      decidedOn: '2026-11-02',
      dueOn: '2026-11-30',
      doneOn: '2026-11-20',
      published: true,
    });
    assert.equal(published.status, 201, await published.text());
    const draft = await admin('POST', `/v1/surveys/${SURVEY}/decisions`, {
      object: SERVICE,
      text: { ru: 'Черновик: пересмотреть график' },
      status: 'planned',
      published: false,
    });
    assert.equal(draft.status, 201);

    const context = await browser.newContext({
      locale: 'ru-RU',
      viewport: { width: 1280, height: 900 },
    });
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(`${collector.url}/results/${SURVEY}`);
    const said = page.getByRole('region', { name: 'Вы сказали — мы сделали' });
    await said.getByText('Открыто второе окно приёма документов').waitFor();
    assert.equal(await page.getByText('Черновик').count(), 0, 'an unpublished decision stays out');
    assert.ok(
      (await said.innerText()).includes('сделано; решение 2 ноября 2026 г.'),
      'status and dates shown',
    );
    assert.deepEqual(await axe(page), [], 'axe on the results page');
    await said.evaluate((el) => el.scrollIntoView());
    await shoot(page, 'results-loop', problems);

    // The code as a person might type it: lower case, with a dash.
    const code = receipts[2]!;
    await page
      .getByLabel('Код с экрана благодарности')
      .fill(`${code.slice(0, 4).toLowerCase()}-${code.slice(4)}`);
    await page.getByRole('button', { name: 'Узнать, что делается' }).click();
    await page.waitForURL(/\/r\?code=/);
    const found = page.getByRole('region', { name: `Код ${code}` });
    await found.getByText('Открыто второе окно приёма документов').waitFor();
    const text = await found.innerText();
    assert.match(text, /Приём документов/, 'the service is named');
    assert.match(text, /Опубликованные показатели/, 'its published figures are shown');
    assert.doesNotMatch(text, /Черновик/);
    await page.goto(`${collector.url}/r/${code}`);
    await page
      .getByRole('region', { name: `Код ${code}` })
      .getByText('Открыто второе окно')
      .waitFor();
    assert.deepEqual(await axe(page), [], 'axe on the receipt page');
    // 320 px wide: the pages reflow, nothing scrolls sideways (WCAG 1.4.10).
    await page.setViewportSize({ width: 320, height: 700 });
    for (const path of [`/r/${code}`, `/results/${SURVEY}?service=${SERVICE}&period=quarter`]) {
      await page.goto(`${collector.url}${path}`);
      const wide = await page.evaluate(() => document.documentElement.scrollWidth);
      assert.ok(wide <= 320, `${path} at 320 px is ${wide} px wide`);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.goto(`${collector.url}/r/${code}`);
    await shoot(page, 'receipt', problems);
    await context.close();
  });

  it('<feedback-results> on another origin shows the service’s figures under a strict CSP', async () => {
    const context = await browser.newContext({
      locale: 'ru-RU',
      viewport: { width: 800, height: 520 },
    });
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(site.url);
    const table = page.locator('feedback-results').getByRole('table', {
      name: /Результаты опроса .*: Приём документов/,
    });
    await table.waitFor();
    const text = await table.innerText();
    assert.match(text, /квартал 2026/);
    assert.match(text, /За всё время\s+17\s+58,8/, 'the service’s 17 responses, 10 of them 4–5');
    assert.deepEqual(await axe(page), [], 'axe on the page with <feedback-results>');
    await shoot(page, 'feedback-results', problems);
    await context.close();
  });

  it('no complaint text appears on any public page or public JSON', async () => {
    const pages = [`/s/${SURVEY}`, `/results/${SURVEY}`, `/results/${SURVEY}?lang=en`];
    for (const q of ['', `service=${SERVICE}`])
      for (const p of ['', 'year', 'half-year', 'quarter', 'month']) {
        const query = [q, p && `period=${p}`].filter(Boolean).join('&');
        pages.push(`/results/${SURVEY}${query ? `?${query}` : ''}`);
        pages.push(`/results/${SURVEY}.json${query ? `?${query}` : ''}`);
      }
    for (const code of receipts) pages.push(`/r/${code}`, `/r?code=${code}&lang=en`);
    for (const path of pages) {
      const res = await fetch(`${collector.url}${path}`);
      assert.equal(res.status, 200, path);
      const body = await res.text();
      assert.doesNotMatch(body, MARKER, `${path} shows a complaint`);
      assert.doesNotMatch(
        body,
        /нагрубил|нахамил|Очереди на приёме/i,
        `${path} shows a text or theme`,
      );
    }
    // The admin API still has the texts: the markers were really stored.
    const open = await admin('GET', `/v1/surveys/${SURVEY}/open-answers?question=q3`);
    assert.match(await open.text(), MARKER);
  });
});
