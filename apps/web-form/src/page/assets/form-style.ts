/** The pages' only stylesheet, served from /assets (no inline styles: the CSP forbids them). */
export const FORM_CSS = `
:root {
  --ink: #1d2330; --muted: #566074; --line: #c9cfda; --paper: #ffffff; --back: #f3f5f8;
  --brand: #0b5cad; --brand-dark: #084887; --error: #b3261e; --error-back: #fdecea;
  --ok: #1e6b3a; --ok-back: #e8f5ec; --focus: #ffbf47;
  color-scheme: light;
}
*, *::before, *::after { box-sizing: border-box; }
html { -webkit-text-size-adjust: 100%; }
body {
  margin: 0; background: var(--back); color: var(--ink);
  font: 1rem/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", Arial, sans-serif;
}
.top { background: var(--brand); color: #fff; }
.top nav { max-width: 42rem; margin: 0 auto; padding: .5rem 1rem; display: flex; gap: 1rem;
  justify-content: flex-end; font-size: .95rem; }
.top a { color: #fff; }
.top a[aria-current="true"] { font-weight: 700; text-decoration: none; }
main { max-width: 42rem; margin: 0 auto; padding: 1rem 1rem 3rem; }
.card { background: var(--paper); border: 1px solid var(--line); border-radius: .5rem;
  padding: 1rem; margin: 0 0 1rem; }
h1 { font-size: 1.5rem; line-height: 1.25; margin: .5rem 0 .75rem; }
.lead { color: var(--muted); margin-top: 0; }
fieldset { border: 0; margin: 0; padding: 0; min-width: 0; }
fieldset.card > legend { float: left; width: 100%; font-size: 1.15rem; font-weight: 700;
  margin: 0 0 .75rem; padding: 0; }
fieldset.card > legend + * { clear: left; }
.field { margin: 0 0 1rem; }
.field:last-child { margin-bottom: 0; }
label, .label { display: block; font-weight: 600; margin-bottom: .25rem; }
.req { color: var(--error); }
.opt { font-weight: 400; color: var(--muted); }
.hint { color: var(--muted); margin: 0 0 .35rem; font-size: .95rem; }
.error { color: var(--error); font-weight: 600; margin: 0 0 .35rem; }
.has-error input:not([type="checkbox"]):not([type="radio"]), .has-error textarea {
  border-color: var(--error); border-width: 2px; }
.has-error { border-left: 4px solid var(--error); padding-left: .75rem; }
input, textarea, select, button { font: inherit; }
input[type="text"], input[type="tel"], input[type="email"], input[type="file"], textarea {
  width: 100%; min-height: 2.75rem; padding: .55rem .65rem; border: 1px solid var(--ink);
  border-radius: .35rem; background: #fff; color: var(--ink); }
input[type="file"] { padding: .45rem; }
textarea { min-height: 9rem; resize: vertical; }
input:focus, textarea:focus, button:focus, a:focus, summary:focus {
  outline: 3px solid var(--focus); outline-offset: 1px; }
.choices .choice { display: flex; gap: .6rem; align-items: flex-start; padding: .45rem 0; }
.choice input { width: 1.4rem; height: 1.4rem; margin: .1rem 0 0; flex: none; }
.choice label { font-weight: 400; margin: 0; }
.choice label strong { display: block; }
.choice .hint { margin: 0; }
details { border: 1px solid var(--line); border-radius: .35rem; padding: .5rem .75rem;
  margin: 0 0 1rem; background: var(--back); }
summary { cursor: pointer; font-weight: 600; }
details p { font-size: .92rem; margin: .6rem 0; }
.version { color: var(--muted); font-size: .85rem; }
.kept { list-style: none; padding: 0; margin: 0 0 .5rem; }
.kept li { display: flex; gap: .5rem; align-items: center; padding: .2rem 0; }
.banner { border-radius: .5rem; padding: 1rem; margin: 0 0 1rem; font-weight: 600; }
.banner.warn { background: var(--error-back); border: 2px solid var(--error); color: var(--error); }
.summary { background: var(--error-back); border: 2px solid var(--error); border-radius: .5rem;
  padding: 1rem; margin: 0 0 1rem; }
.summary h2 { font-size: 1.1rem; margin: 0 0 .5rem; color: var(--error); }
.summary ul { margin: 0; padding-left: 1.2rem; }
.summary a { color: var(--error); font-weight: 600; }
.live { color: var(--error); font-weight: 600; margin: .35rem 0 0; }
.live:empty { display: none; }
button[type="submit"] { width: 100%; min-height: 3rem; border: 0; border-radius: .4rem;
  background: var(--brand); color: #fff; font-weight: 700; font-size: 1.1rem; cursor: pointer; }
button[type="submit"]:hover { background: var(--brand-dark); }
button[disabled] { opacity: .7; cursor: progress; }
.hp, .sr { position: absolute; left: -10000px; top: auto; width: 1px; height: 1px; overflow: hidden; }
.done { border-color: var(--ok); background: var(--ok-back); }
.reference { font-size: 1.75rem; font-weight: 800; letter-spacing: .04em; margin: .25rem 0 .75rem;
  font-variant-numeric: tabular-nums; word-break: break-all; }
.actions { display: flex; flex-wrap: wrap; gap: .75rem 1.5rem; margin-top: 1rem; }
.actions a { color: var(--brand); font-weight: 600; }
.captcha { margin: 0 0 1rem; }
.banner.ok { background: var(--ok-back); border: 2px solid var(--ok); color: var(--ok); }
.status { font-size: 1.35rem; font-weight: 800; margin: .25rem 0 .75rem; color: var(--brand-dark); }
.facts { display: grid; grid-template-columns: 1fr; gap: .1rem 1rem; margin: 0 0 1rem; }
.facts dd + dt { margin-top: .5rem; }
.pair > .field:last-child { margin-bottom: 1rem; }
.facts dt { font-weight: 600; }
.facts dd { margin: 0; }
h2 { font-size: 1.15rem; margin: 1rem 0 .5rem; }
.card > h2:first-child { margin-top: 0; }
.timeline { list-style: none; padding: 0; margin: 0; border-left: 3px solid var(--line); }
.timeline li { padding: .25rem 0 .25rem .9rem; }
.timeline .step-status { font-weight: 600; }
.timeline time { color: var(--muted); }
.buttons { display: flex; flex-wrap: wrap; gap: .75rem; }
button.secondary, .buttons button { width: 100%; min-height: 3rem; border-radius: .4rem; font-weight: 700;
  font-size: 1.05rem; cursor: pointer; }
.buttons button:not(.secondary) { border: 0; background: var(--brand); color: #fff; }
button.secondary { background: #fff; color: var(--brand-dark); border: 2px solid var(--brand); }
form.card > button[type="submit"]:not(.secondary) { margin-top: .25rem; }
@media (min-width: 40rem) {
  main { padding-top: 2rem; }
  h1 { font-size: 1.85rem; }
  .card { padding: 1.5rem; }
  .pair { display: grid; grid-template-columns: 1fr 1fr; gap: 0 1rem; }
  button[type="submit"], .buttons button { width: auto; padding: 0 2.5rem; }
  .facts { grid-template-columns: max-content 1fr; gap: .35rem 1rem; }
  .facts dd + dt { margin-top: 0; }
  .pair > .field:last-child { margin-bottom: 0; }
}
`;
