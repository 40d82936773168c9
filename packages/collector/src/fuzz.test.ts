/**
 * Hostile payloads at `POST /v1/surveys/:id/responses` and at publishing (`POST /v1/surveys`), on a
 * real database: no answer is a 500, every 4xx names a specific code, and nothing refused is stored.
 *
 * A seed-fixed sample runs in `pnpm test`; FUZZ_RUNS=10000 (and FUZZ_SEED) make it a long run.
 */
import fc from 'fast-check';
import type { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { API_ERRORS } from './middleware/errors.js';
import type { Db } from './store/db.js';
import { backends } from './test/backends.js';
import { pulse, response } from './test/fixtures.js';
import { admin, makeApp, postJson } from './test/harness.js';

const RUNS = Number(process.env.FUZZ_RUNS ?? 300);
const SEED = Number(process.env.FUZZ_SEED ?? 20261130);
const CODES = new Set(Object.keys(API_ERRORS));

/** Strings PostgreSQL, JSON or a naive server trips over. */
const nasty = fc.oneof(
  fc.constantFrom(
    '\u0000',
    'a\u0000b',
    '\ud800',
    'x\udfffy',
    '\udc00\ud800',
    '',
    ' ',
    '__proto__',
    'constructor',
    '\r\nSet-Cookie: a=b',
    '%00',
    '../../etc/passwd',
    "'; DROP TABLE responses; --",
    'ж'.repeat(5000),
    'x'.repeat(66_000),
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.string({ maxLength: 40 }),
);
const numbers = fc.oneof(
  fc.constantFrom(0, -1, 1.5, 2 ** 31, 2 ** 31 - 1, -(2 ** 31) - 1, 2 ** 53 + 2, 1e308, -1e308),
  fc.integer(),
  fc.double({ noNaN: true, noDefaultInfinity: true }),
);
const hostile = fc.oneof(
  nasty,
  numbers,
  fc.constantFrom(null, true, false, [], {}),
  fc.anything({ maxDepth: 4, maxKeys: 6 }),
  fc.array(nasty, { maxLength: 5 }),
  fc.dictionary(nasty, nasty, { maxKeys: 5 }),
);

/** Top-level and nested places in a response where a hostile value goes. */
const RESPONSE_PATHS = [
  ['responseId'],
  ['surveyId'],
  ['surveyVersion'],
  ['lang'],
  ['answeredAt'],
  ['answers'],
  ['answers', 'q1'],
  ['answers', 'q2'],
  ['answers', 'q3'],
  ['answers', 'zz'],
  ['specify'],
  ['specify', 'q2'],
  ['specify', 'q2', 'other'],
  ['context'],
  ['context', 'channel'],
  ['context', 'object'],
  ['context', 'touchpoint'],
  ['context', 'respondent'],
  ['extra'],
] as const;

function setAt(target: Record<string, unknown>, path: readonly string[], value: unknown): void {
  let o = target;
  for (const k of path.slice(0, -1)) {
    const next = o[k];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) o[k] = {};
    o = o[k] as Record<string, unknown>;
  }
  o[path.at(-1)!] = value;
}

/** Raw JSON texts no object literal can make: prototype keys, deep nesting, thousands of keys. */
function rawPayload(kind: number, base: Record<string, unknown>): string {
  const json = JSON.stringify(base);
  switch (kind) {
    case 0:
      return json.replace('"answers":{', '"answers":{"__proto__":{"q1":5,"polluted":true},');
    case 1:
      return json.replace('{', '{"constructor":{"prototype":{"x":1}},"__proto__":null,');
    case 2:
      return `{"answers":${'['.repeat(4000)}${']'.repeat(4000)}}`;
    case 3: {
      const keys = Array.from({ length: 3000 }, (_, i) => `"k${i}":${i}`).join(',');
      return json.replace('"answers":{', `"answers":{${keys},`);
    }
    case 4:
      return json.slice(0, json.length >> 1);
    default:
      return json.replace(/"q1":\d+/, '"q1":1e400');
  }
}

const responsePayload = fc.oneof(
  {
    arbitrary: fc.record({
      path: fc.constantFrom(...RESPONSE_PATHS),
      value: hostile,
      also: fc.option(fc.tuple(fc.constantFrom(...RESPONSE_PATHS), hostile), { nil: undefined }),
    }),
    weight: 6,
  },
  { arbitrary: fc.record({ raw: fc.integer({ min: 0, max: 5 }) }), weight: 2 },
  { arbitrary: fc.record({ any: fc.anything({ maxDepth: 6 }) }), weight: 1 },
);
/** Path ids: mostly the real one, else hostile text, percent-encoded, or raw bad escapes. */
const pathIds = fc.oneof(
  { arbitrary: fc.constant(pulse.id), weight: 8 },
  {
    // encodeURIComponent throws on lone surrogates; their raw bytes come from the constants below.
    arbitrary: nasty.map(
      (s) => encodeURIComponent(s.slice(0, 200).replace(/[\ud800-\udfff]/g, '\ufffd')) || 'x',
    ),
    weight: 1,
  },
  { arbitrary: fc.constantFrom('%ED%A0%80', '%FF%FE', '%C0%80', '%', '%zz', 'a%2Fb'), weight: 1 },
);

interface Tally {
  statuses: Map<number, number>;
  codes: Map<string, number>;
}
const count = <K>(m: Map<K, number>, k: K) => m.set(k, (m.get(k) ?? 0) + 1);

async function check(res: Response, tally: Tally): Promise<{ status: number; error?: string }> {
  const text = await res.text();
  count(tally.statuses, res.status);
  expect(res.status, text.slice(0, 300)).not.toBe(500);
  expect(res.status).toBeLessThan(500);
  if (res.status >= 400) {
    const body = JSON.parse(text) as { error: string; message: { ru: string; en: string } };
    expect(CODES.has(body.error), body.error).toBe(true);
    expect(body.error).not.toBe('internal');
    expect(body.message.ru.length).toBeGreaterThan(0);
    count(tally.codes, body.error);
    return { status: res.status, error: body.error };
  }
  return { status: res.status };
}

const figures = (t: Tally) =>
  `statuses ${JSON.stringify(Object.fromEntries([...t.statuses].sort()))}, codes ${JSON.stringify(
    Object.fromEntries([...t.codes].sort((a, b) => b[1] - a[1])),
  )}`;

describe.each(backends)('fuzz on $name', (backend) => {
  let db: Db;
  let app: Hono;
  beforeAll(async () => {
    db = await backend.open();
    ({ app } = await makeApp(db));
  });
  afterAll(async () => {
    await db.close();
  });

  it(`POST responses: ${RUNS} hostile payloads, no 500, specific codes, nothing refused stored`, async () => {
    const tally: Tally = { statuses: new Map(), codes: new Map() };
    const accepted = new Set<string>();
    const refused = new Set<string>();
    await fc.assert(
      fc.asyncProperty(pathIds, responsePayload, async (id, p) => {
        const base = response() as unknown as Record<string, unknown>;
        let body: string;
        if ('path' in p) {
          setAt(base, p.path, p.value);
          if (p.also) setAt(base, p.also[0], p.also[1]);
          body = JSON.stringify(base);
        } else if ('raw' in p) {
          body = rawPayload(p.raw, base);
        } else {
          body = JSON.stringify(p.any) ?? 'null';
        }
        const res = await postJson(app, `/v1/surveys/${id}/responses`, body);
        const { status } = await check(res, tally);
        const rid = typeof base.responseId === 'string' ? base.responseId.toLowerCase() : '';
        if (status === 200 || status === 201) accepted.add(rid);
        else if (status !== 409) refused.add(rid);
      }),
      { numRuns: RUNS, seed: SEED },
    );
    const ids = [...refused].filter((r) => !accepted.has(r) && /^[0-9a-f-]{36}$/.test(r));
    const stored = await db.query('SELECT 1 FROM responses WHERE response_id = ANY($1::uuid[])', [
      ids,
    ]);
    console.info(`[fuzz responses ${backend.name}] ${RUNS} runs: ${figures(tally)}`);
    expect(stored).toEqual([]);
    expect(tally.statuses.get(500) ?? 0).toBe(0);
  }, 600_000);

  it(`publish: ${Math.ceil(RUNS / 2)} hostile survey definitions, no 500, nothing refused stored`, async () => {
    const tally: Tally = { statuses: new Map(), codes: new Map() };
    const SURVEY_PATHS = [
      ['id'],
      ['version'],
      ['title'],
      ['title', 'ru'],
      ['title', 'en'],
      ['questions'],
      ['questions', '0'],
      ['questions', '0', 'title', 'ru'],
      ['questions', '0', 'max'],
      ['questions', '1', 'options', '0', 'id'],
      ['questions', '1', 'options', '0', 'text', 'ru'],
      ['catalogs'],
      ['extra'],
    ] as const;
    const surveysNow = async () =>
      Number((await db.query<{ n: string }>('SELECT count(*) AS n FROM surveys'))[0]!.n);
    const before = await surveysNow();
    let created = 0;
    let version = 1000;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...SURVEY_PATHS),
        hostile,
        fc.boolean(),
        async (path, value, asAny) => {
          const survey = JSON.parse(JSON.stringify(pulse)) as Record<string, unknown>;
          survey.version = ++version;
          if (asAny) setAt(survey, path, value);
          else
            setAt(survey, path, typeof value === 'string' ? value : (JSON.stringify(value) ?? ''));
          const res = await postJson(app, '/v1/surveys', JSON.stringify(survey), admin);
          const { status } = await check(res, tally);
          if (status === 201) created++;
        },
      ),
      { numRuns: Math.ceil(RUNS / 2), seed: SEED },
    );
    console.info(`[fuzz publish ${backend.name}] ${Math.ceil(RUNS / 2)} runs: ${figures(tally)}`);
    expect(await surveysNow()).toBe(before + created);
  }, 600_000);
});
