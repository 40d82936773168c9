import { css } from 'lit';

/**
 * The only styles the widget has: adopted by the shadow root (no <style> elements, no style
 * attributes), so it runs under `style-src 'self'`. Sizes are in em so that the host page's font
 * size — and the "version for the visually impaired" that enlarges it — scales everything.
 */
export const styles = css`
  :host {
    --_accent: var(--otklik-accent, #0d4cd3);
    --_fg: var(--otklik-fg, #1a1a1a);
    --_bg: var(--otklik-bg, #fff);
    --_err: var(--otklik-error, #b3261e);
    --_line: var(--otklik-border, #767676);
    --_radius: var(--otklik-radius, 0.375em);
    --_gap: var(--otklik-gap, 1em);
    display: block;
    font: inherit;
    color: var(--_fg);
    background: var(--_bg);
    line-height: 1.4;
    /* Long words and legends wrap rather than widen the form (360 px at 200 % text). */
    overflow-wrap: anywhere;
  }
  :host([hidden]) {
    display: none;
  }
  *,
  *::before,
  *::after {
    box-sizing: border-box;
  }
  /* minmax(0, 1fr): a grid column may shrink below its content's width, so nothing forces a
     horizontal scroll at 320 px. */
  form,
  .q,
  .opts,
  .matrix {
    grid-template-columns: minmax(0, 1fr);
  }
  form {
    container-type: inline-size;
    display: grid;
    gap: var(--_gap);
    max-width: 100%;
  }
  p,
  h2 {
    margin: 0;
  }
  [tabindex='-1']:focus {
    outline: none;
  }
  .q {
    border: 0;
    margin: 0;
    padding: 0;
    min-width: 0;
    display: grid;
    gap: 0.5em;
  }
  legend {
    padding: 0;
    font-weight: 600;
    margin-bottom: 0.5em;
  }
  .req,
  .desc,
  .hint,
  .counter,
  .progress {
    font-weight: 400;
    font-size: 0.9em;
  }
  .opts {
    display: grid;
    gap: 0.25em;
  }
  .opt {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    gap: 0.25em 0.5em;
    min-height: max(2.75em, 44px);
  }
  .opt label {
    flex: 1;
    padding: 0.5em 0;
    cursor: pointer;
    overflow-wrap: anywhere;
  }
  input[type='radio'],
  input[type='checkbox'] {
    width: 1.4em;
    height: 1.4em;
    margin: 0;
    accent-color: var(--_accent);
    flex: none;
  }
  input[type='text'],
  input[type='search'],
  textarea,
  .specify {
    font: inherit;
    font-size: max(1em, 16px);
    color: inherit;
    background: var(--_bg);
    width: 100%;
    min-height: max(2.75em, 44px);
    padding: 0.5em;
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
  }
  .specify {
    flex-basis: 100%;
    margin-left: 1.9em;
    width: calc(100% - 1.9em);
  }
  /* As specific as input[type='text'] and later, so a field in error never keeps the grey border. */
  input[aria-invalid='true'],
  textarea[aria-invalid='true'] {
    border-color: var(--_err);
    border-width: 2px;
  }
  .clear {
    justify-self: start;
    margin-top: 0.25em;
  }
  :focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  .scale .points {
    display: flex;
    flex-wrap: wrap;
    gap: 0.25em;
  }
  /* The radio sits under its numbered box: the label is the 44px target, the input keeps focus. */
  .pt input {
    position: absolute;
    opacity: 0;
    inset: 0;
    width: 100%;
    height: 100%;
  }
  .pt label {
    display: flex;
    align-items: center;
    justify-content: center;
    min-width: max(2.75em, 44px);
    min-height: max(2.75em, 44px);
    border: 1px solid var(--_line);
    border-radius: var(--_radius);
    cursor: pointer;
  }
  .pt input:checked + label {
    background: var(--_accent);
    color: var(--_bg);
    border-width: 3px;
    font-weight: 700;
  }
  .pt input:focus-visible + label {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
  /* An end label sits under its end point, aligned on its outer edge, at any width. */
  .points {
    align-items: flex-start;
  }
  .pt {
    position: relative;
    display: flex;
    flex-direction: column;
    align-items: flex-start;
    gap: 0.25em;
  }
  .pt.last {
    align-items: flex-end;
    text-align: end;
  }
  .end {
    font-size: 0.85em;
    max-width: 8em;
  }
  .matrix {
    display: grid;
    gap: 0.75em;
  }
  .row {
    border: 0;
    border-top: 1px solid var(--_line);
    margin: 0;
    padding: 0.5em 0 0;
    min-width: 0;
  }
  .row legend {
    font-weight: 400;
  }
  /* Wide: the row text beside its scale, rows lined up as a grid. Narrow: text above, a list. */
  @container (min-width: 40em) {
    .row legend {
      float: left;
      width: 40%;
      padding-right: 1em;
    }
    .row .scale {
      margin-left: 40%;
    }
  }
  .error {
    color: var(--_err);
    font-weight: 600;
  }
  button {
    font: inherit;
    min-height: max(2.75em, 44px);
    min-width: max(2.75em, 44px);
    padding: 0.5em 1.25em;
    border-radius: var(--_radius);
    border: 2px solid var(--_accent);
    background: var(--_bg);
    color: var(--_accent);
    cursor: pointer;
  }
  button.primary {
    background: var(--_accent);
    color: var(--_bg);
  }
  button:disabled {
    opacity: 0.6;
    cursor: default;
  }
  .nav {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em;
    justify-content: space-between;
  }
  .nav .primary {
    margin-left: auto;
  }
  .done,
  .start,
  .state {
    display: grid;
    gap: var(--_gap);
    justify-items: start;
  }
  .warn {
    border: 3px solid var(--_err);
    border-radius: var(--_radius);
    padding: 1em;
    display: grid;
    gap: 0.5em;
    justify-items: start;
  }
  .vh {
    position: absolute;
    width: 1px;
    height: 1px;
    margin: -1px;
    overflow: hidden;
    clip-path: inset(50%);
    white-space: nowrap;
  }
  /* Kiosk: everything (targets included, all in em) a quarter larger. */
  .kiosk {
    font-size: 1.25em;
  }
  .kiosk .start button {
    font-size: 1.5em;
    padding: 0.75em 2.5em;
  }
  /* No animations at all, so prefers-reduced-motion has nothing to turn off. */
  @media (prefers-contrast: more) {
    :host {
      --_line: currentColor;
    }
    .pt label,
    button,
    input[type='text'],
    textarea {
      border-width: 2px;
    }
  }
  @media (forced-colors: active) {
    .pt label,
    button,
    .warn {
      border: 2px solid ButtonText;
    }
    .pt input:checked + label,
    button.primary {
      forced-color-adjust: none;
      background: Highlight;
      color: HighlightText;
    }
    .error {
      color: CanvasText;
    }
    /* These two opt out of forced colours for their fill: their ring must still be a system colour. */
    .pt input:focus-visible + label,
    button.primary:focus-visible {
      outline-color: CanvasText;
    }
  }
`;
