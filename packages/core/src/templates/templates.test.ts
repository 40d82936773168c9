import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { visiblePath, visibleRows } from '../engine/path.js';
import { validateResponse } from '../engine/validate-response.js';
import { parseSurvey } from '../schema/parse.js';
import type { Answers, MatrixQuestion, Question, Survey } from '../types.js';
import {
  belgorodTypical,
  getTemplate,
  internalStaff,
  kioskPulse,
  templateIds,
  templates,
  vladimirSocial,
} from './index.js';

const byId = (s: Survey, id: string): Question => {
  const q = s.questions.find((x) => x.id === id);
  if (!q) throw new Error(`no ${id} in ${s.id}`);
  return q;
};
const matrix = (s: Survey, id: string): MatrixQuestion => {
  const q = byId(s, id);
  if (q.type !== 'matrix') throw new Error(`${id} is not a matrix`);
  return q;
};
/** Catalogue ids a template ships, in the form `validateResponse` takes. */
const catalogIds = (s: Survey) =>
  Object.fromEntries(Object.entries(s.catalogs ?? {}).map(([k, v]) => [k, v.map((e) => e.id)]));

const envelope = (s: Survey, answers: Answers, extra: Record<string, unknown> = {}) => ({
  responseId: '7d9f1c2e-4b3a-4c5d-9e8f-0a1b2c3d4e5f',
  surveyId: s.id,
  surveyVersion: s.version,
  lang: 'ru',
  answers,
  context: { channel: 'site', respondent: s.respondent ?? 'external' },
  ...extra,
});

describe('templates index', () => {
  it('lists the four templates under their ids', () => {
    expect(templateIds).toEqual([
      'belgorod-typical',
      'vladimir-social',
      'internal-staff',
      'kiosk-pulse',
    ]);
    expect(Object.keys(templates)).toEqual([...templateIds]);
    for (const id of templateIds) expect(templates[id].id).toBe(id);
  });

  it('getTemplate returns a template, and undefined for unknown or inherited names', () => {
    expect(getTemplate('kiosk-pulse')).toBe(kioskPulse);
    expect(getTemplate('nope')).toBeUndefined();
    expect(getTemplate('toString')).toBeUndefined();
    expect(getTemplate('__proto__')).toBeUndefined();
  });

  it('templates are deeply frozen: a version never changes in place', () => {
    expect(() => {
      (belgorodTypical.questions[0]!.title as { ru: string }).ru = 'x';
    }).toThrow(TypeError);
    expect(() => {
      (belgorodTypical.catalogs!['services'] as unknown[]).push({});
    }).toThrow(TypeError);
  });
});

describe.each(templateIds)('%s', (id) => {
  const s = templates[id];

  it('passes parseSurvey unchanged', () => {
    const r = parseSurvey(JSON.parse(JSON.stringify(s)));
    expect(r.ok ? [] : r.issues).toEqual([]);
    expect(r.ok && r.value).toEqual(s);
  });

  it('numbers questions q<n> in increasing order', () => {
    const ids = s.questions.map((q) => q.id);
    for (const qid of ids) expect(qid).toMatch(/^q\d+$/);
    const nums = ids.map((q) => Number(q.slice(1)));
    expect(nums).toEqual([...nums].sort((a, b) => a - b));
  });

  it('has an English text wherever there is a Russian one', () => {
    const missing: string[] = [];
    const visit = (v: unknown, path: string): void => {
      if (Array.isArray(v)) v.forEach((x, i) => visit(x, `${path}.${i}`));
      else if (typeof v === 'object' && v !== null) {
        if ('ru' in v && !('en' in v)) missing.push(path);
        for (const [k, x] of Object.entries(v)) visit(x, `${path}.${k}`);
      }
    };
    visit(s, id);
    expect(missing).toEqual([]);
  });

  it('ships its list catalogues, labelled as examples where they are illustrations', () => {
    for (const q of s.questions) {
      if (q.type === 'list' && q.catalog)
        expect(s.catalogs?.[q.catalog]?.length).toBeGreaterThan(0);
    }
    for (const e of s.catalogs?.['services'] ?? []) {
      expect(e.id).toMatch(/^example-/);
      expect(e.text.ru).toMatch(/\(пример\)$/);
    }
  });

  it('keeps answer-count hints and printed jumps out of the texts', () => {
    const texts = JSON.stringify(s);
    expect(texts).not.toMatch(/один ответ|любое число ответов|открытый вопрос|переход/i);
  });
});

