import { css } from 'lit';

/**
 * The editor's styles, adopted by its shadow root (constructed stylesheets: the page's CSP allows
 * no inline style). The colours come from the admin pages' custom properties where they exist;
 * one column up to 70em, then the form and the sticky preview side by side; every control
 * reflows down to 320 px.
 */
export const styles = css`
  :host {
    display: block;
    --ed-accent: var(--accent, #0b3a8f);
    --ed-line: var(--line, #6b6f76);
    --ed-error: #a4161a;
  }
  * {
    box-sizing: border-box;
  }
  h2 {
    margin: 1.25em 0 0.5em;
  }
  h3 {
    margin: 0;
    font-size: 1.125rem;
  }
  .layout {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 1.5em;
  }
  @media (min-width: 70em) {
    .layout {
      grid-template-columns: minmax(0, 3fr) minmax(22rem, 2fr);
      align-items: start;
    }
    .side {
      position: sticky;
      top: 0;
      max-height: 100vh;
      overflow: auto;
    }
  }
  label,
  legend {
    display: block;
    font-weight: 600;
    margin-bottom: 0.25em;
  }
  .check label {
    display: inline;
    font-weight: normal;
    margin: 0 0 0 0.35em;
  }
  .check {
    margin: 0.5em 0;
  }
  input,
  select,
  textarea,
  button {
    font: inherit;
    max-width: 100%;
  }
  input[type='text'],
  input[type='number'],
  select,
  textarea {
    width: 100%;
    padding: 0.35em 0.5em;
    border: 1px solid var(--ed-line);
    border-radius: 0.25em;
    background: #fff;
    color: inherit;
  }
  .narrow input {
    max-width: 9em;
  }
  [aria-invalid='true'] {
    border: 2px solid var(--ed-error);
  }
  button {
    padding: 0.35em 0.8em;
    border: 2px solid var(--ed-accent);
    border-radius: 0.25em;
    background: #fff;
    color: var(--ed-accent);
    cursor: pointer;
  }
  button.primary {
    background: var(--ed-accent);
    color: #fff;
  }
  button:disabled {
    border-color: #8a8a8a;
    color: #595959;
    cursor: default;
  }
  :is(input, select, textarea, button, summary, h3, [tabindex]):focus-visible {
    outline: 3px solid var(--ed-accent);
    outline-offset: 2px;
  }
  .field {
    margin: 0.5em 0;
    min-width: 0;
  }
  .hint {
    color: #4a4a4a;
    font-size: 0.9375rem;
    margin: 0.25em 0;
  }
  .pair,
  .row {
    display: grid;
    grid-template-columns: minmax(0, 1fr);
    gap: 0 1em;
  }
  @media (min-width: 40em) {
    .pair {
      grid-template-columns: repeat(2, minmax(0, 1fr));
    }
    .row {
      grid-template-columns: repeat(auto-fit, minmax(9rem, 1fr));
    }
  }
  fieldset {
    border: 1px solid var(--ed-line);
    border-radius: 0.5em;
    margin: 0.75em 0;
    padding: 0.25em 0.75em 0.75em;
    min-width: 0;
  }
  ol.cards,
  ol.items,
  ol.clauses {
    list-style: none;
    margin: 0;
    padding: 0;
  }
  .card {
    border: 1px solid var(--ed-line);
    border-left: 0.35em solid var(--ed-accent);
    border-radius: 0.5em;
    padding: 0.75em 1em;
    margin: 0 0 1em;
    background: #fff;
  }
  .card-head,
  .item-head {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.5em;
  }
  .item {
    border-top: 1px solid #c8c8c8;
    padding: 0.5em 0;
  }
  .tools {
    display: flex;
    flex-wrap: wrap;
    gap: 0.35em;
    margin-left: auto;
  }
  .grip {
    cursor: grab;
    font-size: 1.25em;
    color: #4a4a4a;
    user-select: none;
  }
  .qid {
    font-weight: normal;
    font-size: 0.875rem;
    color: #4a4a4a;
    margin-left: 0.5em;
  }
  .issues,
  .survey-issues {
    color: var(--ed-error);
    border-left: 0.25em solid currentColor;
    padding-left: 0.75em;
    margin: 0.5em 0;
  }
  .issues p,
  .issues ul {
    margin: 0.25em 0;
  }
  .adds {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    margin-top: 0.5em;
  }
  details {
    margin: 0.5em 0;
  }
  summary {
    cursor: pointer;
    color: var(--ed-accent);
  }
  .clause {
    border-top: 1px solid #c8c8c8;
    padding: 0.5em 0;
  }
  pre {
    white-space: pre-wrap;
    overflow-wrap: anywhere;
  }
  .add-question {
    display: flex;
    flex-wrap: wrap;
    align-items: end;
    gap: 0.5em 1em;
  }
  .add-question .field {
    flex: 1 1 14rem;
  }
  .status {
    font-weight: 600;
  }
  .status.bad {
    color: var(--ed-error);
  }
  .publish {
    border-top: 1px solid var(--ed-line);
    margin-top: 1.5em;
    padding-top: 1em;
  }
  .choices {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em 1.25em;
  }
  .choices label {
    display: inline;
    font-weight: normal;
    margin-left: 0.35em;
  }
  .preview-frame {
    border: 1px dashed var(--ed-line);
    border-radius: 0.5em;
    padding: 0.5em;
    margin: 0.75em 0;
  }
  .path-summary {
    font-weight: 600;
  }
  .path select {
    width: auto;
    min-width: min(100%, 12rem);
  }
  .templates {
    list-style: none;
    padding: 0;
  }
  .templates label {
    display: inline;
    font-weight: normal;
    margin-left: 0.35em;
  }
  .templates li {
    margin: 0.35em 0;
  }
  .visually-hidden {
    position: absolute;
    width: 1px;
    height: 1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  @media (forced-colors: active) {
    .card {
      border-left-color: CanvasText;
    }
    [aria-invalid='true'] {
      border-color: Mark;
    }
  }
`;
