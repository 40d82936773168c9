import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Hono } from 'hono';
import type { Db } from '../store/db.js';
import { makeApp } from '../test/harness.js';
import type { CollectorDeps } from '../app.js';
import { pageRoutes } from '../routes/pages.js';
import { openDb } from '../reports/test-db.js';
import { SAMPLE, insertResponses } from '../reports/test-seed.js';
import { escapeHtml, markup, raw } from './html.js';
import { PAGE_CSP } from './layout.js';
import { periodLabel } from './results.js';

const CSP =
  "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'; base-uri 'none'; form-action 'self'";

describe('html', () => {
  it('escapes every interpolated string, keeps nested templates and raw markup', () => {
    const evil = `<script>alert("x")</script>&'`;
    expect(markup`<p title="${evil}">${evil}</p>`.value).toBe(
      '<p title="&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;">&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;&amp;&#39;</p>',
    );
    expect(markup`<ul>${['a<', 'b'].map((s) => markup`<li>${s}</li>`)}</ul>`.value).toBe(
      '<ul><li>a&lt;</li><li>b</li></ul>',
    );
    expect(markup`${raw('<br>')}${null}${false}${3}`.value).toBe('<br>3');
    expect(escapeHtml('"')).toBe('&quot;');
  });
  it('names periods in Russian and English', () => {
    expect(periodLabel('2026-Q3', 'ru')).toBe('III квартал 2026');
    expect(periodLabel('2026-H1', 'ru')).toBe('1-е полугодие 2026');
    expect(periodLabel('2026-03', 'ru')).toBe('март 2026');
    expect(periodLabel('2026', 'ru')).toBe('2026 год');
    expect(periodLabel('2026-Q3', 'en')).toBe('Q3 2026');
  });
});

/** No inline script or style anywhere: the CSP would block them, so they must not be needed. */
function expectNoInline(page: string): void {
  expect(page).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  expect(page).not.toMatch(/<style/);
  expect(page).not.toMatch(/\sstyle=/);
  expect(page).not.toMatch(/\son[a-z]+=/);
}

