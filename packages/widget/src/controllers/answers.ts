import {
  validateResponse,
  visiblePath,
  type AnswerValue,
  type Answers,
  type Issue,
  type Lang,
  type ResponseContext,
  type SpecifyTexts,
  type Survey,
  type SurveyResponse,
} from '@otklik/core/engine';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { dictionaries } from '../i18n.js';
import { buildResponse, uuid } from '../response.js';

export interface AnswersConfig {
  survey: () => Survey;
  lang: () => Lang;
  context: () => ResponseContext;
  /** Catalogue ids for list answers. */
  catalogs: () => Record<string, string[]>;
  /** The first answer of a respondent. */
  onStart: () => void;
}

/** `r[k]` if `r` has it as its own key: `answers.constructor` must not find Object's. */
export const own = <T>(r: Readonly<Record<string, T>>, k: string): T | undefined =>
  Object.hasOwn(r, k) ? r[k] : undefined;

/**
 * One respondent's answers, specify texts and the messages of questions in error, checked with
 * the survey engine's own `validateResponse` (the collector runs the same, so a respondent never
 * meets a server-side refusal). Answers are replaced, never mutated, so the path computed for them
 * can be kept until they change. Messages are a Map: a question may be called `constructor`.
 * @example
 * const a = new AnswersController(host, { survey: () => s, lang: () => 'ru', context: () => ctx, catalogs: () => ({}), onStart() {} });
 * a.set('q1', 'yes'); const { issues } = a.check();
 */
export class AnswersController implements ReactiveController {
  answers: Answers = {};
  specify: SpecifyTexts = {};
  errors = new Map<string, string>();
  /** List questions: the text typed in each search box. */
  queries = new Map<string, string>();
  responseId: string | undefined;
  started = false;
  private _memo: [Survey, Answers, string[]] | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly config: AnswersConfig,
  ) {
    host.addController(this);
  }

  hostConnected(): void {}

  /** Forgets everything of the respondent. */
  clear(): void {
    this.answers = {};
    this.specify = {};
    this.errors = new Map();
    this.queries = new Map();
    this.responseId = undefined;
    this.started = false;
    this.host.requestUpdate();
  }

  /** The first interaction: `onStart` once per respondent. */
  begin(): void {
    if (this.started) return;
    this.started = true;
    this.config.onStart();
  }

  set(id: string, v: AnswerValue | undefined): void {
    this.begin();
    const next = { ...this.answers };
    if (v === undefined) delete next[id];
    else next[id] = v;
    this.answers = next;
    this.responseId ??= uuid();
    if (this.errors.has(id)) this.recheck([id]);
    this.host.requestUpdate();
  }

  setSpecify(id: string, option: string, text: string): void {
    this.specify = { ...this.specify, [id]: { ...own(this.specify, id), [option]: text } };
    if (this.errors.has(id)) this.recheck([id]);
    this.host.requestUpdate();
  }

  /** The questions on the respondent's path, computed once per answers object. */
  path(): string[] {
    const s = this.config.survey();
    const m = this._memo;
    if (m?.[0] === s && m[1] === this.answers) return m[2];
    const path = visiblePath(s, this.answers);
    this._memo = [s, this.answers, path];
    return path;
  }

  /** The response as it would be sent now, and the engine's verdict on it. */
  check(): { response: SurveyResponse; issues: Issue[] } {
    const s = this.config.survey();
    this.responseId ??= uuid();
    const response = buildResponse(s, this.answers, this.specify, {
      responseId: this.responseId,
      lang: this.config.lang(),
      context: this.config.context(),
    });
    const r = validateResponse(s, response, { catalogs: this.config.catalogs() });
    return r.ok ? { response: r.value, issues: [] } : { response, issues: r.issues };
  }

  /** Shows or clears the messages of these questions; returns the ids still in error. */
  recheck(qids: string[], issues = this.check().issues): string[] {
    const lang = this.config.lang();
    const errors = new Map(this.errors);
    for (const id of qids) errors.delete(id);
    for (const i of issues) {
      const id = String(i.path[1]);
      if (!qids.includes(id) || errors.has(id)) continue;
      errors.set(
        id,
        i.path[0] === 'specify' && i.code === 'required'
          ? dictionaries[lang].specifyRequired
          : i.message[lang],
      );
    }
    this.errors = errors;
    this.host.requestUpdate();
    return qids.filter((id) => errors.has(id));
  }
}
