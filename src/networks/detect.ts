// Detection end to end over a store, in four steps a statistician can check one by one:
//   1. signals: per signal, the touches (account, item, time window) and the account pairs that share items
//      (src/signals);
//   2. grouping: the fused pair graph cut into groups by Leiden with the constant Potts model, which has no
//      resolution limit, so an 8-account cell among 700 repliers stays its own group (communities.ts);
//   3. one decision per group (judge.ts): its co-activity against what independent accounts would give
//      (chance.ts) at the network level, then each member against the rest of its group, kept by Holm's
//      procedure at a family-wise level over the group's members; a group is reported when its kept members
//      still bind on what bound it;
//   4. the reference: independent accounts are modelled by the accounts outside the group.
// When nearly all activity is by accounts that co-act with someone (a collection of one operation), that
// reference is thin and may be the same campaign, whose parts then explain each other: the run says so, the
// groups are tested again with the accounts of the networks found left out of the others' reference until
// the networks found stay the same (a fixed point), and the accounts of each connected part of the graph
// that no network holds are judged together once more, against the accounts not in a network.
// docs/method.md gives the derivation, the levels and their limits.

import { ANALYZE_DEFAULTS } from '../settings/index.js';
import {
  computeSignals,
  SIGNAL_DEFAULTS,
  type SignalOptions,
  type SignalRun,
  windowSql,
} from '../signals/index.js';
import type { Store } from '../store/index.js';
import { writeGroups } from './_groups.sql.js';
import {
  ALIGNED,
  type Alignment,
  buildShiftedWindows,
  CHANCE_DEFAULTS,
  type ChanceOptions,
  type ChanceResult,
  type MemberChance,
  prepareFollowings,
  prepareWindows,
} from './chance.js';
import { COMMUNITY_DEFAULTS, type CommunityOptions, cpmGroups, findCommunities } from './communities.js';
import { judge } from './judge.js';

/**
 * Every stage's defaults, and detection's own (declared with their reasons in src/settings): minSharedItems
 * and minSpreadSeconds (an edge's shared items and their spread).
 */
export const DETECT_DEFAULTS = {
  ...SIGNAL_DEFAULTS,
  ...COMMUNITY_DEFAULTS,
  ...CHANCE_DEFAULTS,
  ...ANALYZE_DEFAULTS.detect,
};
export type DetectOptions = SignalOptions &
  CommunityOptions &
  ChanceOptions & {
    minSharedItems: number;
    minSpreadSeconds: number;
  };

export interface Candidate {
  /** Working-set account ids (aid), sorted. */
  members: number[];
  /** Accounts the grouping put in this group whose own co-activity with it chance explains (set aside). */
  pruned: number[];
  memberChance: Map<number, MemberChance>;
  chance: ChanceResult;
  beyondChance: boolean;
  /**
   * Set for a group judged as the rest of a connected part of the graph once the networks were taken out,
   * with their accounts left out of its reference: only when the reference is thin (see Population).
   */
  joined?: boolean;
}

/**
 * How much of the collection's activity is by accounts that co-act with someone (the fused graph's accounts).
 * The chance model compares a group with the accounts not shown to be coordinated; when nearly all activity
 * is by accounts of the graph (a takedown archive of one operation, a handful of channels), that reference is
 * thin and may be the same campaign: the run says so, and judges the rest of each connected part together.
 */
export interface Population {
  /**
   * Share of account-item touches (one per account, item and window) by those accounts (the name is kept from
   * when the share was of candidate groups' accounts, for the run folder's readers).
   */
  activityInCandidates: number;
  /** Set when that share reaches POPULATION_WARNING_SHARE. */
  warning: string | null;
}

/** From this share of activity by the graph's accounts, a run carries a warning. */
export const POPULATION_WARNING_SHARE = 0.9;

export interface Detection {
  parameters: DetectOptions;
  population: Population;
  signals: SignalRun;
  graph: Awaited<ReturnType<typeof findCommunities>>['graph'];
  graphFigures: { nodes: number; edges: number; modularity: number; candidates: number };
  /**
   * Candidates: the grouping's groups in order (size, then first id), then, when the reference is thin, the
   * rest of each connected part (`joined`); the reported networks are those beyond chance.
   */
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
  await prepareWindows(store, ALIGNED);
  await prepareFollowings(store);
  lap('signals');
  onStage('communities');
  const communities = await findCommunities(store, parameters);
  const groups = communities.groups;
  lap('communities');
  onStage('chance');
  const population = await populationOf(store, communities.graph.nodes().map(Number));
  // Members of small groups are tested in the signals' windows and in the same windows shifted by half, so
  // that posts an hour apart that straddle a window edge still meet; the second look pays a Bonferroni
  // factor of two.
  const alignments = [
    ALIGNED,
    await buildShiftedWindows(store, windowSql(parameters), parameters.windowSeconds),
  ];
  // Phase 1: the groups of the grouping, each against everyone else; with a thin reference, to the
  // reference's fixed point. With a population the fixed point is sound too, but it moves few accounts for
  // its cost: at 1M generated posts (blind generator, seed 33333) it made detection three times slower for
  // an F1 of 0.863 against 0.860 (docs/notebook/2026-12-07-detection.md, section 10).
  const thin = population.warning !== null;
  const fine = await fixedPoint(store, groups, [], parameters, alignments, thin ? REFERENCE_ROUNDS : 1);
  let candidates = fine;
  if (thin) {
    // Phase 2: the rest of each connected part of the graph once the networks of phase 1 are taken out (a
    // campaign the grouping cut into parts that each explain the other), with phase 1's networks left out of
    // its reference.
    const inNetwork = fine.flatMap((c) => (c.beyondChance ? [...c.members, ...c.pruned] : []));
    const kept = new Set(fine.flatMap((c) => (c.beyondChance ? c.members : [])));
    const seen = new Set(groups.map((g) => g.join(',')));
    const rest = cpmGroups(communities.graph, 1e-9, parameters.seed, parameters.minAccounts, kept).filter(
      (g) => !seen.has(g.join(',')),
    );
    if (rest.length > 0) {
      const joined = await fixedPoint(store, rest, inNetwork, parameters, alignments, REFERENCE_ROUNDS);
      candidates = [...fine, ...joined.map((c) => ({ ...c, joined: true }))];
    }
  }
  lap('chance');
  return {
    parameters,
    population,
    signals,
    graph: communities.graph,
    graphFigures: {
      nodes: communities.nodes,
      edges: communities.edges,
      modularity: Math.round(communities.modularity * 1e6) / 1e6,
      candidates: groups.length,
    },
    candidates,
    seconds,
  };
}

