import {
  localize,
  optionsOf,
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
  type PublicReport,
  type PublicReports,
} from '../disclosure/index.js';
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

const ROMAN = ['I', 'II', 'III', 'IV'];
const MONTHS_RU = [
  'январь',
  'февраль',
  'март',
  'апрель',
  'май',
  'июнь',
  'июль',
  'август',
  'сентябрь',
  'октябрь',
  'ноябрь',
  'декабрь',
];

/** «I квартал 2026», «1-е полугодие 2026», «март 2026», «2026 год» (and English). */
export function periodLabel(key: string, lang: Lang): string {
  const en = lang === 'en';
  let m = /^(\d{4})-Q([1-4])$/.exec(key);
  if (m) return en ? `Q${m[2]} ${m[1]}` : `${ROMAN[Number(m[2]) - 1]} квартал ${m[1]}`;
  m = /^(\d{4})-H([12])$/.exec(key);
  if (m) return en ? `H${m[2]} ${m[1]}` : `${m[2]}-е полугодие ${m[1]}`;
  m = /^(\d{4})-(\d{2})$/.exec(key);
  if (m) return en ? `${m[1]}-${m[2]}` : `${MONTHS_RU[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
  return en ? key : `${key} год`;
}

/** A published number, «скрыто» where suppression withheld it, «—» where there is none. */
function fmtIn(lang: Lang) {
  return (v: number | Hidden | null | undefined, unit = ''): string =>
    v === HIDDEN
      ? lang === 'en'
        ? 'hidden'
        : 'скрыто'
      : typeof v === 'number'
        ? `${String(v).replace('.', lang === 'en' ? '.' : ',')}${unit}`
        : '—';
}

function link(o: { period: Level | null; key?: string | null; lang: Lang }): string {
  const p = new URLSearchParams();
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
 * The public results page (000 §21, 004: results are published to everyone): headline figures,
 * channel shares and per-question tables with <meter> bars — plain accessible HTML, no script.
 * It shows only what disclosure/ lets out: a withheld count or figure reads «скрыто»; a group
 * withheld whole says so; free-text answers and the texts typed into «укажите» fields are never
 * shown.
 *
 * @example
 * resultsPage({ results, versions, lang: 'ru', period: 'quarter', key: null, k: 5 }).value;
 */
export function resultsPage(v: ResultsView): Html {
  const { results, lang, period, k } = v;
  const t = (ru: string, en: string): string => (lang === 'en' ? en : ru);
  const fmt = fmtIn(lang);
  const head = v.versions.reduce((a, b) => (b.version > a.version ? b : a));
  const groups = period ? results.groups[period] : [];
  const picked = v.key
    ? groups.find((g) => g.key === v.key && g.report.responses !== HIDDEN)
    : undefined;
  const scope = picked?.report ?? results.total;
  const scopeName = picked ? periodLabel(picked.key, lang) : t('за всё время', 'all time');

  const selector = markup`<nav aria-label="${t('Период', 'Period')}"><ul class="periods">${PERIOD_LINKS.map(
    ([p, ru, en]) =>
      markup`<li><a href="${link({ period: p, lang })}"${p === period && !picked ? markup` aria-current="page"` : ''}>${t(ru, en)}</a></li>`,
  )}</ul></nav>`;

  const periods = period
    ? markup`<table><caption>${t('Результаты по периодам', 'Results by period')}</caption>
<thead><tr><th scope="col">${t('Период', 'Period')}</th><th scope="col">${t('Ответов', 'Responses')}</th><th scope="col">${t('Удовлетворённость', 'Satisfaction')}</th><th scope="col">NPS</th><th scope="col">${t('Индекс усилий', 'Effort index')}</th></tr></thead>
<tbody>${groups.map((g) => {
        const name = periodLabel(g.key, lang);
        if (g.report.responses === HIDDEN) {
          return markup`<tr><th scope="row">${name}</th><td colspan="4">${t('скрыто, чтобы сохранить анонимность', 'hidden to keep respondents anonymous')}</td></tr>`;
        }
        const s = g.report.summary;
        return markup`<tr><th scope="row"><a href="${link({ period, key: g.key, lang })}"${picked?.key === g.key ? markup` aria-current="page"` : ''}>${name}</a></th><td class="num">${fmt(g.report.responses)}</td><td class="num">${fmt(s.satisfactionLevel, ' %')}</td><td class="num">${fmt(s.nps)}</td><td class="num">${fmt(s.effortIndex)}</td></tr>`;
      })}</tbody></table>`
    : '';

  const byId = new Map(reportQuestions(v.versions).map((q) => [q.id, q]));
  const details =
    scope.responses === HIDDEN || scope.responses < k
      ? markup`<p>${t(`Ответов пока меньше ${k}: чтобы сохранить анонимность, результаты появятся, когда их станет больше.`, `Fewer than ${k} responses so far: to keep respondents anonymous, results appear once there are more.`)}</p>`
      : markup`${headline(scope, lang, t)}${channelTable(scope, lang, t)}
<h2>${t('Ответы на вопросы', 'Answers by question')}</h2>
${scope.questions.map((f) => {
  const q = byId.get(f.id);
  return q ? questionBlock(q, f, head, lang, t) : '';
})}`;

  const content = markup`<h1>${t('Результаты опроса', 'Survey results')}: ${localize(head.title, lang)}</h1>
<p class="lead">${t(`Сводные данные публикуются для всех. Чтобы ни одно число не описывало меньше ${k} человек, такие числа и те, из которых их можно вычислить, скрыты; тексты ответов не публикуются.`, `Aggregated results are public. So that no number describes fewer than ${k} people, such numbers and those they could be worked out from are hidden; free-text answers are never published.`)}</p>
${selector}
${periods}
<h2>${t('Итоги', 'Summary')}: ${scopeName}</h2>
${details}
${v.closing}`;
  return siteChrome(content, { lang });
}
