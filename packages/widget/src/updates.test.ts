// An answer re-renders the questions it touches and no other: in a 250-question form a click must
// cost what it changes, not the whole form.
import { expect } from '@open-wc/testing';
import type { Survey } from '@otklik/core/engine';
import { belgorodTypical } from '@otklik/core/templates';
import type { FeedbackSurvey } from './feedback-survey.js';
import { $, $$, mount, settle, type } from './test/harness.js';

/**
 * A copy of the survey whose questions count how often their title is read. Every question
 * template reads its title once, so the counts are renders per question.
 */
function counted(s: Survey): { survey: Survey; renders: Map<string, number> } {
  const renders = new Map<string, number>();
  const survey = structuredClone(s);
  for (const q of survey.questions) {
    const title = q.title;
    Object.defineProperty(q, 'title', {
      enumerable: true,
      get() {
        renders.set(q.id, (renders.get(q.id) ?? 0) + 1);
        return title;
      },
    });
  }
  return { survey, renders };
}

/** The question fieldsets on the page, by question id. */
const fieldsets = (el: FeedbackSurvey) =>
  new Map($$(el, '[part=question]').map((f) => [f.dataset['q']!, f]));

async function form() {
  const { survey, renders } = counted(belgorodTypical);
  const el = await mount(survey);
  renders.clear();
  return { el, renders };
}

describe('an answer re-renders only what it changes', () => {
  it('a choice in Q1 renders Q1 alone', async () => {
    const { el, renders } = await form();
    $<HTMLInputElement>(el, '[data-q=q1] input[id$="-satisfied"]')!.click();
    await settle(el);
    expect([...renders.keys()]).to.deep.equal(['q1']);
  });

  it('a refusal in Q8 renders Q8 and the Q9 it brings, and moves no other question', async () => {
    const { el, renders } = await form();
    const before = fieldsets(el);
    expect(before.has('q9')).to.equal(false);
    $<HTMLInputElement>(el, '[data-q=q8] input[id$="-refused"]')!.click();
    await settle(el);
    expect([...renders.keys()].sort()).to.deep.equal(['q8', 'q9']);
    const after = fieldsets(el);
    expect(after.has('q9')).to.equal(true);
    // Every question that was there is the same node: none was rebuilt or reused for another.
    for (const [id, node] of before) expect(after.get(id), id).to.equal(node);
  });

  it('typing in an open answer renders that question alone', async () => {
    const { el, renders } = await form();
    $<HTMLTextAreaElement>(el, '[data-q=q22] textarea')!.focus();
    await type('Быстрее');
    await settle(el);
    expect([...renders.keys()]).to.deep.equal(['q22']);
  });

  it('after a wipe every question is built anew, empty', async () => {
    const { el } = await form();
    const before = fieldsets(el);
    $<HTMLInputElement>(el, '[data-q=q1] input[id$="-satisfied"]')!.click();
    await settle(el);
    el.reset();
    await settle(el);
    const after = fieldsets(el);
    expect([...after.keys()]).to.deep.equal([...before.keys()]);
    for (const [id, node] of before) expect(after.get(id), id).not.to.equal(node);
    expect($$(el, 'input:checked')).to.have.length(0);
  });

  it('a change of language renders every question again', async () => {
    const { el, renders } = await form();
    el.setAttribute('lang', 'en');
    await settle(el);
    expect(renders.size).to.equal(fieldsets(el).size);
    expect($(el, '[data-q=q1] legend')?.textContent).to.contain('Overall');
  });
});
