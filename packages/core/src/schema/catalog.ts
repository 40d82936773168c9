import * as z from 'zod';
import type { CatalogEntry, Issue, Result } from '../types.js';
import { fromZod } from './parse.js';
import { MAX_CATALOG_ENTRIES, ZCatalogEntry } from './survey.js';

export { MAX_CATALOG_ENTRIES };

const ZCatalog = z.array(ZCatalogEntry).max(MAX_CATALOG_ENTRIES);

/**
 * Parses the entries of a catalogue (services, municipalities, touchpoints) published on its own,
 * apart from any survey: the same entry shape a survey's `catalogs` holds, ids unique. Never
 * throws; every issue has its JSON path and a message in Russian and English.
 *
 * @example
 * const r = parseCatalog([{ id: 'licence', text: { ru: 'Выдача лицензии' } }]);
 * if (r.ok) r.value[0].text.ru; // 'Выдача лицензии'
 */
export function parseCatalog(json: unknown): Result<CatalogEntry[]> {
  const r = ZCatalog.safeParse(json, { reportInput: true });
  if (!r.success) return { ok: false, issues: r.error.issues.map(fromZod) };
  const seen = new Set<string>();
  const issues: Issue[] = [];
  r.data.forEach((e, i) => {
    if (seen.has(e.id)) {
      issues.push({
        path: [i, 'id'],
        code: 'duplicate_id',
        message: { ru: `Повторяется id «${e.id}»`, en: `Duplicate id "${e.id}"` },
      });
    }
    seen.add(e.id);
  });
  return issues.length ? { ok: false, issues } : { ok: true, value: r.data };
}
