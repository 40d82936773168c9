/**
 * SurveyJS JSON → an Otklik survey draft. Supported: radiogroup, checkbox (with other / none),
 * dropdown, tagbox, boolean, rating, matrix, comment, text and html, in pages and panels, with
 * `visibleIf` made of simple comparisons joined by and / or / not (on questions, matrix rows, panels
 * and pages). Everything else is listed by its JSON path with the reason — never dropped in
 * silence — and the draft goes through `parseSurvey` like any other before it is published.
 *
 * Texts: a SurveyJS localizable string is a string or `{ default, ru, en, … }`. `default` is
 * taken as Russian unless the survey's `locale` is `en` (Russian bodies write Russian forms).
 */
import type {
  ChoiceOption,
  Condition,
  Id,
  Issue,
  LocalizedText,
  MatrixRow,
  Question,
  Section,
  Survey,
} from '../types.js';
import {
  ExpressionError,
  parseExpression,
  type Expr,
  type Literal,
} from './surveyjs-expression.js';

export type JsonPath = (string | number)[];

/** Something of the SurveyJS form that the draft does not carry as it was, and why. */
export interface ImportNote {
  path: JsonPath;
  reason: { ru: string; en: string };
}

export interface SurveyJsImport {
  /** The draft: not yet checked, run it through `parseSurvey`. */
  survey: Survey;
  /** What was not imported, or not exactly, by JSON path in the SurveyJS input. */
  unsupported: ImportNote[];
}

export interface ImportOptions {
  /** Id of the new survey (default `imported`: SurveyJS has no id). */
  id?: string;
  version?: number;
}

type Obj = Record<string, unknown>;
type Msg = { ru: string; en: string };
const msg = (ru: string, en: string): Msg => ({ ru, en });
const isObj = (v: unknown): v is Obj => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Keys that only change how SurveyJS lays a question out: nothing of the data depends on them. */
const LAYOUT_KEYS = new Set([
  'startWithNewLine',
  'width',
  'minWidth',
  'maxWidth',
  'titleLocation',
  'descriptionLocation',
  'hideNumber',
  'indent',
  'colCount',
  'renderAs',
  'placeholder',
  'autoGrow',
  'allowResize',
  'displayMode',
  'rateType',
  'rateDisplayMode',
  'scaleColorMode',
  'rateColorMode',
  'alternateRows',
  'columnMinWidth',
  'rowTitleWidth',
  'showHeader',
  'verticalAlign',
  'questionTitleLocation',
  'state',
  'separateSpecialChoices',
  'showCommentArea',
  'inputSize',
  'size',
]);

/** Known SurveyJS features Otklik does not have, with why; other unknown keys get a generic reason. */
const KNOWN_UNSUPPORTED: Record<string, Msg> = {
  enableIf: msg(
    'условная блокировка вопроса не поддерживается',
    'conditional disabling is not supported',
  ),
  requiredIf: msg(
    'условная обязательность не поддерживается; вопрос импортирован без неё',
    'conditional required is not supported; imported without it',
  ),
  readOnly: msg(
    'вопросы только для чтения не поддерживаются',
    'read-only questions are not supported',
  ),
  defaultValue: msg(
    'ответы по умолчанию не поддерживаются: анонимный опрос не подсказывает ответ',
    'default answers are not supported: an anonymous survey does not suggest answers',
  ),
  validators: msg(
    'валидаторы SurveyJS не импортируются; ограничения задаются полями вопроса',
    'SurveyJS validators are not imported; limits are question fields here',
  ),
  correctAnswer: msg('викторины не поддерживаются', 'quizzes are not supported'),
  hasComment: msg(
    'поле комментария к вопросу не поддерживается; используйте вариант с уточнением',
    'a comment box on a question is not supported; use an option with its own text field',
  ),
  showCommentArea: msg(
    'поле комментария к вопросу не поддерживается',
    'a comment box on a question is not supported',
  ),
  hasSelectAll: msg('вариант «Выбрать все» не поддерживается', '"Select all" is not supported'),
  showSelectAllItem: msg(
    'вариант «Выбрать все» не поддерживается',
    '"Select all" is not supported',
  ),
  choicesOrder: msg(
    'перемешивание вариантов не поддерживается: порядок сохранён',
    'shuffling options is not supported: the order is kept',
  ),
  choicesFromQuestion: msg(
    'варианты из другого вопроса не поддерживаются',
    'options taken from another question are not supported',
  ),
  inputType: msg(
    'тип поля ввода не поддерживается: импортировано как обычный текст',
    'the input type is not supported: imported as plain text',
  ),
  triggers: msg('триггеры не поддерживаются', 'triggers are not supported'),
  calculatedValues: msg(
    'вычисляемые значения не поддерживаются',
    'calculated values are not supported',
  ),
  completedHtmlOnCondition: msg(
    'условные завершающие экраны не поддерживаются',
    'conditional completion pages are not supported',
  ),
  navigateToUrl: msg(
    'переход на адрес после опроса не поддерживается',
    'redirect after the survey is not supported',
  ),
};

