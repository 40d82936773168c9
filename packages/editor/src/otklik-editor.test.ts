import { aTimeout, expect, fixture, html, waitUntil } from '@open-wc/testing';
import { END, type Survey } from '@otklik/core/engine';
import { templates } from '@otklik/core/templates';
import {
  $,
  $$,
  choose,
  click,
  fill,
  focusedId,
  ids,
  mount,
  press,
  typeInto,
  WIDGET_SRC,
} from './test/harness.js';

/** Three single-choice questions q1…q3 with texts filled in: a draft without errors. */
function three(): Survey {
  const q = (n: number) => ({
    id: `q${n}`,
    type: 'single' as const,
    title: { ru: `Вопрос номер ${n}` },
    options: [
      { id: 'yes', text: { ru: 'Да' } },
      { id: 'no', text: { ru: 'Нет' } },
    ],
  });
  return { id: 'three', version: 1, title: { ru: 'Три вопроса' }, questions: [q(1), q(2), q(3)] };
}

describe('<otklik-editor>', () => {
  it('starts a new survey from a template or blank, accessibly', async () => {
    const el = await mount();
    await expect(el).to.be.accessible();
    const labels = $$(el, '.templates label').map((l) =>
      l.textContent!.replace(/\s+/g, ' ').trim(),
    );
    expect(labels[0]).to.equal('Пустой опрос');
    expect(labels.some((l) => l.startsWith(templates['vladimir-social'].title.ru))).to.equal(true);
    $<HTMLInputElement>(el, '#start-vladimir-social').checked = true;
    await click(el, 'form button[type=submit]');
    expect(el.survey!.questions.map((q) => q.id)).to.deep.equal(
      templates['vladimir-social'].questions.map((q) => q.id),
    );
    expect(el.survey!.version).to.equal(1);
    expect(Object.isFrozen(el.survey!.questions[0])).to.equal(false);
    await expect(el).to.be.accessible();
  });

  it('builds a question from a blank survey: kind, texts in both languages, options', async () => {
    const el = await mount();
    await click(el, 'form button[type=submit]');
    expect(focusedId(el)).to.equal('survey-title-ru');
    await typeInto(el, '#survey-title-ru', 'Опрос о приёме');
    await choose(el, '#new-question-type', 'single');
    await click(el, '#add-question');
    // The new question's title has the focus.
    expect(focusedId(el)).to.equal('q1-title-ru');
    await typeInto(el, '#q1-title-ru', 'Как Вы получили услугу?');
    await typeInto(el, '#q1-title-en', 'How did you get the service?');
    await typeInto(el, '#q1-options-0-text-ru', 'Лично');
    await typeInto(el, '#q1-options-1-text-ru', 'В МФЦ');
    await click(el, '.adds button:nth-of-type(2)'); // + «Затрудняюсь ответить»
    $<HTMLInputElement>(el, '#q1-required').click();
    await el.updateComplete;
    expect(el.survey!.questions[0]).to.deep.equal({
      id: 'q1',
      type: 'single',
      title: { ru: 'Как Вы получили услугу?', en: 'How did you get the service?' },
      required: true,
      options: [
        { id: 'o1', text: { ru: 'Лично' } },
        { id: 'o2', text: { ru: 'В МФЦ' } },
        { id: 'o3', text: { ru: 'Затрудняюсь ответить', en: 'Hard to say' }, kind: 'dontKnow' },
      ],
    });
    expect($(el, '#check-status').textContent).to.contain('Ошибок нет');
    // Emptying the English text removes it (core wants it absent, not empty).
    await fill(el, '#q1-title-en', '');
    expect(el.survey!.questions[0]!.title).to.deep.equal({ ru: 'Как Вы получили услугу?' });
    await expect(el).to.be.accessible();
  });

  it('offers only forward jumps, and sets one per option', async () => {
    const el = await mount(three());
    const menu = (sel: string) => $$<HTMLOptionElement>(el, `${sel} option`).map((o) => o.value);
    expect(menu('#q1-options-0-goto')).to.deep.equal(['', 'q2', 'q3', END]);
    expect(menu('#q2-options-0-goto')).to.deep.equal(['', 'q3', END]);
    expect(menu('#q3-options-0-goto')).to.deep.equal(['', END]);
    await choose(el, '#q1-options-1-goto', 'q3');
    await choose(el, '#q2-options-0-goto', END);
    expect(el.survey!.questions[0]!).to.have.nested.property('options[1].goTo', 'q3');
    expect(el.survey!.questions[1]!).to.have.nested.property('options[0].goTo', END);
    await choose(el, '#q1-options-1-goto', '');
    expect(el.survey!.questions[0]!).not.to.have.nested.property('options[1].goTo');
  });

  it('keeps showing each stored jump in its menu while questions move', async () => {
    const el = await mount(three());
    await choose(el, '#q1-options-1-goto', 'q3');
    await choose(el, '#q2-options-0-goto', END);
    const shown = () => [
      $<HTMLSelectElement>(el, '#q1-options-1-goto').value,
      $<HTMLSelectElement>(el, '#q2-options-0-goto').value,
    ];
    for (const [button, order] of [
      ['#q1-down', 'q2 q1 q3'],
      ['#q2-down', 'q1 q2 q3'],
      ['#q3-up', 'q1 q3 q2'],
      ['#q3-down', 'q1 q2 q3'],
    ] as const) {
      await click(el, button);
      expect(ids(el).join(' ')).to.equal(order);
      expect(shown(), `after ${button}`).to.deep.equal(['q3', END]);
    }
  });

  it('shows core’s checker errors at the question they concern, as the author types', async () => {
    const el = await mount(three());
    expect($$(el, '.issues')).to.have.length(0);
    // A jump from q1 to q3, then q3 moved above q1: the jump now goes backwards.
    await choose(el, '#q1-options-0-goto', 'q3');
    await click(el, '#q3-up');
    await click(el, '#q3-up');
    expect(ids(el)).to.deep.equal(['q3', 'q1', 'q2']);
    const card = $(el, '#q1-card');
    expect(card.querySelector('.issues')?.textContent).to.contain(
      'Переход назад или на себя («q3»): допустимы только переходы вперёд',
    );
    expect(card.querySelector('.issues')?.textContent).to.contain('вариант 1 · переход');
    expect($(el, '#q1-options-0-goto').getAttribute('aria-invalid')).to.equal('true');
    // The menu still shows the stored target, marked as not allowed.
    expect(
      $<HTMLSelectElement>(el, '#q1-options-0-goto').selectedOptions[0]!.textContent,
    ).to.contain('недопустимо');
    expect($(el, '#q3-card').querySelector('.issues')).to.equal(null);
    // Typing: an emptied title is an error at once, and goes away with the first letter.
    await fill(el, '#q2-title-ru', '');
    expect($(el, '#q2-card .issues').textContent).to.match(
      /текст вопроса · ru: Символов: не меньше 1/,
    );
    expect($(el, '#q2-card section').getAttribute('aria-describedby')).to.equal('q2-errors');
    await typeInto(el, '#q2-title-ru', 'Н');
    expect($(el, '#q2-card').querySelector('.issues')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('speaks English, checker messages included', async () => {
    const s = three();
    s.questions[1] = { ...s.questions[1]!, showIf: { op: 'equals', question: 'q3', value: 'yes' } };
    const el = await mount(s, { lang: 'en' });
    expect($(el, '#q2-card .issues').textContent).to.contain(
      'Condition refers to question "q3", which is not asked before this one',
    );
    expect($(el, '#add-question').textContent!.trim()).to.equal('Add question');
    await expect(el).to.be.accessible();
  });

  it('reorders questions by keyboard, keeping ids and focus; new ids never reuse old ones', async () => {
    const el = await mount(three());
    $(el, '#q1-down').focus();
    await press('Enter');
    await el.updateComplete;
    expect(ids(el)).to.deep.equal(['q2', 'q1', 'q3']);
    expect(focusedId(el)).to.equal('q1-down');
    await press('Space');
    await el.updateComplete;
    expect(ids(el)).to.deep.equal(['q2', 'q3', 'q1']);
    // At the bottom «ниже» is disabled: focus moves to «выше» of the same question.
    expect(focusedId(el)).to.equal('q1-up');
    expect($(el, '[role=status]').textContent).to.contain('Вопрос q1 перемещён на место 3');
    // Headings renumber; ids do not.
    expect($(el, '#q1-heading').textContent).to.match(/Вопрос 3\s+код q1/);
    await click(el, '#q3-card .tools button:last-child'); // delete q3
    await click(el, '#add-question');
    expect(ids(el)).to.deep.equal(['q2', 'q1', 'q4']);
    await click(el, '#q4-card .tools button:last-child');
    await click(el, '#add-question');
    expect(ids(el)).to.deep.equal(['q2', 'q1', 'q5']);
  });

  it('reorders options by keyboard and questions by dragging', async () => {
    const el = await mount(three());
    $(el, '#q2-options-0-down').focus();
    await press('Enter');
    await el.updateComplete;
    expect(el.survey!.questions[1]!).to.have.nested.property('options[0].id', 'no');
    expect(focusedId(el)).to.equal('q2-options-1-up');

    const data = new DataTransfer();
    $(el, '#q3-card .grip').dispatchEvent(
      new DragEvent('dragstart', { dataTransfer: data, bubbles: true }),
    );
    const over = new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true });
    $(el, '#q1-card').dispatchEvent(over);
    expect(over.defaultPrevented).to.equal(true);
    $(el, '#q1-card').dispatchEvent(
      new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }),
    );
    await el.updateComplete;
    expect(ids(el)).to.deep.equal(['q3', 'q1', 'q2']);
  });

  it('builds show-if conditions from menus: question, operator, value, and/or/not', async () => {
    const el = await mount(three());
    $<HTMLDetailsElement>(el, '#q3-card details.logic').open = true;
    await click(el, '#q3-showif-add');
    // Only earlier questions are offered.
    expect(
      $$<HTMLOptionElement>(el, '#q3-showif-0-question option').map((o) => o.value),
    ).to.deep.equal(['q1', 'q2']);
    await choose(el, '#q3-showif-0-question', 'q1');
    await choose(el, '#q3-showif-0-op', 'equals');
    await choose(el, '#q3-showif-0-value', 's:no');
    expect(el.survey!.questions[2]!.showIf).to.deep.equal({
      op: 'equals',
      question: 'q1',
      value: 'no',
    });
    await click(el, '#q3-showif-add');
    await choose(el, '#q3-showif-1-question', 'q2');
    $<HTMLInputElement>(el, '#q3-showif-1-not').click();
    await el.updateComplete;
    await choose(el, '#q3-showif-join', 'any');
    expect(el.survey!.questions[2]!.showIf).to.deep.equal({
      op: 'or',
      any: [
        { op: 'equals', question: 'q1', value: 'no' },
        { op: 'not', cond: { op: 'answered', question: 'q2' } },
      ],
    });
    expect($$(el, '.issues')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('walks a path with core’s visibility rules: Vladimir Q4 = МФЦ skips Q5', async () => {
    const el = await mount(structuredClone(templates['vladimir-social']) as Survey);
    await waitUntil(() => el.shadowRoot!.querySelector('.path-summary'), 'walk panel shown');
    await choose(el, '#walk-q4', 's:mfc');
    const summary = $(el, '.path-summary');
    expect(summary.dataset['path']!.split(' ').slice(0, 5)).to.deep.equal([
      'q1',
      'q2',
      'q3',
      'q4',
      'q6',
    ]);
    expect(summary.textContent).to.match(/пропущены: 5/);
    await choose(el, '#walk-q7', 's:provided');
    expect(summary.dataset['path']).not.to.contain('q8');
  });

  it('previews the draft with the real <feedback-survey>, in each layout and language', async () => {
    const el = await mount(three());
    const widget = () => el.shadowRoot!.querySelector('feedback-survey');
    await waitUntil(
      () => widget()?.shadowRoot?.textContent?.includes('Вопрос номер 1'),
      'preview rendered',
    );
    expect(widget()!.getAttribute('layout')).to.equal('page');
    $<HTMLInputElement>(el, '#preview-layout-kiosk').click();
    await el.updateComplete;
    expect(widget()!.getAttribute('mode')).to.equal('kiosk');
    $<HTMLInputElement>(el, '#preview-lang-en').click();
    await el.updateComplete;
    expect(widget()!.getAttribute('lang')).to.equal('en');
    // Edits reach the preview once typing pauses.
    await typeInto(el, '#q1-title-ru', ' изменён');
    $<HTMLInputElement>(el, '#preview-layout-page').click();
    $<HTMLInputElement>(el, '#preview-lang-ru').click();
    await waitUntil(
      () => widget()?.shadowRoot?.textContent?.includes('Вопрос номер 1 изменён'),
      'edit previewed',
    );
  });

  it('posts the draft to the review page, and only without errors', async () => {
    const el = await mount(three());
    const form = $<HTMLFormElement>(el, 'form.publish');
    expect(form.getAttribute('action')).to.equal('/admin/surveys/three/review');
    const data = new FormData(form);
    expect(data.get('_csrf')).to.equal('test-csrf');
    expect(JSON.parse(String(data.get('survey')))).to.deep.equal(el.survey);
    // With an error the submit is stopped and focus goes to the question at fault.
    await fill(el, '#q2-options-0-id', 'yes no');
    expect($(el, '#q2-card .issues').textContent).to.contain('вариант 1 · идентификатор');
    const submit = new SubmitEvent('submit', { cancelable: true });
    form.dispatchEvent(submit);
    await el.updateComplete;
    await aTimeout(0);
    expect(submit.defaultPrevented).to.equal(true);
    expect(focusedId(el)).to.equal('q2-heading');
  });

  it('edits a published survey, given as the page’s data block, as the draft of its next version', async () => {
    const published = { ...(structuredClone(templates['kiosk-pulse']) as Survey), version: 4 };
    const host = await fixture<HTMLElement>(
      html`<div>
        <otklik-editor mode="edit" widget-src=${WIDGET_SRC}
          ><script type="application/json">
            ${JSON.stringify(published)}
          </script></otklik-editor
        >
      </div>`,
    );
    const el = host.querySelector('otklik-editor')!;
    await el.updateComplete;
    expect(el.survey!.version).to.equal(5);
    expect(el.survey!.id).to.equal('kiosk-pulse');
    expect($(el, '#survey-heading').parentElement!.textContent).to.contain('Версия: 5');
    // The id is fixed when editing: the draft is a version of this survey.
    expect(el.shadowRoot!.querySelector('#survey-id')).to.equal(null);
    expect($(el, 'form.publish').getAttribute('action')).to.equal(
      '/admin/surveys/kiosk-pulse/review',
    );
  });
});
