// The survey editor in real Chromium against the real collector, the way the issue's «done when»
// reads: an administrator signs in, builds the Vladimir form's questions (seed 003) from a blank
// survey through the editor's controls — kinds, texts in both languages, options with their codes
// and marks, scales, a matrix, the service binding, the headline and both jumps (Q4
// «Учреждение»/«МФЦ» → Q6, Q7 «Да» → Q9) — and the draft equals core's template question for
// question. The preview's real widget and the path walk both skip Q5 after Q4 = МФЦ. Reordering by
// keyboard keeps ids and focus. axe finds nothing at desktop width, at 320 px and at 200 % zoom; the
// CSP stays strict (no violations). «Опубликовать» posts the draft and the session's CSRF value to
// the review page, which publishes it from the keyboard and hands over to the share page; the embed
// snippet taken from that page, put on a page of the collector's origin, is answered by a
// respondent along the jumps, and the dashboard and the report API count that one response. Shots
// for docs/editor.md go to docs/images only with UPDATE_SCREENSHOTS=1.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type {
  CatalogEntry,
  ChoiceOption,
  LocalizedText,
  Question,
  ScaleSpec,
  Survey,
  SurveyResponse,
} from '@otklik/core';
import { vladimirSocial } from '@otklik/core/templates';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { keyTo, launchChromium, root, type RunningCollector, startCollector } from './helpers.js';

const out = process.env.UPDATE_SCREENSHOTS
  ? join(root, 'docs/images')
  : mkdtempSync(join(tmpdir(), 'otklik-editor-shots-'));
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ID = 'vladimir-e2e';
/** Q1–Q7 of the form, and Q8–Q9 that the jump from Q7 lands on. */
const BUILT = vladimirSocial.questions.slice(0, 9);
/** The body's services catalogue that Q1 («Укажите наименование…») lists. */
const SERVICES: CatalogEntry[] = [
  {
    id: 'child-benefit',
    text: { ru: 'Ежемесячное пособие на ребёнка', en: 'Monthly child benefit' },
  },
  {
    id: 'housing-subsidy',
    text: {
      ru: 'Субсидия на оплату жилья и коммунальных услуг',
      en: 'Housing and utilities subsidy',
    },
  },
];

async function axe(page: Page): Promise<string[]> {
  await page.evaluate(AXE);
  return page.evaluate(async () => {
    const w = window as unknown as {
      axe: { run: (o: object) => Promise<{ violations: { id: string; nodes: unknown[] }[] }> };
    };
    const r = await w.axe.run({ resultTypes: ['violations'] });
    return r.violations.map(
      (v) =>
        `${v.id}: ${(v.nodes as { target: string[][] }[]).map((n) => JSON.stringify(n.target)).join(', ')}`,
    );
  });
}

/** The editor's draft, as «Опубликовать» would post it. */
const draft = async (page: Page): Promise<Survey> =>
  JSON.parse(await page.locator('otklik-editor input[name=survey]').inputValue()) as Survey;

async function fillText(page: Page, base: string, t: LocalizedText | undefined): Promise<void> {
  if (!t) return;
  await page.locator(`${base}-ru`).fill(t.ru);
  if (t.en) await page.locator(`${base}-en`).fill(t.en);
}

/** Opens a <details> that holds a control, as a keyboard user would with Enter on its summary. */
async function reveal(page: Page, control: string): Promise<void> {
  const el = page.locator(control);
  if (await el.isVisible()) return;
  const summary = page.locator(`details:has(${control}) > summary`);
  await summary.focus();
  await page.keyboard.press('Enter');
  await el.waitFor({ state: 'visible' });
}

