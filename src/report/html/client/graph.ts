/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
// The networks' graph with sigma.js (WebGL): positions come from the report (ForceAtlas2 at writing time), so
// the browser only draws. Colour is the network, size the account's centrality. Buttons focus one network;
// before printing, the canvases are copied into an image, since a WebGL canvas may print blank.
import { UndirectedGraph } from 'graphology';
import Sigma from 'sigma';
import type { ReportData } from '../report-data.js';
import { revealInvisibles } from '../visible-text.js';
import { el, partsNodes } from './_dom.js';
import { networkColor } from './_format.js';
import { labelOf } from './story.js';

export interface GraphView {
  element: HTMLElement;
  /** Draws the graph once its container is in the page. */
  start(): void;
  /** Shows network `id` alone, centred (0 for all). */
  focus(id: number): void;
}

export function renderGraph(data: ReportData): GraphView {
  const container = el('div', { class: 'graph', role: 'img', 'aria-label': 'graph of the networks' });
  const snapshot = el('img', { class: 'graph-print', alt: 'graph of the networks' });
  snapshot.hidden = true;
  const bar = el('div', { class: 'graph-bar' });
  const element = el('div', null, bar, container, snapshot);
  const graph = new UndirectedGraph({ allowSelfLoops: false });
  data.graph.nodes.forEach((n, i) => {
    graph.addNode(String(i), {
      x: n.x,
      y: n.y,
      size: 2.5 + 9 * Math.max(0, Math.min(1, n.centrality)),
      color: networkColor(n.network),
      label: revealInvisibles(n.label),
      network: n.network,
    });
  });
  const maxWeight = data.graph.edges.reduce((m, e) => Math.max(m, e[2]), 1e-9);
  for (const [s, t, w] of data.graph.edges) {
    const [a, b] = [String(s), String(t)];
    if (a === b || graph.hasEdge(a, b)) continue;
    graph.addEdge(a, b, { size: 0.4 + 1.6 * (w / maxWeight), color: '#c3c8d0' });
  }
  let sigma: Sigma | null = null;
  let focused = 0;
  const buttons: HTMLButtonElement[] = [];
  const press = (id: number) => {
    for (const b of buttons) b.setAttribute('aria-pressed', String(Number(b.value) === id));
  };
  const focus = (id: number) => {
    focused = id;
    press(id);
    if (sigma === null) return;
    sigma.refresh();
    const camera = sigma.getCamera();
    if (id === 0) {
      camera.animatedReset({ duration: 300 });
      return;
    }
    // The network's nodes in viewport-independent framed coordinates: centre the camera on them.
    let [x, y, k] = [0, 0, 0];
    const xs: number[] = [];
    const ys: number[] = [];
    graph.forEachNode((node, attrs) => {
      if (attrs.network !== id) return;
      const p = sigma?.getNodeDisplayData(node);
      if (p === undefined) return;
      x += p.x;
      y += p.y;
      xs.push(p.x);
      ys.push(p.y);
      k++;
    });
    if (k === 0) return;
    const span = (v: number[]) =>
      v.reduce((m, a) => Math.max(m, a), -Infinity) - v.reduce((m, a) => Math.min(m, a), Infinity);
    const extent = Math.max(span(xs), span(ys), 0.02);
    camera.animate({ x: x / k, y: y / k, ratio: Math.min(1, extent * 1.3) }, { duration: 300 });
  };
  for (const id of [0, ...data.networks.map((n) => n.id)]) {
    const b = el('button', { type: 'button', value: String(id) });
    if (id > 0) b.append(el('span', { class: 'swatch' }));
    const swatch = b.querySelector('span');
    if (swatch !== null) swatch.style.background = networkColor(id);
    const n = data.networks.find((x) => x.id === id);
    b.append(...(n === undefined ? ['All networks'] : partsNodes(labelOf(n))));
    b.addEventListener('click', () => focus(id));
    buttons.push(b);
    bar.append(b);
  }
  press(0);
  const start = () => {
    if (sigma !== null || graph.order === 0) return;
    sigma = new Sigma(graph, container, {
      renderEdgeLabels: false,
      labelRenderedSizeThreshold: 9,
      labelFont: 'system-ui, sans-serif',
      zIndex: true,
      nodeReducer: (_node, attrs) =>
        focused === 0 || attrs.network === focused ? attrs : { ...attrs, color: '#e6e8eb', label: null },
      edgeReducer: (edge, attrs) => {
        if (focused === 0) return attrs;
        const src = graph.getNodeAttribute(graph.source(edge), 'network');
        return src === focused ? attrs : { ...attrs, hidden: true };
      },
    });
  };
  printAsImage(() => sigma, container, snapshot);
  return { element, start, focus };
}

/**
 * Prints the graph: a WebGL canvas prints blank, so before printing its pixels are copied into an image
 * shown in its place (right after a synchronous render they can still be read), and put back after.
 */
export function printAsImage(
  current: () => Sigma | null,
  container: HTMLElement,
  snapshot: HTMLImageElement,
): void {
  window.addEventListener('beforeprint', () => {
    const sigma = current();
    if (sigma === null) return;
    sigma.refresh();
    const canvases = Object.values(sigma.getCanvases());
    const first = canvases[0];
    if (first === undefined) return;
    const out = document.createElement('canvas');
    out.width = first.width;
    out.height = first.height;
    const ctx = out.getContext('2d');
    if (ctx === null) return;
    ctx.fillStyle = '#fcfcfd';
    ctx.fillRect(0, 0, out.width, out.height);
    for (const c of canvases) ctx.drawImage(c, 0, 0);
    snapshot.src = out.toDataURL('image/png');
    snapshot.hidden = false;
    container.hidden = true;
  });
  window.addEventListener('afterprint', () => {
    snapshot.hidden = true;
    container.hidden = false;
  });
}
