/**
 * Rounding of report figures (docs/metrics.md, "Rounding"): shares to one decimal, means to two,
 * half away from zero as PostgreSQL's `round(numeric)` does, so that a figure and its negative
 * round alike (an NPS of −12.25 is −12.3, not −12.2).
 */

/**
 * `num / den` rounded half away from zero to `digits` decimals; `null` when `den` is 0.
 *
 * With integer counts `num * 10^digits / den` is a correctly rounded quotient, so an exact half
 * stays an exact half and is never lost to floating-point noise.
 *
 * @example
 * roundedRatio(7, 3, 2) // 2.33
 * roundedRatio(-1, 8, 2) // -0.13
 * roundedRatio(1, 0, 1) // null
 */
export function roundedRatio(num: number, den: number, digits: number): number | null {
  if (den === 0) return null;
  const f = 10 ** digits;
  const r = Math.round((Math.abs(num) * f) / Math.abs(den)) / f;
  // `r || 0` turns −0 into 0, which JSON and toEqual would otherwise tell apart.
  return num < 0 !== den < 0 ? -r || 0 : r;
}

/**
 * Percentage of `part` in `whole`, one decimal; `null` when `whole` is 0.
 *
 * @example
 * percent(2, 3) // 66.7
 * percent(0, 0) // null
 */
export function percent(part: number, whole: number): number | null {
  return roundedRatio(part * 100, whole, 1);
}

/**
 * Mean of the figures that exist (nulls and undefined left out), one decimal; `null` when none
 * does. Works on the published one-decimal figures, in whole tenths, so anyone can recompute a
 * summary from the report itself.
 *
 * @example
 * meanOfFigures([80, 65.5, null]) // 72.8
 */
export function meanOfFigures(xs: readonly (number | null | undefined)[]): number | null {
  let tenths = 0;
  let n = 0;
  for (const x of xs) {
    if (typeof x !== 'number') continue;
    tenths += Math.round(x * 10);
    n++;
  }
  return roundedRatio(tenths, n * 10, 1);
}
