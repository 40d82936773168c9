import type { Question, QuestionType } from '@otklik/core/engine';
import { html, nothing, type TemplateResult } from 'lit';
import { changeType, QUESTION_TYPES } from '../model/draft.js';
import { fieldName } from '../model/issues.js';
import { conditionEditor } from './condition.js';
import type { Ctx, Path } from './ctx.js';
import type { DragHandlers } from './drag.js';
import { checkbox, localized, prune, select } from './fields.js';
import { jumpSelect } from './jump.js';
import { kindFields } from './kinds.js';

/** Names of the question kinds in the editor's menus. */
export const TYPE_NAMES: Readonly<Record<QuestionType, readonly [string, string]>> = {
  single: ['Один ответ из списка', 'One answer from a list'],
  multiple: ['Несколько ответов', 'Several answers'],
  scale: ['Шкала оценки', 'Rating scale'],
  matrix: ['Матрица (строки × шкала)', 'Matrix (rows × scale)'],
  list: ['Длинный список (справочник)', 'Long list (catalogue)'],
  text: ['Свободный ответ', 'Open text'],
  statement: ['Текст без вопроса', 'Statement (nothing to answer)'],
};

/** One question's card: heading and tools, kind, texts, kind's fields, logic and its errors. */
export function questionCard(ctx: Ctx, i: number, q: Question, drag: DragHandlers): TemplateResult {
  const { t } = ctx;
  const set = (next: Question) => ctx.setQuestion(i, next);
  const p: Path = ['questions', i];
  const n = ctx.survey.questions.length;
  const issues = ctx.issues.questions.get(i) ?? [];
  const heading = `${q.id}-heading`;
  const errors = `${q.id}-errors`;
  return html`<li
    class="card"
    id=${`${q.id}-card`}
    data-question=${q.id}
    @dragover=${drag.over}
    @drop=${drag.drop(i)}
  >
    <section aria-labelledby=${heading} aria-describedby=${issues.length ? errors : nothing}>
      <div class="card-head">
        <span class="grip" draggable="true" aria-hidden="true" @dragstart=${drag.start(i)}>⠿</span>
        <h3 id=${heading} tabindex="-1">
          ${t('Вопрос', 'Question')} ${i + 1}
          <span class="qid">${t('код', 'id')} ${q.id}</span>
        </h3>
        <span class="tools">
          <button
            type="button"
            id=${`${q.id}-up`}
            ?disabled=${i === 0}
            aria-label=${t(`Вопрос ${i + 1} выше`, `Move question ${i + 1} up`)}
            @click=${() => ctx.moveQuestion(i, i - 1)}
          >
            ${t('Выше', 'Up')}
          </button>
          <button
            type="button"
            id=${`${q.id}-down`}
            ?disabled=${i === n - 1}
            aria-label=${t(`Вопрос ${i + 1} ниже`, `Move question ${i + 1} down`)}
            @click=${() => ctx.moveQuestion(i, i + 1)}
          >
            ${t('Ниже', 'Down')}
          </button>
          <button
            type="button"
            aria-label=${t(`Удалить вопрос ${i + 1}`, `Delete question ${i + 1}`)}
            @click=${() => ctx.removeQuestion(i)}
          >
            ${t('Удалить', 'Delete')}
          </button>
        </span>
      </div>
      ${
        issues.length
          ? html`<div class="issues" id=${errors}>
              <p>${t('Ошибки в этом вопросе:', 'Errors in this question:')}</p>
              <ul>
                ${issues.map((x) => {
                  const where = fieldName(x.path, ctx.lang);
                  return html`<li>${where ? `${where}: ` : ''}${x.message[ctx.lang]}</li>`;
                })}
              </ul>
            </div>`
          : nothing
      }
      ${select(ctx, {
        id: `${q.id}-type`,
        label: t('Вид вопроса', 'Kind of question'),
        value: q.type,
        options: QUESTION_TYPES.map((k) => [k, TYPE_NAMES[k][ctx.lang === 'en' ? 1 : 0]] as const),
        set: (v) => set(changeType(q, v as QuestionType)),
      })}
      ${localized(ctx, {
        id: `${q.id}-title`,
        label: t('Текст вопроса', 'Question text'),
        value: q.title,
        path: [...p, 'title'],
        multiline: true,
        set: (v) => set({ ...q, title: v ?? { ru: '' } }),
      })}
      ${localized(ctx, {
        id: `${q.id}-description`,
        label: t('Пояснение', 'Description'),
        value: q.description,
        path: [...p, 'description'],
        optional: true,
        set: (v) => set(prune<Question>({ ...q, description: v })),
      })}
      ${
        q.type === 'statement'
          ? nothing
          : checkbox(
              `${q.id}-required`,
              t('Обязательный вопрос', 'Required question'),
              q.required === true,
              (v) => set(prune<Question>({ ...q, required: v || undefined })),
            )
      }
      ${kindFields(ctx, i, q, set)}
      <details class="logic" ?open=${q.showIf !== undefined || q.goTo !== undefined}>
        <summary>${t(`Логика вопроса ${i + 1}`, `Logic of question ${i + 1}`)}</summary>
        ${conditionEditor(ctx, {
          id: `${q.id}-showif`,
          at: i,
          value: q.showIf,
          path: [...p, 'showIf'],
          legend: t('Показывать, только если', 'Show only if'),
          set: (c) => set(prune<Question>({ ...q, showIf: c })),
        })}
        ${jumpSelect(ctx, {
          id: `${q.id}-goto`,
          label: t(
            'После этого вопроса при любом ответе',
            'After this question, whatever the answer',
          ),
          at: i,
          value: q.goTo,
          path: [...p, 'goTo'],
          set: (v) => set(prune<Question>({ ...q, goTo: v })),
        })}
      </details>
    </section>
  </li>`;
}
