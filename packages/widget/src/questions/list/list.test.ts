import { expect } from '@open-wc/testing';
import type { Question } from '@otklik/core/engine';
import { list, services, surveyOf } from '../../test/fixtures.js';
import { $, $$, mount, press, settle, tabTo, type } from '../../test/harness.js';
import { questionSuite } from '../../test/question-suite.js';
import { filterEntries } from './list.js';

questionSuite({
  question: list,
  catalogs: services,
  answer: async (el) => {
    await tabTo(el, '[role=combobox]');
    await type('дубл');
    await press('ArrowDown');
    await press('Enter');
  },
  expected: 'dup',
});

describe('searchable list', () => {
  it('follows the APG combobox pattern: filter, arrows, aria-activedescendant, Enter', async () => {
    const el = await mount(surveyOf(list), { catalogs: services });
    await expect(el).to.be.accessible();
    const input = $<HTMLInputElement>(el, '[role=combobox]')!;
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    await tabTo(el, '[role=combobox]');
    await type('а');
    await settle(el);
    expect(input.getAttribute('aria-expanded')).to.equal('true');
    const opts = $$(el, '[role=option]');
    expect(opts.length).to.equal(4);
    await press('ArrowDown');
    await settle(el);
    expect(input.getAttribute('aria-activedescendant')).to.equal(opts[1]!.id);
    await expect(el).to.be.accessible();
    await press('Enter');
    await settle(el);
    expect(input.getAttribute('aria-expanded')).to.equal('false');
    expect(input.value).to.equal('Аккредитация');
  });

  it('announces the number of matches and says when nothing matches', async () => {
    const el = await mount(surveyOf(list), { catalogs: services });
    await expect(el).to.be.accessible();
    await tabTo(el, '[role=combobox]');
    await type('выдача');
    await settle(el);
    expect($(el, '.combo + [role=status]')?.textContent?.trim()).to.equal('Найден 1 вариант');
    await type('zzz');
    await settle(el);
    expect($(el, '.combo + [role=status]')?.textContent?.trim()).to.equal('Ничего не найдено');
  });

  it('with multiple, lists chosen entries with a remove button', async () => {
    const q: Question = { ...(list as Extract<Question, { type: 'list' }>), multiple: true };
    const el = await mount(surveyOf(q), { catalogs: services });
    await expect(el).to.be.accessible();
    await tabTo(el, '[role=combobox]');
    for (const word of ['лиценз', 'аккр']) {
      await type(word);
      await press('Enter');
      await settle(el);
    }
    expect($$(el, '.chips li').length).to.equal(2);
    const remove = $$<HTMLButtonElement>(el, '.chips button');
    expect(remove[0]!.getAttribute('aria-label')).to.equal('Убрать: Лицензирование образовательной деятельности');
    let sent: unknown;
    el.addEventListener('otklik-submit', (e) => (sent = e.detail.response.answers));
    remove[0]!.click();
    await settle(el);
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await settle(el);
    expect(sent).to.deep.equal({ q5: ['acc'] });
  });

  it('filterEntries matches every word, case-insensitively', () => {
    expect(filterEntries(services.services, 'ВЫДАЧА атт', 'ru').map((e) => e.id)).to.deep.equal(['dup']);
    expect(filterEntries(services.services, '', 'ru')).to.have.length(4);
  });
});
