import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import type { Survey } from '@otklik/core/engine';
import './define.js';
import type { FeedbackSurvey } from './feedback-survey.js';
import { matrix, multiple, scale, single, statement, surveyOf, text } from './test/fixtures.js';
import { $, $$, assertCspClean, focused, mount, press, settle, tabTo } from './test/harness.js';

const three = surveyOf(single, scale, text);

describe('<feedback-survey> loading', () => {
  it('loads a survey JSON from src', async () => {
    const url = `data:application/json,${encodeURIComponent(JSON.stringify(three))}`;
    const el = await fixture<FeedbackSurvey>(
      html`<feedback-survey src=${url} lang="ru"></feedback-survey>`,
    );
    await waitUntil(() => $(el, 'form'), 'form shown');
    await expect(el).to.be.accessible();
    expect($$(el, '[part=question]')).to.have.length(3);
  });

  it('reads an inline <script type="application/json"> child', async () => {
    const el = await fixture<FeedbackSurvey>(
      html`<feedback-survey lang="ru"
        ><script type="application/json">
          ${JSON.stringify(surveyOf(statement))}
        </script></feedback-survey
      >`,
    );
    await expect(el).to.be.accessible();
    expect($(el, '.title')?.textContent).to.equal('Спасибо, осталось немного');
  });

  it('shows a clear error when the URL returns something that is not a survey', async () => {
    const el = await fixture<FeedbackSurvey>(
      html`<feedback-survey src="/packages/widget/package.json" lang="ru"></feedback-survey>`,
    );
    await waitUntil(() => $(el, '.state[part=error]'), 'error shown');
    await expect(el).to.be.accessible();
    expect($(el, '.state')?.textContent).to.contain('Полученные данные — не анкета: id');
  });

  it('shows a retry button when loading fails', async () => {
    const el = await fixture<FeedbackSurvey>(
      html`<feedback-survey collector="/no-such-collector" survey="x" lang="en"></feedback-survey>`,
    );
    await waitUntil(() => $(el, '.state[part=error]'), 'error shown');
    await expect(el).to.be.accessible();
    expect($(el, '.state')?.textContent).to.contain('Could not load the survey');
    expect($(el, '.state button')?.textContent?.trim()).to.equal('Try again');
  });

  it('accepts a definition set after the first render', async () => {
    const el = await fixture<FeedbackSurvey>(html`<feedback-survey lang="ru"></feedback-survey>`);
    el.definition = three;
    await el.updateComplete;
    expect($$(el, '[part=question]')).to.have.length(3);
    await expect(el).to.be.accessible();
  });

  it('says what to set when no survey is given', async () => {
    const el = await fixture<FeedbackSurvey>(html`<feedback-survey lang="ru"></feedback-survey>`);
    await expect(el).to.be.accessible();
    expect($(el, '.state')?.textContent).to.contain('collector и survey');
  });

  it('takes its language from the page when it has no lang attribute', async () => {
    // Built by hand: fixture() on a plain <div> waits for an animation frame, which a background
    // tab (two test files run at once) may never get.
    const wrap = document.createElement('div');
    wrap.lang = 'en-GB';
    const el = document.createElement('feedback-survey');
    el.definition = three;
    wrap.append(el);
    document.body.append(wrap);
    await el.updateComplete;
    await expect(el).to.be.accessible();
    expect($(el, 'button[type=submit]')?.textContent?.trim()).to.equal('Submit');
    expect($(el, 'div[lang]')?.getAttribute('lang')).to.equal('en');
    wrap.remove();
  });

  it('speaks the language set through the lang property at once', async () => {
    const el = await mount(three);
    el.lang = 'en';
    await el.updateComplete;
    expect($(el, 'button[type=submit]')?.textContent?.trim()).to.equal('Submit');
    expect($(el, '[data-q=q1] legend')?.textContent).to.contain('Did you get the service?');
  });
});

