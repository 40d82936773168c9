import {
  ruPlural,
  type Answers,
  type Issue,
  type Question,
  type QuestionType,
  type Survey,
} from '@otklik/core/engine';
import { parseSurvey } from '@otklik/core';
import { templateIds, templates } from '@otklik/core/templates';
import { LitElement, html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { repeat } from 'lit/directives/repeat.js';
import {
  blankSurvey,
  fromTemplate,
  move,
  newQuestion,
  nextVersionDraft,
  QUESTION_TYPES,
} from './model/draft.js';
import { nextId } from './model/ids.js';
import { checkDraft, placeIssues, type PlacedIssues } from './model/issues.js';
import { styles } from './styles.js';
import type { Ctx, T } from './views/ctx.js';
import { dragHandlers } from './views/drag.js';
import { select } from './views/fields.js';
import { previewPanel, type PreviewLayout } from './views/preview.js';
import { questionCard, TYPE_NAMES } from './views/question.js';
import { startPanel } from './views/start.js';
import { surveyFields } from './views/survey-fields.js';

/** How long the draft must stay unchanged before the preview rebuilds the widget with it. */
const PREVIEW_DELAY_MS = 300;

/**
 * The survey editor of the admin pages: a new survey (blank or from a template) or the draft of a
 * published survey's next version; every question kind and property core knows, jumps and show-if
 * conditions from menus, core's checker errors at the question they concern as the author types,
 * reordering by keyboard and by dragging, a live preview with the real `<feedback-survey>` and a
 * path walk. «Опубликовать» posts the draft to the review page as a plain form.
 *
 * @summary Survey editor for administrators.
 * @tag otklik-editor
 *
 * @attr lang - ru | en: the editor's language (default ru).
 * @attr mode - new | edit. In edit mode the survey id is fixed and the draft is the next version.
 * @attr csrf - The session's CSRF value, sent back with «Опубликовать».
 * @attr widget-src - URL of the widget's ES module for the preview (default /widget/feedback-survey.js).
 * @attr catalog-url - The body's catalogues for the preview's long lists (the collector's /v1/catalogs).
 *
 * The survey to edit comes from a `<script type="application/json">` child (the published
 * version; the editor makes it the next version's draft) or from the `survey` property.
 *
 * @example
 * <otklik-editor mode="edit" csrf="…"><script type="application/json">{…}</script></otklik-editor>
 */
export class OtklikEditor extends LitElement {
  static override styles = styles;

  static override properties = {
    lang: {},
    mode: {},
    csrf: {},
    widgetSrc: { attribute: 'widget-src' },
    catalogUrl: { attribute: 'catalog-url' },
    survey: { attribute: false },
    _issues: { state: true },
    _preview: { state: true },
    _widget: { state: true },
    _layout: { state: true },
    _previewLang: { state: true },
    _walk: { state: true },
    _announce: { state: true },
    _importIssues: { state: true },
    _newType: { state: true },
  };

  declare lang: 'ru' | 'en';
  declare mode: 'new' | 'edit';
  declare csrf: string;
  declare widgetSrc: string;
  /** The body's catalogues for list questions in the preview (the collector's /v1/catalogs). */
  declare catalogUrl: string | undefined;
  /** The draft being edited; undefined until a start is chosen. */
  declare survey: Survey | undefined;

  declare private _issues: Issue[];
  declare private _preview: Survey | undefined;
  declare private _widget: 'loading' | 'ready' | 'failed';
  declare private _layout: PreviewLayout;
  declare private _previewLang: 'ru' | 'en';
  declare private _walk: Answers;
  declare private _announce: string;
  declare private _importIssues: Issue[] | null;
  declare private _newType: QuestionType;

  /** Every question id seen in this session: a new question is numbered past all of them. */
  private _known = new Set<string>();
  private _placed: PlacedIssues = placeIssues([]);
  private _focusId: string | undefined;
  private _timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.lang = 'ru';
    this.mode = 'new';
    this.csrf = '';
    this.widgetSrc = '/widget/feedback-survey.js';
    this._issues = [];
    this._widget = 'loading';
    this._layout = 'page';
    this._previewLang = 'ru';
    this._walk = {};
    this._announce = '';
    this._importIssues = null;
    this._newType = 'single';
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.survey) {
      const data = this.querySelector(':scope > script[type="application/json"]');
      if (data?.textContent) {
        const r = parseSurvey(data.textContent);
        if (r.ok)
          this.survey = this.mode === 'edit' ? nextVersionDraft(r.value) : structuredClone(r.value);
      }
    }
    this._previewLang = this.lang === 'en' ? 'en' : 'ru';
    void this._loadWidget();
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    clearTimeout(this._timer);
  }

  private async _loadWidget(): Promise<void> {
    try {
      if (!customElements.get('feedback-survey')) await import(/* @vite-ignore */ this.widgetSrc);
      this._widget = 'ready';
    } catch {
      this._widget = 'failed';
    }
  }

  private get _t(): T {
    return (ru, en) => (this.lang === 'en' ? en : ru);
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (changed.has('survey') && this.survey) {
      for (const q of this.survey.questions) this._known.add(q.id);
      this._issues = checkDraft(this.survey);
      this._placed = placeIssues(this._issues);
      if (this._issues.length === 0) this._schedulePreview(this.survey, !this._preview);
    }
  }

  protected override updated(): void {
    if (this._focusId === undefined) return;
    const el = this.renderRoot.querySelector<HTMLElement>(`#${CSS.escape(this._focusId)}`);
    this._focusId = undefined;
    el?.focus();
  }

  /** Rebuilds the preview once typing pauses: a new widget on every keystroke would flicker. */
  private _schedulePreview(s: Survey, now: boolean): void {
    clearTimeout(this._timer);
    // `preview-pending` tells a page (and a test) that the preview still shows an older draft.
    const show = (): void => {
      this._preview = s;
      this.removeAttribute('preview-pending');
    };
    if (now) show();
    else {
      this.setAttribute('preview-pending', '');
      this._timer = setTimeout(show, PREVIEW_DELAY_MS);
    }
  }

  private _set(next: Survey): void {
    this.survey = next;
  }

  private _ctx(s: Survey): Ctx {
    const t = this._t;
    return {
      lang: this.lang === 'en' ? 'en' : 'ru',
      t,
      survey: s,
      issues: this._placed,
      setQuestion: (i, q) =>
        this._set({ ...s, questions: s.questions.map((x, j) => (j === i ? q : x)) }),
      moveQuestion: (from, to) => this._moveQuestion(s, from, to),
      removeQuestion: (i) => {
        const q = s.questions[i]!;
        const questions = s.questions.filter((_, j) => j !== i);
        this._set({ ...s, questions });
        this._announce = t(
          `Вопрос ${i + 1} (код ${q.id}) удалён`,
          `Question ${i + 1} (id ${q.id}) deleted`,
        );
        const next = questions[i] ?? questions[i - 1];
        this.focusLater(next ? `${next.id}-heading` : 'new-question-type');
      },
      focusLater: (id) => this.focusLater(id),
      announce: (text) => (this._announce = text),
    };
  }

  /** Focuses the element with this id in the editor after the next render. */
  focusLater(id: string): void {
    this._focusId = id;
    this.requestUpdate();
  }

  private _moveQuestion(s: Survey, from: number, to: number): void {
    if (to < 0 || to >= s.questions.length) return;
    const q = s.questions[from]!;
    this._set({ ...s, questions: move(s.questions, from, to) });
    const dir = to < from ? 'up' : 'down';
    const edge = to === 0 || to === s.questions.length - 1;
    // Focus stays on the button pressed; at the end of the list that button is disabled, so the
    // other one takes it.
    const button =
      edge && ((dir === 'up' && to === 0) || (dir === 'down' && to === s.questions.length - 1))
        ? dir === 'up'
          ? 'down'
          : 'up'
        : dir;
    this.focusLater(`${q.id}-${button}`);
    this._announce = this._t(
      `Вопрос ${q.id} перемещён на место ${to + 1}`,
      `Question ${q.id} moved to position ${to + 1}`,
    );
  }

  /** Adds a question of the chosen kind at the end, with an id never used in this survey. */
  addQuestion(type: QuestionType = this._newType): void {
    const s = this.survey!;
    const id = nextId([...this._known, ...s.questions.map((q) => q.id)], 'q');
    this._set({ ...s, questions: [...s.questions, newQuestion(type, id)] });
    this.focusLater(`${id}-title-ru`);
  }

  private _start(id: string): void {
    const tpl = templateIds.find((x) => x === id);
    this.survey = tpl ? fromTemplate(templates[tpl]) : blankSurvey();
    this.focusLater(tpl ? 'survey-heading' : 'survey-title-ru');
  }

  private async _import(e: Event): Promise<void> {
    const input = e.target as HTMLInputElement;
    const file = input.files?.[0];
    if (!file) return;
    const r = parseSurvey(await file.text());
    input.value = '';
    if (!r.ok) {
      this._importIssues = r.issues;
      this.focusLater('import-errors');
      return;
    }
    this._importIssues = null;
    const s = structuredClone(r.value);
    // Editing a published survey: the imported questions become that survey's next version.
    this.survey =
      this.mode === 'edit' && this.survey
        ? { ...s, id: this.survey.id, version: this.survey.version }
        : s;
    this._announce = this._t('Анкета загружена из файла', 'Survey loaded from the file');
    this.focusLater('survey-heading');
  }

  private _publish(e: SubmitEvent): void {
    if (this._issues.length === 0) return;
    e.preventDefault();
    const first = this._issues.find(
      (i) => i.path[0] === 'questions' && typeof i.path[1] === 'number',
    );
    const q = first ? this.survey?.questions[first.path[1] as number] : undefined;
    this._announce = this._t(
      `Сначала исправьте ошибки: ${this._issues.length}`,
      `Fix the errors first: ${this._issues.length}`,
    );
    this.focusLater(q ? `${q.id}-heading` : 'survey-heading');
  }

  private _status(): TemplateResult {
    const n = this._issues.length;
    const text =
      n === 0
        ? this._t('Ошибок нет', 'No errors')
        : this._t(
            `${n} ${ruPlural(n, ['ошибка', 'ошибки', 'ошибок'])}`,
            `${n} error${n === 1 ? '' : 's'}`,
          );
    return html`<p class="status ${n ? 'bad' : ''}" id="check-status">
      ${this._t('Проверка', 'Check')}: ${text}
    </p>`;
  }

  private _importControls(): TemplateResult {
    const t = this._t;
    return html`<details class="import">
      <summary>${t('Импорт', 'Import')}</summary>
      <div class="field">
        <label for="import-file"
          >${t('Анкета Отклика из файла JSON', 'An Otklik survey from a JSON file')}</label
        >
        <input
          id="import-file"
          type="file"
          accept=".json,application/json"
          @change=${this._import}
        />
      </div>
      ${
        this._importIssues
          ? html`<div class="issues" id="import-errors" tabindex="-1">
              <p>${t('Файл не принят:', 'The file was not accepted:')}</p>
              <ul>
                ${this._importIssues
                  .slice(0, 20)
                  .map(
                    (i) =>
                      html`<li>
                        ${i.path.join('.') || 'JSON'}:
                        ${i.message[this.lang === 'en' ? 'en' : 'ru']}
                      </li>`,
                  )}
              </ul>
            </div>`
          : nothing
      }
      <p><a href="/admin/surveys/import">${t('Импорт из SurveyJS', 'Import from SurveyJS')}</a></p>
    </details>`;
  }

  override render(): TemplateResult {
    const t = this._t;
    const s = this.survey;
    const live = html`<p class="visually-hidden" role="status" aria-live="polite">
      ${this._announce}
    </p>`;
    if (!s) {
      return html`${live}
      ${startPanel({
        t,
        lang: this.lang === 'en' ? 'en' : 'ru',
        templates: templateIds.map((id) => [id, templates[id]] as const),
        choose: (id) => this._start(id),
      })}
      ${this._importControls()}`;
    }
    const ctx = this._ctx(s);
    const drag = dragHandlers('questions', (from, to) => this._moveQuestion(s, from, to));
    return html`${live}
      <div class="layout">
        <div class="form">
          ${this._status()}
          ${surveyFields(ctx, { editing: this.mode === 'edit', set: (x) => this._set(x) })}
          <section aria-labelledby="questions-heading">
            <h2 id="questions-heading">${t('Вопросы', 'Questions')} (${s.questions.length})</h2>
            <ol class="cards">
              ${repeat(
                s.questions,
                (q) => q.id,
                (q: Question, i) => questionCard(ctx, i, q, drag),
              )}
            </ol>
            <div class="add-question">
              ${select(ctx, {
                id: 'new-question-type',
                label: t('Вид нового вопроса', 'Kind of the new question'),
                value: this._newType,
                options: QUESTION_TYPES.map(
                  (k) => [k, TYPE_NAMES[k][this.lang === 'en' ? 1 : 0]] as const,
                ),
                set: (v) => (this._newType = v as QuestionType),
              })}
              <button
                type="button"
                class="primary"
                id="add-question"
                @click=${() => this.addQuestion()}
              >
                ${t('Добавить вопрос', 'Add question')}
              </button>
            </div>
          </section>
          ${this._importControls()}
          <form
            class="publish"
            method="post"
            action=${`/admin/surveys/${encodeURIComponent(s.id)}/review${this.lang === 'en' ? '?lang=en' : ''}`}
            @submit=${this._publish}
          >
            <input type="hidden" name="_csrf" .value=${this.csrf} />
            <input type="hidden" name="survey" .value=${JSON.stringify(s)} />
            ${this._status()}
            <button type="submit" class="primary" id="publish" aria-describedby="publish-hint">
              ${t('Опубликовать…', 'Publish…')}
            </button>
            <p class="hint" id="publish-hint">
              ${t(
                'Откроется проверка: что изменилось по сравнению с опубликованной версией. Опрос публикуется только после подтверждения.',
                'A review opens first: what changed against the published version. Nothing is published until you confirm.',
              )}
            </p>
          </form>
        </div>
        <div class="side">
          ${previewPanel({
            t,
            lang: this.lang === 'en' ? 'en' : 'ru',
            survey: this._preview,
            stale: this._issues.length > 0,
            widget: this._widget,
            layout: this._layout,
            previewLang: this._previewLang,
            catalogUrl: this.catalogUrl,
            walk: this._walk,
            setLayout: (l) => (this._layout = l),
            setLang: (l) => (this._previewLang = l),
            setWalk: (a) => (this._walk = a),
          })}
        </div>
      </div>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'otklik-editor': OtklikEditor;
  }
}