describe('belgorod-typical (001 Приложение 1)', () => {
  const s = belgorodTypical;
  const all = s.questions.map((q) => q.id);
  const without = (...ids: string[]) => all.filter((q) => !ids.includes(q));

  it('has the printed numbers, gaps included (no 17, 23–27, 31)', () => {
    expect(all).toEqual([
      'q1',
      'q2',
      'q3',
      'q4',
      'q5',
      'q6',
      'q7',
      'q8',
      'q9',
      'q10',
      'q11',
      'q12',
      'q13',
      'q14',
      'q15',
      'q16',
      'q18',
      'q19',
      'q20',
      'q21',
      'q22',
      'q28',
      'q29',
      'q30',
      'q32',
    ]);
  });

  it('marks the options and scales the figures depend on', () => {
    expect(byId(s, 'q1')).toMatchObject({
      role: 'satisfaction',
      options: [
        { id: 'satisfied', positive: true },
        { id: 'not_satisfied' },
        { id: 'dont_know', kind: 'dontKnow' },
      ],
    });
    expect(byId(s, 'q13')).toMatchObject({
      options: [{}, {}, {}, { id: 'no_contact', kind: 'notApplicable' }],
    });
    expect(byId(s, 'q4')).toMatchObject({
      type: 'multiple',
      options: [
        { id: 'problem', problem: true, specify: { required: true } },
        { id: 'no_problems', exclusive: true },
      ],
    });
    expect(byId(s, 'q5')).toMatchObject({
      options: [{}, {}, {}, {}, { id: 'other', specify: {} }],
    });
    expect(byId(s, 'q3')).toMatchObject({
      type: 'scale',
      min: 1,
      max: 5,
      order: 'desc',
      role: 'satisfaction',
    });
    expect(byId(s, 'q11')).toMatchObject({
      type: 'scale',
      min: 1,
      max: 5,
      order: 'desc',
      role: 'effort',
    });
    expect(byId(s, 'q21')).toMatchObject({
      type: 'scale',
      min: 1,
      max: 10,
      order: 'desc',
      role: 'recommend',
    });
    expect(byId(s, 'q2')).toMatchObject({ type: 'list', catalog: 'services', context: 'object' });
    expect(byId(s, 'q2')).not.toHaveProperty('multiple');
    expect(s.headline).toBe('q3');
    expect(byId(s, 'q32')).toMatchObject({ type: 'list', catalog: 'municipalities' });
    expect(matrix(s, 'q12').scale).toMatchObject({ min: 1, max: 5, role: 'satisfaction' });
  });

  it('with no answers: Q6 (no rows), Q9, Q11 and Q19 are not on the path', () => {
    expect(visiblePath(s, {})).toEqual(without('q6', 'q9', 'q11', 'q19'));
  });

  it('Q8 refusal shows Q9; provided hides it', () => {
    expect(visiblePath(s, { q2: 'x', q8: 'refused' })).toEqual(without('q6', 'q19'));
    expect(visiblePath(s, { q2: 'x', q8: 'provided' })).toEqual(without('q6', 'q9', 'q19'));
  });

  it('Q11 for everyone who named the service in Q2, whatever Q8 says or if it is skipped', () => {
    expect(visiblePath(s, { q2: 'x', q8: 'provided' })).toContain('q11');
    expect(visiblePath(s, { q2: 'x', q8: 'refused' })).toContain('q11');
    expect(visiblePath(s, { q2: 'x' })).toContain('q11');
    expect(visiblePath(s, { q8: 'provided' })).not.toContain('q11');
  });

  it('the service named in Q2 becomes the response object, over the embed’s', () => {
    const r = validateResponse(
      s,
      envelope(
        s,
        { q1: 'satisfied', q2: 'example-licensing', q3: 5 },
        { context: { channel: 'site', respondent: 'external', object: 'page-object' } },
      ),
      { catalogs: catalogIds(s) },
    );
    expect(r.ok && r.value.context.object).toBe('example-licensing');
    const several = validateResponse(
      s,
      envelope(s, { q1: 'satisfied', q2: ['example-licensing', 'example-diploma'], q3: 5 }),
      { catalogs: catalogIds(s) },
    );
    expect(several.ok ? [] : several.issues.map((i) => [i.path, i.code])).toEqual([
      [['answers', 'q2'], 'invalid_type'],
    ]);
  });

  it('Q18 = yes shows Q19; no hides it', () => {
    expect(visiblePath(s, { q18: 'yes' })).toEqual(without('q6', 'q9', 'q11'));
    expect(visiblePath(s, { q18: 'no' })).toEqual(without('q6', 'q9', 'q11', 'q19'));
  });

  it('Q5 choice limits the Q6 rows, and no online resource skips Q6', () => {
    const rows = (q5: string) => visibleRows(matrix(s, 'q6'), { q5 }).map((r) => r.id);
    expect(rows('portal')).toEqual(['portal', 'site']);
    expect(rows('app')).toEqual(['app', 'site']);
    expect(rows('site')).toEqual(['site']);
    expect(rows('in_person')).toEqual([]);
    expect(rows('other')).toEqual([]);
    expect(visiblePath(s, { q5: 'portal' })).toEqual(without('q9', 'q11', 'q19'));
    expect(visiblePath(s, { q5: 'in_person' })).toEqual(without('q6', 'q9', 'q11', 'q19'));
  });

  const full: Answers = {
    q1: 'satisfied',
    q2: 'example-licensing',
    q3: 4,
    q4: ['problem'],
    q5: 'portal',
    q6: { portal: 5, site: 3 },
    q7: 'applied',
    q8: 'provided',
    q10: 'not_satisfied',
    q11: 2,
    q12: { application: 5, status: 4, documents: 3, speed: 2, electronic: 1 },
    q13: 'no_contact',
    q14: 'satisfied',
    q15: 'dont_know',
    q16: 'yes',
    q18: 'yes',
    q19: 'not_satisfied',
    q20: 'better',
    q21: 9,
    q22: 'Сократить сроки',
    q28: 'female',
    q29: 'age_30_44',
    q30: 'higher',
    q32: 'stary-oskol',
  };

  it('a full response walks every question but Q9 and passes validateResponse', () => {
    expect(visiblePath(s, full)).toEqual(without('q9'));
    const r = validateResponse(
      s,
      envelope(s, full, { specify: { q4: { problem: 'Долгое ожидание' } } }),
      {
        catalogs: catalogIds(s),
      },
    );
    expect(r.ok ? [] : r.issues).toEqual([]);
  });

  it('the problem option wants its text', () => {
    const r = validateResponse(s, envelope(s, full), { catalogs: catalogIds(s) });
    expect(r.ok ? [] : r.issues.map((i) => [i.path, i.code])).toEqual([
      [['specify', 'q4', 'problem'], 'required'],
    ]);
  });

  it('Q4 «Проблем не было» cannot be combined with a problem', () => {
    const r = validateResponse(s, envelope(s, { ...full, q4: ['problem', 'no_problems'] }), {
      catalogs: catalogIds(s),
    });
    expect(r.ok ? [] : r.issues.map((i) => [i.path, i.code])).toEqual([
      [['answers', 'q4'], 'exclusive_conflict'],
      [['specify', 'q4', 'problem'], 'required'],
    ]);
  });

  it('answers off the path are off_path: Q9 after "provided", an unused resource row in Q6', () => {
    const r = validateResponse(
      s,
      envelope(
        s,
        { ...full, q9: 'yes', q6: { portal: 5, app: 4 } },
        { specify: { q4: { problem: 'x' } } },
      ),
    );
    expect(r.ok ? [] : r.issues.map((i) => [i.path, i.code])).toEqual([
      [['answers', 'q9'], 'off_path'],
      [['answers', 'q6', 'app'], 'off_path'],
    ]);
  });
});

