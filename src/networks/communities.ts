// The fused account graph and its communities. Pairs that rest on enough shared items (the _edge table)
// become weighted edges; Louvain (Blondel et al. 2008, "Fast unfolding of communities in large networks";
// graphology's implementation) splits the graph into communities, and groups smaller than minAccounts are
// dropped. The edge order and the random source are fixed, so the partition is reproducible.
import { UndirectedGraph } from 'graphology';
import louvainModule from 'graphology-communities-louvain';
import { ANALYZE_DEFAULTS } from '../settings/index.js';
import type { Store } from '../store/index.js';
import { seededRandom } from './_rng.js';

// A CommonJS package: under Node's ESM loader its default import is module.exports, the function itself.
const louvain = louvainModule as unknown as typeof louvainModule.default;

/** minAccounts (smaller communities are not networks), resolution, seed: declared in src/settings. */
export const COMMUNITY_DEFAULTS = { ...ANALYZE_DEFAULTS.communities };
export type CommunityOptions = typeof COMMUNITY_DEFAULTS;

export interface FusedEdge {
  a: number;
  c: number;
  weight: number;
  items: number;
}

export interface Communities {
  graph: UndirectedGraph;
  /** Candidate groups of account ids (aid), each sorted, the groups ordered by size then first id. */
  groups: number[][];
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
    graph.addUndirectedEdge(a, c, { weight: Number(r.weight), items: Number(r.items) });
  }
  if (graph.order === 0) return { graph, groups: [], modularity: 0, nodes: 0, edges: 0 };
  const detailed = louvain.detailed(graph, {
    getEdgeWeight: 'weight',
    resolution: options.resolution,
    rng: seededRandom(options.seed),
  });
  const groups = groupsOf(detailed.communities, options.minAccounts);
  return { graph, groups, modularity: detailed.modularity, nodes: graph.order, edges: graph.size };
}

/**
 * Louvain's node-to-community assignment as groups of account ids of at least `minAccounts`, each sorted,
 * the groups ordered by size then first id.
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

/**
 * Louvain run again inside one community (its induced subgraph, same resolution and seed): the groups it
 * finds of at least minAccounts, or none when it finds no split.
 */
export function subCommunities(
  graph: UndirectedGraph,
  members: number[],
  options: CommunityOptions,
): number[][] {
  const keep = new Set(members.map(String));
  const sub = new UndirectedGraph({ multi: false, allowSelfLoops: false });
  for (const node of keep) sub.addNode(node);
  graph.forEachEdge((_edge, attributes, a, c) => {
    if (keep.has(a) && keep.has(c)) sub.addUndirectedEdge(a, c, attributes);
  });
  if (sub.size === 0) return [];
  const assigned: Record<string, number> = louvain(sub, {
    getEdgeWeight: 'weight',
    resolution: options.resolution,
    rng: seededRandom(options.seed),
  });
  return new Set(Object.values(assigned)).size < 2 ? [] : groupsOf(assigned, options.minAccounts);
}
