import { expect } from '@open-wc/testing';
import { statement, surveyOf } from '../../test/fixtures.js';
import { $, mount } from '../../test/harness.js';

describe('statement', () => {
  it('shows its title and text with nothing to answer', async () => {
    const el = await mount(surveyOf(statement));
    await expect(el).to.be.accessible();
    expect($(el, '[data-q=q7] .title')?.textContent).to.equal('Спасибо, осталось немного');
    expect($(el, '[data-q=q7] .desc')?.textContent).to.equal('Ещё два вопроса о вас.');
    expect($(el, '[data-q=q7] input, [data-q=q7] textarea')).to.equal(null);
  });
});
