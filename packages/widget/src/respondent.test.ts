// Respondent defects of the second widget review (issue 10), each pinned by a browser test.
import { expect } from '@open-wc/testing';
import type { Question, TextQuestion } from '@otklik/core/engine';
import type { FeedbackSurvey } from './feedback-survey.js';
import { multiple, scale, single, surveyOf, text } from './test/fixtures.js';
import { $, $$, focused, mount, press, settle, tabTo, type } from './test/harness.js';

/** Counts `otklik-submit` events from now on. */
function submits(el: FeedbackSurvey): { n: number } {
  const c = { n: 0 };
  el.addEventListener('otklik-submit', () => c.n++);
  return c;
}

const optional = (q: Question): Question => ({ ...q, required: false });

describe('Enter inside a one-page form', () => {
  it('never submits from a specify box or a radio; only from the button', async () => {
    const el = await mount(surveyOf(single, multiple, optional(text)));
    const sent = submits(el);
    $$<HTMLInputElement>(el, '[data-q=q1] input[type=radio]')[0]!.click();
    $$<HTMLInputElement>(el, '[data-q=q2] input[type=checkbox]')[2]!.click(); // «Проблема (укажите)»
    await settle(el);
    expect(focused(el)?.classList.contains('specify')).to.equal(true);
    await type('долго');
    await press('Enter');
    await settle(el);
    expect(sent.n, 'Enter in the specify box').to.equal(0);
    $$<HTMLInputElement>(el, '[data-q=q1] input[type=radio]')[0]!.focus();
    await press('Enter');
    await settle(el);
    expect(sent.n, 'Enter on a radio').to.equal(0);
    await tabTo(el, 'button[type=submit]');
    await press('Enter');
    await settle(el);
    expect(sent.n, 'Enter on the submit button').to.equal(1);
  });
});

describe('question ids that are Object.prototype names', () => {
  it('a question named constructor or toString is not always in error', async () => {
    const el = await mount(
      surveyOf({ ...optional(single), id: 'constructor' }, { ...optional(text), id: 'toString' }),
    );
    const sent = submits(el);
    expect($$(el, '[part=error]')).to.have.length(0);
    $$<HTMLInputElement>(el, 'input[type=radio]')[0]!.click();
    await settle(el);
    expect($$(el, '[part=error]')).to.have.length(0);
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await settle(el);
    expect(sent.n).to.equal(1);
  });
});

describe('fields in error', () => {
  it('a text field in error has the error border, not the grey one', async () => {
    const el = await mount(
      surveyOf({ ...(text as TextQuestion), required: true, multiline: false }),
    );
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await settle(el);
    const input = $<HTMLInputElement>(el, 'input[type=text]')!;
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(getComputedStyle(input).borderTopColor).to.equal('rgb(179, 38, 30)');
  });

  it('the specify message says where the box is: below the option', async () => {
    const el = await mount(surveyOf(single));
    $$<HTMLInputElement>(el, 'input[type=radio]')[2]!.click();
    await settle(el);
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await settle(el);
    const msg = $(el, '[data-q=q1] .error')!.textContent!;
    expect(msg).to.contain('под');
    expect(msg).not.to.contain('рядом');
  });
});

describe('the character counter', () => {
  it('is a live region only near the limit', async () => {
    const el = await mount(surveyOf(text)); // maxLength 100
    const counter = () => $(el, '.counter')!;
    $<HTMLTextAreaElement>(el, 'textarea')!.focus();
    await type('abc');
    await settle(el);
    expect(counter().textContent).to.contain('97');
    expect(counter().getAttribute('aria-live')).not.to.equal('polite');
    await type('x'.repeat(88));
    await settle(el);
    expect(counter().textContent).to.contain('9');
    expect(counter().getAttribute('aria-live')).to.equal('polite');
  });
});

