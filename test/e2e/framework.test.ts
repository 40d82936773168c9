// The React 19 example (examples/framework) built with Vite and loaded in Chromium: React sets the
// survey object as a property, hears the widget's dashed custom events through `onotklik-*` props,
// and shows the receipt in its own DOM; its ref reaches the element's `reset()`.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Browser } from 'playwright-core';
import { buildFrameworkExample, type ExampleServer, serveExample } from './example-server.js';
import { launchChromium } from './helpers.js';

describe('React 19 example', () => {
  let server: ExampleServer;
  let browser: Browser;

  before(async () => {
    server = await serveExample(buildFrameworkExample());
    browser = await launchChromium();
  });
  after(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('React renders the survey and receives otklik-submit / otklik-sent', async () => {
    const page = await browser.newPage();
    const problems: string[] = [];
    page.on('console', (m) => m.type() === 'error' && problems.push(m.text()));
    page.on('pageerror', (e) => problems.push(String(e)));
    await page.goto(server.url);

    await page.getByRole('heading', { name: 'Обратная связь', level: 1 }).waitFor();
    await page.getByText('Пока не отправлен.').waitFor();
    const satisfaction = page.getByRole('group', { name: /удовлетворены обслуживанием/ });
    await satisfaction.getByRole('radio', { name: / 4( —|$)/ }).check();
    await page.getByRole('textbox', { name: /улучшить/ }).fill('Больше окон приёма');
    await page.getByRole('button', { name: 'Отправить' }).click();

    const last = page.getByTestId('last-response');
    await last.getByText('получен').waitFor({ timeout: 15_000 });
    assert.equal(server.received.length, 1, 'one response reached the endpoint');
    const sent = server.received[0]!;
    assert.equal(sent.surveyId, 'kiosk-pulse', 'the definition object was set as a property');
    assert.equal(sent.context.channel, 'site');
    assert.equal(sent.context.touchpoint, 'react-example');
    assert.deepEqual(sent.answers, { q2: 4, q3: 'Больше окон приёма' });
    const shown = (await last.innerText()).replace(/\s+/g, ' ');
    assert.match(shown, /Оценка 4/, 'score from otklik-submit in React state');
    assert.ok(shown.includes(sent.responseId.slice(0, 8).toUpperCase()), `receipt shown: ${shown}`);

    // The ref is the typed element: its reset() brings the empty form back.
    await page.getByRole('button', { name: 'Заполнить ещё раз' }).click();
    await satisfaction.getByRole('radio', { name: / 4( —|$)/ }).waitFor();
    assert.equal(await satisfaction.getByRole('radio', { name: / 4( —|$)/ }).isChecked(), false);
    assert.deepEqual(problems, [], 'no console errors or CSP violations');
    await page.close();
  });
});
