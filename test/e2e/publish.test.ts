// The administrators' publishing pages in real Chromium: a SurveyJS file uploaded on the import
// page goes to review and is published from the keyboard; a changed kiosk survey shows its diff
// and comparability warnings and needs the confirmation; the share page's links carry the chosen
// context, its QR code decodes (jsQR on a screenshot) to the QR link, and printing it (Chromium's
// PDF, read by pdftotext) gives the poster alone. axe finds nothing at desktop width, at 320 px,
// at 200 % zoom and in forced colours. Shots for docs/editor.md go to docs/images only with
// UPDATE_SCREENSHOTS=1.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import jsqr from 'jsqr';
import { PNG } from 'pngjs';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  axeViolations as axe,
  keyTo,
  launchChromium,
  root,
  type RunningCollector,
  startCollector,
} from './helpers.js';

const out = process.env.UPDATE_SCREENSHOTS
  ? join(root, 'docs/images')
  : mkdtempSync(join(tmpdir(), 'otklik-publish-shots-'));
const tmp = mkdtempSync(join(tmpdir(), 'otklik-publish-'));
const SJS = join(root, 'packages/core/test/fixtures/belgorod.surveyjs.json');

async function shot(page: Page, name: string, fullPage = false): Promise<void> {
  await page.mouse.move(0, 0);
  const path = join(out, `${name}.png`);
  await page.screenshot({ path, animations: 'disabled', caret: 'hide', fullPage });
  const bytes = statSync(path).size;
  assert.ok(bytes > 5_000 && bytes < 400_000, `${name}.png is ${bytes} bytes`);
}

/** Records console errors, page errors and CSP violations. */
function watch(page: Page): string[] {
  const problems: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.text().includes('Content Security Policy'))
      problems.push(m.text());
  });
  page.on('pageerror', (e) => problems.push(String(e)));
  return problems;
}

