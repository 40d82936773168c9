import type {
  ChoiceOption,
  LocalizedText,
  MatrixRow,
  Question,
  QuestionType,
  ScaleSpec,
  Survey,
} from '@otklik/core/engine';
import { nextId } from './ids.js';

/** Question kinds in the order the «add question» menu lists them. */
export const QUESTION_TYPES: readonly QuestionType[] = [
  'single',
  'multiple',
  'scale',
  'matrix',
  'list',
  'text',
  'statement',
];

const empty = (): LocalizedText => ({ ru: '' });

/** A survey with no questions yet: the author names it and adds the first one. */
export function blankSurvey(): Survey {
  return { id: 'new-survey', version: 1, title: empty(), questions: [] };
}

/** A mutable copy of a template (templates are frozen), as version 1 of a new survey. */
export function fromTemplate(template: Survey): Survey {
  return { ...structuredClone(template), version: 1 };
}

/**
 * A published survey as the draft of its next version: the same id, the version after it. The
 * review page compares the two before anything is published.
 */
export function nextVersionDraft(published: Survey): Survey {
  return { ...structuredClone(published), version: published.version + 1 };
}

/** A new option with the next free `o<n>` id among `options`. */
export function newOption(options: readonly ChoiceOption[]): ChoiceOption {
  return {
    id: nextId(
      options.map((o) => o.id),
      'o',
    ),
    text: empty(),
  };
}

/** A new matrix row with the next free `r<n>` id. */
export function newRow(rows: readonly MatrixRow[]): MatrixRow {
  return {
    id: nextId(
      rows.map((r) => r.id),
      'r',
    ),
    text: empty(),
  };
}

const satisfaction: ScaleSpec = { min: 1, max: 5, order: 'desc', role: 'satisfaction' };

/** A new question of `type` with the given id and the fields its kind needs. */
export function newQuestion(type: QuestionType, id: string): Question {
  const base = { id, title: empty() };
  switch (type) {
    case 'single':
    case 'multiple': {
      const a = newOption([]);
      return { ...base, type, options: [a, newOption([a])] };
    }
    case 'scale':
      return { ...base, type, ...satisfaction };
    case 'matrix':
      return { ...base, type, rows: [newRow([])], scale: { ...satisfaction } };
    case 'list':
      return { ...base, type, catalog: 'services' };
    case 'text':
      return { ...base, type, multiline: true };
    case 'statement':
      return { ...base, type };
  }
}

/**
 * The question as another kind: the id, texts, required, conditions and jumps stay; options carry
 * over between the kinds that have them.
 */
export function changeType(q: Question, type: QuestionType): Question {
  if (q.type === type) return q;
  const fresh = newQuestion(type, q.id);
  const keep: Partial<Question> = {
    title: q.title,
    ...(q.description ? { description: q.description } : {}),
    ...(q.required !== undefined ? { required: q.required } : {}),
    ...(q.showIf ? { showIf: q.showIf } : {}),
    ...(q.goTo !== undefined ? { goTo: q.goTo } : {}),
    ...(q.section !== undefined ? { section: q.section } : {}),
  };
  const options =
    q.type === 'single' || q.type === 'multiple' || q.type === 'list' ? q.options : undefined;
  const out = { ...fresh, ...keep } as Question;
  if (options && (out.type === 'single' || out.type === 'multiple' || out.type === 'list')) {
    out.options = options;
    if (out.type === 'list') delete out.catalog;
  }
  // Only a one-answer question may supply the service; parseSurvey says so if it is kept wrongly.
  if (q.context && (type === 'single' || type === 'list')) out.context = q.context;
  return out;
}

/** `items` with the one at `from` moved to `to`. */
export function move<T>(items: readonly T[], from: number, to: number): T[] {
  const out = items.slice();
  if (from < 0 || from >= out.length || to < 0 || to >= out.length) return out;
  const [x] = out.splice(from, 1);
  out.splice(to, 0, x!);
  return out;
}

/**
 * A text with one language set. English is optional: emptied, it disappears (core's schema wants
 * it absent, not empty); Russian stays even when empty, for the checker to name.
 */
export function withText(
  t: LocalizedText | undefined,
  lang: 'ru' | 'en',
  value: string,
): LocalizedText {
  const out: LocalizedText = { ru: t?.ru ?? '' };
  const en = lang === 'en' ? value : t?.en;
  if (lang === 'ru') out.ru = value;
  if (en) out.en = en;
  return out;
}

/** An optional text (a description, an end label): gone when both languages are empty. */
export function optionalText(
  t: LocalizedText | undefined,
  lang: 'ru' | 'en',
  value: string,
): LocalizedText | undefined {
  const out = withText(t, lang, value);
  return out.ru === '' && out.en === undefined ? undefined : out;
}
