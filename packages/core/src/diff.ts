/**
 * What changed between two versions of a survey, said the way an editor reads it, and which of the
 * changes make the new version's figures incomparable with earlier periods' (the orders compare a
 * body's figures period by period, so a reworded option or a shorter scale must be seen before it
 * is published). Pure: no DOM, no Node.
 */
import type {
  ChoiceOption,
  Condition,
  Id,
  LocalizedText,
  MatrixRow,
  Question,
  ScaleSpec,
  Survey,
} from './types.js';
import { optionsKey, optionsOf, scaleOf } from './engine/kinds.js';
import { headlineQuestion } from './scoring/accumulator.js';

export type ChangeCode =
  | 'survey_text_changed'
  | 'headline_changed'
  | 'question_added'
  | 'question_removed'
  | 'question_moved'
  | 'kind_changed'
  | 'text_changed'
  | 'required_changed'
  | 'option_added'
  | 'option_removed'
  | 'option_text_changed'
  | 'option_meaning_changed'
  | 'row_added'
  | 'row_removed'
  | 'row_text_changed'
  | 'scale_range_changed'
  | 'scale_order_changed'
  | 'scale_role_changed'
  | 'logic_changed';

/** One change, with where it is (a JSON path in the version it exists in) and what it means. */
export interface SurveyChange {
  code: ChangeCode;
  /** Path in `next`, or in `previous` for what was removed. */
  path: (string | number)[];
  /** The question concerned, when there is one. */
  question?: Id;
  message: { ru: string; en: string };
  /** Set when figures of this version cannot be compared with earlier periods': why, in both languages. */
  breaksComparability?: { ru: string; en: string };
}

export interface SurveyDiff {
  changes: SurveyChange[];
  /** The changes that break comparability with earlier periods (a subset of `changes`). */
  breaksComparability: SurveyChange[];
}

type Msg = { ru: string; en: string };
const m = (ru: string, en: string): Msg => ({ ru, en });

/** A text for a message: «…» in Russian, "…" in English, cut to keep messages readable. */
const quote = (t: LocalizedText | undefined): Msg => {
  const cut = (s: string) => (s.length > 80 ? `${s.slice(0, 79)}…` : s);
  return m(`«${cut(t?.ru ?? '')}»`, `"${cut(t?.en ?? t?.ru ?? '')}"`);
};

/** JSON with keys sorted, so that logic written in another key order compares equal. */
function stable(v: unknown): string {
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    return `{${Object.keys(o)
      .filter((k) => o[k] !== undefined)
      .sort()
      .map((k) => `${JSON.stringify(k)}:${stable(o[k])}`)
      .join(',')}}`;
  }
  return JSON.stringify(v);
}

const sameText = (a: LocalizedText | undefined, b: LocalizedText | undefined): boolean =>
  (a?.ru ?? '') === (b?.ru ?? '') && (a?.en ?? '') === (b?.en ?? '');

/** Which languages of a text differ: a change in Russian may change the meaning. */
const changedLangs = (a: LocalizedText | undefined, b: LocalizedText | undefined) => ({
  ru: (a?.ru ?? '') !== (b?.ru ?? ''),
  en: (a?.en ?? '') !== (b?.en ?? ''),
});

/** Ids present in both lists whose relative order changed (not on a longest common subsequence). */
function moved(before: Id[], after: Id[]): Set<Id> {
  const common = new Set(before.filter((id) => after.includes(id)));
  const a = before.filter((id) => common.has(id));
  const b = after.filter((id) => common.has(id));
  const n = a.length;
  const lcs: number[][] = Array.from({ length: n + 1 }, () => new Array<number>(n + 1).fill(0));
  for (let i = n - 1; i >= 0; i--)
    for (let j = n - 1; j >= 0; j--)
      lcs[i]![j] =
        a[i] === b[j] ? lcs[i + 1]![j + 1]! + 1 : Math.max(lcs[i + 1]![j]!, lcs[i]![j + 1]!);
  const kept = new Set<Id>();
  for (let i = 0, j = 0; i < n && j < n;) {
    if (a[i] === b[j]) {
      kept.add(a[i]!);
      i++;
      j++;
    } else if (lcs[i + 1]![j]! >= lcs[i]![j + 1]!) i++;
    else j++;
  }
  return new Set(a.filter((id) => !kept.has(id)));
}

