import type { z } from 'zod';
import type { Issue, Result, Survey } from '../types.js';
import { issue } from '../engine/messages.js';
import { WELL_FORMED_TEXT } from '../engine/wire.js';
import { checkSurveyLogic } from './logic.js';
import { ZSurvey } from './survey.js';

type ZodIssue = z.core.$ZodIssue;

const QUESTION_TYPES = 'single, multiple, scale, matrix, list, text, statement';
const CONDITION_OPS = 'answered, equals, in, gt, gte, lt, lte, and, or, not';

/** Turns a zod issue into ours, with a message in Russian and English that names what was expected. */
export function fromZod(i: ZodIssue): Issue {
  const path = i.path.map((k) => (typeof k === 'symbol' ? String(k) : k));
  switch (i.code) {
    case 'invalid_type':
      return i.input === undefined
        ? {
            path,
            code: 'missing',
            message: {
              ru: `Обязательное поле (${i.expected})`,
              en: `Required field (${i.expected})`,
            },
          }
        : {
            path,
            code: 'invalid_type',
            message: { ru: `Ожидается ${i.expected}`, en: `Expected ${i.expected}` },
          };
    case 'too_small':
    case 'too_big': {
      const n = Number(i.code === 'too_small' ? i.minimum : i.maximum);
      const [ru, en] =
        i.code === 'too_small' ? ['не меньше', 'at least'] : ['не больше', 'at most'];
      // "Символов: не меньше 1" sidesteps Russian numeral agreement for any n.
      const what =
        i.origin === 'string'
          ? (['Символов', 'character'] as const)
          : i.origin === 'array' || i.origin === 'set'
            ? (['Элементов', 'item'] as const)
            : (['Значение', ''] as const);
      return {
        path,
        code: i.code === 'too_big' && i.origin === 'string' ? 'too_long' : 'out_of_range',
        message: {
          ru: `${what[0]}: ${ru} ${n}`,
          en: what[1]
            ? `Must have ${en} ${n} ${what[1]}${n === 1 ? '' : 's'}`
            : `Must be ${en} ${n}`,
        },
      };
    }
    case 'invalid_format':
      // The one pattern on texts: a string PostgreSQL would refuse.
      if (i.format === 'regex' && i.pattern === String(WELL_FORMED_TEXT)) {
        return issue(path, 'invalid_text');
      }
      return {
        path,
        code: 'invalid_value',
        message: { ru: `Недопустимое значение: ${i.message}`, en: `Invalid value: ${i.message}` },
      };
    case 'unrecognized_keys':
      return {
        path,
        code: 'unknown_key',
        message: {
          ru: `Неизвестные поля: ${i.keys.join(', ')}`,
          en: `Unknown fields: ${i.keys.join(', ')}`,
        },
      };
    case 'invalid_value':
      return {
        path,
        code: 'invalid_value',
        message: {
          ru: `Допустимые значения: ${i.values.map(String).join(', ')}`,
          en: `Allowed values: ${i.values.map(String).join(', ')}`,
        },
      };
    case 'invalid_union': {
      if (!('note' in i && i.note === 'No matching discriminator')) {
        return {
          path,
          code: 'invalid_value',
          message: {
            ru: 'Значение не подходит ни под один вариант',
            en: 'Value matches no allowed form',
          },
        };
      }
      // zod does not say which values the discriminator takes, so name them here.
      const allowed = path.at(-1) === 'op' ? CONDITION_OPS : QUESTION_TYPES;
      return {
        path,
        code: 'invalid_value',
        message: {
          ru: `Неизвестный вид; допустимые значения: ${allowed}`,
          en: `Unknown kind; allowed values: ${allowed}`,
        },
      };
    }
    default:
      return {
        path,
        code: 'invalid_value',
        message: { ru: `Недопустимое значение: ${i.message}`, en: `Invalid value: ${i.message}` },
      };
  }
}

/**
 * Parses a survey definition (a JSON string or an already parsed value). Never throws: returns the
 * survey, or every issue found with its JSON path and a message in Russian and English.
 *
 * @example
 * const r = parseSurvey(await res.text());
 * if (!r.ok) for (const i of r.issues) console.error(i.path.join('.'), i.message.en);
 */
export function parseSurvey(json: unknown): Result<Survey> {
  let input = json;
  if (typeof json === 'string') {
    try {
      input = JSON.parse(json);
    } catch (e) {
      return {
        ok: false,
        issues: [
          {
            path: [],
            code: 'invalid_json',
            message: {
              ru: `Некорректный JSON: ${(e as Error).message}`,
              en: `Invalid JSON: ${(e as Error).message}`,
            },
          },
        ],
      };
    }
  }
  // Without `reportInput` zod leaves `input` out of its issues, and a wrong-typed field would be
  // reported as missing.
  const r = ZSurvey.safeParse(input, { reportInput: true });
  if (!r.success) return { ok: false, issues: r.error.issues.map(fromZod) };
  // `exactOptional` in the schema makes its output exactly `Survey`: no cast needed.
  const survey: Survey = r.data;
  const issues = checkSurveyLogic(survey);
  return issues.length ? { ok: false, issues } : { ok: true, value: survey };
}
