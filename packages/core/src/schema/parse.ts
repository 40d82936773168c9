import type { z } from 'zod';
import type { Issue, Result, Survey } from '../types.js';
import { checkSurveyLogic } from './logic.js';
import { ZSurvey } from './survey.js';

type ZodIssue = z.core.$ZodIssue;

/** Turns a zod issue into ours, with a message in Russian and English that names what was expected. */
function fromZod(i: ZodIssue): Issue {
  const path = i.path.map((k) => (typeof k === 'symbol' ? String(k) : k));
  switch (i.code) {
    case 'invalid_type':
      return i.input === undefined
        ? {
            path,
            code: 'missing',
            message: { ru: `Обязательное поле (${i.expected})`, en: `Required field (${i.expected})` },
          }
        : {
            path,
            code: 'invalid_type',
            message: { ru: `Ожидается ${i.expected}`, en: `Expected ${i.expected}` },
          };
    case 'too_small':
    case 'too_big': {
      const cmp = i.code === 'too_small' ? ['не меньше', 'at least'] : ['не больше', 'at most'];
      const what = i.origin === 'string' ? ['символов', 'characters'] : i.origin === 'array' ? ['элементов', 'items'] : ['', ''];
      const n = String(i.code === 'too_small' ? i.minimum : i.maximum);
      return {
        path,
        code: i.code === 'too_big' && i.origin === 'string' ? 'too_long' : 'out_of_range',
        message: { ru: `Должно быть ${cmp[0]} ${n} ${what[0]}`.trim(), en: `Must be ${cmp[1]} ${n} ${what[1]}`.trim() },
      };
    }
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
    case 'invalid_union':
      return {
        path,
        code: 'invalid_value',
        message: 'note' in i && i.note === 'No matching discriminator'
          ? { ru: 'Неизвестный тип (поле type / op)', en: 'Unknown kind (type / op field)' }
          : { ru: 'Значение не подходит ни под один вариант', en: 'Value matches no allowed form' },
      };
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
            message: { ru: `Некорректный JSON: ${(e as Error).message}`, en: `Invalid JSON: ${(e as Error).message}` },
          },
        ],
      };
    }
  }
  const r = ZSurvey.safeParse(input);
  if (!r.success) return { ok: false, issues: r.error.issues.map(fromZod) };
  // zod's output has the shape of `Survey`; optional keys absent in the input stay absent.
  const survey = r.data as Survey;
  const issues = checkSurveyLogic(survey);
  return issues.length ? { ok: false, issues } : { ok: true, value: survey };
}
