import { checkSurveyLogic, parseSurvey } from '@otklik/core';
import type { Issue, Survey } from '@otklik/core/engine';

/**
 * Core's two checkers on the draft, together: `parseSurvey` (shape, texts, limits) and
 * `checkSurveyLogic` (ids, forward jumps, conditions on earlier questions). parseSurvey stops
 * before the logic while any text is still empty, so the logic check also runs on the draft
 * itself: a backward jump shows while the author is still typing a title.
 */
export function checkDraft(survey: Survey): Issue[] {
  const parsed = parseSurvey(survey);
  if (parsed.ok) return [];
  const out = parsed.issues.slice();
  const seen = new Set(out.map(key));
  let logic: Issue[] = [];
  try {
    logic = checkSurveyLogic(survey);
  } catch {
    // A draft the shape check refused may trip the logic check; the shape issues say enough.
  }
  for (const i of logic) {
    if (!seen.has(key(i))) {
      seen.add(key(i));
      out.push(i);
    }
  }
  return out;
}

const key = (i: Issue): string => `${i.path.join('.')}|${i.code}`;

/** Issues grouped by where the editor shows them: the survey's own fields, or question index. */
export interface PlacedIssues {
  survey: Issue[];
  questions: Map<number, Issue[]>;
  /** Every issue's path, joined with `.`, for marking the very field invalid. */
  paths: Set<string>;
}

export function placeIssues(issues: readonly Issue[]): PlacedIssues {
  const out: PlacedIssues = { survey: [], questions: new Map(), paths: new Set() };
  for (const i of issues) {
    out.paths.add(i.path.join('.'));
    const [head, index] = i.path;
    if (head === 'questions' && typeof index === 'number') {
      const list = out.questions.get(index) ?? [];
      list.push(i);
      out.questions.set(index, list);
    } else out.survey.push(i);
  }
  return out;
}

type Names = Readonly<Record<string, readonly [string, string]>>;

const FIELDS: Names = {
  title: ['текст вопроса', 'question text'],
  description: ['пояснение', 'description'],
  options: ['вариант', 'option'],
  extraOptions: ['доп. вариант', 'extra option'],
  rows: ['строка', 'row'],
  text: ['текст', 'text'],
  goTo: ['переход', 'jump'],
  showIf: ['условие показа', 'show-if condition'],
  min: ['от', 'from'],
  max: ['до', 'to'],
  minLabel: ['подпись начала', 'start label'],
  maxLabel: ['подпись конца', 'end label'],
  scale: ['шкала', 'scale'],
  catalog: ['справочник', 'catalogue'],
  maxLength: ['предел символов', 'character limit'],
  context: ['услуга из ответа', 'service from the answer'],
  specify: ['поле «укажите»', '“specify” field'],
  id: ['идентификатор', 'id'],
  headline: ['главный вопрос', 'headline question'],
  questions: ['вопросы', 'questions'],
  version: ['версия', 'version'],
  completion: ['завершение', 'completion'],
};

/**
 * Where in a question (or survey) an issue is, in words: `['questions', 3, 'options', 1, 'text',
 * 'ru']` → «вариант 2 · текст · ru». The question itself is named by where the message is shown.
 */
export function fieldName(path: Issue['path'], lang: 'ru' | 'en'): string {
  const inQuestion = path[0] === 'questions' && typeof path[1] === 'number';
  const rest = inQuestion ? path.slice(2) : path;
  const parts: string[] = [];
  if (!inQuestion && rest[0] === 'title') {
    parts.push(lang === 'en' ? 'survey title' : 'название опроса');
    rest.shift();
  }
  rest.forEach((p, k) => {
    if (typeof p === 'number') {
      // A position after a list's name: «вариант 2».
      if (k > 0 && parts.length) parts[parts.length - 1] += ` ${p + 1}`;
      return;
    }
    if (p === 'ru' || p === 'en') return void parts.push(p);
    const n = FIELDS[p];
    if (n) parts.push(n[lang === 'en' ? 1 : 0]);
  });
  return parts.join(' · ');
}
