import { expect } from '@open-wc/testing';
import { scale, surveyOf } from '../../test/fixtures.js';
import { $$, mount, press, tabTo } from '../../test/harness.js';
import { questionSuite } from '../../test/question-suite.js';
import { points } from './scale.js';

questionSuite({
  question: scale,
  answer: async (el) => {
    await tabTo(el, 'input[type=radio]');
    await press('ArrowDown'); // printed 5…1: the second point is 4
  },
  expected: 4,
});

describe('scale', () => {
  it('prints the points in the survey order, end labels spoken with the end values', async () => {
    const el = await mount(surveyOf(scale));
    await expect(el).to.be.accessible();
    const labels = $$<HTMLInputElement>(el, 'input[type=radio]').map((r) =>
      r.labels?.[0]?.textContent?.trim(),
    );
    expect(labels).to.deep.equal([
      '5 — полностью удовлетворены',
      '4',
      '3',
      '2',
      '1 — совсем не удовлетворены',
      'Затрудняюсь ответить',
    ]);
    expect(new Set($$<HTMLInputElement>(el, 'input[type=radio]').map((r) => r.name)).size).to.equal(
      1,
    );
  });

  it('points() orders ascending by default', () => {
    expect(points({ min: 1, max: 3 })).to.deep.equal([1, 2, 3]);
    expect(points({ min: 1, max: 10, order: 'desc' })[0]).to.equal(10);
  });

  it('the extra option is a choice of the same group', async () => {
    const el = await mount(surveyOf(scale));
    await expect(el).to.be.accessible();
    let sent: unknown;
    el.addEventListener('otklik-submit', (e) => (sent = e.detail.response.answers));
    $$<HTMLInputElement>(el, 'input[type=radio]')[5]!.click();
    await el.updateComplete;
    el.shadowRoot!.querySelector('form')!.requestSubmit();
    await el.updateComplete;
    expect(sent).to.deep.equal({ q3: 'dk' });
  });
});
