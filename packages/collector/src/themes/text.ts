import { createRequire } from 'node:module';
import type * as Snowball from 'snowball-stemmers';

/**
 * Words stopwords-iso counts as noise but complaints to a public body carry meaning with: waiting
 * ("долго ждать час"), the office window, staff as people, time. Kept as terms.
 */
const KEEP = new Set([
  'время',
  'долго',
  'час',
  'ждать',
  'окно',
  'работа',
  'люди',
  'человек',
  'wait',
  'time',
  'long',
  'work',
  'people',
]);

interface Lexicon {
  stop: ReadonlySet<string>;
  russian: Snowball.Stemmer;
  english: Snowball.Stemmer;
}

/**
 * Stop words and stemmers, read on the first text analysed rather than at start: the Snowball
 * stemmers of every language and stopwords-iso's lists cost about 10 MB of RSS, which a collector
 * that never groups texts into themes need not carry.
 */
let loaded: Lexicon | undefined;
function lexicon(): Lexicon {
  if (loaded) return loaded;
  const require = createRequire(import.meta.url);
  // stopwords-iso ships a bare JSON file (no types, no ESM entry).
  const iso = require('stopwords-iso') as Record<string, string[]>;
  const { newStemmer } = require('snowball-stemmers') as typeof Snowball;
  return (loaded = {
    stop: new Set([...(iso['ru'] ?? []), ...(iso['en'] ?? [])].filter((w) => !KEEP.has(w))),
    russian: newStemmer('russian'),
    english: newStemmer('english'),
  });
}

/** Letters (Cyrillic or Latin) with inner hyphens; digits and punctuation split words. */
const WORD = /[\p{L}]+(?:-[\p{L}]+)*/gu;
const CYRILLIC = /\p{Script=Cyrillic}/u;

/** Shortest word that becomes a term: one- and two-letter words are prepositions and noise. */
const MIN_WORD = 3;

/** A text as the grouping sees it: its terms (stems) and, per stem, the words they came from. */
export interface Analysed {
  /** Stems in text order, stop words and short words dropped. */
  terms: string[];
  /** Each term's surface word (lower case) in text order, to name themes with real words. */
  words: string[];
}

/**
 * Lower-cases, folds ё to е, splits into words, drops stop words (stopwords-iso, Russian and
 * English, minus a few that matter here) and stems each word with Snowball — Russian for Cyrillic
 * words, English for Latin ones.
 *
 * @example
 * analyse('Очереди огромные, стояли 2 часа!');
 * // { terms: ['очеред', 'огромн', 'стоя', 'час'], words: ['очереди', 'огромные', 'стояли', 'часа'] }
 */
export function analyse(text: string): Analysed {
  const terms: string[] = [];
  const words: string[] = [];
  const { stop, russian, english } = lexicon();
  for (const m of text.toLowerCase().replaceAll('ё', 'е').matchAll(WORD)) {
    const word = m[0];
    if (word.length < MIN_WORD || stop.has(word)) continue;
    const stem = (CYRILLIC.test(word) ? russian : english).stem(word);
    if (stem.length < 2) continue;
    terms.push(stem);
    words.push(word);
  }
  return { terms, words };
}
