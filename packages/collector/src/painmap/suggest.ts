import type { ResponseFilter } from '../reports/filter.js';
import type { PainMap } from '../reports/pain-map.js';
import type { NewRow } from './store.js';

/**
 * The days a period key covers, as the report filter's inclusive `from`/`to`; `''` is all time.
 *
 * @example
 * periodRange('2026-Q2'); // { from: '2026-04-01', to: '2026-06-30' }
 */
export function periodRange(key: string): Pick<ResponseFilter, 'from' | 'to'> {
  const m = /^(\d{4})(?:-(?:H([12])|Q([1-4])|(\d{2})))?$/.exec(key);
  if (!m) return {};
  const year = Number(m[1]);
  const [first, months] = m[2]
    ? [(Number(m[2]) - 1) * 6, 6]
    : m[3]
      ? [(Number(m[3]) - 1) * 3, 3]
      : m[4]
        ? [Number(m[4]) - 1, 1]
        : [0, 12];
  const iso = (d: Date) => d.toISOString().slice(0, 10);
  return {
    from: iso(new Date(Date.UTC(year, first, 1))),
    // Day 0 of the month after the period is its last day.
    to: iso(new Date(Date.UTC(year, first + months, 0))),
  };
}

/**
 * Rows to store from the computed suggestions: one per problem or low score of each service, with
 * the figures as evidence. The list of respondents' texts stays out of the stored row; the
 * analyst reads them in the suggestions (`GET …/pain-map`). `processName` names a service.
 *
 * @example
 * for (const row of suggestedRows(await painMap(db, versions, periodRange('2026-Q1')))) await store.addRow(id, '2026-Q1', row, actor);
 */
export function suggestedRows(
  map: PainMap,
  processName: (object: string) => string = (o) => o,
): NewRow[] {
  const out: NewRow[] = [];
  for (const o of map.objects) {
    for (const it of o.items) {
      out.push({
        object: o.object,
        process: o.object === null ? o.name : processName(o.object),
        problem: it.problem,
        source: it.kind,
        prevalence: it.prevalence,
        evidence: {
          question: it.question,
          ...(it.option === undefined ? {} : { option: it.option }),
          ...(it.row === undefined ? {} : { row: it.row }),
          count: it.count,
          share: it.share,
          responses: o.responses,
        },
      });
    }
  }
  return out;
}
