// FlowController in a small host element with the real answers, paging, focus, submission and
// kiosk controllers: checks before a send, the send against the fake collector, what follows.
import { expect, waitUntil } from '@open-wc/testing';
import type { Survey } from '@otklik/core/engine';
import { createStore } from 'idb-keyval';
import { LitElement, html } from 'lit';
import type { OtklikResetEvent, OtklikSubmitEvent } from '../events/survey-events.js';
import { dictionaries, fill } from '../i18n.js';
import { ids } from '../questions/view.js';
import { buildContext } from '../response.js';
import { single, surveyOf, text } from '../test/fixtures.js';
import { AnswersController } from './answers.js';
import { FlowController, type FlowConfig } from './flow.js';
import { FocusController } from './focus.js';
import { KioskController } from './kiosk.js';
import { PagingController } from './paging.js';
import { ProgressiveController } from './progressive.js';
import { QuestionSlots } from '../questions/slot.js';
import { stores } from './queue-store.js';
import { SubmissionController } from './submission.js';

const ENDPOINT = '/__collector/responses';
const collector = {
  reset: () => fetch('/__collector/reset', { method: 'POST' }),
  script: (answers: unknown[]) =>
    fetch('/__collector/script', { method: 'POST', body: JSON.stringify({ answers }) }),
  posts: async () =>
    ((await (await fetch('/__collector/received')).json()) as { posts: unknown[] }).posts,
};

const survey: Survey = surveyOf(single, { ...text, required: false });

/** The flow's host, as the element is: the other controllers, and screens showing the phase. */
class FlowHost extends LitElement implements FlowConfig {
  declare _a: AnswersController;
  declare _paging: PagingController;
  declare _focus: FocusController;
  declare _submission: SubmissionController;
  declare _kiosk: KioskController;
  declare _flow: FlowController;
  declare mode: 'kiosk' | 'paper' | undefined;
  declare _paged: boolean;
  readonly _lang = 'ru';
  declare _slots: QuestionSlots;
  declare _grow: ProgressiveController;
  override render() {
    return html`<p id="phase">${this._flow._phase}</p>
      <h2 id="screen-h" tabindex="-1">h</h2>
      ${survey.questions.map(
        (q) =>
          html`<h3 id=${ids.title(q.id)} tabindex="-1">${q.id}</h3>
            <div data-q=${q.id}><input /></div>`,
      )}`;
  }
}
customElements.define('otklik-flow-host', FlowHost);

const hosts: FlowHost[] = [];

async function mount(mode?: 'kiosk' | 'paper', paged = true) {
  const el = document.createElement('otklik-flow-host') as FlowHost;
  el.mode = mode;
  el._paged = paged;
  const a = (el._a = new AnswersController(el, {
    survey: () => survey,
    lang: () => 'ru',
    context: () => buildContext(survey, { kiosk: mode === 'kiosk', fromUrl: false }),
    catalogs: () => ({}),
    onStart() {},
  }));
  el._paging = new PagingController(el, {
    survey: () => survey,
    answers: () => a.answers,
    path: () => a.path(),
    active: () => true,
    onStep() {},
  });
  el._focus = new FocusController(el, { root: () => el.shadowRoot, warning: () => undefined });
  el._submission = new SubmissionController(el, { endpoint: () => ENDPOINT });
  el._kiosk = new KioskController(el, {
    enabled: () => mode === 'kiosk',
    idleMs: () => 60_000,
    warnMs: () => 30_000,
    thanksMs: () => 100,
    onReset: (reason) => el._flow.wipe(reason),
  });
  el._slots = new QuestionSlots();
  el._grow = new ProgressiveController(el, { total: () => 0 });
  el._flow = new FlowController(el);
  const submits: OtklikSubmitEvent[] = [];
  const resets: OtklikResetEvent[] = [];
  el.addEventListener('otklik-submit', (e) => submits.push(e));
  el.addEventListener('otklik-reset', (e) => resets.push(e));
  document.body.append(el);
  hosts.push(el);
  el._flow.clear(); // as the element does when its survey is in
  await el.updateComplete;
  return { el, flow: el._flow, a, submits, resets };
}

const focused = (el: FlowHost) => el.shadowRoot!.activeElement;
const phase = (el: FlowHost) => el.shadowRoot!.getElementById('phase')!.textContent;

