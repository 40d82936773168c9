import type { Question, Survey } from '@otklik/core';

/** A question that has figures (statements have none). */
export type ReportQuestion = Exclude<Question, { type: 'statement' }>;

/**
 * The questions a report over several versions of one survey covers: grouped by question id
 * across versions ("data must be comparable", 001 §3.8). The newest version that has an id
 * defines its type, options and rows; questions dropped in later versions follow in the order
 * of the version that last had them, so old answers still show up.
 *
 * Ids are assumed to keep their meaning and kind across versions — a survey that reuses an id
 * for a different question should get a new id instead (docs/collector.md, "Reports").
 *
 * @example
 * reportQuestions([v1, v2]).map((q) => q.id); // v2's ids, then ids only v1 had
 */
export function reportQuestions(versions: readonly Survey[]): ReportQuestion[] {
  const newestFirst = [...versions].sort((a, b) => b.version - a.version);
  const seen = new Set<string>();
  const out: ReportQuestion[] = [];
  for (const s of newestFirst) {
    for (const q of s.questions) {
      if (q.type === 'statement' || seen.has(q.id)) continue;
      seen.add(q.id);
      out.push(q);
    }
  }
  return out;
}

/** The newest of the versions (its title and id head the report). */
export function newest(versions: readonly Survey[]): Survey {
  const first = versions[0];
  if (!first) throw new Error('a report needs at least one survey version');
  return versions.reduce((a, b) => (b.version > a.version ? b : a), first);
}
