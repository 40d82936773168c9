import {
  localize,
  optionsOf,
  periodLabel,
  percent,
  type ChoiceOption,
  type Lang,
  type Question,
  type Survey,
} from '@otklik/core';
import {
  HIDDEN,
  type Hidden,
  type Level,
  type PeriodTree,
  type PublicReport,
  type PublicReports,
} from '../disclosure/index.js';
import { numbers } from '../admin/i18n.js';
import { reportQuestions } from '../reports/questions.js';
import { markup, type Html } from './html.js';
import { siteChrome } from './chrome.js';
import { channelName } from '../labels.js';

export interface ResultsView {
  /** The figures as they may be published (disclosure/). */
  results: PublicReports;
  versions: readonly Survey[];
  lang: Lang;
  period: Level | null;
  /** The period shown in detail (e.g. `2026-Q1`), when one was picked and is large enough. */
  key: string | null;
  /** The k of the suppression, for the explanation on the page. */
  k: number;
  /** The service the page is narrowed to (`?service=`), when it is one of `results.services`. */
  service: string | null;
  /** Names of services in the page's language (catalogue texts). */
  serviceName: (id: string | null) => string;
  /** Closing the loop (painmap/public-page.ts): decisions, the receipt form, the appeal link. */
  closing?: Html;
}

type PublicQuestion = PublicReport['questions'][number];

const PERIOD_LINKS: [Level | null, string, string][] = [
  [null, 'За всё время', 'All time'],
  ['year', 'По годам', 'By year'],
  ['half-year', 'По полугодиям', 'By half-year'],
  ['quarter', 'По кварталам', 'By quarter'],
  ['month', 'По месяцам', 'By month'],
];

/** Re-exported: the admin pages name periods from here. */
export { periodLabel };

/**
 * A published number in the page's format («1 234,5» in Russian), «скрыто» where suppression
 * withheld it, «—» where there is none.
 */
export function fmtIn(lang: Lang) {
  const n = numbers(lang);
  return (v: number | Hidden | null | undefined, unit = ''): string =>
    v === HIDDEN
      ? lang === 'en'
        ? 'hidden'
        : 'скрыто'
      : typeof v === 'number'
        ? `${n.dec(v)}${unit ? unit.replace(' ', '\u00a0') : ''}`
        : '—';
}

interface LinkTo {
  period: Level | null;
  key?: string | null;
  service?: string | null;
  lang: Lang;
}

function link(o: LinkTo): string {
  const p = new URLSearchParams();
  if (o.service) p.set('service', o.service);
  if (o.period) p.set('period', o.period);
  if (o.key) p.set('key', o.key);
  if (o.lang === 'en') p.set('lang', 'en');
  const s = p.toString();
  return s ? `?${s}` : '?';
}

function bar(share: number | Hidden | null): Html {
  return typeof share !== 'number'
    ? markup``
    : markup`<meter min="0" max="100" value="${share}" aria-hidden="true"></meter>`;
}

function headline(r: PublicReport, lang: Lang, t: (ru: string, en: string) => string): Html {
  const fmt = fmtIn(lang);
  const card = (value: string, label: string) =>
    markup`<li><span class="figure">${value}</span>${label}</li>`;
  return markup`<ul class="cards">
${card(fmt(r.responses), t('ответов', 'responses'))}
${card(fmt(r.summary.satisfactionLevel, ' %'), t('уровень удовлетворённости (доля оценок 4–5)', 'satisfaction level (share of 4–5)'))}
${r.summary.satisfiedShare !== null ? card(fmt(r.summary.satisfiedShare, ' %'), t('доля удовлетворённых', 'satisfied')) : ''}
${r.summary.nps !== null ? card(fmt(r.summary.nps), t('индекс лояльности (NPS)', 'loyalty index (NPS)')) : ''}
${r.summary.effortIndex !== null ? card(fmt(r.summary.effortIndex), t('индекс клиентских усилий', 'customer effort index')) : ''}
${card(fmt(r.problems), t('отмечено проблем', 'problems reported'))}
</ul>`;
}

