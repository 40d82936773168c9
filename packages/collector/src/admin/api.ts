import type { Hono } from 'hono';
import type { Lang } from './i18n.js';

/** What a JSON route answered, as a page needs it. */
export interface ApiAnswer<T = unknown> {
  status: number;
  json: T;
}

interface ApiErrorJson {
  message?: { ru: string; en: string };
  issues?: { message?: { ru: string; en: string } }[];
}

/**
 * Calls one of the collector's JSON routers in-process, so a page's form goes through the same
 * validation and storage as the admin API (no second copy of either). The routers here carry no
 * authorisation of their own — app.ts guards `/v1/*` — and the page's own guard has already run.
 *
 * @example
 * const r = await callJson(themes, 'PATCH', `/v1/surveys/pulse/themes/${id}`, { name: 'Очереди' });
 */
export async function callJson<T = unknown>(
  router: Pick<Hono, 'request'>,
  method: 'POST' | 'PATCH' | 'PUT' | 'GET',
  path: string,
  body?: unknown,
): Promise<ApiAnswer<T>> {
  const res = await router.request(path, {
    method,
    headers: { 'content-type': 'application/json' },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  return { status: res.status, json: (await res.json()) as T };
}

/** An error answer as one sentence in the page's language: the fields' issues, else the code's text. */
export function apiProblem(json: unknown, lang: Lang): string {
  const e = (json ?? {}) as ApiErrorJson;
  const issues = (e.issues ?? []).flatMap((i) => (i.message ? [i.message[lang]] : []));
  return issues.length > 0 ? issues.join(' ') : (e.message?.[lang] ?? '');
}

/** The page's status for an API error: the client's mistakes are 400 (422 included), missing 404. */
export const pageStatus = (status: number): 400 | 404 => (status === 404 ? 404 : 400);
