import { localize, type AnswerValue, type SpecifyTexts } from '@otklik/core';
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

/** A column: its id (first header row), Russian title (second header row), and its value. */
export interface Column {
  id: string;
  title: string;
  value: (r: ExportRow) => Cell;
}

const META: Column[] = [
  { id: 'response_id', title: 'ID ответа', value: (r) => r.response_id },
  { id: 'receipt', title: 'Код квитанции', value: (r) => r.receipt },
  { id: 'version', title: 'Версия анкеты', value: (r) => r.survey_version },
  { id: 'answered_at', title: 'Дата ответа (UTC)', value: (r) => r.answered_at },
  { id: 'received_at', title: 'Дата получения (UTC)', value: (r) => r.received_at },
  { id: 'lang', title: 'Язык', value: (r) => r.lang },
  { id: 'channel', title: 'Канал', value: (r) => r.channel },
  { id: 'object', title: 'Объект', value: (r) => r.object },
  { id: 'touchpoint', title: 'Точка контакта', value: (r) => r.touchpoint },
  { id: 'respondent', title: 'Респондент', value: (r) => r.respondent },
];

/** A scalar answer as a cell; anything of another shape (an older version's) as its JSON. */
function scalar(v: AnswerValue | undefined): Cell {
  if (v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number') return v;
  return JSON.stringify(v);
}

/**
 * The columns of an export, in survey order: the response's metadata, then one column per
 * question — a matrix gets one per row (`q6.portal`), a multiple choice one column with the chosen
 * option ids joined by `; ` (one column per question keeps the sheet as wide as the form; filter
 * with "contains") — and after a question, one column per option with a text field
 * (`q7.other.text`).
 *
 * @example
 * exportColumns(reportQuestions([survey])).map((c) => c.id);
 * // ['response_id', …, 'respondent', 'q1', 'q6.site', 'q6.portal', 'q7', 'q7.other.text', …]
 */
export function exportColumns(questions: readonly ReportQuestion[]): Column[] {
  const cols = [...META];
  for (const q of questions) {
    const title = localize(q.title, 'ru');
    switch (q.type) {
      case 'matrix':
        for (const row of q.rows) {
          cols.push({
            id: `${q.id}.${row.id}`,
            title: `${title} — ${localize(row.text, 'ru')}`,
            value: (r) => {
              const m = r.answers[q.id];
              return m && typeof m === 'object' && !Array.isArray(m) ? scalar(m[row.id]) : null;
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
            return Array.isArray(v) ? v.join('; ') : scalar(v);
          },
        });
        break;
      default:
        cols.push({ id: q.id, title, value: (r) => scalar(r.answers[q.id]) });
    }
    const options =
      q.type === 'single' || q.type === 'multiple' || q.type === 'list'
        ? (q.options ?? [])
        : q.type === 'text'
          ? []
          : (q.extraOptions ?? []);
    for (const o of options) {
      if (!o.specify) continue;
      cols.push({
        id: `${q.id}.${o.id}.text`,
        title: `${title} — ${localize(o.text, 'ru')} (текст)`,
        value: (r) => r.specify?.[q.id]?.[o.id] ?? null,
      });
    }
  }
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
