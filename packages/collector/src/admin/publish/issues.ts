import type { Issue, LocalizedText } from '@otklik/core';

/** The issues about one question (or, without `question`, about the survey as a whole). */
export interface IssueGroup {
  question?: { index: number; id: string; title?: LocalizedText };
  issues: Issue[];
}

const isText = (v: unknown): v is LocalizedText =>
  typeof v === 'object' && v !== null && typeof (v as { ru?: unknown }).ru === 'string';

/**
 * Groups the checker's issues at the question their path points into (`questions[i]…`), in
 * question order, survey-wide issues first. Reads ids and titles from the raw draft, since a draft
 * with errors has no parsed survey.
 *
 * @example
 * groupIssues(JSON.parse(text), parseSurvey(text).issues);
 */
export function groupIssues(draft: unknown, issues: readonly Issue[]): IssueGroup[] {
  const questions =
    typeof draft === 'object' &&
    draft !== null &&
    Array.isArray((draft as { questions?: unknown }).questions)
      ? (draft as { questions: unknown[] }).questions
      : [];
  const whole: Issue[] = [];
  const byIndex = new Map<number, Issue[]>();
  for (const i of issues) {
    const k = i.path[0] === 'questions' && typeof i.path[1] === 'number' ? i.path[1] : undefined;
    if (k === undefined) whole.push(i);
    else byIndex.set(k, [...(byIndex.get(k) ?? []), i]);
  }
  const groups: IssueGroup[] = whole.length ? [{ issues: whole }] : [];
  for (const index of [...byIndex.keys()].sort((a, b) => a - b)) {
    const raw = questions[index] as { id?: unknown; title?: unknown } | undefined;
    groups.push({
      question: {
        index,
        id: typeof raw?.id === 'string' ? raw.id : '?',
        ...(isText(raw?.title) ? { title: raw.title } : {}),
      },
      issues: byIndex.get(index)!,
    });
  }
  return groups;
}
