/** Test-only: writes surveys and responses straight into the tables with SQL. */
import { randomUUID } from 'node:crypto';
import type { Answers, Survey, SpecifyTexts } from '@otklik/core';
import type { Db } from '../store/db.js';

export interface SeedResponse {
  answers: Answers;
  specify?: SpecifyTexts;
  channel?: string;
  object?: string | null;
  touchpoint?: string | null;
  answeredAt?: string;
  version?: number;
  lang?: string;
}

export async function insertSurvey(db: Pick<Db, 'query'>, s: Survey): Promise<void> {
  await db.query('INSERT INTO surveys (id, version, definition) VALUES ($1, $2, $3)', [s.id, s.version, JSON.stringify(s)]);
}

/** One INSERT … SELECT FROM jsonb_to_recordset for the whole batch. */
export async function insertResponses(db: Pick<Db, 'query'>, surveyId: string, rs: readonly SeedResponse[]): Promise<void> {
  const rows = rs.map((r, i) => ({
    response_id: randomUUID(),
    survey_version: r.version ?? 1,
    answered_at: r.answeredAt ?? '2026-03-15T10:00:00Z',
    lang: r.lang ?? 'ru',
    channel: r.channel ?? 'site',
    object: r.object ?? null,
    touchpoint: r.touchpoint ?? null,
    answers: r.answers,
    specify: r.specify ?? null,
    receipt: `R${String(i).padStart(6, '0')}`,
  }));
  await db.query(
    `INSERT INTO responses (response_id, survey_id, survey_version, answered_at, lang, channel, object, touchpoint,
                            respondent, answers, specify, body_hash, receipt)
     SELECT response_id, $1, survey_version, answered_at, lang, channel, object, touchpoint,
            'external', answers, specify, md5(answers::text), receipt
       FROM jsonb_to_recordset($2::jsonb) AS x(response_id uuid, survey_version int, answered_at timestamptz,
            lang text, channel text, object text, touchpoint text, answers jsonb, specify jsonb, receipt text)`,
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
    { id: 'q6', type: 'scale', role: 'recommend', min: 1, max: 10, title: { ru: 'Порекомендуете?' } },
    { id: 'q7', type: 'text', multiline: true, title: { ru: 'Ваши предложения' } },
  ],
};
