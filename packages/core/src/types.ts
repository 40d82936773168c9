/**
 * Plain TypeScript types of a survey definition and of a response.
 *
 * These are the contract shared by every package. They are declared here, by hand, rather than
 * inferred from the zod schemas so that the engine (which the widget bundles) can use them without
 * importing zod at all; `schema/survey.ts` asserts at compile time that the zod schemas infer
 * exactly these types.
 */

/** Languages every survey and every widget string exist in. Russian is required, English optional. */
export type Lang = 'ru' | 'en';

/** A text in Russian (required) and English (optional; falls back to Russian). */
export interface LocalizedText {
  ru: string;
  en?: string;
}

/** Stable identifier of a question, option or row: letters, digits, `_`, `-`, `.`; starts with a letter. */
export type Id = string;

/** Where a jump may lead: a later question's id, or the end of the survey. */
export type JumpTarget = Id | typeof END;
/** Jump target meaning "finish the survey here". */
export const END = '@end';

/**
 * Options the figures treat specially.
 * - `dontKnow`: «Затрудняюсь ответить» — counted in the distribution, excluded from levels and means.
 * - `notApplicable`: «не взаимодействовал» — the same, and reported separately.
 */
export type OptionKind = 'dontKnow' | 'notApplicable';

export interface ChoiceOption {
  id: Id;
  text: LocalizedText;
  /** Marks «Затрудняюсь ответить» / «не взаимодействовал»: excluded from satisfaction figures. */
  kind?: OptionKind;
  /** In a multiple choice: choosing it clears every other option («Проблем не было»). */
  exclusive?: boolean;
  /** The option has its own text field («Проблема (укажите)», «Другое (укажите)»). */
  specify?: { maxLength?: number; required?: boolean };
  /** Counted as one reported problem when chosen (for the "number of problems" figure). */
  problem?: boolean;
  /** For a "rather satisfied / rather not" question: this option counts as satisfied. */
  positive?: boolean;
  /** Jump: when this option is chosen, the next question is this target (forward only). */
  goTo?: JumpTarget;
}

/** What a scale measures, which decides the figure computed from it (see docs/metrics.md). */
export type ScaleRole = 'satisfaction' | 'effort' | 'recommend' | 'other';

export interface ScaleSpec {
  /** Lowest value (usually 1). */
  min: number;
  /** Highest value (5 for satisfaction and effort, 10 for recommend in the seeds). */
  max: number;
  /** Display order: the seeds print 5…1 and 10…1, i.e. `desc`. Stored values do not depend on it. */
  order?: 'asc' | 'desc';
  role?: ScaleRole;
  /** Labels at the two ends, e.g. "полностью не удовлетворены" at `min`. */
  minLabel?: LocalizedText;
  maxLabel?: LocalizedText;
}

/** A condition on earlier answers, as data (never code: no eval, CSP-safe). */
export type Condition =
  | { op: 'answered'; question: Id; row?: Id }
  | { op: 'equals'; question: Id; row?: Id; value: string | number }
  | { op: 'in'; question: Id; row?: Id; values: (string | number)[] }
  | { op: 'gt' | 'gte' | 'lt' | 'lte'; question: Id; row?: Id; value: number }
  | { op: 'and'; all: Condition[] }
  | { op: 'or'; any: Condition[] }
  | { op: 'not'; cond: Condition };

interface QuestionBase {
  id: Id;
  title: LocalizedText;
  description?: LocalizedText;
  /** Must be answered when it is on the respondent's path. Default false. */
  required?: boolean;
  /** Asked only when this holds for the answers so far (earlier questions only). */
  showIf?: Condition;
  /** Jump after this question whatever the answer (option jumps take precedence). */
  goTo?: JumpTarget;
  /** Section id (see `Survey.sections`), for grouping on the one-page layout. */
  section?: Id;
  /**
   * The answer supplies this field of the response's context: `'object'` on «which service did
   * you receive». Only a single choice or a list without `multiple` may bind, at most one question
   * per field; the answer wins over an object fixed by the embed (docs/survey-format.md).
   */
  context?: ContextBinding;
}

/** Context fields an answer may supply. */
export type ContextBinding = 'object';

export interface SingleQuestion extends QuestionBase {
  type: 'single';
  options: ChoiceOption[];
  /** A "rather satisfied / rather not" question: the satisfied share is computed from `positive` options. */
  role?: 'satisfaction' | 'other';
}

export interface MultipleQuestion extends QuestionBase {
  type: 'multiple';
  options: ChoiceOption[];
  /** Fewest options to pick when answered (default 1). */
  min?: number;
  /** Most options to pick (default: all). */
  max?: number;
}

export interface ScaleQuestion extends QuestionBase, ScaleSpec {
  type: 'scale';
  /** Extra non-numeric choices shown beside the scale, e.g. «Затрудняюсь ответить». */
  extraOptions?: ChoiceOption[];
}

export interface MatrixRow {
  id: Id;
  text: LocalizedText;
  /** Row asked only when this holds (001 Q5→Q6: rate only the resources you used). */
  showIf?: Condition;
}