async function buildOptions(
  page: Page,
  q: string,
  key: 'options' | 'extraOptions',
  list: readonly ChoiceOption[],
  initial: number,
): Promise<void> {
  for (let k = initial; k < list.length; k++) await page.locator(`#${q}-${key}-add`).click();
  for (const [k, o] of list.entries()) {
    const base = `#${q}-${key}-${k}`;
    await fillText(page, `${base}-text`, o.text);
    if (o.kind) {
      await reveal(page, `${base}-kind`);
      await page.locator(`${base}-kind`).selectOption(o.kind);
    }
    if (o.positive) {
      await reveal(page, `${base}-positive`);
      await page.locator(`${base}-positive`).check();
    }
    // The code last: the answer's id in exports, as the template has it.
    await reveal(page, `${base}-id`);
    await page.locator(`${base}-id`).fill(o.id);
  }
}

async function buildScale(page: Page, base: string, s: ScaleSpec): Promise<void> {
  await page.locator(`${base}-min`).fill(String(s.min));
  await page.locator(`${base}-max`).fill(String(s.max));
  await page.locator(`${base}-order`).selectOption(s.order ?? 'asc');
  await page.locator(`${base}-role`).selectOption(s.role ?? 'other');
  await fillText(page, `${base}-minlabel`, s.minLabel);
  await fillText(page, `${base}-maxlabel`, s.maxLabel);
}

/** Adds question `q` through the editor's controls (its jumps come once their targets exist). */
async function buildQuestion(page: Page, q: Question): Promise<void> {
  await page.locator('#new-question-type').selectOption(q.type);
  await page.locator('#add-question').click();
  const id = q.id;
  await page.locator(`#${id}-card`).waitFor();
  assert.equal(
    await page.evaluate(
      () => document.querySelector('otklik-editor')!.shadowRoot!.activeElement?.id,
    ),
    `${id}-title-ru`,
    'the new question’s text has the focus',
  );
  await fillText(page, `#${id}-title`, q.title);
  await fillText(page, `#${id}-description`, q.description);
  if (q.required) await page.locator(`#${id}-required`).check();
  switch (q.type) {
    case 'list':
      await page.locator(`#${id}-catalog`).fill(q.catalog ?? '');
      break;
    case 'single':
      if (q.role) await page.locator(`#${id}-role`).selectOption(q.role);
      await buildOptions(page, id, 'options', q.options, 2);
      break;
    case 'multiple':
      await buildOptions(page, id, 'options', q.options, 2);
      break;
    case 'scale':
      await buildScale(page, `#${id}-scale`, q);
      break;
    case 'matrix':
      for (let k = 1; k < q.rows.length; k++) await page.locator(`#${id}-rows-add`).click();
      for (const [k, r] of q.rows.entries()) {
        await fillText(page, `#${id}-rows-${k}-text`, r.text);
        await reveal(page, `#${id}-rows-${k}-id`);
        await page.locator(`#${id}-rows-${k}-id`).fill(r.id);
      }
      await buildScale(page, `#${id}-scale`, q.scale);
      break;
  }
  if (q.context) await page.locator(`#${id}-context`).check();
}

