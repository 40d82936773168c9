import { CLUSTERING, clusterVectors, nearest } from './cluster.js';
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
 *
 * @example
 * const { themes, unsorted } = groupTexts(['Очередь два часа', 'Стоял в очереди', 'Нахамили']);
 * themes[0].terms; // ['очередь', …]
 */
export function groupTexts(
  texts: readonly string[],
  opts: { k?: number } = {},
): { themes: FoundTheme[]; unsorted: number[]; corpus: Corpus } {
  const corpus = vectorise(texts);
  const { labels, centroids, unsorted } = clusterVectors(corpus.vectors, opts);
  const themes = centroids.map((centroid, j): FoundTheme => {
    const members = labels.flatMap((l, i) => (l === j ? [i] : []));
    return {
      members,
      centroid,
      terms: topTerms(
        centroid,
        members.map((i) => corpus.analysed[i]!),
      ),
    };
  });
  themes.sort((a, b) => b.members.length - a.members.length);
  return { themes, unsorted, corpus };
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