function channelTable(r: PublicReport, lang: Lang, t: (ru: string, en: string) => string): Html {
  const fmt = fmtIn(lang);
  const rows = Object.entries(r.channels).map(([ch, { count, share }]) => {
    const name = channelName(ch, lang);
    return markup`<tr><th scope="row">${name}</th><td class="num">${fmt(count)}</td><td class="num">${fmt(share, ' %')}</td><td>${bar(share)}</td></tr>`;
  });
  return markup`<table><caption>${t('Ответы по каналам', 'Responses by channel')}</caption>
<thead><tr><th scope="col">${t('Канал', 'Channel')}</th><th scope="col">${t('Ответов', 'Responses')}</th><th scope="col">${t('Доля', 'Share')}</th><th scope="col"><span class="visually-hidden">${t('Диаграмма', 'Chart')}</span></th></tr></thead>
<tbody>${rows}</tbody></table>`;
}

/** Rows "value — count — share of answered — bar" for a distribution. */
function distributionRows(
  entries: [string, number | Hidden][],
  answered: number | Hidden,
  lang: Lang,
): Html[] {
  const fmt = fmtIn(lang);
  return entries.map(([label, n]) => {
    const share = n === HIDDEN || answered === HIDDEN ? HIDDEN : percent(n, answered);
    return markup`<tr><th scope="row">${label}</th><td class="num">${fmt(n)}</td><td class="num">${fmt(share, ' %')}</td><td>${bar(share)}</td></tr>`;
  });
}

function questionBlock(
  q: Question,
  f: PublicQuestion,
  survey: Survey,
  lang: Lang,
  t: (ru: string, en: string) => string,
): Html {
  const fmt = fmtIn(lang);
  const title = localize(q.title, lang);
  const head = markup`<thead><tr><th scope="col">${t('Ответ', 'Answer')}</th><th scope="col">${t('Число', 'Count')}</th><th scope="col">${t('Доля', 'Share')}</th><th scope="col"><span class="visually-hidden">${t('Диаграмма', 'Chart')}</span></th></tr></thead>`;
  const optionText = (os: readonly ChoiceOption[] | undefined, id: string): string => {
    const o = os?.find((x) => x.id === id);
    if (o) return localize(o.text, lang);
    for (const entries of Object.values(survey.catalogs ?? {})) {
      const e = entries.find((x) => x.id === id);
      if (e) return localize(e.text, lang);
    }
    return id;
  };
  if (f.type === 'text') {
    return markup`<h3>${title}</h3><p>${t('Ответов', 'Answers')}: ${fmt(f.answered)}. ${t('Тексты ответов не публикуются.', 'Free-text answers are not published.')}</p>`;
  }
  if (f.type === 'scale' && q.type === 'scale') {
    const points: [string, number | Hidden][] = [];
    for (let v = q.max; v >= q.min; v--) {
      const label =
        v === q.max && q.maxLabel
          ? `${v} — ${localize(q.maxLabel, lang)}`
          : v === q.min && q.minLabel
            ? `${v} — ${localize(q.minLabel, lang)}`
            : String(v);
      points.push([label, f.distribution[String(v)] ?? 0]);
    }
    for (const o of optionsOf(q)) points.push([localize(o.text, lang), f.distribution[o.id] ?? 0]);
    const extra =
      f.role === 'recommend'
        ? `; NPS: ${fmt(f.nps)}`
        : f.role === 'effort'
          ? `; ${t('индекс усилий', 'effort index')}: ${fmt(f.effortIndex)}`
          : '';
    return markup`<table><caption>${title}</caption>${head}<tbody>${distributionRows(points, f.answered, lang)}</tbody></table>
<p class="note">${t('Средняя оценка', 'Mean')}: ${fmt(f.mean)}; ${t('доля двух высших оценок', 'top-two share')}: ${fmt(f.topTwoShare, ' %')}${extra}</p>`;
  }
  if (f.type === 'matrix' && q.type === 'matrix') {
    const rows = f.rows.map((r) => {
      const text = localize(q.rows.find((x) => x.id === r.id)?.text, lang);
      return markup`<tr><th scope="row">${text}</th><td class="num">${fmt(r.valid)}</td><td class="num">${fmt(r.mean)}</td><td class="num">${fmt(r.topTwoShare, ' %')}</td><td>${bar(r.topTwoShare)}</td></tr>`;
    });
    return markup`<table><caption>${title}</caption>
<thead><tr><th scope="col">${t('Параметр', 'Item')}</th><th scope="col">${t('Оценок', 'Ratings')}</th><th scope="col">${t('Средняя', 'Mean')}</th><th scope="col">${t('Доля оценок 4–5', 'Share of 4–5')}</th><th scope="col"><span class="visually-hidden">${t('Диаграмма', 'Chart')}</span></th></tr></thead>
<tbody>${rows}</tbody></table>`;
  }
  if (
    (f.type === 'single' || f.type === 'multiple' || f.type === 'list') &&
    (q.type === 'single' || q.type === 'multiple' || q.type === 'list')
  ) {
    const entries: [string, number | Hidden][] = Object.entries(f.distribution).map(([id, n]) => [
      optionText(q.options, id),
      n,
    ]);
    const note =
      f.type === 'multiple' || (q.type === 'list' && q.multiple)
        ? t(
            'Можно было выбрать несколько ответов; доля — от ответивших.',
            'Several answers allowed; shares are of respondents.',
          )
        : '';
    return markup`<table><caption>${title}</caption>${head}<tbody>${distributionRows(entries, f.answered, lang)}</tbody></table>${note ? markup`<p class="note">${note}</p>` : ''}`;
  }
  return markup``;
}

