import { describe, expect, it } from 'vitest';
import { sample } from '../../test/fixtures.js';
import type { MatrixQuestion, Survey } from '../types.js';
import {
  nextQuestion,
  previousQuestion,
  pruneAnswers,
  questionIndex,
  visiblePath,
  visibleRows,
} from './path.js';

const all = sample.questions.map((q) => q.id);
const without = (...ids: string[]) => all.filter((id) => !ids.includes(id));

describe('visiblePath', () => {
  it('hides questions whose showIf fails and shows them once it holds', () => {
    expect(visiblePath(sample, {})).toEqual(without('q2', 'q8'));
    expect(visiblePath(sample, { q1: 'b' })).toEqual(without('q8'));
    expect(visiblePath(sample, { q1: 'c', q7: 'yes' })).toEqual(without('q2'));
  });

  it('follows an option jump forward (q1 = a → q4)', () => {
    expect(visiblePath(sample, { q1: 'a' })).toEqual(without('q2', 'q3', 'q8'));
  });

  it('does not jump from a question not yet answered', () => {
    expect(visiblePath(sample, {}).slice(0, 3)).toEqual(['q1', 'q3', 'q4']);
  });

  it('takes the first listed option with a jump when a multiple answer holds several', () => {
    // z (→ q6) is listed before w (→ q7): the answer order does not matter.
    expect(visiblePath(sample, { q1: 'b', q3: ['w', 'z'] })).toEqual(without('q4', 'q5', 'q8'));
    expect(visiblePath(sample, { q1: 'b', q3: ['w'] })).toEqual(without('q4', 'q5', 'q6', 'q8'));
  });

  it("ends the survey on '@end'", () => {
    expect(visiblePath(sample, { q10: 'stop' })).toEqual(without('q2', 'q8', 'q11'));
    expect(visiblePath(sample, { q10: 'go' })).toEqual(without('q2', 'q8'));
  });

  it('follows a question goTo whatever the answer, and lets an option jump override it', () => {
    const s: Survey = {
      ...sample,
      questions: sample.questions.map((q) => (q.id === 'q7' ? { ...q, goTo: 'q10' } : q)),
    };
    expect(visiblePath(s, {})).toEqual(without('q2', 'q8', 'q9'));
    const t: Survey = {
      ...sample,
      questions: sample.questions.map((q) => (q.id === 'q1' ? { ...q, goTo: '@end' } : q)),
    };
    expect(visiblePath(t, {})).toEqual(['q1']);
    expect(visiblePath(t, { q1: 'a' })).toEqual(without('q2', 'q3', 'q8'));
  });

  it("jumps from a scale's extra option", () => {
    const s: Survey = {
      ...sample,
      questions: sample.questions.map((q) =>
        q.type === 'scale'
          ? { ...q, extraOptions: [{ id: 'dk', text: { ru: 'Затрудняюсь' }, goTo: 'q9' }] }
          : q,
      ),
    };
    expect(visiblePath(s, { q1: 'a', q4: 'dk' })).toEqual(['q1', 'q4', 'q9', 'q10', 'q11']);
    expect(visiblePath(s, { q1: 'a', q4: 5 })).toEqual(without('q2', 'q3', 'q8'));
  });

  it('ignores stale answers from a branch the respondent jumped over', () => {
    // q2 was answered under q1 = b; q1 is now a, which jumps over q2 and q3.
    const stale = { q1: 'a', q2: 'why', q3: ['y'] };
    expect(visiblePath(sample, stale)).toEqual(without('q2', 'q3', 'q8'));
    // A later question conditioned on a skipped answer stays off.
    const s: Survey = {
      ...sample,
      questions: sample.questions.map((q) =>
        q.id === 'q6' ? { ...q, showIf: { op: 'answered', question: 'q2' } } : q,
      ),
    };
    expect(visiblePath(s, stale)).not.toContain('q6');
    expect(visiblePath(s, { q1: 'b', q2: 'why' })).toContain('q6');
  });

  it('ignores a stale answer to a matrix row no longer asked', () => {
    const s: Survey = {
      ...sample,
      questions: sample.questions.map((q) =>
        q.id === 'q6' ? { ...q, showIf: { op: 'answered', question: 'q5', row: 'r2' } } : q,
      ),
    };
    expect(visiblePath(s, { q1: 'b', q3: ['y'], q5: { r2: 3 } })).toContain('q6');
    expect(visiblePath(s, { q1: 'b', q3: ['x'], q5: { r2: 3 } })).not.toContain('q6');
  });

  it('skips a matrix whose every row is hidden', () => {
    const s: Survey = {
      ...sample,
      questions: sample.questions.map((q) =>
        q.type === 'matrix' ? { ...q, rows: q.rows.filter((r) => r.showIf) } : q,
      ),
    };
    expect(visiblePath(s, { q1: 'b', q3: ['x'] })).not.toContain('q5');
    expect(visiblePath(s, { q1: 'b', q3: ['y'] })).toContain('q5');
  });

  it('does not loop on a hand-made survey with a backward jump', () => {
    const s: Survey = {
      ...sample,
      questions: sample.questions.map((q) => (q.id === 'q7' ? { ...q, goTo: 'q1' } : q)),
    };
    expect(visiblePath(s, {})).toEqual(without('q2', 'q8'));
  });
});

