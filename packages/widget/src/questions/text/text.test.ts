import { expect } from '@open-wc/testing';
import type { Question } from '@otklik/core/engine';
import { surveyOf, text } from '../../test/fixtures.js';
import { $, mount, settle, tabTo, type } from '../../test/harness.js';
import { questionSuite } from '../../test/question-suite.js';

questionSuite({
  question: { ...text, required: true } as Question,
  answer: async (el) => {
    await tabTo(el, 'textarea');
    await type('Больше окон');
  },
  expected: 'Больше окон',
});

describe('text', () => {
  it('has maxlength and a counter of characters left (spoken only near the limit)', async () => {
    const el = await mount(surveyOf(text));
    await expect(el).to.be.accessible();
    const area = $<HTMLTextAreaElement>(el, 'textarea')!;
    expect(area.maxLength).to.equal(100);
    const counter = $(el, '.counter')!;
    expect(counter.getAttribute('aria-live')).to.equal('off');
    expect(area.getAttribute('aria-describedby')).to.contain(counter.id);
    expect(counter.textContent?.trim()).to.equal('Осталось 100 символов');
    await tabTo(el, 'textarea');
    await type('Да');
    await settle(el);
    expect(counter.textContent?.trim()).to.equal('Осталось 98 символов');
  });

  it('an optional empty text is not sent', async () => {
    const el = await mount(surveyOf(text));
    await expect(el).to.be.accessible();
    let sent: unknown;
    el.addEventListener('otklik-submit', (e) => (sent = e.detail.response.answers));
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await settle(el);
    expect(sent).to.deep.equal({});
  });
});
