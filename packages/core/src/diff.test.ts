import { describe, expect, it } from 'vitest';
import { conditionText, diffSurveys } from './diff.js';
import { belgorodTypical, vladimirSocial } from './templates/index.js';
import type { Question, Survey } from './types.js';

/** A thawed copy of a template to edit. */
const copy = (s: Survey): Survey => structuredClone(s) as Survey;
const q = (s: Survey, id: string): Question => s.questions.find((x) => x.id === id)!;
const codes = (prev: Survey, next: Survey) => diffSurveys(prev, next).changes.map((c) => c.code);

describe('diffSurveys', () => {
  it('finds nothing between a survey and its copy', () => {
    const d = diffSurveys(belgorodTypical, copy(belgorodTypical));
    expect(d).toEqual({ changes: [], breaksComparability: [] });
  });

  it('reads logic written in another key order as unchanged', () => {
    const next = copy(belgorodTypical);
    q(next, 'q9').showIf = { value: 'refused', question: 'q8', op: 'equals' } as never;
    expect(codes(belgorodTypical, next)).toEqual([]);
  });

  it('lists added, removed and moved questions with their texts in both languages', () => {
    const next = copy(belgorodTypical);
    const q22 = next.questions.findIndex((x) => x.id === 'q22');
    const [moved] = next.questions.splice(q22, 1);
    next.questions.splice(1, 0, moved!);
    next.questions = next.questions.filter((x) => x.id !== 'q16');
    next.questions.push({ id: 'q33', type: 'text', title: { ru: 'Ещё', en: 'More' } });
    const d = diffSurveys(belgorodTypical, next);
    expect(d.changes.map((c) => [c.code, c.question])).toEqual([
      ['question_removed', 'q16'],
      ['question_moved', 'q22'],
      ['question_added', 'q33'],
    ]);
    const added = d.changes.at(-1)!;
    expect(added.message.ru).toBe('Добавлен вопрос q33 «Ещё» (текст)');
    expect(added.message.en).toBe('Question q33 "More" added (text)');
    expect(added.path).toEqual(['questions', next.questions.length - 1]);
    expect(d.changes[1]!.message.en).toMatch(/from position \d+ to 2/);
    // Neither adding nor moving changes what earlier answers meant.
    expect(d.breaksComparability).toEqual([]);
  });

  it('warns when an option is removed or its Russian wording or meaning changes', () => {
    const next = copy(belgorodTypical);
    const q20 = q(next, 'q20') as Extract<Question, { type: 'single' }>;
    q20.options = q20.options.filter((o) => o.id !== 'worse');
    q20.options[0]!.text = { ru: 'Да, к лучшему', en: 'Yes, for the better' };
    delete q20.options.find((o) => o.id === 'dont_know')!.kind;
    q20.options.push({ id: 'other', text: { ru: 'Другое' } });
    const d = diffSurveys(belgorodTypical, next);
    expect(d.changes.map((c) => c.code)).toEqual([
      'option_removed',
      'option_text_changed',
      'option_meaning_changed',
      'option_added',
    ]);
    expect(d.breaksComparability.map((c) => c.code)).toEqual([
      'option_removed',
      'option_text_changed',
      'option_meaning_changed',
    ]);
    const removed = d.changes[0]!;
    expect(removed.question).toBe('q20');
    expect(removed.path[0]).toBe('questions');
    expect(removed.breaksComparability!.ru).toContain('«Да, в худшую сторону»');
  });

  it('does not warn when only the English text of an option changes', () => {
    const next = copy(belgorodTypical);
    const q9 = q(next, 'q9') as Extract<Question, { type: 'single' }>;
    q9.options[0]!.text = { ru: 'Да', en: 'Yes indeed' };
    const d = diffSurveys(belgorodTypical, next);
    expect(d.changes.map((c) => c.code)).toEqual(['option_text_changed']);
    expect(d.breaksComparability).toEqual([]);
  });

  it('warns on a changed scale range and on a changed kind, not on a changed display order', () => {
    const next = copy(belgorodTypical);
    const q21 = q(next, 'q21') as Extract<Question, { type: 'scale' }>;
    q21.min = 0;
    q21.order = 'asc';
    const i = next.questions.findIndex((x) => x.id === 'q7');
    next.questions[i] = {
      id: 'q7',
      type: 'multiple',
      title: q(belgorodTypical, 'q7').title,
      options: structuredClone(
        (q(belgorodTypical, 'q7') as Extract<Question, { type: 'single' }>).options,
      ),
    };
    const d = diffSurveys(belgorodTypical, next);
    expect(d.changes.map((c) => c.code)).toEqual([
      'kind_changed',
      'scale_range_changed',
      'scale_order_changed',
    ]);
    expect(d.breaksComparability.map((c) => c.code)).toEqual([
      'kind_changed',
      'scale_range_changed',
    ]);
    expect(d.changes[1]!.message.ru).toBe('Вопрос q21: шкала 1…10 → 0…10');
  });

  it('treats a list that starts taking several answers as a change of kind', () => {
    const next = copy(belgorodTypical);
    (q(next, 'q32') as Extract<Question, { type: 'list' }>).multiple = true;
    expect(diffSurveys(belgorodTypical, next).breaksComparability.map((c) => c.code)).toEqual([
      'kind_changed',
    ]);
  });

  it('reads the entries of a list question’s inline catalogue as its options', () => {
    const next = copy(belgorodTypical);
    const services = next.catalogs!['services']!;
    const [gone] = services.splice(0, 1);
    services[0]!.text = { ...services[0]!.text, ru: 'Лицензирование (переименовано)' };
    services.push({ id: 'new-service', text: { ru: 'Новая услуга', en: 'New service' } });
    const d = diffSurveys(belgorodTypical, next);
    expect(d.changes.map((c) => [c.code, c.question, c.path.join('.')])).toEqual([
      ['option_removed', 'q2', 'catalogs.services.0'],
      ['option_text_changed', 'q2', `catalogs.services.0.text`],
      ['option_added', 'q2', `catalogs.services.${services.length - 1}`],
    ]);
    expect(d.changes[0]!.message.ru).toContain(`удалён вариант ${gone!.id}`);
    // A service no longer offered changes the other services' shares, as a removed option does.
    expect(d.breaksComparability.map((c) => c.code)).toEqual([
      'option_removed',
      'option_text_changed',
    ]);
  });

  it('warns on matrix rows removed or reworded and on a matrix scale change', () => {
    const next = copy(belgorodTypical);
    const q12 = q(next, 'q12') as Extract<Question, { type: 'matrix' }>;
    q12.rows = q12.rows.filter((r) => r.id !== 'speed');
    q12.rows[0]!.text = { ru: 'Удобство подачи заявления', en: 'Ease of applying' };
    q12.rows.push({ id: 'staff', text: { ru: 'Вежливость' } });
    q12.scale = { ...q12.scale, max: 4 };
    const d = diffSurveys(belgorodTypical, next);
    expect(d.changes.map((c) => c.code)).toEqual([
      'scale_range_changed',
      'row_removed',
      'row_text_changed',
      'row_added',
    ]);
    expect(d.breaksComparability.map((c) => c.code)).toEqual([
      'scale_range_changed',
      'row_removed',
      'row_text_changed',
    ]);
    expect(d.changes[0]!.path.at(-2)).toBe('scale');
  });

  it('reports logic changes: show conditions, jumps, row conditions', () => {
    const next = copy(vladimirSocial);
    const withJump = next.questions.find(
      (x) => 'options' in x && x.options?.some((o) => o.goTo !== undefined),
    ) as Extract<Question, { type: 'single' }>;
    const o = withJump.options.find((x) => x.goTo !== undefined)!;
    delete o.goTo;
    const d = diffSurveys(vladimirSocial, next);
    expect(d.changes.map((c) => c.code)).toEqual(['logic_changed']);
    expect(d.changes[0]!.message.en).toMatch(new RegExp(`jump after option ${o.id} changed`));
    expect(d.breaksComparability).toEqual([]);

    const b = copy(belgorodTypical);
    q(b, 'q9').showIf = { op: 'in', question: 'q8', values: ['refused', 'provided'] };
    const q6 = q(b, 'q6') as Extract<Question, { type: 'matrix' }>;
    delete q6.rows[0]!.showIf;
    const bd = diffSurveys(belgorodTypical, b);
    expect(bd.changes.map((c) => c.message.en)).toEqual([
      'Question q6: the condition showing row portal changed',
      'Question q9: show condition changed (q8 = refused → q8 in [refused, provided])',
    ]);
  });

  it('warns when the headline question or a role changes', () => {
    const next = copy(belgorodTypical);
    delete next.headline;
    (q(next, 'q3') as Extract<Question, { type: 'scale' }>).role = 'other';
    const d = diffSurveys(belgorodTypical, next);
    expect(d.breaksComparability.map((c) => c.code)).toEqual([
      'headline_changed',
      'scale_role_changed',
    ]);
    expect(d.changes[0]!.message.en).toBe('Headline question: q3 → —');
  });

  it('notes survey texts and required flags without warnings', () => {
    const next = copy(belgorodTypical);
    next.title = { ru: 'Новое название' };
    q(next, 'q4').required = true;
    const d = diffSurveys(belgorodTypical, next);
    expect(d.changes.map((c) => c.code)).toEqual(['survey_text_changed', 'required_changed']);
    expect(d.changes[1]!.message.ru).toBe('Вопрос q4 стал обязательным');
    expect(d.breaksComparability).toEqual([]);
  });

  it('writes conditions in one line', () => {
    expect(
      conditionText({
        op: 'or',
        any: [
          { op: 'not', cond: { op: 'answered', question: 'q2' } },
          { op: 'gte', question: 'q6', row: 'site', value: 4 },
        ],
      }),
    ).toBe('(not q2 answered or q6.site ≥ 4)');
  });
});
