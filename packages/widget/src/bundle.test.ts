// The built IIFE (dist/feedback-survey.iife.js, built by `pnpm test` before the browser tests), in
// a page of its own: the other suites run the TypeScript source, and minification (merged template
// call sites, mangled private names) can change behaviour that only the shipped file shows.
import { expect, oneEvent, waitUntil } from '@open-wc/testing';
import type { SurveyResponse } from '@otklik/core/engine';
import { belgorodTypical } from '@otklik/core/templates';
import type { FeedbackSurvey } from './feedback-survey.js';
import { multiple, single, surveyOf, text } from './test/fixtures.js';

const BUNDLE = '/packages/widget/dist/feedback-survey.iife.js';

/** A page holding only the bundle and one element with an inline survey. */
async function page(survey: object, attrs = ''): Promise<{ el: FeedbackSurvey; win: Window }> {
  const frame = document.createElement('iframe');
  frame.style.width = '800px';
  frame.style.height = '600px';
  const json = JSON.stringify(survey).replace(/</g, '\\u003c');
  // The other suites' pages share this origin's IndexedDB, Web Locks and fake collector: give the
  // bundle's offline queue its own databases and lock, so its connect-time flush neither sends
  // their responses nor holds up theirs (a frame removed mid-flush may keep the lock a while).
  frame.srcdoc = `<!doctype html><html lang="ru"><body><script>
const open = IDBFactory.prototype.open;
IDBFactory.prototype.open = function (name, v) { return open.call(this, 'bundle-test-' + name, v); };
const request = LockManager.prototype.request;
LockManager.prototype.request = function (name, ...rest) { return request.call(this, 'bundle-test-' + name, ...rest); };
</script><script src="${BUNDLE}"></script>
<feedback-survey ${attrs}><script type="application/json">${json}</script></feedback-survey></body></html>`;
  const loaded = new Promise((r) => frame.addEventListener('load', r, { once: true }));
  document.body.append(frame);
  await loaded;
  const win = frame.contentWindow!;
  const el = frame.contentDocument!.querySelector('feedback-survey') as FeedbackSurvey;
  await waitUntil(
    () => el.shadowRoot?.querySelector('form, .start'),
    'the bundle rendered nothing',
  );
  await el.updateComplete;
  return { el, win };
}

const $ = <T extends Element = HTMLElement>(el: FeedbackSurvey, sel: string) =>
  el.shadowRoot!.querySelector<T>(sel);
const $$ = <T extends Element = HTMLElement>(el: FeedbackSurvey, sel: string) => [
  ...el.shadowRoot!.querySelectorAll<T>(sel),
];
const settle = async (el: FeedbackSurvey) => {
  await el.updateComplete;
  await el.updateComplete;
};

afterEach(() => document.querySelectorAll('iframe').forEach((f) => f.remove()));

