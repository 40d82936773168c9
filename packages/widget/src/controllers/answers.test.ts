// AnswersController in a small host element: answers checked with the engine's own rules.
import { expect } from '@open-wc/testing';
import type { Survey } from '@otklik/core/engine';
import { LitElement, html } from 'lit';
import { dictionaries } from '../i18n.js';
import { buildContext } from '../response.js';
import { single, skipSurvey as skip, surveyOf } from '../test/fixtures.js';
import { AnswersController, type AnswersConfig } from './answers.js';

/** Renders each question's message, as the form does, and counts its renders. */
class AnswersHost extends LitElement {
  declare a: AnswersController;
  renders = 0;
  override render() {
    this.renders++;
    return html`${[...this.a.errors].map(([id, m]) => html`<p data-q=${id}>${m}</p>`)}`;
  }
}
customElements.define('otklik-answers-host', AnswersHost);

const hosts: AnswersHost[] = [];

async function mount(survey: Survey, config: Partial<AnswersConfig> = {}) {
  const el = document.createElement('otklik-answers-host') as AnswersHost;
  const starts: number[] = [];
  el.a = new AnswersController(el, {
    survey: () => survey,
    lang: () => 'ru',
    context: () => buildContext(survey, { kiosk: false, fromUrl: false }),
    catalogs: () => ({}),
    onStart: () => starts.push(Date.now()),
    ...config,
  });
  document.body.append(el);
  hosts.push(el);
  await el.updateComplete;
  return { el, a: el.a, starts };
}

const shown = (el: AnswersHost) =>
  [...el.shadowRoot!.querySelectorAll('p')].map((p) => [p.dataset['q'], p.textContent]);

describe('AnswersController', () => {
  afterEach(() => {
    for (const h of hosts.splice(0)) h.remove();
  });

  it('follows the engine’s path as answers change, recomputing it only for new answers', async () => {
    const { el, a, starts } = await mount(skip);
    const first = a.path();
    expect(first).to.deep.equal(['q1', 'q2', 'q3']);
    expect(a.path()).to.equal(first); // kept while the answers are the same object
    a.set('q1', 'no');
    expect(a.path()).to.deep.equal(['q1', 'q3']);
    a.set('q1', 'yes');
    expect(a.path()).to.deep.equal(['q1', 'q2', 'q3']);
    expect(starts).to.have.length(1); // one start per respondent, not per answer
    const before = el.renders;
    await el.updateComplete;
    expect(el.renders).to.equal(before + 1);
  });

  it('shows the engine’s messages for the questions asked about, and clears one when answered', async () => {
    const { el, a } = await mount(skip);
    expect(a.recheck(['q1', 'q2'])).to.deep.equal(['q1', 'q2']);
    await el.updateComplete;
    expect(shown(el)).to.deep.equal([
      ['q1', 'Ответьте на этот вопрос'],
      ['q2', 'Ответьте на этот вопрос'],
    ]);
    a.set('q1', 'other'); // rechecked at once: now its specify text is what is missing
    await el.updateComplete;
    expect(a.errors.get('q1')).to.equal(dictionaries.ru.specifyRequired);
    a.setSpecify('q1', 'other', 'по телефону');
    await el.updateComplete;
    expect(shown(el)).to.deep.equal([['q2', 'Ответьте на этот вопрос']]);
  });

  it('builds the response the engine accepts, with one id per respondent', async () => {
    const { a } = await mount(skip);
    a.set('q1', 'no');
    a.set('q3', 'Очередь');
    const { response, issues } = a.check();
    expect(issues).to.deep.equal([]);
    expect(response.answers).to.deep.equal({ q1: 'no', q3: 'Очередь' });
    expect(response.context).to.deep.equal({ channel: 'site', respondent: 'external' });
    expect(a.check().response.responseId).to.equal(response.responseId);
    a.clear();
    expect(a.answers).to.deep.equal({});
    expect(a.errors.size).to.equal(0);
    expect(a.check().response.responseId).to.not.equal(response.responseId);
  });

  it('keeps answers to questions named like Object’s members apart from Object', async () => {
    const { a } = await mount(
      surveyOf({ ...single, id: 'constructor' }, { ...single, id: 'toString', required: false }),
    );
    expect(a.recheck(['constructor', 'toString'])).to.deep.equal(['constructor']);
    a.set('constructor', 'yes');
    expect(a.recheck(['constructor'])).to.deep.equal([]);
  });
});