describe('publishing pages', () => {
  let collector: RunningCollector;
  let browser: Browser;
  let context: BrowserContext;

  before(async () => {
    [collector, browser] = await Promise.all([startCollector(), launchChromium()]);
    context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'ru-RU' });
    const page = await context.newPage();
    await page.goto(`${collector.url}/admin/surveys/import`);
    await page.getByLabel('Токен доступа').fill(collector.token);
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Импорт из SurveyJS' }).waitFor();
    await page.close();
  });
  after(async () => {
    await browser?.close();
    await collector?.stop();
  });

  it('imports a SurveyJS file, reviews and publishes it from the keyboard', async () => {
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(`${collector.url}/admin/surveys/import`);
    assert.deepEqual(await axe(page), [], 'import form: axe');
    await page.getByLabel('Идентификатор нового опроса').fill('belgorod-sjs');
    await page.getByLabel('Файл JSON').setInputFiles(SJS);
    await shot(page, 'import-form');
    await keyTo(page, 'button:has-text("Импортировать")');
    await page.getByRole('heading', { name: /Результат импорта/ }).waitFor();
    const unsupported = await page.locator('#unsupported-h').innerText();
    assert.match(unsupported, /\(3\)$/);
    assert.equal(await page.getByText('pages[1].elements[1].columns').count(), 1);
    assert.deepEqual(await axe(page), [], 'import result: axe');
    await shot(page, 'import-result');

    await keyTo(page, 'button:has-text("На проверку перед публикацией")');
    await page.getByRole('heading', { name: /Проверка перед публикацией/ }).waitFor();
    assert.equal(await page.getByText('Это первая версия опроса.').count(), 1);
    assert.deepEqual(await axe(page), [], 'review of a first version: axe');
    await keyTo(page, 'button:has-text("Опубликовать версию 1")');
    await page.getByText('Версия 1 опубликована.').waitFor();
    const r = await fetch(`${collector.url}/v1/surveys/belgorod-sjs`);
    assert.equal(r.status, 200);
    assert.equal(((await r.json()) as { questions: unknown[] }).questions.length, 25);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('shows a change’s diff and warnings, and publishes only once they are acknowledged', async () => {
    const page = await context.newPage();
    const problems = watch(page);
    // The stored version, as the editor opens it (the public copy has the body's live catalogues
    // folded in); its shipped services catalogue stays, so the share page below still offers it.
    const exported = await page.request.get(`${collector.url}/admin/surveys/kiosk-pulse/export`);
    assert.equal(exported.status(), 200);
    const current = (await exported.json()) as {
      version: number;
      questions: { id: string; max?: number; title: { ru: string } }[];
    };
    const draft = structuredClone(current);
    draft.questions[1]!.max = 4;
    draft.questions[2]!.title.ru = 'Что нам улучшить?';
    // What the editor does: a plain form POST with the draft and the session's CSRF value.
    await page.goto(`${collector.url}/admin/surveys/import`);
    const csrf = await page.locator('form[enctype] input[name=_csrf]').inputValue();
    await page.evaluate(
      ({ survey, csrf }) => {
        const f = document.createElement('form');
        f.method = 'post';
        f.action = '/admin/surveys/kiosk-pulse/review';
        for (const [k, v] of Object.entries({ survey, _csrf: csrf })) {
          const i = document.createElement('input');
          i.type = 'hidden';
          i.name = k;
          i.value = v;
          f.append(i);
        }
        document.body.append(f);
        f.submit();
      },
      { survey: JSON.stringify(draft), csrf },
    );
    await page.getByRole('heading', { name: 'Сопоставимость с прошлыми периодами' }).waitFor();
    const changes = await page.locator('#changes-h + ul').innerText();
    assert.match(changes, /Вопрос q2: шкала 1…5 → 1…4/);
    assert.match(changes, /Вопрос q3: формулировка/);
    assert.match(await page.locator('.warn').innerText(), /q2/);
    assert.deepEqual(await axe(page), [], 'review: axe');
    await shot(page, 'review', true);

    // Submitting without the confirmation: the browser holds the form (required checkbox).
    await page.getByRole('button', { name: /Опубликовать версию/ }).click();
    assert.equal(await page.getByText('Сопоставимость с прошлыми периодами').count(), 1);
    await keyTo(page, 'input[name=acknowledge]', 'Space');
    assert.equal(await page.locator('input[name=acknowledge]').isChecked(), true);
    await keyTo(page, 'button:has-text("Опубликовать версию")');
    await page.getByText(/Версия \d+ опубликована\./).waitFor();
    const now = (await (await fetch(`${collector.url}/v1/surveys/kiosk-pulse`)).json()) as {
      version: number;
    };
    assert.equal(now.version, current.version + 1);
    assert.deepEqual(problems, []);
    await page.close();
  });

  it('shares with the chosen context: links, a QR code that decodes to the link, a printed poster', async () => {
    const page = await context.newPage();
    const problems = watch(page);
    await page.goto(`${collector.url}/admin/surveys/kiosk-pulse/share`);
    const service = page.getByLabel('Услуга (объект оценки)');
    const value = await service.locator('option').nth(1).getAttribute('value');
    assert.ok(value, 'the services catalogue is offered');
    await service.selectOption(value);
    await page.getByLabel('Точка контакта').fill('office-7');
    await page.getByLabel('Канал кода для сайта').selectOption('kiosk');
    await page.getByRole('button', { name: 'Обновить код и ссылки' }).click();
    await page.waitForURL(/object=/);
    const qrLink = `${collector.url}/s/kiosk-pulse?channel=qr&object=${value}&touchpoint=office-7`;
    assert.equal(await page.locator(`a[href="${qrLink}"]`).count(), 1);
    assert.match(await page.locator('pre code').innerText(), /channel="kiosk"\n {2}object="/);
    assert.deepEqual(await axe(page), [], 'share: axe');
    await shot(page, 'share', true);

    // The QR code, read back from pixels by a decoder.
    const png = PNG.sync.read(await page.locator('.poster svg').screenshot());
    const decoded = jsqr.default(new Uint8ClampedArray(png.data), png.width, png.height);
    assert.equal(decoded?.data, qrLink);

    // The hosted link opens the survey with that context.
    const hosted = await context.newPage();
    await hosted.goto(qrLink);
    assert.equal(
      await hosted.locator('feedback-survey').getAttribute('touchpoint'),
      'office-7',
      'the hosted page takes the touchpoint from the link',
    );
    await hosted.close();

    // Printed, the page is the poster alone.
    await page.emulateMedia({ media: 'print' });
    await shot(page, 'share-poster');
    // page.pdf() prints with print styles unless screen media is forced: clear the emulation.
    await page.emulateMedia({ media: null });
    const pdf = join(tmp, 'poster.pdf');
    writeFileSync(pdf, await page.pdf({ format: 'A4' }));
    const text = execFileSync('pdftotext', ['-layout', pdf, '-'], { encoding: 'utf8' });
    assert.match(text, /наведите камеру/);
    assert.match(text, /channel=qr/);
    assert.doesNotMatch(text, /Код для сайта|Выйти|feedback-survey/);
    assert.equal(
      execFileSync('pdfinfo', [pdf], { encoding: 'utf8' }).match(/Pages:\s+(\d+)/)?.[1],
      '1',
    );
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
      for (const path of ['/admin/surveys/import', '/admin/surveys/kiosk-pulse/share']) {
        await page.goto(`${collector.url}${path}`);
        assert.equal(await page.locator('html').getAttribute('lang'), 'en');
        const overflow = await page.evaluate(
          () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
        );
        assert.ok(overflow <= 0, `${name} ${path}: no horizontal scrolling (${overflow} px)`);
        assert.deepEqual(await axe(page), [], `${name} ${path}: axe`);
        if (name === '320 px' && path.endsWith('share')) await shot(page, 'share-phone');
      }
      await ctx.close();
    }
  });
});
