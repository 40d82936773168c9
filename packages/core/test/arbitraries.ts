import fc from 'fast-check';
import type {
  AnswerValue,
  Answers,
  ChoiceOption,
  Condition,
  Question,
  Survey,
} from '../src/types.js';

/**
 * fast-check arbitraries for valid surveys and for answers to them. A survey is built from a
 * blueprint of random numbers so that every jump points forward and every condition looks back,
 * which is what `parseSurvey` demands; everything else (kinds, counts, which jumps) is random.
 */

const TYPES = ['single', 'multiple', 'scale', 'matrix', 'list', 'text', 'statement'] as const;
const text = (ru: string) => ({ ru });

/** Reads numbers from a blueprint in turn; wraps around so any length works. */
function reader(seeds: number[]) {
  let k = 0;
  const next = () => seeds[k++ % seeds.length]!;
  return {
    next,
    pick: <T>(xs: readonly T[]): T => xs[next() % xs.length]!,
    chance: (pct: number) => next() % 100 < pct,
  };
}
type Reader = ReturnType<typeof reader>;

/** A value some earlier question could hold, for conditions. */
function valueFor(q: Question, r: Reader): string | number {
  switch (q.type) {
    case 'single':
    case 'multiple':
      return r.pick(q.options).id;
    case 'list':
      return q.options ? r.pick(q.options).id : `svc${r.next() % 3}`;
    case 'scale':
      return q.extraOptions && r.chance(20)
        ? q.extraOptions[0]!.id
        : q.min + (r.next() % (q.max - q.min + 1));
    case 'matrix':
      return 1 + (r.next() % 5);
    default:
      return `t${r.next() % 3}`;
  }
}

/** A condition on questions before index `before` (none when there are none). */
function condition(qs: Question[], before: number, r: Reader, depth = 0): Condition | undefined {
  if (before === 0) return undefined;
  const kind = r.next() % (depth < 2 ? 7 : 4);
  const leaf = (): Condition => {
    const q = qs[r.next() % before]!;
    const row = q.type === 'matrix' ? r.pick(q.rows).id : undefined;
    const base = row === undefined ? { question: q.id } : { question: q.id, row };
    switch (r.next() % 4) {
      case 0:
        return { op: 'answered', ...base };
      case 1:
        return { op: 'equals', ...base, value: valueFor(q, r) };
      case 2:
        return { op: 'in', ...base, values: [valueFor(q, r), valueFor(q, r)] };
      default:
        return { op: r.pick(['gt', 'gte', 'lt', 'lte'] as const), ...base, value: r.next() % 6 };
    }
  };
  const sub = () => condition(qs, before, r, depth + 1)!;
  if (kind === 4) return { op: 'and', all: [sub(), sub()] };
  if (kind === 5) return { op: 'or', any: [sub(), sub()] };
  if (kind === 6) return { op: 'not', cond: sub() };
  return leaf();
}

/** A jump target after index `i` of `n` questions, or the end. */
function target(i: number, n: number, r: Reader): string {
  const later = n - i - 1;
  return later === 0 || r.chance(15) ? '@end' : `q${i + 1 + (r.next() % later)}`;
}

function options(i: number, n: number, r: Reader, prefix: string, jumps: boolean): ChoiceOption[] {
  const count = 1 + (r.next() % 4);
  return Array.from({ length: count }, (_, k) => {
    const o: ChoiceOption = { id: `${prefix}${k}`, text: text(`вариант ${k}`) };
    if (jumps && r.chance(20)) o.goTo = target(i, n, r);
    if (r.chance(15)) o.specify = r.chance(50) ? { required: true } : {};
    return o;
  });
}

