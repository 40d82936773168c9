import type { AnswerValue, MatrixQuestion } from '@otklik/core/engine';
import { localize } from '@otklik/core/engine';
import { html, type TemplateResult } from 'lit';
import { scaleGroup } from '../scale/scale.js';
import { frame, type QuestionView } from '../view.js';

const asRows = (a: AnswerValue | undefined): Record<string, number | string> =>
  typeof a === 'object' && !Array.isArray(a) ? a : {};

/**
 * A matrix: one fieldset per row whose legend is the row text, each a radio group of its own, so a
 * screen reader announces "row, value" instead of an unlabelled grid cell. The styles lay the rows
 * out as a grid on wide containers and as a list on narrow ones.
 */
export function renderMatrix(v: QuestionView<MatrixQuestion>): TemplateResult {
  const value = asRows(v.value);
  return frame(
    v,
    html`<div class="matrix">
      ${v.rows.map(
        (r) =>
          html`<fieldset class="row">
            <legend>${localize(r.text, v.lang)}</legend>
            ${scaleGroup(v, v.q.scale, v.q.extraOptions, `${v.q.id}-${r.id}`, value[r.id], (x) =>
              v.set({ ...asRows(v.current()), [r.id]: x }),
            )}
          </fieldset>`,
      )}
    </div>`,
  );
}
