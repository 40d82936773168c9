// The analysts' dashboard in real Chromium: responses answered through the widget on the hosted
// page show up in /admin with the report API's figures; every filter, alone or combined, narrows
// them as the API does and as core's accumulator does over the same stored responses; pages
// refuse without a session; a respondent-sent touchpoint with markup shows as text; axe finds
// nothing at desktop width, at 320 px, at 200 % zoom and in forced colours; sign-in, sorting and
// sign-out work from the keyboard. Shots for docs/analytics.md are written to docs/images only with
// UPDATE_SCREENSHOTS=1.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { createAccumulator, type Survey, type SurveyResponse } from '@otklik/core';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  axeViolations as axe,
  launchChromium,
  root,
  type RunningCollector,
  startCollector,
} from './helpers.js';

const out = process.env.UPDATE_SCREENSHOTS
  ? join(root, 'docs/images')
  : mkdtempSync(join(tmpdir(), 'otklik-dash-shots-'));
const XSS = '<img src=x onerror="window.__pwned=1">';
const SURVEY = 'kiosk-pulse';

interface Report {
  total: { responses: number; summary: { satisfactionLevel: number | null } };
  groups: {
    key: string;
    report: { responses: number; summary: { satisfactionLevel: number | null } };
  }[];
}

/** A page that records console errors, page errors and CSP violations. */
async function watched(context: BrowserContext): Promise<{ page: Page; problems: string[] }> {
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('console', (m) => {
    // The 401 of a refused page is expected here; its status is asserted where it matters.
    if (m.text().startsWith('Failed to load resource')) return;
    if (m.type() === 'error' || m.text().includes('Content Security Policy'))
      problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  return { page, problems };
}

describe('analytics dashboard', () => {
  let collector: RunningCollector;
  let browser: Browser;
  let context: BrowserContext;

  before(async () => {
    [collector, browser] = await Promise.all([startCollector(), launchChromium()]);
    context = await browser.newContext({ viewport: { width: 1280, height: 800 }, locale: 'ru-RU' });
  });
  after(async () => {
    await browser?.close();
    await collector?.stop();
  });

  const api = async (query: string): Promise<Report> => {
    const r = await fetch(`${collector.url}/v1/surveys/${SURVEY}/report${query}`, {
      headers: { authorization: `Bearer ${collector.token}` },
    });
    assert.equal(r.status, 200);
    return (await r.json()) as Report;
  };

  it('is announced by the start banner', () => {
    assert.match(collector.output(), new RegExp(`dashboard: +${collector.url}/admin`));
  });

  it('counts responses answered through the widget, with the report API’s figures', async () => {
    // Three respondents on the hosted page: two by e-mail link, one by QR code with a touchpoint
    // that carries markup (the host page's link decides it, so it is not to be trusted).
    for (const [score, query] of [
      [5, 'channel=email&object=example-documents'],
      [2, 'channel=email&object=example-consultation'],
      [4, `channel=qr&object=example-documents&touchpoint=${encodeURIComponent(XSS)}`],
    ] as const) {
      const page = await context.newPage();
      await page.goto(`${collector.url}/s/${SURVEY}?${query}`);
      await page
        .getByRole('group', { name: /удовлетворены обслуживанием/ })
        .first()
        .getByRole('radio', { name: new RegExp(` ${score}( —|$)`) })
        .check();
      await page.getByRole('button', { name: 'Отправить' }).click();
      await page.getByText(/Код ответа: [0-9A-Z]{8}/).waitFor({ timeout: 15_000 });
      await page.close();
    }
    assert.deepEqual(await context.cookies(), [], 'no cookie for respondents');

    const { page, problems } = await watched(context);
    // Without a session: 401 and the sign-in form, no figures.
    const refused = await page.goto(`${collector.url}/admin/surveys/${SURVEY}`);
    assert.equal(refused?.status(), 401);
    assert.equal(await page.getByText('Приём документов').count(), 0);
    assert.deepEqual(await axe(page), [], 'sign-in page: axe');

    // Sign in from the keyboard: the token field, then Enter.
    await page.getByLabel('Токен доступа').focus();
    await page.keyboard.type(collector.token);
    await page.keyboard.press('Enter');
    await page.locator('[data-figure=responses]').waitFor();
    const cookies = await context.cookies();
    assert.equal(cookies.length, 1);
    assert.equal(cookies[0]?.httpOnly, true);
    assert.equal(cookies[0]?.sameSite, 'Strict');

    const total = (await api('')).total.responses;
    assert.equal(total, 3);
    assert.equal(await page.locator('[data-figure=responses]').innerText(), String(total));
    const quarter = (await api('?groupBy=period&period=quarter')).groups.at(-1)!;
    const level = quarter.report.summary.satisfactionLevel!;
    assert.equal(level, 66.7, '2 of 3 answers are 4–5');
    const figures = await page.locator('.cards').innerText();
    assert.match(figures, /66,7\s%/, 'Russian decimal comma');

    // The touchpoint's markup is shown as text and never runs.
    assert.equal((await page.getByText(XSS, { exact: true }).count()) > 0, true);
    assert.equal(await page.evaluate(() => 'pwned' in window || '__pwned' in window), false);

    assert.deepEqual(await axe(page), [], 'dashboard: axe');
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
    await shot(page, 'dashboard');
    await page.locator('#headline-h').evaluate((e) => e.scrollIntoView());
    await shot(page, 'dashboard-charts');
    await page.locator('#negative-h').evaluate((e) => e.scrollIntoView());
    await shot(page, 'dashboard-tables');
    await page.close();
  });

  /** Core's accumulator over the stored responses that pass `keep`: the third opinion. */
  const accumulated = async (keep: (r: SurveyResponse) => boolean) => {
    const auth = { headers: { authorization: `Bearer ${collector.token}` } };
    const survey = (await (
      await fetch(`${collector.url}/v1/surveys/${SURVEY}`, auth)
    ).json()) as Survey;
    const { items } = (await (
      await fetch(`${collector.url}/v1/surveys/${SURVEY}/responses?limit=1000`, auth)
    ).json()) as { items: SurveyResponse[] };
    const acc = createAccumulator(survey);
    for (const r of items) if (keep(r)) acc.add(r);
    return acc.result();
  };

  it('every filter changes the figures as the report API and the accumulator do, and stays in the URL', async () => {
    const { page, problems } = await watched(context);
    await page.goto(`${collector.url}/admin/surveys/${SURVEY}`);
    // Two filters combined, ticked from the keyboard: channel «e-mail» and one service.
    await page.getByRole('checkbox', { name: 'Электронная почта' }).focus();
    await page.keyboard.press('Space');
    await page
      .getByRole('group', { name: /Услуга/ })
      .getByRole('checkbox')
      .first()
      .check();
    const service = await page
      .getByRole('group', { name: /Услуга/ })
      .getByRole('checkbox')
      .first()
      .getAttribute('value');
    await page.getByRole('button', { name: 'Показать' }).click();
    await page.waitForURL(/channel=email/);
    assert.match(page.url(), new RegExp(`object=${service}`));
    const both = await api(`?channel=email&object=${service}`);
    const byHand = await accumulated(
      (r) => r.context.channel === 'email' && r.context.object === service,
    );
    assert.equal(both.total.responses, byHand.responses);
    assert.equal(both.total.summary.satisfactionLevel, byHand.summary.satisfactionLevel);
    assert.equal(
      await page.locator('[data-figure=responses]').innerText(),
      String(both.total.responses),
    );
    // The view is a link: reloading it keeps both boxes ticked.
    await page.reload();
    assert.equal(await page.getByRole('checkbox', { name: 'Электронная почта' }).isChecked(), true);
    assert.deepEqual(await axe(page), [], 'filtered dashboard: axe');

    // Each filter alone, by URL: page = report API = accumulator.
    for (const [query, keep] of [
      ['channel=email', (r: SurveyResponse) => r.context.channel === 'email'],
      ['channel=email,qr', (r: SurveyResponse) => ['email', 'qr'].includes(r.context.channel)],
      ['object=example-documents', (r: SurveyResponse) => r.context.object === 'example-documents'],
      [
        'touchpoint=' + encodeURIComponent(XSS),
        (r: SurveyResponse) => r.context.touchpoint === XSS,
      ],
      ['respondent=external', (r: SurveyResponse) => r.context.respondent !== 'internal'],
      ['respondent=internal', (r: SurveyResponse) => r.context.respondent === 'internal'],
      [
        'channel=qr,email&respondent=external',
        (r: SurveyResponse) =>
          ['qr', 'email'].includes(r.context.channel) && r.context.respondent !== 'internal',
      ],
    ] as const) {
      await page.goto(`${collector.url}/admin/surveys/${SURVEY}?${query}`);
      const fromApi = await api(`?${query}`);
      const fromCore = await accumulated(keep);
      assert.equal(fromApi.total.responses, fromCore.responses, query);
      assert.equal(
        fromApi.total.summary.satisfactionLevel,
        fromCore.summary.satisfactionLevel,
        query,
      );
      assert.equal(
        await page.locator('[data-figure=responses]').innerText(),
        String(fromApi.total.responses),
        query,
      );
    }
    await page.goto(`${collector.url}/admin/surveys/${SURVEY}?channel=email`);
    assert.match(await page.locator('.cards').innerText(), /50\s%/, 'one of two e-mailed is 4–5');

    // A date range with no responses: nothing counted.
    await page.goto(`${collector.url}/admin/surveys/${SURVEY}?from=2000-01-01&to=2000-12-31`);
    assert.equal(await page.locator('[data-figure=responses]').innerText(), '0');

    // Sorting from the keyboard: focus the column's link and press Enter.
    await page.goto(`${collector.url}/admin/surveys/${SURVEY}`);
    await page.locator('#services th a', { hasText: 'Ответов' }).focus();
    await page.keyboard.press('Enter');
    await page.waitForURL(/sort=-responses/);
    const first = await page.locator('#services tbody tr').first().locator('th').innerText();
    assert.match(first, /Приём документов/, 'most responses first');
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('reflows at 320 px, at 200 % zoom and in forced colours, in both languages', async () => {
    for (const [name, viewport, forced] of [
      ['320 px', { width: 320, height: 700 }, false],
      ['200 % zoom', { width: 640, height: 400 }, false],
      ['forced colours', { width: 1280, height: 800 }, true],
    ] as const) {
      const ctx = await browser.newContext({
        viewport,
        locale: 'en-GB',
        ...(forced ? { forcedColors: 'active' as const } : {}),
        storageState: await context.storageState(),
      });
      const page = await ctx.newPage();
      await page.goto(`${collector.url}/admin/surveys/${SURVEY}`);
      assert.equal(await page.locator('html').getAttribute('lang'), 'en', 'Accept-Language: en');
      const overflow = await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      );
      const wide = await page.evaluate(() =>
        [...document.querySelectorAll('body *')]
          .filter((e) => e.getBoundingClientRect().right > document.documentElement.clientWidth + 1)
          .filter((e) => !e.parentElement?.closest('.scroll'))
          .slice(0, 5)
          .map((e) => `${e.tagName}.${e.className} ${Math.round(e.getBoundingClientRect().right)}`),
      );
      assert.ok(
        overflow <= 0,
        `${name}: no horizontal scrolling (${overflow} px): ${wide.join(', ')}`,
      );
      assert.deepEqual(await axe(page), [], `${name}: axe`);
      if (name === '320 px') await shot(page, 'dashboard-phone');
      await ctx.close();
    }
  });

  it('signs out, after which pages refuse again', async () => {
    const page = await context.newPage();
    await page.goto(`${collector.url}/admin`);
    await page.getByRole('button', { name: 'Выйти' }).click();
    await page.waitForURL('**/admin/sign-in');
    const again = await page.goto(`${collector.url}/admin`);
    assert.equal(again?.status(), 401);
    assert.deepEqual(await context.cookies(), []);
    // A made-up session cookie is refused as well.
    await context.addCookies([
      { name: 'otklik_admin', value: `admin.9999999999.${randomUUID()}.x`, url: collector.url },
    ]);
    assert.equal((await page.goto(`${collector.url}/admin`))?.status(), 401);
    await page.close();
  });
});

/** The viewport as docs/images/<name>.png (a temporary folder unless UPDATE_SCREENSHOTS=1). */
async function shot(page: Page, name: string): Promise<void> {
  await page.mouse.move(0, 0);
  const path = join(out, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled', caret: 'hide' });
  const bytes = statSync(path).size;
  assert.ok(bytes > 5_000 && bytes < 200_000, `${name}.png is ${bytes} bytes`);
  console.log(`${path} ${Math.round(bytes / 1024)} KB`);
}
