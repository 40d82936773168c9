import type { Condition, Issue, IssueCode, Survey } from '../types.js';
import { END } from '../types.js';
import { canBindContext, isCatalogList, optionsKey, optionsOf } from '../engine/kinds.js';

type Path = Issue['path'];

const MSG: Partial<Record<IssueCode, (d: string) => { ru: string; en: string }>> = {
  duplicate_id: (d) => ({ ru: `Повторяющийся идентификатор «${d}»`, en: `Duplicate id "${d}"` }),
  unknown_target: (d) => ({
    ru: `Переход на несуществующий вопрос «${d}»`,
    en: `Jump to unknown question "${d}"`,
  }),
  backward_jump: (d) => ({
    ru: `Переход назад или на себя («${d}»): допустимы только переходы вперёд`,
    en: `Backward or self jump to "${d}": jumps may only go forward`,
  }),
  unknown_question: (d) => ({
    ru: `Условие ссылается на несуществующий вопрос «${d}»`,
    en: `Condition refers to unknown question "${d}"`,
  }),
  forward_reference: (d) => ({
    ru: `Условие ссылается на вопрос «${d}», который задаётся не раньше этого`,
    en: `Condition refers to question "${d}", which is not asked before this one`,
  }),
  unknown_option: (d) => ({ ru: `Нет варианта ответа «${d}»`, en: `No option "${d}"` }),
  unknown_row: (d) => ({ ru: `Нет строки «${d}»`, en: `No row "${d}"` }),
  out_of_range: (d) => ({ ru: `Недопустимый диапазон: ${d}`, en: `Invalid range: ${d}` }),
  missing: (d) => ({ ru: `Не хватает поля: ${d}`, en: `Missing field: ${d}` }),
};

function push(out: Issue[], path: Path, code: IssueCode, detail: string): void {
  out.push({ path, code, message: MSG[code]!(detail) });
}

function checkUnique(ids: string[], path: Path, out: Issue[]): void {
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (seen.has(id)) push(out, [...path, i, 'id'], 'duplicate_id', id);
    seen.add(id);
  });
}

/** Checks that a condition at question index `at` looks only at earlier questions, rows and options. */
function checkCondition(
  c: Condition,
  path: Path,
  at: number,
  survey: Survey,
  index: Map<string, number>,
  out: Issue[],
): void {
  switch (c.op) {
    case 'and':
      c.all.forEach((x, i) => checkCondition(x, [...path, 'all', i], at, survey, index, out));
      return;
    case 'or':
      c.any.forEach((x, i) => checkCondition(x, [...path, 'any', i], at, survey, index, out));
      return;
    case 'not':
      checkCondition(c.cond, [...path, 'cond'], at, survey, index, out);
      return;
  }
  const j = index.get(c.question);
  if (j === undefined) return push(out, [...path, 'question'], 'unknown_question', c.question);
  if (j >= at) return push(out, [...path, 'question'], 'forward_reference', c.question);
  const q = survey.questions[j]!;
  if (c.row !== undefined && !(q.type === 'matrix' && q.rows.some((r) => r.id === c.row))) {
    push(out, [...path, 'row'], 'unknown_row', c.row);
  }
  // A string compared with a choice, scale or matrix must be one of its options; catalogue lists,
  // texts and statements are open.
  const ids =
    q.type === 'text' || q.type === 'statement' || isCatalogList(q)
      ? undefined
      : optionsOf(q).map((o) => o.id);
  const values = c.op === 'in' ? c.values : c.op === 'equals' ? [c.value] : [];
  values.forEach((v, i) => {
    if (typeof v === 'string' && ids && !ids.includes(v)) {
      push(
        out,
        [...path, c.op === 'in' ? 'values' : 'value', ...(c.op === 'in' ? [i] : [])],
        'unknown_option',
        v,
      );
    }
  });
}

function checkJump(
  target: string | undefined,
  path: Path,
  at: number,
  index: Map<string, number>,
  out: Issue[],
): void {
  if (target === undefined || target === END) return;
  const j = index.get(target);
  if (j === undefined) push(out, path, 'unknown_target', target);
  else if (j <= at) push(out, path, 'backward_jump', target);
}

/**
 * The rules a zod shape cannot state: unique ids, jumps to existing later questions only (so no
 * cycle can exist), conditions on earlier questions only, consistent ranges.
 */