describe('vladimir-social (003 Приложение)', () => {
  const s = vladimirSocial;
  const all = s.questions.map((q) => q.id);
  const without = (...ids: string[]) => all.filter((q) => !ids.includes(q));

  it('has Q1…Q15 with Q1 a services list', () => {
    expect(all).toEqual(Array.from({ length: 15 }, (_, i) => `q${i + 1}`));
    expect(byId(s, 'q1')).toMatchObject({ type: 'list', catalog: 'services' });
    expect(matrix(s, 'q9').rows.map((r) => r.id)).toEqual([
      'application',
      'status',
      'documents',
      'speed',
      'electronic',
    ]);
    expect(byId(s, 'q10')).toMatchObject({
      options: [{}, {}, {}, { id: 'no_contact', kind: 'notApplicable' }],
    });
  });

  it('Q4 «Учреждение» or «МФЦ» jumps to Q6 (skips Q5); the portal does not', () => {
    expect(visiblePath(s, { q4: 'institution' })).toEqual(without('q5', 'q12'));
    expect(visiblePath(s, { q4: 'mfc' })).toEqual(without('q5', 'q12'));
    expect(visiblePath(s, { q4: 'portal' })).toEqual(without('q12'));
  });

  it('Q7 yes jumps to Q9 (no Q8, no Q12); no goes through Q8 and asks Q12', () => {
    expect(visiblePath(s, { q7: 'provided' })).toEqual(without('q8', 'q12'));
    expect(visiblePath(s, { q7: 'not_provided' })).toEqual(all);
    expect(visiblePath(s, { q4: 'mfc', q7: 'provided' })).toEqual(without('q5', 'q8', 'q12'));
  });

  const full: Answers = {
    q1: 'example-birth-allowance',
    q2: ['portal', 'people'],
    q3: 5,
    q4: 'mfc',
    q6: 'applied',
    q7: 'not_provided',
    q8: 'satisfied',
    q9: { application: 4, status: 4, documents: 2, speed: 3, electronic: 5 },
    q10: 'no_contact',
    q11: 'satisfied',
    q12: 'no',
    q13: 'male',
    q14: 'age_61_plus',
    q15: 'vocational',
  };

  it('a full response passes validateResponse', () => {
    expect(visiblePath(s, full)).toEqual(without('q5'));
    const r = validateResponse(s, envelope(s, full), { catalogs: catalogIds(s) });
    expect(r.ok ? [] : r.issues).toEqual([]);
  });

  it('answers to skipped questions are off_path: Q5 after «МФЦ», Q8 and Q12 after «Да»', () => {
    const r = validateResponse(s, envelope(s, { ...full, q5: 3, q7: 'provided' }));
    // Issues come in the order of the answers object, where the added q5 is last.
    expect(r.ok ? [] : r.issues.map((i) => [i.path, i.code])).toEqual([
      [['answers', 'q8'], 'off_path'],
      [['answers', 'q12'], 'off_path'],
      [['answers', 'q5'], 'off_path'],
    ]);
  });
});

