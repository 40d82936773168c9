import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { jsonSchemaErrors } from '../../test/mini-json-schema.js';
import { validateResponse } from '../engine/validate-response.js';
import { MAX_VERSION } from '../engine/wire.js';
import { kioskPulse } from '../templates/index.js';
import { jsonSchemas } from './emit-json-schema.js';
import { ZSurveyResponse } from './survey.js';

/**
 * One definition of a response: the engine's `validateResponse` is the source (it alone knows the
 * survey, and it runs in the widget and the collector); `ZSurveyResponse` and the published JSON
 * Schema are built from its constants. On generated responses, valid and broken:
 * - zod and the JSON Schema agree;
 * - the validator never accepts what they refuse;
 * - on the fields that do not depend on the survey, the validator refuses exactly what they refuse.
 */

const responseSchema = jsonSchemas()['response.schema.json']!;
const survey = kioskPulse;
const catalogs = {
  services: (survey.catalogs?.services ?? []).map((e) => e.id),
};

const base = () => ({
  responseId: '3f1c2a4e-9b7d-4c1e-8a2b-5d6e7f8a9b0c',
  surveyId: survey.id,
  surveyVersion: survey.version,
  lang: 'ru',
  answers: { q1: 'example-consultation', q2: 4, q3: 'Быстро' } as Record<string, unknown>,
  context: { channel: 'kiosk', touchpoint: 'mfc-1' } as Record<string, unknown>,
  answeredAt: '2026-03-01T10:00:00+03:00',
});

/** Values that sit on the edges of some rule, and arbitrary ones. */
const edgy = fc.constantFrom<unknown>(
  undefined,
  null,
  true,
  0,
  1,
  -1,
  1.5,
  MAX_VERSION,
  MAX_VERSION + 1,
  '',
  'ru',
  'en',
  'de',
  'site',
  'kiosk',
  'fax',
  'external',
  'internal',
  'x'.repeat(200),
  'x'.repeat(201),
  'a\u0000b',
  'x\uD800',
  '\uDC00',
  'ok 👍',
  '3f1c2a4e-9b7d-4c1e-8a2b-5d6e7f8a9b0c',
  '3F1C2A4E-9B7D-4C1E-8A2B-5D6E7F8A9B0C',
  '00000000-0000-0000-0000-000000000000',
  '3f1c2a4e-9b7d-0c1e-8a2b-5d6e7f8a9b0c',
  '2026-03-01T10:00:00Z',
  '2026-03-01T10:00:00.123+03:00',
  '2026-03-01T10:00Z',
  '2026-02-29T10:00:00Z',
  '2028-02-29T10:00:00Z',
  '2100-02-29T10:00:00Z',
  '2000-02-29T10:00:00Z',
  '2026-04-31T10:00:00Z',
  '2026-03-01 10:00:00Z',
  [],
  ['a'],
  {},
  { channel: 'site' },
);
const anyUnit = fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c));
const wireValue = fc.oneof(
  { weight: 4, arbitrary: edgy },
  { weight: 1, arbitrary: fc.string({ unit: anyUnit, maxLength: 6 }) },
  { weight: 1, arbitrary: fc.jsonValue({ maxDepth: 1 }) },
);

/** Fields whose rules do not depend on the survey. */
const FREE_PATHS = [
  ['responseId'],
  ['lang'],
  ['answeredAt'],
  ['context'],
  ['context', 'channel'],
  ['context', 'object'],
  ['context', 'touchpoint'],
  ['context', 'respondent'],
] as const;
/** Fields the survey decides further (the validator may refuse more). */
const SURVEY_PATHS = [
  ['surveyVersion'],
  ['answers', 'q1'],
  ['answers', 'q2'],
  ['answers', 'q3'],
  ['answers'],
] as const;

function setAt(o: Record<string, unknown>, path: readonly string[], v: unknown): void {
  let cur: Record<string, unknown> = o;
  for (const k of path.slice(0, -1)) {
    const next = cur[k];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) return;
    cur = next as Record<string, unknown>;
  }
  const last = path.at(-1)!;
  // A copy: the edge values are shared constants, and a later edit must not change them.
  if (v === undefined) delete cur[last];
  else cur[last] = structuredClone(v);
}

const edits = (paths: readonly (readonly string[])[]) =>
  fc.array(fc.tuple(fc.constantFrom(...paths), wireValue), { minLength: 1, maxLength: 3 });

/** The response as it arrives: JSON text parsed back (so `undefined` keys vanish, as on the wire). */
function candidate(changes: [readonly string[], unknown][]): unknown {
  const r = base();
  for (const [p, v] of changes) setAt(r as unknown as Record<string, unknown>, p, v);
  return JSON.parse(JSON.stringify(r));
}

const verdicts = (r: unknown) => ({
  zod: ZSurveyResponse.safeParse(r).success,
  json: jsonSchemaErrors(responseSchema, r).length === 0,
  engine: validateResponse(survey, r, { catalogs }).ok,
});

describe('the response is defined once', () => {
  it('the base response passes all three', () => {
    expect(verdicts(candidate([]))).toEqual({ zod: true, json: true, engine: true });
  });

  it('a null answer means "not answered" in all three', () => {
    expect(verdicts(candidate([[['answers'], { q1: null, q2: 5 }]]))).toEqual({
      zod: true,
      json: true,
      engine: true,
    });
  });

  it('on survey-independent fields, zod, the JSON Schema and validateResponse agree', () => {
    fc.assert(
      fc.property(edits(FREE_PATHS), (changes) => {
        const v = verdicts(candidate(changes));
        expect(v.json).toBe(v.zod);
        expect(v.engine).toBe(v.zod);
      }),
      { numRuns: Number(process.env.AGREE_RUNS ?? 1500) },
    );
  });

  it('anywhere, zod and the JSON Schema agree, and the validator accepts nothing they refuse', () => {
    fc.assert(
      fc.property(edits([...FREE_PATHS, ...SURVEY_PATHS]), (changes) => {
        const v = verdicts(candidate(changes));
        expect(v.json).toBe(v.zod);
        if (v.engine) expect(v.zod).toBe(true);
      }),
      { numRuns: Number(process.env.AGREE_RUNS ?? 1500) },
    );
  });
});
