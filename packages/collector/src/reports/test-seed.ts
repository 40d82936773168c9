/** Test-only: writes surveys and responses straight into the tables with SQL. */
import { randomUUID } from 'node:crypto';
import {
  CHANNELS,
  type AnswerValue,
  type Answers,
  type Question,
  type SpecifyTexts,
  type Survey,
  type SurveyResponse,
} from '@otklik/core';
import type { Db } from '../store/db.js';

export interface SeedResponse {
  answers: Answers;
  specify?: SpecifyTexts;
  channel?: string;
  object?: string | null;
  touchpoint?: string | null;
  /** Default `external`. */
  respondent?: string;
  answeredAt?: string;
  version?: number;
  lang?: string;
}

export async function insertSurvey(db: Pick<Db, 'query'>, s: Survey): Promise<void> {
  await db.query('INSERT INTO surveys (id, version, definition) VALUES ($1, $2, $3)', [
    s.id,
    s.version,
    JSON.stringify(s),
  ]);
}

/** One INSERT … SELECT FROM jsonb_to_recordset for the whole batch. */
export async function insertResponses(
  db: Pick<Db, 'query'>,
  surveyId: string,
  rs: readonly SeedResponse[],
): Promise<void> {
  const rows = rs.map((r, i) => ({
    response_id: randomUUID(),
    survey_version: r.version ?? 1,
    answered_at: r.answeredAt ?? '2026-03-15T10:00:00Z',
    lang: r.lang ?? 'ru',
    channel: r.channel ?? 'site',
    object: r.object ?? null,
    touchpoint: r.touchpoint ?? null,
    respondent: r.respondent ?? 'external',
    answers: r.answers,
    specify: r.specify ?? null,
    receipt: `R${String(i).padStart(6, '0')}`,
  }));
  await db.query(
    `INSERT INTO responses (response_id, survey_id, survey_version, answered_at, lang, channel, object, touchpoint,
                            respondent, answers, specify, body_hash, receipt)
     SELECT response_id, $1, survey_version, answered_at, lang, channel, object, touchpoint,
            respondent, answers, specify, md5(answers::text), receipt
       FROM jsonb_to_recordset($2::jsonb) AS x(response_id uuid, survey_version int, answered_at timestamptz,
            lang text, channel text, object text, touchpoint text, respondent text, answers jsonb,
            specify jsonb, receipt text)`,
    [surveyId, JSON.stringify(rows)],
  );
}

/** A small survey with one question of every kind the figures treat differently. */
export const SAMPLE: Survey = {
  id: 'sample',
  version: 1,
  title: { ru: 'Опрос <образец>', en: 'Sample' },
  questions: [
    {
      id: 'q1',
      type: 'single',
      role: 'satisfaction',
      title: { ru: 'Удовлетворены ли вы?' },
      options: [
        { id: 'yes', text: { ru: 'Да' }, positive: true },
        { id: 'rather', text: { ru: 'Скорее да' }, positive: true },
        { id: 'no', text: { ru: 'Нет' } },
        { id: 'dk', text: { ru: 'Затрудняюсь ответить' }, kind: 'dontKnow' },
      ],
    },
    {
      id: 'q2',
      type: 'scale',
      role: 'satisfaction',
      min: 1,
      max: 5,
      title: { ru: 'Оцените качество' },
      extraOptions: [{ id: 'dk', text: { ru: 'Затрудняюсь ответить' }, kind: 'dontKnow' }],
    },
    {
      id: 'q3',
      type: 'multiple',
      title: { ru: 'Какие были проблемы?' },
      options: [
        { id: 'queue', text: { ru: 'Очередь' }, problem: true },
        { id: 'rude', text: { ru: 'Грубость' }, problem: true },
        { id: 'other', text: { ru: 'Другое (укажите)' }, problem: true, specify: {} },
        { id: 'none', text: { ru: 'Проблем не было' }, exclusive: true },
      ],
    },
    {
      id: 'q4',
      type: 'matrix',
      title: { ru: 'Оцените ресурсы' },
      rows: [
        { id: 'site', text: { ru: 'Сайт' } },
        { id: 'portal', text: { ru: 'Портал' } },
      ],
      scale: { min: 1, max: 5, role: 'satisfaction' },
      extraOptions: [{ id: 'na', text: { ru: 'Не пользовался' }, kind: 'notApplicable' }],
    },
    { id: 'q5', type: 'scale', role: 'effort', min: 1, max: 5, title: { ru: 'Насколько легко?' } },
    {
      id: 'q6',
      type: 'scale',
      role: 'recommend',
      min: 1,
      max: 10,
      title: { ru: 'Порекомендуете?' },
    },
    { id: 'q7', type: 'text', multiline: true, title: { ru: 'Ваши предложения' } },
  ],
};

