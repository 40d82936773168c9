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
  /** A question's template (the element skips it when nothing it shows changed). */
  question: (q: Question) => unknown;
  keydown: (e: KeyboardEvent) => void;
  submit: (e: Event) => void;
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
    @keydown=${m.keydown}
    @submit=${m.submit}
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
      s.questions.map((q) => (shown.has(q.id) ? m.question(q) : nothing))
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
