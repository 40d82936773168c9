import { isChoice, localize, optionsOf, percent, topTwoCount, type Survey } from '@otklik/core';
import type { Db } from '../store/db.js';
import { filterSql, type ResponseFilter } from './filter.js';
import { computeReport, type ReportOptions } from './index.js';
import { newest, reportQuestions } from './questions.js';

export type Prevalence = 'high' | 'medium' | 'low';

/**
 * Prevalence of a problem by its share of the object's responses (the seeds ask for
 * high/medium/low without numbers): ≥ 20 % high, ≥ 5 % medium, below 5 % low. A question or matrix
 * row counts as a low score when its satisfaction level (or satisfied share) is below 50 %.
 */
export const PAIN_THRESHOLDS = { high: 20, medium: 5, lowScore: 50 } as const;

export interface PainItem {
  kind: 'problem' | 'low-score';
  question: string;
  /** The problem option (kind `problem`). */
  option?: string;
  /** The matrix row (kind `low-score` on a matrix). */
  row?: string;
  /**
   * What the problem is, in Russian: the option's text; for an option with a text field, one of
   * its most frequent typed wordings (or «<option>: прочие» for the rest); or «Низкая оценка: …».
   */
  problem: string;
  /** Responses that chose the option / did not give a top-two score. */
  count: number;
  /** count as a share of the object's responses, %. */
  share: number | null;
  prevalence: Prevalence;
  /** Texts typed into the option's field behind this row, newest first, at most 20. */
  texts: string[];
  /** For the analysts to fill in (001 Приложение 2, 004 Приложение). */
  priority: '';
  measures: '';
  responsible: '';
  deadline: '';
}

export interface PainMap {
  survey: { id: string; version: number };
  from: string | null;
  to: string | null;
  thresholds: typeof PAIN_THRESHOLDS;
  objects: { object: string | null; name: string; responses: number; items: PainItem[] }[];
}

export const prevalence = (share: number | null): Prevalence =>
  share !== null && share >= PAIN_THRESHOLDS.high
    ? 'high'
    : share !== null && share >= PAIN_THRESHOLDS.medium
      ? 'medium'
      : 'low';

const TEXTS_PER_PROBLEM = 20;
/** Rows made of one option's typed texts: its most frequent wordings, at most this many. */
export const GROUPS_PER_OPTION = 5;
/** Distinct wordings read per option to find the most frequent ones. */
const WORDINGS_READ = 200;

/** Texts that differ only in case, spacing or final punctuation are one wording. */
const normal = (t: string): string =>
  t
    .trim()
    .replace(/\s+/g, ' ')
    .replace(/[.!;,]+$/, '')
    .toLocaleLowerCase('ru');
const sameText = (a: string, b: string): boolean => normal(a) === normal(b);

/** «Проблема (укажите)» → «Проблема»: the option's name without its hint to type. */
const optionName = (text: Parameters<typeof localize>[0]): string =>
  localize(text, 'ru').replace(/\s*\((укажите|указать)[^)]*\)\s*$/i, '');

/**
 * The pain map («карта болей»): per object (service, process), the problem options chosen and the
 * questions scored low, with their prevalence, and the respondents' own words for each problem.
 * Figures come from the SQL report grouped by object; texts from one windowed query.
 *
 * @example
 * const map = await painMap(db, versions, { from: '2026-01-01', to: '2026-03-31' });
 * map.objects[0]?.items[0]; // { kind: 'problem', problem: 'Очередь', share: 23.5, prevalence: 'high', … }
 */
