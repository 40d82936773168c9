export interface PublicCacheOptions {
  /**
   * An entry is reused without question while younger than this (default 5 s): under a steady
   * stream of responses every batch would otherwise invalidate it, and public figures a few
   * seconds old are as good as live.
   */
  freshMs?: number;
  /**
   * Oldest an entry may get even when no commit of this process touched its survey (default
   * 60 s): another instance on the same PostgreSQL may have stored responses meanwhile.
   */
  maxAgeMs?: number;
  /** Most entries kept; the least recently used go first (default 500). */
  maxEntries?: number;
  /** Clock, for tests. */
  now?: () => number;
}

/** Public figures computed once per survey generation and shared by every reader. */
export interface PublicCache {
  /**
   * The value for (survey, key): cached when still valid, else computed by `compute` — once, even
   * when many requests ask at the same moment (they all await the same computation).
   */
  get<T>(surveyId: string, key: string, compute: () => Promise<T>): Promise<T>;
  /** New responses (or a new version) for these surveys: their entries are stale after `freshMs`. */
  bump(surveyIds: Iterable<string>): void;
}

interface Entry {
  value: Promise<unknown>;
  at: number;
  generation: number;
}

/**
 * A small cache for the public results: keyed by survey + query, invalidated by a per-survey
 * generation counter that the ingest batcher bumps after each commit, bounded in age and size.
 * A failed computation is not kept.
 *
 * @example
 * const cache = createPublicCache();
 * const report = await cache.get(id, `period=${period}`, () => computeReport(db, versions, opts));
 * // after a commit: cache.bump(['kiosk-pulse']);
 */
export function createPublicCache(opts: PublicCacheOptions = {}): PublicCache {
  const freshMs = opts.freshMs ?? 5_000;
  const maxAgeMs = opts.maxAgeMs ?? 60_000;
  const maxEntries = Math.max(1, opts.maxEntries ?? 500);
  const now = opts.now ?? Date.now;
  const generations = new Map<string, number>();
  const entries = new Map<string, Entry>();

  return {
    get<T>(surveyId: string, key: string, compute: () => Promise<T>): Promise<T> {
      const k = `${surveyId}\u0000${key}`;
      const t = now();
      const generation = generations.get(surveyId) ?? 0;
      const hit = entries.get(k);
      if (hit) {
        const age = t - hit.at;
        if (age < freshMs || (hit.generation === generation && age < maxAgeMs)) {
          // Re-insert: Map order is the LRU order.
          entries.delete(k);
          entries.set(k, hit);
          return hit.value as Promise<T>;
        }
        entries.delete(k);
      }
      const value = compute();
      const entry: Entry = { value, at: t, generation };
      entries.set(k, entry);
      value.catch(() => {
        if (entries.get(k) === entry) entries.delete(k);
      });
      while (entries.size > maxEntries) {
        const oldest = entries.keys().next().value;
        if (oldest === undefined) break;
        entries.delete(oldest);
      }
      return value;
    },
    bump(surveyIds) {
      for (const id of surveyIds) generations.set(id, (generations.get(id) ?? 0) + 1);
      // Keep the map bounded: ids are only those of committed responses, but never trust that.
      if (generations.size > maxEntries * 4) generations.clear();
    },
  };
}
