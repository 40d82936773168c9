import { localize, type Survey } from '@otklik/core';
import type { AppDeps } from '../../deps.js';
import { decisionStore, type Decision } from '../../painmap/decisions.js';
import { serviceNames } from '../../painmap/public-routes.js';
import { periodRange, suggestedRows } from '../../painmap/suggest.js';
import { painMapStore, type Change, type NewRow, type PainRow } from '../../painmap/store.js';
import { painMap, prevalence } from '../../reports/pain-map.js';
import { summariseThemes, textSourceOf } from '../../themes/store.js';
import { headOf } from '../section.js';

/** Themes of each open question offered as rows, largest first. */
const THEMES_OFFERED = 5;

/** A row the figures suggest, with what it rests on, and whether the map already has it. */
export interface Suggestion {
  row: NewRow & { source: 'problem' | 'low-score' | 'theme' };
  count: number;
  /** Of the service's responses (problems, low scores) or of the question's texts (themes), %. */
  share: number | null;
  /** What `count` is out of. */
  of: number;
  stored: boolean;
}

export interface PainMapView {
  rows: PainRow[];
  history: Map<number, Change[]>;
  suggestions: Suggestion[];
  decisions: Decision[];
}

const keyOf = (r: { object?: string | null; problem: string }) =>
  `${r.object ?? ''}\u0000${r.problem}`;

/**
 * Everything the pain-map page shows for a period key ('' = all time): the stored rows with their
 * history, the suggestions (the same `suggestedRows` the API stores, plus the largest themes of
 * the open questions, which are over all time) and the survey's decisions.
 *
 * @example
 * const v = await painMapView(deps, versions, '2026-Q1');
 */
export async function painMapView(
  deps: Pick<AppDeps, 'db' | 'catalogs'>,
  versions: readonly Survey[],
  period: string,
): Promise<PainMapView> {
  const head = headOf(versions);
  const store = painMapStore(deps.db);
  const rows = await store.rows(head.id, period);
  const history = new Map<number, Change[]>();
  for (const r of rows) history.set(r.id, await store.history(head.id, r.id));
  const have = new Set(rows.map(keyOf));
  const names = await serviceNames(deps, versions);
  const map = await painMap(deps.db, versions, periodRange(period));
  const responses = new Map(map.objects.map((o) => [o.object, o.responses]));
  const suggestions: Suggestion[] = suggestedRows(map, (o) => names(o, 'ru')).map((row) => {
    const e = (row.evidence ?? {}) as { count?: number; share?: number | null };
    return {
      row: row as Suggestion['row'],
      count: e.count ?? 0,
      share: e.share ?? null,
      of: responses.get(row.object ?? null) ?? 0,
      stored: have.has(keyOf(row)),
    };
  });
  for (const q of head.questions) {
    const source = textSourceOf(head, q.id);
    if (!source) continue;
    const s = await summariseThemes(deps.db, head.id, q.id, source);
    for (const th of s.themes.slice(0, THEMES_OFFERED)) {
      const share = Math.round(th.share * 1000) / 10;
      const row = {
        object: null,
        process: localize(q.title, 'ru'),
        problem: th.name,
        source: 'theme' as const,
        prevalence: prevalence(share),
        evidence: { question: q.id, theme: th.id, count: th.count, share, texts: s.total },
      };
      suggestions.push({ row, count: th.count, share, of: s.total, stored: have.has(keyOf(row)) });
    }
  }
  const decisions = await decisionStore(deps.db).list(head.id);
  return { rows, history, suggestions, decisions };
}
