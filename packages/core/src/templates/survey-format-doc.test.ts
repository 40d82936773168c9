import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { visiblePath, visibleRows } from '../engine/path.js';
import { validateResponse } from '../engine/validate-response.js';
import { parseSurvey } from '../schema/parse.js';
import { ZCondition, ZQuestion } from '../schema/survey.js';
import type { Survey } from '../types.js';

/**
 * docs/survey-format.md teaches the format by example; these tests parse every JSON block in it so
 * that a change to the schema that the page does not follow fails here, not in an author's editor.
 */
const doc = readFileSync(new URL('../../../../docs/survey-format.md', import.meta.url), 'utf8');

/** The ```json blocks of a markdown text, with the heading each one stands under. */
function jsonBlocks(md: string): { heading: string; body: string }[] {
  const out: { heading: string; body: string }[] = [];
  let heading = '';
  const lines = md.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    if (/^#{1,6} /.test(line)) heading = line.replace(/^#+ /, '');
    if (line.trim() === '```json') {
      const start = i + 1;
      while (i + 1 < lines.length && lines[i + 1]!.trim() !== '```') i++;
      out.push({ heading, body: lines.slice(start, i + 1).join('\n') });
      i++;
    }
  }
  return out;
}

const blocks = jsonBlocks(doc);
const complete = blocks.find((b) => b.heading === 'A complete example');

describe('docs/survey-format.md', () => {
  it('has JSON examples, and a complete example under its heading', () => {
    expect(blocks.length).toBeGreaterThan(10);
    expect(complete).toBeDefined();
  });

  it('the complete example passes parseSurvey and has a jump, a condition, a matrix with conditional rows and a catalogue list', () => {
    const r = parseSurvey(complete!.body);
    expect(r.ok ? [] : r.issues).toEqual([]);
    const s = (r as { ok: true; value: Survey }).value;
    const qs = s.questions;
    expect(qs.some((q) => 'options' in q && q.options?.some((o) => o.goTo !== undefined))).toBe(
      true,
    );
    expect(qs.some((q) => q.showIf !== undefined)).toBe(true);
    expect(qs.some((q) => q.type === 'matrix' && q.rows.some((row) => row.showIf))).toBe(true);
    expect(qs.some((q) => q.type === 'list' && q.catalog !== undefined)).toBe(true);
  });

  it('the complete example walks as the page says', () => {
    const s = (parseSurvey(complete!.body) as { ok: true; value: Survey }).value;
    expect(visiblePath(s, { q2: 'refused' })).toEqual(['q1', 'q2', 'q5', 'q6', 'q7']);
    expect(visiblePath(s, { q2: 'provided', q3: 1 })).toEqual([
      'q1',
      'q2',
      'q3',
      'q4',
      'q5',
      'q6',
      'q7',
    ]);
    const q6 = s.questions.find((q) => q.id === 'q6');
    expect(q6?.type === 'matrix' && visibleRows(q6, { q5: 'walk_in' }).map((r) => r.id)).toEqual([
      'courtesy',
      'waiting',
    ]);
  });

  it.each(blocks.map((b, i) => [i, b.heading, b.body] as const))(
    'JSON block %i (under "%s") is valid',
    (_i, _h, body) => {
      const value: unknown = JSON.parse(body);
      expect(typeof value).toBe('object');
      const v = value as Record<string, unknown>;
      if ('questions' in v) {
        const r = parseSurvey(v);
        expect(r.ok ? [] : r.issues).toEqual([]);
      } else if ('responseId' in v) {
        const s = (parseSurvey(complete!.body) as { ok: true; value: Survey }).value;
        const catalogs = { services: (s.catalogs?.['services'] ?? []).map((e) => e.id) };
        const r = validateResponse(s, v, { catalogs });
        expect(r.ok ? [] : r.issues).toEqual([]);
      } else if ('type' in v) {
        const r = ZQuestion.safeParse(v);
        expect(r.success ? [] : r.error.issues).toEqual([]);
      } else if ('op' in v) {
        const r = ZCondition.safeParse(v);
        expect(r.success ? [] : r.error.issues).toEqual([]);
      } else {
        expect.fail(
          'a JSON block that is neither a survey, a response, a question nor a condition',
        );
      }
    },
  );
});