describe('internal-staff and kiosk-pulse', () => {
  it('internal-staff is for internal respondents and rates the union of the 000/004 aspects', () => {
    expect(internalStaff.respondent).toBe('internal');
    expect(matrix(internalStaff, 'q2').rows).toHaveLength(12);
    const answers: Answers = {
      q1: 4,
      q2: { equipment: 3, automation: 'dont_know', hr: 5 },
      q3: 8,
      q4: 'Больше автоматизации',
    };
    const r = validateResponse(
      internalStaff,
      envelope(internalStaff, answers, {
        context: { channel: 'intranet', respondent: 'internal' },
      }),
    );
    expect(r.ok ? [] : r.issues).toEqual([]);
    expect(visiblePath(internalStaff, answers)).toEqual(['q1', 'q2', 'q3', 'q4']);
  });

  it('kiosk-pulse needs only the score', () => {
    const ok = validateResponse(kioskPulse, envelope(kioskPulse, { q2: 5 }));
    expect(ok.ok ? [] : ok.issues).toEqual([]);
    const full = validateResponse(
      kioskPulse,
      envelope(kioskPulse, { q1: 'example-result', q2: 1, q3: 'Очередь' }),
      {
        catalogs: catalogIds(kioskPulse),
      },
    );
    expect(full.ok ? [] : full.issues).toEqual([]);
    const none = validateResponse(kioskPulse, envelope(kioskPulse, {}));
    expect(none.ok ? [] : none.issues.map((i) => [i.path, i.code])).toEqual([
      [['answers', 'q2'], 'required'],
    ]);
  });
});

/**
 * The seed orders (docs/orders.md) are not part of the repository. With `OTKLIK_SEEDS_DIR` naming a
 * folder that holds their texts (`001_….txt`, `003_….txt`), every Russian title, option and row of
 * the two printed forms must occur in them verbatim (whitespace and case aside), so a retyped or
 * "corrected" text is caught.
 */
const seedsDir = process.env.OTKLIK_SEEDS_DIR;
const seed = (prefix: string): string | undefined => {
  if (!seedsDir || !existsSync(seedsDir)) return undefined;
  const f = readdirSync(seedsDir).find((n) => n.startsWith(prefix));
  return f && readFileSync(join(seedsDir, f), 'utf8');
};

describe.each([
  ['001', belgorodTypical],
  ['003', vladimirSocial],
] as const)('texts of seed %s', (prefix, s) => {
  const text = seed(prefix);
  const norm = (x: string) => x.replace(/\s+/g, ' ').toLowerCase();
  it.skipIf(text === undefined)(`are copied verbatim into ${s.id}`, () => {
    const haystack = norm(text!);
    const texts: string[] = [s.title.ru];
    for (const q of s.questions) {
      texts.push(q.title.ru);
      if (q.description) texts.push(q.description.ru);
      if ('options' in q) texts.push(...(q.options ?? []).map((o) => o.text.ru));
      if (q.type === 'matrix') texts.push(...q.rows.map((r) => r.text.ru));
    }
    // A dropped hint such as «(выберите из списка).» leaves a sentence-closing period behind.
    const missing = texts.filter((x) => !haystack.includes(norm(x).replace(/\.$/, '')));
    expect(missing).toEqual([]);
    expect(texts.length).toBeGreaterThan(50);
  });
});
