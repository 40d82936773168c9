/**
 * The pages' one stylesheet, served at /assets/site.css (the CSP forbids inline styles). Sizes in
 * rem/em so text zoom to 200 % reflows without horizontal scrolling (ПП РФ N 102); system fonts;
 * honours forced colours and reduced motion.
 */
export const SITE_CSS = `:root { color-scheme: light; --fg: #1a1a1a; --bg: #fff; --muted: #555; --accent: #0d4cd3; --line: #d0d4da; }
* { box-sizing: border-box; }
body { margin: 0; font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif; color: var(--fg); background: var(--bg); }
.skip { position: absolute; left: -999em; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip-path: inset(50%); white-space: nowrap; }
.skip:focus { left: 1em; top: 1em; background: var(--bg); padding: .5em; z-index: 1; }
header.site { background: #0b3a8f; color: #fff; padding: 1em 1.5em; }
header.site a { color: #fff; }
header.site .org { font-size: .875rem; opacity: .9; margin: 0; }
header.site .name { font-size: 1.25rem; font-weight: 600; margin: .25em 0 0; }
nav.crumbs { font-size: .875rem; color: var(--muted); margin-bottom: 1em; }
main { max-width: 60rem; margin: 0 auto; padding: 1.5em; }
h1 { font-size: 1.75rem; line-height: 1.2; margin: 0 0 .5em; }
h2 { font-size: 1.25rem; margin: 2em 0 .5em; }
a { color: var(--accent); }
a:focus-visible { outline: 3px solid var(--accent); outline-offset: 2px; }
.lead { color: var(--muted); }
.cards { display: grid; grid-template-columns: repeat(auto-fit, minmax(12rem, 1fr)); gap: 1em; padding: 0; list-style: none; }
.cards li { border: 1px solid var(--line); border-radius: .5em; padding: 1em; }
.figure { font-size: 2rem; font-weight: 700; display: block; }
table { border-collapse: collapse; width: 100%; margin: .5em 0 1.5em; }
caption { text-align: left; font-weight: 600; padding: .25em 0; }
th, td { text-align: left; padding: .35em .5em; border-bottom: 1px solid var(--line); vertical-align: middle; }
td.num { text-align: right; white-space: nowrap; }
meter { width: 100%; min-width: 4rem; height: 1em; }
.periods { display: flex; flex-wrap: wrap; gap: .5em 1em; padding: 0; list-style: none; }
.periods [aria-current] { font-weight: 700; text-decoration: none; color: var(--fg); }
.note { color: var(--muted); font-size: .875rem; }
footer.site { border-top: 1px solid var(--line); margin-top: 3em; padding: 1em 1.5em; font-size: .875rem; color: var(--muted); }
feedback-survey { display: block; margin: 1em 0; }
@media (max-width: 30em) { main { padding: 1em .75em; } th, td { padding: .35em .25em; } th { overflow-wrap: anywhere; } td.num { white-space: normal; } meter { min-width: 2rem; } }
@media (prefers-reduced-motion: reduce) { * { transition: none !important; animation: none !important; } }
@media (forced-colors: active) { meter { forced-color-adjust: auto; } .cards li { border-color: CanvasText; } }
`;
