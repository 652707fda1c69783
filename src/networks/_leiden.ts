// Leiden with the constant Potts model (Traag, Van Dooren & Nesterov 2011, "Narrow scope for
// resolution-limit-free community detection"; Traag, Waltman & van Eck 2019, "From Louvain to Leiden"),
// through CWTS's own TypeScript port of their reference implementation (networkanalysis-ts). Under CPM a
// group is a community when its pairs' mean edge weight exceeds the resolution, whatever the size of the
// rest of the graph, so a small dense network inside a large sparse crowd stays its own community.
import Random from 'java-random';
import { Clustering, LeidenAlgorithm, Network } from 'networkanalysis-ts';

export interface WeightedEdge {
  a: number;
  c: number;
  weight: number;
}

/**
 * Clusters nodes 0..n-1 by Leiden-CPM at `resolution` (in edge-weight units: the least mean weight per pair
 * of a community), seeded. Returns each node's cluster index.
 */
export function leidenCpm(n: number, edges: WeightedEdge[], resolution: number, seed: number): number[] {
  const network = new Network({
    nNodes: n,
    nodeWeights: new Array<number>(n).fill(1),
    edges: [edges.map((e) => e.a), edges.map((e) => e.c)],
    edgeWeights: edges.map((e) => e.weight),
    sortedEdges: false,
    checkIntegrity: false,
  });
  const algorithm = new LeidenAlgorithm();
  algorithm.initializeBasedOnResolutionAndNIterationsAndRandomnessAndRandom(
    resolution,
    LEIDEN_ITERATIONS,
    LeidenAlgorithm.DEFAULT_RANDOMNESS,
    new Random(seed),
  );
  const clustering = new Clustering({ nNodes: n });
  algorithm.improveClustering(network, clustering);
  return [...clustering.clusters];
}

/** Leiden iterations: each refines the last; past a handful the partition rarely changes. */
const LEIDEN_ITERATIONS = 10;