describe('<feedback-survey> page layout', () => {
  it('shows every question on the path and one submit button', async () => {
    const el = await mount(surveyOf(single, multiple, scale, matrix, text));
    await expect(el).to.be.accessible();
    expect($$(el, '[part=question]')).to.have.length(5);
    expect($$(el, 'button[type=submit]')).to.have.length(1);
    assertCspClean(el);
  });

  it('on a failed submit marks every empty required question, announces the count and focuses the first', async () => {
    const el = await mount(surveyOf(single, multiple, scale));
    await expect(el).to.be.accessible();
    $$<HTMLInputElement>(el, '[data-q=q1] input')[0]!.click();
    await settle(el);
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await settle(el);
    expect($$(el, '.error').map((e) => e.id)).to.deep.equal(['q-q2-e', 'q-q3-e']);
    expect($(el, '#live')?.textContent).to.equal('Исправьте 2 ошибки');
    expect(focused(el)?.closest('[data-q]')?.getAttribute('data-q')).to.equal('q2');
    await expect(el).to.be.accessible();
  });

  it('fires otklik-start once, on the first answer', async () => {
    const el = await mount(three);
    await expect(el).to.be.accessible();
    let starts = 0;
    el.addEventListener('otklik-start', () => starts++);
    $$<HTMLInputElement>(el, '[data-q=q1] input')[0]!.click();
    $$<HTMLInputElement>(el, '[data-q=q3] input')[0]!.click();
    await settle(el);
    expect(starts).to.equal(1);
  });

  it('sends a response with a UUID, the version, the language and the context', async () => {
    const el = await fixture<FeedbackSurvey>(
      html`<feedback-survey
        .definition=${three}
        lang="en"
        object="licence"
        channel="qr"
        touchpoint="office-3"
      ></feedback-survey>`,
    );
    await expect(el).to.be.accessible();
    $$<HTMLInputElement>(el, '[data-q=q1] input')[1]!.click();
    $$<HTMLInputElement>(el, '[data-q=q3] input')[0]!.click();
    await settle(el);
    const ev = oneEvent(el, 'otklik-submit');
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    const r = (await ev).detail.response;
    expect(r.responseId).to.match(
      /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
    );
    expect(r).to.deep.include({
      surveyId: 'test',
      surveyVersion: 1,
      lang: 'en',
      answers: { q1: 'no', q3: 5 },
    });
    expect(r.context).to.deep.equal({
      channel: 'qr',
      respondent: 'external',
      object: 'licence',
      touchpoint: 'office-3',
    });
    expect(Date.parse(r.answeredAt!)).to.be.closeTo(Date.now(), 60_000);
  });

  it('context-from-url reads object, channel and touchpoint from the page query', async () => {
    const before = location.href;
    history.replaceState(null, '', '?object=dup&channel=email&touchpoint=mail-1');
    try {
      const el = await fixture<FeedbackSurvey>(
        html`<feedback-survey
          .definition=${surveyOf(text)}
          context-from-url
          channel="site"
        ></feedback-survey>`,
      );
      await expect(el).to.be.accessible();
      const ev = oneEvent(el, 'otklik-submit');
      $<HTMLFormElement>(el, 'form')!.requestSubmit();
      expect((await ev).detail.response.context).to.deep.equal({
        channel: 'email',
        respondent: 'external',
        object: 'dup',
        touchpoint: 'mail-1',
      });
    } finally {
      history.replaceState(null, '', before);
    }
  });

  it('shows the completion screen with the official-reply link and focuses its heading', async () => {
    const s: Survey = { ...surveyOf(text), completion: { text: { ru: 'Мы учтём ваше мнение.' } } };
    const el = await fixture<FeedbackSurvey>(
      html`<feedback-survey
        .definition=${s}
        lang="ru"
        official-reply-url="https://pos.gosuslugi.ru/"
      ></feedback-survey>`,
    );
    await expect(el).to.be.accessible();
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await waitUntil(() => $(el, '[part=completion]'), 'completion shown');
    await expect(el).to.be.accessible();
    expect($(el, '[part=completion] h2')?.textContent).to.equal('Спасибо!');
    expect($(el, '[part=completion]')?.textContent).to.contain('Мы учтём ваше мнение.');
    expect($<HTMLAnchorElement>(el, '[part=official-reply]')?.href).to.equal(
      'https://pos.gosuslugi.ru/',
    );
    expect(focused(el)?.textContent).to.equal('Спасибо!');
  });

  it('a second submit before the first one settles sends nothing more', async () => {
    const el = await mount(surveyOf(text));
    await expect(el).to.be.accessible();
    let n = 0;
    el.addEventListener('otklik-submit', () => n++);
    const form = $<HTMLFormElement>(el, 'form')!;
    form.requestSubmit();
    form.requestSubmit();
    await waitUntil(() => $(el, '[part=completion]'), 'completion shown');
    expect(n).to.equal(1);
  });

  it('creates no <style> element and no style attribute, in the shadow root or the page', async () => {
    const styles = document.querySelectorAll('style').length;
    const el = await mount(surveyOf(single, multiple, scale, matrix, text, statement));
    await expect(el).to.be.accessible();
    assertCspClean(el);
    expect(document.querySelectorAll('style').length).to.equal(styles);
    expect(el.hasAttribute('style')).to.equal(false);
  });
});

describe('<feedback-survey> paged layout', () => {
  it('shows one question with its progress, moves with next/back and focuses each title', async () => {
    const el = await mount(three, { layout: 'paged' });
    await expect(el).to.be.accessible();
    const steps: unknown[] = [];
    el.addEventListener('otklik-step', (e) => steps.push(e.detail));
    expect($$(el, '[part=question]')).to.have.length(1);
    expect($(el, '[part=progress]')?.textContent?.trim()).to.equal('Вопрос 1 из 3');
    await tabTo(el, 'input[type=radio]');
    await press('Space');
    await tabTo(el, 'button[type=submit]');
    expect($(el, 'button[type=submit]')?.textContent?.trim()).to.equal('Далее');
    await press('Enter');
    await settle(el);
    expect($(el, '[part=progress]')?.textContent?.trim()).to.equal('Вопрос 2 из 3');
    expect(focused(el)?.id).to.equal('q-q3-t');
    expect(steps).to.deep.equal([{ questionId: 'q3', index: 1, total: 3 }]);
    await expect(el).to.be.accessible();
    $<HTMLButtonElement>(el, '[part~=back-button]')!.click();
    await settle(el);
    expect(focused(el)?.id).to.equal('q-q1-t');
    expect($<HTMLInputElement>(el, '[data-q=q1] input')!.checked).to.equal(true);
  });

  it('blocks next on a required question, with the message announced and focus on the field', async () => {
    const el = await mount(three, { layout: 'paged' });
    await expect(el).to.be.accessible();
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await settle(el);
    expect($(el, '[part=progress]')?.textContent?.trim()).to.equal('Вопрос 1 из 3');
    expect($(el, '#live')?.textContent).to.equal('Ответьте на этот вопрос');
    expect(focused(el)?.getAttribute('name')).to.equal('q1');
  });
});
