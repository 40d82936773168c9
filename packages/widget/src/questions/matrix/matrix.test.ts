import { expect } from '@open-wc/testing';
import type { Question } from '@otklik/core/engine';
import { matrix, surveyOf } from '../../test/fixtures.js';
import { $, $$, focused, mount, press, settle, tabTo } from '../../test/harness.js';
import { questionSuite } from '../../test/question-suite.js';

questionSuite({
  question: matrix,
  answer: async (el) => {
    await tabTo(el, 'input[type=radio]');
    await press('Space'); // row 1: 5
    await press('Tab');
    await press('ArrowRight'); // row 2: from 5 to 4
  },
  expected: { speed: 5, polite: 4 },
});

describe('matrix', () => {
  it('is one labelled radio group per row', async () => {
    const el = await mount(surveyOf(matrix));
    await expect(el).to.be.accessible();
    const rows = $$(el, 'fieldset.row');
    expect(rows.map((r) => r.querySelector('legend')?.textContent)).to.deep.equal([
      'Скорость',
      'Вежливость',
    ]);
    for (const r of rows) {
      expect(
        new Set([...r.querySelectorAll<HTMLInputElement>('input')].map((i) => i.name)).size,
      ).to.equal(1);
    }
  });

  it('asks only the rows whose condition holds, and focuses the first unanswered row on error', async () => {
    const used: Question = {
      id: 'used',
      type: 'multiple',
      title: { ru: 'Чем пользовались?' },
      options: [
        { id: 'site', text: { ru: 'Сайт' } },
        { id: 'phone', text: { ru: 'Телефон' } },
      ],
    };
    const m: Question = {
      ...(matrix as Extract<Question, { type: 'matrix' }>),
      rows: [
        {
          id: 'site',
          text: { ru: 'Сайт' },
          showIf: { op: 'equals', question: 'used', value: 'site' },
        },
        {
          id: 'phone',
          text: { ru: 'Телефон' },
          showIf: { op: 'equals', question: 'used', value: 'phone' },
        },
      ],
    };
    const el = await mount(surveyOf(used, m));
    await expect(el).to.be.accessible();
    expect($$(el, 'fieldset.row')).to.have.length(0);
    $$<HTMLInputElement>(el, '[data-q=used] input')[1]!.click();
    await settle(el);
    expect($$(el, 'fieldset.row legend').map((l) => l.textContent)).to.deep.equal(['Телефон']);
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await settle(el);
    expect(focused(el)?.closest('fieldset.row')?.querySelector('legend')?.textContent).to.equal(
      'Телефон',
    );
  });
});