describe('pages', () => {
  let db: Db;
  let app: Hono;
  let deps: CollectorDeps;
  let dir: string;
  beforeAll(async () => {
    db = await openDb('pglite', 'unused');
    dir = mkdtempSync(join(tmpdir(), 'otklik-pages-'));
    mkdirSync(join(dir, 'widget'));
    writeFileSync(join(dir, 'widget', 'feedback-survey.js'), 'export {};\n');
    mkdirSync(join(dir, 'examples', 'kiosk'), { recursive: true });
    writeFileSync(
      join(dir, 'examples', 'kiosk', 'index.html'),
      '<!doctype html><title>Киоск</title>',
    );
    writeFileSync(join(dir, 'secret.txt'), 'secret');
    ({ app, deps } = await makeApp(db));
    deps.config = { ...deps.config, demo: true, widgetDir: join(dir, 'widget') };
    await deps.surveys.publish(SAMPLE);
  });
  afterAll(async () => {
    await db?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const get = (path: string) => Promise.resolve(app.request(path));

  it('serves the demo page with the widget, links and a strict CSP', async () => {
    const res = await get('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(PAGE_CSP).toBe(CSP);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    const body = await res.text();
    expect(body).toContain(
      '<feedback-survey collector="" survey="belgorod-typical" channel="site">',
    );
    expect(body).toContain('<script type="module" src="/widget/feedback-survey.js"></script>');
    expect(body).toContain('<link rel="stylesheet" href="/assets/site.css">');
    for (const href of ['/s/belgorod-typical?', '/examples/kiosk/', '/results/belgorod-typical'])
      expect(body).toContain(`href="${href}`);
    expect(body).toContain('<main id="main">');
    expectNoInline(body);
  });

  it('has no demo page unless config.demo', async () => {
    const { app: plain } = await makeApp(db);
    expect((await plain.request('/')).status).toBe(404);
  });

  it('serves the stylesheet, widget files with content types, and a hint when the widget is missing', async () => {
    const css = await get('/assets/site.css');
    expect(css.headers.get('content-type')).toBe('text/css; charset=utf-8');
    expect(await css.text()).toContain('prefers-reduced-motion');
    const js = await get('/widget/feedback-survey.js');
    expect(js.status).toBe(200);
    expect(js.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    const missing = await get('/widget/feedback-survey.iife.js');
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('pnpm --filter @otklik/widget build');
    for (const p of [
      '/widget/..%2Fsecret.txt',
      '/widget/%2e%2e/secret.txt',
      '/widget/..%5Csecret.txt',
      '/widget/%00x.js',
    ]) {
      expect((await get(p)).status, p).toBe(404);
    }
  });

  it('serves examples/kiosk read-only, HTML with the CSP', async () => {
    const sub = pageRoutes(deps, { examplesDir: join(dir, 'examples') });
    expect((await sub.request('/examples/kiosk')).status).toBe(301);
    const res = await sub.request('/examples/kiosk/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    expect(await res.text()).toContain('Киоск');
    expect((await sub.request('/examples/kiosk/../../secret.txt')).status).toBe(404);
    expect((await sub.request('/examples/kiosk/', { method: 'POST' })).status).toBe(404);
  });

  it('hosts a survey for links and QR codes, context escaped into attributes', async () => {
    const res = await get('/s/sample?channel=email&object=%3Cscript%3Ex&touchpoint=a%22b&lang=en');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toBe(CSP);
    const body = await res.text();
    expect(body).toContain('<html lang="en">');
    expect(body).toContain('<meta name="robots" content="noindex, nofollow">');
    expect(body).toContain(
      '<feedback-survey collector="" survey="sample" channel="email" object="&lt;script&gt;x" touchpoint="a&quot;b" lang="en" context-from-url>',
    );
    expect(body).not.toContain('<script>x');
    expect(body).toContain('Sample');
    expectNoInline(body);
  });

  it('refuses an unknown channel and an unknown survey with a page, not a crash', async () => {
    const bad = await get('/s/sample?channel=fax');
    expect(bad.status).toBe(400);
    expect(bad.headers.get('content-security-policy')).toBe(CSP);
    expect(await bad.text()).toContain('Неизвестный канал');
    const none = await get('/s/nope');
    expect(none.status).toBe(404);
    expect(await none.text()).toContain('Опрос не найден');
    expect((await get(`/s/sample?object=${'x'.repeat(201)}`)).status).toBe(400);
  });

  describe('public results', () => {
    it('hides everything but the count below the k-anonymity threshold', async () => {
      await insertResponses(db, SAMPLE.id, [{ answers: { q2: 5 } }, { answers: { q2: 4 } }]);
      const body = await (await get('/results/sample')).text();
      expect(body).toContain('Ответов пока меньше 5');
      expect(body).not.toContain('<table');
    });

    it('shows headline figures and per-question tables, never free text or specify texts', async () => {
      const many = (n: number, q2: number, answeredAt: string, channel = 'site') =>
        Array.from({ length: n }, () => ({ answers: { q2 }, answeredAt, channel }));
      await insertResponses(db, SAMPLE.id, [
        {
          answers: { q2: 1, q7: '<script>alert(1)</script> Иванов И.И.' },
          answeredAt: '2026-01-05T00:00:00Z',
        },
        {
          answers: { q2: 5, q3: ['other'] },
          specify: { q3: { other: '<script>steal()</script>' } },
          answeredAt: '2026-01-06T00:00:00Z',
        },
        { answers: { q2: 4, q6: 10 }, channel: 'kiosk', answeredAt: '2026-07-01T00:00:00Z' },
        ...many(2, 3, '2026-01-07T00:00:00Z'),
        ...many(8, 5, '2026-01-07T00:00:00Z'),
        ...many(6, 4, '2026-02-07T00:00:00Z'),
        ...many(5, 4, '2026-07-07T00:00:00Z', 'kiosk'),
      ]);
      const res = await get('/results/sample');
      expect(res.status).toBe(200);
      expect(res.headers.get('content-security-policy')).toBe(CSP);
      const body = await res.text();
      expect(body).toContain('Опрос &lt;образец&gt;');
      expect(body).not.toContain('<образец>');
      expect(body).not.toContain('alert(1)');
      expect(body).not.toContain('Иванов');
      expect(body).not.toContain('steal()');
      expect(body).toContain('<caption>Оцените качество</caption>');
      expect(body).toContain('<caption>Ответы по каналам</caption>');
      // 23 of 26 rated 4 or 5: the level reads only published counts, so it is shown.
      expect(body).toMatch(/<span class="figure">88,5\u00a0%<\/span>уровень удовлетворённости/);
      // The one «1» and the two «3» are withheld, and with them the mean that would give them away.
      expect(body).toContain('<tr><th scope="row">1</th><td class="num">скрыто</td>');
      expect(body).toContain('<tr><th scope="row">3</th><td class="num">скрыто</td>');
      expect(body).toContain('Средняя оценка: скрыто');
      expect(body).toContain('<meter min="0" max="100" value="50"');
      expect(body).toContain('Тексты ответов не публикуются');
      expect(body).not.toMatch(/<script/);
      expectNoInline(body);
    });

    it('groups by period through links, hiding small periods', async () => {
      const body = await (await get('/results/sample?period=half-year')).text();
      expect(body).toContain('<caption>Результаты по периодам</caption>');
      expect(body).toMatch(
        /<a href="\?period=half-year&amp;key=2026-H1">1-е полугодие 2026<\/a><\/th><td class="num">20<\/td>/,
      );
      expect(body).toContain('href="?period=quarter"');
      // March 2026 has two responses: withheld whole, and so is another month of its quarter.
      const months = await (await get('/results/sample?period=month')).text();
      expect(months).toContain(
        '<tr><th scope="row">март 2026</th><td colspan="4">скрыто, чтобы сохранить анонимность</td></tr>',
      );
      const json = (await (await get('/results/sample.json?period=month')).json()) as {
        total: { responses: number } | null;
        groups: { key: string; report: { responses: number | string } }[];
      };
      expect(json.total?.responses).toBe(26);
      expect(json.groups.map((g) => [g.key, g.report.responses])).toEqual([
        ['2026-01', 12],
        ['2026-02', 'hidden'],
        ['2026-03', 'hidden'],
        ['2026-07', 6],
      ]);
      expect(JSON.stringify(json)).not.toContain('steal()');
      const unknown = await get('/results/sample?period=decade');
      expect(unknown.status).toBe(200);
      expect((await get('/results/nope')).status).toBe(404);
    });
  });
});