describe('FlowController', () => {
  beforeEach(async () => {
    const tag = crypto.randomUUID();
    stores.queue = createStore(`otklik-flow-${tag}`, 'queue');
    stores.rejected = createStore(`otklik-flow-rejected-${tag}`, 'rejected');
    stores.lock = `otklik-flow-${tag}`;
    stores.memory = { queued: new Map(), refused: new Set() };
    await collector.reset();
  });
  afterEach(async () => {
    const gone = hosts.splice(0);
    for (const h of gone) h.remove();
    // A retry one test started must not post into the next test's scripted answers.
    await Promise.all(gone.map((h) => h._submission.idle()));
  });

  it('paged: stops on an unanswered required question, then goes next, then sends once', async () => {
    const { el, flow, a, submits } = await mount();
    await flow.submit();
    await el.updateComplete;
    expect(flow._announce).to.equal('Ответьте на этот вопрос');
    expect(el._paging.current).to.equal('q1');
    expect(focused(el)?.tagName).to.equal('INPUT'); // the field to fix
    expect(submits).to.have.length(0);
    a.set('q1', 'yes');
    await flow.submit();
    await el.updateComplete;
    expect(el._paging.current).to.equal('q6');
    expect(focused(el)?.id).to.equal(ids.title('q6'));
    const sending = flow.submit();
    await el.updateComplete;
    expect(phase(el)).to.equal('sending');
    await flow.submit(); // a second Enter while sending does nothing
    await sending;
    await el.updateComplete;
    expect(phase(el)).to.equal('done');
    expect(flow._outcome?.status).to.equal('sent');
    expect(focused(el)?.id).to.equal('screen-h');
    expect(submits.map((e) => e.detail.response.answers)).to.deep.equal([{ q1: 'yes' }]);
    expect(await collector.posts()).to.have.length(1);
  });

  it('one page: a refusal brings the form back with the collector’s reason', async () => {
    const { el, flow, a } = await mount(undefined, false);
    a.set('q1', 'no');
    await collector.script([
      { status: 422, body: { error: 'invalid_response', message: { ru: 'Не тот опрос' } } },
    ]);
    await flow.submit();
    await el.updateComplete;
    expect(phase(el)).to.equal('form');
    expect(flow._outcome?.status).to.equal('rejected');
    expect(flow._announce).to.contain('Не тот опрос');
    expect(a.answers).to.deep.equal({ q1: 'no' }); // kept: the respondent may try again
  });

  it('paper: the next empty form at once, with the count announced', async () => {
    const { el, flow, a } = await mount('paper', false);
    for (const n of [1, 2]) {
      a.set('q1', 'yes');
      const before = flow._generation;
      el._grow.limit = 16; // as a grown one-page form
      await flow.submit();
      await el.updateComplete;
      expect(phase(el)).to.equal('form');
      expect(a.answers).to.deep.equal({});
      expect(flow._generation).to.equal(before + 1); // a new form DOM
      expect(el._grow.limit).to.equal(1); // …growing again from its first question
      expect(flow._entered).to.equal(n);
      expect(flow._announce).to.equal(fill(dictionaries.ru.paperSaved, { n }));
    }
    expect(await collector.posts()).to.have.length(2);
  });

  it('kiosk: the start screen, the form, and a wipe back to the start with its reason', async () => {
    const { el, flow, a, resets } = await mount('kiosk');
    expect(phase(el)).to.equal('start');
    flow.start();
    await el.updateComplete;
    expect(phase(el)).to.equal('form');
    expect(focused(el)?.id).to.equal('screen-h');
    a.set('q1', 'no');
    flow.wipe('kiosk-idle');
    await el.updateComplete;
    expect(phase(el)).to.equal('start');
    expect(a.answers).to.deep.equal({});
    expect(resets.map((e) => e.detail.reason)).to.deep.equal(['kiosk-idle']);
  });

  it('kiosk: the thank-you screen, then a wipe for the next visitor', async () => {
    const { el, flow, a, resets } = await mount('kiosk');
    flow.start();
    a.set('q1', 'yes');
    await flow.submit(); // q1 → q6
    await flow.submit();
    await el.updateComplete;
    expect(phase(el)).to.equal('done');
    await waitUntil(() => resets.length > 0, 'no wipe after the thanks');
    await el.updateComplete;
    expect(resets.map((e) => e.detail.reason)).to.deep.equal(['kiosk-next']);
    expect(phase(el)).to.equal('start');
  });
});
