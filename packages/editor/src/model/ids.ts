/**
 * Ids of new questions, options and rows. A question's id is `q<number>` and is never reused: the
 * editor keeps every id it has seen (the loaded version's, ones deleted since) and numbers a new
 * question past the highest, so a response to an old version never meets a new question under an
 * old id. Moving or renumbering a question never changes its id.
 */

const NUMBERED = /^([a-z]+)(\d+)$/;

/** The number in `q12` (with prefix `q`), or 0 for any other id. */
export function idNumber(id: string, prefix: string): number {
  const m = NUMBERED.exec(id);
  return m && m[1] === prefix ? Number(m[2]) : 0;
}

/**
 * The next id `<prefix><n>` past every numbered id in `used`.
 *
 * @example
 * nextId(['q1', 'q7', 'mfc'], 'q') // 'q8'
 */
export function nextId(used: Iterable<string>, prefix: string): string {
  let max = 0;
  for (const id of used) max = Math.max(max, idNumber(id, prefix));
  return `${prefix}${max + 1}`;
}
