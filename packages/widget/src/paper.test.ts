// The operator layout for keying in paper questionnaires (mode="paper").
import { expect, fixture, html } from '@open-wc/testing';
import type { SurveyResponse } from '@otklik/core/engine';
import { sendKeys } from '@web/test-runner-commands';
import './define.js';
import type { FeedbackSurvey } from './feedback-survey.js';
import { scale, single, surveyOf } from './test/fixtures.js';
import { $, $$, focused, press, settle } from './test/harness.js';

describe('paper mode', () => {
  it('keyboard only: Ctrl+Enter sends, the form starts again empty, the session count grows', async () => {
    const el = await fixture<FeedbackSurvey>(
      html`<feedback-survey
        .definition=${surveyOf(single, scale)}
        mode="paper"
        touchpoint="МФЦ, окно 2"
        lang="ru"
      ></feedback-survey>`,
    );
    await el.updateComplete;
    await expect(el).to.be.accessible();
    const sent: SurveyResponse[] = [];
    el.addEventListener('otklik-submit', (e) => sent.push(e.detail.response));
    expect($(el, '[part=entered]')?.textContent?.trim()).to.equal('Введено анкет за сеанс: 0');
    for (const n of [1, 2]) {
      // Focus starts on the first question's first field: no mouse needed.
      expect(focused(el)?.matches('[data-q=q1] input')).to.equal(true);
      await press('Space'); // «Да»
      await press('Tab');
      await press('ArrowRight'); // into the scale: 4
      await settle(el);
      await sendKeys({ down: 'Control' });
      await press('Enter');
      await sendKeys({ up: 'Control' });
      await settle(el);
      expect(sent).to.have.length(n);
      expect($(el, '[part=entered]')?.textContent?.trim()).to.equal(`Введено анкет за сеанс: ${n}`);
      expect($$<HTMLInputElement>(el, 'input:checked'), 'an empty form again').to.have.length(0);
      expect($(el, '#live')?.textContent).to.contain(`Анкета ${n} сохранена`);
    }
    expect(sent[0]!.context.channel).to.equal('paper');
    expect(sent[0]!.answers).to.deep.equal({ q1: 'yes', q3: 4 });
    expect(sent[1]!.responseId).not.to.equal(sent[0]!.responseId);
  });
});
