import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { nothing } from 'lit';
import type { Answers } from '@otklik/core/engine';
import './define.js';
import type { FeedbackSurvey } from './feedback-survey.js';
import { multiple, single, surveyOf, text } from './test/fixtures.js';
import { $, $$, assertCspClean, focused, settle } from './test/harness.js';

const survey = surveyOf(single, multiple, text);

/** What the element holds in memory (its private answers controller; read here to prove the wipe). */
const memory = (el: FeedbackSurvey) =>
  (el as unknown as { _a: { answers: Answers; specify: object; responseId: string | undefined } })
    ._a;

async function kiosk(thanks = '8', idle = '60', warn?: string): Promise<FeedbackSurvey> {
  const el = await fixture<FeedbackSurvey>(
    html`<feedback-survey
      .definition=${survey}
      mode="kiosk"
      lang="ru"
      thanks-seconds=${thanks}
      idle-seconds=${idle}
      warn-seconds=${warn ?? nothing}
    ></feedback-survey>`,
  );
  await el.updateComplete;
  return el;
}

async function start(el: FeedbackSurvey): Promise<void> {
  $<HTMLButtonElement>(el, '[part~=start-button]')!.click();
  await settle(el);
}

describe('kiosk mode', () => {
  it('opens on a start screen with one big button, then shows one question per screen', async () => {
    const el = await kiosk();
    await expect(el).to.be.accessible();
    expect($(el, '[part=start] button')?.textContent?.trim()).to.equal('Начать');
    expect($(el, 'form')).to.equal(null);
    await start(el);
    await expect(el).to.be.accessible();
    expect($$(el, '[part=question]')).to.have.length(1);
    expect($(el, '[part=progress]')?.textContent?.trim()).to.equal('Вопрос 1 из 3');
    assertCspClean(el);
  });

  it('reset() wipes every answer from memory and the page', async () => {
    const el = await kiosk();
    await expect(el).to.be.accessible();
    await start(el);
    $$<HTMLInputElement>(el, 'input[type=radio]')[2]!.click(); // «Другое (укажите)» with its box
    await settle(el);
    $<HTMLInputElement>(el, '.specify')!.value = 'личное';
    $<HTMLInputElement>(el, '.specify')!.dispatchEvent(
      new Event('input', { bubbles: true, composed: true }),
    );
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await settle(el);
    $$<HTMLInputElement>(el, 'input[type=checkbox]')[0]!.click();
    await settle(el);
    expect(memory(el).answers).to.deep.equal({ q1: 'other', q2: ['queue'] });
    expect(memory(el).responseId).to.be.a('string');
    const old = $(el, 'form');
    let reason = '';
    el.addEventListener('otklik-reset', (e) => (reason = e.detail.reason));
    el.reset();
    await settle(el);
    expect(reason).to.equal('api');
    expect(memory(el).answers).to.deep.equal({});
    expect(memory(el).specify).to.deep.equal({});
    expect(memory(el).responseId).to.equal(undefined);
    expect($(el, '[part=start]')).not.to.equal(null);
    await start(el);
    expect($(el, 'form')).not.to.equal(old);
    for (const i of $$<HTMLInputElement>(el, 'input, textarea')) {
      expect(
        i.checked || i.value !== (i.type === 'radio' || i.type === 'checkbox' ? 'on' : ''),
        i.id,
      ).to.equal(false);
    }
    expect($(el, '[part=progress]')?.textContent?.trim()).to.equal('Вопрос 1 из 3');
  });

  it('after idle-seconds without input warns with a countdown; «Продолжить» keeps the answers', async () => {
    const el = await kiosk('8', '0.2');
    await expect(el).to.be.accessible();
    await start(el);
    $$<HTMLInputElement>(el, 'input[type=radio]')[0]!.click();
    await settle(el);
    await waitUntil(() => $(el, '[part=idle-warning]'), 'idle warning shown', { timeout: 3000 });
    await expect(el).to.be.accessible();
    // 30 s by default: WCAG 2.2.1 asks for at least 20 to respond.
    expect($(el, '[part=idle-warning] [role=alert]')?.textContent).to.equal(
      'Вы ещё здесь? Через 30 с ответы будут стёрты.',
    );
    $<HTMLButtonElement>(el, '[part=idle-warning] button')!.click();
    await settle(el);
    expect($(el, '[part=idle-warning]')).to.equal(null);
    expect(memory(el).answers).to.deep.equal({ q1: 'yes' });
    el.reset(); // stop the timers before the next test
  });

  it('announces the warning once, focuses «Продолжить», then gives focus back', async () => {
    const el = await kiosk('8', '0.2', '3');
    await start(el);
    const radio = $$<HTMLInputElement>(el, 'input[type=radio]')[1]!;
    radio.focus();
    await waitUntil(() => $(el, '[part=idle-warning]'), 'idle warning shown', { timeout: 3000 });
    await settle(el);
    expect(focused(el)?.textContent?.trim()).to.equal('Продолжить');
    const alert = $(el, '[part=idle-warning] [role=alert]')!;
    expect(alert.textContent).to.equal('Вы ещё здесь? Через 3 с ответы будут стёрты.');
    let changes = 0;
    const watch = new MutationObserver((m) => (changes += m.length));
    watch.observe(alert, { subtree: true, childList: true, characterData: true });
    await aTimeout(1300); // the visible countdown ticks meanwhile
    watch.disconnect();
    expect(changes, 'the live text is not rewritten').to.equal(0);
    expect($(el, '[part=idle-warning] [aria-hidden=true]')?.textContent).to.match(/[12] с/);
    $<HTMLButtonElement>(el, '[part=idle-warning] button')!.click();
    await settle(el);
    expect(focused(el)).to.equal(radio);
    el.reset();
  });

  it('after an idle wipe focus is on the start screen heading, not <body>', async () => {
    const el = await kiosk('8', '0.2', '1');
    await start(el);
    $$<HTMLInputElement>(el, 'input[type=radio]')[0]!.focus();
    await waitUntil(() => $(el, '[part=start]'), 'wiped', { timeout: 5000 });
    await settle(el);
    expect(focused(el)?.matches('[part=start] h2')).to.equal(true);
  });

  it('after sending shows thanks for thanks-seconds, then the start screen again', async () => {
    const el = await kiosk('0.2');
    await expect(el).to.be.accessible();
    await start(el);
    for (let i = 0; i < 3; i++) {
      const first = $$<HTMLInputElement>(el, '[part=question] input')[0];
      if (first && first.type !== 'text') first.click();
      await settle(el);
      $<HTMLFormElement>(el, 'form')!.requestSubmit();
      await settle(el);
    }
    await waitUntil(() => $(el, '[part=completion]'), 'thanks shown');
    await expect(el).to.be.accessible();
    await waitUntil(() => $(el, '[part=start]'), 'back to start', { timeout: 5000 });
    expect(memory(el).answers).to.deep.equal({});
  });
});
