import { css } from 'lit';

/**
 * Adopted by the shadow root (no <style> element, no style attribute): runs under
 * `style-src 'self'`. Sizes in em, so the host page's text size scales the table; the table
 * scrolls inside its box rather than widen a 320 px page.
 */
export const styles = css`
  :host {
    --_accent: var(--otklik-accent, #0d4cd3);
    --_fg: var(--otklik-fg, #1a1a1a);
    --_bg: var(--otklik-bg, #fff);
    --_line: var(--otklik-border, #767676);
    display: block;
    font: inherit;
    color: var(--_fg);
    background: var(--_bg);
    line-height: 1.4;
    overflow-wrap: anywhere;
  }
  :host([hidden]) {
    display: none;
  }
  .wrap {
    overflow-x: auto;
  }
  table {
    border-collapse: collapse;
    width: 100%;
  }
  caption {
    text-align: start;
    font-weight: 600;
    padding: 0.25em 0;
  }
  th,
  td {
    text-align: start;
    padding: 0.35em 0.5em;
    border-bottom: 1px solid var(--_line);
  }
  td {
    text-align: end;
    font-variant-numeric: tabular-nums;
    white-space: nowrap;
  }
  tfoot th,
  tfoot td {
    font-weight: 600;
  }
  p {
    margin: 0.5em 0;
    font-size: 0.875em;
  }
  a {
    color: var(--_accent);
  }
  a:focus-visible {
    outline: 3px solid var(--_accent);
    outline-offset: 2px;
  }
`;