describe('ids named like Object.prototype members', () => {
  const s: Survey = {
    id: 'proto',
    version: 1,
    title: { ru: 'x' },
    questions: [
      {
        id: 'constructor',
        type: 'single',
        title: { ru: 'a' },
        options: [{ id: 'toString', text: { ru: 'b' }, goTo: 'valueOf' }],
      },
      { id: 'toString', type: 'text', title: { ru: 'c' } },
      {
        id: 'valueOf',
        type: 'matrix',
        title: { ru: 'd' },
        scale: { min: 1, max: 5 },
        rows: [{ id: 'constructor', text: { ru: 'e' } }],
      },
      {
        id: 'hasOwnProperty',
        type: 'text',
        title: { ru: 'f' },
        showIf: { op: 'answered', question: 'toString' },
      },
    ],
  };
  it('are never read from Object.prototype', () => {
    expect(visiblePath(s, {})).toEqual(['constructor', 'toString', 'valueOf']);
    expect(pruneAnswers(s, {})).toEqual({});
    expect(pruneAnswers(s, { valueOf: {} })).toEqual({});
    expect(visiblePath(s, { constructor: 'toString' })).toEqual(['constructor', 'valueOf']);
    expect(visiblePath(s, { toString: 'x' })).toEqual([
      'constructor',
      'toString',
      'valueOf',
      'hasOwnProperty',
    ]);
  });
});

describe('nextQuestion / previousQuestion', () => {
  it('walk the path, not the question list', () => {
    expect(nextQuestion(sample, { q1: 'a' }, 'q1')).toBe('q4');
    expect(previousQuestion(sample, { q1: 'a' }, 'q4')).toBe('q1');
    expect(nextQuestion(sample, { q1: 'b' }, 'q1')).toBe('q2');
    expect(previousQuestion(sample, { q1: 'b' }, 'q3')).toBe('q2');
  });
  it('return null at either end and for a question off the path', () => {
    expect(previousQuestion(sample, {}, 'q1')).toBeNull();
    expect(nextQuestion(sample, { q10: 'stop' }, 'q10')).toBeNull();
    expect(nextQuestion(sample, {}, 'q11')).toBeNull();
    expect(nextQuestion(sample, { q1: 'a' }, 'q2')).toBeNull();
    expect(previousQuestion(sample, { q1: 'a' }, 'q3')).toBeNull();
    expect(nextQuestion(sample, {}, 'nope')).toBeNull();
  });
});

describe('visibleRows', () => {
  const q5 = sample.questions.find((q): q is MatrixQuestion => q.type === 'matrix')!;
  it('leaves out rows whose showIf fails', () => {
    expect(visibleRows(q5, {}).map((r) => r.id)).toEqual(['r1']);
    expect(visibleRows(q5, { q3: ['x', 'y'] }).map((r) => r.id)).toEqual(['r1', 'r2']);
  });
});

describe('pruneAnswers', () => {
  it('drops answers off the path and keeps the rest untouched', () => {
    const a = { q1: 'a', q2: 'why', q3: ['y'], q4: 5, q7: 'no', q8: 'stale' };
    expect(pruneAnswers(sample, a)).toEqual({ q1: 'a', q4: 5, q7: 'no' });
    expect(a.q8).toBe('stale');
  });
  it('drops matrix rows no longer asked, and the matrix when none is left', () => {
    expect(pruneAnswers(sample, { q1: 'b', q3: ['x'], q5: { r1: 4, r2: 2 } })).toEqual({
      q1: 'b',
      q3: ['x'],
      q5: { r1: 4 },
    });
    expect(pruneAnswers(sample, { q1: 'b', q3: ['x'], q5: { r2: 2 } })).toEqual({
      q1: 'b',
      q3: ['x'],
    });
  });
  it('drops everything after an end jump', () => {
    expect(pruneAnswers(sample, { q10: 'stop', q11: ['d1'] })).toEqual({ q10: 'stop' });
  });
});

describe('questionIndex', () => {
  it('maps ids to positions and is cached per survey', () => {
    expect(questionIndex(sample).get('q4')).toBe(3);
    expect(questionIndex(sample)).toBe(questionIndex(sample));
  });
});
