// A namespace import lets bundlers drop zod's locales: 25 KB gzip instead of 93 KB with `{ z }`.
import * as z from 'zod';
import { CHANNELS, END } from '../types.js';
import type { Condition } from '../types.js';
import { CONTEXT_BINDINGS, CONTEXT_MAX } from '../engine/kinds.js';
import {
  ISO_DATE_TIME,
  LANGS,
  MAX_VERSION,
  RESPONDENTS,
  UUID,
  WELL_FORMED_TEXT,
} from '../engine/wire.js';

/**
 * zod schemas of a survey definition and of the response wire format. They check shape; the rules
 * that span the survey (ids unique, jumps forward, conditions look back) live in `logic.ts`.
 * Objects are strict: a misspelt key in a hand-written survey is an error, not silently ignored.
 */

export const ZId = z
  .string()
  .min(1)
  .max(64)
  .regex(/^[A-Za-z][A-Za-z0-9_.-]*$/, 'letters, digits, _ . - ; starts with a letter')
  .meta({ id: 'Id', description: 'Stable id: letters, digits, _ . - ; starts with a letter.' });

/**
 * A string PostgreSQL can store (no U+0000, no unpaired surrogate): every text of a survey and of
 * a response is one, so a bad one is a 422 with its path, never a database error.
 */
export const zText = () =>
  z.string().regex(WELL_FORMED_TEXT, 'no U+0000 and no unpaired surrogate (invalid_text)');

// `meta({ id })` names the definitions in the generated JSON Schema (`$defs/Condition`, …).
export const ZLocalizedText = z
  .strictObject({
    ru: zText().min(1).max(5000),
    en: zText().min(1).max(5000).exactOptional(),
  })
  .meta({ id: 'LocalizedText', description: 'Russian text (required) and English (optional).' });

const ZJumpTarget = z.union([ZId, z.literal(END)]);

export const ZOption = z
  .strictObject({
    id: ZId,
    text: ZLocalizedText,
    kind: z.enum(['dontKnow', 'notApplicable']).exactOptional(),
    exclusive: z.boolean().exactOptional(),
    specify: z
      .strictObject({
        maxLength: z.int().min(1).max(10000).exactOptional(),
        required: z.boolean().exactOptional(),
      })
      .exactOptional(),
    problem: z.boolean().exactOptional(),
    positive: z.boolean().exactOptional(),
    goTo: ZJumpTarget.exactOptional(),
  })
  .meta({ id: 'Option' });

const ZScaleRole = z.enum(['satisfaction', 'effort', 'recommend', 'other']);

const scaleFields = {
  min: z.int().min(-100).max(100),
  max: z.int().min(-100).max(100),
  order: z.enum(['asc', 'desc']).exactOptional(),
  role: ZScaleRole.exactOptional(),
  minLabel: ZLocalizedText.exactOptional(),
  maxLabel: ZLocalizedText.exactOptional(),
};
export const ZScaleSpec = z.strictObject(scaleFields);

const ZValue = z.union([zText().max(200), z.number()]);
const ref = { question: ZId, row: ZId.exactOptional() };

export const ZCondition: z.ZodType<Condition> = z
  .lazy(() =>
    z.discriminatedUnion('op', [
      z.strictObject({ op: z.literal('answered'), ...ref }),
      z.strictObject({ op: z.literal('equals'), ...ref, value: ZValue }),
      z.strictObject({ op: z.literal('in'), ...ref, values: z.array(ZValue).min(1) }),
      z.strictObject({ op: z.enum(['gt', 'gte', 'lt', 'lte']), ...ref, value: z.number() }),
      z.strictObject({ op: z.literal('and'), all: z.array(ZCondition).min(1) }),
      z.strictObject({ op: z.literal('or'), any: z.array(ZCondition).min(1) }),
      z.strictObject({ op: z.literal('not'), cond: ZCondition }),
    ]),
  )
  .meta({
    id: 'Condition',
    description: 'A condition on earlier answers.',
  }) as z.ZodType<Condition>;

const base = {
  id: ZId,
  title: ZLocalizedText,
  description: ZLocalizedText.exactOptional(),
  required: z.boolean().exactOptional(),
  showIf: ZCondition.exactOptional(),
  goTo: ZJumpTarget.exactOptional(),
  section: ZId.exactOptional(),
  context: z.enum(CONTEXT_BINDINGS).exactOptional(),
};
const ZOptions = z.array(ZOption).min(1).max(1000);

