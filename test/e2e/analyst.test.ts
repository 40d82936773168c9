// The analyst pages in real Chromium against the real collector: open answers (respondents'
// markup shown as text, never run), themes (renamed from the keyboard), the pain map (a row added
// and edited from the keyboard, its history shown), and the period report printed to PDF by
// Chromium and read back with pdftotext (A4 pages, page numbers, the figures). axe finds nothing
// on each page at desktop width, at 320 px, at 200 % zoom, in English. Shots for docs/results.md
// go to docs/images only with UPDATE_SCREENSHOTS=1.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { sampleComplaints } from '../../packages/collector/src/themes/sample-complaints.js';
import { launchChromium, root, type RunningCollector, startCollector } from './helpers.js';

const out = process.env.UPDATE_SCREENSHOTS
  ? join(root, 'docs/images')
  : mkdtempSync(join(tmpdir(), 'otklik-analyst-shots-'));
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const SCRIPT = '<script>window.__pwned=1</script>';
const IMG = '<img src=x onerror="window.__pwned=1">';
const ID = 'analyst-e2e';

const SURVEY = {
  id: ID,
  version: 1,
  title: { ru: 'Качество приёма граждан', en: 'Reception quality' },
  catalogs: {
    services: [
      { id: 'licence', text: { ru: 'Выдача лицензий', en: 'Licences' } },
      { id: 'consult', text: { ru: 'Консультации', en: 'Consultations' } },
    ],
  },
  questions: [
    {
      id: 'q1',
      type: 'scale',
      role: 'satisfaction',
      min: 1,
      max: 5,
      title: { ru: 'Насколько вы удовлетворены приёмом?', en: 'How satisfied are you?' },
    },
    {
      id: 'q2',
      type: 'multiple',
      title: { ru: 'С какими проблемами столкнулись?', en: 'Which problems did you meet?' },
      options: [
        { id: 'queue', text: { ru: 'Очередь', en: 'Queue' }, problem: true },
        {
          id: 'other',
          text: { ru: 'Другое (укажите)', en: 'Other (specify)' },
          problem: true,
          specify: {},
        },
        { id: 'none', text: { ru: 'Проблем не было', en: 'No problems' }, exclusive: true },
      ],
    },
    {
      id: 'q3',
      type: 'text',
      multiline: true,
      title: { ru: 'Что нам улучшить?', en: 'What should we improve?' },
    },
  ],
};

async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: {
        run: (
          o: object,
        ) => Promise<{ violations: { id: string; nodes: { target: string[] }[] }[] }>;
      };
    };
    const r = await w.axe.run({ resultTypes: ['violations'] });
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

async function shot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  const path = join(out, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  const bytes = statSync(path).size;
  assert.ok(bytes > 5_000 && bytes < 250_000, `${name}.png is ${bytes} bytes`);
  console.log(`${path} ${Math.round(bytes / 1024)} KB`);
}

