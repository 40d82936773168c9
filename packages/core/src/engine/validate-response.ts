import type {
  AnswerValue,
  Answers,
  ChoiceOption,
  Issue,
  Question,
  ResponseContext,
  Result,
  SpecifyTexts,
  Survey,
  SurveyResponse,
} from '../types.js';
import { CHANNELS } from '../types.js';
import { isAnswered } from './conditions.js';
import { effectiveContext } from './context.js';
import { CONTEXT_MAX, isCatalogList, isMany, optionsOf, specifyMax, textMax } from './kinds.js';
import { issue } from './messages.js';
import { own } from './own.js';
import { visiblePath, visibleRows } from './path.js';
import { ISO_DATE_TIME, isWellFormedText, LANGS, RESPONDENTS, UUID } from './wire.js';

export interface ValidateOptions {
  /**
   * Known entries of run-time catalogues, by catalogue name. A `list` question whose catalogue is
   * given here accepts only these ids; without it any id of up to 200 characters is accepted.
   */
  catalogs?: Readonly<Record<string, readonly string[]>>;
}

/**
 * A short, safe echo of a wrong value for a message. `String(v)` would throw on `{"toString": 0}`
 * and echo a megabyte-long string back.
 */
function preview(v: unknown): string {
  if (typeof v === 'string') return JSON.stringify(v.length > 64 ? `${v.slice(0, 64)}…` : v);
  if (typeof v === 'number' || typeof v === 'boolean' || v === null || v === undefined)
    return String(v);
  return Array.isArray(v) ? 'array' : typeof v;
}

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

function checkString(v: unknown, path: Issue['path'], max: number, out: Issue[]): v is string {
  if (typeof v !== 'string') {
    out.push(issue(path, 'invalid_type', 0, 'string'));
    return false;
  }
  if (v.length > max) {
    out.push(issue(path, 'too_long', max));
    return false;
  }
  if (!isWellFormedText(v)) {
    out.push(issue(path, 'invalid_text'));
    return false;
  }
  return true;
}

function optionIds(q: Question, opts: ValidateOptions): Set<string> | undefined {
  if (q.type === 'list' && isCatalogList(q)) {
    const c = opts.catalogs?.[q.catalog ?? ''];
    return c ? new Set(c) : undefined;
  }
  return new Set(optionsOf(q).map((o) => o.id));
}

/** Checks one option id (or list entry) against the question's options. */
function checkChoice(
  v: unknown,
  path: Issue['path'],
  ids: Set<string> | undefined,
  out: Issue[],
): v is string {
  if (!checkString(v, path, CONTEXT_MAX, out)) return false;
  if (ids ? !ids.has(v) : v.length === 0) {
    out.push(issue(path, 'unknown_option', 0, JSON.stringify(v)));
    return false;
  }
  return true;
}

function checkScaleValue(
  v: unknown,
  path: Issue['path'],
  min: number,
  max: number,
  extra: ChoiceOption[] | undefined,
  out: Issue[],
): void {
  if (typeof v === 'number') {
    if (!Number.isInteger(v) || v < min || v > max) {
      out.push(issue(path, 'out_of_range', 0, `${min}…${max}`));
    }
  } else if (typeof v === 'string') {
    if (!extra?.some((o) => o.id === v))
      out.push(issue(path, 'unknown_option', 0, JSON.stringify(v)));
  } else {
    out.push(issue(path, 'invalid_type', 0, 'integer'));
  }
}

/** Checks one answer against its question; pushes issues. */
function checkAnswer(
  q: Question,
  a: AnswerValue,
  answers: Answers,
  opts: ValidateOptions,
  out: Issue[],
): void {
  const path = ['answers', q.id];
  switch (q.type) {
    case 'statement':
      out.push(issue(path, 'invalid_value', 0, 'a statement takes no answer'));
      return;
    case 'text':
      checkString(a, path, textMax(q), out);
      return;
    case 'scale':
      checkScaleValue(a, path, q.min, q.max, q.extraOptions, out);
      return;
    case 'matrix': {
      if (!isRecord(a)) {
        out.push(issue(path, 'invalid_type', 0, 'object { rowId: value }'));
        return;
      }
      const rows = new Set(visibleRows(q, answers).map((r) => r.id));
      for (const [rowId, v] of Object.entries(a)) {
        const rp = [...path, rowId];
        if (!q.rows.some((r) => r.id === rowId)) out.push(issue(rp, 'unknown_row', 0, rowId));
        else if (!rows.has(rowId)) out.push(issue(rp, 'off_path'));
        else checkScaleValue(v, rp, q.scale.min, q.scale.max, q.extraOptions, out);
      }
      // A required matrix wants one answer in every row the respondent is asked.
      if (q.required) {
        for (const r of rows)
          if (own(a, r) === undefined) out.push(issue([...path, r], 'required'));
      }
      return;
    }
    case 'single':
    case 'list':
    case 'multiple': {
      const ids = optionIds(q, opts);
      if (!isMany(q)) {
        checkChoice(a, path, ids, out);
        return;
      }
      if (!Array.isArray(a)) {
        out.push(issue(path, 'invalid_type', 0, 'array of option ids'));
        return;
      }
      const seen = new Set<string>();
      a.forEach((v, i) => {
        if (checkChoice(v, [...path, i], ids, out)) {
          if (seen.has(v)) out.push(issue([...path, i], 'invalid_value', 0, 'duplicate option'));
          seen.add(v);
        }
      });
      if (q.type === 'multiple') {
        const min = q.min ?? 1;
        if (a.length < min) out.push(issue(path, 'too_few', min));
        if (q.max !== undefined && a.length > q.max) out.push(issue(path, 'too_many', q.max));
        if (a.length > 1 && q.options.some((o) => o.exclusive && seen.has(o.id))) {
          out.push(issue(path, 'exclusive_conflict'));
        }
      }
      return;
    }
  }
}