export interface MatrixQuestion extends QuestionBase {
  type: 'matrix';
  rows: MatrixRow[];
  scale: ScaleSpec;
  /** Extra non-numeric choices per row, e.g. «Не пользовался» (`notApplicable`). */
  extraOptions?: ChoiceOption[];
}

/**
 * Pick from a long list: either `options` in the survey, or a `catalog` the body supplies at run
 * time («СПИСОК УСЛУГ ПРЕДОСТАВЛЯЕТ ОРГАН ВЛАСТИ»). Rendered searchable.
 */
export interface ListQuestion extends QuestionBase {
  type: 'list';
  options?: ChoiceOption[];
  /** Name of a run-time catalogue (e.g. `services`, `municipalities`). */
  catalog?: string;
  /** Allow several entries ("Любое число ответов"). */
  multiple?: boolean;
}

export interface TextQuestion extends QuestionBase {
  type: 'text';
  /** Several lines (a textarea) rather than one. */
  multiline?: boolean;
  /** Default 2000 characters. */
  maxLength?: number;
}

/** Text shown on the path with nothing to answer. */
export interface StatementQuestion extends QuestionBase {
  type: 'statement';
}

export type Question =
  | SingleQuestion
  | MultipleQuestion
  | ScaleQuestion
  | MatrixQuestion
  | ListQuestion
  | TextQuestion
  | StatementQuestion;

export type QuestionType = Question['type'];

export interface Section {
  id: Id;
  title: LocalizedText;
}

/** Channels a response can arrive through (docs/orders.md: every order lists its channels). */
export const CHANNELS = [
  'site',
  'kiosk',
  'email',
  'sms',
  'qr',
  'paper',
  'intranet',
  'other',
] as const;
export type Channel = (typeof CHANNELS)[number];

export type RespondentKind = 'external' | 'internal';

/** An entry of a catalogue: a service, support measure, municipality… */
export interface CatalogEntry {
  id: Id;
  text: LocalizedText;
}

export interface Survey {
  /** JSON Schema reference for editors; ignored by the engine. */
  $schema?: string;
  id: Id;
  /** Positive integer; a response names the exact version it answered. */
  version: number;
  title: LocalizedText;
  description?: LocalizedText;
  /** Who answers it (default `external`). */
  respondent?: RespondentKind;
  questions: Question[];
  /**
   * Id of the headline question: a scale with role `satisfaction` rating the service itself
   * (001 Q3, 003 Q3). Its share of the top two points is the report's satisfaction level; matrix
   * rows (parameters, resources) are reported per row, never mixed into it. Without it, the first
   * scale question with role `satisfaction` is the headline.
   */
  headline?: Id;
  sections?: Section[];
  /** Catalogues shipped with the survey; a host may supply others at run time. */
  catalogs?: Record<string, CatalogEntry[]>;
  completion?: {
    title?: LocalizedText;
    text?: LocalizedText;
  };
}

/** Every response carries where it came from: the object, channel, touchpoint and respondent kind. */
export interface ResponseContext {
  /** The service / support measure / process from the body's catalogue. */
  object?: string;
  channel: Channel;
  /** Office, page or device the response came from. */
  touchpoint?: string;
  respondent: RespondentKind;
}

/**
 * An answer on the wire:
 * - single, list → option id (list with `multiple`: array of ids);
 * - multiple → array of option ids;
 * - scale → integer, or the id of one of its `extraOptions`;
 * - matrix → { rowId: integer | extra option id };
 * - text → string.
 * A `null` on the wire means "not answered", like an absent key; the validated response drops it.
 */
export type AnswerValue = string | number | string[] | Record<string, number | string>;

export type Answers = Record<Id, AnswerValue>;

/** Texts typed into options with `specify`: `{ questionId: { optionId: text } }`. */
export type SpecifyTexts = Record<Id, Record<Id, string>>;

/** The wire format of one response (docs/response-format.md). */
export interface SurveyResponse {
  /** Client-made UUID; the idempotency key. */
  responseId: string;
  surveyId: Id;
  surveyVersion: number;
  lang: Lang;
  answers: Answers;
  specify?: SpecifyTexts;
  context: ResponseContext;
  /**
   * When the respondent finished, by the device clock (ISO 8601). Optional: a queued response may
   * arrive days later, and the collector files it under this time when it is plausible.
   */
  answeredAt?: string;
}

/** One problem found in a survey or a response: where (JSON path) and why, in both languages. */
export interface Issue {
  path: (string | number)[];
  code: IssueCode;
  message: { ru: string; en: string };
}

export type IssueCode =
  | 'invalid_json'
  | 'invalid_type'
  | 'invalid_value'
  | 'missing'
  | 'too_long'
  | 'invalid_text'
  | 'unknown_key'
  | 'duplicate_id'
  | 'unknown_question'
  | 'unknown_option'
  | 'unknown_row'
  | 'unknown_target'
  | 'backward_jump'
  | 'forward_reference'
  | 'out_of_range'
  | 'required'
  | 'exclusive_conflict'
  | 'too_few'
  | 'too_many'
  | 'off_path'
  | 'wrong_survey'
  | 'wrong_version';

export type Result<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };
