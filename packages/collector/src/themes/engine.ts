import { CLUSTERING, clusterVectors, nearest, seededRandom } from './cluster.js';
import { analyse, type Analysed } from './text.js';
import { centroidOf, idfOf, tfidf, type TermVector } from './vectors.js';

/** How many top terms name a theme. */
export const NAME_TERMS = 3;

/** A group of texts found by `groupTexts`. */
export interface FoundTheme {
  /** Indices into the input texts. */
  members: number[];
  /** Unit centroid over stems: new answers are compared with it. */
  centroid: TermVector;
  /** Top terms as readable words (each stem's most frequent surface form), strongest first. */
  terms: string[];
}

/** Texts analysed and vectorised against each other (one corpus: one IDF table). */
export interface Corpus {
  analysed: Analysed[];
  vectors: TermVector[];
}

/**
 * Analyses texts and weights their terms by TF-IDF over the same texts.
 *
 * @example
 * const { vectors } = vectorise(['Очередь два часа', 'Нагрубили в окне']);
 */
export function vectorise(texts: readonly string[]): Corpus {
  const analysed = texts.map(analyse);
  const idf = idfOf(analysed.map((a) => a.terms));
  return { analysed, vectors: analysed.map((a) => tfidf(a.terms, idf, texts.length)) };
}

/** The top terms of a centroid, each shown as its most frequent word among the members. */
export function topTerms(
  centroid: ReadonlyMap<string, number>,
  members: readonly Analysed[],
  count: number = NAME_TERMS,
): string[] {
  const forms = new Map<string, Map<string, number>>();
  for (const a of members)
    a.terms.forEach((t, i) => {
      const m = forms.get(t) ?? new Map<string, number>();
      const w = a.words[i]!;
      m.set(w, (m.get(w) ?? 0) + 1);
      forms.set(t, m);
    });
  return [...centroid]
    .sort((x, y) => y[1] - x[1] || (x[0] < y[0] ? -1 : 1))
    .slice(0, count)
    .map(([stem]) => {
      const m = forms.get(stem);
      if (!m) return stem;
      // Most frequent surface form; ties go to the shorter, then alphabetical, word.
      return [...m].sort(
        (a, b) => b[1] - a[1] || a[0].length - b[0].length || (a[0] < b[0] ? -1 : 1),
      )[0]![0];
    });
}

/**
 * Groups free texts into themes (TF-IDF over Snowball stems, spherical k-means, k by silhouette).
 * `k` forces the number of themes (a split asks for 2). Texts with no terms are `unsorted`.
 * With `sample`, only that many texts (a seeded random pick, so the same texts give the same themes) are
 * clustered; every other text joins the nearest theme (unsorted only when it shares no term with
 * any) and the centroids and names are recomputed over all members. That bounds the
 * time of a first grouping whatever the number of texts, and keeps k chosen on a set size where
 * the silhouette still separates topics (on ~1600 texts it settled on 3 themes).
 *
 * @example
 * const { themes, unsorted } = groupTexts(['Очередь два часа', 'Стоял в очереди', 'Нахамили']);
 * themes[0].terms; // ['очередь', …]
 */
export function groupTexts(
  texts: readonly string[],
  opts: { k?: number; sample?: number } = {},
): { themes: FoundTheme[]; unsorted: number[]; corpus: Corpus } {
  const corpus = vectorise(texts);
  const n = texts.length;
  const picked =
    opts.sample !== undefined && n > opts.sample
      ? seededSample(n, opts.sample)
      : [...Array(n).keys()];
  const clustered = clusterVectors(
    picked.map((i) => corpus.vectors[i]!),
    opts.k === undefined ? {} : { k: opts.k },
  );
  const labels = new Array<number | undefined>(n).fill(undefined);
  picked.forEach((i, j) => {
    const l = clustered.labels[j]!;
    labels[i] = l < 0 ? undefined : l;
  });
  if (picked.length < n) {
    const inSample = new Set(picked);
    const rest = [...Array(n).keys()].filter((i) => !inSample.has(i));
    // As k-means would: the nearest centre, however far (a text sharing no term stays unsorted).
    const picks = assignVectors(
      rest.map((i) => corpus.vectors[i]!),
      clustered.centroids,
      Number.MIN_VALUE,
    );
    rest.forEach((i, j) => (labels[i] = picks[j]));
  }
  const themes = clustered.centroids.flatMap((sampled, j): FoundTheme[] => {
    const members = labels.flatMap((l, i) => (l === j ? [i] : []));
    if (members.length === 0) return [];
    // Over every member once the rest has joined; unchanged when nothing was left out.
    const centroid =
      picked.length < n ? centroidOf(members.map((i) => corpus.vectors[i]!)) : sampled;
    return [
      {
        members,
        centroid,
        terms: topTerms(
          centroid,
          members.map((i) => corpus.analysed[i]!),
        ),
      },
    ];
  });
  const unsorted = labels.flatMap((l, i) => (l === undefined ? [i] : []));
  themes.sort((a, b) => b.members.length - a.members.length);
  return { themes, unsorted, corpus };
}

/**
 * `count` of the indices 0…n−1, picked at random with the grouping's seed, in ascending order. Not
 * every k-th: texts arrive in runs (a kiosk's morning, a generated set's cycle of topics), and a
 * regular stride can hit one phase of a run only.
 */
function seededSample(n: number, count: number): number[] {
  const rnd = seededRandom(CLUSTERING.seed);
  const all = [...Array(n).keys()];
  for (let i = 0; i < count; i++) {
    const j = i + Math.floor(rnd() * (n - i));
    [all[i], all[j]] = [all[j]!, all[i]!];
  }
  return all.slice(0, count).sort((a, b) => a - b);
}

/**
 * Assigns each vector to the nearest centroid at or above the threshold: the theme's index, or
 * undefined (unsorted).
 */
export function assignVectors(
  vectors: readonly TermVector[],
  centroids: readonly ReadonlyMap<string, number>[],
  threshold: number = CLUSTERING.assignThreshold,
): (number | undefined)[] {
  return vectors.map((v) => nearest(v, centroids, threshold)?.index);
}

/** A centroid recomputed from members' vectors (after a move, merge or split). */
export { centroidOf };