/** The options (or a scale's extra options) the answer picks; specify texts belong to these. */
function chosenOptions(q: Question, a: AnswerValue | undefined): ChoiceOption[] {
  // A matrix answers many rows at once: its extra options carry no text field of their own.
  if (a === undefined || q.type === 'matrix') return [];
  const chosen = Array.isArray(a) ? a : [a];
  return optionsOf(q).filter((o) => chosen.includes(o.id));
}

function checkSpecify(
  raw: unknown,
  survey: Survey,
  answers: Answers,
  onPath: Set<string>,
  out: Issue[],
): SpecifyTexts | undefined {
  if (raw === undefined) return undefined;
  if (!isRecord(raw)) {
    out.push(issue(['specify'], 'invalid_type', 0, 'object'));
    return undefined;
  }
  const result: SpecifyTexts = {};
  for (const [qid, texts] of Object.entries(raw)) {
    const q = survey.questions.find((x) => x.id === qid);
    if (!q) {
      out.push(issue(['specify', qid], 'unknown_question', 0, qid));
      continue;
    }
    if (!onPath.has(qid)) {
      out.push(issue(['specify', qid], 'off_path'));
      continue;
    }
    if (!isRecord(texts)) {
      out.push(issue(['specify', qid], 'invalid_type', 0, 'object { optionId: text }'));
      continue;
    }
    const chosen = chosenOptions(q, own(answers, qid));
    for (const [oid, text] of Object.entries(texts)) {
      const p = ['specify', qid, oid];
      const o = chosen.find((c) => c.id === oid);
      if (!o?.specify) {
        out.push({
          path: p,
          code: 'unknown_option',
          message: {
            ru: `Вариант «${oid}» не выбран или не имеет поля для текста`,
            en: `Option "${oid}" is not chosen or has no text field`,
          },
        });
      } else if (checkString(text, p, specifyMax(o), out) && text) {
        (own(result, qid) ?? (result[qid] = {}))[oid] = text;
      }
    }
  }
  return result;
}

function checkContext(raw: unknown, survey: Survey, out: Issue[]): ResponseContext {
  const ctx: ResponseContext = { channel: 'other', respondent: survey.respondent ?? 'external' };
  if (!isRecord(raw)) {
    out.push(issue(['context'], raw === undefined ? 'missing' : 'invalid_type'));
    return ctx;
  }
  const { channel, respondent } = raw;
  if (typeof channel === 'string' && (CHANNELS as readonly string[]).includes(channel)) {
    ctx.channel = channel as ResponseContext['channel'];
  } else {
    out.push(issue(['context', 'channel'], 'invalid_value', 0, CHANNELS.join(' | ')));
  }
  if ((RESPONDENTS as readonly unknown[]).includes(respondent)) {
    ctx.respondent = respondent as ResponseContext['respondent'];
  } else if (respondent !== undefined) {
    out.push(issue(['context', 'respondent'], 'invalid_value', 0, RESPONDENTS.join(' | ')));
  }
  for (const k of ['object', 'touchpoint'] as const) {
    const v = raw[k];
    if (v !== undefined && checkString(v, ['context', k], CONTEXT_MAX, out) && v) ctx[k] = v;
  }
  return ctx;
}