const KIND_NAMES: Record<Question['type'], Msg> = {
  single: m('один ответ', 'single choice'),
  multiple: m('несколько ответов', 'multiple choice'),
  scale: m('шкала', 'scale'),
  matrix: m('матрица', 'matrix'),
  list: m('список', 'list'),
  text: m('текст', 'text'),
  statement: m('пояснение', 'statement'),
};

/** How an answer is stored: a change here makes old and new answers different things. */
function answerShape(q: Question): string {
  if (q.type === 'list') return q.multiple ? 'list-many' : 'list-one';
  return q.type;
}

/** The option's flags that decide the figures (excluded from levels, satisfied share, problems). */
const meaning = (o: ChoiceOption): string =>
  stable({ kind: o.kind, positive: o.positive, problem: o.problem, exclusive: o.exclusive });

function scaleText(s: ScaleSpec): string {
  return `${s.min}…${s.max}`;
}

class Collector {
  readonly changes: SurveyChange[] = [];
  add(c: SurveyChange): void {
    this.changes.push(c);
  }
}

function diffOptions(
  out: Collector,
  qid: Id,
  base: (string | number)[],
  before: readonly ChoiceOption[],
  after: readonly ChoiceOption[],
  prevBase: (string | number)[],
): void {
  const prev = new Map(before.map((o, i) => [o.id, { o, i }]));
  const next = new Map(after.map((o, i) => [o.id, { o, i }]));
  for (const [id, { o, i }] of prev) {
    if (next.has(id)) continue;
    const t = quote(o.text);
    out.add({
      code: 'option_removed',
      path: [...prevBase, i],
      question: qid,
      message: m(
        `Вопрос ${qid}: удалён вариант ${id} ${t.ru}`,
        `Question ${qid}: option ${id} ${t.en} removed`,
      ),
      breaksComparability: m(
        `Доля ответов по остальным вариантам вопроса ${qid} изменится: прошлые периоды включали вариант ${t.ru}`,
        `The shares of the other options of ${qid} change: earlier periods offered ${t.en}`,
      ),
    });
  }
  for (const [id, { o, i }] of next) {
    const was = prev.get(id);
    const t = quote(o.text);
    if (!was) {
      out.add({
        code: 'option_added',
        path: [...base, i],
        question: qid,
        message: m(
          `Вопрос ${qid}: добавлен вариант ${id} ${t.ru}`,
          `Question ${qid}: option ${id} ${t.en} added`,
        ),
      });
      continue;
    }
    const langs = changedLangs(was.o.text, o.text);
    if (langs.ru || langs.en) {
      const old = quote(was.o.text);
      out.add({
        code: 'option_text_changed',
        path: [...base, i, 'text'],
        question: qid,
        message: m(
          `Вопрос ${qid}: вариант ${id} ${old.ru} → ${t.ru}`,
          `Question ${qid}: option ${id} ${old.en} → ${t.en}`,
        ),
        // The Russian wording is what respondents answered; a new English translation changes nothing.
        ...(langs.ru
          ? {
              breaksComparability: m(
                `Смысл варианта ${id} вопроса ${qid} мог измениться: ответы до и после несопоставимы`,
                `The meaning of option ${id} of ${qid} may have changed: answers before and after are not comparable`,
              ),
            }
          : {}),
      });
    }
    if (meaning(was.o) !== meaning(o)) {
      out.add({
        code: 'option_meaning_changed',
        path: [...base, i],
        question: qid,
        message: m(
          `Вопрос ${qid}: у варианта ${id} изменился учёт в показателях (kind, positive, problem, exclusive)`,
          `Question ${qid}: option ${id} now counts differently in the figures (kind, positive, problem, exclusive)`,
        ),
        breaksComparability: m(
          `Показатели по вопросу ${qid} считаются иначе, чем в прошлых периодах`,
          `Figures of ${qid} are computed differently from earlier periods`,
        ),
      });
    }
    if (stable(was.o.goTo) !== stable(o.goTo)) {
      out.add({
        code: 'logic_changed',
        path: [...base, i, 'goTo'],
        question: qid,
        message: m(
          `Вопрос ${qid}: изменён переход после варианта ${id} (${was.o.goTo ?? '—'} → ${o.goTo ?? '—'})`,
          `Question ${qid}: jump after option ${id} changed (${was.o.goTo ?? '—'} → ${o.goTo ?? '—'})`,
        ),
      });
    }
  }
}

