import { expect } from '@open-wc/testing';
import type { Question } from '@otklik/core/engine';
import { list, services, surveyOf } from '../../test/fixtures.js';
import { $, $$, focused, mount, press, settle, tabTo, type } from '../../test/harness.js';
import { questionSuite } from '../../test/question-suite.js';
import { filterEntries } from './list.js';

questionSuite({
  question: list,
  catalogs: services,
  answer: async (el) => {
    await tabTo(el, 'input[type=search]');
    await type('дубл');
    await settle(el);
    await press('Tab');
    await press('Space');
  },
  expected: 'dup',
});

const labels = (el: HTMLElement) =>
  [...el.shadowRoot!.querySelectorAll<HTMLInputElement>('[data-q=q5] .opts input')].map(
    (i) => i.labels?.[0]?.textContent,
  );

describe('searchable list', () => {
  it('a search box filters a native radio group; Enter in the box does not submit', async () => {
    const el = await mount(surveyOf(list), { catalogs: services });
    await expect(el).to.be.accessible();
    expect(labels(el)).to.have.length(4);
    let submitted = false;
    el.addEventListener('otklik-submit', () => (submitted = true));
    await tabTo(el, 'input[type=search]');
    await type('выдача');
    await press('Enter');
    await settle(el);
    expect(submitted).to.equal(false);
    expect(labels(el)).to.deep.equal(['Выдача дубликата аттестата']);
    expect($(el, '[data-q=q5] [role=status]')?.textContent?.trim()).to.equal('Найден 1 вариант');
    await press('Tab');
    await press('Space');
    await settle(el);
    expect((focused(el) as HTMLInputElement).checked).to.equal(true);
    await expect(el).to.be.accessible();
  });

  it('says when nothing matches, and keeps the chosen entry listed whatever is typed', async () => {
    const el = await mount(surveyOf(list), { catalogs: services });
    await expect(el).to.be.accessible();
    $$<HTMLInputElement>(el, '[data-q=q5] .opts input')[1]!.click();
    await settle(el);
    await tabTo(el, 'input[type=search]');
    await type('zzz');
    await settle(el);
    expect($(el, '[data-q=q5] [role=status]')?.textContent?.trim()).to.equal('Ничего не найдено');
    expect(labels(el)).to.deep.equal(['Аккредитация']);
  });

  it('with multiple, is a list of checkboxes', async () => {
    const q: Question = { ...(list as Extract<Question, { type: 'list' }>), multiple: true };
    const el = await mount(surveyOf(q), { catalogs: services });
    await expect(el).to.be.accessible();
    let sent: unknown;
    el.addEventListener('otklik-submit', (e) => (sent = e.detail.response.answers));
    const boxes = $$<HTMLInputElement>(el, '[data-q=q5] input[type=checkbox]');
    boxes[2]!.click();
    boxes[0]!.click();
    await settle(el);
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await settle(el);
    expect(sent).to.deep.equal({ q5: ['lic', 'dup'] });
  });

  it('filterEntries matches every word, case-insensitively', () => {
    expect(filterEntries(services.services, 'ВЫДАЧА атт', 'ru').map((e) => e.id)).to.deep.equal([
      'dup',
    ]);
    expect(filterEntries(services.services, '', 'ru')).to.have.length(4);
  });
});
