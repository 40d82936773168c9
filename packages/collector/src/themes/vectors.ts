/** A sparse unit vector over terms: term → weight, Euclidean norm 1 (or empty). */
export type TermVector = Map<string, number>;

/** Inverse document frequency of each term over a set of texts (smoothed, never zero). */
export function idfOf(docs: readonly (readonly string[])[]): Map<string, number> {
  const df = new Map<string, number>();
  for (const d of docs) for (const t of new Set(d)) df.set(t, (df.get(t) ?? 0) + 1);
  const idf = new Map<string, number>();
  for (const [t, n] of df) idf.set(t, Math.log((1 + docs.length) / (1 + n)) + 1);
  return idf;
}

/**
 * TF-IDF of one text's terms with sublinear term frequency (1 + ln tf), scaled to unit length.
 * Terms the IDF table does not know get the weight of a term seen once.
 *
 * @example
 * const idf = idfOf(docs); const v = tfidf(['очеред', 'очеред', 'час'], idf, docs.length);
 */
export function tfidf(
  terms: readonly string[],
  idf: ReadonlyMap<string, number>,
  n: number,
): TermVector {
  const tf = new Map<string, number>();
  for (const t of terms) tf.set(t, (tf.get(t) ?? 0) + 1);
  const unseen = Math.log((1 + n) / 2) + 1;
  const v: TermVector = new Map();
  for (const [t, f] of tf) v.set(t, (1 + Math.log(f)) * (idf.get(t) ?? unseen));
  return normalise(v);
}

/** Scales a vector to unit length (an empty or zero vector stays as it is). */
export function normalise(v: TermVector): TermVector {
  let s = 0;
  for (const w of v.values()) s += w * w;
  if (s === 0) return v;
  const k = 1 / Math.sqrt(s);
  for (const [t, w] of v) v.set(t, w * k);
  return v;
}

/** Dot product; for unit vectors, the cosine similarity. */
export function dot(a: ReadonlyMap<string, number>, b: ReadonlyMap<string, number>): number {
  const [small, big] = a.size <= b.size ? [a, b] : [b, a];
  let s = 0;
  for (const [t, w] of small) {
    const u = big.get(t);
    if (u !== undefined) s += w * u;
  }
  return s;
}

/** The normalised mean of vectors: a theme's centroid (direction of its answers). */
export function centroidOf(vs: readonly ReadonlyMap<string, number>[]): TermVector {
  const c: TermVector = new Map();
  for (const v of vs) for (const [t, w] of v) c.set(t, (c.get(t) ?? 0) + w);
  return normalise(c);
}
