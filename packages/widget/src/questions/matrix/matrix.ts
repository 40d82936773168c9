import type { AnswerValue, MatrixQuestion } from '@otklik/core/engine';
import { localize } from '@otklik/core/engine';
import { html, type TemplateResult } from 'lit';
import { scaleGroup } from '../scale/scale.js';
import { frame, ids, type QuestionView } from '../view.js';

const asRows = (a: AnswerValue | undefined): Record<string, number | string> =>
  typeof a === 'object' && !Array.isArray(a) ? a : {};

/** The rows' answers with one row set, or removed when `x` is undefined (none left: no answer). */
function withRow(
  rows: Record<string, number | string>,
  id: string,
  x: number | string | undefined,
): Record<string, number | string> | undefined {
  const next = { ...rows };
  if (x === undefined) delete next[id];
  else next[id] = x;
  return Object.keys(next).length ? next : undefined;
}

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
            <legend id=${ids.control(v.q.id, `-r-${r.id}`)}>${localize(r.text, v.lang)}</legend>
            ${scaleGroup(
              v,
              v.q.scale,
              v.q.extraOptions,
              `${v.q.id}-${r.id}`,
              value[r.id],
              (x) => v.set(withRow(asRows(v.current()), r.id, x)),
              ids.control(v.q.id, `-r-${r.id}`),
            )}
          </fieldset>`,
      )}
    </div>`,
  );
}