/** A small deterministic PRNG (mulberry32), so a failure can be replayed. */
function rng(seed: number) {
  let a = seed;
  const next = (): number => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (lo: number, hi: number): number => lo + Math.floor(next() * (hi - lo + 1));
  const pick = <T>(xs: readonly T[]): T => xs[int(0, xs.length - 1)] as T;
  return { next, int, pick };
}

type Rng = ReturnType<typeof rng>;

function answer(q: Question, s: Survey, r: Rng, oddShare: number): AnswerValue | undefined {
  const odd = r.next() < oddShare; // an answer the figures must not count
  switch (q.type) {
    case 'scale': {
      if (odd) return r.pick([q.max + 1, 2.5, 'nonsense']);
      const extra = (q.extraOptions ?? []).map((o) => o.id);
      return extra.length > 0 && r.next() < 0.15 ? r.pick(extra) : r.int(q.min, q.max);
    }
    case 'single':
      return odd ? 'no-such-option' : r.pick(q.options).id;
    case 'multiple': {
      const ids = q.options.map((o) => o.id);
      const chosen = ids.filter(() => r.next() < 0.4);
      if (chosen.length === 0) chosen.push(r.pick(ids));
      if (odd) chosen.push('no-such-option', chosen[0] ?? 'x');
      return chosen;
    }
    case 'list': {
      const ids =
        q.options?.map((o) => o.id) ??
        (q.catalog ? (s.catalogs?.[q.catalog] ?? []).map((e) => e.id) : []);
      const one = ids.length > 0 ? r.pick(ids) : `entry-${r.int(1, 4)}`;
      return q.multiple ? [one] : one;
    }
    case 'matrix': {
      const m: Record<string, number | string> = {};
      const extra = (q.extraOptions ?? []).map((o) => o.id);
      for (const row of q.rows) {
        if (r.next() < 0.3) continue;
        m[row.id] =
          extra.length > 0 && r.next() < 0.15 ? r.pick(extra) : r.int(q.scale.min, q.scale.max);
      }
      if (odd) m['no-such-row'] = 3;
      return m;
    }
    case 'text':
      return r.pick(['Спасибо', 'Очередь, "долго"\nждали', '<script>alert(1)</script>', '']);
    case 'statement':
      return undefined;
  }
}

/**
 * `n` random responses to `s` (deterministic for a seed). About 5 % of answers are ones the figures
 * must leave out (off the scale, unknown options, duplicates, unknown rows), unless `odd` is 0.
 */
export function randomResponses(s: Survey, n: number, seed: number, odd = 0.05): SurveyResponse[] {
  const r = rng(seed);
  return Array.from({ length: n }, () => {
    const answers: Answers = {};
    for (const q of s.questions) {
      if (r.next() < 0.2) continue;
      const a = answer(q, s, r, odd);
      if (a !== undefined) answers[q.id] = a;
    }
    return {
      responseId: randomUUID(),
      surveyId: s.id,
      surveyVersion: s.version,
      lang: 'ru',
      answers,
      context: {
        channel: r.pick(CHANNELS.slice(0, 4)),
        respondent: 'external',
        touchpoint: r.pick(['mfc-1', 'mfc-2']),
      },
      answeredAt: new Date(Date.UTC(2026, r.int(0, 11), r.int(1, 28))).toISOString(),
    };
  });
}
