import {
  optionsOf,
  scaleOf,
  scalePoints,
  type Condition,
  type Question,
} from '@otklik/core/engine';
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import {
  fromGroup,
  newClause,
  OPERATORS,
  toGroup,
  type Clause,
  type ClauseGroup,
  type Operator,
} from '../model/condition.js';
import { invalid, questionLabel, type Ctx, type Path } from './ctx.js';
import { checkbox, numberField, select, textField } from './fields.js';

const OP_NAMES: Readonly<Record<Operator, readonly [string, string]>> = {
  answered: ['дан любой ответ', 'is answered'],
  equals: ['равен', 'equals'],
  in: ['один из', 'is one of'],
  gt: ['больше', 'greater than'],
  gte: ['не меньше', 'at least'],
  lt: ['меньше', 'less than'],
  lte: ['не больше', 'at most'],
};

/** Values a clause may compare with: the question's options and scale points, as menu entries. */
function choices(ctx: Ctx, q: Question): [value: string | number, label: string][] {
  const s = scaleOf(q);
  const points: [number, string][] = s ? scalePoints(s).map((n) => [n, String(n)]) : [];
  const opts: [string, string][] = optionsOf(q).map((o) => [
    o.id,
    (ctx.lang === 'en' ? o.text.en : undefined) ?? (o.text.ru || o.id),
  ]);
  return [...points, ...opts];
}

const encode = (v: string | number | undefined): string =>
  v === undefined ? '' : typeof v === 'number' ? `n:${v}` : `s:${v}`;
const decode = (s: string): string | number | undefined =>
  s === '' ? undefined : s.startsWith('n:') ? Number(s.slice(2)) : s.slice(2);

export interface ConditionOpts {
  /** Base of the controls' ids. */
  id: string;
  /** Index of the question the condition belongs to: only earlier questions are offered. */
  at: number;
  value: Condition | undefined;
  path: Path;
  legend: string;
  set: (c: Condition | undefined) => void;
}

/**
 * «Показывать, только если…»: lines of question, operator and value, joined by «и» or «или»,
 * each negatable. Conditions nested deeper than that (written by hand or imported) are shown as
 * they are, with a button to replace them.
 */
