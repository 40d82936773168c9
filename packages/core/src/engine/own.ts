/**
 * `o[k]` only when `k` is `o`'s own key. Ids come from the survey and `constructor` or `toString`
 * are valid ids: a plain lookup would read `Object.prototype` and see an answer nobody gave.
 */
export function own<T>(o: Readonly<Record<string, T>>, k: string): T | undefined {
  return Object.hasOwn(o, k) ? o[k] : undefined;
}
