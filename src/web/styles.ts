/** The page's stylesheet: system fonts only, marks that read without color, and a clean printed report. */
import { SVG_FONT } from './svg.js';

export const PAGE_CSS = `
:root { --ink: #212121; --muted: #5f5f5f; --rule: #d6d6d6; --accent: #0b57a4; --bad: #b3261e; --paper: #fff; }
* { box-sizing: border-box; }
html { font-family: ${SVG_FONT}; color: var(--ink); background: #f4f5f7; line-height: 1.45; }
body { margin: 0 auto; max-width: 70rem; padding: 1rem 1.25rem 3rem; }
h1 { font-size: 1.45rem; margin: .3rem 0 .4rem; }
h2 { font-size: 1.15rem; margin: 1.6rem 0 .5rem; }
h3 { font-size: 1rem; margin: 1.1rem 0 .3rem; }
p { margin: .3rem 0; }
.top { display: flex; justify-content: space-between; align-items: flex-start; gap: 1rem; flex-wrap: wrap; }
.muted { color: var(--muted); }
.langs { display: flex; gap: .3rem; align-items: center; }
button, .button { font: inherit; border: 1px solid #8a8a8a; background: var(--paper); color: var(--ink); border-radius: .35rem; padding: .35rem .8rem; cursor: pointer; }
button:disabled { opacity: .5; cursor: not-allowed; }
button[aria-pressed="true"] { background: var(--ink); color: #fff; border-color: var(--ink); }
button:focus-visible, input:focus-visible, .drop:focus-within { outline: 3px solid #f9a825; outline-offset: 2px; }
.student-id { margin: 1rem 0 0; padding: .8rem 1.1rem; background: var(--paper); border: 1px solid var(--rule); border-radius: .6rem; }
.student-id label { display: block; font-weight: bold; margin-bottom: .3rem; }
.id-row { display: flex; gap: .5rem; flex-wrap: wrap; }
#student-id { font: inherit; padding: .35rem .6rem; border: 1px solid #8a8a8a; border-radius: .35rem; min-width: 14rem; }
.student-id p { margin: .5rem 0 0; }
.student-id p.alert { margin: .5rem 0 0; }
.drop { margin: 1rem 0; padding: 1.3rem; border: 2px dashed #8a8a8a; border-radius: .6rem; background: var(--paper); text-align: center; }
.drop.over { border-color: var(--accent); background: #e8f0fb; }
.drop label { display: block; font-weight: bold; margin-bottom: .5rem; }
.actions { display: flex; gap: .6rem; flex-wrap: wrap; align-items: center; }
#status { min-height: 1.5em; margin: .6rem 0; }
.alert { border-left: 5px solid var(--bad); background: #fdecea; padding: .6rem .9rem; margin: .8rem 0; }
.result { background: var(--paper); border: 1px solid var(--rule); border-radius: .6rem; padding: .2rem 1.2rem 1rem; margin-top: 1rem; }
.result:empty { display: none; }
dl.head { display: grid; grid-template-columns: max-content 1fr; gap: .15rem 1rem; margin: .6rem 0; }
dl.head dt { color: var(--muted); }
dl.head dd { margin: 0; }
.score { font-size: 1.3rem; font-weight: bold; }
.counts { display: flex; flex-wrap: wrap; gap: .3rem 1.1rem; margin: .4rem 0; }
table { border-collapse: collapse; width: 100%; margin: .3rem 0 .6rem; font-size: .92rem; }
th, td { text-align: left; vertical-align: top; padding: .28rem .5rem; border-bottom: 1px solid var(--rule); }
th { font-weight: 600; background: #f7f7f7; }
tbody th { background: none; }
table.steps { table-layout: fixed; }
table.steps th:nth-child(1) { width: 10.5rem; }
table.steps th:nth-child(2) { width: 7.5rem; }
table.steps th.written, table.steps th.expected { width: 7.5rem; }
table.steps th.num { width: 4.5rem; }
table.steps td { overflow-wrap: anywhere; }
td.num, th.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
td.written, td.expected { font-variant-numeric: tabular-nums; white-space: nowrap; }
td.id { white-space: nowrap; font-weight: 600; }
.mark { white-space: nowrap; font-weight: 600; }
.mark .sym { display: inline-block; width: 1.2em; text-align: center; }
.st-correct .mark { color: #1b5e20; }
.st-follow-through .mark { color: #01579b; }
.st-incorrect .mark { color: var(--bad); }
.st-missing .mark { color: #616161; }
.st-unreadable .mark { color: #8a3a00; }
tr.st-incorrect > * { background: #fff5f4; }
figure { margin: .5rem 0; }
figure svg { width: 100%; height: auto; display: block; }
.legend { display: flex; flex-wrap: wrap; gap: .3rem 1.1rem; font-size: .85rem; margin: .3rem 0; }
.swatch { display: inline-block; width: 1.4em; height: 1em; border-radius: 2px; margin-right: .35em; vertical-align: -0.15em; text-align: center; font-size: .8em; line-height: 1em; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
footer { margin-top: 2rem; font-size: .8rem; }
@media (max-width: 40rem) {
  body { padding: .5rem .5rem 2rem; }
  .result { padding: .2rem .5rem 1rem; }
  table.steps { table-layout: auto; font-size: .85rem; }
  table.steps th { width: auto !important; }
  th, td { padding: .25rem .3rem; }
  /* The network picture keeps the size it has on a wide screen (its smallest labels about 9 px, not 4)
     and scrolls sideways inside its own box, the page does not. */
  figure.network { overflow-x: auto; -webkit-overflow-scrolling: touch; }
  figure.network svg { width: 1064px; max-width: none; }
  /* Short headers, section names and marks never break inside a word. */
  th, .mark, table.sections td:first-child, table.sections th { white-space: nowrap; }
  table.steps td.step { overflow-wrap: normal; word-break: keep-all; }
  /* The mark alone on a phone; the word stays for screen readers. */
  .mark .word { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); }
}
@media print {
  html { background: #fff; font-size: 10pt; }
  body { max-width: none; padding: 0; }
  .no-print, .drop, .actions, .langs, #status, footer { display: none !important; }
  .result { border: 0; padding: 0; margin: 0; }
  h2, h3, h4 { break-after: avoid; }
  tr, figure { break-inside: avoid; }
  tr.st-incorrect > * { background: none; }
  th { background: none; border-bottom: 1.5px solid #000; }
  a { color: inherit; text-decoration: none; }
}
`;
