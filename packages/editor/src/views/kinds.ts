import {
  DEFAULT_TEXT_MAX,
  type MatrixQuestion,
  type MatrixRow,
  type ScaleQuestion,
  type Question,
  type ScaleSpec,
} from '@otklik/core/engine';
import { html, nothing, type TemplateResult } from 'lit';
import { move, newRow } from '../model/draft.js';
import { conditionEditor } from './condition.js';
import type { Ctx, Path } from './ctx.js';
import { dragHandlers } from './drag.js';
import {
  checkbox,
  localized,
  numberField,
  prune,
  select,
  textField,
  type Loose,
} from './fields.js';
import { optionsEditor } from './options.js';

/** The fields a question has because of its kind: options, scale, rows, catalogue, limits. */
export function kindFields(
  ctx: Ctx,
  i: number,
  q: Question,
  set: (q: Question) => void,
): TemplateResult {
  const { t } = ctx;
  const p: Path = ['questions', i];
  const extras = (x: ScaleQuestion | MatrixQuestion) =>
    optionsEditor(ctx, {
      at: i,
      q: x,
      key: 'extraOptions',
      list: x.extraOptions ?? [],
      jumps: x.type === 'scale',
      legend: t('Дополнительные варианты рядом со шкалой', 'Extra options beside the scale'),
      set: (v) =>
        set(
          prune<ScaleQuestion | MatrixQuestion>({ ...x, extraOptions: v?.length ? v : undefined }),
        ),
    });
  switch (q.type) {
    case 'single':
      return html`${select(ctx, {
        id: `${q.id}-role`,
        label: t('Что измеряет вопрос', 'What the question measures'),
        value: q.role ?? '',
        options: [
          ['', t('Ничего особого', 'Nothing special')],
          [
            'satisfaction',
            t(
              'Удовлетворённость («скорее удовлетворён / нет»)',
              'Satisfaction (“rather satisfied / not”)',
            ),
          ],
        ],
        set: (v) =>
          set(prune<Question>({ ...q, role: v === 'satisfaction' ? 'satisfaction' : undefined })),
      })}
      ${contextBox(ctx, q, set)}
      ${optionsEditor(ctx, {
        at: i,
        q,
        key: 'options',
        list: q.options,
        jumps: true,
        legend: t('Варианты ответа (один ответ)', 'Options (one answer)'),
        set: (v) => set({ ...q, options: v ?? [] }),
      })}`;
    case 'multiple':
      return html`<div class="row">
          ${numberField(ctx, {
            id: `${q.id}-min`,
            label: t('Выбрать не меньше', 'Choose at least'),
            value: q.min,
            min: 0,
            placeholder: '1',
            path: [...p, 'min'],
            set: (v) => set(prune<Question>({ ...q, min: v })),
          })}
          ${numberField(ctx, {
            id: `${q.id}-max`,
            label: t('Выбрать не больше', 'Choose at most'),
            value: q.max,
            min: 1,
            placeholder: String(q.options.length),
            path: [...p, 'max'],
            set: (v) => set(prune<Question>({ ...q, max: v })),
          })}
        </div>
        ${optionsEditor(ctx, {
          at: i,
          q,
          key: 'options',
          list: q.options,
          jumps: true,
          legend: t('Варианты ответа (любое число ответов)', 'Options (any number of answers)'),
          set: (v) => set({ ...q, options: v ?? [] }),
        })}`;
    case 'scale':
      return html`${scaleFields(ctx, `${q.id}-scale`, q, p, (s) => set({ ...q, ...s } as Question))}
      ${extras(q)}`;
    case 'matrix':
      return html`${rowsEditor(ctx, i, q.id, q.rows, (rows) => set({ ...q, rows }))}
      ${scaleFields(ctx, `${q.id}-scale`, q.scale, [...p, 'scale'], (s) => set({ ...q, scale: s }))}
      ${extras(q)}`;
    case 'list': {
      const own = q.options !== undefined;
      return html`${select(ctx, {
        id: `${q.id}-source`,
        label: t('Откуда пункты списка', 'Where the list’s entries come from'),
        value: own ? 'options' : 'catalog',
        options: [
          [
            'catalog',
            t(
              'Справочник органа (задаётся при показе)',
              'The body’s catalogue (supplied at run time)',
            ),
          ],
          ['options', t('Свои варианты в анкете', 'Options written in the survey')],
        ],
        set: (v) =>
          set(
            prune<Question>(
              v === 'options'
                ? { ...q, options: [{ id: 'o1', text: { ru: '' } }], catalog: undefined }
                : { ...q, options: undefined, catalog: q.catalog ?? 'services' },
            ),
          ),
      })}
      ${
        own
          ? optionsEditor(ctx, {
              at: i,
              q,
              key: 'options',
              list: q.options ?? [],
              jumps: true,
              legend: t('Пункты списка', 'List entries'),
              set: (v) => set({ ...q, options: v ?? [] }),
            })
          : textField(ctx, {
              id: `${q.id}-catalog`,
              label: t('Имя справочника', 'Catalogue name'),
              value: q.catalog,
              path: [...p, 'catalog'],
              hint: t(
                'Например services (услуги) или municipalities (муниципалитеты).',
                'For example services or municipalities.',
              ),
              onInput: (v) => set({ ...q, catalog: v }),
            })
      }
      ${checkbox(
        `${q.id}-multiple`,
        t('Можно выбрать несколько', 'Several may be chosen'),
        q.multiple === true,
        (v) =>
          set(
            prune<Question>({ ...q, multiple: v || undefined, context: v ? undefined : q.context }),
          ),
      )}
      ${q.multiple ? nothing : contextBox(ctx, q, set)}`;
    }
    case 'text':
      return html`${checkbox(
        `${q.id}-multiline`,
        t('Несколько строк', 'Several lines'),
        q.multiline === true,
        (v) => set(prune<Question>({ ...q, multiline: v || undefined })),
      )}
      ${numberField(ctx, {
        id: `${q.id}-maxlength`,
        label: t('Предел символов', 'Character limit'),
        value: q.maxLength,
        min: 1,
        placeholder: String(DEFAULT_TEXT_MAX),
        path: [...p, 'maxLength'],
        set: (v) => set(prune<Question>({ ...q, maxLength: v })),
      })}`;
    case 'statement':
      return html``;
  }
}

