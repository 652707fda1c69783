// Graph layout for the report, computed once when the report is written so the browser only draws: each
// network laid out on its own with ForceAtlas2 (Jacomy et al. 2014, graphology-layout-forceatlas2) for a
// fixed number of iterations from a circular start in member order (so the same run gives the same
// positions), then the networks packed side by side in rows, each scaled by the square root of its size.
import { UndirectedGraph } from 'graphology';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import type { NetworkAccount } from '../../networks/index.js';
import { accountLabel } from '../labels.js';
import type { RunEdge } from './_run-files.js';

// The package is CommonJS; under NodeNext its default import is the function with its helpers attached.
const forceAtlas2 = forceAtlas2Module as unknown as typeof forceAtlas2Module.default;

export interface LayoutNode {
  key: string;
  label: string;
  network: number;
  x: number;
  y: number;
  centrality: number;
}

/**
 * `networks` as networks.json has them; a member with no edge (`memberEvidence`, absent in older run folders)
 * is held by a link to the member it shares the most with, as weak as the network's weakest edge, so that
 * ForceAtlas2 does not push it far out and squash the rest into a dot.
 */
export function layoutNetworks(
  networks: ReadonlyArray<{
    id: number;
    accounts: NetworkAccount[];
    memberEvidence?: ReadonlyArray<{ account: string; with: string }>;
  }>,
  edges: ReadonlyMap<number, RunEdge[]>,
  iterations: number,
): { nodes: LayoutNode[] } {
  const nodes: LayoutNode[] = [];
  // Shelf packing: networks in id order (largest first), rows about as wide as the total area's side.
  const sides = networks.map((n) => Math.sqrt(Math.max(1, n.accounts.length)) * 2.2);
  const rowWidth = sides.reduce(
    (m, x) => Math.max(m, x),
    Math.sqrt(sides.reduce((s, x) => s + x * x, 0)) * 1.6,
  );
  let cx = 0;
  let cy = 0;
  let rowHeight = 0;
  networks.forEach((n, k) => {
    const side = sides[k] ?? 1;
    if (cx > 0 && cx + side > rowWidth) {
      cx = 0;
      cy += rowHeight;
      rowHeight = 0;
    }
    const own = edges.get(n.id) ?? [];
    const weakest = own.reduce((m, e) => Math.min(m, e.weight), 1);
    const links = (n.memberEvidence ?? []).map((m) => ({
      source: m.account,
      target: m.with,
      weight: weakest,
    }));
    const positions = layoutOne(n.accounts, [...own, ...links], iterations);
    for (const [i, a] of n.accounts.entries()) {
      const p = positions[i] ?? { x: 0, y: 0 };
      nodes.push({
        key: a.key,
        label: accountLabel(a),
        network: n.id,
        // Unit disc scaled to 45% of the cell, centred in it; y grows downwards as on the page.
        x: round(cx + side / 2 + p.x * side * 0.45),
        y: round(-(cy + side / 2 + p.y * side * 0.45)),
        centrality: a.centrality,
      });
    }
    cx += side;
    rowHeight = Math.max(rowHeight, side);
  });
  return { nodes };
}

/** Positions in the unit disc, aligned with `accounts`. */
function layoutOne(
  accounts: NetworkAccount[],
  edges: RunEdge[],
  iterations: number,
): Array<{ x: number; y: number }> {
  const n = accounts.length;
  if (n === 1) return [{ x: 0, y: 0 }];
  const graph = new UndirectedGraph();
  accounts.forEach((a, i) => {
    const angle = (2 * Math.PI * i) / n;
    graph.mergeNode(a.key, { x: Math.cos(angle), y: Math.sin(angle) });
  });
  for (const e of edges) {
    if (e.source === e.target || !graph.hasNode(e.source) || !graph.hasNode(e.target)) continue;
    graph.mergeEdge(e.source, e.target, { weight: e.weight });
  }
  if (graph.size > 0) {
    const settings = forceAtlas2.inferSettings(graph);
    // Barnes-Hut makes large networks affordable (n log n per iteration rather than n²).
    forceAtlas2.assign(graph, {
      iterations: n > 2000 ? Math.min(iterations, 50) : iterations,
      getEdgeWeight: 'weight',
      settings: { ...settings, barnesHutOptimize: n > 500 },
    });
  }
  const raw = accounts.map((a) => ({
    x: Number(graph.getNodeAttribute(a.key, 'x')),
    y: Number(graph.getNodeAttribute(a.key, 'y')),
  }));
  const mx = raw.reduce((s, p) => s + p.x, 0) / n;
  const my = raw.reduce((s, p) => s + p.y, 0) / n;
  const radius = raw.reduce((m, p) => Math.max(m, Math.hypot(p.x - mx, p.y - my)), 1e-9);
  return raw.map((p) => ({ x: (p.x - mx) / radius, y: (p.y - my) / radius }));
}

const round = (x: number) => Math.round(x * 1000) / 1000;
