import type { Survey } from '@otklik/core';
import type { SurveyRegistry } from '../deps.js';

/**
 * Every published version of a survey, oldest first (empty when the survey is unknown). Uses the
 * store's `versions()` when it has one, else asks for each version up to the current one.
 *
 * @example
 * const versions = await loadVersions(deps.surveys, 'kiosk-pulse');
 */
export async function loadVersions(reg: SurveyRegistry, id: string): Promise<Survey[]> {
  const withList = reg as SurveyRegistry & { versions?: (id: string) => Promise<Survey[]> };
  if (typeof withList.versions === 'function') return withList.versions(id);
  const current = await reg.current(id);
  if (!current) return [];
  const all = await Promise.all(
    Array.from({ length: current.version }, (_, i) => reg.version(id, i + 1)),
  );
  return all.filter((s): s is Survey => s !== undefined);
}
