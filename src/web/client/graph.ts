/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// One network's graph with sigma.js (WebGL). Positions come from the server (ForceAtlas2, computed once per
// network and cached), so the browser only draws, which keeps 10,000-node networks interactive. Size is
// centrality; clicking a node opens its account. Before printing, the canvases are copied into an image.
import { UndirectedGraph } from 'graphology';
import Sigma from 'sigma';
import { el } from '../../report/html/client/_dom.js';
import { networkColor } from '../../report/html/client/_format.js';
import { printAsImage } from '../../report/html/client/graph.js';
import { revealInvisibles } from '../../report/html/visible-text.js';
import type { NetworkPayload } from '../views/network.js';
import { accountPath } from './_links.js';

/** Networks of at most this many accounts have every node labelled. */
const SMALL_GRAPH_NODES = 60;

export function renderGraph(p: NetworkPayload): { element: HTMLElement; start(): void } {
  const container = el('div', {
    class: 'graph',
    role: 'img',
    'aria-label': `graph of network ${p.network.id}`,
  });
  const snapshot = el('img', { class: 'graph-print', alt: `graph of network ${p.network.id}` });
  snapshot.hidden = true;
  const element = el('div', null, container, snapshot);
  const graph = new UndirectedGraph({ allowSelfLoops: false });
  const color = networkColor(p.network.id);
  p.graph.nodes.forEach((n, i) => {
    graph.addNode(String(i), {
      x: n.x,
      y: n.y,
      size: 3 + 10 * Math.max(0, Math.min(1, n.centrality)),
      color,
      label: revealInvisibles(n.label),
      key: n.key,
    });
  });
  const maxWeight = p.graph.edges.reduce((m, e) => Math.max(m, e[2]), 1e-9);
  for (const [s, t, w] of p.graph.edges) {
    const [a, b] = [String(s), String(t)];
    if (a === b || graph.hasEdge(a, b)) continue;
    graph.addEdge(a, b, { size: 0.4 + 1.6 * (w / maxWeight), color: '#c3c8d0' });
  }
  let sigma: Sigma | null = null;
  const start = () => {
    if (sigma !== null || graph.order === 0) return;
    sigma = new Sigma(graph, container, {
      renderEdgeLabels: false,
      // A small network shows every name; a large one those of its larger nodes (more would overlap).
      labelRenderedSizeThreshold: graph.order <= SMALL_GRAPH_NODES ? 0 : 8,
      labelFont: 'system-ui, sans-serif',
      zIndex: true,
    });
    sigma.on('clickNode', ({ node }) => {
      location.assign(accountPath(String(graph.getNodeAttribute(node, 'key'))));
    });
    sigma.on('enterNode', () => container.classList.add('pointer'));
    sigma.on('leaveNode', () => container.classList.remove('pointer'));
  };
  printAsImage(() => sigma, container, snapshot);
  return { element, start };
}
