import type { Db } from '../store/db.js';

export const PREVALENCES = ['high', 'medium', 'low'] as const;
export const ROW_STATUSES = ['planned', 'in-progress', 'done', 'rejected'] as const;
/**
 * Where a row came from: suggested from problem options, low scores or open-answer themes (the
 * themes module adds rows with `source: 'theme'` through `addRow`), or entered by an analyst
 * from appeals, inspections or elsewhere.
 */
export const ROW_SOURCES = [
  'problem',
  'low-score',
  'theme',
  'appeal',
  'inspection',
  'other',
] as const;

export type RowStatus = (typeof ROW_STATUSES)[number];

/** One stored row of the pain map, in the template's terms (001 Приложение 2, 004 Приложение). */
export interface PainRow {
  id: number;
  surveyId: string;
  /** '' for all time, else the period key the analysts work on (e.g. `2026-Q1`). */
  period: string;
  object: string | null;
  process: string;
  problem: string;
  source: (typeof ROW_SOURCES)[number];
  prevalence: (typeof PREVALENCES)[number];
  priority: string;
  measures: string;
  responsible: string;
  deadline: string;
  status: RowStatus;
  /** Counts and shares behind a suggested row (never respondents' texts: those stay in reports). */
  evidence: Record<string, unknown> | null;
  position: number;
  updatedAt: string;
}

/** The fields an analyst edits; every change of one of them is recorded in the history. */
export const EDITABLE = [
  'object',
  'process',
  'problem',
  'source',
  'prevalence',
  'priority',
  'measures',
  'responsible',
  'deadline',
  'status',
  'position',
] as const;
export type Editable = (typeof EDITABLE)[number];
export type RowPatch = Partial<Pick<PainRow, Editable>>;
export type NewRow = Pick<PainRow, 'process' | 'problem' | 'source' | 'prevalence'> &
  Partial<Pick<PainRow, Editable | 'evidence'>>;

export interface Change {
  at: string;
  actor: string;
  field: string;
  old: string | null;
  new: string | null;
}

const COLUMN: Record<Editable, string> = {
  object: 'object',
  process: 'process',
  problem: 'problem',
  source: 'source',
  prevalence: 'prevalence',
  priority: 'priority',
  measures: 'measures',
  responsible: 'responsible',
  deadline: 'deadline',
  status: 'status',
  position: 'position',
};

interface RowRecord {
  id: string | number;
  survey_id: string;
  period: string;
  object: string | null;
  process: string;
  problem: string;
  source: PainRow['source'];
  prevalence: PainRow['prevalence'];
  priority: string;
  measures: string;
  responsible: string;
  deadline: string;
  status: RowStatus;
  evidence: Record<string, unknown> | null;
  position: number;
  updated_at: Date | string;
}

const toRow = (r: RowRecord): PainRow => ({
  id: Number(r.id),
  surveyId: r.survey_id,
  period: r.period,
  object: r.object,
  process: r.process,
  problem: r.problem,
  source: r.source,
  prevalence: r.prevalence,
  priority: r.priority,
  measures: r.measures,
  responsible: r.responsible,
  deadline: r.deadline,
  status: r.status,
  evidence: r.evidence,
  position: r.position,
  updatedAt: new Date(r.updated_at).toISOString(),
});

const text = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));

export interface PainMapStore {
  rows(surveyId: string, period: string): Promise<PainRow[]>;
  row(surveyId: string, id: number): Promise<PainRow | undefined>;
  /** Adds a row; its creation is the first entry of its history. */
  addRow(surveyId: string, period: string, row: NewRow, actor: string): Promise<PainRow>;
  /** Applies a patch; each field that really changes appends one history entry. */
  updateRow(
    surveyId: string,
    id: number,
    patch: RowPatch,
    actor: string,
  ): Promise<PainRow | undefined>;
  history(surveyId: string, id: number): Promise<Change[]>;
}

/**
 * The stored pain map. Rows are edited in place; the history is an append-only table written in
 * the same transaction as the edit, so a row and its history never disagree.
 *
 * @example
 * const store = painMapStore(db);
 * const row = await store.addRow('pulse', '2026-Q1', { process: 'Выдача справок', problem: 'Очередь', source: 'appeal', prevalence: 'high' }, 'admin:1a2b3c4d');
 * await store.updateRow('pulse', row.id, { status: 'in-progress' }, 'admin:1a2b3c4d');
 */
