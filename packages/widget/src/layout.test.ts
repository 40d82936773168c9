// Reflow and target sizes in a real layout: 320 CSS px wide, a small host font.
import { expect, fixture, html } from '@open-wc/testing';
import { templates } from '@otklik/core/templates';
import { executeServerCommand, setViewport } from '@web/test-runner-commands';
import './define.js';
import type { FeedbackSurvey } from './feedback-survey.js';
import { scale, surveyOf } from './test/fixtures.js';
import { $, $$, focused, mount, press, settle, tabTo } from './test/harness.js';

describe('layout at 320 px', () => {
  afterEach(async () => {
    document.body.style.fontSize = '';
    await setViewport({ width: 800, height: 600 });
  });

  it('reflows with no horizontal scroll, 44 px targets, 16 px inputs — even on a 13 px host font', async () => {
    await setViewport({ width: 320, height: 640 });
    document.body.style.fontSize = '13px';
    const el = await fixture<FeedbackSurvey>(
      html`<feedback-survey
        .definition=${templates['belgorod-typical']}
        lang="ru"
      ></feedback-survey>`,
    );
    await expect(el).to.be.accessible();
    expect(document.documentElement.scrollWidth).to.be.at.most(320);
    for (const t of $$(el, '.pt label, .opt, button')) {
      const r = t.getBoundingClientRect();
      expect(r.height, t.textContent ?? '').to.be.at.least(44);
      expect(r.right, t.textContent ?? '').to.be.at.most(320);
    }
    for (const i of $$(el, 'input[type=text], input[type=search], textarea')) {
      expect(parseFloat(getComputedStyle(i).fontSize)).to.be.at.least(16);
    }
  });

  it('a matrix row is a list on narrow screens and a grid row on wide ones', async () => {
    const row = async () => {
      const el = await fixture<FeedbackSurvey>(
        html`<feedback-survey
          .definition=${templates['vladimir-social']}
          lang="ru"
        ></feedback-survey>`,
      );
      await expect(el).to.be.accessible();
      const r = $$(el, '[data-q=q9] fieldset.row')[0]!;
      const legend = r.querySelector('legend')!.getBoundingClientRect();
      const scale = r.querySelector('.scale')!.getBoundingClientRect();
      return {
        sideBySide: scale.left >= legend.right - 1,
        width: document.documentElement.scrollWidth,
      };
    };
    await setViewport({ width: 320, height: 640 });
    const narrow = await row();
    expect(narrow.sideBySide).to.equal(false);
    expect(narrow.width).to.be.at.most(320);
    await setViewport({ width: 1000, height: 700 });
    expect((await row()).sideBySide).to.equal(true);
  });
});

describe('reflow with enlarged text', () => {
  afterEach(async () => {
    document.body.style.fontSize = '';
    await setViewport({ width: 800, height: 600 });
  });

  it('at 360 px with 200 % text nothing is wider than the screen (long legends wrap)', async () => {
    await setViewport({ width: 360, height: 640 });
    document.body.style.fontSize = '200%';
    const el = await fixture<FeedbackSurvey>(
      html`<feedback-survey
        .definition=${templates['belgorod-typical']}
        lang="ru"
      ></feedback-survey>`,
    );
    for (const t of $$(el, 'legend, label, p, h2, button')) {
      expect(t.getBoundingClientRect().right, t.textContent ?? '').to.be.at.most(360);
    }
    expect(document.documentElement.scrollWidth).to.be.at.most(360);
  });
});

describe('dark forced colours', () => {
  const media = (forced: string, scheme: string) =>
    executeServerCommand('media-features', [
      { name: 'forced-colors', value: forced },
      { name: 'prefers-color-scheme', value: scheme },
    ]);
  afterEach(async () => {
    await media('none', 'light');
  });

  it('the focus ring of a chosen scale point and of the primary button is a system colour', async () => {
    await media('active', 'dark');
    const el = await mount(surveyOf(scale));
    const accent = 'rgb(13, 76, 211)';
    expect(matchMedia('(forced-colors: active)').matches, 'forced colours emulated').to.equal(true);
    await tabTo(el, 'input[type=radio]');
    await press('Space');
    await settle(el);
    const point = focused(el) as HTMLInputElement;
    expect(point.checked).to.equal(true);
    const ring = getComputedStyle(point.nextElementSibling!);
    expect(ring.outlineStyle).to.equal('solid');
    expect(ring.outlineColor, 'scale point').not.to.equal(accent);
    await tabTo(el, 'button.primary');
    const button = getComputedStyle($(el, 'button.primary')!);
    expect(button.outlineStyle).to.equal('solid');
    expect(button.outlineColor).not.to.equal(accent);
  });
});
