import type { CatalogEntry } from '@otklik/core';
import type { Db } from './db.js';

/** An entry as stored: retired entries are kept so the responses that named them keep a label. */
export interface StoredCatalogEntry extends CatalogEntry {
  retired: boolean;
}

export interface CatalogSummary {
  name: string;
  active: number;
  retired: number;
  /** Last change, ISO 8601. */
  updatedAt: string;
}

export interface PutCatalogResult {
  added: number;
  changed: number;
  retired: number;
  active: number;
}

/** Every catalogue at one moment, read in one statement. */
interface Snapshot {
  /** All entries in their published order, retired ones included. */
  entries: Map<string, StoredCatalogEntry[]>;
  at: number;
}

/**
 * The body's catalogues (services, municipalities, touchpoints), kept by the collector so they can
 * change without a new survey version. A catalogue here supersedes the one of the same name a
 * survey ships (the templates ship examples).
 */
export interface CatalogStore {
  /**
   * Makes `entries` the catalogue's active list, in this order: new ids are added, changed texts
   * updated, ids left out retired (never deleted), retired ids listed again brought back.
   */
  put(name: string, entries: readonly CatalogEntry[]): Promise<PutCatalogResult>;
  /** Active entries of every catalogue: what respondents pick from. */
  active(): Promise<Record<string, CatalogEntry[]>>;
  /** One catalogue with its retired entries, or undefined. */
  get(name: string): Promise<StoredCatalogEntry[] | undefined>;
  list(): Promise<CatalogSummary[]>;
  /**
   * Ids a response may name, by catalogue: the survey's shipped lists, each superseded by the
   * collector's list of that name including retired entries (a kiosk may send a response queued
   * before an entry was retired).
   */
  accepted(
    shipped: Readonly<Record<string, readonly string[]>>,
  ): Promise<Record<string, readonly string[]>>;
  /** Texts of every entry ever published (retired ones too), by catalogue, for reports and exports. */
  labels(): Promise<Map<string, Map<string, CatalogEntry['text']>>>;
}

export interface CatalogStoreOptions {
  /**
   * How long a read snapshot is reused, ms (default 10,000). Another collector instance on the same
   * PostgreSQL sees a change within this time; this instance sees its own at once.
   */
  ttlMs?: number;
}

/**
 * Catalogues in the `catalog_entries` table, read as one snapshot that is reused for `ttlMs`:
 * validating a response costs no query.
 *
 * @example
 * const catalogs = createCatalogStore(db);
 * await catalogs.put('services', [{ id: 'licence', text: { ru: 'Выдача лицензии' } }]);
 * await catalogs.accepted({ services: ['example-1'] }); // { services: ['licence'] }
 */
