import { expect, fixture, html, waitUntil } from '@open-wc/testing';
import './index.js';
import type { FeedbackResults, PublicResultsJson } from './feedback-results.js';

/** The collector's public JSON, as `/results/pulse.json?service=licence&period=quarter` answers. */
const JSON_QUARTERS: PublicResultsJson = {
  survey: { id: 'pulse', title: { ru: 'Оценка услуг', en: 'Service rating' } },
  service: { id: 'licence', name: { ru: 'Выдача лицензии', en: 'Licensing' } },
  period: 'quarter',
  k: 5,
  total: {
    responses: 1234,
    summary: { satisfactionLevel: 87.5, nps: 12.3, effortIndex: null },
  },
  groups: [
    {
      key: '2026-Q1',
      report: { responses: 1229, summary: { satisfactionLevel: 87.6, nps: 12, effortIndex: null } },
    },
    {
      key: '2026-Q2',
      report: {
        responses: 'hidden',
        summary: { satisfactionLevel: 'hidden', nps: 'hidden', effortIndex: null },
      },
    },
  ],
};

const urls: string[] = [];
afterEach(() => urls.splice(0).forEach((u) => URL.revokeObjectURL(u)));

/** A URL the element can fetch, holding `body`. */
function served(body: unknown): string {
  const url = URL.createObjectURL(new Blob([JSON.stringify(body)], { type: 'application/json' }));
  urls.push(url);
  return url;
}

async function shown(el: FeedbackResults): Promise<ShadowRoot> {
  await waitUntil(() => el.shadowRoot?.querySelector('table, [role=alert]'), 'never rendered');
  return el.shadowRoot!;
}

const cells = (root: ShadowRoot, sel: string) =>
  [...root.querySelectorAll(sel)].map((c) => c.textContent!.replace(/[ \t\n]+/g, ' ').trim());

describe('<feedback-results>', () => {
  it('is an accessible table with a caption, Russian number format and withheld cells named', async () => {
    const el = await fixture<FeedbackResults>(
      html`<feedback-results lang="ru" src=${served(JSON_QUARTERS)}></feedback-results>`,
    );
    const root = await shown(el);
    await expect(el).to.be.accessible();
    expect(cells(root, 'caption')).to.deep.equal([
      'Результаты опроса «Оценка услуг»: Выдача лицензии',
    ]);
    expect(cells(root, 'thead th')).to.deep.equal([
      'Период',
      'Ответов',
      'Уровень удовлетворённости, %',
      'Индекс лояльности (NPS)',
    ]);
    expect(root.querySelectorAll('th[scope=row]')).to.have.length(3);
    // Thin (narrow no-break) space between thousands, decimal comma.
    expect(cells(root, 'tbody tr:first-child > *')).to.deep.equal([
      'I квартал 2026',
      '1\u202f229',
      '87,6',
      '12',
    ]);
    expect(cells(root, 'tbody tr:nth-child(2) td')).to.deep.equal(['скрыто', 'скрыто', 'скрыто']);
    expect(cells(root, 'tfoot > tr > *')).to.deep.equal([
      'За всё время',
      '1\u202f234',
      '87,5',
      '12,3',
    ]);
    expect(cells(root, '[part=note]')[0]).to.contain('меньше 5 человек');
    // Given as `src`, the element cannot know the results page: no link.
    expect(root.querySelector('a')).to.equal(null);
  });

  it('speaks English, and builds the collector URLs from collector, survey, service and period', async () => {
    const el = await fixture<FeedbackResults>(
      html`<feedback-results
        lang="en"
        collector="https://opros.example.gov.ru/"
        survey="pulse"
        service="licence"
        period="quarter"
      ></feedback-results>`,
    );
    // The collector is not reachable from the test page: the request fails and the element says so.
    const root = await shown(el);
    expect(root.querySelector('[role=alert]')?.textContent).to.contain(
      'Could not load the results',
    );
    el.src = served({ ...JSON_QUARTERS, groups: [] });
    await waitUntil(() => root.querySelector('table'), 'no table after src was set');
    expect(cells(root, 'caption')).to.deep.equal([
      'Results of the survey “Service rating”: Licensing',
    ]);
    expect(cells(root, 'tbody > tr > *')).to.deep.equal(['All time', '1,234', '87.5', '12.3']);
    el.src = undefined;
    await el.updateComplete;
    expect((el as unknown as { _url(): string })._url()).to.equal(
      'https://opros.example.gov.ru/results/pulse.json?service=licence&period=quarter',
    );
  });

  it('links to the results page when it knows the collector', async () => {
    const el = await fixture<FeedbackResults>(
      html`<feedback-results
        lang="ru"
        collector=""
        survey="pulse"
        period="year"
        src=${served(JSON_QUARTERS)}
      ></feedback-results>`,
    );
    const root = await shown(el);
    await expect(el).to.be.accessible();
    // The link points to the page of the same figures, not to the JSON.
    const a = root.querySelector('[part=note] a');
    expect(a?.getAttribute('href')).to.equal('/results/pulse?period=year');
    expect(a?.textContent).to.equal('Все результаты опроса');
  });
});