export async function painMap(
  db: Pick<Db, 'query'> & Partial<Pick<Db, 'transaction'>>,
  versions: readonly Survey[],
  f: Omit<ReportOptions, 'groupBy' | 'compare'> = {},
): Promise<PainMap> {
  const head = newest(versions);
  const questions = reportQuestions(versions);
  const report = await computeReport(db, versions, { ...f, groupBy: 'object', compare: false });
  // The texts are read from the responses over the same local days as the counts.
  const textFilter = { from: f.from, to: f.to, version: f.version, timeZone: report.timeZone };
  const texts = await specifyTexts(db, head.id, questions, textFilter);
  const groups = await specifyGroups(db, head.id, questions, textFilter);
  const catalogNames = new Map<string, string>();
  for (const s of versions)
    for (const entries of Object.values(s.catalogs ?? {}))
      for (const e of entries) catalogNames.set(e.id, localize(e.text, 'ru'));

  const objects = report.groups.map(({ key, report: r }) => {
    const items: PainItem[] = [];
    const blank = { priority: '', measures: '', responsible: '', deadline: '' } as const;
    const share = (n: number): number | null => percent(n, r.responses);
    const lowScore = (question: string, problem: string, count: number, row?: string): void => {
      const s = share(count);
      items.push({
        kind: 'low-score',
        question,
        ...(row === undefined ? {} : { row }),
        problem: `Низкая оценка: ${problem}`,
        count,
        share: s,
        prevalence: prevalence(s),
        texts: [],
        ...blank,
      });
    };
    for (const q of questions) {
      const fig = r.questions.find((x) => x.id === q.id);
      if (!fig) continue;
      const title = localize(q.title, 'ru');
      if (
        (q.type === 'single' || q.type === 'multiple' || q.type === 'list') &&
        'distribution' in fig
      ) {
        for (const o of optionsOf(q)) {
          const count = fig.distribution[o.id] ?? 0;
          if (!o.problem || count === 0) continue;
          const k = `${key ?? ''}\u0000${q.id}\u0000${o.id}`;
          const own = texts.get(k) ?? [];
          const problem = (p: string, n: number, t: string[]) => {
            const s = share(n);
            items.push({
              kind: 'problem',
              question: q.id,
              option: o.id,
              problem: p,
              count: n,
              share: s,
              prevalence: prevalence(s),
              texts: t,
              ...blank,
            });
          };
          // An option with a text field («Проблема (укажите)») names no problem itself: its most
          // frequent texts do, each as a row of its own; the rest stay under the option.
          let rest = count;
          for (const g of groups.get(k) ?? []) {
            problem(
              g.text,
              g.count,
              own.filter((t) => sameText(t, g.text)),
            );
            rest -= g.count;
          }
          if (rest > 0) {
            const named = groups.has(k);
            problem(
              named ? `${optionName(o.text)}: прочие` : localize(o.text, 'ru'),
              rest,
              named ? own.filter((t) => !groups.get(k)!.some((g) => sameText(t, g.text))) : own,
            );
          }
        }
        if (
          fig.type === 'single' &&
          typeof fig.satisfiedShare === 'number' &&
          fig.satisfiedShare < PAIN_THRESHOLDS.lowScore
        ) {
          const positive = optionsOf(q)
            .filter((o) => o.positive)
            .reduce((n, o) => n + (fig.distribution[o.id] ?? 0), 0);
          lowScore(q.id, title, fig.answered - fig.excluded - positive);
        }
      } else if (
        fig.type === 'scale' &&
        q.type === 'scale' &&
        q.role === 'satisfaction' &&
        fig.topTwoShare !== null &&
        fig.topTwoShare < PAIN_THRESHOLDS.lowScore
      ) {
        lowScore(q.id, title, fig.valid - topTwoCount(q, fig.distribution));
      } else if (fig.type === 'matrix' && q.type === 'matrix' && q.scale.role === 'satisfaction') {
        for (const row of fig.rows) {
          if (row.topTwoShare === null || row.topTwoShare >= PAIN_THRESHOLDS.lowScore) continue;
          const rowText = localize(q.rows.find((x) => x.id === row.id)?.text, 'ru');
          lowScore(
            q.id,
            `${title} — ${rowText}`,
            row.valid - topTwoCount(q.scale, row.distribution),
            row.id,
          );
        }
      }
    }
    // Most widespread first; on a tie, the concrete problem before the low score it may explain.
    items.sort(
      (a, b) =>
        (b.share ?? 0) - (a.share ?? 0) || (a.kind === b.kind ? 0 : a.kind === 'problem' ? -1 : 1),
    );
    return {
      object: key,
      name: key === null ? 'Объект не указан' : (catalogNames.get(key) ?? key),
      responses: r.responses,
      items,
    };
  });
  return {
    survey: { id: head.id, version: head.version },
    from: f.from ?? null,
    to: f.to ?? null,
    thresholds: PAIN_THRESHOLDS,
    objects,
  };
}

/** Problem options with a text field, as `qid:opt` keys for the SQL. */
function specifyKeys(questions: ReturnType<typeof reportQuestions>): string[] {
  const keys: string[] = [];
  for (const q of questions) {
    if (!isChoice(q)) continue;
    for (const o of optionsOf(q)) if (o.problem && o.specify) keys.push(`${q.id}:${o.id}`);
  }
  return keys;
}