/** A valid Otklik id from any SurveyJS name or value: letters, digits, `_ . -`, starting with a letter. */
function idFrom(raw: unknown, prefix: string): string {
  const s = String(raw)
    .normalize('NFKD')
    .replace(/[^A-Za-z0-9_.-]+/g, '_')
    .replace(/^_+|_+$/g, '');
  const id = /^[A-Za-z]/.test(s) ? s : `${prefix}${s}`;
  return id.slice(0, 64) || prefix;
}

/** Gives each raw key an id unique among `taken`. */
function unique(base: string, taken: Set<string>): string {
  let id = base;
  for (let n = 2; taken.has(id); n++) id = `${base.slice(0, 60)}_${n}`;
  taken.add(id);
  return id;
}

/** What conditions need to know of an imported question. */
interface Info {
  id: Id;
  index: number;
  type: Question['type'];
  /** SurveyJS value (as text) → option id. */
  values?: Map<string, Id>;
  /** SurveyJS row value → row id (matrices). */
  rows?: Map<string, Id>;
  /** SurveyJS column value → scale point (matrices whose columns were renumbered). */
  points?: Map<string, number>;
}

interface Pending {
  exprs: { src: string; path: JsonPath }[];
  set: (c: Condition) => void;
}

class Importer {
  readonly notes: ImportNote[] = [];
  readonly questions: Question[] = [];
  readonly sections: Section[] = [];
  readonly info = new Map<string, Info>();
  readonly pending: Pending[] = [];
  private readonly ids = new Set<string>();
  private readonly sectionIds = new Set<string>();

  constructor(private readonly defaultIsEnglish: boolean) {}

  note(path: JsonPath, reason: Msg): void {
    this.notes.push({ path, reason });
  }

  /** A SurveyJS localizable string as our text; undefined when absent. */
  text(v: unknown, path: JsonPath): LocalizedText | undefined {
    if (typeof v === 'string')
      return v.trim() ? (this.defaultIsEnglish ? this.english(v, path) : { ru: v }) : undefined;
    if (!isObj(v)) return undefined;
    const pick = (k: string) =>
      typeof v[k] === 'string' && (v[k] as string).trim() ? (v[k] as string) : undefined;
    const ru = pick('ru') ?? (this.defaultIsEnglish ? undefined : pick('default'));
    const en = pick('en') ?? (this.defaultIsEnglish ? pick('default') : undefined);
    for (const k of Object.keys(v)) {
      if (!['ru', 'en', 'default'].includes(k)) {
        this.note(
          [...path, k],
          msg(
            `язык «${k}» не поддерживается (только ru и en)`,
            `language "${k}" is not supported (ru and en only)`,
          ),
        );
      }
    }
    if (ru) return en ? { ru, en } : { ru };
    return en ? this.english(en, path) : undefined;
  }

  /** An English-only text: Russian is required, so the English stands in for it until translated. */
  private english(en: string, path: JsonPath): LocalizedText {
    this.note(
      path,
      msg(
        'нет текста на русском: подставлен английский, переведите его',
        'no Russian text: the English one stands in, translate it',
      ),
    );
    return { ru: en, en };
  }