/** «Ответ задаёт услугу»: the answer becomes the response's object (context binding). */
function contextBox(ctx: Ctx, q: Question, set: (q: Question) => void): TemplateResult {
  return checkbox(
    `${q.id}-context`,
    ctx.t(
      'Ответ задаёт услугу, о которой отзыв',
      'The answer names the service the feedback is about',
    ),
    q.context === 'object',
    (v) => set(prune<Question>({ ...q, context: v ? 'object' : undefined })),
  );
}

function scaleFields(
  ctx: Ctx,
  id: string,
  s: ScaleSpec,
  path: Path,
  set: (s: ScaleSpec) => void,
): TemplateResult {
  const { t } = ctx;
  const put = (x: Loose<ScaleSpec>) => set(prune<ScaleSpec>({ ...s, ...x }));
  return html`<fieldset class="scale">
    <legend>${t('Шкала', 'Scale')}</legend>
    <div class="row">
      ${numberField(ctx, { id: `${id}-min`, label: t('От', 'From'), value: s.min, path: [...path, 'min'], set: (v) => put({ min: v ?? 1 }) })}
      ${numberField(ctx, { id: `${id}-max`, label: t('До', 'To'), value: s.max, path: [...path, 'max'], set: (v) => put({ max: v ?? 5 }) })}
      ${select(ctx, {
        id: `${id}-order`,
        label: t('Порядок показа', 'Display order'),
        value: s.order ?? 'asc',
        options: [
          ['desc', t('От большего к меньшему (5…1)', 'Highest first (5…1)')],
          ['asc', t('От меньшего к большему (1…5)', 'Lowest first (1…5)')],
        ],
        set: (v) => put({ order: v === 'desc' ? 'desc' : 'asc' }),
      })}
      ${select(ctx, {
        id: `${id}-role`,
        label: t('Что измеряет', 'What it measures'),
        value: s.role ?? 'other',
        options: [
          ['satisfaction', t('Удовлетворённость', 'Satisfaction')],
          ['effort', t('Усилия клиента (легко — трудно)', 'Customer effort (easy — hard)')],
          ['recommend', t('Готовность рекомендовать', 'Willingness to recommend')],
          ['other', t('Другое', 'Other')],
        ],
        set: (v) => put({ role: v as ScaleSpec['role'] }),
      })}
    </div>
    ${localized(ctx, {
      id: `${id}-minlabel`,
      label: t('Подпись наименьшего значения', 'Label of the lowest value'),
      value: s.minLabel,
      path: [...path, 'minLabel'],
      optional: true,
      set: (v) => put({ minLabel: v }),
    })}
    ${localized(ctx, {
      id: `${id}-maxlabel`,
      label: t('Подпись наибольшего значения', 'Label of the highest value'),
      value: s.maxLabel,
      path: [...path, 'maxLabel'],
      optional: true,
      set: (v) => put({ maxLabel: v }),
    })}
  </fieldset>`;
}

