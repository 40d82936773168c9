import type { Issue, IssueCode } from '../types.js';

/**
 * Russian plural form: `ruPlural(n, ['ответ', 'ответа', 'ответов'])`.
 * One for 1, 21, 101…; few for 2–4, 22–24…; many for the rest (including 11–14).
 */
export function ruPlural(
  n: number,
  forms: readonly [one: string, few: string, many: string],
): string {
  const a = Math.abs(n) % 100;
  const b = a % 10;
  if (a > 10 && a < 20) return forms[2];
  if (b === 1) return forms[0];
  if (b >= 2 && b <= 4) return forms[1];
  return forms[2];
}

// Genitive, as «не меньше / не больше N …» needs: 1 варианта, 3 вариантов, 21 символа.
const OPTIONS_RU = ['варианта', 'вариантов', 'вариантов'] as const;
const CHARS_RU = ['символа', 'символов', 'символов'] as const;
const en = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

type Msg = (n: number) => { ru: string; en: string };

/**
 * Messages for response issues, worded for the respondent (the widget shows them next to the
 * question) and specific enough for an API client (the path says where).
 */
const MESSAGES: Partial<Record<IssueCode, Msg>> = {
  required: () => ({ ru: 'Ответьте на этот вопрос', en: 'Please answer this question' }),
  too_few: (n) => ({
    ru: `Выберите не меньше ${n} ${ruPlural(n, OPTIONS_RU)}`,
    en: `Choose at least ${en(n, 'option')}`,
  }),
  too_many: (n) => ({
    ru: `Выберите не больше ${n} ${ruPlural(n, OPTIONS_RU)}`,
    en: `Choose at most ${en(n, 'option')}`,
  }),
  too_long: (n) => ({
    ru: `Не больше ${n} ${ruPlural(n, CHARS_RU)}`,
    en: `At most ${en(n, 'character')}`,
  }),
  invalid_text: () => ({
    ru: 'Текст содержит недопустимый символ (U+0000 или непарный суррогат UTF-16)',
    en: 'Text contains a character that cannot be stored (U+0000 or an unpaired UTF-16 surrogate)',
  }),
  exclusive_conflict: () => ({
    ru: 'Этот вариант нельзя выбрать вместе с другими',
    en: 'This option cannot be combined with others',
  }),
  out_of_range: () => ({ ru: 'Значение вне шкалы', en: 'Value is outside the scale' }),
  unknown_question: () => ({ ru: 'Нет такого вопроса', en: 'No such question' }),
  unknown_option: () => ({ ru: 'Нет такого варианта ответа', en: 'No such option' }),
  unknown_row: () => ({ ru: 'Нет такой строки', en: 'No such row' }),
  off_path: () => ({
    ru: 'Этот вопрос не задаётся при данных ответах',
    en: 'This question is not asked given the other answers',
  }),
  wrong_survey: () => ({
    ru: 'Ответ относится к другой анкете',
    en: 'Response is for another survey',
  }),
  wrong_version: () => ({
    ru: 'Ответ относится к другой версии анкеты',
    en: 'Response is for another version of the survey',
  }),
  missing: () => ({ ru: 'Поле обязательно', en: 'Field is required' }),
  invalid_type: () => ({ ru: 'Неверный тип значения', en: 'Wrong type of value' }),
};

/** Builds an issue; `n` feeds the message where it counts something. */
export function issue(path: Issue['path'], code: IssueCode, n = 0, detail?: string): Issue {
  const m = MESSAGES[code]?.(n) ?? { ru: 'Недопустимое значение', en: 'Invalid value' };
  return {
    path,
    code,
    message: detail ? { ru: `${m.ru}: ${detail}`, en: `${m.en}: ${detail}` } : m,
  };
}