export function createCatalogStore(
  db: Pick<Db, 'query' | 'transaction'>,
  opts: CatalogStoreOptions = {},
): CatalogStore {
  const ttl = opts.ttlMs ?? 10_000;
  let snapshot: Snapshot | undefined;
  let loading: Promise<Snapshot> | undefined;
  let derived: { of: Snapshot; ids: Record<string, readonly string[]> } | undefined;

  async function load(): Promise<Snapshot> {
    const rows = await db.query<{
      catalog: string;
      id: string;
      text: CatalogEntry['text'];
      retired: boolean;
    }>(
      `SELECT catalog, id, text, retired_at IS NOT NULL AS retired
         FROM catalog_entries ORDER BY catalog, position`,
    );
    const entries = new Map<string, StoredCatalogEntry[]>();
    for (const r of rows) {
      let list = entries.get(r.catalog);
      if (!list) entries.set(r.catalog, (list = []));
      list.push({ id: r.id, text: r.text, retired: r.retired });
    }
    return { entries, at: Date.now() };
  }

  async function current(): Promise<Snapshot> {
    if (snapshot && Date.now() - snapshot.at < ttl) return snapshot;
    // One load at a time: a burst of responses after the snapshot expires shares one query.
    loading ??= load().finally(() => (loading = undefined));
    snapshot = await loading;
    return snapshot;
  }

  return {
    async put(name, list) {
      const result = await db.transaction(async (tx) => {
        const before = await tx.query<{ id: string; text: CatalogEntry['text']; retired: boolean }>(
          `SELECT id, text, retired_at IS NOT NULL AS retired FROM catalog_entries
            WHERE catalog = $1 FOR UPDATE`,
          [name],
        );
        const old = new Map(before.map((r) => [r.id, r]));
        const keep = new Set(list.map((e) => e.id));
        let added = 0;
        let changed = 0;
        for (const e of list) {
          const o = old.get(e.id);
          if (!o) added++;
          else if (o.retired || JSON.stringify(o.text) !== JSON.stringify(e.text)) changed++;
        }
        const retired = before.filter((r) => !r.retired && !keep.has(r.id)).length;
        if (list.length > 0) {
          await tx.query(
            `INSERT INTO catalog_entries (catalog, id, text, position)
             SELECT $1, e.id, e.text, e.position
               FROM jsonb_to_recordset($2::jsonb) AS e(id text, text jsonb, position integer)
             ON CONFLICT (catalog, id) DO UPDATE
               SET text = excluded.text, position = excluded.position, retired_at = NULL,
                   updated_at = CASE WHEN catalog_entries.text = excluded.text
                                      AND catalog_entries.retired_at IS NULL
                                     THEN catalog_entries.updated_at ELSE now() END`,
            [
              name,
              JSON.stringify(list.map((e, position) => ({ id: e.id, text: e.text, position }))),
            ],
          );
        }
        await tx.query(
          `UPDATE catalog_entries SET retired_at = now(), updated_at = now()
            WHERE catalog = $1 AND retired_at IS NULL AND NOT (id = ANY($2::text[]))`,
          [name, [...keep]],
        );
        return { added, changed, retired, active: list.length };
      });
      snapshot = undefined;
      return result;
    },

    async active() {
      const out: Record<string, CatalogEntry[]> = {};
      for (const [name, list] of (await current()).entries) {
        const live = list.filter((e) => !e.retired).map(({ id, text }) => ({ id, text }));
        if (live.length > 0) out[name] = live;
      }
      return out;
    },

    async get(name) {
      const rows = await db.query<{ id: string; text: CatalogEntry['text']; retired: boolean }>(
        `SELECT id, text, retired_at IS NOT NULL AS retired FROM catalog_entries
          WHERE catalog = $1 ORDER BY retired_at IS NOT NULL, position`,
        [name],
      );
      return rows.length > 0 ? rows : undefined;
    },

    async list() {
      const rows = await db.query<{
        name: string;
        active: number;
        retired: number;
        updated: unknown;
      }>(
        `SELECT catalog AS name,
                (count(*) FILTER (WHERE retired_at IS NULL))::int AS active,
                (count(*) FILTER (WHERE retired_at IS NOT NULL))::int AS retired,
                max(updated_at) AS updated
           FROM catalog_entries GROUP BY catalog ORDER BY catalog`,
      );
      return rows.map((r) => ({
        name: r.name,
        active: r.active,
        retired: r.retired,
        updatedAt: (r.updated instanceof Date
          ? r.updated
          : new Date(String(r.updated))
        ).toISOString(),
      }));
    },

    async accepted(shipped) {
      const s = await current();
      if (derived?.of !== s) {
        const ids: Record<string, readonly string[]> = {};
        for (const [name, list] of s.entries) ids[name] = list.map((e) => e.id);
        derived = { of: s, ids };
      }
      return s.entries.size === 0 ? shipped : { ...shipped, ...derived.ids };
    },

    async labels() {
      const out = new Map<string, Map<string, CatalogEntry['text']>>();
      for (const [name, list] of (await current()).entries)
        out.set(name, new Map(list.map((e) => [e.id, e.text])));
      return out;
    },
  };
}