describe('survey editor', () => {
  let collector: RunningCollector;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];

  before(async () => {
    [collector, browser] = await Promise.all([startCollector(), launchChromium()]);
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
    page = await context.newPage();
    page.on('console', (m) => {
      if (m.text().startsWith('Failed to load resource')) return;
      if (m.type() === 'error' || m.text().includes('Content Security Policy'))
        problems.push(m.text());
    });
    page.on('pageerror', (e) => problems.push(String(e)));
  });
  after(async () => {
    await browser?.close();
    await collector?.stop();
  });

  it('builds the Vladimir form from a blank survey, with both jumps', async () => {
    const refused = await page.goto(`${collector.url}/admin/surveys/new`);
    assert.equal(refused?.status(), 401);
    await page.getByLabel('Токен доступа').fill(collector.token);
    const editorPage = page.waitForResponse(
      (r) => r.url() === `${collector.url}/admin/surveys/new` && r.request().method() === 'GET',
    );
    await page.keyboard.press('Enter');
    const res = await editorPage;
    assert.equal(res.status(), 200);
    const csp = res.headers()['content-security-policy'] ?? '';
    assert.match(csp, /script-src 'self';/);
    assert.doesNotMatch(csp, /unsafe/);

    // Start: a blank survey.
    await page.getByRole('radio', { name: 'Пустой опрос' }).check();
    await page.getByRole('button', { name: 'Начать' }).click();
    await page.locator('#survey-id').fill(ID);
    await fillText(page, '#survey-title', vladimirSocial.title);
    for (const q of BUILT) await buildQuestion(page, q);

    // The jumps, from menus that offer only later questions.
    const q4 = page.locator('#q4-options-1-goto');
    const targets = await q4
      .locator('option')
      .evaluateAll((os) => os.map((o) => (o as HTMLOptionElement).value));
    assert.deepEqual(targets, ['', 'q5', 'q6', 'q7', 'q8', 'q9', '@end']);
    await q4.selectOption('q6');
    await page.locator('#q4-options-2-goto').selectOption('q6');
    await page.locator('#q7-options-0-goto').selectOption('q9');
    await page.locator('#survey-headline').selectOption('q3');

    const built = await draft(page);
    assert.equal(built.id, ID);
    assert.equal(built.version, 1);
    assert.deepEqual(built.title, vladimirSocial.title);
    assert.equal(built.headline, 'q3');
    assert.deepEqual(built.questions, BUILT, 'every question as core’s template has it');
    assert.match(await page.locator('#check-status').first().innerText(), /Ошибок нет/);
  });

  it('previews the path Q4 = МФЦ → Q6 in the real widget and in the path walk', async () => {
    // The preview is rebuilt 300 ms after the last edit: answer the widget of the final draft.
    await page.locator('otklik-editor:not([preview-pending])').waitFor();
    const widget = page.locator('otklik-editor feedback-survey');
    const q5 = widget.getByText(BUILT[4]!.title.ru, { exact: true });
    const q6 = widget.getByText(BUILT[5]!.title.ru, { exact: true });
    await q5.waitFor();
    await widget
      .getByRole('group', { name: /Каким образом Вы получили/ })
      .getByRole('radio', { name: /многофункциональный центр/ })
      .check();
    await q5.waitFor({ state: 'detached' });
    assert.equal(await q6.isVisible(), true);

    await page.locator('#walk-q4').selectOption({
      label:
        'При личном обращении в многофункциональный центр предоставления государственных и муниципальных услуг',
    });
    const summary = page.locator('.path-summary');
    assert.match((await summary.getAttribute('data-path')) ?? '', /^q1 q2 q3 q4 q6 q7/);
    assert.match(await summary.innerText(), /Путь: 1 → 2 → 3 → 4 → 6 → 7/);
    await page.locator('#walk-q7').selectOption({ label: 'Да, услуга предоставлена' });
    assert.match((await summary.getAttribute('data-path')) ?? '', /^q1 q2 q3 q4 q6 q7 q9$/);

    await page.locator('#q4-heading').evaluate((h) => h.scrollIntoView());
    await page.screenshot({ path: join(out, 'editor.png') });
    await page.locator('.side').screenshot({ path: join(out, 'editor-preview.png') });
    await page.locator('.walk').screenshot({ path: join(out, 'editor-walk.png') });
  });

  it('reorders by keyboard, keeping ids and focus, and axe finds nothing', async () => {
    await page.locator('#q2-down').focus();
    await page.keyboard.press('Enter');
    const order = async () => (await draft(page)).questions.map((q) => q.id).join(' ');
    assert.equal(await order(), 'q1 q3 q2 q4 q5 q6 q7 q8 q9');
    assert.equal(
      await page.evaluate(
        () => document.querySelector('otklik-editor')!.shadowRoot!.activeElement?.id,
      ),
      'q2-down',
    );
    await page.keyboard.press('Space');
    assert.equal(await order(), 'q1 q3 q4 q2 q5 q6 q7 q8 q9');
    // Q4's jump to Q6 is still forward; put the order back.
    await page.locator('#q2-up').focus();
    await page.keyboard.press('Enter');
    await page.keyboard.press('Enter');
    assert.equal(await order(), 'q1 q2 q3 q4 q5 q6 q7 q8 q9');
    // The menus still show the jumps after the moves.
    assert.equal(await page.locator('#q4-options-2-goto').inputValue(), 'q6');
    assert.equal(await page.locator('#q7-options-0-goto').inputValue(), 'q9');

    assert.deepEqual(await axe(page), [], 'editor at 1280 px: axe');
    await page.setViewportSize({ width: 320, height: 800 });
    assert.deepEqual(await axe(page), [], 'editor at 320 px: axe');
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.ok(overflow <= 0, `no horizontal scroll at 320 px (${overflow} px too wide)`);
    await page.locator('#q4-heading').evaluate((h) => h.scrollIntoView());
    await page.screenshot({ path: join(out, 'editor-phone.png') });
    // 200 % text: a 640 px window at zoom 2 lays out like 320 px.
    await page.setViewportSize({ width: 640, height: 800 });
    await page.evaluate(
      () => ((document.body.style as CSSStyleDeclaration & { zoom: string }).zoom = '2'),
    );
    const zoomed = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
    );
    assert.ok(zoomed <= 0, `no horizontal scroll at 200 % (${zoomed} px too wide)`);
    await page.evaluate(
      () => ((document.body.style as CSSStyleDeclaration & { zoom: string }).zoom = ''),
    );
    await page.setViewportSize({ width: 1280, height: 900 });
  });

  it('posts the draft and the session’s CSRF value to the review page', async () => {
    const csrf = await page.locator('header form input[name=_csrf]').inputValue();
    const posted = page.waitForRequest(
      (r) =>
        r.method() === 'POST' && r.url().startsWith(`${collector.url}/admin/surveys/${ID}/review`),
    );
    await page.getByRole('button', { name: 'Опубликовать…' }).click();
    const body = new URLSearchParams((await posted).postData() ?? '');
    assert.equal(body.get('_csrf'), csrf);
    const survey = JSON.parse(body.get('survey') ?? '{}') as Survey;
    assert.equal(survey.id, ID);
    assert.deepEqual(survey.questions, BUILT);
  });

  let snippet = '';

  it('publishes from the review page with the keyboard and shares the embed code', async () => {
    await page.getByRole('heading', { name: /Проверка перед публикацией/ }).waitFor();
    assert.equal(await page.getByText('Это первая версия опроса.').count(), 1);
    assert.equal(await page.getByText('Ошибок нет: опрос можно публиковать.').count(), 1);
    // A first version breaks no comparability, so there is nothing to acknowledge.
    assert.equal(await page.locator('input[name=acknowledge]').count(), 0);
    await keyTo(page, 'button:has-text("Опубликовать версию 1")');
    await page.getByText('Версия 1 опубликована.').waitFor();
    assert.equal(new URL(page.url()).pathname, `/admin/surveys/${ID}/share`);
    const published = (await (await fetch(`${collector.url}/v1/surveys/${ID}`)).json()) as Survey;
    assert.equal(published.version, 1);
    assert.deepEqual(published.questions, BUILT, 'published as the editor built it');

    snippet = (await page.locator('section[aria-labelledby=embed-h] pre code').textContent()) ?? '';
    assert.match(
      snippet,
      new RegExp(
        `^<script type="module" src="${collector.url}/widget/feedback-survey\\.js"></script>\n`,
      ),
    );
    assert.match(
      snippet,
      new RegExp(
        `<feedback-survey\\s+collector="${collector.url}"\\s+survey="${ID}"\\s+channel="site"\\s*></feedback-survey>$`,
      ),
    );
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  });

  it('a respondent answers the embedded snippet, and the dashboard counts the response', async () => {
    // The body's services catalogue, as `otklik-collector catalog put services` publishes it.
    const admin = { authorization: `Bearer ${collector.token}` };
    const put = await fetch(`${collector.url}/v1/catalogs/services`, {
      method: 'PUT',
      headers: { ...admin, 'content-type': 'application/json' },
      body: JSON.stringify(SERVICES),
    });
    assert.equal(put.status, 200, await put.text());

    // A site's page on the collector's origin holding exactly the snippet from the share page.
    const site = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'ru-RU',
    });
    const url = `${collector.url}/site/feedback.html`;
    const html = `<!doctype html><html lang="ru"><head><meta charset="utf-8"><title>Оцените услугу</title></head><body>
${snippet}
</body></html>`;
    await site.route(url, (r) =>
      r.fulfill({ body: html, contentType: 'text/html; charset=utf-8' }),
    );
    const visitor = await site.newPage();
    const seen: string[] = [];
    visitor.on('pageerror', (e) => seen.push(String(e)));
    visitor.on('console', (m) => m.type() === 'error' && seen.push(m.text()));
    await visitor.goto(url);

    const form = visitor.locator('feedback-survey');
    const group = (name: RegExp) => form.getByRole('group', { name });
    const q1 = group(/Укажите наименование государственной услуги/);
    await q1.getByRole('searchbox').fill('пособие');
    await q1.getByRole('radio', { name: SERVICES[0]!.text.ru }).check();
    await group(/Насколько Вы были удовлетворены/)
      .getByRole('radio', { name: / 5( —|$)/ })
      .check();
    const q5 = form.getByText(BUILT[4]!.title.ru, { exact: true });
    assert.equal(await q5.isVisible(), true, 'Q5 is asked until Q4 is answered');
    await group(/Каким образом Вы получили/)
      .getByRole('radio', { name: /многофункциональный центр/ })
      .check();
    await q5.waitFor({ state: 'detached' });
    await group(/Как была предоставлена/)
      .getByRole('radio', { name: 'Я сам(-а) обратился(-ась) в Учреждение' })
      .check();
    const q8 = form.getByText(BUILT[7]!.title.ru, { exact: true });
    await group(/Была ли предоставлена/)
      .getByRole('radio', { name: 'Да, услуга предоставлена' })
      .check();
    await q8.waitFor({ state: 'detached' });
    await group(/Понятность и удобство подачи заявления/)
      .getByRole('radio', { name: / 4( —|$)/ })
      .check();
    await form.getByRole('button', { name: 'Отправить' }).click();
    await form.getByText(/Код ответа: [0-9A-Z]{8}/).waitFor({ timeout: 15_000 });
    assert.deepEqual(await site.cookies(), [], 'no cookie for the respondent');
    assert.deepEqual(seen, [], 'no errors on the site page');
    await site.close();

    // Stored as answered: the jumps skipped Q5 and Q8, Q1 set the response's object.
    const responses = async () =>
      (
        (await (
          await fetch(`${collector.url}/v1/surveys/${ID}/responses?limit=10`, { headers: admin })
        ).json()) as { items: SurveyResponse[] }
      ).items;
    const deadline = Date.now() + 15_000;
    let items = await responses();
    while (items.length === 0 && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 200));
      items = await responses();
    }
    assert.equal(items.length, 1);
    const [stored] = items;
    assert.deepEqual(stored!.answers, {
      q1: 'child-benefit',
      q3: 5,
      q4: 'mfc',
      q6: 'applied',
      q7: 'provided',
      q9: { application: 4 },
    });
    assert.equal(stored!.context.object, 'child-benefit');
    assert.equal(stored!.context.channel, 'site');

    // The dashboard counts it, as the report API does.
    const report = (await (
      await fetch(`${collector.url}/v1/surveys/${ID}/report`, { headers: admin })
    ).json()) as { total: { responses: number } };
    assert.equal(report.total.responses, 1);
    await page.goto(`${collector.url}/admin/surveys/${ID}`);
    assert.equal(await page.locator('[data-figure=responses]').innerText(), '1');
    // …under the service the respondent picked, named from the body's catalogue.
    const row = page.locator('#services tbody tr').filter({ hasText: SERVICES[0]!.text.ru });
    assert.equal(await row.locator('td').first().innerText(), '1');
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
  });
});