function diffRows(
  out: Collector,
  qid: Id,
  pi: number,
  ni: number,
  before: MatrixRow[],
  after: MatrixRow[],
): void {
  const prev = new Map(before.map((r, i) => [r.id, { r, i }]));
  const next = new Map(after.map((r, i) => [r.id, { r, i }]));
  for (const [id, { r, i }] of prev) {
    if (next.has(id)) continue;
    const t = quote(r.text);
    out.add({
      code: 'row_removed',
      path: ['questions', pi, 'rows', i],
      question: qid,
      message: m(
        `Вопрос ${qid}: удалена строка ${id} ${t.ru}`,
        `Question ${qid}: row ${id} ${t.en} removed`,
      ),
      breaksComparability: m(
        `Строка ${id} вопроса ${qid} больше не оценивается: ряд по ней прерывается`,
        `Row ${id} of ${qid} is no longer rated: its series stops`,
      ),
    });
  }
  for (const [id, { r, i }] of next) {
    const was = prev.get(id);
    const t = quote(r.text);
    if (!was) {
      out.add({
        code: 'row_added',
        path: ['questions', ni, 'rows', i],
        question: qid,
        message: m(
          `Вопрос ${qid}: добавлена строка ${id} ${t.ru}`,
          `Question ${qid}: row ${id} ${t.en} added`,
        ),
      });
      continue;
    }
    const langs = changedLangs(was.r.text, r.text);
    if (langs.ru || langs.en) {
      const old = quote(was.r.text);
      out.add({
        code: 'row_text_changed',
        path: ['questions', ni, 'rows', i, 'text'],
        question: qid,
        message: m(
          `Вопрос ${qid}: строка ${id} ${old.ru} → ${t.ru}`,
          `Question ${qid}: row ${id} ${old.en} → ${t.en}`,
        ),
        ...(langs.ru
          ? {
              breaksComparability: m(
                `Смысл строки ${id} вопроса ${qid} мог измениться: оценки до и после несопоставимы`,
                `The meaning of row ${id} of ${qid} may have changed: ratings before and after are not comparable`,
              ),
            }
          : {}),
      });
    }
    if (stable(was.r.showIf) !== stable(r.showIf)) {
      out.add({
        code: 'logic_changed',
        path: ['questions', ni, 'rows', i, 'showIf'],
        question: qid,
        message: m(
          `Вопрос ${qid}: изменено условие показа строки ${id}`,
          `Question ${qid}: the condition showing row ${id} changed`,
        ),
      });
    }
  }
}

