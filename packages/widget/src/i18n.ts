import { ruPlural, type Lang } from '@otklik/core/engine';

/** Plural forms: [one, few, many] in Russian; English uses `one` and `many`. */
export type Plural = readonly [one: string, few: string, many: string];

const ru = {
  loading: 'Загрузка анкеты…',
  loadError: 'Не удалось загрузить анкету.',
  notSurvey: 'Полученные данные — не анкета: {detail}.',
  noSource: 'Не задана анкета: нужны атрибуты collector и survey или src.',
  retry: 'Повторить',
  required: 'обязательный вопрос',
  progress: 'Вопрос {n} из {total}',
  back: 'Назад',
  next: 'Далее',
  submit: 'Отправить',
  sending: 'Отправка…',
  start: 'Начать',
  anonymous: 'Анкета анонимная.',
  thanksTitle: 'Спасибо!',
  thanksText: 'Ваш ответ отправлен.',
  queuedNote: 'Нет связи: ответ сохранён и будет отправлен автоматически.',
  receipt: 'Код ответа: {code}',
  receiptHint: 'По коду на странице результатов видно, что сделано по услуге.',
  officialReply: 'Нужен официальный ответ? Напишите через Госуслуги/ПОС',
  rejected: 'Сервер не принял ответ (код {status}). {message}',
  full: 'Ответ не сохранён: очередь неотправленных ответов переполнена. Сообщите сотруднику.',
  memoryNote:
    'Нет связи, а сохранить ответ на устройстве браузер не даёт. Ответ будет отправлен, пока эта страница открыта: не закрывайте её.',
  refused: [
    'Сервер не принял {n} ответ — сообщите администратору',
    'Сервер не принял {n} ответа — сообщите администратору',
    'Сервер не принял {n} ответов — сообщите администратору',
  ] as Plural,
  invalid_response: 'Ответ не прошёл проверку.',
  conflict: 'Ответ с этим кодом уже сохранён с другим содержимым.',
  unstorable: 'Сервер не может сохранить этот ответ.',
  unavailable: 'Сервер временно недоступен.',
  unknown_survey: 'Сервер не знает этой анкеты.',
  wrong_version: 'Анкета изменилась: обновите страницу.',
  rate_limited: 'Слишком много ответов подряд: попробуйте позже.',
  payload_too_large: 'Ответ слишком велик.',
  errors: ['Исправьте {n} ошибку', 'Исправьте {n} ошибки', 'Исправьте {n} ошибок'] as Plural,
  waiting: [
    '{n} ответ ожидает отправки',
    '{n} ответа ожидают отправки',
    '{n} ответов ожидают отправки',
  ] as Plural,
  specify: 'уточните',
  specifyRequired: 'Уточните ответ в поле под выбранным вариантом',
  several: 'можно выбрать несколько',
  clear: 'Очистить ответ',
  answered: 'Отвечено {n} из {total}',
  chars: ['Осталось {n} символ', 'Осталось {n} символа', 'Осталось {n} символов'] as Plural,
  searchHint: 'Введите часть названия, чтобы сократить список',
  noMatches: 'Ничего не найдено',
  matches: ['Найден {n} вариант', 'Найдено {n} варианта', 'Найдено {n} вариантов'] as Plural,
  idleWarning: 'Вы ещё здесь? Через {n} с ответы будут стёрты.',
  idleLeft: 'Осталось {n} с',
  continue: 'Продолжить',
  entered: 'Введено анкет за сеанс: {n}',
  paperSaved: 'Анкета {n} сохранена. Следующая.',
} as const;

/** Every string the widget shows, by key. */
export type Key = keyof typeof ru;
export type Dictionary = { readonly [K in Key]: (typeof ru)[K] extends Plural ? Plural : string };

const en: Dictionary = {
  loading: 'Loading the survey…',
  loadError: 'Could not load the survey.',
  notSurvey: 'The data received is not a survey: {detail}.',
  noSource: 'No survey: set collector and survey, or src.',
  retry: 'Try again',
  required: 'required',
  progress: 'Question {n} of {total}',
  back: 'Back',
  next: 'Next',
  submit: 'Submit',
  sending: 'Sending…',
  start: 'Start',
  anonymous: 'This survey is anonymous.',
  thanksTitle: 'Thank you!',
  thanksText: 'Your response has been sent.',
  queuedNote: 'No connection: your response is saved and will be sent automatically.',
  receipt: 'Response code: {code}',
  receiptHint: 'The results page shows by this code what is done about the service.',
  officialReply: 'Need an official reply? Write via Gosuslugi/POS',
  rejected: 'The server did not accept the response (code {status}). {message}',
  full: 'Response not saved: the queue of unsent responses is full. Please tell staff.',
  memoryNote:
    'No connection, and the browser does not let the response be stored on this device. It will be sent while this page stays open: please do not close it.',
  refused: [
    'The server refused {n} response: please tell the administrator',
    'The server refused {n} responses: please tell the administrator',
    'The server refused {n} responses: please tell the administrator',
  ],
  invalid_response: 'The response did not pass the checks.',
  conflict: 'A response with this code is already stored with other content.',
  unstorable: 'The server cannot store this response.',
  unavailable: 'The server is temporarily unavailable.',
  unknown_survey: 'The server does not know this survey.',
  wrong_version: 'The survey has changed: please reload the page.',
  rate_limited: 'Too many responses in a row: please try later.',
  payload_too_large: 'The response is too large.',
  errors: ['Please fix {n} error', 'Please fix {n} errors', 'Please fix {n} errors'],
  waiting: [
    '{n} response is waiting to be sent',
    '{n} responses are waiting to be sent',
    '{n} responses are waiting to be sent',
  ],
  specify: 'please specify',
  specifyRequired: 'Please fill in the box below the chosen option',
  several: 'choose all that apply',
  clear: 'Clear the answer',
  answered: 'Answered {n} of {total}',
  chars: ['{n} character left', '{n} characters left', '{n} characters left'],
  searchHint: 'Type part of the name to shorten the list',
  noMatches: 'No matches',
  matches: ['{n} match', '{n} matches', '{n} matches'],
  idleWarning: 'Are you still there? Your answers will be erased in {n} s.',
  idleLeft: '{n} s left',
  continue: 'Continue',
  entered: 'Forms entered this session: {n}',
  paperSaved: 'Form {n} saved. Next one.',
};

/** The collector's error codes the widget words itself when the body says nothing in the page's language. */
export const CODES = [
  'invalid_response',
  'conflict',
  'unstorable',
  'unavailable',
  'unknown_survey',
  'wrong_version',
  'rate_limited',
  'payload_too_large',
] as const;

/** Both dictionaries; a test checks they have the same keys and no empty texts. */
export const dictionaries: Readonly<Record<Lang, Dictionary>> = { ru, en };

/** Fills `{name}` placeholders. */
export function fill(text: string, values: Readonly<Record<string, string | number>>): string {
  return text.replace(/\{(\w+)\}/g, (m, k: string) => String(values[k] ?? m));
}

/**
 * A counted phrase in the right plural form, e.g. `plural('ru', d.waiting, 3)` →
 * «3 ответа ожидают отправки».
 */
export function plural(lang: Lang, forms: Plural, n: number): string {
  const form = lang === 'ru' ? ruPlural(n, forms) : n === 1 ? forms[0] : forms[2];
  return fill(form, { n });
}

/** The widget language from a BCP 47 tag (`ru-RU`, `en`); anything else falls back to Russian. */
export function toLang(tag: string | null | undefined): Lang {
  return tag?.toLowerCase().startsWith('en') ? 'en' : 'ru';
}
