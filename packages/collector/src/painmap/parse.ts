import type { Issue } from '@otklik/core';
import type { DecisionInput } from './decisions.js';
import {
  EDITABLE,
  PREVALENCES,
  ROW_SOURCES,
  ROW_STATUSES,
  type NewRow,
  type RowPatch,
} from './store.js';

/** Longest text accepted in one pain-map or decision field. */
export const FIELD_MAX = 4000;
/** Longest id of a service (catalogue entry) in a row or decision. */
const OBJECT_MAX = 200;

/** `''` (all time) or a period key: `2026`, `2026-H1`, `2026-Q1`, `2026-03`. */
export const PERIOD_KEY = /^$|^\d{4}(-(H[12]|Q[1-4]|(0[1-9]|1[0-2])))?$/;
const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;

export type Parsed<T> = { ok: true; value: T } | { ok: false; issues: Issue[] };

type Check = (v: unknown) => { ru: string; en: string } | null;

const textOf =
  (max: number, required: boolean): Check =>
  (v) =>
    typeof v !== 'string'
      ? { ru: 'должно быть строкой', en: 'must be a string' }
      : required && v.trim() === ''
        ? { ru: 'не может быть пустым', en: 'must not be empty' }
        : v.length > max
          ? { ru: `длиннее ${max} символов`, en: `longer than ${max} characters` }
          : // NUL cannot be stored in PostgreSQL text.
            v.includes('\u0000')
            ? { ru: 'содержит символ NUL', en: 'contains a NUL character' }
            : null;

const oneOf =
  (values: readonly string[]): Check =>
  (v) =>
    typeof v === 'string' && values.includes(v)
      ? null
      : { ru: `одно из: ${values.join(', ')}`, en: `one of: ${values.join(', ')}` };

const nullable =
  (inner: Check): Check =>
  (v) =>
    v === null ? null : inner(v);

const date: Check = (v) =>
  typeof v === 'string' && DATE.test(v) && !Number.isNaN(Date.parse(v))
    ? null
    : { ru: 'дата ГГГГ-ММ-ДД', en: 'a date YYYY-MM-DD' };

const ROW_FIELDS: Record<(typeof EDITABLE)[number], Check> = {
  object: nullable(textOf(OBJECT_MAX, true)),
  process: textOf(FIELD_MAX, true),
  problem: textOf(FIELD_MAX, true),
  source: oneOf(ROW_SOURCES),
  prevalence: oneOf(PREVALENCES),
  priority: textOf(FIELD_MAX, false),
  measures: textOf(FIELD_MAX, false),
  responsible: textOf(FIELD_MAX, false),
  deadline: textOf(FIELD_MAX, false),
  status: oneOf(ROW_STATUSES),
  position: (v) =>
    Number.isInteger(v) && (v as number) >= 0 && (v as number) <= 1_000_000
      ? null
      : { ru: 'целое число 0…1000000', en: 'an integer 0…1000000' },
};

function checkObject(
  body: unknown,
  fields: Record<string, Check>,
  required: readonly string[],
): Parsed<Record<string, unknown>> {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    return {
      ok: false,
      issues: [
        {
          path: [],
          code: 'invalid_type',
          message: { ru: 'Ожидался объект JSON.', en: 'Expected a JSON object.' },
        },
      ],
    };
  }
  const issues: Issue[] = [];
  const rec = body as Record<string, unknown>;
  for (const k of Object.keys(rec)) {
    if (!(k in fields)) {
      issues.push({
        path: [k],
        code: 'unknown_key',
        message: { ru: `Неизвестное поле «${k}».`, en: `Unknown field "${k}".` },
      });
      continue;
    }
    const m = fields[k]!(rec[k]);
    if (m)
      issues.push({
        path: [k],
        code: 'invalid_value',
        message: { ru: `«${k}»: ${m.ru}.`, en: `"${k}": ${m.en}.` },
      });
  }
  for (const k of required) {
    if (!(k in rec)) {
      issues.push({
        path: [k],
        code: 'missing',
        message: { ru: `Нет поля «${k}».`, en: `Field "${k}" is missing.` },
      });
    }
  }
  return issues.length ? { ok: false, issues } : { ok: true, value: rec };
}

/** A new row from the analyst (`POST …/pain-map/rows`). */
export function parseNewRow(body: unknown): Parsed<NewRow> {
  const r = checkObject(body, ROW_FIELDS, ['process', 'problem', 'source', 'prevalence']);
  return r.ok ? { ok: true, value: r.value as unknown as NewRow } : r;
}

/** A patch of editable fields (`PATCH …/pain-map/rows/:row`). */
export function parseRowPatch(body: unknown): Parsed<RowPatch> {
  const r = checkObject(body, ROW_FIELDS, []);
  return r.ok ? { ok: true, value: r.value as RowPatch } : r;
}

const DECISION_FIELDS: Record<keyof DecisionInput, Check> = {
  object: nullable(textOf(OBJECT_MAX, true)),
  painRowId: nullable((v) =>
    Number.isSafeInteger(v) && (v as number) > 0
      ? null
      : { ru: 'номер строки карты болей', en: 'a pain-map row id' },
  ),
  text: (v) => {
    if (typeof v !== 'object' || v === null || Array.isArray(v))
      return { ru: 'объект { ru, en? }', en: 'an object { ru, en? }' };
    const t = v as Record<string, unknown>;
    if (Object.keys(t).some((k) => k !== 'ru' && k !== 'en'))
      return { ru: 'только ключи ru и en', en: 'only the keys ru and en' };
    return (
      textOf(FIELD_MAX, true)(t['ru']) ??
      (t['en'] === undefined ? null : textOf(FIELD_MAX, true)(t['en']))
    );
  },
  status: oneOf(ROW_STATUSES),
  decidedOn: nullable(date),
  dueOn: nullable(date),
  doneOn: nullable(date),
  published: (v) => (typeof v === 'boolean' ? null : { ru: 'true или false', en: 'true or false' }),
};

/** A decision (`POST` / `PUT …/decisions`); dates and links default to null, published to false. */
export function parseDecision(body: unknown): Parsed<DecisionInput> {
  const r = checkObject(body, DECISION_FIELDS, ['text', 'status']);
  if (!r.ok) return r;
  const v = r.value as Partial<DecisionInput>;
  return {
    ok: true,
    value: {
      object: v.object ?? null,
      painRowId: v.painRowId ?? null,
      text: v.text!,
      status: v.status!,
      decidedOn: v.decidedOn ?? null,
      dueOn: v.dueOn ?? null,
      doneOn: v.doneOn ?? null,
      published: v.published ?? false,
    },
  };
}

/** `{ appealUrl: "https://…" | null }`: the hand-off link for official appeals must be https. */
export function parseSettings(body: unknown): Parsed<{ appealUrl: string | null }> {
  const r = checkObject(
    body,
    {
      appealUrl: nullable((v) => {
        if (typeof v !== 'string' || v.length > 2000)
          return {
            ru: 'ссылка https:// до 2000 символов',
            en: 'an https:// link up to 2000 characters',
          };
        try {
          return new URL(v).protocol === 'https:'
            ? null
            : {
                ru: 'ссылка должна начинаться с https://',
                en: 'the link must start with https://',
              };
        } catch {
          return { ru: 'не ссылка', en: 'not a link' };
        }
      }),
    },
    ['appealUrl'],
  );
  return r.ok ? { ok: true, value: r.value as { appealUrl: string | null } } : r;
}
