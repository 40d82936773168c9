/**
 * @otklik/editor — the survey editor of the admin pages. Importing this module registers
 * `<otklik-editor>` (once). The collector serves the built module as /admin/assets/editor.js.
 */
import { OtklikEditor } from './otklik-editor.js';

if (!customElements.get('otklik-editor')) customElements.define('otklik-editor', OtklikEditor);

export { OtklikEditor };
export {
  blankSurvey,
  changeType,
  fromTemplate,
  move,
  newQuestion,
  nextVersionDraft,
} from './model/draft.js';
export { nextId } from './model/ids.js';
export { checkDraft, fieldName, placeIssues } from './model/issues.js';
export { fromGroup, toGroup, type Clause, type ClauseGroup } from './model/condition.js';