  /** Notes every key of `o` that is neither handled nor layout-only. */
  rest(o: Obj, path: JsonPath, handled: readonly string[]): void {
    for (const k of Object.keys(o)) {
      if (handled.includes(k) || LAYOUT_KEYS.has(k)) continue;
      this.note(
        [...path, k],
        KNOWN_UNSUPPORTED[k] ??
          msg(
            `свойство «${k}» не поддерживается и не импортировано`,
            `property "${k}" is not supported and was not imported`,
          ),
      );
    }
  }

  section(page: Obj, path: JsonPath): Id | undefined {
    const title = this.text(page['title'], [...path, 'title']);
    if (!title) return undefined;
    const id = unique(idFrom(page['name'] ?? `page${path.at(-1)}`, 'page'), this.sectionIds);
    this.sections.push({ id, title });
    return id;
  }

  /** Options from `choices`; returns them with the value → id map. */
  choices(raw: unknown, path: JsonPath): { options: ChoiceOption[]; values: Map<string, Id> } {
    const options: ChoiceOption[] = [];
    const values = new Map<string, Id>();
    const taken = new Set<string>();
    if (raw !== undefined && !Array.isArray(raw)) {
      this.note(path, msg('варианты должны быть списком', 'choices must be a list'));
      return { options, values };
    }
    (raw ?? []).forEach((c: unknown, i: number) => {
      const p = [...path, i];
      const value = isObj(c) ? c['value'] : c;
      if (value === undefined || value === null || isObj(value) || Array.isArray(value)) {
        this.note(p, msg('у варианта нет значения', 'the choice has no value'));
        return;
      }
      if (isObj(c)) this.rest(c, p, ['value', 'text']);
      const id = unique(idFrom(value, 'v'), taken);
      values.set(String(value), id);
      const text = (isObj(c) ? this.text(c['text'], [...p, 'text']) : undefined) ?? {
        ru: String(value),
      };
      options.push({ id, text });
    });
    return { options, values };
  }

  /** The «Другое (укажите)» and «Ничего из перечисленного» items SurveyJS adds by flags. */
  special(
    el: Obj,
    path: JsonPath,
    into: { options: ChoiceOption[]; values: Map<string, Id> },
    multiple: boolean,
  ): void {
    const taken = new Set(into.options.map((o) => o.id));
    if (el['hasNone'] === true || el['showNoneItem'] === true) {
      const id = unique('none', taken);
      into.values.set('none', id);
      into.options.push({
        id,
        text: this.text(el['noneText'], [...path, 'noneText']) ?? {
          ru: 'Ничего из перечисленного',
          en: 'None of these',
        },
        ...(multiple ? { exclusive: true } : {}),
      });
    }
    if (el['hasOther'] === true || el['showOtherItem'] === true) {
      const id = unique('other', taken);
      into.values.set('other', id);
      into.options.push({
        id,
        text: this.text(el['otherText'], [...path, 'otherText']) ?? {
          ru: 'Другое (укажите)',
          en: 'Other (please specify)',
        },
        specify: el['isOtherRequired'] === false ? {} : { required: true },
      });
    }
  }

  /** Walks a page's or panel's elements; `conds` are the containers' visibleIf, to AND in. */
  elements(list: unknown, path: JsonPath, section: Id | undefined, conds: Pending['exprs']): void {
    if (!Array.isArray(list)) return;
    list.forEach((el: unknown, i: number) => {
      const p = [...path, i];
      if (!isObj(el))
        return this.note(p, msg('элемент не является объектом', 'the element is not an object'));
      const type = el['type'];
      if (type === 'panel') {
        const own =
          typeof el['visibleIf'] === 'string'
            ? [{ src: el['visibleIf'], path: [...p, 'visibleIf'] }]
            : [];
        if (el['title'] !== undefined) {
          this.note(
            [...p, 'title'],
            msg(
              'заголовок панели не сохраняется: вопросы панели идут подряд',
              'the panel title is not kept: its questions follow one another',
            ),
          );
        }
        this.rest(el, p, ['type', 'name', 'title', 'elements', 'visibleIf', 'description']);
        return this.elements(el['elements'], [...p, 'elements'], section, [...conds, ...own]);
      }
      this.question(el, p, section, conds);
    });
  }

