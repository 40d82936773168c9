import type { Issue, Lang, Question, Survey } from '@otklik/core/engine';
import type { PlacedIssues } from '../model/issues.js';

export type Path = Issue['path'];

/** Text in the editor's language: every string shown is written in both. */
export type T = (ru: string, en: string) => string;

/** What every view of the editor reads, and the edits it may ask for. */
export interface Ctx {
  lang: Lang;
  t: T;
  survey: Survey;
  issues: PlacedIssues;
  /** Replaces question `i` (views never mutate the survey). */
  setQuestion(i: number, q: Question): void;
  /** Moves an item and puts focus back on the control with id `focus` once it is re-rendered. */
  moveQuestion(from: number, to: number): void;
  removeQuestion(i: number): void;
  /** Focuses the element with this id after the next render. */
  focusLater(id: string): void;
  /** Says something to screen readers through the editor's live region. */
  announce(text: string): void;
}

/** Whether an issue points exactly at this path. */
export const invalid = (ctx: Ctx, path: Path): boolean => ctx.issues.paths.has(path.join('.'));

/** A question's title for menus: «Вопрос 4. Каким образом…» cut to a menu's width. */
export function questionLabel(ctx: Ctx, i: number): string {
  const q = ctx.survey.questions[i];
  const title = (ctx.lang === 'en' ? q?.title.en : undefined) ?? q?.title.ru ?? '';
  const cut = title.length > 60 ? `${title.slice(0, 59)}…` : title;
  return `${ctx.t('Вопрос', 'Question')} ${i + 1}${cut ? `. ${cut}` : ''}`;
}