/**
 * The table of periods of one level: responses and the summary figures of each, a withheld period
 * said to be withheld. `href` links a period to its detail (omitted: no links).
 */
export function periodTable(
  groups: readonly { key: string; report: PublicReport }[],
  lang: Lang,
  opts: { href?: (key: string) => string; current?: string | undefined; caption?: string } = {},
): Html {
  const t = (ru: string, en: string): string => (lang === 'en' ? en : ru);
  const fmt = fmtIn(lang);
  return markup`<table><caption>${opts.caption ?? t('Результаты по периодам', 'Results by period')}</caption>
<thead><tr><th scope="col">${t('Период', 'Period')}</th><th scope="col">${t('Ответов', 'Responses')}</th><th scope="col">${t('Удовлетворённость', 'Satisfaction')}</th><th scope="col">NPS</th><th scope="col">${t('Индекс усилий', 'Effort index')}</th></tr></thead>
<tbody>${groups.map((g) => {
    const name = periodLabel(g.key, lang);
    if (g.report.responses === HIDDEN) {
      return markup`<tr><th scope="row">${name}</th><td colspan="4">${t('скрыто, чтобы сохранить анонимность', 'hidden to keep respondents anonymous')}</td></tr>`;
    }
    const s = g.report.summary;
    const head = opts.href
      ? markup`<a href="${opts.href(g.key)}"${opts.current === g.key ? markup` aria-current="page"` : ''}>${name}</a>`
      : markup`${name}`;
    return markup`<tr><th scope="row">${head}</th><td class="num">${fmt(g.report.responses)}</td><td class="num">${fmt(s.satisfactionLevel, ' %')}</td><td class="num">${fmt(s.nps)}</td><td class="num">${fmt(s.effortIndex)}</td></tr>`;
  })}</tbody></table>`;
}

/**
 * One service's published figures in brief (the receipt page): the all-time cards and the
 * quarters, under the same suppression as the results page.
 *
 * @example
 * serviceFigures(results.services[0], 'ru', 5).value;
 */
export function serviceFigures(tree: PeriodTree<PublicReport>, lang: Lang, k: number): Html {
  const t = (ru: string, en: string): string => (lang === 'en' ? en : ru);
  if (tree.total.responses === HIDDEN || tree.total.responses < k)
    return markup`<p>${t(`По этой услуге пока меньше ${k} ответов: чтобы сохранить анонимность, её результаты не публикуются.`, `Fewer than ${k} responses about this service so far: to keep respondents anonymous, its results are not published.`)}</p>`;
  return markup`${headline(tree.total, lang, t)}${
    tree.groups.quarter.length > 0
      ? periodTable(tree.groups.quarter, lang, {
          caption: t('По кварталам', 'By quarter'),
        })
      : ''
  }`;
}

/** The services at one scope (all time or one period): how many answered, how satisfied. */
function serviceTable(
  rows: readonly { service: string | null; report: PublicReport }[],
  v: ResultsView,
  t: (ru: string, en: string) => string,
): Html {
  const fmt = fmtIn(v.lang);
  return markup`<table><caption>${t('Результаты по услугам', 'Results by service')}</caption>
<thead><tr><th scope="col">${t('Услуга', 'Service')}</th><th scope="col">${t('Ответов', 'Responses')}</th><th scope="col">${t('Удовлетворённость', 'Satisfaction')}</th><th scope="col">NPS</th></tr></thead>
<tbody>${rows.map(({ service, report: r }) => {
    const name =
      service === null
        ? markup`${t('Услуга не указана', 'No service named')}`
        : markup`<a href="${link({ period: v.period, service, lang: v.lang })}">${v.serviceName(service)}</a>`;
    if (r.responses === HIDDEN)
      return markup`<tr><th scope="row">${name}</th><td colspan="3">${t('скрыто, чтобы сохранить анонимность', 'hidden to keep respondents anonymous')}</td></tr>`;
    return markup`<tr><th scope="row">${name}</th><td class="num">${fmt(r.responses)}</td><td class="num">${fmt(r.summary.satisfactionLevel, ' %')}</td><td class="num">${fmt(r.summary.nps)}</td></tr>`;
  })}</tbody></table>`;
}

