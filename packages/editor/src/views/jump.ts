import { END, type JumpTarget } from '@otklik/core/engine';
import type { TemplateResult } from 'lit';
import { questionLabel, type Ctx, type Path } from './ctx.js';
import { select } from './fields.js';

/**
 * «После ответа: …» — the next question in order, a later question, or the end. Only forward
 * targets are offered; a stored target that is no longer forward (after a move) stays selected and
 * says so, and core's checker names the error at the question.
 */
export function jumpSelect(
  ctx: Ctx,
  o: {
    id: string;
    label: string;
    at: number;
    value: JumpTarget | undefined;
    path: Path;
    set: (v: JumpTarget | undefined) => void;
  },
): TemplateResult {
  const qs = ctx.survey.questions;
  const options: [string, string][] = [['', ctx.t('Дальше по порядку', 'Next in order')]];
  qs.forEach((q, j) => {
    if (j > o.at)
      options.push([q.id, `${ctx.t('Перейти к: ', 'Go to: ')}${questionLabel(ctx, j)}`]);
  });
  options.push([END, ctx.t('Завершить опрос', 'End the survey')]);
  if (o.value !== undefined && !options.some(([v]) => v === o.value)) {
    const j = qs.findIndex((q) => q.id === o.value);
    options.push([
      o.value,
      j < 0
        ? `${o.value} — ${ctx.t('нет такого вопроса', 'no such question')}`
        : `${questionLabel(ctx, j)} — ${ctx.t('не вперёд: недопустимо', 'not forward: not allowed')}`,
    ]);
  }
  return select(ctx, {
    id: o.id,
    label: o.label,
    value: o.value ?? '',
    options,
    path: o.path,
    set: (v) => o.set(v === '' ? undefined : v),
  });
}