describe('the built bundle', () => {
  it('registers the element once and renders all 25 questions of belgorod-typical on one page', async () => {
    const { el, win } = await page(belgorodTypical);
    // Accessibility is asserted on the source by the other suites: axe cannot run across documents.
    expect(win.customElements.get('feedback-survey')).to.equal(el.constructor);
    expect($(el, '[part=title]')?.textContent).to.equal(belgorodTypical.title.ru);
    expect($(el, 'form')?.getAttribute('aria-busy')).to.equal(null);
    expect($$(el, '[part~=question]').length).to.be.greaterThan(20);
    expect($(el, '[part~=submit-button]')?.textContent?.trim()).to.equal('Отправить');
  });

  it('follows skip logic, validates, and sends the pruned response', async () => {
    const { el } = await page(belgorodTypical, 'channel="qr" object="licence"');
    const pick = (q: string, o: string) =>
      $<HTMLInputElement>(el, `[data-q=${q}] input[id$="-${o}"]`)!;
    expect($(el, '[data-q=q9]')).to.equal(null);
    pick('q8', 'refused').click();
    await settle(el);
    expect($(el, '[data-q=q9]')).to.not.equal(null);
    pick('q8', 'provided').click();
    await settle(el);
    expect($(el, '[data-q=q9]')).to.equal(null);

    // Submitting with required questions unanswered shows their messages and sends nothing.
    let sent = 0;
    el.addEventListener('otklik-submit', () => sent++);
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await settle(el);
    expect($$(el, '[part=error]').length).to.be.greaterThan(0);
    expect($(el, '#live')?.textContent).to.match(/Исправьте \d+ ошиб/);
    expect(sent).to.equal(0);
  });

  it('answers every kind, clears an error as it is fixed, submits the response', async () => {
    const { el } = await page(surveyOf(single, multiple, text));
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await settle(el);
    expect($(el, '#q-q1-e')?.textContent).to.contain('Ответьте на этот вопрос');
    $$<HTMLInputElement>(el, '[data-q=q1] input')[0]!.click();
    await settle(el);
    expect($(el, '#q-q1-e')).to.equal(null);
    const boxes = $$<HTMLInputElement>(el, '[data-q=q2] input[type=checkbox]');
    boxes[0]!.click();
    await settle(el);
    boxes[3]!.click(); // «Проблем не было» is exclusive
    await settle(el);
    expect(boxes.map((b) => b.checked)).to.deep.equal([false, false, false, true]);
    const area = $<HTMLTextAreaElement>(el, 'textarea')!;
    area.value = 'быстрее';
    area.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    await settle(el);
    expect($(el, '.counter')?.textContent?.trim()).to.equal('Осталось 93 символа');
    const submitted = oneEvent(el, 'otklik-submit');
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    const r = ((await submitted) as CustomEvent<{ response: SurveyResponse }>).detail.response;
    expect(r.answers).to.deep.equal({ q1: 'yes', q2: ['none'], q6: 'быстрее' });
    expect(r.context).to.deep.equal({ channel: 'site', respondent: 'external' });
  });

  it('paged: next, back and the progress line', async () => {
    const { el } = await page(surveyOf(single, multiple, text), 'layout="paged"');
    expect($(el, '[part=progress]')?.textContent?.trim()).to.equal('Вопрос 1 из 3');
    $$<HTMLInputElement>(el, '[data-q=q1] input')[1]!.click();
    await settle(el);
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await settle(el);
    expect($(el, '[part=progress]')?.textContent?.trim()).to.equal('Вопрос 2 из 3');
    expect(el.shadowRoot!.activeElement?.id).to.equal('q-q2-t');
    $<HTMLButtonElement>(el, '[part~=back-button]')!.click();
    await settle(el);
    expect($$<HTMLInputElement>(el, '[data-q=q1] input')[1]!.checked).to.equal(true);
  });

  it('reset() builds the form anew: no element or typed value survives', async () => {
    const { el } = await page(surveyOf(single, text));
    const area = $<HTMLTextAreaElement>(el, 'textarea')!;
    area.value = 'личное';
    area.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    const before = $(el, 'form');
    const reset = oneEvent(el, 'otklik-reset');
    el.reset();
    await reset;
    await settle(el);
    expect($(el, 'form')).to.not.equal(before);
    expect($<HTMLTextAreaElement>(el, 'textarea')!.value).to.equal('');
  });

  it('kiosk: start screen, one question per screen, then the idle warning', async () => {
    const { el } = await page(surveyOf(single), 'mode="kiosk" idle-seconds="1"');
    expect($(el, '[part=start]')).to.not.equal(null);
    expect($(el, '[part=question]')).to.equal(null);
    $<HTMLButtonElement>(el, '[part~=start-button]')!.click();
    await settle(el);
    expect($(el, '[part=progress]')?.textContent?.trim()).to.equal('Вопрос 1 из 1');
    expect(el.shadowRoot!.activeElement?.id).to.equal('screen-h');
    // One idle second, then the warning (30 s by default): the kiosk controller's timers run.
    await waitUntil(() => $(el, '[part=idle-warning]'), 'no idle warning', { timeout: 4000 });
    expect($(el, '[part=idle-warning] [role=alert]')?.textContent).to.match(/Через 30 с/);
  });

  it('shows the first question while the page below it is still loading', async () => {
    // A CMS page goes on after the widget: articles, then a parser-blocking analytics script. The
    // first question must not wait for all of it (DOMContentLoaded), only for its own JSON.
    const frame = document.createElement('iframe');
    const json = JSON.stringify(belgorodTypical).replace(/</g, '\\u003c');
    // The inline survey is the element's last child: the parser leaves it for the page's next node.
    frame.srcdoc = `<!doctype html><html lang="ru"><body><script src="${BUNDLE}"></script>
<feedback-survey><script type="application/json">${json}</script></feedback-survey>
<p>Новости ведомства</p><script src="/__collector/slow.js?ms=4000"></script><p>Подвал</p></body></html>`;
    document.body.append(frame);
    const doc = () => frame.contentDocument!;
    const first = () =>
      doc().querySelector('feedback-survey')?.shadowRoot?.querySelector('[part~=question]');
    await waitUntil(first, 'no first question within 3 s', { timeout: 3000 });
    expect(doc().readyState).to.equal('loading');
    expect(doc().body.textContent).to.not.contain('Подвал');
    // Answered before the page is done: DOMContentLoaded later must not reload the survey over it.
    const point = first()!.querySelector<HTMLInputElement>('input[type=radio]')!;
    point.click();
    await waitUntil(() => doc().readyState !== 'loading', 'the page never finished', {
      timeout: 8000,
    });
    await new Promise((r) => setTimeout(r, 100));
    expect(first()!.querySelector<HTMLInputElement>('input[type=radio]:checked')?.value).to.equal(
      point.value,
    );
  });

  it('a long survey arrives a chunk a frame and updateComplete waits for all of it', async () => {
    const many = surveyOf(
      ...Array.from({ length: 60 }, (_, i) => ({ ...text, id: `t${i}`, multiline: false })),
    );
    const { el } = await page(many);
    expect($$(el, '[part~=question]')).to.have.length(60);
    expect($(el, '[part~=submit-button]')).to.not.equal(null);
  });
});
