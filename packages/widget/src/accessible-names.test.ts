// What a screen reader announces for a question, from Chromium's own accessibility tree.
import { expect } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { multiple, single, surveyOf, text } from './test/fixtures.js';
import { mount } from './test/harness.js';

const nameOf = (selector: string) =>
  executeServerCommand<string | null, { selector: string }>('accessible-name', { selector });
const question = (id: string) => `feedback-survey >>> fieldset[data-q=${id}]`;

describe('accessible names', () => {
  it('a required question is named «title (обязательный вопрос)», with the space', async () => {
    await mount(surveyOf(single, multiple, text));
    expect(await nameOf(question('q1'))).to.equal('Получили ли вы услугу? (обязательный вопрос)');
    expect(await nameOf(question('q2'))).to.equal(
      'С какими проблемами вы столкнулись? (обязательный вопрос; можно выбрать несколько)',
    );
    const optional = await nameOf(question(text.id));
    expect(optional).to.equal(text.title.ru); // nothing added to an optional question
  });

  it('in English too', async () => {
    await mount(surveyOf(single), { lang: 'en' });
    expect(await nameOf(question('q1'))).to.equal('Did you get the service? (required)');
  });
});