  question(el: Obj, path: JsonPath, section: Id | undefined, conds: Pending['exprs']): void {
    const type = String(el['type']);
    const name = el['name'] ?? `question${this.questions.length + 1}`;
    const id = unique(idFrom(name, 'q'), this.ids);
    const title = this.text(el['title'], [...path, 'title']) ?? { ru: String(name) };
    const description = this.text(el['description'], [...path, 'description']);
    const base = {
      id,
      title,
      ...(description ? { description } : {}),
      ...(el['isRequired'] === true ? { required: true } : {}),
      ...(section ? { section } : {}),
    };
    const common = ['type', 'name', 'title', 'description', 'isRequired', 'visibleIf'];
    const info: Info = { id, index: this.questions.length, type: 'statement' };
    let q: Question;
    switch (type) {
      case 'radiogroup':
      case 'dropdown':
      case 'tagbox':
      case 'checkbox': {
        const c = this.choices(el['choices'], [...path, 'choices']);
        const many = type === 'checkbox' || type === 'tagbox';
        this.special(el, path, c, many);
        info.values = c.values;
        const handled = [
          ...common,
          'choices',
          'hasOther',
          'showOtherItem',
          'otherText',
          'isOtherRequired',
          'hasNone',
          'showNoneItem',
          'noneText',
        ];
        if (type === 'checkbox') {
          const min = el['minSelectedChoices'];
          const max = el['maxSelectedChoices'];
          q = {
            ...base,
            type: 'multiple',
            options: c.options,
            ...(typeof min === 'number' && min > 0 ? { min } : {}),
            ...(typeof max === 'number' && max > 0 ? { max } : {}),
          };
          handled.push('minSelectedChoices', 'maxSelectedChoices');
        } else if (type === 'radiogroup') {
          q = { ...base, type: 'single', options: c.options };
        } else if (el['choicesByUrl'] !== undefined && c.options.length === 0) {
          // A list fed from a server is a run-time catalogue here: the body publishes it on the collector.
          q = { ...base, type: 'list', catalog: id, ...(many ? { multiple: true } : {}) };
          this.note(
            [...path, 'choicesByUrl'],
            msg(
              `варианты с сервера: опубликуйте справочник «${id}» в коллекторе`,
              `choices from a server: publish catalogue "${id}" on the collector`,
            ),
          );
          handled.push('choicesByUrl');
        } else {
          q = { ...base, type: 'list', options: c.options, ...(many ? { multiple: true } : {}) };
        }
        info.type = q.type;
        this.rest(el, path, handled);
        break;
      }
      case 'boolean': {
        const yes = this.text(el['labelTrue'], [...path, 'labelTrue']) ?? { ru: 'Да', en: 'Yes' };
        const no = this.text(el['labelFalse'], [...path, 'labelFalse']) ?? { ru: 'Нет', en: 'No' };
        info.values = new Map([
          ['true', 'yes'],
          ['false', 'no'],
        ]);
        q = {
          ...base,
          type: 'single',
          options: [
            { id: 'yes', text: yes },
            { id: 'no', text: no },
          ],
        };
        info.type = 'single';
        this.rest(el, path, [...common, 'labelTrue', 'labelFalse']);
        break;
      }
      case 'rating': {
        const r = this.ratingRange(el, path);
        q = {
          ...base,
          type: 'scale',
          min: r.min,
          max: r.max,
          ...this.labels(el, path),
        };
        info.type = 'scale';
        this.rest(el, path, [
          ...common,
          'rateMin',
          'rateMax',
          'rateStep',
          'rateCount',
          'rateValues',
          'minRateDescription',
          'maxRateDescription',
        ]);
        break;
      }
      case 'matrix': {
        const m = this.matrix(el, path, base, info);
        q = m;
        info.type = 'matrix';
        this.rest(el, path, [...common, 'rows', 'columns', 'isAllRowRequired']);
        break;
      }
      case 'comment':
      case 'text': {
        const max = el['maxLength'];
        q = {
          ...base,
          type: 'text',
          ...(type === 'comment' ? { multiline: true } : {}),
          ...(typeof max === 'number' && max > 0 ? { maxLength: max } : {}),
        };
        info.type = 'text';
        const handled = [...common, 'maxLength', 'rows'];
        if (type === 'text' && (el['inputType'] === undefined || el['inputType'] === 'text'))
          handled.push('inputType');
        this.rest(el, path, handled);
        break;
      }
      case 'html': {
        const html = this.text(el['html'], [...path, 'html']);
        const plain = (s: string) =>
          s
            .replace(/<[^>]*>/g, ' ')
            .replace(/\s+/g, ' ')
            .trim();
        q = {
          ...base,
          type: 'statement',
          title: html
            ? { ru: plain(html.ru) || String(name), ...(html.en ? { en: plain(html.en) } : {}) }
            : title,
        };
        if (html && /<[^>]*>/.test(html.ru)) {
          this.note(
            [...path, 'html'],
            msg(
              'разметка HTML убрана: пояснение показывается как текст',
              'HTML markup removed: the statement is shown as text',
            ),
          );
        }
        this.rest(el, path, [...common, 'html']);
        break;
      }
      default:
        this.ids.delete(id);
        return this.note(
          path,
          msg(
            `вид вопроса «${type}» не поддерживается; вопрос не импортирован`,
            `question type "${type}" is not supported; the question was not imported`,
          ),
        );
    }
    const own =
      typeof el['visibleIf'] === 'string'
        ? [{ src: el['visibleIf'], path: [...path, 'visibleIf'] }]
        : [];
    const exprs = [...conds, ...own];
    const index = this.questions.length;
    this.questions.push(q);
    this.info.set(String(name), info);
    if (exprs.length) {
      this.pending.push({
        exprs,
        set: (c) => {
          this.questions[index] = { ...this.questions[index]!, showIf: c };
        },
      });
    }
  }

