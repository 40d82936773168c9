import type { ChoiceOption, Question } from '@otklik/core/engine';
import { html, nothing, type TemplateResult } from 'lit';
import { move, newOption } from '../model/draft.js';
import type { Ctx, Path } from './ctx.js';
import {
  checkbox,
  localized,
  numberField,
  prune,
  select,
  textField,
  type Loose,
} from './fields.js';
import { jumpSelect } from './jump.js';
import { dragHandlers } from './drag.js';

type Specify = NonNullable<ChoiceOption['specify']>;

export interface OptionsOpts {
  /** Index of the question. */
  at: number;
  q: Question;
  /** `options` or `extraOptions`. */
  key: 'options' | 'extraOptions';
  list: readonly ChoiceOption[];
  set: (list: ChoiceOption[] | undefined) => void;
  /** A matrix's extra options never jump (a matrix answers many rows at once). */
  jumps: boolean;
  legend: string;
}

/** The options of a question: texts, jump, marks, and keyboard and drag reordering. */
export function optionsEditor(ctx: Ctx, o: OptionsOpts): TemplateResult {
  const { t } = ctx;
  const base = `${o.q.id}-${o.key}`;
  const put = (k: number, v: Loose<ChoiceOption>) => {
    const next = o.list.slice();
    next[k] = prune<ChoiceOption>(v);
    o.set(next);
  };
  const moveTo = (from: number, to: number, focus: 'up' | 'down') => {
    if (to < 0 || to >= o.list.length) return;
    o.set(move(o.list, from, to));
    const edge = (focus === 'up' && to === 0) || (focus === 'down' && to === o.list.length - 1);
    ctx.focusLater(`${base}-${to}-${edge ? (focus === 'up' ? 'down' : 'up') : focus}`);
    ctx.announce(t(`Вариант перемещён на место ${to + 1}`, `Option moved to position ${to + 1}`));
  };
  const add = (extra: Partial<ChoiceOption> = {}) => {
    const opt = { ...newOption(o.list), ...extra };
    o.set([...o.list, opt]);
    ctx.focusLater(`${base}-${o.list.length}-text-ru`);
  };
  const drag = dragHandlers(`${base}`, (from, to) => o.set(move(o.list, from, to)));
  const many = o.q.type === 'multiple' || (o.q.type === 'list' && o.q.multiple === true);
  const rated = o.q.type === 'single' && o.q.role === 'satisfaction';
  return html`<fieldset class="options">
    <legend>${o.legend}</legend>
    <ol class="items">
      ${o.list.map(
        // By position, not by id: the id is typed here, and a keyed item would be rebuilt (and
        // lose focus) on every keystroke; moves put focus back themselves.
        (x, k) => {
          const id = `${base}-${k}`;
          const path: Path = ['questions', o.at, o.key, k];
          return html`<li class="item" @dragover=${drag.over} @drop=${drag.drop(k)}>
            <div class="item-head">
              <span class="grip" draggable="true" aria-hidden="true" @dragstart=${drag.start(k)}
                >⠿</span
              >
              <span class="item-name">${t('Вариант', 'Option')} ${k + 1}</span>
              <span class="tools">
                <button
                  type="button"
                  id=${`${id}-up`}
                  ?disabled=${k === 0}
                  aria-label=${t(`Вариант ${k + 1} выше`, `Move option ${k + 1} up`)}
                  @click=${() => moveTo(k, k - 1, 'up')}
                >
                  ${t('Выше', 'Up')}
                </button>
                <button
                  type="button"
                  id=${`${id}-down`}
                  ?disabled=${k === o.list.length - 1}
                  aria-label=${t(`Вариант ${k + 1} ниже`, `Move option ${k + 1} down`)}
                  @click=${() => moveTo(k, k + 1, 'down')}
                >
                  ${t('Ниже', 'Down')}
                </button>
                <button
                  type="button"
                  aria-label=${t(`Удалить вариант ${k + 1}`, `Delete option ${k + 1}`)}
                  @click=${() => {
                    o.set(o.list.filter((_, j) => j !== k));
                    ctx.announce(t('Вариант удалён', 'Option deleted'));
                    ctx.focusLater(`${o.q.id}-${o.key}-add`);
                  }}
                >
                  ${t('Удалить', 'Delete')}
                </button>
              </span>
            </div>
            ${localized(ctx, {
              id: `${id}-text`,
              label: t(`Вариант ${k + 1}`, `Option ${k + 1}`),
              value: x.text,
              path: [...path, 'text'],
              set: (v) => put(k, { ...x, text: v ?? { ru: '' } }),
            })}
            ${
              o.jumps
                ? jumpSelect(ctx, {
                    id: `${id}-goto`,
                    label: t(`После варианта ${k + 1}`, `After option ${k + 1}`),
                    at: o.at,
                    value: x.goTo,
                    path: [...path, 'goTo'],
                    set: (v) => put(k, { ...x, goTo: v }),
                  })
                : nothing
            }
            <details
              class="more"
              ?open=${x.kind !== undefined || x.specify !== undefined || x.exclusive === true}
            >
              <summary>${t(`Свойства варианта ${k + 1}`, `Option ${k + 1} properties`)}</summary>
              ${textField(ctx, {
                id: `${id}-id`,
                label: t('Код ответа (в выгрузках)', 'Answer code (in exports)'),
                value: x.id,
                path: [...path, 'id'],
                onInput: (v) => put(k, { ...x, id: v }),
              })}
              ${select(ctx, {
                id: `${id}-kind`,
                label: t('Особый вариант', 'Special option'),
                value: x.kind ?? '',
                options: [
                  ['', t('Нет', 'None')],
                  ['dontKnow', t('«Затрудняюсь ответить»', '“Hard to say”')],
                  [
                    'notApplicable',
                    t('«Не взаимодействовал» (неприменимо)', '“Did not use” (not applicable)'),
                  ],
                ],
                set: (v) =>
                  put(k, { ...x, kind: v === '' ? undefined : (v as ChoiceOption['kind']) }),
              })}
              ${
                many
                  ? checkbox(
                      `${id}-exclusive`,
                      t('Исключает остальные', 'Excludes the others'),
                      x.exclusive === true,
                      (v) => put(k, { ...x, exclusive: v || undefined }),
                    )
                  : nothing
              }
              ${checkbox(
                `${id}-specify`,
                t('Поле «укажите»', '“Specify” field'),
                x.specify !== undefined,
                (v) => put(k, { ...x, specify: v ? {} : undefined }),
              )}
              ${
                x.specify
                  ? html`${numberField(ctx, {
                      id: `${id}-specify-max`,
                      label: t('Предел символов в поле', 'Character limit of the field'),
                      value: x.specify.maxLength,
                      path: [...path, 'specify', 'maxLength'],
                      min: 1,
                      placeholder: '500',
                      set: (v) =>
                        put(k, { ...x, specify: prune<Specify>({ ...x.specify, maxLength: v }) }),
                    })}
                    ${checkbox(
                      `${id}-specify-required`,
                      t('Поле обязательно', 'The field is required'),
                      x.specify.required === true,
                      (v) =>
                        put(k, {
                          ...x,
                          specify: prune<Specify>({ ...x.specify, required: v || undefined }),
                        }),
                    )}`
                  : nothing
              }
              ${checkbox(
                `${id}-problem`,
                t('Считается проблемой', 'Counts as a problem'),
                x.problem === true,
                (v) => put(k, { ...x, problem: v || undefined }),
              )}
              ${
                rated
                  ? checkbox(
                      `${id}-positive`,
                      t('Означает «удовлетворён»', 'Means “satisfied”'),
                      x.positive === true,
                      (v) => put(k, { ...x, positive: v || undefined }),
                    )
                  : nothing
              }
            </details>
          </li>`;
        },
      )}
    </ol>
    <div class="adds">
      <button type="button" id=${`${o.q.id}-${o.key}-add`} @click=${() => add()}>
        ${t('+ Вариант', '+ Option')}
      </button>
      <button
        type="button"
        @click=${() =>
          add({ text: { ru: 'Затрудняюсь ответить', en: 'Hard to say' }, kind: 'dontKnow' })}
      >
        ${t('+ «Затрудняюсь ответить»', '+ “Hard to say”')}
      </button>
      ${
        o.key === 'options'
          ? html`<button
              type="button"
              @click=${() =>
                add({
                  text: { ru: 'Другое (укажите)', en: 'Other (please specify)' },
                  specify: {},
                })}
            >
              ${t('+ «Другое (укажите)»', '+ “Other (specify)”')}
            </button>`
          : nothing
      }
    </div>
  </fieldset>`;
}
