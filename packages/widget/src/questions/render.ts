import type {
  ListQuestion,
  MatrixQuestion,
  MultipleQuestion,
  ScaleQuestion,
  SingleQuestion,
  StatementQuestion,
  TextQuestion,
} from '@otklik/core/engine';
import type { TemplateResult } from 'lit';
import { renderList } from './list/list.js';
import { renderMatrix } from './matrix/matrix.js';
import { renderMultiple } from './multiple/multiple.js';
import { renderScale } from './scale/scale.js';
import { renderSingle } from './single/single.js';
import { renderStatement } from './statement/statement.js';
import { renderText } from './text/text.js';
import type { QuestionView } from './view.js';

/** Renders a question of any kind (the view's `q.type` picks the renderer). */
export function renderQuestion(v: QuestionView): TemplateResult {
  switch (v.q.type) {
    case 'single':
      return renderSingle(v as QuestionView<SingleQuestion>);
    case 'multiple':
      return renderMultiple(v as QuestionView<MultipleQuestion>);
    case 'scale':
      return renderScale(v as QuestionView<ScaleQuestion>);
    case 'matrix':
      return renderMatrix(v as QuestionView<MatrixQuestion>);
    case 'list':
      return renderList(v as QuestionView<ListQuestion>);
    case 'text':
      return renderText(v as QuestionView<TextQuestion>);
    case 'statement':
      return renderStatement(v as QuestionView<StatementQuestion>);
  }
}
