import type { Lang } from '../types.js';

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

/**
 * A period key as people read it: «I квартал 2026», «1-е полугодие 2026», «март 2026»,
 * «2026 год» (English: `Q1 2026`, `H1 2026`, `2026-03`, `2026`). The collector's pages and the
 * `<feedback-results>` element both name periods with it.
 *
 * @example
 * periodLabel('2026-Q3', 'ru'); // 'III квартал 2026'
 */
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
