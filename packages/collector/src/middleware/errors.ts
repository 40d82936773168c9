import type { Context } from 'hono';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import type { Issue } from '@otklik/core';

/**
 * Every error code the API answers with, and what it means for a person, in Russian and English.
 * The widget shows `message` in the page's language; `error` is the stable machine-readable code.
 * A new code is added here first — `apiError` accepts no other.
 */
export const API_ERRORS = {
  not_found: { ru: 'Такого адреса нет.', en: 'There is no such address.' },
  invalid_id: {
    ru: 'Идентификатор в адресе неверен: буквы, цифры, _ . -, начинается с буквы.',
    en: 'The id in the address is invalid: letters, digits, _ . -, starting with a letter.',
  },
  unknown_survey: { ru: 'Такой анкеты нет.', en: 'There is no such survey.' },
  unknown_version: {
    ru: 'Такой версии анкеты нет.',
    en: 'There is no such version of the survey.',
  },
  wrong_version: {
    ru: 'Ответ ссылается на неопубликованную версию анкеты.',
    en: 'The response names a survey version that is not published.',
  },
  invalid_response: {
    ru: 'В ответе есть ошибки; они перечислены в issues.',
    en: 'The response has errors; they are listed in issues.',
  },
  unstorable: {
    ru: 'Ответ не может быть сохранён в таком виде (недопустимые символы или значения); повтор не поможет.',
    en: 'The response cannot be stored as sent (invalid characters or values); retrying will not help.',
  },
  invalid_survey: {
    ru: 'В анкете есть ошибки; они перечислены в issues.',
    en: 'The survey has errors; they are listed in issues.',
  },
  unstorable_survey: {
    ru: 'Анкета не может быть сохранена в таком виде (недопустимые символы или значения).',
    en: 'The survey cannot be stored as sent (invalid characters or values).',
  },
  version_conflict: {
    ru: 'Эта версия уже опубликована с другим содержанием; опубликуйте новый номер версии.',
    en: 'This version is already published with a different definition; publish a new version number.',
  },
  conflict: {
    ru: 'Этот responseId уже использован для другого ответа.',
    en: 'This responseId was already used for a different response.',
  },
  unknown_catalog: { ru: 'Такого справочника нет.', en: 'There is no such catalogue.' },
  invalid_catalog_name: {
    ru: 'Имя справочника — идентификатор: буквы, цифры, _ . -, начинается с буквы.',
    en: 'A catalogue name is an id: letters, digits, _ . -, starting with a letter.',
  },
  invalid_catalog: {
    ru: 'В справочнике есть ошибки; они перечислены в issues.',
    en: 'The catalogue has errors; they are listed in issues.',
  },
  invalid_json: { ru: 'Тело запроса — не корректный JSON.', en: 'The body is not valid JSON.' },
  unsupported_media_type: {
    ru: 'Отправьте тело как Content-Type: application/json.',
    en: 'Send the body as Content-Type: application/json.',
  },
  body_too_large: { ru: 'Тело запроса слишком большое.', en: 'The body is too large.' },
  invalid_limit: { ru: 'Неверный параметр limit.', en: 'The limit parameter is invalid.' },
  invalid_cursor: {
    ru: 'Неверный курсор: используйте nextCursor из предыдущего ответа.',
    en: 'Invalid cursor: use nextCursor from the previous answer.',
  },
  invalid_query: {
    ru: 'Неверный параметр запроса; он назван в issues.',
    en: 'A query parameter is invalid; it is named in issues.',
  },
  unknown_question: { ru: 'В анкете нет такого вопроса.', en: 'The survey has no such question.' },
  no_free_text: {
    ru: 'У этого вопроса нет открытых ответов: он не текстовый и в нём нет вариантов «укажите».',
    en: 'This question has no open answers: it is not a text question and has no “specify” options.',
  },
  unknown_theme: {
    ru: 'Такой темы нет у этого вопроса.',
    en: 'There is no such theme for this question.',
  },
  unknown_answer: {
    ru: 'Такого открытого ответа на этот вопрос нет.',
    en: 'There is no such open answer to this question.',
  },
  invalid_theme_edit: {
    ru: 'Правка темы неверна; ошибки перечислены в issues.',
    en: 'The theme edit is invalid; the errors are listed in issues.',
  },
  theme_too_small: {
    ru: 'Тему нельзя разделить: в ней меньше двух ответов со значимыми словами.',
    en: 'The theme cannot be split: it has fewer than two answers with meaningful words.',
  },
  unauthorized: {
    ru: 'Нужен заголовок Authorization: Bearer <токен администратора>.',
    en: 'Send Authorization: Bearer <admin token>.',
  },
  forbidden: { ru: 'Этот токен не допущен.', en: 'This token is not allowed.' },
  origin_not_allowed: {
    ru: 'Этому сайту не разрешено работать с этой анкетой.',
    en: 'This site may not use this survey.',
  },
  rate_limited: {
    ru: 'Слишком много запросов; повторите позже.',
    en: 'Too many requests; retry later.',
  },
  unavailable: {
    ru: 'Хранилище временно недоступно; повторите позже — ответ не потерян.',
    en: 'Storage is temporarily unavailable; retry later — nothing is lost.',
  },
  internal: { ru: 'Внутренняя ошибка сервера.', en: 'Internal server error.' },
  invalid_body: {
    ru: 'В теле запроса есть ошибки; они перечислены в issues.',
    en: 'The body has errors; they are listed in issues.',
  },
  unknown_service: {
    ru: 'В опубликованных результатах опроса нет такой услуги.',
    en: 'The survey’s published results have no such service.',
  },
  unknown_item: { ru: 'Такой записи нет.', en: 'There is no such record.' },
  backup_unsupported: {
    ru: 'Резервную копию делает только встроенная база (PGlite); для PostgreSQL используйте pg_dump.',
    en: 'Only the embedded database (PGlite) is backed up here; for PostgreSQL use pg_dump.',
  },
} as const satisfies Record<string, { ru: string; en: string }>;

export type ApiErrorCode = keyof typeof API_ERRORS;

/** Most issues listed in one error body; the rest are counted in `issuesOmitted`. */
export const MAX_ISSUES = 50;

/** The one error body of the whole API. */
export interface ApiErrorBody {
  /** Stable, machine-readable code (a key of `API_ERRORS`). */
  error: ApiErrorCode;
  /** What it means, for people, in both languages. */
  message: { ru: string; en: string };
  /** The specific case in English (which survey, which limit), for logs and developers. */
  detail: string;
  issues?: Issue[];
  /** How many issues beyond `MAX_ISSUES` were not listed. */
  issuesOmitted?: number;
}

/**
 * Sends `{ error, message: { ru, en }, detail, issues? }` with the given status and
 * `Cache-Control: no-store`. At most `MAX_ISSUES` issues are listed, so a body with thousands of
 * bad keys cannot make the answer many times its own size.
 *
 * @example
 * return apiError(c, 404, 'unknown_survey', `No survey "${id}"`);
 */
export function apiError(
  c: Context,
  status: ContentfulStatusCode,
  error: ApiErrorCode,
  detail: string,
  issues?: Issue[],
): Response {
  const body: ApiErrorBody = { error, message: API_ERRORS[error], detail };
  if (issues) {
    body.issues = issues.length > MAX_ISSUES ? issues.slice(0, MAX_ISSUES) : issues;
    if (issues.length > MAX_ISSUES) body.issuesOmitted = issues.length - MAX_ISSUES;
  }
  c.header('Cache-Control', 'no-store');
  return c.json(body, status);
}
