import type { StatementQuestion } from '@otklik/core/engine';
import type { TemplateResult } from 'lit';
import { frame, type QuestionView } from '../view.js';

/** Text on the path with nothing to answer. */
export function renderStatement(v: QuestionView<StatementQuestion>): TemplateResult {
  return frame(v, '');
}