  private ratingRange(el: Obj, path: JsonPath): { min: number; max: number } {
    const values = el['rateValues'];
    if (Array.isArray(values) && values.length > 0) {
      const nums = values.map((v: unknown) => Number(isObj(v) ? v['value'] : v));
      const consecutive = nums.every(
        (n, i) => Number.isInteger(n) && (i === 0 || n === nums[i - 1]! + 1),
      );
      if (consecutive) return { min: nums[0]!, max: nums.at(-1)! };
      this.note(
        [...path, 'rateValues'],
        msg(
          'шкала не из подряд идущих целых чисел: взят диапазон 1…5',
          'the scale is not consecutive integers: 1…5 used',
        ),
      );
      return { min: 1, max: 5 };
    }
    const step = el['rateStep'];
    if (step !== undefined && step !== 1) {
      this.note(
        [...path, 'rateStep'],
        msg(
          'шаг шкалы, отличный от 1, не поддерживается: шаг 1',
          'a scale step other than 1 is not supported: step 1 used',
        ),
      );
    }
    const min = typeof el['rateMin'] === 'number' ? el['rateMin'] : 1;
    const count = el['rateCount'];
    const max =
      typeof el['rateMax'] === 'number'
        ? el['rateMax']
        : typeof count === 'number'
          ? min + count - 1
          : 5;
    return { min, max };
  }

  private labels(el: Obj, path: JsonPath): { minLabel?: LocalizedText; maxLabel?: LocalizedText } {
    const minLabel = this.text(el['minRateDescription'], [...path, 'minRateDescription']);
    const maxLabel = this.text(el['maxRateDescription'], [...path, 'maxRateDescription']);
    return { ...(minLabel ? { minLabel } : {}), ...(maxLabel ? { maxLabel } : {}) };
  }

