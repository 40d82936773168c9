import { readFile } from 'node:fs/promises';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { surveyArb } from '../../test/arbitraries.js';
import { sample, validResponse } from '../../test/fixtures.js';
import { jsonSchemaErrors } from '../../test/mini-json-schema.js';
import { templates } from '../templates/index.js';
import { jsonSchemas, renderJsonSchemas, SCHEMA_DIR } from './emit-json-schema.js';
import { ZSurvey, ZSurveyResponse } from './survey.js';

const { 'survey.schema.json': surveySchema, 'response.schema.json': responseSchema } =
  jsonSchemas();

describe('generated JSON Schema files', () => {
  it('are committed up to date (run `pnpm --filter @otklik/core build` after changing the zod schemas)', async () => {
    const fresh = await renderJsonSchemas();
    expect(Object.keys(fresh).sort()).toEqual(['response.schema.json', 'survey.schema.json']);
    for (const [name, text] of Object.entries(fresh)) {
      expect(await readFile(SCHEMA_DIR + name, 'utf8'), name).toBe(text);
    }
  });

  it('name the recursive condition and the shared parts as definitions', () => {
    expect(Object.keys(surveySchema!.$defs as object).sort()).toEqual([
      'Condition',
      'Id',
      'LocalizedText',
      'Option',
      'Question',
    ]);
    expect(JSON.stringify(surveySchema)).toContain('"cond":{"$ref":"#/$defs/Condition"}');
    expect(surveySchema!.required).toEqual(['id', 'version', 'title', 'questions']);
    expect(responseSchema!.required).toEqual([
      'responseId',
      'surveyId',
      'surveyVersion',
      'lang',
      'answers',
      'context',
    ]);
  });
});

describe('survey.schema.json', () => {
  it('accepts the sample and every template', () => {
    expect(jsonSchemaErrors(surveySchema!, sample)).toEqual([]);
    for (const [id, t] of Object.entries(templates))
      expect(jsonSchemaErrors(surveySchema!, t), id).toEqual([]);
  });

  it('rejects what the zod schema rejects', () => {
    const broken = [
      { ...sample, title: undefined },
      { ...sample, colour: 'red' },
      { ...sample, questions: [{ id: 'q1', type: 'slider', title: { ru: 'x' } }] },
      {
        ...sample,
        questions: [
          { id: 'q1', type: 'text', title: { ru: 'x' }, showIf: { op: 'not', cond: { op: 'x' } } },
        ],
      },
      { ...sample, id: '1abc' },
    ];
    for (const b of broken) {
      const s = JSON.parse(JSON.stringify(b));
      expect(ZSurvey.safeParse(s).success).toBe(false);
      expect(
        jsonSchemaErrors(surveySchema!, s).length,
        JSON.stringify(s).slice(0, 200),
      ).toBeGreaterThan(0);
    }
  });

  it('agrees with the zod schema on generated surveys', () => {
    fc.assert(
      fc.property(surveyArb, (s) => {
        expect(jsonSchemaErrors(surveySchema!, s)).toEqual([]);
      }),
      { numRuns: 200 },
    );
  });

  it('agrees with the zod schema when one field of the sample holds arbitrary JSON', () => {
    const paths: (string | number)[][] = [];
    const walk = (v: unknown, p: (string | number)[]) => {
      paths.push(p);
      if (v && typeof v === 'object')
        for (const [k, x] of Object.entries(v)) walk(x, [...p, Array.isArray(v) ? Number(k) : k]);
    };
    walk(sample, []);
    fc.assert(
      fc.property(fc.constantFrom(...paths.slice(1)), fc.jsonValue(), (p, v) => {
        const s = structuredClone(sample) as unknown as Record<string | number, unknown>;
        let at = s;
        for (const k of p.slice(0, -1)) at = at[k] as Record<string | number, unknown>;
        at[p.at(-1)!] = v;
        const json = JSON.parse(JSON.stringify(s));
        expect(jsonSchemaErrors(surveySchema!, json).length === 0).toBe(
          ZSurvey.safeParse(json).success,
        );
      }),
      { numRuns: 200 },
    );
  });
});

describe('response.schema.json', () => {
  it('accepts a valid response, with unknown top-level keys', () => {
    expect(jsonSchemaErrors(responseSchema!, validResponse())).toEqual([]);
    expect(jsonSchemaErrors(responseSchema!, { ...validResponse(), extra: 1 })).toEqual([]);
  });
  it('rejects a response without context, with a bad channel or a bad uuid, as zod does', () => {
    const broken = [
      { ...validResponse(), context: undefined },
      { ...validResponse(), context: { channel: 'fax' } },
      { ...validResponse(), responseId: 'x' },
      { ...validResponse(), answers: { q1: true } },
    ];
    for (const b of broken) {
      const r = JSON.parse(JSON.stringify(b));
      expect(ZSurveyResponse.safeParse(r).success).toBe(false);
      expect(jsonSchemaErrors(responseSchema!, r).length).toBeGreaterThan(0);
    }
  });
});
