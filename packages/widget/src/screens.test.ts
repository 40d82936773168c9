import { expect } from '@open-wc/testing';
import { html, render } from 'lit';
import { dictionaries } from './i18n.js';
import { completionScreen, idleWarning, sendError, startScreen } from './screens.js';
import { surveyOf, text } from './test/fixtures.js';

const ru = dictionaries.ru;
const survey = surveyOf(text);

/** Renders into a fresh <div> (fixture() on a plain element waits for a frame a background tab may never get). */
async function show(t: unknown): Promise<HTMLElement> {
  document.querySelector('#screen')?.remove();
  const el = document.createElement('div');
  el.id = 'screen';
  document.body.append(el);
  render(t, el);
  return el;
}

describe('screens', () => {
  it('completion after a queued send: the offline note and the queue count, no "sent" claim', async () => {
    const el = await show(
      completionScreen(survey, 'ru', ru, { status: 'queued', waiting: 3 }, undefined, 3),
    );
    await expect(el).to.be.accessible();
    expect(el.textContent).to.contain('ответ сохранён и будет отправлен автоматически');
    expect(el.textContent).to.contain('3 ответа ожидают отправки');
    expect(el.textContent).not.to.contain('Ваш ответ отправлен');
  });

  it('completion after a send: the default thanks and the receipt code', async () => {
    const el = await show(
      completionScreen(survey, 'ru', ru, { status: 'sent', receipt: 'K7Q2' }, undefined, 0),
    );
    await expect(el).to.be.accessible();
    expect(el.querySelector('h2')?.textContent).to.equal('Спасибо!');
    expect(el.textContent).to.contain('Ваш ответ отправлен.');
    expect(el.querySelector('[part=receipt]')?.textContent).to.equal('Код ответа: K7Q2');
    expect(el.querySelector('[part=waiting]')).to.equal(null);
  });

  it('completion: the receipt explained in one line; hidden on request (kiosks)', async () => {
    const sent = { status: 'sent', receipt: 'K7Q2M9XA' } as const;
    const el = await show(completionScreen(survey, 'ru', ru, sent, 'https://pos.gosuslugi.ru/', 0));
    await expect(el).to.be.accessible();
    expect(el.querySelector('[part=receipt-hint]')?.textContent).to.equal(
      'По коду на странице результатов видно, что сделано по услуге.',
    );
    expect(el.querySelector('[part=official-reply]')?.getAttribute('href')).to.equal(
      'https://pos.gosuslugi.ru/',
    );
    const en = await show(completionScreen(survey, 'en', dictionaries.en, sent, undefined, 0));
    expect(en.querySelector('[part=receipt-hint]')?.textContent).to.equal(
      'The results page shows by this code what is done about the service.',
    );
    const kiosk = await show(completionScreen(survey, 'ru', ru, sent, undefined, 0, true));
    expect(kiosk.textContent).not.to.contain('K7Q2M9XA');
    expect(kiosk.querySelector('[part=receipt-hint]')).to.equal(null);
  });

  it('the kiosk start screen offers the official-appeal link when set', async () => {
    const el = await show(
      startScreen(survey, 'ru', ru, 0, 0, () => {}, 'https://pos.gosuslugi.ru/'),
    );
    await expect(el).to.be.accessible();
    expect(el.querySelector('[part=official-reply]')?.textContent).to.equal(ru.officialReply);
    const none = await show(startScreen(survey, 'ru', ru, 0, 0, () => {}));
    expect(none.querySelector('[part=official-reply]')).to.equal(null);
  });

  it('refusals and a full queue are spelled out', () => {
    expect(
      sendError(ru, 'ru', {
        status: 'rejected',
        httpStatus: 422,
        said: { ru: 'нет такого вопроса', en: 'no such question' },
      }),
    ).to.equal('Сервер не принял ответ (код 422). нет такого вопроса');
    // An English-only message never reaches a Russian page: the code is worded by the widget.
    expect(
      sendError(ru, 'ru', {
        status: 'rejected',
        httpStatus: 413,
        code: 'payload_too_large',
        message: 'Too large',
      }),
    ).to.equal('Сервер не принял ответ (код 413). Ответ слишком велик.');
    expect(sendError(ru, 'ru', { status: 'full', waiting: 500 })).to.contain('Ответ не сохранён');
    expect(sendError(ru, 'ru', { status: 'sent' })).to.equal(undefined);
  });

  it('the kiosk start screen shows the waiting count; the idle warning its countdown', async () => {
    const el = await show(
      html`${startScreen(survey, 'ru', ru, 21, 0, () => {})}${idleWarning(ru, 30, 12, () => {})}`,
    );
    await expect(el).to.be.accessible();
    expect(el.querySelector('[part=waiting]')?.textContent).to.equal('21 ответ ожидает отправки');
    expect(el.querySelector('[part=idle-warning] [role=alert]')?.textContent).to.equal(
      'Вы ещё здесь? Через 30 с ответы будут стёрты.',
    );
    expect(el.querySelector('[part=idle-warning] [aria-hidden]')?.textContent).to.equal(
      'Осталось 12 с',
    );
  });
});
