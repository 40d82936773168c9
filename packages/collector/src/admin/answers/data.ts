import type { Db } from '../../store/db.js';

/** The one dimension value the open answers can be narrowed to («только киоск», «только услуга 2»). */
export type SliceDim = 'channel' | 'object' | 'touchpoint';
export interface Slice {
  dim: SliceDim;
  key: string;
}

/** `slice=dim:key` of the answers page's link, or undefined (absent, or not one of the dimensions). */
export function parseSlice(v: string | undefined): Slice | undefined {
  const m = /^(channel|object|touchpoint):(.+)$/s.exec(v ?? '');
  return m ? { dim: m[1] as SliceDim, key: m[2]! } : undefined;
}

/** At most this many values per dimension are offered in the filter's list. */
const MAX_CHOICES = 500;

/**
 * The channels, services and touchpoints a survey's responses name: the values the filter offers.
 *
 * @example
 * const c = await sliceChoices(db, 'pulse'); c.channel; // ['kiosk', 'site']
 */
export async function sliceChoices(
  db: Pick<Db, 'query'>,
  surveyId: string,
): Promise<Record<SliceDim, string[]>> {
  const rows = await db.query<{ dim: SliceDim; key: string }>(
    `SELECT d.dim, d.key FROM (
       SELECT DISTINCT 'channel' AS dim, channel AS key FROM responses WHERE survey_id = $1
       UNION SELECT DISTINCT 'object', object FROM responses WHERE survey_id = $1 AND object IS NOT NULL
       UNION SELECT DISTINCT 'touchpoint', touchpoint FROM responses WHERE survey_id = $1 AND touchpoint IS NOT NULL
     ) d ORDER BY d.dim, d.key`,
    [surveyId],
  );
  const out: Record<SliceDim, string[]> = { channel: [], object: [], touchpoint: [] };
  for (const r of rows) if (out[r.dim].length < MAX_CHOICES) out[r.dim].push(r.key);
  return out;
}
