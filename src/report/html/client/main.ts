/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The report client: reads the inlined JSON and builds the page with DOM calls (data as text only): the
// summary, the graph, one section per network (timeline, hashtag shares, signals and chance, indicators,
// accounts, evidence), the candidates set aside as within chance, and the methods. Bundled into report.html by esbuild (client-bundle.ts).
import type { ReportData } from '../report-data.js';
import { el } from './_dom.js';
import { renderGraph } from './graph.js';
import { renderMethods } from './methods.js';
import { renderNetwork } from './network.js';
import { renderSetAside } from './set-aside.js';
import { renderSummary } from './summary.js';

function main(): void {
  const root = document.getElementById('report');
  const source = document.getElementById('lockstep-data');
  if (root === null || source === null) return;
  const data = JSON.parse(source.textContent ?? '{}') as ReportData;
  const graph = renderGraph(data);
  root.append(...renderSummary(data));
  root.append(
    el('h2', { id: 'graph' }, 'Network graph'),
    el(
      'p',
      { class: 'note' },
      `Every account of every reported network; colour is the network, size its centrality (strength within the ` +
        `network over the network's largest). `,
      el('span', { class: 'screen-only' }, 'Drag to move, scroll to zoom. '),
      `Layout: ForceAtlas2, computed when the report was written. Edges drawn: the strongest ` +
        `${data.limits.maxDrawnEdges.toLocaleString('en-US')} per network.`,
    ),
    graph.element,
  );
  graph.start();
  const width = Math.min(1120, Math.max(480, root.clientWidth - 10));
  for (const n of data.networks) root.append(renderNetwork(data, n, width, graph));
  root.append(...renderSetAside(data));
  root.append(...renderMethods(data));
  openDetailsForPrint();
}

/**
 * Opens every closed <details> while printing and closes them after. The stylesheet opens them on paper in
 * browsers that style ::details-content (Chromium 131, Safari 18.4); this does it in the others.
 */
function openDetailsForPrint(): void {
  let opened: HTMLDetailsElement[] = [];
  window.addEventListener('beforeprint', () => {
    opened = [...document.querySelectorAll('details')].filter((d) => !d.open);
    for (const d of opened) d.open = true;
  });
  window.addEventListener('afterprint', () => {
    for (const d of opened) d.open = false;
    opened = [];
  });
}

if (document.readyState === 'loading') document.addEventListener('DOMContentLoaded', main);
else main();