export function checkSurveyLogic(survey: Survey): Issue[] {
  const out: Issue[] = [];
  const qs = survey.questions;
  checkUnique(
    qs.map((q) => q.id),
    ['questions'],
    out,
  );
  if (survey.sections) {
    checkUnique(
      survey.sections.map((s) => s.id),
      ['sections'],
      out,
    );
  }
  const sections = new Set(survey.sections?.map((s) => s.id));
  const index = new Map<string, number>();
  qs.forEach((q, i) => {
    if (!index.has(q.id)) index.set(q.id, i);
  });

  qs.forEach((q, i) => {
    const p: Path = ['questions', i];
    if (q.section !== undefined && !sections.has(q.section)) {
      push(out, [...p, 'section'], 'missing', `section "${q.section}" in sections`);
    }
    checkJump(q.goTo, [...p, 'goTo'], i, index, out);
    if (q.showIf) checkCondition(q.showIf, [...p, 'showIf'], i, survey, index, out);
    const opts = optionsOf(q);
    const key = optionsKey(q);
    if (opts.length) {
      checkUnique(
        opts.map((o) => o.id),
        [...p, key],
        out,
      );
      opts.forEach((o, k) => {
        // A matrix answers many rows at once, so one row's extra option cannot decide a jump.
        if (q.type === 'matrix' && o.goTo !== undefined) {
          out.push({
            path: [...p, key, k, 'goTo'],
            code: 'invalid_value',
            message: {
              ru: 'Переход из дополнительного варианта матрицы не поддерживается',
              en: 'A matrix extra option cannot jump',
            },
          });
        } else checkJump(o.goTo, [...p, key, k, 'goTo'], i, index, out);
      });
    }
    switch (q.type) {
      case 'scale':
      case 'matrix': {
        const s = q.type === 'scale' ? q : q.scale;
        const sp = q.type === 'scale' ? p : [...p, 'scale'];
        if (s.min >= s.max || s.max - s.min > 20) {
          push(
            out,
            [...sp, 'max'],
            'out_of_range',
            `${s.min}…${s.max} (min < max, at most 21 points)`,
          );
        }
        if (q.type === 'matrix') {
          checkUnique(
            q.rows.map((r) => r.id),
            [...p, 'rows'],
            out,
          );
          q.rows.forEach((r, k) => {
            if (r.showIf)
              checkCondition(r.showIf, [...p, 'rows', k, 'showIf'], i, survey, index, out);
          });
        }
        break;
      }
      case 'multiple': {
        const min = q.min ?? 1;
        const max = q.max ?? q.options.length;
        if (min > max || max > q.options.length) {
          push(
            out,
            [...p, 'max'],
            'out_of_range',
            `min ${min}, max ${max}, ${q.options.length} options`,
          );
        }
        break;
      }
      case 'list':
        if (!q.options && q.catalog === undefined) push(out, p, 'missing', 'options or catalog');
        break;
    }
  });
  checkBindings(survey, out);
  checkHeadline(survey, out);
  return out;
}

/** Context bindings: a question with one id for an answer, at most one per field. */
function checkBindings(survey: Survey, out: Issue[]): void {
  const bound = new Set<string>();
  survey.questions.forEach((q, i) => {
    if (q.context === undefined) return;
    const path = ['questions', i, 'context'];
    if (!canBindContext(q)) {
      out.push({
        path,
        code: 'invalid_value',
        message: {
          ru: 'Поле контекста может задавать только вопрос с одним вариантом ответа (single или list без multiple)',
          en: 'Only a single-answer question (single, or list without multiple) can supply a context field',
        },
      });
    } else if (bound.has(q.context)) {
      out.push({
        path,
        code: 'duplicate_id',
        message: {
          ru: `Поле контекста «${q.context}» уже задаёт другой вопрос`,
          en: `Another question already supplies context field "${q.context}"`,
        },
      });
    }
    bound.add(q.context);
  });
}

/** The headline names a scale question with role `satisfaction`. */
function checkHeadline(survey: Survey, out: Issue[]): void {
  if (survey.headline === undefined) return;
  const q = survey.questions.find((x) => x.id === survey.headline);
  if (!q) {
    out.push({
      path: ['headline'],
      code: 'unknown_question',
      message: {
        ru: `Главный вопрос «${survey.headline}» не найден`,
        en: `Headline question "${survey.headline}" does not exist`,
      },
    });
  } else if (!(q.type === 'scale' && q.role === 'satisfaction')) {
    out.push({
      path: ['headline'],
      code: 'invalid_value',
      message: {
        ru: `Главный вопрос «${q.id}» должен быть шкалой с ролью satisfaction`,
        en: `Headline question "${q.id}" must be a scale with role satisfaction`,
      },
    });
  }
}
