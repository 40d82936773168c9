import { centroidOf, dot, type TermVector } from './vectors.js';

/** Tuning of the grouping; every figure is here so the bench and the store use the same ones. */
export const CLUSTERING = {
  /** Fewest and most themes tried; the most is also capped at one theme per `minPerTheme` texts. */
  minK: 2,
  maxK: 16,
  minPerTheme: 5,
  /**
   * Texts clustered at most in one grouping; the rest join the nearest theme found. 400: grouping
   * stays near a second on two cores, and k is chosen where the silhouette still tells topics
   * apart (bench/themes.ts, docs/themes.md).
   */
  groupSample: 400,
  /** k-means runs per k (different seeds); the tightest is kept. */
  restarts: 4,
  maxIterations: 40,
  /** Silhouette is computed on at most this many texts (it is quadratic). */
  silhouetteSample: 600,
  /** Cosine to a centroid at or above which a new answer joins that theme. */
  assignThreshold: 0.2,
  seed: 20261130,
  /** Silhouette a smaller k may lose to the best and still be chosen. */
  kTolerance: 0.02,
} as const;

/** A small seeded generator (mulberry32): the same texts give the same themes every time. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** One k-means result: which cluster each vector is in, the centroids, total cosine to them. */
export interface Partition {
  labels: number[];
  centroids: TermVector[];
  cohesion: number;
}

/** k-means++ seeding on cosine distance. */
function seeds(vs: readonly TermVector[], k: number, rnd: () => number): TermVector[] {
  const first = vs[Math.floor(rnd() * vs.length)]!;
  const chosen: TermVector[] = [first];
  const d = vs.map((v) => 1 - dot(v, first));
  while (chosen.length < k) {
    const total = d.reduce((s, x) => s + x * x, 0);
    let r = rnd() * total;
    let i = 0;
    for (; i < d.length - 1; i++) {
      r -= d[i]! * d[i]!;
      if (r <= 0) break;
    }
    const c = vs[i]!;
    chosen.push(c);
    for (let j = 0; j < vs.length; j++) d[j] = Math.min(d[j]!, 1 - dot(vs[j]!, c));
  }
  return chosen.map((c) => new Map(c));
}

/**
 * Spherical k-means (cosine similarity, unit centroids) — written here because the registry's
 * k-means packages work on dense Euclidean arrays, and text vectors are sparse and compared by
 * angle. Deterministic for a given seed.
 *
 * @example
 * const { labels } = sphericalKMeans(vectors, 5, seededRandom(1));
 */
export function sphericalKMeans(
  vs: readonly TermVector[],
  k: number,
  rnd: () => number,
  maxIterations: number = CLUSTERING.maxIterations,
): Partition {
  let centroids = seeds(vs, k, rnd);
  const labels = new Array<number>(vs.length).fill(-1);
  let cohesion = 0;
  for (let it = 0; it < maxIterations; it++) {
    let changed = false;
    cohesion = 0;
    vs.forEach((v, i) => {
      let best = 0;
      let bestSim = -Infinity;
      centroids.forEach((c, j) => {
        const s = dot(v, c);
        if (s > bestSim) [best, bestSim] = [j, s];
      });
      cohesion += bestSim;
      if (labels[i] !== best) [labels[i], changed] = [best, true];
    });
    if (!changed) break;
    centroids = centroids.map((c, j) => {
      const members = vs.filter((_, i) => labels[i] === j);
      // An emptied cluster keeps its old centre rather than vanishing mid-run.
      return members.length > 0 ? centroidOf(members) : c;
    });
  }
  return { labels, centroids, cohesion };
}

/**
 * Mean silhouette of a partition under cosine distance: near 1 when texts sit close to their own
 * theme and far from the next one, near 0 when themes blur. Singletons count 0.
 */