  private matrix(
    el: Obj,
    path: JsonPath,
    base: Omit<MatrixRowQuestion, 'type' | 'rows' | 'scale'>,
    info: Info,
  ): Question {
    const cols = Array.isArray(el['columns']) ? (el['columns'] as unknown[]) : [];
    const colValue = (c: unknown) => (isObj(c) ? c['value'] : c);
    const colText = (c: unknown, i: number) =>
      (isObj(c) ? this.text(c['text'], [...path, 'columns', i, 'text']) : undefined) ?? {
        ru: String(colValue(c)),
      };
    const nums = cols.map((c) => Number(colValue(c)));
    const step = (d: number) =>
      cols.length >= 2 &&
      nums.every((n, i) => Number.isInteger(n) && (i === 0 || n === nums[i - 1]! + d));
    // Columns 5…1 are the seeds' printed order: the same scale, shown highest first.
    const desc = !step(1) && step(-1);
    let min = 1;
    let max = Math.max(cols.length, 2);
    if (step(1) || desc) {
      min = Math.min(nums[0]!, nums.at(-1)!);
      max = Math.max(nums[0]!, nums.at(-1)!);
    } else {
      info.points = new Map(cols.map((c, i) => [String(colValue(c)), i + 1]));
      this.note(
        [...path, 'columns'],
        msg(
          `столбцы не из подряд идущих чисел: ответы хранятся как баллы 1…${cols.length} по порядку столбцов`,
          `the columns are not consecutive numbers: answers are stored as points 1…${cols.length} in column order`,
        ),
      );
    }
    if (cols.length > 2) {
      this.note(
        [...path, 'columns'],
        msg(
          'подписи промежуточных столбцов не сохраняются: подписаны только крайние точки шкалы',
          'labels of the middle columns are not kept: only the ends of the scale are labelled',
        ),
      );
    }
    const taken = new Set<string>();
    info.rows = new Map();
    const rows: MatrixRow[] = [];
    const rowPending: Pending[] = [];
    (Array.isArray(el['rows']) ? (el['rows'] as unknown[]) : []).forEach((r, i) => {
      const p = [...path, 'rows', i];
      const value = isObj(r) ? r['value'] : r;
      const id = unique(idFrom(value, 'r'), taken);
      info.rows!.set(String(value), id);
      const text = (isObj(r) ? this.text(r['text'], [...p, 'text']) : undefined) ?? {
        ru: String(value),
      };
      rows.push({ id, text });
      if (isObj(r)) {
        this.rest(r, p, ['value', 'text', 'visibleIf']);
        if (typeof r['visibleIf'] === 'string') {
          const k = rows.length - 1;
          rowPending.push({
            exprs: [{ src: r['visibleIf'], path: [...p, 'visibleIf'] }],
            set: (c) => {
              rows[k] = { ...rows[k]!, showIf: c };
            },
          });
        }
      }
    });
    this.pending.push(...rowPending);
    const [lo, hi] = desc ? [cols.length - 1, 0] : [0, cols.length - 1];
    const minLabel = cols.length ? colText(cols[lo], lo) : undefined;
    const maxLabel = cols.length ? colText(cols[hi], hi) : undefined;
    return {
      ...base,
      ...(el['isAllRowRequired'] === true ? { required: true } : {}),
      type: 'matrix',
      rows,
      scale: {
        min,
        max,
        ...(desc ? { order: 'desc' as const } : {}),
        ...(minLabel ? { minLabel } : {}),
        ...(maxLabel ? { maxLabel } : {}),
      },
    };
  }

  /** Turns every collected `visibleIf` into a condition, now that every question is known. */
  resolve(): void {
    for (const p of this.pending) {
      const parts: Condition[] = [];
      for (const { src, path } of p.exprs) {
        try {
          parts.push(this.condition(parseExpression(src)));
        } catch (e) {
          if (!(e instanceof ExpressionError)) throw e;
          this.note(
            path,
            msg(
              `условие не импортировано (${e.ru}): вопрос показывается всегда`,
              `condition not imported (${e.en}): the question is always shown`,
            ),
          );
        }
      }
      if (parts.length) p.set(parts.length === 1 ? parts[0]! : { op: 'and', all: parts });
    }
  }