/**
 * The public results page (000 §21, 004: results are published to everyone): headline figures,
 * channel shares and per-question tables with <meter> bars — plain accessible HTML, no script —
 * for the whole survey or one service (`?service=`), all time or one period. It shows only what
 * disclosure/ lets out: a withheld count or figure reads «скрыто»; a group withheld whole says
 * so; free-text answers and the texts typed into «укажите» fields are never shown.
 *
 * @example
 * resultsPage({ results, versions, lang: 'ru', period: 'quarter', key: null, k: 5, service: null, serviceName: (id) => id ?? '' }).value;
 */
export function resultsPage(v: ResultsView): Html {
  const { results, lang, period, k } = v;
  const t = (ru: string, en: string): string => (lang === 'en' ? en : ru);
  const head = v.versions.reduce((a, b) => (b.version > a.version ? b : a));
  const narrowed = v.service ? results.services.find((s) => s.service === v.service) : undefined;
  const service = narrowed ? v.service : null;
  const tree: PeriodTree<PublicReport> = narrowed ?? results;
  const groups = period ? tree.groups[period] : [];
  const picked = v.key
    ? groups.find((g) => g.key === v.key && g.report.responses !== HIDDEN)
    : undefined;
  const scope = picked?.report ?? tree.total;
  const scopeName = picked ? periodLabel(picked.key, lang) : t('за всё время', 'all time');

  const selector = markup`<nav aria-label="${t('Период', 'Period')}"><ul class="periods">${PERIOD_LINKS.map(
    ([p, ru, en]) =>
      markup`<li><a href="${link({ period: p, service, lang })}"${p === period && !picked ? markup` aria-current="page"` : ''}>${t(ru, en)}</a></li>`,
  )}</ul></nav>`;

  const periods = period
    ? periodTable(groups, lang, {
        href: (key) => link({ period, key, service, lang }),
        current: picked?.key,
      })
    : '';

  // Services at the scope shown; a service with no responses in the period has no row.
  const services =
    service === null && results.services.some((s) => s.service !== null)
      ? serviceTable(
          results.services.flatMap((s) => {
            const report = picked
              ? s.groups[period!].find((g) => g.key === picked.key)?.report
              : s.total;
            return report ? [{ service: s.service, report }] : [];
          }),
          v,
          t,
        )
      : '';

  const byId = new Map(reportQuestions(v.versions).map((q) => [q.id, q]));
  const details =
    scope.responses === HIDDEN || scope.responses < k
      ? markup`<p>${t(`Ответов пока меньше ${k}: чтобы сохранить анонимность, результаты появятся, когда их станет больше.`, `Fewer than ${k} responses so far: to keep respondents anonymous, results appear once there are more.`)}</p>`
      : markup`${headline(scope, lang, t)}${channelTable(scope, lang, t)}
${services}
<h2>${t('Ответы на вопросы', 'Answers by question')}</h2>
${scope.questions.map((f) => {
  const q = byId.get(f.id);
  return q ? questionBlock(q, f, head, lang, t) : '';
})}`;

  const title = localize(head.title, lang);
  const content = markup`<h1>${t('Результаты опроса', 'Survey results')}: ${title}${service ? markup` — ${v.serviceName(service)}` : ''}</h1>
<p class="lead">${t(`Сводные данные публикуются для всех. Чтобы ни одно число не описывало меньше ${k} человек, такие числа и те, из которых их можно вычислить, скрыты; тексты ответов не публикуются.`, `Aggregated results are public. So that no number describes fewer than ${k} people, such numbers and those they could be worked out from are hidden; free-text answers are never published.`)}</p>
${service ? markup`<p><a href="${link({ period, lang })}">${t('Все услуги', 'All services')}</a></p>` : ''}
${selector}
${periods}
<h2>${t('Итоги', 'Summary')}: ${scopeName}</h2>
${details}
${v.closing}`;
  return siteChrome(content, { lang });
}
