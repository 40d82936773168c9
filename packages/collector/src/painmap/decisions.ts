import type { Db } from '../store/db.js';
import { ROW_STATUSES, type RowStatus } from './store.js';

/** A decision or measure the analysts record, and publish on the results page when `published`. */
export interface Decision {
  id: number;
  surveyId: string;
  /** The service (catalogue entry id) it concerns; null = the survey as a whole. */
  object: string | null;
  /** The pain-map row it answers, if any. */
  painRowId: number | null;
  /** Written by the analysts (never respondents' words), so it may be published. */
  text: { ru: string; en?: string };
  status: RowStatus;
  decidedOn: string | null;
  dueOn: string | null;
  doneOn: string | null;
  published: boolean;
}

export type DecisionInput = Omit<Decision, 'id' | 'surveyId'>;

export const DECISION_STATUSES = ROW_STATUSES;

interface DecisionRecord {
  id: string | number;
  survey_id: string;
  object: string | null;
  pain_row_id: string | number | null;
  text: { ru: string; en?: string };
  status: RowStatus;
  decided_on: string | null;
  due_on: string | null;
  done_on: string | null;
  published: boolean;
}

const toDecision = (r: DecisionRecord): Decision => ({
  id: Number(r.id),
  surveyId: r.survey_id,
  object: r.object,
  painRowId: r.pain_row_id === null ? null : Number(r.pain_row_id),
  text: r.text,
  status: r.status,
  decidedOn: r.decided_on,
  dueOn: r.due_on,
  doneOn: r.done_on,
  published: r.published,
});

// Dates come back as text in ISO form on both adapters.
const COLS = `id, survey_id, object, pain_row_id, text, status, decided_on::text AS decided_on,
  due_on::text AS due_on, done_on::text AS done_on, published`;

export interface DecisionStore {
  list(
    surveyId: string,
    opts?: { publishedOnly?: boolean; objects?: readonly string[] },
  ): Promise<Decision[]>;
  add(surveyId: string, d: DecisionInput): Promise<Decision>;
  update(surveyId: string, id: number, d: DecisionInput): Promise<Decision | undefined>;
  /** The survey's hand-off link for official appeals (59-ФЗ: ПОС, Госуслуги), or null. */
  appealUrl(surveyId: string): Promise<string | null>;
  setAppealUrl(surveyId: string, url: string | null): Promise<void>;
  /**
   * The survey and service a receipt code belongs to — nothing else about the response. Codes are
   * not unique by construction, so every (survey, service) they match is returned.
   */
  receipt(code: string): Promise<{ surveyId: string; object: string | null }[]>;
}

/**
 * Decisions («Вы сказали — мы сделали»), per-survey settings and receipt look-ups.
 *
 * @example
 * const d = decisionStore(db);
 * await d.add('pulse', { object: 'licence', painRowId: null, text: { ru: 'Открыли второе окно' }, status: 'done', decidedOn: '2026-03-01', dueOn: null, doneOn: '2026-04-01', published: true });
 */
export function decisionStore(db: Pick<Db, 'query'>): DecisionStore {
  const values = (d: DecisionInput): unknown[] => [
    d.object,
    d.painRowId,
    JSON.stringify(d.text),
    d.status,
    d.decidedOn,
    d.dueOn,
    d.doneOn,
    d.published,
  ];
  return {
    async list(surveyId, opts = {}) {
      const params: unknown[] = [surveyId];
      let where = 'survey_id = $1';
      if (opts.publishedOnly) where += ' AND published';
      if (opts.objects) {
        params.push(opts.objects);
        where += ` AND object = ANY($${params.length}::text[])`;
      }
      const rs = await db.query<DecisionRecord>(
        `SELECT ${COLS} FROM decisions WHERE ${where} ORDER BY object NULLS FIRST, id`,
        params,
      );
      return rs.map(toDecision);
    },
    async add(surveyId, d) {
      const [r] = await db.query<DecisionRecord>(
        `INSERT INTO decisions (survey_id, object, pain_row_id, text, status, decided_on, due_on, done_on, published)
         VALUES ($1, $2, $3, $4::jsonb, $5, $6, $7, $8, $9) RETURNING ${COLS}`,
        [surveyId, ...values(d)],
      );
      return toDecision(r!);
    },
    async update(surveyId, id, d) {
      const [r] = await db.query<DecisionRecord>(
        `UPDATE decisions SET object = $3, pain_row_id = $4, text = $5::jsonb, status = $6,
           decided_on = $7, due_on = $8, done_on = $9, published = $10, updated_at = now()
         WHERE survey_id = $1 AND id = $2 RETURNING ${COLS}`,
        [surveyId, id, ...values(d)],
      );
      return r ? toDecision(r) : undefined;
    },
    async appealUrl(surveyId) {
      const [r] = await db.query<{ appeal_url: string | null }>(
        'SELECT appeal_url FROM survey_settings WHERE survey_id = $1',
        [surveyId],
      );
      return r?.appeal_url ?? null;
    },
    async setAppealUrl(surveyId, url) {
      await db.query(
        `INSERT INTO survey_settings (survey_id, appeal_url) VALUES ($1, $2)
         ON CONFLICT (survey_id) DO UPDATE SET appeal_url = EXCLUDED.appeal_url, updated_at = now()`,
        [surveyId, url],
      );
    },
    async receipt(code) {
      const rs = await db.query<{ survey_id: string; object: string | null }>(
        'SELECT DISTINCT survey_id, object FROM responses WHERE receipt = $1 ORDER BY survey_id, object LIMIT 5',
        [code],
      );
      return rs.map((r) => ({ surveyId: r.survey_id, object: r.object }));
    },
  };
}