  private condition(e: Expr): Condition {
    switch (e.kind) {
      case 'and':
        return { op: 'and', all: e.parts.map((x) => this.condition(x)) };
      case 'or':
        return { op: 'or', any: e.parts.map((x) => this.condition(x)) };
      case 'not':
        return { op: 'not', cond: this.condition(e.expr) };
    }
    // `{matrix.row}` names a row; a question name may itself contain a dot, so try it whole first.
    let info = this.info.get(e.name);
    let row: Id | undefined;
    if (!info && e.name.includes('.')) {
      const dot = e.name.lastIndexOf('.');
      info = this.info.get(e.name.slice(0, dot));
      row = info?.rows?.get(e.name.slice(dot + 1));
      if (info && !row) throw new ExpressionError(`нет строки «${e.name}»`, `no row "${e.name}"`);
    }
    if (!info) throw new ExpressionError(`нет вопроса «${e.name}»`, `no question "${e.name}"`);
    const ref = { question: info.id, ...(row ? { row } : {}) };
    const value = (v: Literal): string | number => {
      if (info.values) {
        const id = info.values.get(String(v));
        if (id === undefined)
          throw new ExpressionError(
            `у вопроса «${e.name}» нет варианта «${String(v)}»`,
            `question "${e.name}" has no choice "${String(v)}"`,
          );
        return id;
      }
      if (info.points) {
        const n = info.points.get(String(v));
        if (n === undefined)
          throw new ExpressionError(
            `у матрицы «${e.name}» нет столбца «${String(v)}»`,
            `matrix "${e.name}" has no column "${String(v)}"`,
          );
        return n;
      }
      if (info.type === 'scale' || info.type === 'matrix') {
        const n = Number(v);
        if (!Number.isFinite(n))
          throw new ExpressionError(
            `шкала «${e.name}» сравнивается не с числом`,
            `scale "${e.name}" compared with a non-number`,
          );
        return n;
      }
      return typeof v === 'boolean' ? String(v) : v;
    };
    const list = (v: Literal | Literal[] | undefined): Literal[] =>
      Array.isArray(v) ? v : v === undefined ? [] : [v];
    const one = (v: Literal | Literal[] | undefined): Literal => {
      if (v === undefined || Array.isArray(v))
        throw new ExpressionError('ожидается одно значение', 'one value expected');
      return v;
    };
    switch (e.op) {
      case 'empty':
        return { op: 'not', cond: { op: 'answered', ...ref } };
      case 'notempty':
        return { op: 'answered', ...ref };
      case 'eq':
      case 'contains':
        return { op: 'equals', ...ref, value: value(one(e.value)) };
      case 'ne':
      case 'notcontains':
        return { op: 'not', cond: { op: 'equals', ...ref, value: value(one(e.value)) } };
      case 'anyof':
        return { op: 'in', ...ref, values: list(e.value).map(value) };
      case 'noneof':
        return { op: 'not', cond: { op: 'in', ...ref, values: list(e.value).map(value) } };
      case 'allof':
        return {
          op: 'and',
          all: list(e.value).map((v) => ({ op: 'equals', ...ref, value: value(v) })),
        };
      default: {
        const n = value(one(e.value));
        if (typeof n !== 'number')
          throw new ExpressionError(
            `«${e.name}» сравнивается по величине не с числом`,
            `"${e.name}" compared by size with a non-number`,
          );
        return { op: e.op, ...ref, value: n };
      }
    }
  }
}

type MatrixRowQuestion = Extract<Question, { type: 'matrix' }>;

/**
 * Imports a SurveyJS survey (its JSON text or the parsed value). Returns the draft and the list of
 * what was not imported, or an issue when the input is not a SurveyJS survey at all.
 *
 * @example
 * const r = importSurveyJs(text, { id: 'belgorod' });
 * if (r.ok) { const checked = parseSurvey(r.value.survey); show(r.value.unsupported); }
 */
