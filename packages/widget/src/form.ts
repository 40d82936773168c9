import { localize, type Lang, type Question, type Survey } from '@otklik/core/engine';
import { html, nothing, type TemplateResult } from 'lit';
import { fill, type Dictionary } from './i18n.js';
import { HEADING } from './screens.js';

/** A one-page form of this many questions or more shows how many are answered. */
const LONG_FORM = 10;

/** What the form's template needs from the element, computed once per render. */
export interface FormModel {
  survey: Survey;
  d: Dictionary;
  lang: Lang;
  paged: boolean;
  paper: boolean;
  path: string[];
  /** Paged: the question on screen. */
  current: string;
  /** One-page: how many questions of the path are rendered so far. */
  limit: number;
  busy: boolean;
  /** Why the last send failed, in the page's language. */
  failed: string | undefined;
  /** Paper mode: forms entered this session. */
  entered: number;
  answered: (id: string) => boolean;
  /** A question's slot: its template, nothing while it is not shown, lit's noChange if unchanged. */
  question: (q: Question, shown: boolean) => unknown;
  /** Paged: next (or send on the last question); one page: send. */
  submit: () => void;
  back: () => void;
}

/** The form: title, progress, the questions shown, the send error and the buttons. */
export function form(m: FormModel): TemplateResult {
  const { survey: s, d, lang, path, paged } = m;
  const k = path.indexOf(m.current);
  const shown = new Set(paged ? [m.current] : path.slice(0, m.limit));
  const complete = shown.size === path.length || paged;
  return html`<form
    part="form"
    novalidate
    aria-busy=${complete ? nothing : 'true'}
    @keydown=${(e: KeyboardEvent) => keydown(e, m)}
    @submit=${(e: Event) => {
      e.preventDefault();
      m.submit();
    }}
  >
    <h2 part="title" id=${HEADING} tabindex="-1">${localize(s.title, lang)}</h2>
    ${!paged && s.description ? html`<p>${localize(s.description, lang)}</p>` : nothing}
    ${
      m.paper
        ? html`<p class="progress" part="entered">${fill(d.entered, { n: m.entered })}</p>`
        : nothing
    }
    ${
      paged
        ? html`<p class="progress" part="progress">
            ${fill(d.progress, { n: k + 1, total: path.length })}
          </p>`
        : answeredNote(m)
    }
    ${
      // One slot per question of the survey, in its order, empty while the question is off the
      // path: a question coming onto the path (Q9 after a refusal in Q8) fills its own slot, and
      // no other question's DOM moves or is rewritten.
      s.questions.map((q) => m.question(q, shown.has(q.id)))
    }
    ${m.failed ? html`<p class="error" part="error"><span aria-hidden="true">⚠ </span>${m.failed}</p>` : nothing}
    ${complete ? nav(m, k, !paged || k + 1 >= path.length) : nothing}
  </form>`;
}

/** «Отвечено 7 из 26» on a one-page form long enough to lose one's place in. */
function answeredNote(m: FormModel): TemplateResult | typeof nothing {
  const statements = new Set(
    m.survey.questions.filter((q) => q.type === 'statement').map((q) => q.id),
  );
  const asked = m.path.filter((id) => !statements.has(id));
  if (asked.length < LONG_FORM) return nothing;
  const n = asked.filter(m.answered).length;
  return html`<p class="progress" part="progress">
    ${fill(m.d.answered, { n, total: asked.length })}
  </p>`;
}

function nav(m: FormModel, k: number, last: boolean): TemplateResult {
  const { d } = m;
  return html`<div class="nav">
    ${
      m.paged && k > 0
        ? html`<button type="button" part="button back-button" @click=${m.back}>${d.back}</button>`
        : nothing
    }
    <button
      type="submit"
      class="primary"
      part="button ${last ? 'submit-button' : 'next-button'}"
      ?disabled=${m.busy}
    >
      ${m.busy ? d.sending : last ? d.submit : d.next}
    </button>
  </div>`;
}

function keydown(e: KeyboardEvent, m: FormModel): void {
  if (e.key !== 'Enter') return;
  // Paper mode: Ctrl+Enter sends from anywhere, so the operator's hands stay on the keys.
  if (m.paper && (e.ctrlKey || e.metaKey)) {
    e.preventDefault();
    (e.currentTarget as HTMLFormElement).requestSubmit();
  }
  // Enter in a field of a one-page form would submit it half-answered: only the button sends.
  else if (!m.paged && e.composedPath()[0] instanceof HTMLInputElement) e.preventDefault();
}

/** One order for every scale of the form: the attribute's, else the survey's first scale's. */
export function scaleOrder(s: Survey, attr: 'asc' | 'desc' | undefined): 'asc' | 'desc' {
  const first = s.questions.find((q) => q.type === 'scale' || q.type === 'matrix');
  const spec = first?.type === 'matrix' ? first.scale : first?.type === 'scale' ? first : undefined;
  return attr ?? spec?.order ?? 'asc';
}

/**
 * The form in one of two wrappers that alternate with each wipe (`generation`): lit then builds the
 * form's DOM anew, so no input can keep a value from the previous respondent (what keyed() does,
 * without its bytes). Their strings differ: a minifier merges the branches of `c ? f(x) : f(x)`.
 */
export const anew = (generation: number, content: TemplateResult): TemplateResult =>
  generation % 2 ? html`<div>${content}</div>` : html`<div class="">${content}</div>`;