export function silhouette(
  vs: readonly TermVector[],
  labels: readonly number[],
  k: number,
): number {
  const n = vs.length;
  let total = 0;
  for (let i = 0; i < n; i++) {
    const sum = new Array<number>(k).fill(0);
    const cnt = new Array<number>(k).fill(0);
    for (let j = 0; j < n; j++) {
      if (j === i) continue;
      sum[labels[j]!]! += 1 - dot(vs[i]!, vs[j]!);
      cnt[labels[j]!]!++;
    }
    const own = labels[i]!;
    if (cnt[own] === 0) continue;
    const a = sum[own]! / cnt[own]!;
    let b = Infinity;
    for (let c = 0; c < k; c++) if (c !== own && cnt[c]! > 0) b = Math.min(b, sum[c]! / cnt[c]!);
    if (b === Infinity) continue;
    total += (b - a) / Math.max(a, b);
  }
  return n === 0 ? 0 : total / n;
}

/** Spreads `count` picks evenly over `n` indices (deterministic sample). */
function evenSample(n: number, count: number): number[] {
  if (n <= count) return [...Array(n).keys()];
  return Array.from({ length: count }, (_, i) => Math.floor((i * n) / count));
}

/**
 * Groups unit vectors into themes: spherical k-means for each k in range (best of a few seeded
 * restarts), k chosen by the highest silhouette. Empty vectors (texts of stop words only) are left
 * out and reported as `unsorted`.
 *
 * @example
 * const { partition, unsorted } = clusterVectors(vectors);
 */
export function clusterVectors(
  vs: readonly TermVector[],
  opts: { k?: number; seed?: number } = {},
): { labels: number[]; centroids: TermVector[]; unsorted: number[] } {
  const idx = vs.flatMap((v, i) => (v.size > 0 ? [i] : []));
  const unsorted = vs.flatMap((v, i) => (v.size === 0 ? [i] : []));
  const live = idx.map((i) => vs[i]!);
  const labels = new Array<number>(vs.length).fill(-1);
  if (live.length === 0) return { labels, centroids: [], unsorted };
  const rnd = seededRandom(opts.seed ?? CLUSTERING.seed);
  const run = (k: number): Partition => {
    let best: Partition | undefined;
    for (let r = 0; r < CLUSTERING.restarts; r++) {
      const p = sphericalKMeans(live, k, rnd);
      if (!best || p.cohesion > best.cohesion) best = p;
    }
    return best!;
  };
  let chosen: Partition;
  if (opts.k !== undefined || live.length < CLUSTERING.minK * 2) {
    chosen = run(Math.max(1, Math.min(opts.k ?? 1, live.length)));
  } else {
    const maxK = Math.min(CLUSTERING.maxK, Math.floor(live.length / CLUSTERING.minPerTheme));
    const sample = evenSample(live.length, CLUSTERING.silhouetteSample);
    const sv = sample.map((i) => live[i]!);
    const tried: { p: Partition; score: number }[] = [];
    for (let k = CLUSTERING.minK; k <= Math.max(CLUSTERING.minK, maxK); k++) {
      const p = run(k);
      tried.push({
        p,
        score: silhouette(
          sv,
          sample.map((i) => p.labels[i]!),
          k,
        ),
      });
    }
    // Silhouette on sparse short texts keeps creeping up as k grows (themes split by wording);
    // the fewest themes within `kTolerance` of the best score keep one topic in one theme.
    const best = Math.max(...tried.map((t) => t.score));
    chosen = tried.find((t) => t.score >= best - CLUSTERING.kTolerance)!.p;
  }
  // Drop clusters left empty and renumber densely.
  const used = [...new Set(chosen.labels)].sort((a, b) => a - b);
  const renum = new Map(used.map((l, j) => [l, j]));
  idx.forEach((i, j) => (labels[i] = renum.get(chosen.labels[j]!)!));
  return { labels, centroids: used.map((l) => chosen.centroids[l]!), unsorted };
}

/**
 * The nearest centroid of a vector when its cosine reaches `threshold`, else undefined (unsorted).
 *
 * @example
 * nearest(vector, [c1, c2]); // { index: 1, similarity: 0.43 }
 */
export function nearest(
  v: ReadonlyMap<string, number>,
  centroids: readonly ReadonlyMap<string, number>[],
  threshold: number = CLUSTERING.assignThreshold,
): { index: number; similarity: number } | undefined {
  let best: { index: number; similarity: number } | undefined;
  centroids.forEach((c, index) => {
    const similarity = dot(v, c);
    if (similarity >= threshold && (!best || similarity > best.similarity))
      best = { index, similarity };
  });
  return best;
}