export function importSurveyJs(
  input: unknown,
  opts: ImportOptions = {},
): { ok: true; value: SurveyJsImport } | { ok: false; issues: Issue[] } {
  let json = input;
  if (typeof input === 'string') {
    try {
      json = JSON.parse(input);
    } catch (e) {
      const m = (e as Error).message;
      return {
        ok: false,
        issues: [
          {
            path: [],
            code: 'invalid_json',
            message: { ru: `Некорректный JSON: ${m}`, en: `Invalid JSON: ${m}` },
          },
        ],
      };
    }
  }
  if (
    !isObj(json) ||
    !(
      Array.isArray(json['pages']) ||
      Array.isArray(json['elements']) ||
      Array.isArray(json['questions'])
    )
  ) {
    return {
      ok: false,
      issues: [
        {
          path: [],
          code: 'invalid_type',
          message: {
            ru: 'Это не опрос SurveyJS: ожидается объект с полем pages (или elements)',
            en: 'Not a SurveyJS survey: an object with pages (or elements) is expected',
          },
        },
      ],
    };
  }
  const im = new Importer(json['locale'] === 'en');
  if (json['locale'] !== undefined && json['locale'] !== 'ru' && json['locale'] !== 'en') {
    im.note(
      ['locale'],
      msg(
        `язык «${String(json['locale'])}» не поддерживается: тексты взяты как русские`,
        `locale "${String(json['locale'])}" is not supported: texts taken as Russian`,
      ),
    );
  }
  const pages: unknown[] = Array.isArray(json['pages'])
    ? json['pages']
    : [{ elements: json['elements'] ?? json['questions'] }];
  const rootKey = Array.isArray(json['pages'])
    ? 'pages'
    : Array.isArray(json['elements'])
      ? 'elements'
      : 'questions';
  pages.forEach((page, i) => {
    const p: JsonPath = rootKey === 'pages' ? ['pages', i] : [];
    if (!isObj(page))
      return im.note(p, msg('страница не является объектом', 'the page is not an object'));
    const section = rootKey === 'pages' ? im.section(page, p) : undefined;
    const conds =
      typeof page['visibleIf'] === 'string'
        ? [{ src: page['visibleIf'], path: [...p, 'visibleIf'] }]
        : [];
    if (rootKey === 'pages')
      im.rest(page, p, ['name', 'title', 'description', 'elements', 'questions', 'visibleIf']);
    if (rootKey === 'pages' && page['description'] !== undefined) {
      im.note(
        [...p, 'description'],
        msg('описание страницы не сохраняется', 'the page description is not kept'),
      );
    }
    const key = Array.isArray(page['elements']) ? 'elements' : 'questions';
    im.elements(page[key], rootKey === 'pages' ? [...p, key] : [rootKey], section, conds);
  });
  im.resolve();
  const title = im.text(json['title'], ['title']) ?? {
    ru: 'Импортированный опрос',
    en: 'Imported survey',
  };
  const description = im.text(json['description'], ['description']);
  const done = im.text(json['completedHtml'], ['completedHtml']);
  im.rest(
    json,
    [],
    [
      'title',
      'description',
      'pages',
      'elements',
      'questions',
      'locale',
      'completedHtml',
      // Presentation of the whole survey: the widget has its own.
      'showProgressBar',
      'progressBarType',
      'showQuestionNumbers',
      'questionsOnPageMode',
      'showTitle',
      'showPageTitles',
      'questionTitleLocation',
      'widthMode',
      'logoPosition',
      'showCompletedPage',
      'completeText',
      'pageNextText',
      'pagePrevText',
      'checkErrorsMode',
      'textUpdateMode',
      'focusFirstQuestionAutomatic',
      'showPrevButton',
      'firstPageIsStarted',
      'startSurveyText',
      'headerView',
    ],
  );
  const strip = (s: string) =>
    s
      .replace(/<[^>]*>/g, ' ')
      .replace(/\s+/g, ' ')
      .trim();
  if (done && /<[^>]*>/.test(done.ru)) {
    im.note(
      ['completedHtml'],
      msg(
        'разметка HTML убрана: завершающий экран показывает текст',
        'HTML markup removed: the completion screen shows the text',
      ),
    );
  }
  const survey: Survey = {
    id: opts.id ?? 'imported',
    version: opts.version ?? 1,
    title,
    ...(description ? { description } : {}),
    questions: im.questions,
    ...(im.sections.length ? { sections: im.sections } : {}),
    ...(done && strip(done.ru)
      ? { completion: { text: { ru: strip(done.ru), ...(done.en ? { en: strip(done.en) } : {}) } } }
      : {}),
  };
  return { ok: true, value: { survey, unsupported: im.notes } };
}