function diffScale(
  out: Collector,
  qid: Id,
  path: (string | number)[],
  a: ScaleSpec,
  b: ScaleSpec,
): void {
  if (a.min !== b.min || a.max !== b.max) {
    out.add({
      code: 'scale_range_changed',
      path: [...path, 'max'],
      question: qid,
      message: m(
        `Вопрос ${qid}: шкала ${scaleText(a)} → ${scaleText(b)}`,
        `Question ${qid}: scale ${scaleText(a)} → ${scaleText(b)}`,
      ),
      breaksComparability: m(
        `Оценки вопроса ${qid} по шкале ${scaleText(b)} несопоставимы с прошлыми (${scaleText(a)})`,
        `Ratings of ${qid} on ${scaleText(b)} are not comparable with earlier ones (${scaleText(a)})`,
      ),
    });
  }
  if ((a.order ?? 'asc') !== (b.order ?? 'asc')) {
    out.add({
      code: 'scale_order_changed',
      path: [...path, 'order'],
      question: qid,
      message: m(
        `Вопрос ${qid}: порядок шкалы ${a.order ?? 'asc'} → ${b.order ?? 'asc'} (хранимые значения не меняются)`,
        `Question ${qid}: scale order ${a.order ?? 'asc'} → ${b.order ?? 'asc'} (stored values do not change)`,
      ),
    });
  }
  if ((a.role ?? 'other') !== (b.role ?? 'other')) {
    out.add({
      code: 'scale_role_changed',
      path: [...path, 'role'],
      question: qid,
      message: m(
        `Вопрос ${qid}: роль шкалы ${a.role ?? 'other'} → ${b.role ?? 'other'}`,
        `Question ${qid}: scale role ${a.role ?? 'other'} → ${b.role ?? 'other'}`,
      ),
      breaksComparability: m(
        `По вопросу ${qid} считается другой показатель, чем в прошлых периодах`,
        `Question ${qid} now yields a different figure than in earlier periods`,
      ),
    });
  }
  for (const end of ['minLabel', 'maxLabel'] as const) {
    if (!sameText(a[end], b[end])) {
      out.add({
        code: 'text_changed',
        path: [...path, end],
        question: qid,
        message: m(
          `Вопрос ${qid}: подпись ${end === 'minLabel' ? 'минимума' : 'максимума'} шкалы ${quote(a[end]).ru} → ${quote(b[end]).ru}`,
          `Question ${qid}: scale ${end === 'minLabel' ? 'minimum' : 'maximum'} label ${quote(a[end]).en} → ${quote(b[end]).en}`,
        ),
      });
    }
  }
}

/** Both versions' inline catalogues, whose entries are a list question's options. */
interface Catalogs {
  previous: Survey['catalogs'];
  next: Survey['catalogs'];
}