/** Nothing wider than the viewport outside the tables' own scrolling regions. */
async function overflow(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const width = document.documentElement.clientWidth;
    if (document.documentElement.scrollWidth <= width) return [];
    return [...document.querySelectorAll('body *')]
      .filter((e) => e.getBoundingClientRect().right > width + 1)
      .filter((e) => !e.parentElement?.closest('.scroll'))
      .slice(0, 5)
      .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`);
  });
}

describe('analyst pages', () => {
  let collector: RunningCollector;
  let browser: Browser;
  let context: BrowserContext;
  const problems: string[] = [];

  const page = async (): Promise<Page> => {
    const p = await context.newPage();
    p.on('console', (m) => {
      // The 401 of the refused page is expected; its status is asserted where it matters.
      if (m.text().startsWith('Failed to load resource')) return;
      if (m.type() === 'error' || m.text().includes('Content Security Policy'))
        problems.push(m.text());
    });
    p.on('pageerror', (e) => problems.push(String(e)));
    return p;
  };

  before(async () => {
    [collector, browser] = await Promise.all([
      startCollector({ RATE_LIMIT: 'off' }),
      launchChromium(),
    ]);
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ru-RU' });
    const admin = {
      authorization: `Bearer ${collector.token}`,
      'content-type': 'application/json',
    };
    const pub = await fetch(`${collector.url}/v1/surveys`, {
      method: 'POST',
      headers: admin,
      body: JSON.stringify(SURVEY),
    });
    assert.equal(pub.status, 201, await pub.text());
    // 80 complaints by e-mail and kiosk, the last two with markup; the texts of «Другое» too.
    const texts = [...sampleComplaints(78, 5).map((x) => x.text), SCRIPT, IMG];
    for (const [i, text] of texts.entries()) {
      const r = await fetch(`${collector.url}/v1/surveys/${ID}/responses`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          responseId: randomUUID(),
          surveyId: ID,
          surveyVersion: 1,
          lang: 'ru',
          answers: { q1: (i % 5) + 1, q2: i % 3 ? ['queue'] : ['other'], q3: text },
          ...(i % 3 ? {} : { specify: { q2: { other: `Не работал терминал ${i}` } } }),
          context: {
            channel: i % 2 ? 'email' : 'kiosk',
            respondent: 'external',
            object: i % 2 ? 'licence' : 'consult',
          },
        }),
      });
      assert.equal(r.status, 201, await r.text());
    }
  });
  after(async () => {
    await browser?.close();
    await collector?.stop();
  });

  it('signs in from the keyboard and lists open answers as text', async () => {
    const p = await page();
    const refused = await p.goto(`${collector.url}/admin/surveys/${ID}/answers`);
    assert.equal(refused?.status(), 401);
    await p.getByLabel('Токен доступа').focus();
    await p.keyboard.type(collector.token);
    await p.keyboard.press('Enter');
    await p.waitForURL(`**/admin/surveys/${ID}/answers`);
    // The first question with free texts is q2's «Другое (укажите)»; the open question is q3.
    await p.getByLabel('Вопрос', { exact: true }).selectOption('q3');
    await p.getByRole('button', { name: 'Показать' }).press('Enter');
    await p.waitForURL(/question=q3/);
    await p.locator('ol.answers').waitFor();
    // Newest first: the two answers with markup, shown as typed, never run.
    const newest = await p
      .locator('ol.answers > li p.answer')
      .evaluateAll((ps) => ps.slice(0, 2).map((e) => (e as HTMLElement).innerText));
    assert.deepEqual(newest.sort(), [IMG, SCRIPT].sort());
    assert.equal(await p.getByText(SCRIPT, { exact: true }).count(), 1);
    assert.equal(await p.evaluate(() => '__pwned' in window), false);
    assert.equal(await p.locator('ol.answers > li').count(), 50);
    // Filters from the keyboard: only kiosk, then the next page link.
    await p.getByLabel('Только').selectOption({ label: 'Киоск' });
    await p.getByRole('button', { name: 'Показать' }).press('Enter');
    await p.waitForURL(/slice=channel%3Akiosk/);
    assert.equal(await p.locator('ol.answers > li').count(), 40);
    assert.deepEqual(await axe(p), [], 'answers: axe');
    await p.goto(`${collector.url}/admin/surveys/${ID}/answers?question=q3`);
    await shot(p, 'analyst-answers');
    await p.close();
  });

  it('shows themes and renames one from the keyboard; the name survives new responses', async () => {
    const p = await page();
    await p.goto(`${collector.url}/admin/surveys/${ID}/themes?question=q3`);
    const sections = p.locator('section.theme');
    assert.ok((await sections.count()) > 2, 'themes found');
    assert.deepEqual(await axe(p), [], 'themes: axe');
    await shot(p, 'analyst-themes');
    const firstTheme = sections.first();
    await firstTheme.locator('summary').focus();
    await p.keyboard.press('Enter');
    await firstTheme.getByLabel('Название').focus();
    await p.keyboard.type('Очереди в приёмной');
    await p.keyboard.press('Enter');
    await p.waitForURL(/saved=1/);
    assert.equal(await p.getByRole('status').innerText(), 'Изменение сохранено.');
    assert.equal(await p.getByRole('heading', { name: 'Очереди в приёмной' }).count(), 1);
    const r = await fetch(`${collector.url}/v1/surveys/${ID}/responses`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        responseId: randomUUID(),
        surveyId: ID,
        surveyVersion: 1,
        lang: 'ru',
        answers: { q1: 2, q3: 'Очередь опять два часа' },
        context: { channel: 'site', respondent: 'external' },
      }),
    });
    assert.equal(r.status, 201);
    await p.reload();
    assert.equal(await p.getByRole('heading', { name: 'Очереди в приёмной' }).count(), 1);
    await p.close();
  });

  it('keeps the pain map: suggestions, a row from an appeal added and edited, its history', async () => {
    const p = await page();
    await p.goto(`${collector.url}/admin/surveys/${ID}/pain-map`);
    assert.match(await p.locator('#sugg-cap').innerText(), /Предложено по ответам/);
    await p
      .getByRole('button', { name: 'Добавить в карту предложенные проблемы и низкие оценки' })
      .press('Enter');
    await p.waitForURL(/saved=1/);
    const add = p.locator('form[aria-labelledby=add-h]');
    await add.getByLabel('Процесс, услуга').fill('Выдача лицензий');
    await add.getByLabel('Проблема, потребность').fill('Жалобы на сроки в обращениях');
    await add.getByLabel('Источник').selectOption('appeal');
    await add.getByLabel('Распространённость').selectOption('high');
    await add.getByRole('button', { name: 'Добавить строку' }).press('Enter');
    await p.waitForURL(/saved=1/);
    const row = p.locator('details', { hasText: 'Жалобы на сроки в обращениях' });
    await row.locator('summary').focus();
    await p.keyboard.press('Enter');
    await row.getByLabel('Меры').fill('Второе окно приёма по вторникам');
    await row.getByLabel('Статус').selectOption('in-progress');
    await row.getByRole('button', { name: /Сохранить строку/ }).press('Enter');
    await p.waitForURL(/saved=1/);
    const again = p.locator('details', { hasText: 'Жалобы на сроки в обращениях' });
    await again.locator('summary').click();
    const history = await again.locator('table').innerText();
    assert.match(history, /Меры\s+Второе окно приёма по вторникам/);
    assert.match(history, /Статус\s+запланировано\s+выполняется/);
    const xlsx = await p.request.get(`${collector.url}/admin/surveys/${ID}/pain-map.xlsx`);
    assert.equal(xlsx.status(), 200);
    assert.match(xlsx.headers()['content-type'] ?? '', /spreadsheetml/);
    assert.deepEqual(await axe(p), [], 'pain map: axe');
    await p.locator('#rows-h').evaluate((e) => e.scrollIntoView());
    await shot(p, 'analyst-painmap');
    await p.close();
  });

  it('prints the period report to A4 PDF with page numbers and the figures', async () => {
    const p = await page();
    const quarter = `${new Date().getUTCFullYear()}-Q${Math.floor(new Date().getUTCMonth() / 3) + 1}`;
    await p.goto(`${collector.url}/admin/report?survey=${ID}&period=${quarter}`);
    const responses = await p.locator('.cards .figure').first().innerText();
    assert.equal(responses, '81');
    assert.deepEqual(await axe(p), [], 'report: axe');
    await shot(p, 'analyst-report');
    await p.emulateMedia({ media: 'print' });
    const pdf = join(mkdtempSync(join(tmpdir(), 'otklik-report-')), 'report.pdf');
    // The page's own @page rules: A4, margins, the page numbers in the bottom margin.
    writeFileSync(pdf, await p.pdf({ preferCSSPageSize: true, printBackground: true }));
    const info = execFileSync('pdfinfo', [pdf], { encoding: 'utf8' });
    const pages = Number(/Pages:\s+(\d+)/.exec(info)?.[1]);
    assert.match(info, /Page size:.*\(A4\)/);
    assert.ok(pages >= 2, `${pages} pages`);
    // Raw mode: the text in the order Chromium wrote it, so a table cell wrapped over two lines
    // reads as one phrase once the white space is folded (layout mode interleaves the cells of a
    // row and drops the spaces around the slash of «1 / 3»).
    const raw = execFileSync('pdftotext', ['-raw', pdf, '-'], { encoding: 'utf8' });
    const byPage = raw.split('\f');
    const text = raw.replace(/\s+/g, ' ');
    for (let i = 1; i <= pages; i++)
      assert.match(
        byPage[i - 1] ?? '',
        new RegExp(`\\b${i} / ${pages}\\b`),
        `page number on page ${i}`,
      );
    assert.match(text, /Отчёт о результатах обратной связи/);
    assert.match(text, /Качество приёма граждан/);
    assert.match(text, /По услугам/);
    assert.match(text, /Выдача лицензий/);
    // The row edited above, cell by cell: process, problem, prevalence, measures, status.
    assert.match(
      text,
      /Выдача лицензий Жалобы на сроки в обращениях Высокая Второе окно приёма по вторникам выполняется/,
    );
    assert.doesNotMatch(text, /Сформировать|Выйти/, 'no forms or menus in print');
    console.log(`report.pdf: ${pages} pages, ${statSync(pdf).size} bytes`);
    await p.close();
  });

  it('reflows at 320 px and 200 % zoom in English, and axe finds nothing', async () => {
    const state = await context.storageState();
    for (const [name, viewport] of [
      ['320 px', { width: 320, height: 700 }],
      ['200 % zoom', { width: 640, height: 400 }],
    ] as const) {
      const ctx = await browser.newContext({ viewport, locale: 'en-GB', storageState: state });
      const p = await ctx.newPage();
      for (const path of [
        `/admin/surveys/${ID}/answers?question=q3`,
        `/admin/surveys/${ID}/themes?question=q3`,
        `/admin/surveys/${ID}/pain-map`,
        `/admin/report?survey=${ID}`,
      ]) {
        await p.goto(`${collector.url}${path}`);
        assert.equal(await p.locator('html').getAttribute('lang'), 'en');
        assert.deepEqual(await overflow(p), [], `${name} ${path}: no horizontal scrolling`);
        assert.deepEqual(await axe(p), [], `${name} ${path}: axe`);
        if (name === '320 px' && path.includes('/themes')) await shot(p, 'analyst-themes-phone');
      }
      await ctx.close();
    }
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  });
});
