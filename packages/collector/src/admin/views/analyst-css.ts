/**
 * The analyst pages' stylesheet (open answers, themes, pain map, period report), served at
 * /admin/assets/analyst.css after the dashboard's. Respondents' texts keep their line breaks and
 * wrap anywhere, so a long word never widens the page at 320 px. The print rules make the period
 * report an A4 document: page numbers in the margin («3 / 7»), no menus or forms, tables and
 * figures kept whole where they fit.
 */
export const ANALYST_CSS = `nav.sections ul { display: flex; flex-wrap: wrap; gap: .25em 1.25em; margin: 0 0 1.5em; padding: 0; list-style: none; }
nav.sections [aria-current] { font-weight: 700; color: var(--fg); text-decoration: none; }
.answer { white-space: pre-wrap; overflow-wrap: anywhere; margin: 0 0 .25em; }
ol.answers { padding: 0; list-style: none; }
ol.answers > li { border-bottom: 1px solid var(--line); padding: .75em 0; }
.meta { display: flex; flex-wrap: wrap; gap: 0 1em; margin: 0; overflow-wrap: anywhere; }
.inline { display: flex; flex-wrap: wrap; align-items: end; gap: .5em; margin: .5em 0; }
.inline p { margin: 0; min-width: 0; }
.inline input[type=text], .inline input:not([type]) { width: min(20rem, 100%); }
.theme { border: 1px solid var(--line); border-radius: .5em; padding: 0 1em .5em; margin: 1em 0; }
.theme h3 { margin-top: .75em; overflow-wrap: anywhere; }
.theme blockquote { margin: .25em 0 .5em; padding-left: .75em; border-left: .25em solid var(--line); }
.status-msg { border-left: .25em solid #1b6e3a; padding-left: .5em; font-weight: 600; }
.edit-grid { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr)); gap: .5em 1em; }
.edit-grid p { margin: 0; min-width: 0; }
.edit-grid input, .edit-grid select, .edit-grid textarea { width: 100%; }
textarea { font: inherit; padding: .35em .5em; border: 1px solid #6b6f76; border-radius: .25em; max-width: 100%; }
textarea:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.checkbox label { display: inline; font-weight: 400; }
td.wrap, th.wrap { overflow-wrap: anywhere; min-width: 10rem; }
.pager { display: flex; flex-wrap: wrap; gap: 1em; }
.report figure.chart img { max-width: 40rem; }
.print-note { display: none; }
@media (forced-colors: active) { .theme, ol.answers > li { border-color: CanvasText; } }
@page { size: A4; margin: 16mm 14mm 18mm; @bottom-right { content: counter(page) " / " counter(pages); font: 9pt system-ui, Arial, sans-serif; } }
@media print {
  body { font-size: 10pt; }
  .skip, header.site, nav.sections, nav.crumbs, .no-print, form { display: none !important; }
  body.admin main { max-width: none; padding: 0; }
  .print-note { display: block; }
  h2 { break-after: avoid; page-break-after: avoid; }
  .report > section { break-before: page; }
  .report > section:first-of-type { break-before: auto; }
  tr, figure, .cards li { break-inside: avoid; }
  .scroll { overflow: visible; }
  .scroll table { min-width: 0; }
  a { color: inherit; text-decoration: none; }
}
`;