function diffQuestion(
  out: Collector,
  a: Question,
  pi: number,
  b: Question,
  ni: number,
  catalogs: Catalogs,
): void {
  const qid = b.id;
  const p = ['questions', ni];
  if (answerShape(a) !== answerShape(b)) {
    const ka = KIND_NAMES[a.type];
    const kb = KIND_NAMES[b.type];
    out.add({
      code: 'kind_changed',
      path: [...p, 'type'],
      question: qid,
      message: m(
        `Вопрос ${qid}: вид ${ka.ru} → ${kb.ru}${a.type === b.type ? ' (один ответ ↔ несколько)' : ''}`,
        `Question ${qid}: kind ${ka.en} → ${kb.en}${a.type === b.type ? ' (one answer ↔ several)' : ''}`,
      ),
      breaksComparability: m(
        `Ответы на вопрос ${qid} хранятся иначе, чем в прошлых периодах: их нельзя сравнить`,
        `Answers to ${qid} are stored differently from earlier periods: they cannot be compared`,
      ),
    });
    // Details of a question that changed kind say nothing more.
    return;
  }
  for (const field of ['title', 'description'] as const) {
    if (!sameText(a[field], b[field])) {
      const was = quote(a[field]);
      const now = quote(b[field]);
      out.add({
        code: 'text_changed',
        path: [...p, field],
        question: qid,
        message: m(
          `Вопрос ${qid}: ${field === 'title' ? 'формулировка' : 'пояснение'} ${was.ru} → ${now.ru}`,
          `Question ${qid}: ${field === 'title' ? 'wording' : 'description'} ${was.en} → ${now.en}`,
        ),
      });
    }
  }
  if ((a.required ?? false) !== (b.required ?? false)) {
    out.add({
      code: 'required_changed',
      path: [...p, 'required'],
      question: qid,
      message: b.required
        ? m(`Вопрос ${qid} стал обязательным`, `Question ${qid} is now required`)
        : m(`Вопрос ${qid} стал необязательным`, `Question ${qid} is now optional`),
    });
  }
  if (stable(a.showIf) !== stable(b.showIf)) {
    out.add({
      code: 'logic_changed',
      path: [...p, 'showIf'],
      question: qid,
      message: m(
        `Вопрос ${qid}: изменено условие показа (${conditionText(a.showIf)} → ${conditionText(b.showIf)})`,
        `Question ${qid}: show condition changed (${conditionText(a.showIf)} → ${conditionText(b.showIf)})`,
      ),
    });
  }
  if (stable(a.goTo) !== stable(b.goTo)) {
    out.add({
      code: 'logic_changed',
      path: [...p, 'goTo'],
      question: qid,
      message: m(
        `Вопрос ${qid}: изменён переход (${a.goTo ?? '—'} → ${b.goTo ?? '—'})`,
        `Question ${qid}: jump changed (${a.goTo ?? '—'} → ${b.goTo ?? '—'})`,
      ),
    });
  }
  if (a.type === 'single' && b.type === 'single' && (a.role ?? 'other') !== (b.role ?? 'other')) {
    out.add({
      code: 'scale_role_changed',
      path: [...p, 'role'],
      question: qid,
      message: m(
        `Вопрос ${qid}: роль ${a.role ?? 'other'} → ${b.role ?? 'other'}`,
        `Question ${qid}: role ${a.role ?? 'other'} → ${b.role ?? 'other'}`,
      ),
      breaksComparability: m(
        `По вопросу ${qid} считается другой показатель, чем в прошлых периодах`,
        `Question ${qid} now yields a different figure than in earlier periods`,
      ),
    });
  }
  const key = optionsKey(b);
  diffOptions(out, qid, [...p, key], optionsOf(a), optionsOf(b), ['questions', pi, optionsKey(a)]);
  const sa = scaleOf(a);
  const sb = scaleOf(b);
  if (sa && sb) diffScale(out, qid, b.type === 'matrix' ? [...p, 'scale'] : p, sa, sb);
  if (a.type === 'matrix' && b.type === 'matrix') diffRows(out, qid, pi, ni, a.rows, b.rows);
  // The same catalogue: its entries are this question's options (a service dropped from it is an
  // option removed). A run-time catalogue is not in the definition, so only inline ones compare.
  if (a.type === 'list' && b.type === 'list' && a.catalog && a.catalog === b.catalog) {
    const name = a.catalog;
    const before = catalogs.previous?.[name];
    const after = catalogs.next?.[name];
    if (before && after) {
      diffOptions(out, qid, ['catalogs', name], before, after, ['catalogs', name]);
    }
  }
  if (a.type === 'list' && b.type === 'list' && (a.catalog ?? '') !== (b.catalog ?? '')) {
    out.add({
      code: 'option_meaning_changed',
      path: [...p, 'catalog'],
      question: qid,
      message: m(
        `Вопрос ${qid}: справочник ${a.catalog ?? '—'} → ${b.catalog ?? '—'}`,
        `Question ${qid}: catalogue ${a.catalog ?? '—'} → ${b.catalog ?? '—'}`,
      ),
      breaksComparability: m(
        `Ответы на вопрос ${qid} берутся из другого справочника`,
        `Answers to ${qid} come from another catalogue`,
      ),
    });
  }
}

