import type { Survey } from '@otklik/core/engine';
import { html, nothing, type TemplateResult } from 'lit';
import { fieldName } from '../model/issues.js';
import { questionLabel, type Ctx } from './ctx.js';
import { localized, prune, select, textField } from './fields.js';

/** The survey's own fields: id, version, title, description, respondents, headline question. */
export function surveyFields(
  ctx: Ctx,
  o: { editing: boolean; set: (s: Survey) => void },
): TemplateResult {
  const { t, survey: s } = ctx;
  const headlines = s.questions
    .map((q, i) => [q, i] as const)
    .filter(([q]) => q.type === 'scale' && q.role === 'satisfaction');
  return html`<section aria-labelledby="survey-heading">
    <h2 id="survey-heading">${t('Опрос', 'Survey')}</h2>
    ${
      ctx.issues.survey.length
        ? html`<div class="survey-issues" id="survey-errors">
            <p>${t('Ошибки в описании опроса:', 'Errors in the survey’s description:')}</p>
            <ul>
              ${ctx.issues.survey.map((x) => {
                const where = fieldName(x.path, ctx.lang);
                return html`<li>${where ? `${where}: ` : ''}${x.message[ctx.lang]}</li>`;
              })}
            </ul>
          </div>`
        : nothing
    }
    <div class="row">
      ${
        o.editing
          ? html`<p><strong>${t('Код опроса', 'Survey id')}:</strong> ${s.id}</p>`
          : textField(ctx, {
              id: 'survey-id',
              label: t(
                'Код опроса (латиница, цифры, - _ .)',
                'Survey id (Latin letters, digits, - _ .)',
              ),
              value: s.id,
              path: ['id'],
              onInput: (v) => o.set({ ...s, id: v }),
            })
      }
      <p>
        <strong>${t('Версия', 'Version')}:</strong> ${s.version}
        ${o.editing ? t('(черновик следующей версии)', '(draft of the next version)') : nothing}
      </p>
    </div>
    ${localized(ctx, {
      id: 'survey-title',
      label: t('Название опроса', 'Survey title'),
      value: s.title,
      path: ['title'],
      set: (v) => o.set({ ...s, title: v ?? { ru: '' } }),
    })}
    ${localized(ctx, {
      id: 'survey-description',
      label: t('Вступление', 'Introduction'),
      value: s.description,
      path: ['description'],
      optional: true,
      multiline: true,
      set: (v) => o.set(prune<Survey>({ ...s, description: v })),
    })}
    <div class="row">
      ${select(ctx, {
        id: 'survey-respondent',
        label: t('Кто отвечает', 'Who answers'),
        value: s.respondent ?? 'external',
        options: [
          [
            'external',
            t(
              'Внешние клиенты (граждане, организации)',
              'External clients (citizens, organisations)',
            ),
          ],
          ['internal', t('Внутренние клиенты (сотрудники)', 'Internal clients (staff)')],
        ],
        set: (v) => o.set({ ...s, respondent: v === 'internal' ? 'internal' : 'external' }),
      })}
      ${select(ctx, {
        id: 'survey-headline',
        label: t(
          'Главный вопрос (уровень удовлетворённости)',
          'Headline question (satisfaction level)',
        ),
        value: s.headline ?? '',
        path: ['headline'],
        options: [
          ['', t('Первая шкала удовлетворённости', 'The first satisfaction scale')],
          ...(s.headline !== undefined && !headlines.some(([q]) => q.id === s.headline)
            ? [
                [
                  s.headline,
                  `${s.headline} — ${t('не шкала удовлетворённости', 'not a satisfaction scale')}`,
                ] as const,
              ]
            : []),
          ...headlines.map(([q, i]) => [q.id, questionLabel(ctx, i)] as const),
        ],
        set: (v) => o.set(prune<Survey>({ ...s, headline: v === '' ? undefined : v })),
      })}
    </div>
    ${localized(ctx, {
      id: 'survey-thanks',
      label: t('Текст после отправки', 'Text after sending'),
      value: s.completion?.text,
      path: ['completion', 'text'],
      optional: true,
      multiline: true,
      set: (v) => {
        const completion = prune<NonNullable<Survey['completion']>>({ ...s.completion, text: v });
        o.set(
          prune<Survey>({
            ...s,
            completion: Object.keys(completion).length ? completion : undefined,
          }),
        );
      },
    })}
  </section>`;
}