export const ZQuestion = z
  .discriminatedUnion('type', [
    z.strictObject({
      ...base,
      type: z.literal('single'),
      options: ZOptions,
      role: z.enum(['satisfaction', 'other']).exactOptional(),
    }),
    z.strictObject({
      ...base,
      type: z.literal('multiple'),
      options: ZOptions,
      min: z.int().min(0).exactOptional(),
      max: z.int().min(1).exactOptional(),
    }),
    z.strictObject({
      ...base,
      ...scaleFields,
      type: z.literal('scale'),
      extraOptions: z.array(ZOption).max(5).exactOptional(),
    }),
    z.strictObject({
      ...base,
      type: z.literal('matrix'),
      rows: z
        .array(
          z.strictObject({ id: ZId, text: ZLocalizedText, showIf: ZCondition.exactOptional() }),
        )
        .min(1)
        .max(100),
      scale: ZScaleSpec,
      extraOptions: z.array(ZOption).max(5).exactOptional(),
    }),
    z.strictObject({
      ...base,
      type: z.literal('list'),
      options: ZOptions.exactOptional(),
      catalog: ZId.exactOptional(),
      multiple: z.boolean().exactOptional(),
    }),
    z.strictObject({
      ...base,
      type: z.literal('text'),
      multiline: z.boolean().exactOptional(),
      maxLength: z.int().min(1).max(20000).exactOptional(),
    }),
    z.strictObject({ ...base, type: z.literal('statement') }),
  ])
  .meta({ id: 'Question' });

/** Most entries in one catalogue (a region's full list of services fits with room to spare). */
export const MAX_CATALOG_ENTRIES = 100_000;

export const ZCatalogEntry = z.strictObject({
  id: zText().min(1).max(CONTEXT_MAX),
  text: ZLocalizedText,
});

export const ZSurvey = z.strictObject({
  $schema: zText().max(2000).exactOptional(),
  id: ZId,
  // An int4 column holds it.
  version: z.int().min(1).max(MAX_VERSION),
  title: ZLocalizedText,
  description: ZLocalizedText.exactOptional(),
  respondent: z.enum(['external', 'internal']).exactOptional(),
  questions: z.array(ZQuestion).min(1).max(2000),
  headline: ZId.exactOptional(),
  sections: z.array(z.strictObject({ id: ZId, title: ZLocalizedText })).exactOptional(),
  catalogs: z.record(ZId, z.array(ZCatalogEntry).max(MAX_CATALOG_ENTRIES)).exactOptional(),
  completion: z
    .strictObject({ title: ZLocalizedText.exactOptional(), text: ZLocalizedText.exactOptional() })
    .exactOptional(),
});

/**
 * The response wire format without the survey: the shape every response has, for API clients and
 * the generated `response.schema.json`. Built from the engine's constants (`engine/wire.ts`,
 * `engine/kinds.ts`); `validateResponse` is the run-time check, which also knows the survey, and
 * never accepts what this schema refuses (a property test holds the two and the JSON Schema to it).
 */
const ZAnswerText = zText().max(20000);
export const ZSurveyResponse = z.object({
  responseId: z
    .string()
    .regex(UUID, 'UUID')
    .describe('Client-made UUID, made once per response: the idempotency key.'),
  surveyId: ZId,
  surveyVersion: z.int().min(1).max(MAX_VERSION).describe('The exact survey version answered.'),
  lang: z.enum(LANGS),
  answers: z
    .record(
      ZId,
      z.union([
        ZAnswerText,
        z.number(),
        z.array(zText().max(CONTEXT_MAX)),
        z.record(ZId, z.union([z.number(), zText().max(CONTEXT_MAX)])),
        z.null(),
      ]),
    )
    .describe(
      'By question id: single/list → option id; multiple → option ids; scale → integer or extra option id; matrix → { rowId: integer | extra option id }; text → string; null → not answered.',
    ),
  specify: z
    .record(ZId, z.record(ZId, zText().max(10000)))
    .exactOptional()
    .describe('Texts typed into options with their own field: { questionId: { optionId: text } }.'),
  context: z.object({
    object: zText().max(CONTEXT_MAX).exactOptional(),
    channel: z.enum(CHANNELS),
    touchpoint: zText().max(CONTEXT_MAX).exactOptional(),
    respondent: z.enum(RESPONDENTS).exactOptional(),
  }),
  answeredAt: z.string().regex(ISO_DATE_TIME, 'ISO 8601 date-time').exactOptional(),
});