function rowsEditor(
  ctx: Ctx,
  i: number,
  qid: string,
  rows: readonly MatrixRow[],
  set: (r: MatrixRow[]) => void,
): TemplateResult {
  const { t } = ctx;
  const base = `${qid}-rows`;
  const drag = dragHandlers(base, (from, to) => set(move(rows, from, to)));
  const moveTo = (from: number, to: number, dir: 'up' | 'down') => {
    if (to < 0 || to >= rows.length) return;
    set(move(rows, from, to));
    const edge = (dir === 'up' && to === 0) || (dir === 'down' && to === rows.length - 1);
    ctx.focusLater(`${base}-${to}-${edge ? (dir === 'up' ? 'down' : 'up') : dir}`);
    ctx.announce(t(`Строка перемещена на место ${to + 1}`, `Row moved to position ${to + 1}`));
  };
  return html`<fieldset class="options">
    <legend>${t('Строки матрицы', 'Matrix rows')}</legend>
    <ol class="items">
      ${rows.map((r, k) => {
        const id = `${base}-${k}`;
        const path: Path = ['questions', i, 'rows', k];
        return html`<li class="item" @dragover=${drag.over} @drop=${drag.drop(k)}>
          <div class="item-head">
            <span class="grip" draggable="true" aria-hidden="true" @dragstart=${drag.start(k)}
              >⠿</span
            >
            <span class="item-name">${t('Строка', 'Row')} ${k + 1}</span>
            <span class="tools">
              <button
                type="button"
                id=${`${id}-up`}
                ?disabled=${k === 0}
                aria-label=${t(`Строка ${k + 1} выше`, `Move row ${k + 1} up`)}
                @click=${() => moveTo(k, k - 1, 'up')}
              >
                ${t('Выше', 'Up')}
              </button>
              <button
                type="button"
                id=${`${id}-down`}
                ?disabled=${k === rows.length - 1}
                aria-label=${t(`Строка ${k + 1} ниже`, `Move row ${k + 1} down`)}
                @click=${() => moveTo(k, k + 1, 'down')}
              >
                ${t('Ниже', 'Down')}
              </button>
              <button
                type="button"
                aria-label=${t(`Удалить строку ${k + 1}`, `Delete row ${k + 1}`)}
                @click=${() => {
                  set(rows.filter((_, j) => j !== k));
                  ctx.focusLater(`${base}-add`);
                }}
              >
                ${t('Удалить', 'Delete')}
              </button>
            </span>
          </div>
          ${localized(ctx, {
            id: `${id}-text`,
            label: t(`Строка ${k + 1}`, `Row ${k + 1}`),
            value: r.text,
            path: [...path, 'text'],
            set: (v) => set(rows.map((x, j) => (j === k ? { ...x, text: v ?? { ru: '' } } : x))),
          })}
          <details class="more" ?open=${r.showIf !== undefined}>
            <summary>${t(`Свойства строки ${k + 1}`, `Row ${k + 1} properties`)}</summary>
            ${textField(ctx, {
              id: `${id}-id`,
              label: t('Код строки (в выгрузках)', 'Row code (in exports)'),
              value: r.id,
              path: [...path, 'id'],
              onInput: (v) => set(rows.map((x, j) => (j === k ? { ...x, id: v } : x))),
            })}
            ${conditionEditor(ctx, {
              id: `${id}-showif`,
              at: i,
              value: r.showIf,
              path: [...path, 'showIf'],
              legend: t('Строка задаётся, только если', 'The row is asked only if'),
              set: (c) =>
                set(rows.map((x, j) => (j === k ? prune<MatrixRow>({ ...x, showIf: c }) : x))),
            })}
          </details>
        </li>`;
      })}
    </ol>
    <div class="adds">
      <button
        type="button"
        id=${`${base}-add`}
        @click=${() => {
          set([...rows, newRow(rows)]);
          ctx.focusLater(`${base}-${rows.length}-text-ru`);
        }}
      >
        ${t('+ Строка', '+ Row')}
      </button>
    </div>
  </fieldset>`;
}
