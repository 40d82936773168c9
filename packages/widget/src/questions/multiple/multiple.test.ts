import { expect } from '@open-wc/testing';
import { multiple, surveyOf } from '../../test/fixtures.js';
import { $$, mount, press, settle, tabTo } from '../../test/harness.js';
import { questionSuite } from '../../test/question-suite.js';
import { toggle } from './multiple.js';

questionSuite({
  question: multiple,
  answer: async (el) => {
    await tabTo(el, 'input[type=checkbox]');
    await press('Space');
    await press('Tab');
    await press('Space');
  },
  expected: ['queue', 'rude'],
});

const checked = (el: HTMLElement) =>
  [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('input[type=checkbox]')].map(
    (c) => c.checked,
  );

describe('multiple choice', () => {
  it('an exclusive option clears the others, and another option clears it', async () => {
    const el = await mount(surveyOf(multiple));
    await expect(el).to.be.accessible();
    const boxes = $$<HTMLInputElement>(el, 'input[type=checkbox]');
    boxes[0]!.click();
    boxes[1]!.click();
    await settle(el);
    expect(checked(el)).to.deep.equal([true, true, false, false]);
    boxes[3]!.click();
    await settle(el);
    expect(checked(el)).to.deep.equal([false, false, false, true]);
    boxes[0]!.click();
    await settle(el);
    expect(checked(el)).to.deep.equal([true, false, false, false]);
  });

  it('toggle keeps the survey order whatever the click order', () => {
    const opts = (multiple as { options: { id: string }[] }).options as Parameters<
      typeof toggle
    >[0];
    expect(toggle(opts, ['rude'], opts[0]!, true)).to.deep.equal(['queue', 'rude']);
    expect(toggle(opts, ['queue', 'rude'], opts[3]!, true)).to.deep.equal(['none']);
    expect(toggle(opts, ['none'], opts[1]!, true)).to.deep.equal(['rude']);
    expect(toggle(opts, ['queue', 'rude'], opts[0]!, false)).to.deep.equal(['rude']);
  });

  it('shows the specify box only while its option is chosen', async () => {
    const el = await mount(surveyOf(multiple));
    await expect(el).to.be.accessible();
    const other = $$<HTMLInputElement>(el, 'input[type=checkbox]')[2]!;
    other.click();
    await settle(el);
    expect($$(el, '#q-q2-s-other')).to.have.length(1);
    expect(el.shadowRoot!.activeElement?.id).to.equal('q-q2-s-other');
    other.click();
    await settle(el);
    expect($$(el, '#q-q2-s-other')).to.have.length(0);
  });
});
