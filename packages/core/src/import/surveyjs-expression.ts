/**
 * SurveyJS expressions (`visibleIf`) as a small syntax tree: comparisons of one `{question}` or
 * `{matrix.row}` with literals, joined by and / or / not and parentheses. Functions, arithmetic and
 * variables on both sides are not part of it: `parseExpression` refuses them with the reason, and
 * the importer lists the condition as not imported.
 */

export type Literal = string | number | boolean;

export type Expr =
  | { kind: 'and' | 'or'; parts: Expr[] }
  | { kind: 'not'; expr: Expr }
  | { kind: 'cmp'; name: string; op: CmpOp; value?: Literal | Literal[] };

export type CmpOp =
  | 'eq'
  | 'ne'
  | 'gt'
  | 'gte'
  | 'lt'
  | 'lte'
  | 'empty'
  | 'notempty'
  | 'contains'
  | 'notcontains'
  | 'anyof'
  | 'allof'
  | 'noneof';

/** Word and symbol operators SurveyJS accepts, by what they mean. */
const OPS: Record<string, CmpOp> = {
  '=': 'eq',
  '==': 'eq',
  equal: 'eq',
  '!=': 'ne',
  '<>': 'ne',
  notequal: 'ne',
  '>': 'gt',
  greater: 'gt',
  '>=': 'gte',
  greaterorequal: 'gte',
  '<': 'lt',
  less: 'lt',
  '<=': 'lte',
  lessorequal: 'lte',
  empty: 'empty',
  notempty: 'notempty',
  contains: 'contains',
  contain: 'contains',
  notcontains: 'notcontains',
  notcontain: 'notcontains',
  anyof: 'anyof',
  allof: 'allof',
  noneof: 'noneof',
};

type Token =
  | { t: 'var'; v: string }
  | { t: 'str'; v: string }
  | { t: 'num'; v: number }
  | { t: 'word'; v: string }
  | { t: 'sym'; v: string };

/** A reason the expression cannot be imported, in both languages. */
export class ExpressionError extends Error {
  constructor(
    readonly ru: string,
    readonly en: string,
  ) {
    super(en);
  }
}

function tokenize(src: string): Token[] {
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '{') {
      const end = src.indexOf('}', i);
      if (end < 0) throw new ExpressionError('не закрыта скобка {', 'unclosed {');
      out.push({ t: 'var', v: src.slice(i + 1, end).trim() });
      i = end + 1;
    } else if (ch === "'" || ch === '"') {
      const end = src.indexOf(ch, i + 1);
      if (end < 0) throw new ExpressionError('не закрыта кавычка', 'unclosed quote');
      out.push({ t: 'str', v: src.slice(i + 1, end) });
      i = end + 1;
    } else if (/[0-9]/.test(ch) || (ch === '-' && /[0-9]/.test(src[i + 1] ?? ''))) {
      const m = /^-?[0-9]+(\.[0-9]+)?/.exec(src.slice(i))!;
      out.push({ t: 'num', v: Number(m[0]) });
      i += m[0].length;
    } else if (/[A-Za-z_]/.test(ch)) {
      const m = /^[A-Za-z_][A-Za-z0-9_]*/.exec(src.slice(i))!;
      out.push({ t: 'word', v: m[0].toLowerCase() });
      i += m[0].length;
    } else {
      const two = src.slice(i, i + 2);
      if (['==', '!=', '<>', '>=', '<=', '&&', '||'].includes(two)) {
        out.push({ t: 'sym', v: two });
        i += 2;
      } else if ('=<>!()[],'.includes(ch)) {
        out.push({ t: 'sym', v: ch });
        i++;
      } else {
        throw new ExpressionError(`неподдерживаемый знак «${ch}»`, `unsupported character "${ch}"`);
      }
    }
  }
  return out;
}

/**
 * Parses a SurveyJS condition. Throws `ExpressionError` (with the reason in both languages) for
 * anything beyond comparisons joined by and / or / not.
 *
 * @example
 * parseExpression("{q8} = 'refused' and {q3} >= 4")
 */
export function parseExpression(src: string): Expr {
  const toks = tokenize(src);
  let k = 0;
  const peek = () => toks[k];
  const isWord = (w: string) => peek()?.t === 'word' && peek()!.v === w;
  const isSym = (s: string) => peek()?.t === 'sym' && peek()!.v === s;

  function or(): Expr {
    const parts = [and()];
    while (isWord('or') || isSym('||')) {
      k++;
      parts.push(and());
    }
    return parts.length === 1 ? parts[0]! : { kind: 'or', parts };
  }
  function and(): Expr {
    const parts = [unary()];
    while (isWord('and') || isSym('&&')) {
      k++;
      parts.push(unary());
    }
    return parts.length === 1 ? parts[0]! : { kind: 'and', parts };
  }
  function unary(): Expr {
    if (isWord('not') || isSym('!')) {
      k++;
      return { kind: 'not', expr: unary() };
    }
    if (isSym('(')) {
      k++;
      const e = or();
      if (!isSym(')')) throw new ExpressionError('не закрыта скобка (', 'unclosed (');
      k++;
      return e;
    }
    return comparison();
  }
  function literal(): Literal {
    const tok = toks[k++];
    if (tok?.t === 'str' || tok?.t === 'num') return tok.v;
    if (tok?.t === 'word' && (tok.v === 'true' || tok.v === 'false')) return tok.v === 'true';
    throw new ExpressionError(
      'справа от сравнения ожидается значение (строка, число, true или false)',
      'a value (string, number, true or false) is expected after the comparison',
    );
  }
  function comparison(): Expr {
    const v = toks[k++];
    if (v?.t !== 'var') {
      const what = v?.t === 'word' ? `${v.v}(…)` : String(v?.v ?? '');
      throw new ExpressionError(
        `поддерживаются только сравнения вида {вопрос} = значение (встречено «${what}»)`,
        `only comparisons like {question} = value are supported (found "${what}")`,
      );
    }
    const opTok = toks[k++];
    const op = opTok && (opTok.t === 'sym' || opTok.t === 'word') ? OPS[opTok.v] : undefined;
    if (!op) {
      throw new ExpressionError(
        `неподдерживаемая операция после {${v.v}}`,
        `unsupported operation after {${v.v}}`,
      );
    }
    if (op === 'empty' || op === 'notempty') return { kind: 'cmp', name: v.v, op };
    if (op === 'anyof' || op === 'allof' || op === 'noneof') {
      if (!isSym('[')) {
        throw new ExpressionError(`после ${op} ожидается список […]`, `${op} expects a list […]`);
      }
      k++;
      const values: Literal[] = [];
      while (!isSym(']')) {
        values.push(literal());
        if (isSym(',')) k++;
        else if (!isSym(']')) throw new ExpressionError('не закрыт список [', 'unclosed [');
      }
      k++;
      return { kind: 'cmp', name: v.v, op, value: values };
    }
    return { kind: 'cmp', name: v.v, op, value: literal() };
  }

  const e = or();
  if (k < toks.length) {
    throw new ExpressionError(
      `лишнее в конце выражения: «${String(toks[k]!.v)}»`,
      `unexpected "${String(toks[k]!.v)}" at the end of the expression`,
    );
  }
  return e;
}
