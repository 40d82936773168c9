import { expect } from '@open-wc/testing';
import { single, surveyOf } from '../../test/fixtures.js';
import { $, focused, mount, press, settle, tabTo, type } from '../../test/harness.js';
import { questionSuite } from '../../test/question-suite.js';

questionSuite({
  question: single,
  answer: async (el) => {
    await tabTo(el, 'input[type=radio]');
    await press('ArrowDown'); // native radio group: arrows move and choose
  },
  expected: 'no',
});

describe('single choice', () => {
  it('is one native radio group with a label per option', async () => {
    const el = await mount(surveyOf(single));
    await expect(el).to.be.accessible();
    const radios = [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=radio]')];
    expect(radios.map((r) => r.name)).to.deep.equal(['q1', 'q1', 'q1']);
    expect(radios.map((r) => r.labels?.[0]?.textContent)).to.deep.equal([
      'Да',
      'Нет',
      'Другое (укажите)',
    ]);
    expect($(el, 'fieldset legend')).not.to.equal(null);
  });

  it('shows a focused, labelled specify box with its option and requires its text', async () => {
    const el = await mount(surveyOf(single));
    await expect(el).to.be.accessible();
    expect($(el, '.specify')).to.equal(null);
    await tabTo(el, 'input[type=radio]');
    await press('ArrowUp'); // wraps to the last option, «Другое (укажите)»
    await settle(el);
    const box = $<HTMLInputElement>(el, '#q-q1-s-other');
    expect(box, 'specify box').not.to.equal(null);
    expect(focused(el)).to.equal(box);
    expect(box!.getAttribute('aria-label')).to.equal('Другое (укажите): уточните');
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await settle(el);
    expect($(el, '#q-q1-e')?.textContent).to.contain('Уточните ответ');
    expect(focused(el)).to.equal(box);
    await type('Через МФЦ');
    await settle(el);
    expect($(el, '#q-q1-e')).to.equal(null);
    let sent: unknown;
    el.addEventListener('otklik-submit', (e) => (sent = e.detail.response));
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await settle(el);
    expect(sent).to.deep.include({
      answers: { q1: 'other' },
      specify: { q1: { other: 'Через МФЦ' } },
    });
  });
});
