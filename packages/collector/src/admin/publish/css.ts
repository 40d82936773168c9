/**
 * Styles of the publishing pages, served at /admin/assets/publish.css after the dashboard's.
 * The share page prints as a poster: only the QR code, the survey's title, a line on how to
 * answer and the link; everything else is screen-only.
 */
export const PUBLISH_CSS = `.publish textarea { display: block; width: 100%; min-height: 12rem; font: .875rem/1.4 ui-monospace, monospace; padding: .5em; border: 1px solid #6b6f76; border-radius: .25em; box-sizing: border-box; }
.publish input[type=text], .publish input[type=url], .publish select { width: 100%; box-sizing: border-box; }
.publish .field { margin: .75em 0; }
.publish .fields { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 14rem), 1fr)); gap: 0 1em; }
.publish pre { white-space: pre-wrap; overflow-wrap: anywhere; background: #f4f5f7; border: 1px solid var(--line); border-radius: .25em; padding: .75em; }
.publish code, .publish .path { overflow-wrap: anywhere; }
.publish .path { font-family: ui-monospace, monospace; font-size: .875rem; }
.publish .issues h3 { font-size: 1rem; margin: 1em 0 .25em; }
.publish .warn { border: 2px solid #8a4b00; border-radius: .5em; padding: 0 1em .5em; margin: 1.5em 0; }
.publish .ok { border-left: .25em solid #1b6b3a; padding-left: .5em; }
.publish .confirm { border: 1px solid var(--line); border-radius: .5em; padding: .5em 1em 1em; margin: 1.5em 0; }
.publish .confirm label.check { display: flex; gap: .5em; align-items: flex-start; font-weight: 400; }
.publish .confirm label.check input { margin-top: .3em; flex: none; }
.publish table { width: 100%; }
.publish .links a { overflow-wrap: anywhere; }
.poster { border: 1px dashed var(--line); border-radius: .5em; padding: 1em; text-align: center; max-width: 30rem; }
.poster svg { display: block; width: 100%; max-width: 18rem; height: auto; margin: 0 auto; }
.poster .title { font-size: 1.25rem; font-weight: 700; }
.poster .link { overflow-wrap: anywhere; font-size: .875rem; }
@media print {
  body.admin > :not(main), .publish > :not(.poster-wrap), .poster-wrap > :not(.poster) { display: none !important; }
  .poster { border: 0; max-width: none; padding: 0; }
  .poster svg { max-width: 14cm; }
  .poster .title { font-size: 20pt; }
  .poster p { font-size: 14pt; }
}
@media (forced-colors: active) {
  .publish .warn, .publish .confirm, .poster { border-color: CanvasText; }
  .poster svg path[fill] { fill: Canvas; }
  .poster svg path[stroke] { stroke: CanvasText; }
}
`;
