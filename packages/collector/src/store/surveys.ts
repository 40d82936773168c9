import { parseSurvey, type Issue, type Survey } from '@otklik/core';
import type { SurveyRegistry } from '../deps.js';
import { canonicalJson } from './canonical.js';
import type { Db } from './db.js';

/** A published version, parsed once, with what validation needs precomputed. */
export interface CompiledSurvey {
  survey: Survey;
  /** Entry ids of the catalogues shipped with the survey, for `validateResponse`. */
  catalogs: Record<string, string[]>;
  /** Canonical JSON of the definition: equal text ⇔ equal definition. */
  canonical: string;
}

export type PublishResult =
  | { status: 'created' | 'unchanged'; survey: Survey }
  | { status: 'invalid'; issues: Issue[] }
  | { status: 'conflict' };

/** The registry the collector uses: `SurveyRegistry` plus publishing and compiled lookups. */
export interface SurveyStore extends SurveyRegistry {
  /** A published version with its precomputed catalogues, or undefined. */
  compiled(id: string, version: number): Promise<CompiledSurvey | undefined>;
  /**
   * Publishes one version. Versions are immutable: the same definition again is `unchanged`
   * (idempotent), a different one under an existing (id, version) is a `conflict`.
   */
  publish(json: unknown): Promise<PublishResult>;
  /** Every published version of a survey, oldest first (reports span versions). */
  versions(id: string): Promise<Survey[]>;
}

function compile(survey: Survey): CompiledSurvey {
  const catalogs: Record<string, string[]> = {};
  for (const [name, entries] of Object.entries(survey.catalogs ?? {}))
    catalogs[name] = entries.map((e) => e.id);
  return { survey, catalogs, canonical: canonicalJson(survey) };
}

const key = (id: string, version: number): string => `${id}\u0000${version}`;

/**
 * Surveys kept in the `surveys` table. Published versions never change, so each is parsed once and
 * kept in memory for the life of the process; only "which version is current" asks the database
 * (another instance may have published a newer one).
 *
 * @example
 * const surveys = createSurveyStore(db);
 * await surveys.publish(JSON.parse(await readFile('survey.json', 'utf8')));
 * const s = await surveys.current('kiosk-pulse');
 */
export function createSurveyStore(db: Pick<Db, 'query'>): SurveyStore {
  const cache = new Map<string, CompiledSurvey>();

  async function compiled(id: string, version: number): Promise<CompiledSurvey | undefined> {
    const hit = cache.get(key(id, version));
    if (hit) return hit;
    if (!Number.isSafeInteger(version) || version < 1 || version > 2_147_483_647) return undefined;
    const rows = await db.query<{ definition: unknown }>(
      'SELECT definition FROM surveys WHERE id = $1 AND version = $2',
      [id, version],
    );
    const row = rows[0];
    if (!row) return undefined;
    // Stored definitions passed parseSurvey when published; parse again so defaults match exactly.
    const parsed = parseSurvey(row.definition);
    if (!parsed.ok) throw new Error(`Stored survey ${id} v${version} no longer parses`);
    const c = compile(parsed.value);
    cache.set(key(id, version), c);
    return c;
  }

  async function currentVersion(id: string): Promise<number | undefined> {
    const rows = await db.query<{ v: number | null }>(
      'SELECT max(version) AS v FROM surveys WHERE id = $1',
      [id],
    );
    return rows[0]?.v ?? undefined;
  }

  return {
    compiled,
    async current(id) {
      const v = await currentVersion(id);
      return v === undefined ? undefined : (await compiled(id, v))?.survey;
    },
    async version(id, version) {
      return (await compiled(id, version))?.survey;
    },
    async list() {
      const rows = await db.query<{ id: string; version: number; definition: Survey }>(
        `SELECT DISTINCT ON (id) id, version, definition FROM surveys ORDER BY id, version DESC`,
      );
      return rows.map((r) => ({ id: r.id, version: r.version, title: r.definition.title }));
    },
    async versions(id) {
      const rows = await db.query<{ version: number }>(
        'SELECT version FROM surveys WHERE id = $1 ORDER BY version',
        [id],
      );
      const out: Survey[] = [];
      for (const r of rows) {
        const c = await compiled(id, r.version);
        if (c) out.push(c.survey);
      }
      return out;
    },
    async publish(json) {
      const parsed = parseSurvey(json);
      if (!parsed.ok) return { status: 'invalid', issues: parsed.issues };
      const c = compile(parsed.value);
      const { id, version } = c.survey;
      const inserted = await db.query(
        `INSERT INTO surveys (id, version, definition) VALUES ($1, $2, $3::jsonb)
         ON CONFLICT (id, version) DO NOTHING RETURNING id`,
        [id, version, JSON.stringify(c.survey)],
      );
      if (inserted.length > 0) {
        cache.set(key(id, version), c);
        return { status: 'created', survey: c.survey };
      }
      const existing = await compiled(id, version);
      return existing?.canonical === c.canonical
        ? { status: 'unchanged', survey: existing.survey }
        : { status: 'conflict' };
    },
  };
}

/**
 * Publishes each template whose (id, version) is not stored yet; a stored version is left as is.
 * @returns ids seeded by this call.
 */
export async function seedSurveys(
  store: SurveyStore,
  surveys: Readonly<Record<string, Survey>>,
): Promise<string[]> {
  const seeded: string[] = [];
  for (const s of Object.values(surveys)) {
    const r = await store.publish(s);
    if (r.status === 'created') seeded.push(s.id);
  }
  return seeded;
}