/**
 * Checks a response (any JSON) against the survey version it names and returns it normalised, or
 * every issue found, each with its JSON path. Answers to questions off the respondent's path are
 * **rejected** (`off_path`), not silently dropped: a client that sends them has a logic bug, and
 * storing them would make the figures disagree with what respondents were asked. The widget sends
 * `pruneAnswers(…)` so respondents never meet this.
 *
 * Unknown top-level fields are ignored (forward compatibility); unknown questions, options and rows
 * are rejected. Strings PostgreSQL cannot store (U+0000, unpaired surrogates) are refused
 * (`invalid_text`). The returned `context` is the effective one (`effectiveContext`): `object`
 * comes from the question bound to it when the respondent answered that question.
 *
 * @example
 * const r = validateResponse(survey, JSON.parse(body));
 * if (!r.ok) return c.json({ error: 'invalid_response', issues: r.issues }, 422);
 */
export function validateResponse(
  survey: Survey,
  input: unknown,
  opts: ValidateOptions = {},
): Result<SurveyResponse> {
  const out: Issue[] = [];
  if (!isRecord(input)) {
    return { ok: false, issues: [issue([], 'invalid_type', 0, 'object')] };
  }
  const { responseId, surveyId, surveyVersion, lang, answers, specify, context, answeredAt } =
    input;
  if (typeof responseId !== 'string' || !UUID.test(responseId)) {
    out.push(
      issue(['responseId'], responseId === undefined ? 'missing' : 'invalid_value', 0, 'UUID'),
    );
  }
  if (surveyId !== survey.id) out.push(issue(['surveyId'], 'wrong_survey', 0, preview(surveyId)));
  if (surveyVersion !== survey.version) {
    out.push(issue(['surveyVersion'], 'wrong_version', 0, preview(surveyVersion)));
  }
  if (!(LANGS as readonly unknown[]).includes(lang)) {
    out.push(issue(['lang'], 'invalid_value', 0, LANGS.join(' | ')));
  }
  if (
    answeredAt !== undefined &&
    !(typeof answeredAt === 'string' && ISO_DATE_TIME.test(answeredAt))
  ) {
    out.push(issue(['answeredAt'], 'invalid_value', 0, 'ISO 8601 date-time'));
  }
  const ctx = checkContext(context, survey, out);

  if (!isRecord(answers)) {
    out.push(issue(['answers'], answers === undefined ? 'missing' : 'invalid_type', 0, 'object'));
    return { ok: false, issues: out };
  }
  const byId = new Map(survey.questions.map((q) => [q.id, q]));
  const clean: Answers = {};
  for (const [id, a] of Object.entries(answers)) {
    if (!byId.has(id)) out.push(issue(['answers', id], 'unknown_question', 0, id));
    else if (a !== null && a !== undefined) clean[id] = a as AnswerValue;
  }
  const path = visiblePath(survey, clean);
  const onPath = new Set(path);
  for (const id of Object.keys(clean)) {
    if (!onPath.has(id)) out.push(issue(['answers', id], 'off_path'));
  }
  for (const id of path) {
    const q = byId.get(id)!;
    const a = own(clean, id);
    if (a === undefined || !isAnswered(a)) {
      if (q.required && q.type !== 'statement') out.push(issue(['answers', id], 'required'));
      delete clean[id];
      continue;
    }
    checkAnswer(q, a, clean, opts, out);
  }
  const spec = checkSpecify(specify, survey, clean, onPath, out);
  for (const id of path) {
    for (const o of chosenOptions(byId.get(id)!, own(clean, id))) {
      // Blank text does not satisfy a required field: «Другое (укажите)» with nothing said.
      if (o.specify?.required && !(spec && own(own(spec, id) ?? {}, o.id)?.trim())) {
        out.push({
          path: ['specify', id, o.id],
          code: 'required',
          message: {
            ru: 'Уточните ответ в поле этого варианта',
            en: 'Please type the details for this option',
          },
        });
      }
    }
  }
  if (out.length) return { ok: false, issues: out };

  const value: SurveyResponse = {
    responseId: responseId as string,
    surveyId: survey.id,
    surveyVersion: survey.version,
    lang: lang as SurveyResponse['lang'],
    answers: clean,
    context: effectiveContext(survey, clean, ctx),
  };
  if (spec && Object.keys(spec).length) value.specify = spec;
  if (typeof answeredAt === 'string') value.answeredAt = answeredAt;
  return { ok: true, value };
}

/**
 * Issues of one question only, for the widget's per-question messages while the respondent answers
 * (required, too few/many, text too long, exclusive conflict).
 */
export function questionIssues(
  survey: Survey,
  answers: Answers,
  id: string,
  opts: ValidateOptions = {},
): Issue[] {
  const q = survey.questions.find((x) => x.id === id);
  if (!q) return [issue(['answers', id], 'unknown_question', 0, id)];
  const a = own(answers, id);
  const out: Issue[] = [];
  if (a === undefined || !isAnswered(a)) {
    if (q.required && q.type !== 'statement') out.push(issue(['answers', id], 'required'));
  } else {
    checkAnswer(q, a, answers, opts, out);
  }
  return out;
}
