// Detection end to end over a store: signals -> fused graph -> Louvain communities -> chance model. Returns
// the networks beyond chance (members as working-set account ids) together with every candidate's score and
// the parameters used, so the report can say what was tested and what was set aside.

import { computeSignals, SIGNAL_DEFAULTS, type SignalOptions, type SignalRun } from '../signals/index.js';
import type { Store } from '../store/index.js';
import {
  CHANCE_DEFAULTS,
  type ChanceOptions,
  type ChanceResult,
  type MemberChance,
  scoreAgainstChance,
  scoreMembers,
} from './chance.js';
import { COMMUNITY_DEFAULTS, type CommunityOptions, findCommunities } from './communities.js';

export const DETECT_DEFAULTS = {
  ...SIGNAL_DEFAULTS,
  ...COMMUNITY_DEFAULTS,
  ...CHANCE_DEFAULTS,
  /** A pair of accounts is an edge only when it rests on at least this many distinct shared items. */
  minSharedItems: 3,
  /**
   * ... and only when those items are spread over at least this long: one moment, however many items it
   * holds (a pre-announced tweetstorm shares a tag, a text and five mentions at once), is one event, and
   * coordination shows in repeated events.
   */
  minSpreadSeconds: 4 * 3600,
  /** Rounds of pruning members whose own co-activity with their network is within chance. */
  pruneRounds: 3,
};
export type DetectOptions = SignalOptions &
  CommunityOptions &
  ChanceOptions & { minSharedItems: number; minSpreadSeconds: number; pruneRounds: number };

export interface Candidate {
  /** Working-set account ids (aid), sorted. */
  members: number[];
  /** Accounts Louvain put in this community whose own ties to it chance explains (set aside). */
  pruned: number[];
  memberChance: Map<number, MemberChance>;
  chance: ChanceResult;
  beyondChance: boolean;
}

export interface Detection {
  parameters: DetectOptions;
  signals: SignalRun;
  graph: Awaited<ReturnType<typeof findCommunities>>['graph'];
  graphFigures: { nodes: number; edges: number; modularity: number; candidates: number };
  /** Candidates in order (size, then first id); the reported networks are those beyond chance. */
  candidates: Candidate[];
  seconds: Record<string, number>;
}

export async function detectNetworks(
  store: Store,
  options: Partial<DetectOptions> = {},
  onStage: (stage: string) => void = () => {},
): Promise<Detection> {
  const parameters: DetectOptions = { ...DETECT_DEFAULTS, ...options };
  const seconds: Record<string, number> = {};
  let began = performance.now();
  const lap = (name: string) => {
    const now = performance.now();
    seconds[name] = Math.round(now - began) / 1000;
    began = now;
  };
  const signals = await computeSignals(
    store,
    parameters,
    parameters.minSharedItems,
    parameters.minSpreadSeconds,
    onStage,
  );
  lap('signals');
  onStage('communities');
  const communities = await findCommunities(store, parameters);
  lap('communities');
  onStage('chance');
  // First every community as Louvain found it. Louvain assigns every node somewhere, so a coordinated core
  // comes with accounts that touched its items a few times: in a community beyond chance, members whose own
  // co-activity is within chance are trimmed and the community rescored. Only communities beyond chance as
  // found are trimmed; trimming any group down to its most active members would manufacture a 'core'.
  const networkLevel = {
    minZScore: parameters.minZScore,
    minRatio: parameters.minRatio,
    minGroups: parameters.minSharedItems,
  };
  const memberLevel = {
    minZScore: parameters.minMemberZScore,
    minRatio: parameters.minMemberRatio,
    minGroups: parameters.minMemberGroups,
  };
  await writeMembership(store, communities.groups);
  const found = await scoreAgainstChance(store, networkLevel);
  const candidates: Candidate[] = communities.groups.map((members, net) => {
    const chance = found.get(net) ?? emptyChance();
    return { members, pruned: [], memberChance: new Map(), chance, beyondChance: chance.binding.length > 0 };
  });
  let trimmed = candidates.filter((c) => c.beyondChance);
  for (let round = 0; round < parameters.pruneRounds && trimmed.length > 0; round++) {
    await writeMembership(
      store,
      trimmed.map((c) => c.members),
    );
    const members = await scoreMembers(store, memberLevel);
    let changed = false;
    trimmed.forEach((c, net) => {
      const scores = members.get(net) ?? new Map<number, MemberChance>();
      c.memberChance = scores;
      const kept = c.members.filter((aid) => scores.get(aid)?.beyondChance === true);
      if (kept.length === c.members.length) return;
      changed = true;
      c.pruned = [...c.pruned, ...c.members.filter((aid) => !scores.get(aid)?.beyondChance)].sort(
        (x, y) => x - y,
      );
      c.members = kept;
    });
    if (!changed) break;
    for (const c of trimmed) if (c.members.length < parameters.minAccounts) c.beyondChance = false;
    trimmed = trimmed.filter((c) => c.beyondChance);
    await writeMembership(
      store,
      trimmed.map((c) => c.members),
    );
    const rescored = await scoreAgainstChance(store, networkLevel);
    trimmed.forEach((c, net) => {
      c.chance = rescored.get(net) ?? emptyChance();
      c.beyondChance = c.chance.binding.length > 0;
    });
    trimmed = trimmed.filter((c) => c.beyondChance);
  }
  lap('chance');
  return {
    parameters,
    signals,
    graph: communities.graph,
    graphFigures: {
      nodes: communities.nodes,
      edges: communities.edges,
      modularity: Math.round(communities.modularity * 1e6) / 1e6,
      candidates: candidates.length,
    },
    candidates,
    seconds,
  };
}

const emptyChance = (): ChanceResult => ({
  observed: 0,
  expected: 0,
  zScore: 0,
  ratio: 0,
  binding: [],
  perSignal: {},
});

async function writeMembership(store: Store, groups: number[][]): Promise<void> {
  await store.run(`CREATE OR REPLACE TEMP TABLE _m (aid INTEGER, net INTEGER)`);
  const appender = await store.con.createAppender('_m', 'main', 'temp');
  groups.forEach((group, net) => {
    for (const aid of group) {
      appender.appendInteger(aid);
      appender.appendInteger(net);
      appender.endRow();
    }
  });
  appender.closeSync();
}
