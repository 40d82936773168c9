/**
 * Themes benchmark: how well grouping recovers known topics in generated Russian complaints
 * (8 topics, varied wording, word forms, typos, one or two sentences), and how long it takes.
 * Each figure is the median over several generated sets (min–max beside it), side by side with
 * references: the same grouping without the Snowball stemmer (raw words), and random themes of
 * the same sizes.
 *   pnpm --filter @otklik/collector bench:themes      (alone; THEMES_BENCH_N, THEMES_BENCH_SETS)
 *   pnpm --filter @otklik/collector bench             (with the other benchmarks)
 */
import { pathToFileURL } from 'node:url';
import { CLUSTERING, clusterVectors, seededRandom } from '../src/themes/cluster.js';
import { assignVectors, groupTexts, vectorise } from '../src/themes/engine.js';
import { adjustedRand, purity } from '../src/themes/metrics.js';
import { SAMPLE_TOPICS, sampleComplaints } from '../src/themes/sample-complaints.js';
import { idfOf, tfidf } from '../src/themes/vectors.js';

interface Score {
  purity: number;
  ari: number;
  k: number;
  ms: number;
}

const labelsOf = (n: number, groups: readonly (readonly number[])[]): number[] => {
  const labels = new Array<number>(n).fill(-1);
  groups.forEach((g, j) => g.forEach((i) => (labels[i] = j)));
  return labels;
};

function score(labels: number[], truth: string[], k: number, ms: number): Score {
  return { purity: purity(labels, truth), ari: adjustedRand(labels, truth), k, ms };
}

function engine(texts: string[], truth: string[], sample?: number): Score {
  const t0 = performance.now();
  const { themes } = groupTexts(texts, sample === undefined ? {} : { sample });
  const ms = performance.now() - t0;
  return score(
    labelsOf(
      texts.length,
      themes.map((t) => t.members),
    ),
    truth,
    themes.length,
    ms,
  );
}

/** The same TF-IDF and clustering over surface words: what the stemmer is worth. */
function noStemmer(texts: string[], truth: string[]): Score {
  const t0 = performance.now();
  const words = vectorise(texts).analysed.map((a) => a.words);
  const idf = idfOf(words);
  const { labels, centroids } = clusterVectors(words.map((w) => tfidf(w, idf, words.length)));
  return score(labels, truth, centroids.length, performance.now() - t0);
}

/** Random themes with the engine's sizes: the floor any grouping must clear. */
function random(found: number[], truth: string[], seed: number): Score {
  const rnd = seededRandom(seed);
  const shuffled = [...found];
  for (let i = shuffled.length - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [shuffled[i], shuffled[j]] = [shuffled[j]!, shuffled[i]!];
  }
  return score(shuffled, truth, new Set(found).size, 0);
}

/** Groups 80 % of a set, then files the other 20 % as new answers (nearest centroid). */
function incremental(texts: string[], truth: string[]): { filed: number; correct: number } {
  const cut = Math.floor(texts.length * 0.8);
  const { themes } = groupTexts(texts.slice(0, cut));
  const topicOf = themes.map((t) => {
    const count = new Map<string, number>();
    for (const i of t.members) count.set(truth[i]!, (count.get(truth[i]!) ?? 0) + 1);
    return [...count].sort((a, b) => b[1] - a[1])[0]![0];
  });
  const vectors = vectorise(texts).vectors.slice(cut);
  const picks = assignVectors(
    vectors,
    themes.map((t) => t.centroid),
  );
  let filed = 0;
  let correct = 0;
  picks.forEach((p, i) => {
    if (p === undefined) return;
    filed++;
    if (topicOf[p] === truth[cut + i]) correct++;
  });
  return { filed: filed / picks.length, correct: filed === 0 ? 0 : correct / filed };
}

const median = (xs: number[]): number => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
};
const fmt = (xs: number[], digits = 3): string =>
  `${median(xs).toFixed(digits)} (${Math.min(...xs).toFixed(digits)}–${Math.max(...xs).toFixed(digits)})`;

/** Runs the benchmark and prints the table. */
export async function runThemesBench(): Promise<void> {
  const n = Number(process.env.THEMES_BENCH_N ?? 320);
  const sets = Number(process.env.THEMES_BENCH_SETS ?? 5);
  const sampled = `sample ${CLUSTERING.groupSample}`;
  const rows: Record<string, Score[]> = {
    engine: [],
    [sampled]: [],
    'no stemmer': [],
    random: [],
  };
  const inc: { filed: number; correct: number }[] = [];
  for (let s = 0; s < sets; s++) {
    const set = sampleComplaints(n, 1000 + s);
    const texts = set.map((x) => x.text);
    const truth = set.map((x) => x.topic);
    const e = engine(texts, truth);
    rows['engine']!.push(e);
    // What the store runs: a bounded sample clustered, the rest filed (same as engine below it).
    rows[sampled]!.push(engine(texts, truth, CLUSTERING.groupSample));
    rows['no stemmer']!.push(noStemmer(texts, truth));
    const { themes } = groupTexts(texts);
    rows['random']!.push(
      random(
        labelsOf(
          n,
          themes.map((t) => t.members),
        ),
        truth,
        s,
      ),
    );
    inc.push(incremental(texts, truth));
  }
  console.log(
    `\nthemes: ${sets} generated sets × ${n} Russian complaints, ${SAMPLE_TOPICS.length} topics ` +
      `(${SAMPLE_TOPICS.join(', ')}); median (min–max)`,
  );
  console.log(
    ['', 'purity', 'ARI', 'themes', 'ms'].map((h, i) => h.padEnd(i === 0 ? 14 : 22)).join(''),
  );
  for (const [name, xs] of Object.entries(rows)) {
    console.log(
      [
        name.padEnd(14),
        fmt(xs.map((x) => x.purity)).padEnd(22),
        fmt(xs.map((x) => x.ari)).padEnd(22),
        fmt(
          xs.map((x) => x.k),
          0,
        ).padEnd(22),
        name === 'random'
          ? ''
          : fmt(
              xs.map((x) => x.ms),
              0,
            ),
      ].join(''),
    );
  }
  console.log(
    `new answers (last 20 % filed against themes of the first 80 %): filed ${fmt(inc.map((x) => x.filed))}, ` +
      `into the right topic ${fmt(inc.map((x) => x.correct))}`,
  );
  await Promise.resolve();
}

/** Entry for bench/run.ts. */
export const run = runThemesBench;

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href)
  await runThemesBench();
