// PagingController in a small host element: next and back along the engine's path, one step event
// per question shown.
import { expect } from '@open-wc/testing';
import { visiblePath, type Answers } from '@otklik/core/engine';
import { LitElement, html } from 'lit';
import { skipSurvey as survey } from '../test/fixtures.js';
import { PagingController } from './paging.js';

/** Shows the current question, as the paged form does. */
class PagingHost extends LitElement {
  declare paging: PagingController;
  answers: Answers = {};
  active = true;
  override render() {
    return html`<h3>${this.paging.current}</h3>`;
  }
}
customElements.define('otklik-paging-host', PagingHost);

const hosts: PagingHost[] = [];

async function mount() {
  const el = document.createElement('otklik-paging-host') as PagingHost;
  const steps: [string, number, number][] = [];
  el.paging = new PagingController(el, {
    survey: () => survey,
    answers: () => el.answers,
    path: () => visiblePath(survey, el.answers),
    active: () => el.active,
    onStep: (id, index, total) => steps.push([id, index, total]),
  });
  document.body.append(el);
  hosts.push(el);
  await el.updateComplete;
  const shown = () => el.shadowRoot!.querySelector('h3')!.textContent;
  return { el, p: el.paging, steps, shown };
}

describe('PagingController', () => {
  afterEach(() => {
    for (const h of hosts.splice(0)) h.remove();
  });

  it('goes next and back along the skips, and says when the path ends', async () => {
    const { el, p, shown } = await mount();
    el.answers = { q1: 'no' };
    expect(p.next()).to.equal(true);
    await el.updateComplete;
    expect(shown()).to.equal('q3'); // q2 skipped
    expect(p.next()).to.equal(false); // the last question: time to send
    expect(p.current).to.equal('q3');
    p.back();
    await el.updateComplete;
    expect(shown()).to.equal('q1');
    p.back(); // nothing before the first
    expect(p.current).to.equal('q1');
    el.answers = { q1: 'yes' };
    p.next();
    expect(p.current).to.equal('q2');
  });

  it('falls back to the first question when the one on screen leaves the path, and on reset', async () => {
    const { el, p } = await mount();
    el.answers = { q1: 'yes' };
    p.next();
    expect(p.current).to.equal('q2');
    el.answers = { q1: 'no' }; // q2 is now off the path
    expect(p.current).to.equal('q1');
    el.answers = { q1: 'yes' };
    expect(p.current).to.equal('q2'); // still the chosen one while it is on the path
    p.reset();
    expect(p.current).to.equal('q1');
  });

  it('tells the host once per question shown, and nothing while the form is not on screen', async () => {
    const { el, p, steps } = await mount();
    expect(steps).to.deep.equal([['q1', 0, 3]]);
    el.requestUpdate();
    await el.updateComplete;
    expect(steps).to.have.length(1); // a render of the same question is no new step
    el.answers = { q1: 'no' };
    p.next();
    await el.updateComplete;
    expect(steps.at(-1)).to.deep.equal(['q3', 1, 2]);
    el.active = false;
    p.back();
    await el.updateComplete;
    expect(steps).to.have.length(2);
    el.active = true;
    el.requestUpdate();
    await el.updateComplete;
    expect(steps.at(-1)).to.deep.equal(['q1', 0, 2]);
  });
});
