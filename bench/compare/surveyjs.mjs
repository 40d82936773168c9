// Our survey definition encoded for SurveyJS 2.5 (survey-core's JSON), so both forms show the same
// questions, texts (ru with en), required marks and skip logic. Only what the Belgorod template
// uses is encoded; anything else throws rather than silently bench a different form.

/** `{ ru, en }` → SurveyJS's localisable string (`default` is English, `ru` Russian). */
const text = (t) => (t.en ? { default: t.en, ru: t.ru } : t.ru);

const literal = (v) => (typeof v === 'number' ? String(v) : `'${String(v).replace(/'/g, "\\'")}'`);

/** Our condition (data) → a SurveyJS expression. */
export function expression(c) {
  const ref = `{${c.question}${c.row ? `.${c.row}` : ''}}`;
  switch (c.op) {
    case 'answered':
      return `${ref} notempty`;
    case 'equals':
      return `${ref} = ${literal(c.value)}`;
    case 'in':
      return `${ref} anyof [${c.values.map(literal).join(', ')}]`;
    case 'gt':
    case 'gte':
    case 'lt':
    case 'lte':
      return `${ref} ${{ gt: '>', gte: '>=', lt: '<', lte: '<=' }[c.op]} ${c.value}`;
    case 'and':
      return c.all.map((x) => `(${expression(x)})`).join(' and ');
    case 'or':
      return c.any.map((x) => `(${expression(x)})`).join(' or ');
    case 'not':
      return `!(${expression(c.cond)})`;
  }
  throw new Error(`no SurveyJS encoding for condition ${c.op}`);
}

/** The points of a scale in the order they are printed (our `order`), as SurveyJS rate values. */
const points = (s) => {
  const values = [];
  for (let v = s.min; v <= s.max; v++) values.push({ value: v, text: String(v) });
  return s.order === 'desc' ? values.reverse() : values;
};

/**
 * Choices of a single or multiple question. A `specify` option is SurveyJS's «other» item (its own
 * comment box, required when ours is); an `exclusive` one is its «none» item, which clears the rest.
 */
function choices(q) {
  const out = { choices: [] };
  for (const o of q.options) {
    if (o.goTo) throw new Error(`${q.id}: jumps have no one-page SurveyJS encoding`);
    if (o.specify) {
      Object.assign(out, { showOtherItem: true, otherText: text(o.text) });
    } else if (o.exclusive) {
      Object.assign(out, { showNoneItem: true, noneText: text(o.text) });
    } else out.choices.push({ value: o.id, text: text(o.text) });
  }
  return out;
}

function question(q, catalogs) {
  if (q.goTo) throw new Error(`${q.id}: jumps have no one-page SurveyJS encoding`);
  const base = {
    name: q.id,
    title: text(q.title),
    ...(q.description ? { description: text(q.description) } : {}),
    ...(q.required ? { isRequired: true } : {}),
    ...(q.showIf ? { visibleIf: expression(q.showIf) } : {}),
  };
  switch (q.type) {
    case 'single':
      return { type: 'radiogroup', ...base, ...choices(q) };
    case 'multiple':
      return { type: 'checkbox', ...base, ...choices(q) };
    case 'scale':
      return {
        type: 'rating',
        ...base,
        rateValues: points(q),
        ...(q.minLabel ? { minRateDescription: text(q.minLabel) } : {}),
        ...(q.maxLabel ? { maxRateDescription: text(q.maxLabel) } : {}),
      };
    case 'matrix':
      return {
        type: 'matrix',
        ...base,
        columns: points(q.scale),
        rows: q.rows.map((r) => ({
          value: r.id,
          text: text(r.text),
          ...(r.showIf ? { visibleIf: expression(r.showIf) } : {}),
        })),
      };
    case 'list': {
      const entries = q.options ?? catalogs[q.catalog] ?? [];
      return {
        type: q.multiple ? 'tagbox' : 'dropdown',
        ...base,
        searchEnabled: true,
        choices: entries.map((e) => ({ value: e.id, text: text(e.text) })),
      };
    }
    case 'text':
      return {
        type: q.multiline ? 'comment' : 'text',
        ...base,
        maxLength: q.maxLength ?? 2000,
      };
    case 'statement':
      return { type: 'html', name: q.id, html: q.title.ru };
  }
  throw new Error(`no SurveyJS encoding for ${q.type}`);
}

/** The whole survey, one page, Russian, no question numbers (ours has none). */
export function toSurveyJs(s) {
  return {
    locale: 'ru',
    title: text(s.title),
    ...(s.description ? { description: text(s.description) } : {}),
    showQuestionNumbers: 'off',
    completeText: { default: 'Send', ru: 'Отправить' },
    elements: s.questions.map((q) => question(q, s.catalogs ?? {})),
  };
}
