// The seed questionnaires answered with the keyboard alone, and the payload checked field by field.
import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { localize, validateResponse, type CatalogEntry, type Survey } from '@otklik/core/engine';
import { templates } from '@otklik/core/templates';
import './define.js';
import type { FeedbackSurvey } from './feedback-survey.js';
import { filterEntries } from './questions/list/list.js';
import { $, focused, press, settle, tabTo, type } from './test/harness.js';

/** Tabs to the first control of a question (one tab stop per radio group). */
const toQuestion = (el: FeedbackSurvey, id: string) =>
  tabTo(el, `[data-q="${id}"] input, [data-q="${id}"] textarea`);

/** Next (or submit on the last question) with the keyboard, in the paged layout. */
async function next(el: FeedbackSurvey): Promise<void> {
  await tabTo(el, 'button[type=submit]');
  await press('Enter');
  await settle(el);
}

const progress = (el: FeedbackSurvey) => $(el, '[part=progress]')?.textContent?.trim();

/** A word of the first catalogue entry, and the id typing it then Enter picks. */
function pickFirst(s: Survey, catalog: string): { word: string; id: string } {
  const entries: CatalogEntry[] = s.catalogs?.[catalog] ?? [];
  const word = localize(entries[0]!.text, 'ru').split(' ')[0]!.toLowerCase();
  return { word, id: filterEntries(entries, word, 'ru')[0]!.id };
}

describe('vladimir-social, paged, keyboard only', () => {
  it('follows the jumps Q4 → Q6 and Q7 → Q9 and sends exactly what was chosen', async () => {
    const s = templates['vladimir-social'];
    const el = await fixture<FeedbackSurvey>(
      html`<feedback-survey
        .definition=${s}
        layout="paged"
        lang="ru"
        object="veteran-payment"
        channel="email"
      ></feedback-survey>`,
    );
    await expect(el).to.be.accessible();
    expect(progress(el)).to.equal('Вопрос 1 из 14'); // q12 waits for a refusal in q7

    const svc = pickFirst(s, 'services');
    await toQuestion(el, 'q1'); // the search box
    await type(svc.word);
    await settle(el);
    await press('Tab'); // into the filtered radio group
    await press('Space');
    await next(el);
    expect(focused(el)?.id).to.equal('q-q2-t');
    await next(el); // q2 is optional
    await toQuestion(el, 'q3');
    await press('Space'); // printed 5…1: 5
    await next(el);
    expect(progress(el)).to.equal('Вопрос 4 из 14');
    await toQuestion(el, 'q4');
    await press('ArrowDown'); // «учреждение» → Q6
    await settle(el);
    expect(progress(el)).to.equal('Вопрос 4 из 13');
    await next(el);
    expect(focused(el)?.id).to.equal('q-q6-t');
    expect(progress(el)).to.equal('Вопрос 5 из 13');
    await toQuestion(el, 'q6');
    await press('Space');
    await next(el);
    await toQuestion(el, 'q7');
    await press('Space'); // «Да, услуга предоставлена» → Q9
    await settle(el);
    expect(progress(el)).to.equal('Вопрос 6 из 12');
    await next(el);
    expect(focused(el)?.id).to.equal('q-q9-t');
    await expect(el).to.be.accessible();
    await toQuestion(el, 'q9');
    await press('Space'); // first row, printed 5…1 like every scale of the form: 5
    await press('Tab'); // past the first row's «Очистить ответ» (Q9 is optional)
    await press('Tab');
    await press('ArrowRight'); // second row: 4
    // Back and forth keeps the answers.
    await tabTo(el, '[part~=back-button]');
    await press('Enter');
    await settle(el);
    expect(focused(el)?.id).to.equal('q-q7-t');
    await next(el);
    const sent = oneEvent(el, 'otklik-submit');
    for (let i = 0; i < 6; i++) await next(el); // q9, q10, q11, q13, q14, q15 (optional)
    const r = (await sent).detail.response;
    expect(r.surveyId).to.equal('vladimir-social');
    expect(r.surveyVersion).to.equal(s.version);
    expect(r.lang).to.equal('ru');
    expect(r.answers).to.deep.equal({
      q1: svc.id,
      q3: 5,
      q4: 'institution',
      q6: 'offered',
      q7: 'provided',
      q9: { application: 5, status: 4 },
    });
    expect(r.specify).to.equal(undefined);
    // Q1 is bound to the object: the service picked wins over the one in the link.
    expect(r.context).to.deep.equal({
      channel: 'email',
      respondent: 'external',
      object: svc.id,
    });
    expect(validateResponse(s, r).ok).to.equal(true);
  });
});

describe('belgorod-typical, one page, keyboard only', () => {
  it('asks Q9 and Q11 after a refusal, keeps the specify text and sends a valid response', async () => {
    const s = templates['belgorod-typical'];
    const el = await fixture<FeedbackSurvey>(
      html`<feedback-survey .definition=${s} lang="ru"></feedback-survey>`,
    );
    await expect(el).to.be.accessible();
    expect($(el, '[data-q=q9]')).to.equal(null);
    const svc = pickFirst(s, 'services');
    await toQuestion(el, 'q1');
    await press('Space'); // satisfied
    await toQuestion(el, 'q2'); // the search box
    await type(svc.word);
    await settle(el);
    await press('Tab'); // into the filtered options (one service: Q2 is the response's object)
    await press('Space');
    await toQuestion(el, 'q3');
    await press('ArrowDown'); // 5 → 4
    await toQuestion(el, 'q4');
    await press('Space'); // «Проблема (укажите)»: its box appears with focus
    await settle(el);
    expect(focused(el)?.classList.contains('specify')).to.equal(true);
    await type('Долго ждал ответа');
    await toQuestion(el, 'q8');
    await press('ArrowDown'); // refused → q9 appears
    await settle(el);
    expect($(el, '[data-q=q9]')).not.to.equal(null);
    // Q11 (effort) is asked of whoever named the service in Q2, a refusal included.
    expect($(el, '[data-q=q11]')).not.to.equal(null);
    await toQuestion(el, 'q9');
    await press('Space');
    await toQuestion(el, 'q21');
    await press('Space'); // printed 10…1: 10
    await toQuestion(el, 'q22');
    await type('Спасибо');
    await settle(el);
    const sent = oneEvent(el, 'otklik-submit');
    await tabTo(el, 'button[type=submit]');
    await press('Enter');
    const r = (await sent).detail.response;
    expect(r.answers).to.deep.equal({
      q1: 'satisfied',
      q2: svc.id, // one service: the response's object
      q3: 4,
      q4: ['problem'],
      q8: 'refused',
      q9: 'yes',
      q21: 10,
      q22: 'Спасибо',
    });
    expect(r.specify).to.deep.equal({ q4: { problem: 'Долго ждал ответа' } });
    expect(r.context).to.deep.equal({ channel: 'site', respondent: 'external', object: svc.id });
    expect(validateResponse(s, r).ok).to.equal(true);
  });
});