/**
 * The most frequent wordings typed into each problem option's field, per object: grouped by the
 * database on the trimmed text, then merged here where they differ only in case or punctuation
 * (locale-aware lowercasing, which PostgreSQL's C collation would not do for Cyrillic).
 */
async function specifyGroups(
  db: Pick<Db, 'query'>,
  surveyId: string,
  questions: ReturnType<typeof reportQuestions>,
  f: ResponseFilter,
): Promise<Map<string, { text: string; count: number }[]>> {
  const keys = specifyKeys(questions);
  const out = new Map<string, { text: string; count: number }[]>();
  if (keys.length === 0) return out;
  const params: unknown[] = [];
  const where = filterSql(surveyId, f, params);
  params.push(keys, WORDINGS_READ);
  const rows = await db.query<{
    object: string | null;
    qid: string;
    opt: string;
    text: string;
    n: number | string;
  }>(
    `SELECT object, qid, opt, text, n FROM (
       SELECT object, qid, opt, text, count(*) AS n,
              row_number() OVER (PARTITION BY object, qid, opt ORDER BY count(*) DESC, text) AS rank
         FROM (SELECT r.object, s.key AS qid, o.key AS opt,
                      regexp_replace(btrim(o.value #>> '{}'), '\\s+', ' ', 'g') AS text
                 FROM responses r,
                      jsonb_each(COALESCE(r.specify, '{}'::jsonb)) AS s,
                      jsonb_each(CASE WHEN jsonb_typeof(s.value) = 'object' THEN s.value ELSE '{}'::jsonb END) AS o
                WHERE ${where}
                  AND s.key || ':' || o.key = ANY($${params.length - 1}::text[])
                  AND jsonb_typeof(o.value) = 'string') t
        WHERE text <> ''
        GROUP BY object, qid, opt, text
     ) g WHERE rank <= $${params.length}::int`,
    params,
  );
  const merged = new Map<string, Map<string, { text: string; count: number }>>();
  for (const r of rows) {
    const k = `${r.object ?? ''}\u0000${r.qid}\u0000${r.opt}`;
    const m = merged.get(k) ?? new Map<string, { text: string; count: number }>();
    const g = m.get(normal(r.text));
    // The wording kept is the most frequent spelling (rows come most frequent first per key).
    if (g) g.count += Number(r.n);
    else m.set(normal(r.text), { text: r.text, count: Number(r.n) });
    merged.set(k, m);
  }
  for (const [k, m] of merged) {
    out.set(
      k,
      [...m.values()]
        .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text, 'ru'))
        .slice(0, GROUPS_PER_OPTION),
    );
  }
  return out;
}

/** Specify texts of problem options, newest first, at most TEXTS_PER_PROBLEM per object and option. */
async function specifyTexts(
  db: Pick<Db, 'query'>,
  surveyId: string,
  questions: ReturnType<typeof reportQuestions>,
  f: ResponseFilter,
): Promise<Map<string, string[]>> {
  const keys = specifyKeys(questions);
  const out = new Map<string, string[]>();
  if (keys.length === 0) return out;
  const params: unknown[] = [];
  const where = filterSql(surveyId, f, params);
  params.push(keys, TEXTS_PER_PROBLEM);
  const rows = await db.query<{ object: string | null; qid: string; opt: string; text: string }>(
    `SELECT object, qid, opt, text FROM (
       SELECT r.object, s.key AS qid, o.key AS opt, o.value #>> '{}' AS text,
              row_number() OVER (PARTITION BY r.object, s.key, o.key ORDER BY r.answered_at DESC) AS n
         FROM responses r,
              jsonb_each(COALESCE(r.specify, '{}'::jsonb)) AS s,
              jsonb_each(CASE WHEN jsonb_typeof(s.value) = 'object' THEN s.value ELSE '{}'::jsonb END) AS o
        WHERE ${where}
          AND s.key || ':' || o.key = ANY($${params.length - 1}::text[])
          AND jsonb_typeof(o.value) = 'string' AND o.value <> '""'::jsonb
     ) t WHERE n <= $${params.length}::int ORDER BY object, qid, opt, n`,
    params,
  );
  for (const r of rows) {
    const k = `${r.object ?? ''}\u0000${r.qid}\u0000${r.opt}`;
    const list = out.get(k) ?? [];
    list.push(r.text);
    out.set(k, list);
  }
  return out;
}
