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

/** A message in both languages: [ru, en]. */
type Pair = readonly [ru: string, en: string];

/** Messages that count something (`n`): they need the number to pick the plural form. */
const COUNTED: Partial<Record<IssueCode, (n: number) => Pair>> = {
  too_few: (n) => [
    `Выберите не меньше ${n} ${ruPlural(n, OPTIONS_RU)}`,
    `Choose at least ${en(n, 'option')}`,
  ],
  too_many: (n) => [
    `Выберите не больше ${n} ${ruPlural(n, OPTIONS_RU)}`,
    `Choose at most ${en(n, 'option')}`,
  ],
  too_long: (n) => [`Не больше ${n} ${ruPlural(n, CHARS_RU)}`, `At most ${en(n, 'character')}`],
};

/**
 * Messages for response issues, worded for the respondent (the widget shows them next to the
 * question) and specific enough for an API client (the path says where). Plain pairs rather than
 * one function per code: the widget bundles this table, and pairs are the fewest bytes.
 */
const MESSAGES: Partial<Record<IssueCode, Pair>> = {
  required: ['Ответьте на этот вопрос', 'Please answer this question'],
  invalid_text: [
    'Текст содержит недопустимый символ (U+0000 или непарный суррогат UTF-16)',
    'Text contains a character that cannot be stored (U+0000 or an unpaired UTF-16 surrogate)',
  ],
  exclusive_conflict: [
    'Этот вариант нельзя выбрать вместе с другими',
    'This option cannot be combined with others',
  ],
  out_of_range: ['Значение вне шкалы', 'Value is outside the scale'],
  unknown_question: ['Нет такого вопроса', 'No such question'],
  unknown_option: ['Нет такого варианта ответа', 'No such option'],
  unknown_row: ['Нет такой строки', 'No such row'],
  off_path: [
    'Этот вопрос не задаётся при данных ответах',
    'This question is not asked given the other answers',
  ],
  wrong_survey: ['Ответ относится к другой анкете', 'Response is for another survey'],
  wrong_version: [
    'Ответ относится к другой версии анкеты',
    'Response is for another version of the survey',
  ],
  missing: ['Поле обязательно', 'Field is required'],
  invalid_type: ['Неверный тип значения', 'Wrong type of value'],
};

/** Builds an issue; `n` feeds the message where it counts something. */
export function issue(path: Issue['path'], code: IssueCode, n = 0, detail?: string): Issue {
  const m = COUNTED[code]?.(n) ?? MESSAGES[code] ?? ['Недопустимое значение', 'Invalid value'];
  const tail = detail ? `: ${detail}` : '';
  return { path, code, message: { ru: m[0] + tail, en: m[1] + tail } };
}
