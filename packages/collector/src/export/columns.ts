import { localize, optionsOf, type AnswerValue, type Lang, type SpecifyTexts } from '@otklik/core';
import { anyCatalogLabel, channelName, respondentName, type CatalogLabels } from '../labels.js';
import type { ReportQuestion } from '../reports/questions.js';

/** A cell of an export: text, a number (scale points), or empty. */
export type Cell = string | number | null;

/** One exported response as read from the database. */
export interface ExportRow {
  response_id: string;
  receipt: string;
  survey_version: number;
  answered_at: string;
  received_at: string;
  lang: string;
  channel: string;
  object: string | null;
  touchpoint: string | null;
  respondent: string;
  answers: Record<string, AnswerValue>;
  specify: SpecifyTexts | null;
}

/** A column: its id (first header row), its title (second header row), and its value. */
export interface Column {
  id: string;
  title: string;
  value: (r: ExportRow) => Cell;
}

export interface ColumnOptions {
  /** Language of titles and answer texts (default `ru`). */
  lang?: Lang;
  /** `text` (default): answers as the respondent read them; `id`: option and entry ids, for scripts. */
  values?: 'text' | 'id';
  /** Catalogue entry texts (collector catalogues, then the survey's own), for `text`. */
  labels?: CatalogLabels;
}

/** A scalar answer as a cell; anything of another shape (an older version's) as its JSON. */
function scalar(v: AnswerValue | undefined): Cell {
  if (v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number') return v;
  return JSON.stringify(v);
}

/**
 * The number a question is known by: templates keep the printed number in the id (`q12`), so a
 * gap in the paper form (001 has no question 17) stays a gap here; other ids count by position.
 */
function questionNumber(id: string, position: number): number {
  const m = /^q(\d+)$/.exec(id);
  return m ? Number(m[1]) : position;
}

/**
 * The columns of an export, in survey order: the response's metadata, then one column per
 * question — a matrix gets one per row (`q6.portal`), a multiple choice one column with the chosen
 * options joined by `; ` (one column per question keeps the sheet as wide as the form; filter
 * with "contains") — and after a question, one column per option with a text field
 * (`q7.other.text`). Titles carry the question's number and text. Values are the answers' texts
 * in `lang` unless `values: 'id'`; scale points stay numbers either way.
 *
 * @example
 * exportColumns(reportQuestions([survey])).map((c) => c.id);
 * // ['response_id', …, 'respondent', 'q1', 'q6.site', 'q6.portal', 'q7', 'q7.other.text', …]
 */
export function exportColumns(
  questions: readonly ReportQuestion[],
  opts: ColumnOptions = {},
): Column[] {
  const lang = opts.lang ?? 'ru';
  const asText = (opts.values ?? 'text') === 'text';
  const labels = opts.labels ?? new Map();
  const t = (ru: string, en: string): string => (lang === 'en' ? en : ru);
  const named = (name: (v: string, lang: Lang) => string) => (v: string | null) =>
    v === null || !asText ? v : name(v, lang);
  const entry = named((v, l) => {
    const text = anyCatalogLabel(labels, v);
    return text ? localize(text, l) : v;
  });
  const channel = named(channelName);
  const respondent = named(respondentName);

  const cols: Column[] = [
    { id: 'response_id', title: t('ID ответа', 'Response ID'), value: (r) => r.response_id },
    { id: 'receipt', title: t('Код квитанции', 'Receipt code'), value: (r) => r.receipt },
    { id: 'version', title: t('Версия анкеты', 'Survey version'), value: (r) => r.survey_version },
    {
      id: 'answered_at',
      title: t('Дата ответа (UTC)', 'Answered (UTC)'),
      value: (r) => r.answered_at,
    },
    {
      id: 'received_at',
      title: t('Дата получения (UTC)', 'Received (UTC)'),
      value: (r) => r.received_at,
    },
    { id: 'lang', title: t('Язык', 'Language'), value: (r) => r.lang },
    { id: 'channel', title: t('Канал', 'Channel'), value: (r) => channel(r.channel) },
    { id: 'object', title: t('Объект', 'Object'), value: (r) => entry(r.object) },
    {
      id: 'touchpoint',
      title: t('Точка контакта', 'Touchpoint'),
      value: (r) => entry(r.touchpoint),
    },
    {
      id: 'respondent',
      title: t('Респондент', 'Respondent'),
      value: (r) => respondent(r.respondent),
    },
  ];

  questions.forEach((q, i) => {
    const title = `${questionNumber(q.id, i + 1)}. ${localize(q.title, lang)}`;
    const options = optionsOf(q);
    const texts = new Map<string, string>(options.map((o) => [o.id, localize(o.text, lang)]));
    const catalog = q.type === 'list' && q.catalog ? labels.get(q.catalog) : undefined;
    // One answer value as a cell: an option or entry id becomes its text; numbers stay numbers.
    const one = (v: AnswerValue | undefined): Cell => {
      if (!asText || typeof v !== 'string') return scalar(v);
      const own = texts.get(v);
      if (own !== undefined) return own;
      const c = catalog?.get(v);
      return c ? localize(c, lang) : v;
    };
    switch (q.type) {
      case 'matrix':
        for (const row of q.rows) {
          cols.push({
            id: `${q.id}.${row.id}`,
            title: `${title} — ${localize(row.text, lang)}`,
            value: (r) => {
              const m = r.answers[q.id];
              return m && typeof m === 'object' && !Array.isArray(m) ? one(m[row.id]) : null;
            },
          });
        }
        break;
      case 'multiple':
      case 'list':
        cols.push({
          id: q.id,
          title,
          value: (r) => {
            const v = r.answers[q.id];
            return Array.isArray(v) ? v.map((x) => String(one(x))).join('; ') : one(v);
          },
        });
        break;
      case 'text':
        cols.push({ id: q.id, title, value: (r) => scalar(r.answers[q.id]) });
        break;
      default:
        cols.push({ id: q.id, title, value: (r) => one(r.answers[q.id]) });
    }
    for (const o of options) {
      if (!o.specify) continue;
      cols.push({
        id: `${q.id}.${o.id}.text`,
        title: `${title} — ${localize(o.text, lang)} (${t('текст', 'text')})`,
        value: (r) => r.specify?.[q.id]?.[o.id] ?? null,
      });
    }
  });
  return cols;
}

/**
 * Neutralises spreadsheet formulas (CWE-1236, "CSV injection"): a text cell starting with `=`,
 * `+`, `-`, `@`, a tab or a carriage return gets a leading `'`, so Excel and LibreOffice show it
 * as text instead of running it. Numbers are written as numbers and left alone.
 *
 * @example
 * defuse('=HYPERLINK("http://x")'); // "'=HYPERLINK(\"http://x\")"
 */
export function defuse(s: string): string {
  return /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
}