function question(qs: Question[], i: number, n: number, r: Reader): Question {
  const base = { id: `q${i}`, title: text(`Вопрос ${i}`) };
  const type = r.pick(TYPES);
  let q: Question;
  switch (type) {
    case 'single':
      q = { ...base, type, options: options(i, n, r, 'o', true) };
      break;
    case 'multiple': {
      const opts = options(i, n, r, 'o', true);
      if (opts.length > 1 && r.chance(40)) opts[opts.length - 1]!.exclusive = true;
      q = { ...base, type, options: opts };
      if (r.chance(30)) q.max = 1 + (r.next() % opts.length);
      break;
    }
    case 'scale':
      q = { ...base, type, min: 1, max: r.pick([5, 10]) };
      if (r.chance(40)) q.extraOptions = options(i, n, r, 'x', true).slice(0, 2);
      break;
    case 'matrix':
      q = {
        ...base,
        type,
        scale: { min: 1, max: 5 },
        rows: Array.from({ length: 1 + (r.next() % 3) }, (_, k) => {
          const c = r.chance(40) ? condition(qs, i, r) : undefined;
          return c
            ? { id: `r${k}`, text: text(`строка ${k}`), showIf: c }
            : { id: `r${k}`, text: text(`строка ${k}`) };
        }),
      };
      if (r.chance(30)) q.extraOptions = options(i, n, r, 'x', false).slice(0, 1);
      break;
    case 'list':
      q = r.chance(50)
        ? { ...base, type, catalog: 'services', multiple: r.chance(30) }
        : { ...base, type, options: options(i, n, r, 'o', true), multiple: r.chance(30) };
      break;
    default:
      q = { ...base, type };
  }
  if (r.chance(30)) q.required = true;
  if (r.chance(15)) q.goTo = target(i, n, r);
  const c = r.chance(35) ? condition(qs, i, r) : undefined;
  if (c) q.showIf = c;
  return q;
}

/** Valid ids that are also names on `Object.prototype`: a plain `answers[id]` would find them. */
const PROTO_IDS = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', 'isPrototypeOf'];

/** Renames q0…q4 to PROTO_IDS everywhere they are referred to (ids, jumps, conditions). */
const protoNamed = (s: Survey): Survey =>
  JSON.parse(
    JSON.stringify(s).replace(/"q(\d)"/g, (m, d: string) =>
      JSON.stringify(PROTO_IDS[Number(d)] ?? m.slice(1, -1)),
    ),
  ) as Survey;

/**
 * A valid survey of 1–12 questions with forward jumps and back-looking conditions; in a quarter of
 * them the first questions are named like `Object.prototype` members.
 */
export const surveyArb: fc.Arbitrary<Survey> = fc
  .tuple(
    fc.integer({ min: 0, max: 3 }),
    fc.integer({ min: 1, max: 12 }),
    fc.array(fc.nat({ max: 1_000_000 }), { minLength: 1, maxLength: 200 }),
  )
  .map(([proto, n, seeds]) => {
    const r = reader(seeds);
    const questions: Question[] = [];
    for (let i = 0; i < n; i++) questions.push(question(questions, i, n, r));
    const s: Survey = { id: 'gen', version: 1, title: text('Сгенерированная анкета'), questions };
    return proto === 0 ? protoNamed(s) : s;
  });

/** A plausible answer to `q`: mostly valid, sometimes out of range or an unknown id. */
function answerArb(q: Question): fc.Arbitrary<AnswerValue> {
  const ids = 'options' in q && q.options ? q.options.map((o) => o.id) : ['svc0', 'svc1'];
  const id = fc.oneof(fc.constantFrom(...ids), fc.constant('zz'));
  const scaleValue = (min: number, max: number, extra: ChoiceOption[] | undefined) =>
    fc.oneof(
      fc.integer({ min: min - 1, max: max + 1 }),
      fc.constantFrom('zz', ...(extra ?? []).map((o) => o.id)),
    );
  switch (q.type) {
    case 'single':
      return id;
    case 'list':
      return q.multiple ? fc.uniqueArray(id, { maxLength: 3 }) : id;
    case 'multiple':
      return fc.uniqueArray(id, { maxLength: 4 });
    case 'scale':
      return scaleValue(q.min, q.max, q.extraOptions);
    case 'matrix':
      return fc.dictionary(
        fc.constantFrom(...q.rows.map((r) => r.id)),
        scaleValue(1, 5, q.extraOptions),
        {
          maxKeys: 3,
        },
      );
    default:
      return fc.string({ maxLength: 5 });
  }
}

/** Answers to any subset of the survey's questions, on the path or not. */
export const answersArb = (s: Survey): fc.Arbitrary<Answers> =>
  fc.record(Object.fromEntries(s.questions.map((q) => [q.id, answerArb(q)])), {
    requiredKeys: [],
  }) as fc.Arbitrary<Answers>;
