import { describe, expect, it } from 'vitest';
import { seededRandom } from './cluster.js';
import { assignVectors, groupTexts, topTerms, vectorise } from './engine.js';
import { adjustedRand, purity } from './metrics.js';
import { sampleComplaints, SAMPLE_TOPICS } from './sample-complaints.js';
import { analyse } from './text.js';

describe('analyse', () => {
  it('stems Russian and English words, folds ё and drops stop words and short words', () => {
    expect(analyse('Очереди огромные — ещё и в МФЦ! Errors on the portal')).toEqual({
      terms: ['очеред', 'огромн', 'мфц', 'error', 'portal'],
      words: ['очереди', 'огромные', 'мфц', 'errors', 'portal'],
    });
  });
  it('keeps the words stopwords-iso drops but complaints mean (долго, ждать, время)', () => {
    expect(analyse('Долго ждать, время потеряно').terms).toEqual([
      'долг',
      'ждат',
      'врем',
      'потеря',
    ]);
  });
  it('gives no terms for a text of stop words, digits and punctuation', () => {
    expect(analyse('и в 2026 — да, нет!').terms).toEqual([]);
  });
});

describe('metrics', () => {
  it('purity and ARI are 1 for a perfect grouping, whatever the labels', () => {
    const truth = ['a', 'a', 'b', 'b', 'c'];
    expect(purity([7, 7, 3, 3, 1], truth)).toBe(1);
    expect(adjustedRand([7, 7, 3, 3, 1], truth)).toBe(1);
  });
  it('one group for everything: purity is the largest topic share, ARI 0', () => {
    const truth = ['a', 'a', 'a', 'b'];
    expect(purity([0, 0, 0, 0], truth)).toBe(0.75);
    expect(adjustedRand([0, 0, 0, 0], truth)).toBe(0);
  });
  it('ARI of a known contingency table (worked by hand)', () => {
    // Pairs together in both: 1 (a,a in g0) + 1 (b,b in g1) = 2; a = 2+1+... see below.
    // found: g0={a,a,b} g1={b,b}; rows: 3,2 → 3+1=4; cols: a2,b3 → 1+3=4; n=5 → 10 pairs.
    // expected = 4*4/10 = 1.6; max = 4; ARI = (2-1.6)/(4-1.6) = 1/6.
    expect(adjustedRand([0, 0, 0, 1, 1], ['a', 'a', 'b', 'b', 'b'])).toBeCloseTo(1 / 6, 12);
  });
});

describe('grouping', () => {
  it('recovers the topics of a fixed set of generated complaints with purity ≥ 0.8', () => {
    const set = sampleComplaints(160, 11);
    const { themes, unsorted } = groupTexts(set.map((s) => s.text));
    const labels = new Array<number>(set.length).fill(-1);
    themes.forEach((t, j) => t.members.forEach((i) => (labels[i] = j)));
    const truth = set.map((s) => s.topic);
    const p = purity(labels, truth);
    const ari = adjustedRand(labels, truth);
    console.log(
      `themes: ${set.length} complaints, ${SAMPLE_TOPICS.length} topics → ${themes.length} themes, ` +
        `${unsorted.length} unsorted; purity ${p.toFixed(3)}, ARI ${ari.toFixed(3)}`,
    );
    expect(unsorted).toEqual([]);
    expect(p).toBeGreaterThanOrEqual(0.8);
    expect(ari).toBeGreaterThan(0.5);
  });

  it('names a theme by its top terms as the words people used most', () => {
    const texts = ['Очереди огромные', 'Стоял в очереди', 'Очереди и очереди', 'Очередь'];
    const corpus = vectorise(texts);
    const { themes } = groupTexts(texts, { k: 1 });
    expect(topTerms(themes[0]!.centroid, corpus.analysed, 1)).toEqual(['очереди']);
  });

  it('puts a new answer into the nearest theme, or none below the threshold', () => {
    const texts = [
      'Огромная очередь',
      'Очередь на два часа',
      'Сотрудник нахамил',
      'Хамство сотрудника',
    ];
    const { themes } = groupTexts(texts, { k: 2 });
    const more = vectorise([...texts, 'Опять очередь', 'Прекрасная погода']).vectors.slice(4);
    const picks = assignVectors(
      more,
      themes.map((t) => t.centroid),
    );
    const queue = themes.findIndex((t) => t.terms.includes('очередь'));
    expect(picks).toEqual([queue, undefined]);
  });

  it('is deterministic: the same texts give the same themes', () => {
    const texts = sampleComplaints(60, 5).map((s) => s.text);
    expect(groupTexts(texts).themes.map((t) => t.members)).toEqual(
      groupTexts(texts).themes.map((t) => t.members),
    );
    expect(seededRandom(1)()).toBe(seededRandom(1)());
  });
});

describe('grouping a sample', () => {
  // 800 generated complaints cycle through the 8 topics: every 4th text would see 2 topics only.
  const set = sampleComplaints(800, 11);
  const texts = set.map((s) => s.text);
  const labelsOf = (themes: { members: number[] }[]) => {
    const labels = new Array<number>(texts.length).fill(-1);
    themes.forEach((t, j) => t.members.forEach((i) => (labels[i] = j)));
    return labels;
  };

  it('clusters a seeded pick, files the rest, and keeps the topics apart', () => {
    const a = groupTexts(texts, { sample: 200 });
    const labels = labelsOf(a.themes);
    // Every text is in exactly one theme or unsorted.
    const seen = [...a.themes.flatMap((t) => t.members), ...a.unsorted].sort((x, y) => x - y);
    expect(seen).toEqual([...texts.keys()]);
    const filed = labels.flatMap((l, i) => (l >= 0 ? [i] : []));
    const p = purity(
      filed.map((i) => labels[i]!),
      filed.map((i) => set[i]!.topic),
    );
    console.log(
      `sampled grouping of 800 (200 clustered): purity ${p.toFixed(3)}, ${a.themes.length} themes`,
    );
    expect(p).toBeGreaterThanOrEqual(0.75);
    expect(filed.length / texts.length).toBeGreaterThan(0.95);
    // The same texts give the same themes.
    const b = groupTexts(texts, { sample: 200 });
    expect(b.themes.map((t) => t.members)).toEqual(a.themes.map((t) => t.members));
  });
});