/** A condition in one short line, for messages: `q8 = refused`, `q2 answered`, `(… and …)`. */
export function conditionText(c: Condition | undefined): string {
  if (!c) return '—';
  const at = (q: string, row?: string) => (row ? `${q}.${row}` : q);
  switch (c.op) {
    case 'and':
      return `(${c.all.map(conditionText).join(' and ')})`;
    case 'or':
      return `(${c.any.map(conditionText).join(' or ')})`;
    case 'not':
      return `not ${conditionText(c.cond)}`;
    case 'answered':
      return `${at(c.question, c.row)} answered`;
    case 'equals':
      return `${at(c.question, c.row)} = ${c.value}`;
    case 'in':
      return `${at(c.question, c.row)} in [${c.values.join(', ')}]`;
    default: {
      const sign = { gt: '>', gte: '≥', lt: '<', lte: '≤' }[c.op];
      return `${at(c.question, c.row)} ${sign} ${c.value}`;
    }
  }
}

/**
 * The changes from `previous` to `next`, in the order of `next`'s questions (removed questions
 * first), each with a message in Russian and English; those that break comparability with earlier
 * periods carry why. Questions, options and rows are matched by id, so renaming an id reads as a
 * removal and an addition — which it is for the figures.
 *
 * @example
 * const d = diffSurveys(published, draft);
 * for (const w of d.breaksComparability) console.warn(w.breaksComparability!.en);
 */
export function diffSurveys(previous: Survey, next: Survey): SurveyDiff {
  const out = new Collector();
  for (const field of ['title', 'description'] as const) {
    if (!sameText(previous[field], next[field])) {
      out.add({
        code: 'survey_text_changed',
        path: [field],
        message: m(
          `${field === 'title' ? 'Название' : 'Описание'} опроса: ${quote(previous[field]).ru} → ${quote(next[field]).ru}`,
          `Survey ${field}: ${quote(previous[field]).en} → ${quote(next[field]).en}`,
        ),
      });
    }
  }
  const prevHeadline = headlineQuestion(previous);
  const nextHeadline = headlineQuestion(next);
  if (prevHeadline !== nextHeadline) {
    out.add({
      code: 'headline_changed',
      path: ['headline'],
      message: m(
        `Главный вопрос: ${prevHeadline ?? '—'} → ${nextHeadline ?? '—'}`,
        `Headline question: ${prevHeadline ?? '—'} → ${nextHeadline ?? '—'}`,
      ),
      breaksComparability: m(
        'Уровень удовлетворённости будет считаться по другому вопросу, чем в прошлых периодах',
        'The satisfaction level will be computed from another question than in earlier periods',
      ),
    });
  }
  const prevIds = previous.questions.map((q) => q.id);
  const nextIds = next.questions.map((q) => q.id);
  const prevAt = new Map(prevIds.map((id, i) => [id, i]));
  const shifted = moved(prevIds, nextIds);
  previous.questions.forEach((q, i) => {
    if (nextIds.includes(q.id)) return;
    const t = quote(q.title);
    out.add({
      code: 'question_removed',
      path: ['questions', i],
      question: q.id,
      message: m(`Удалён вопрос ${q.id} ${t.ru}`, `Question ${q.id} ${t.en} removed`),
    });
  });
  next.questions.forEach((q, i) => {
    const pi = prevAt.get(q.id);
    const t = quote(q.title);
    if (pi === undefined) {
      out.add({
        code: 'question_added',
        path: ['questions', i],
        question: q.id,
        message: m(
          `Добавлен вопрос ${q.id} ${t.ru} (${KIND_NAMES[q.type].ru})`,
          `Question ${q.id} ${t.en} added (${KIND_NAMES[q.type].en})`,
        ),
      });
      return;
    }
    if (shifted.has(q.id)) {
      out.add({
        code: 'question_moved',
        path: ['questions', i],
        question: q.id,
        message: m(
          `Вопрос ${q.id} перемещён: был ${pi + 1}-м, стал ${i + 1}-м`,
          `Question ${q.id} moved from position ${pi + 1} to ${i + 1}`,
        ),
      });
    }
    diffQuestion(out, previous.questions[pi]!, pi, q, i, {
      previous: previous.catalogs,
      next: next.catalogs,
    });
  });
  return {
    changes: out.changes,
    breaksComparability: out.changes.filter((c) => c.breaksComparability),
  };
}