describe('small things', () => {
  it('a multiple-choice question says several may be chosen (ru and en)', async () => {
    const ru = await mount(surveyOf(multiple));
    expect($(ru, '[data-q=q2] legend')!.textContent).to.contain('можно выбрать несколько');
    const en = await mount(surveyOf(multiple), { lang: 'en' });
    expect($(en, '[data-q=q2] legend')!.textContent).to.contain('choose all that apply');
  });

  it('an optional scale can be cleared', async () => {
    const el = await mount(surveyOf(optional(scale), optional(text)));
    let answers: unknown;
    el.addEventListener('otklik-submit', (e) => (answers = e.detail.response.answers));
    expect($(el, '[data-q=q3] [part~=clear]')).to.equal(null); // nothing to clear yet
    $$<HTMLInputElement>(el, '[data-q=q3] input[type=radio]')[1]!.click();
    await settle(el);
    $<HTMLButtonElement>(el, '[data-q=q3] [part~=clear]')!.click();
    await settle(el);
    expect($$<HTMLInputElement>(el, '[data-q=q3] input:checked')).to.have.length(0);
    $<HTMLFormElement>(el, 'form')!.requestSubmit();
    await settle(el);
    expect(answers).to.deep.equal({});
    const req = await mount(surveyOf(scale));
    $$<HTMLInputElement>(req, 'input[type=radio]')[1]!.click();
    await settle(req);
    expect($(req, '[part~=clear]'), 'a required scale has no clear button').to.equal(null);
  });

  it('a long one-page form shows how many questions are answered', async () => {
    const many = Array.from({ length: 12 }, (_, i) => ({ ...optional(single), id: `s${i}` }));
    const el = await mount(surveyOf(...many));
    const progress = () => $(el, '[part=progress]')?.textContent?.trim();
    expect(progress()).to.equal('Отвечено 0 из 12');
    $$<HTMLInputElement>(el, '[data-q=s0] input')[0]!.click();
    $$<HTMLInputElement>(el, '[data-q=s5] input')[1]!.click();
    await settle(el);
    expect(progress()).to.equal('Отвечено 2 из 12');
    const short = await mount(surveyOf(single, scale));
    expect($(short, '[part=progress]')).to.equal(null);
  });
});

describe('scales', () => {
  const recommend: Question = {
    id: 'q9',
    type: 'scale',
    required: true,
    title: { ru: 'Порекомендуете ли вы нас?', en: 'Would you recommend us?' },
    description: {
      ru: 'Дайте оценку по шкале от 1 до 10, где 1 — очень маловероятно, 10 — очень вероятно.',
      en: 'Rate from 1 to 10.',
    },
    min: 1,
    max: 10,
    order: 'asc',
    minLabel: { ru: 'очень маловероятно', en: 'very unlikely' },
    maxLabel: { ru: 'очень вероятно', en: 'very likely' },
  };
  const asc: Question = {
    id: 'm',
    type: 'matrix',
    required: true,
    title: { ru: 'Оцените', en: 'Rate' },
    rows: [{ id: 'speed', text: { ru: 'Скорость', en: 'Speed' } }],
    scale: { min: 1, max: 5, order: 'asc' },
  };
  const firsts = (el: FeedbackSurvey) =>
    $$(el, '.points').map((p) => p.querySelector('label')!.textContent!.trim()[0]);

  it('run in one direction through the form: the first scale’s, or the scale-order attribute', async () => {
    const el = await mount(surveyOf(scale, asc)); // 5…1, then a matrix declared 1…5
    expect(firsts(el)).to.deep.equal(['5', '5']);
    el.setAttribute('scale-order', 'asc');
    await settle(el);
    expect(firsts(el)).to.deep.equal(['1', '1']);
  });

  it('name every point with its question or row and its value; the description is said once', async () => {
    const el = await mount(surveyOf(recommend, asc));
    const nameOf = (i: Element) =>
      (i.getAttribute('aria-labelledby') ?? '')
        .split(' ')
        .map((id) => el.shadowRoot!.getElementById(id)?.textContent?.trim())
        .join(' ');
    const points = $$<HTMLInputElement>(el, '[data-q=q9] input[type=radio]');
    expect(nameOf(points[3]!)).to.equal('Порекомендуете ли вы нас? 4');
    const row = $$<HTMLInputElement>(el, '[data-q=m] input[type=radio]');
    expect(nameOf(row[0]!)).to.equal('Скорость 1');
    for (const p of points) expect(p.getAttribute('aria-describedby') ?? '').not.to.contain('-d');
    expect($(el, '[data-q=q9]')!.getAttribute('aria-describedby')).to.contain('q-q9-d');
  });

  it('end labels sit at their end points at 1280 px and at 320 px', async () => {
    const { setViewport } = await import('@web/test-runner-commands');
    try {
      for (const width of [1280, 320]) {
        await setViewport({ width, height: 800 });
        const el = await mount(surveyOf(recommend));
        const pts = $$(el, '[data-q=q9] .pt');
        for (const [pt, align] of [
          [pts[0]!, 'left'],
          [pts[pts.length - 1]!, 'right'],
        ] as const) {
          const box = pt.querySelector('label')!.getBoundingClientRect();
          const end = pt.querySelector('.end');
          expect(end, `${width}: end label inside its point`).not.to.equal(null);
          const r = end!.getBoundingClientRect();
          expect(Math.abs(r[align] - box[align]), `${width} ${align}`).to.be.at.most(2);
          expect(r.top - box.bottom, `${width} just below`).to.be.within(0, 12);
        }
      }
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
