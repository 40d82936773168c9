import type {
  AnswerValue,
  Answers,
  MatrixQuestion,
  MatrixRow,
  Question,
  Survey,
} from '../types.js';
import { END } from '../types.js';
import { evaluate } from './conditions.js';
import { optionsOf } from './kinds.js';
import { own } from './own.js';

/** Where the respondent goes after `q`, given its answer: a question id, END, or undefined (next in order). */
function jumpFrom(q: Question, a: AnswerValue | undefined): string | undefined {
  if (a !== undefined) {
    // A scale's extra options («Затрудняюсь ответить») may jump too; its numbers never do. A
    // matrix answers many rows at once, so its extra options never jump (parseSurvey refuses it).
    const options = q.type === 'matrix' ? [] : optionsOf(q);
    const chosen = Array.isArray(a) ? a : [a];
    // Option order decides when a multiple answer holds several jumps: the first listed wins.
    for (const o of options) {
      if (o.goTo !== undefined && chosen.includes(o.id)) return o.goTo;
    }
  }
  return q.goTo;
}

const indexCache = new WeakMap<Survey, Map<string, number>>();

/** Position of each question id; cached per survey object, since surveys are immutable once parsed. */
export function questionIndex(survey: Survey): Map<string, number> {
  let m = indexCache.get(survey);
  if (!m) {
    m = new Map(survey.questions.map((q, i) => [q.id, i]));
    indexCache.set(survey, m);
  }
  return m;
}

/**
 * Walks the survey once: the path, and the answers that are on it (matrix answers cut to the rows
 * asked). Conditions and jumps read only the latter, so a stale answer to a question the respondent
 * jumped over, or to a matrix row no longer asked, never switches a later question on.
 */
function walk(survey: Survey, answers: Answers): { path: string[]; kept: Answers } {
  const index = questionIndex(survey);
  const qs = survey.questions;
  const path: string[] = [];
  const kept: Answers = {};
  let i = 0;
  while (i < qs.length) {
    const q = qs[i]!;
    const rows = q.type === 'matrix' ? visibleRows(q, kept) : undefined;
    // A matrix whose every row is hidden has nothing to ask (001 Q6 after "used none" in Q5).
    if ((q.showIf && !evaluate(q.showIf, kept)) || rows?.length === 0) {
      i++;
      continue;
    }
    path.push(q.id);
    const a = own(answers, q.id);
    if (rows && a !== undefined && typeof a === 'object' && !Array.isArray(a)) {
      const cut: Record<string, number | string> = {};
      for (const r of rows) {
        const v = own(a, r.id);
        if (v !== undefined) cut[r.id] = v;
      }
      if (Object.keys(cut).length) kept[q.id] = cut;
    } else if (a !== undefined) {
      kept[q.id] = a;
    }
    const target = jumpFrom(q, a);
    if (target === END) break;
    const j = target === undefined ? undefined : index.get(target);
    // parseSurvey guarantees forward targets; the guard keeps a hand-made survey from looping.
    i = j !== undefined && j > i ? j : i + 1;
  }
  return { path, kept };
}

/**
 * The ordered ids of the questions this respondent sees, given the answers so far: questions whose
 * `showIf` fails (and matrices with no row left to ask) are skipped, and jumps (option `goTo`, then
 * question `goTo`) move forward. A question not yet answered does not jump, so the path shows what
 * would come next. Conditions and jumps read only answers to questions on the path, so answers left
 * over from another branch never change it.
 *
 * @example
 * visiblePath(vladimir, { q4: 'mfc' }) // ['q1', 'q2', 'q3', 'q4', 'q6', …] — Q4 → Q6
 */
export function visiblePath(survey: Survey, answers: Answers): string[] {
  return walk(survey, answers).path;
}

/** The question after `fromId` on the path, or null at the end. */
export function nextQuestion(survey: Survey, answers: Answers, fromId: string): string | null {
  const path = visiblePath(survey, answers);
  const k = path.indexOf(fromId);
  return k >= 0 && k + 1 < path.length ? path[k + 1]! : null;
}

/** The question before `fromId` on the path, or null at the start. */
export function previousQuestion(survey: Survey, answers: Answers, fromId: string): string | null {
  const path = visiblePath(survey, answers);
  const k = path.indexOf(fromId);
  return k > 0 ? path[k - 1]! : null;
}

/** The rows of a matrix this respondent is asked (rows with a failing `showIf` are left out). */
export function visibleRows(q: MatrixQuestion, answers: Answers): MatrixRow[] {
  return q.rows.filter((r) => !r.showIf || evaluate(r.showIf, answers));
}

/**
 * The answers with everything off the path removed: answers to questions the respondent no longer
 * sees (after changing an earlier answer) and matrix rows no longer asked. The widget sends this,
 * so a respondent who changes their mind never meets an `off_path` error.
 *
 * @example
 * pruneAnswers(survey, { q18: 'no', q19: 'stale' }) // { q18: 'no' } when Q19 is asked only after "yes"
 */
export function pruneAnswers(survey: Survey, answers: Answers): Answers {
  return walk(survey, answers).kept;
}
