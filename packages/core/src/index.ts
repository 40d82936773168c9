/**
 * @otklik/core — what a survey is, which question comes next, which responses are valid and how
 * the figures are computed. Framework-free: no DOM, no Node APIs.
 *
 * The widget imports `@otklik/core/engine` (no zod); servers and tools import this entry.
 */
export * from './engine/index.js';
export { parseSurvey } from './schema/parse.js';
export { MAX_CATALOG_ENTRIES, parseCatalog } from './schema/catalog.js';
export { checkSurveyLogic } from './schema/logic.js';
export {
  ZCatalogEntry,
  ZCondition,
  ZId,
  ZLocalizedText,
  ZOption,
  ZQuestion,
  ZScaleSpec,
  ZSurvey,
  ZSurveyResponse,
} from './schema/survey.js';
export {
  Accumulator,
  createAccumulator,
  headlineQuestion,
  summaryFeed,
  NO_TOUCHPOINT,
  restoreAccumulator,
  type AccumulatorOptions,
} from './scoring/accumulator.js';
export {
  checkState,
  STATE_FORMAT,
  type AccumulatorState,
  type QuestionState,
} from './scoring/state.js';
export { figuresFromCounts, type CountRow } from './scoring/counts.js';
export { figureInputs, topTwoCount, type FigureInputs } from './scoring/figures.js';
export { meanOfFigures, percent, roundedRatio } from './scoring/round.js';
export type * from './scoring/types.js';
export {
  conditionText,
  diffSurveys,
  type ChangeCode,
  type SurveyChange,
  type SurveyDiff,
} from './diff.js';
export {
  importSurveyJs,
  type ImportNote,
  type ImportOptions,
  type SurveyJsImport,
} from './import/surveyjs.js';
