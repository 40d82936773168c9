import type { CatalogEntry, Survey } from '@otklik/core/engine';

const KINDS = ['single', 'multiple', 'scale', 'matrix', 'list', 'text', 'statement'];

const isObj = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const hasRu = (v: unknown): boolean => isObj(v) && typeof v['ru'] === 'string';

/**
 * A light structural check of a fetched survey — enough to show a clear error instead of a broken
 * form when a URL returns something else (an HTML error page, another JSON). The collector checks
 * surveys fully with zod when they are published; the widget does not bundle zod.
 *
 * @returns the path of the first problem, or undefined when it looks like a survey.
 * @example surveyProblem({ id: 'x' }) // 'version'
 */
export function surveyProblem(v: unknown): string | undefined {
  if (!isObj(v)) return 'JSON object';
  if (typeof v['id'] !== 'string') return 'id';
  if (typeof v['version'] !== 'number') return 'version';
  if (!hasRu(v['title'])) return 'title';
  const qs = v['questions'];
  if (!Array.isArray(qs) || qs.length === 0) return 'questions';
  const bad = qs.findIndex(
    (q: unknown) =>
      !isObj(q) ||
      typeof q['id'] !== 'string' ||
      !KINDS.includes(q['type'] as string) ||
      !hasRu(q['title']),
  );
  return bad < 0 ? undefined : `questions[${bad}]`;
}

/** Runtime catalogues: `{ services: [{ id, text: { ru, en? } }] }`; malformed entries are dropped. */
export function asCatalogs(v: unknown): Record<string, CatalogEntry[]> {
  const out: Record<string, CatalogEntry[]> = {};
  if (!isObj(v)) return out;
  for (const [name, list] of Object.entries(v)) {
    if (!Array.isArray(list)) continue;
    out[name] = list.filter(
      (e): e is CatalogEntry => isObj(e) && typeof e['id'] === 'string' && hasRu(e['text']),
    );
  }
  return out;
}

/** Where the survey comes from and where responses go, from the element's attributes. */
export interface Source {
  surveyUrl: string | undefined;
  endpoint: string | undefined;
}

/**
 * `collector` + `survey` give both URLs; `src` and `endpoint` override them for other backends.
 * @example resolveSource({ collector: 'https://opros.example.gov.ru/', survey: 'belgorod-typical' })
 */
export function resolveSource(a: {
  collector?: string | undefined;
  survey?: string | undefined;
  src?: string | undefined;
  endpoint?: string | undefined;
}): Source {
  // An empty `collector` means this origin (the hosted and demo pages).
  const base =
    a.collector != null && a.survey
      ? `${a.collector.replace(/\/+$/, '')}/v1/surveys/${encodeURIComponent(a.survey)}`
      : undefined;
  return { surveyUrl: a.src || base, endpoint: a.endpoint || (base && `${base}/responses`) };
}

/** Fetches JSON without credentials: the widget never sends cookies (anonymity). */
export async function fetchJson(url: string, signal?: AbortSignal): Promise<unknown> {
  const res = await fetch(url, {
    credentials: 'omit',
    signal: signal ?? null,
    headers: { accept: 'application/json' },
  });
  if (!res.ok) throw new Error(`HTTP ${res.status}`);
  return (await res.json()) as unknown;
}

export type { Survey };