/**
 * `groups` judged to the reference's fixed point: each against the accounts outside it less the accounts of
 * the networks found among the others (and less `alsoExcluded`), again until the networks found stay the same.
 * A group's test reads the reference only in the signal windows where its members were active (and, for the
 * member test's second look, the windows shifted by half), so a round judges again only the groups active in
 * or next to a window where an account entered or left a network; the others keep their verdict (the same
 * result, without the cost of scoring thousands of groups again).
 */
async function fixedPoint(
  store: Store,
  groups: number[][],
  alsoExcluded: number[],
  parameters: DetectOptions,
  alignments: Alignment[],
  rounds: number,
): Promise<Candidate[]> {
  let networks: number[][] = groups.map(() => []);
  let candidates: Candidate[] = [];
  let changed: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const excluded = [...new Set([...networks.flat(), ...alsoExcluded])];
    const again = round === 0 ? groups.map((_, net) => net) : await activeWith(store, groups, changed);
    const judged = await judge(
      store,
      again.map((net) => groups[net] as number[]),
      excluded,
      parameters,
      alignments,
    );
    candidates = round === 0 ? judged : candidates.slice();
    if (round > 0) for (const [i, net] of again.entries()) candidates[net] = judged[i] as Candidate;
    const found = candidates.map((c) =>
      c.beyondChance ? [...c.members, ...c.pruned].sort((x, y) => x - y) : [],
    );
    const before = new Set(networks.flat());
    const after = new Set(found.flat());
    changed = [...before]
      .filter((aid) => !after.has(aid))
      .concat([...after].filter((aid) => !before.has(aid)));
    const stable = sameGroups(found, networks);
    networks = found;
    if (stable) break;
  }
  return candidates;
}

/**
 * Indexes of the groups with a member active in a signal window (sig, b) where an account of `accounts` was,
 * or in a window next to it (the member test's second look reads windows shifted by half).
 */
async function activeWith(store: Store, groups: number[][], accounts: number[]): Promise<number[]> {
  if (accounts.length === 0) return [];
  await writeGroups(store, '_flag', [accounts]);
  await writeGroups(store, '_m', groups);
  const rows = await store.all<{ net: number }>(`
    WITH w AS (
      SELECT DISTINCT x.sig, x.b + v.k AS b FROM _at x SEMI JOIN _flag f ON f.aid = x.aid, (VALUES (-1), (0), (1)) v(k)
    )
    SELECT DISTINCT m.net FROM _at x JOIN _m m USING (aid) SEMI JOIN w USING (sig, b) ORDER BY m.net`);
  return rows.map((r) => Number(r.net));
}

/** Rounds of the reference's fixed point at most (it is reached in two or three on every data set measured). */
const REFERENCE_ROUNDS = 5;

const sameGroups = (x: number[][], y: number[][]) =>
  x.length === y.length && x.every((g, i) => g.length === y[i]?.length && g.every((a, j) => a === y[i]?.[j]));

/** The share of activity by `accounts` (the graph's), and the warning when it is POPULATION_WARNING_SHARE or more. */
async function populationOf(store: Store, accounts: number[]): Promise<Population> {
  await writeGroups(store, '_flag', [accounts]);
  const { share } = await store.one<{ share: number | null }>(
    `SELECT avg((aid IN (SELECT aid FROM _flag))::DOUBLE) AS share FROM _at`,
  );
  const activityInCandidates = Math.round((share ?? 0) * 1000) / 1000;
  const warning =
    activityInCandidates >= POPULATION_WARNING_SHARE
      ? `${(activityInCandidates * 100).toFixed(1)}% of all activity is by accounts that co-act with others: ` +
        'the accounts the chance model compares networks with are few and may be the same campaign (a ' +
        'collection of one operation looks like this), so the rest of each connected group of accounts in ' +
        'which networks were found is judged together once more. ' +
        'Add other accounts active at the same time for a fuller picture (docs/method.md, Limits).'
      : null;
  return { activityInCandidates, warning };
}