export function conditionEditor(ctx: Ctx, o: ConditionOpts): TemplateResult {
  const { t } = ctx;
  const earlier = ctx.survey.questions
    .map((q, j) => [q, j] as const)
    .filter(([q, j]) => j < o.at && q.type !== 'statement');
  const group: ClauseGroup | null = o.value ? toGroup(o.value) : { join: 'all', clauses: [] };
  if (!group) {
    return html`<fieldset class="condition">
      <legend>${o.legend}</legend>
      <p>
        ${t('Условие сложнее, чем показывают меню:', 'The condition is more complex than the menus show:')}
      </p>
      <pre>${JSON.stringify(o.value, null, 1)}</pre>
      <button type="button" @click=${() => o.set(undefined)}>
        ${t('Удалить и задать заново', 'Delete and build anew')}
      </button>
    </fieldset>`;
  }
  const put = (g: ClauseGroup) => o.set(fromGroup(g));
  const putClause = (k: number, c: Clause) =>
    put({ ...group, clauses: group.clauses.map((x, j) => (j === k ? c : x)) });
  const single = group.clauses.length < 2;
  return html`<fieldset class="condition">
    <legend>${o.legend}</legend>
    ${
      group.clauses.length === 0
        ? html`<p class="hint">${t('Вопрос задаётся всегда.', 'The question is always asked.')}</p>`
        : nothing
    }
    ${
      single
        ? nothing
        : select(ctx, {
            id: `${o.id}-join`,
            label: t('Строки условия соединяются', 'Lines are joined by'),
            value: group.join,
            options: [
              ['all', t('«и» — верны все', '“and” — all hold')],
              ['any', t('«или» — верна хотя бы одна', '“or” — at least one holds')],
            ],
            set: (v) => put({ ...group, join: v === 'any' ? 'any' : 'all' }),
          })
    }
    <ol class="clauses">
      ${group.clauses.map((c, k) => {
        const id = `${o.id}-${k}`;
        const cpath: Path = single
          ? c.not
            ? [...o.path, 'cond']
            : o.path
          : [...o.path, group.join, k, ...(c.not ? ['cond'] : [])];
        const j = ctx.survey.questions.findIndex((x) => x.id === c.question);
        const q = ctx.survey.questions[j];
        const rows = q?.type === 'matrix' ? q.rows : [];
        const values = q ? choices(ctx, q) : [];
        return html`<li class="clause">
          ${checkbox(`${id}-not`, t('НЕ (обратное)', 'NOT (the opposite)'), c.not, (v) =>
            putClause(k, { ...c, not: v }),
          )}
          ${select(ctx, {
            id: `${id}-question`,
            label: t('Вопрос', 'Question'),
            value: c.question,
            path: [...cpath, 'question'],
            options: [
              ...(j < 0 ? [[c.question, `${c.question} — ${t('нет', 'missing')}`] as const] : []),
              ...earlier.map(([x, i]) => [x.id, questionLabel(ctx, i)] as const),
            ],
            set: (v) => putClause(k, { ...newClause(v), not: c.not }),
          })}
          ${
            rows.length
              ? select(ctx, {
                  id: `${id}-row`,
                  label: t('Строка', 'Row'),
                  value: c.row ?? '',
                  path: [...cpath, 'row'],
                  options: [
                    ['', t('Любая (весь вопрос)', 'Any (the whole question)')],
                    ...rows.map((r, i) => [r.id, `${i + 1}. ${r.text.ru || r.id}`] as const),
                  ],
                  set: (v) => {
                    const { row: _row, ...rest } = c;
                    putClause(k, v ? { ...rest, row: v } : rest);
                  },
                })
              : nothing
          }
          ${select(ctx, {
            id: `${id}-op`,
            label: t('Условие', 'Operator'),
            value: c.op,
            options: OPERATORS.map((op) => [op, OP_NAMES[op][ctx.lang === 'en' ? 1 : 0]] as const),
            set: (v) => putClause(k, { ...c, op: v as Operator, value: undefined, values: [] }),
          })}
          ${valueControl(ctx, id, c, values, cpath, (x) => putClause(k, x))}
          <button
            type="button"
            aria-label=${t(`Удалить строку условия ${k + 1}`, `Delete line ${k + 1} of the condition`)}
            @click=${() => {
              put({ ...group, clauses: group.clauses.filter((_, i) => i !== k) });
              ctx.focusLater(`${o.id}-add`);
            }}
          >
            ${t('Удалить строку', 'Delete line')}
          </button>
        </li>`;
      })}
    </ol>
    ${
      earlier.length
        ? html`<button
            type="button"
            id=${`${o.id}-add`}
            @click=${() => {
              put({ ...group, clauses: [...group.clauses, newClause(earlier.at(-1)![0].id)] });
              ctx.focusLater(`${o.id}-${group.clauses.length}-question`);
            }}
          >
            ${t('+ Условие', '+ Condition')}
          </button>`
        : html`<p class="hint">
            ${t('Условие может ссылаться только на предыдущие вопросы.', 'A condition can only refer to earlier questions.')}
          </p>`
    }
  </fieldset>`;
}

function valueControl(
  ctx: Ctx,
  id: string,
  c: Clause,
  values: [string | number, string][],
  path: Path,
  set: (c: Clause) => void,
): TemplateResult | typeof nothing {
  const { t } = ctx;
  switch (c.op) {
    case 'answered':
      return nothing;
    case 'equals':
      return values.length
        ? select(ctx, {
            id: `${id}-value`,
            label: t('Значение', 'Value'),
            value: encode(c.value),
            path: [...path, 'value'],
            options: [
              ['', t('— выберите —', '— choose —')],
              ...values.map(([v, l]) => [encode(v), l] as const),
            ],
            set: (v) => set({ ...c, value: decode(v) }),
          })
        : textField(ctx, {
            id: `${id}-value`,
            label: t('Значение', 'Value'),
            value: c.value === undefined ? '' : String(c.value),
            path: [...path, 'value'],
            onInput: (v) => set({ ...c, value: v }),
          });
    case 'in':
      return html`<fieldset class="values">
        <legend>${t('Значения', 'Values')}</legend>
        ${values.map(
          ([v, l], i) =>
            html`<div class="check">
              <input
                type="checkbox"
                id=${`${id}-in-${i}`}
                aria-invalid=${invalid(ctx, [...path, 'values']) ? 'true' : nothing}
                .checked=${live(c.values.includes(v))}
                @change=${(e: Event) =>
                  set({
                    ...c,
                    values: (e.target as HTMLInputElement).checked
                      ? [...c.values, v]
                      : c.values.filter((x) => x !== v),
                  })}
              />
              <label for=${`${id}-in-${i}`}>${l}</label>
            </div>`,
        )}
      </fieldset>`;
    default:
      return numberField(ctx, {
        id: `${id}-value`,
        label: t('Число', 'Number'),
        value: typeof c.value === 'number' ? c.value : undefined,
        path: [...path, 'value'],
        set: (v) => set({ ...c, value: v }),
      });
  }
}
