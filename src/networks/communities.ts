// The fused account graph and its groups. Pairs that rest on enough shared items (the _edge table) become
// weighted edges (a pair's weight: the rarity of the items it shares, src/signals/_pairs.ts). The graph is cut
// into groups by Leiden with the constant Potts model (CPM; Traag, Van Dooren & Nesterov 2011, "Narrow scope
// for resolution-limit-free community detection"; Traag, Waltman & van Eck 2019, "From Louvain to Leiden"),
// through CWTS's own TypeScript port of their reference implementation (networkanalysis-ts). Under CPM a
// group is worth keeping together when its pairs' mean edge weight exceeds the resolution, whatever the size
// of the rest of the graph: a small dense cell inside a large sparse crowd stays its own group, which
// modularity (Louvain) cannot promise (Fortunato & Barthelemy 2007). Groups smaller than minAccounts are
// dropped. The node order, the edge order and the random source are fixed, so the partition is reproducible.
import { UndirectedGraph } from 'graphology';
import modularityModule from 'graphology-metrics/graph/modularity.js';
import { ANALYZE_DEFAULTS } from '../settings/index.js';
import type { Store } from '../store/index.js';
import { leidenCpm } from './_leiden.js';

// A CommonJS package: under Node's ESM loader its default import is module.exports, the function itself.
const modularity = modularityModule as unknown as typeof modularityModule.default;

/** minAccounts (smaller groups are not networks), resolution (CPM, edge-weight units), seed: see src/settings. */
export const COMMUNITY_DEFAULTS = { ...ANALYZE_DEFAULTS.communities };
export type CommunityOptions = typeof COMMUNITY_DEFAULTS;

export interface Communities {
  graph: UndirectedGraph;
  /** Candidate groups of account ids (aid), each sorted, the groups ordered by size then first id. */
  groups: number[][];
  /** Newman's modularity of the partition, as a figure to compare runs by (it plays no part in the cut). */
  modularity: number;
  nodes: number;
  edges: number;
}

export async function findCommunities(store: Store, options: CommunityOptions): Promise<Communities> {
  const rows = await store.all<{ a: number; c: number; weight: number; items: number }>(
    `SELECT a, c, weight, items FROM _edge WHERE weight > 0 ORDER BY a, c`,
  );
  const graph = new UndirectedGraph({ multi: false, allowSelfLoops: false });
  for (const r of rows) {
    const a = String(r.a);
    const c = String(r.c);
    graph.mergeNode(a);
    graph.mergeNode(c);
    // DuckDB sums a pair's weights in parallel, so their last bits vary from run to run; Leiden's moves
    // compare sums of weights, and a difference in the last bit can tip one (the same data gave different
    // groups in one run of three). Six decimals keep every difference that means anything.
    graph.addUndirectedEdge(a, c, {
      weight: Math.round(Number(r.weight) * 1e6) / 1e6,
      items: Number(r.items),
    });
  }
  if (graph.order === 0) return { graph, groups: [], modularity: 0, nodes: 0, edges: 0 };
  const assigned = cpmPartition(graph, options.resolution, options.seed);
  const q =
    graph.size > 0
      ? modularity(graph, { getNodeCommunity: (node) => assigned[node] ?? -1, getEdgeWeight: 'weight' })
      : 0;
  return {
    graph,
    groups: groupsOf(assigned, options.minAccounts),
    modularity: q,
    nodes: graph.order,
    edges: graph.size,
  };
}

/**
 * Leiden-CPM groups (of at least minAccounts, sorted as `groupsOf`) of the graph without the accounts of
 * `without`, at `resolution` in edge-weight units (a resolution of 0 gives the connected parts).
 */
export function cpmGroups(
  graph: UndirectedGraph,
  resolution: number,
  seed: number,
  minAccounts: number,
  without: Set<number> = new Set(),
): number[][] {
  return groupsOf(cpmPartition(graph, resolution, seed, without), minAccounts);
}

function cpmPartition(
  graph: UndirectedGraph,
  resolution: number,
  seed: number,
  without: Set<number> = new Set(),
): Record<string, number> {
  const ids = graph.nodes().filter((id) => !without.has(Number(id)));
  const index = new Map(ids.map((id, i) => [id, i]));
  const edges: Array<{ a: number; c: number; weight: number }> = [];
  graph.forEachEdge((_edge, attributes, a, c) => {
    const ia = index.get(a);
    const ic = index.get(c);
    if (ia !== undefined && ic !== undefined) edges.push({ a: ia, c: ic, weight: Number(attributes.weight) });
  });
  const assigned: Record<string, number> = {};
  if (ids.length === 0) return assigned;
  // CPM at a resolution of exactly 0 would leave the partition where it starts; a tiny one joins every edge.
  const clusters = leidenCpm(ids.length, edges, Math.max(resolution, 1e-9), seed);
  ids.forEach((id, i) => {
    assigned[id] = clusters[i] as number;
  });
  return assigned;
}

/**
 * A node-to-group assignment as groups of account ids of at least `minAccounts`, each sorted, the groups
 * ordered by size then first id.
 */
function groupsOf(assigned: Record<string, number>, minAccounts: number): number[][] {
  const byCommunity = new Map<number, number[]>();
  for (const [node, community] of Object.entries(assigned)) {
    const list = byCommunity.get(community) ?? [];
    if (list.length === 0) byCommunity.set(community, list);
    list.push(Number(node));
  }
  return [...byCommunity.values()]
    .filter((g) => g.length >= minAccounts)
    .map((g) => g.sort((x, y) => x - y))
    .sort((x, y) => y.length - x.length || (x[0] as number) - (y[0] as number));
}