export function painMapStore(db: Pick<Db, 'query' | 'transaction'>): PainMapStore {
  const one = async (q: Pick<Db, 'query'>, surveyId: string, id: number) =>
    (
      await q.query<RowRecord>('SELECT * FROM pain_map_rows WHERE survey_id = $1 AND id = $2', [
        surveyId,
        id,
      ])
    )[0];

  return {
    async rows(surveyId, period) {
      const rs = await db.query<RowRecord>(
        'SELECT * FROM pain_map_rows WHERE survey_id = $1 AND period = $2 ORDER BY position, id',
        [surveyId, period],
      );
      return rs.map(toRow);
    },
    async row(surveyId, id) {
      const r = await one(db, surveyId, id);
      return r ? toRow(r) : undefined;
    },
    addRow(surveyId, period, row, actor) {
      return db.transaction(async (tx) => {
        const [r] = await tx.query<RowRecord>(
          `INSERT INTO pain_map_rows (survey_id, period, object, process, problem, source, prevalence,
             priority, measures, responsible, deadline, status, evidence, position)
           VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13,
             COALESCE($14, (SELECT COALESCE(max(position), 0) + 1 FROM pain_map_rows WHERE survey_id = $1 AND period = $2)))
           RETURNING *`,
          [
            surveyId,
            period,
            row.object ?? null,
            row.process,
            row.problem,
            row.source,
            row.prevalence,
            row.priority ?? '',
            row.measures ?? '',
            row.responsible ?? '',
            row.deadline ?? '',
            row.status ?? 'planned',
            row.evidence === undefined ? null : JSON.stringify(row.evidence),
            row.position ?? null,
          ],
        );
        await tx.query(
          `INSERT INTO pain_map_changes (row_id, actor, field, old_value, new_value) VALUES ($1, $2, 'created', NULL, $3)`,
          [r!.id, actor, r!.problem],
        );
        return toRow(r!);
      });
    },
    updateRow(surveyId, id, patch, actor) {
      return db.transaction(async (tx) => {
        const before = await one(tx, surveyId, id);
        if (!before) return undefined;
        const sets: string[] = [];
        const params: unknown[] = [surveyId, id];
        const changes: [string, string | null, string | null][] = [];
        for (const f of EDITABLE) {
          if (!(f in patch)) continue;
          const next = patch[f];
          if (text(next) === text(before[f])) continue;
          params.push(next);
          sets.push(`${COLUMN[f]} = $${params.length}`);
          changes.push([f, text(before[f]), text(next)]);
        }
        if (sets.length === 0) return toRow(before);
        const [r] = await tx.query<RowRecord>(
          `UPDATE pain_map_rows SET ${sets.join(', ')}, updated_at = now()
            WHERE survey_id = $1 AND id = $2 RETURNING *`,
          params,
        );
        await tx.query(
          `INSERT INTO pain_map_changes (row_id, actor, field, old_value, new_value)
           SELECT $1, $2, x.field, x.old, x.new
             FROM jsonb_to_recordset($3::jsonb) AS x(field text, old text, new text)`,
          [id, actor, JSON.stringify(changes.map(([field, o, n]) => ({ field, old: o, new: n })))],
        );
        return toRow(r!);
      });
    },
    async history(surveyId, id) {
      const rs = await db.query<{
        at: Date | string;
        actor: string;
        field: string;
        old_value: string | null;
        new_value: string | null;
      }>(
        `SELECT c.at, c.actor, c.field, c.old_value, c.new_value
           FROM pain_map_changes c JOIN pain_map_rows r ON r.id = c.row_id
          WHERE r.survey_id = $1 AND c.row_id = $2 ORDER BY c.id`,
        [surveyId, id],
      );
      return rs.map((c) => ({
        at: new Date(c.at).toISOString(),
        actor: c.actor,
        field: c.field,
        old: c.old_value,
        new: c.new_value,
      }));
    },
  };
}
