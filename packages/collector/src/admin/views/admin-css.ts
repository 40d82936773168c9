/**
 * The dashboard's stylesheet, served at /admin/assets/admin.css after the site's (the CSP allows
 * no inline style). Wide tables scroll inside their own focusable region, so the page itself
 * reflows at 320 px and at 200 % zoom; forced colours keep borders and the heat map's numbers.
 */
export const ADMIN_CSS = `body.admin main { max-width: 72rem; }
.admin-bar { display: flex; flex-wrap: wrap; justify-content: space-between; align-items: center; gap: .5em 1em; }
.admin-bar .name { margin: 0; }
.admin-bar ul { display: flex; flex-wrap: wrap; align-items: center; gap: .5em 1em; margin: 0; padding: 0; list-style: none; }
.admin-bar form { margin: 0; }
.admin-bar button { font: inherit; padding: .25em .75em; border-color: #fff; }
.admin-bar a:focus-visible, .admin-bar button:focus-visible { outline: 3px solid #fff; outline-offset: 2px; }
label { display: block; font-weight: 600; margin-bottom: .25em; }
input, select, button { font: inherit; max-width: 100%; }
input, select { padding: .35em .5em; border: 1px solid #6b6f76; border-radius: .25em; background: #fff; color: inherit; }
button { padding: .45em 1em; border: 2px solid #0b3a8f; border-radius: .25em; background: #0b3a8f; color: #fff; cursor: pointer; }
:is(input, select, button, summary, .scroll):focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.sign-in { max-width: 28rem; }
.sign-in input { width: 100%; margin-bottom: .5em; }
.error { color: #a4161a; font-weight: 600; border-left: .25em solid currentColor; padding-left: .5em; }
.filters { border: 1px solid var(--line); border-radius: .5em; padding: 0 1em 1em; margin: 1em 0 2em; }
.filters h2 { margin-top: .75em; }
.filters .fields { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 13rem), 1fr)); gap: 0 1em; }
.filters .fields p { margin: .5em 0; min-width: 0; }
.filters .fields input, .filters .fields select { width: 100%; }
.picks { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(100%, 16rem), 1fr)); gap: .5em 1em; margin: .5em 0; }
.pick { min-width: 0; margin: 0; border: 1px solid var(--line); border-radius: .25em; padding: .25em .75em .5em; }
.pick legend { font-weight: 600; padding: 0 .25em; }
.pick .hint { margin: 0 0 .25em; font-size: .875rem; color: var(--muted); }
.pick .options { max-height: 12rem; overflow-y: auto; }
.pick label { display: flex; gap: .5em; align-items: baseline; font-weight: 400; margin: .25em 0; overflow-wrap: anywhere; }
.pick input { flex: none; }
.change { display: block; font-size: .875rem; color: var(--muted); }
.charts { display: grid; grid-template-columns: minmax(0, 1fr); gap: 1.5em; }
figure.chart { min-width: 0; margin: 0; border: 1px solid var(--line); border-radius: .5em; padding: .75em; }
figure.chart img { display: block; width: 100%; max-width: 48rem; height: auto; }
figcaption { font-weight: 600; margin: .5em 0; }
details { margin: .5em 0; }
summary { cursor: pointer; color: var(--accent); }
.scroll { position: relative; overflow-x: auto; max-width: 100%; }
.scroll table { min-width: 28rem; }
th a { color: inherit; }
th[aria-sort] { background: #eef2fa; }
tr.flagged th { border-left: .25em solid #a4161a; }
.flag { display: inline-block; font-size: .875rem; font-weight: 600; color: #a4161a; }
.alert-box { border: 2px solid #a4161a; border-radius: .5em; padding: 0 1em .5em; margin: 2em 0; }
.alert-box h2 { margin-top: .75em; }
table.heat td { border: 1px solid #fff; }
.heat-0 { background: #fff; }
.heat-1 { background: #e6eefb; }
.heat-2 { background: #c4d5f3; }
.heat-3 { background: #9bb6e8; }
.heat-4 { background: #0b3a8f; color: #fff; }
.heat-5 { background: #06245c; color: #fff; }
@media (forced-colors: active) {
  table.heat td { border: 1px solid CanvasText; }
  tr.flagged th, .alert-box, figure.chart, .filters, .pick { border-color: CanvasText; }
  button { border-color: ButtonText; }
}
`;
