// The report's one stylesheet (its SHA-256 goes into the page's Content-Security-Policy). Plot's own
// <style> element is removed by the client, so the rules it would add are here. Print rules hide the
// controls, open every <details> (a collapsed list or table cannot be opened on paper), keep table rows and
// posts whole on a page, and print the swatches and bars that are backgrounds (which browsers drop by default).
export const REPORT_CSS = `
:root { color-scheme: light; --ink: #1d1d1f; --muted: #5f6368; --line: #d9dce1; --bg: #fff; --soft: #f5f6f8; }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Vazirmatn", Tahoma, sans-serif; color: var(--ink); background: var(--bg); }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 64px; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 20px; margin: 36px 0 10px; padding-top: 8px; border-top: 2px solid var(--ink); }
h3 { font-size: 15px; margin: 22px 0 8px; }
p { margin: 6px 0; }
.muted, .note { color: var(--muted); }
.note { font-size: 12.5px; }
.warning { border-inline-start: 4px solid #b45309; background: #fff7ed; padding: 6px 10px; }
.lead { font-size: 15px; }
.noscript { padding: 20px; }
table { border-collapse: collapse; width: 100%; margin: 6px 0 10px; font-size: 13px; }
th, td { border-bottom: 1px solid var(--line); padding: 4px 8px; text-align: start; vertical-align: top; }
th { background: var(--soft); font-weight: 600; }
td.num, th.num { text-align: end; font-variant-numeric: tabular-nums; }
td.num { white-space: nowrap; }
[dir] { unicode-bidi: isolate; }
.data { overflow-wrap: break-word; }
.nowrap { white-space: nowrap; }
.cf-mark { unicode-bidi: isolate; color: #a61b1b; background: #fde8e8; border-radius: 2px; padding: 0 1px; font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 0.75em; font-weight: 400; }
code, .mono { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: 12.5px; }
.hash { overflow-wrap: anywhere; }
.inputs tbody tr:first-child td { border-bottom: 0; }
.inputs .hash-row td { padding-top: 0; color: var(--muted); font-size: 12px; }
.swatch { display: inline-block; width: 11px; height: 11px; border-radius: 50%; margin-inline-end: 6px; vertical-align: -1px; }
.chips { display: flex; flex-wrap: wrap; gap: 6px; margin: 6px 0; }
.chip { border: 1px solid var(--line); border-radius: 12px; padding: 1px 9px; background: var(--soft); font-size: 12.5px; }
.chip.bind { border-color: #1f6f3f; background: #e6f4ea; }
.cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(160px, 1fr)); gap: 10px; margin: 10px 0; }
.card { border: 1px solid var(--line); border-radius: 6px; padding: 8px 10px; }
.card .v { font-size: 20px; font-weight: 600; }
.card .k { color: var(--muted); font-size: 12px; }
.graph { position: relative; width: 100%; height: 520px; border: 1px solid var(--line); border-radius: 6px; background: #fcfcfd; }
.graph-bar { display: flex; flex-wrap: wrap; gap: 6px; margin: 8px 0; }
button { font: inherit; font-size: 12.5px; border: 1px solid var(--line); background: var(--bg); border-radius: 4px; padding: 2px 10px; cursor: pointer; }
button:hover, button[aria-pressed="true"] { background: var(--soft); border-color: var(--ink); }
.network { break-before: page; }
.share { display: grid; grid-template-columns: minmax(120px, 220px) 1fr; gap: 4px 12px; align-items: center; margin: 4px 0; }
.bar { height: 10px; background: var(--soft); border-radius: 2px; overflow: hidden; }
.bar > span { display: block; height: 100%; }
.share-cell { display: flex; align-items: center; gap: 8px; min-width: 150px; }
.share-cell .bar { flex: 1; min-width: 60px; }
.share-cell .num { min-width: 3.2em; text-align: end; }
.evidence { display: grid; grid-template-columns: 1fr 1fr; gap: 8px 14px; margin: 10px 0 4px; padding: 10px; border: 1px solid var(--line); border-radius: 6px; break-inside: avoid; }
.evidence .head { grid-column: 1 / -1; font-size: 12.5px; color: var(--muted); }
.post { background: var(--soft); border-radius: 4px; padding: 6px 8px; min-width: 0; }
.post .meta { font-size: 12px; color: var(--muted); margin-bottom: 3px; }
.text { white-space: pre-wrap; }
td .text { overflow-wrap: anywhere; }
.story { display: grid; grid-template-columns: minmax(0, 5fr) minmax(0, 6fr); gap: 10px 22px; margin: 14px 0; padding: 12px 14px; border: 1px solid var(--line); border-radius: 6px; break-inside: avoid; }
.story h3 { margin: 0 0 6px; font-size: 16px; }
.story h3 a { color: inherit; text-decoration: none; }
.quote { font-size: 16px; line-height: 1.5; }
.story-evidence > .k { font-size: 12px; color: var(--muted); margin-bottom: 4px; }
.evidence.stacked { grid-template-columns: minmax(0, 1fr); margin: 0; padding: 8px; }
@media (max-width: 900px) { .story { grid-template-columns: minmax(0, 1fr); } }
.plot { margin: 6px 0; }
.plot svg { display: block; height: auto; max-width: 100%; overflow: visible; }
.plot svg text, .plot svg tspan { white-space: pre; }
.scroll { max-height: 420px; overflow: auto; border: 1px solid var(--line); border-radius: 6px; }
.scroll table { margin: 0; }
.scroll th { position: sticky; top: 0; }
.print-only { display: none; }
[hidden] { display: none !important; }
.graph-print { width: 100%; height: auto; border: 1px solid var(--line); }
details summary { cursor: pointer; color: var(--muted); }
@page { margin: 12mm 10mm; }
@media print {
  body { font-size: 13px; }
  main { max-width: none; padding: 0; }
  .quote { font-size: 14.5px; }
  .evidence { padding: 6px; gap: 6px 10px; margin: 6px 0 2px; }
  .post { padding: 4px 6px; }
  .post .text { font-size: 12px; }
  button, .graph-bar { display: none; }
  .scroll { max-height: none; overflow: visible; border: 0; }
  h2, h3, h3 + .note { break-after: avoid; }
  .graph { break-inside: avoid; }
  details::details-content { content-visibility: visible; }
  summary { list-style: none; cursor: auto; }
  summary::-webkit-details-marker { display: none; }
  tr, .card, .post, .share-cell { break-inside: avoid; }
  thead { display: table-header-group; }
  .scroll th { position: static; }
  table { font-size: 11.5px; }
  th, td { padding: 3px 5px; }
  .screen-only { display: none; }
  .print-only { display: block; }
  .swatch, .bar, .bar > span, .chip, .warning, .cf-mark, th { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;
