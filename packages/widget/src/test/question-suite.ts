// Behaviour every answerable question kind shares; each kind's test file runs it with its own
// keyboard script (webawesome's form-control-base-tests pattern).
import type { AnswerValue, Question } from '@otklik/core/engine';
import type { CatalogEntry } from '@otklik/core/engine';
import { expect } from '@open-wc/testing';
import type { FeedbackSurvey } from '../feedback-survey.js';
import { $, $$, assertCspClean, focused, mount, settle, submitByKeyboard } from './harness.js';
import { surveyOf } from './fixtures.js';

export interface SuiteOptions {
  question: Question;
  catalogs?: Record<string, CatalogEntry[]>;
  /** Answers the question with the keyboard alone, starting with nothing focused. */
  answer: (el: FeedbackSurvey) => Promise<void>;
  expected: AnswerValue;
}

export function questionSuite(o: SuiteOptions): void {
  const q = o.question;
  const make = (lang: 'ru' | 'en' = 'ru') =>
    mount(surveyOf(q), { lang, ...(o.catalogs ? { catalogs: o.catalogs } : {}) });

  describe(`shared behaviour: ${q.type}`, () => {
    it('is accessible and shows the title in the legend', async () => {
      const el = await make();
      await expect(el).to.be.accessible();
      expect($(el, `[data-q="${q.id}"] [part="legend"]`)?.textContent).to.contain(q.title.ru);
      assertCspClean(el);
    });

    it('renders in English', async () => {
      const el = await make('en');
      await expect(el).to.be.accessible();
      expect($(el, '[part="legend"]')?.textContent).to.contain(q.title.en);
      expect($(el, 'button[type=submit]')?.textContent?.trim()).to.equal('Submit');
    });

    it('is answered with the keyboard alone', async () => {
      const el = await make();
      await expect(el).to.be.accessible();
      await o.answer(el);
      await settle(el);
      const r = await submitByKeyboard(el);
      expect(r.answers[q.id]).to.deep.equal(o.expected);
    });

    it('shows a linked, announced message and focuses the question when required and empty', async () => {
      const el = await make();
      await expect(el).to.be.accessible();
      $<HTMLFormElement>(el, 'form')!.requestSubmit();
      await settle(el);
      const err = $(el, `#q-${q.id}-e`);
      expect(err?.textContent).to.contain('Ответьте на этот вопрос');
      const controls = $$(el, `[data-q="${q.id}"] input, [data-q="${q.id}"] textarea`);
      expect(controls.length).to.be.greaterThan(0);
      for (const c of controls) {
        expect(c.getAttribute('aria-invalid')).to.equal('true');
        expect(c.getAttribute('aria-describedby')).to.contain(`q-${q.id}-e`);
      }
      expect($(el, '#live')?.textContent).to.contain('Ответьте на этот вопрос');
      expect(focused(el)?.closest('[data-q]')?.getAttribute('data-q')).to.equal(q.id);
      await expect(el).to.be.accessible();
    });
  });
}
