// Detection end to end over a store: signals -> fused graph -> Louvain communities -> chance model. Returns
// the networks beyond chance (members as working-set account ids) together with every candidate's score and
// the parameters used, so the report can say what was tested and what was set aside.

import type { UndirectedGraph } from 'graphology';
import { connectedComponents } from 'graphology-components';
import { ANALYZE_DEFAULTS } from '../settings/index.js';
import {
  computeSignals,
  SIGNAL_DEFAULTS,
  type SignalName,
  type SignalOptions,
  type SignalRun,
  windowSql,
} from '../signals/index.js';
import type { Store } from '../store/index.js';
import { zFromUpperTail } from './_poisson.js';
import {
  ALIGNED,
  type Alignment,
  buildShiftedWindows,
  CHANCE_DEFAULTS,
  type ChanceOptions,
  type ChanceResult,
  type MemberChance,
  prepareWindows,
  scoreAgainstChance,
  scoreMembers,
  scoreProbes,
  strongest,
} from './chance.js';
import { COMMUNITY_DEFAULTS, type CommunityOptions, findCommunities, subCommunities } from './communities.js';

/**
 * Every stage's defaults, and detection's own (declared with their reasons in src/settings): minSharedItems
 * and minSpreadSeconds (an edge's shared items and their spread), pruneRounds (trimming rounds),
 * splitCommunities and joinParts.
 */
export const DETECT_DEFAULTS = {
  ...SIGNAL_DEFAULTS,
  ...COMMUNITY_DEFAULTS,
  ...CHANCE_DEFAULTS,
  ...ANALYZE_DEFAULTS.detect,
};
export const JOIN_PARTS = ['auto', 'always', 'never'] as const;
export type JoinParts = (typeof JOIN_PARTS)[number];
export type DetectOptions = SignalOptions &
  CommunityOptions &
  ChanceOptions & {
    minSharedItems: number;
    minSpreadSeconds: number;
    pruneRounds: number;
    splitCommunities: number;
    joinParts: JoinParts;
  };

export interface Candidate {
  /** Working-set account ids (aid), sorted. */
  members: number[];
  /** Accounts Louvain put in this community whose own ties to it chance explains (set aside). */
  pruned: number[];
  memberChance: Map<number, MemberChance>;
  chance: ChanceResult;
  beyondChance: boolean;
  /**
   * Set for a group judged as the rest of a connected component in which other networks were reported:
   * the accounts of its communities that no reported network holds, with those networks left out of its
   * outside population (joinParts).
   */
  joined?: boolean;
}

/**
 * How much of the collection's activity is by accounts in the candidate communities (every community Louvain
 * found, beyond chance or not). The chance model compares a network with the accounts outside it; when
 * nearly all activity is by accounts in candidates (a takedown archive of one operation, a handful of
 * channels), the outside population is thin and may be the same campaign, and the test is conservative:
 * the run says so.
 */
export interface Population {
  /** Share of account-item touches (one per account, item and window) by those accounts. */
  activityInCandidates: number;
  /** Set when that share reaches POPULATION_WARNING_SHARE. */
  warning: string | null;
}

/** From this share of activity in candidate communities, a run carries a warning. */
export const POPULATION_WARNING_SHARE = 0.9;

export interface Detection {
  parameters: DetectOptions;
  population: Population;
  signals: SignalRun;
  graph: Awaited<ReturnType<typeof findCommunities>>['graph'];
  graphFigures: { nodes: number; edges: number; modularity: number; candidates: number };
  /**
   * Candidates: Louvain's communities in order (size, then first id), then the parts of the communities split
   * once more (splitCommunities), then any joined groups (joinParts); the reported networks are those beyond
   * chance.
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
  lap('signals');
  onStage('communities');
  const communities = await findCommunities(store, parameters);
  lap('communities');
  onStage('chance');
  // First every community as Louvain found it. Louvain assigns every node somewhere, so a coordinated core
  // comes with accounts that touched its items a few times: in a community beyond chance, members whose own
  // co-activity is within chance are trimmed and the community rescored. Only communities beyond chance as
  // found are trimmed; trimming any group down to its most active members would manufacture a 'core'.
  await writeGroups(store, '_x', []);
  const candidates = await asFound(store, communities.groups, parameters);
  const population = await populationOf(store, communities.groups, parameters.joinParts !== 'never');
  // Louvain's modularity cannot resolve groups much smaller than the graph allows (Fortunato & Barthelemy
  // 2007): a small network among hundreds who answer the same official arrives inside a community of
  // hundreds, which chance explains as a whole. Each community that chance explains, of splitCommunities
  // accounts or more, is split once more by Louvain on its own subgraph, and the parts are scored as found.
  if (parameters.splitCommunities > 0) {
    const parts = candidates
      .filter((c) => !c.beyondChance && c.members.length >= parameters.splitCommunities)
      .flatMap((c) => subCommunities(communities.graph, c.members, parameters));
    if (parts.length > 0) candidates.push(...(await asFound(store, parts, parameters)));
  }
  // Trimming, per network beyond chance: members whose own co-activity with the network is within chance
  // go; the rest are split at their median member z-score into a core and the looser half, and each account
  // of the looser half stays only if its co-activity with the core alone is beyond chance (accounts that met
  // each other on the network's edges, such as users arguing back on a flooded tag and copying each other's
  // replies, do not vouch for each other). Then the network is scored again.
  // The first round compares every network with everyone outside it. A network that survives it is shown
  // not to act independently, so its members can no longer stand for what independent accounts do: the
  // next round trims every network beyond chance as found again, leaving the survivors of the others out
  // of its outside population (a campaign that Louvain cut in parts would otherwise explain each part
  // away). Rounds go on while the survivors change, up to pruneRounds. Only accounts that passed a round
  // vouch this way, so communities that chance explains cannot lift each other (a protest that Louvain
  // split stays set aside).
  const flagged = candidates.filter((c) => c.beyondChance);
  let result = candidates;
  if (parameters.pruneRounds > 0 && flagged.length > 0) {
    const asFound = flagged.map((c) => c.members);
    const binding = flagged.map((c) => c.chance.binding);
    // Members of small networks are tested in the signals' windows and in the same windows shifted by
    // half, so that posts an hour apart that straddle a window edge still meet (hour-scale jitter is how
    // a careful network hides); a test in the shifted windows pays a Bonferroni factor of two.
    const alignments = [
      ALIGNED,
      await buildShiftedWindows(store, windowSql(parameters), parameters.windowSeconds),
    ];
    let established: number[][] = flagged.map(() => []);
    for (let round = 0; round < parameters.pruneRounds; round++) {
      const outcome = await trimOnce(store, asFound, binding, othersOf(established), parameters, alignments);
      const survivors = outcome.map((o) => (o.chance.binding.length > 0 ? o.kept : []));
      const last =
        round === parameters.pruneRounds - 1 || flagged.length === 1 || sameGroups(survivors, established);
      if (last) {
        flagged.forEach((c, net) => {
          const o = outcome[net] as TrimOutcome;
          const keep = new Set(o.kept);
          c.memberChance = o.memberChance;
          c.pruned = c.members.filter((aid) => !keep.has(aid));
          c.members = o.kept;
          c.chance = o.chance;
          c.beyondChance = o.chance.binding.length > 0;
        });
        break;
      }
      established = survivors;
    }
    const join =
      parameters.joinParts === 'always' || (parameters.joinParts === 'auto' && population.warning !== null);
    if (join) result = await joinParts(store, communities.graph, candidates, parameters, alignments);
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
      candidates: candidates.length,
    },
    candidates: result,
    seconds,
  };
}

/**
 * The rest of a campaign that Louvain cut in parts. Where the accounts outside the candidate communities are
 * few (a collection of one operation), each part of a campaign is compared with the other parts, which post
 * the same things at the same times, and chance explains it. Once some part has been shown not to act
 * independently (a reported network), the accounts of the same connected component of the fused graph that
 * no reported network holds are taken together as one group, with every reported network's members left out
 * of its outside population, as trimming rounds do. A group beyond chance is trimmed by the member screen
 * and reported when it still binds on what bound it. It is not split into a core and a looser half: that
 * cuts the campaign again, and each half is explained by the other (on the IRA Fearmonger file, 1 of 76
 * passing members stayed in the core). Returns the candidates with the groups reported this way added.
 */
async function joinParts(
  store: Store,
  graph: UndirectedGraph,
  candidates: Candidate[],
  parameters: DetectOptions,
  alignments: Alignment[],
): Promise<Candidate[]> {
  const reported = candidates.filter((c) => c.beyondChance);
  const componentOf = new Map<number, number>();
  connectedComponents(graph).forEach((nodes, i) => {
    for (const node of nodes) componentOf.set(Number(node), i);
  });
  const inNetwork = new Set(reported.flatMap((c) => c.members));
  const withNetwork = new Set(reported.flatMap((c) => c.members.map((aid) => componentOf.get(aid))));
  const rest = new Map<number, Set<number>>();
  for (const c of candidates)
    for (const aid of [...c.members, ...c.pruned]) {
      const component = componentOf.get(aid);
      if (component === undefined || inNetwork.has(aid) || !withNetwork.has(component)) continue;
      const set = rest.get(component) ?? new Set<number>();
      if (set.size === 0) rest.set(component, set);
      set.add(aid);
    }
  const groups = [...rest.values()]
    .filter((g) => g.size >= parameters.minAccounts)
    .map((g) => [...g].sort((x, y) => x - y));
  if (groups.length === 0) return candidates;
  await writeGroups(
    store,
    '_x',
    groups.map(() => [...inNetwork]),
  );
  const bound = (await asFound(store, groups, parameters)).filter((c) => c.beyondChance);
  if (bound.length === 0) return candidates;
  const outcome = await trimOnce(
    store,
    bound.map((c) => c.members),
    bound.map((c) => c.chance.binding),
    bound.map(() => [...inNetwork]),
    parameters,
    alignments,
    false,
  );
  const joined: Candidate[] = outcome.flatMap((o, k) => {
    if (o.chance.binding.length === 0) return [];
    const keep = new Set(o.kept);
    return [
      {
        members: o.kept,
        pruned: (bound[k]?.members ?? []).filter((aid) => !keep.has(aid)),
        memberChance: o.memberChance,
        chance: o.chance,
        beyondChance: true,
        joined: true,
      },
    ];
  });
  // The communities it took in stay among the candidates, set aside as they were tested.
  return [...candidates, ...joined];
}

interface TrimOutcome {
  kept: number[];
  memberChance: Map<number, MemberChance>;
  /** The kept members scored again (empty when fewer than minAccounts are kept). */
  chance: ChanceResult;
}

/**
 * One trimming round over networks as found, each compared with an outside population that leaves out
 * the accounts of `excluded[net]`.
 */
async function trimOnce(
  store: Store,
  networks: number[][],
  foundBinding: SignalName[][],
  excluded: number[][],
  parameters: DetectOptions,
  alignments: Alignment[],
  /** Split networks of CORE_SPLIT_MIN_ACCOUNTS or more passing members into a core and a looser half. */
  splitCore = true,
): Promise<TrimOutcome[]> {
  const memberLevel = {
    minZScore: parameters.minMemberZScore,
    minRatio: parameters.minMemberRatio,
    minGroups: parameters.minMemberGroups,
    timing: timingOf(parameters),
  };
  await writeMembership(store, networks);
  await writeGroups(store, '_x', excluded);
  // The second look is for small networks, whose sparse members decide recall; in networks of
  // CORE_SPLIT_MIN_ACCOUNTS or more, the core and probe tests decide, and the look would double the cost
  // of scoring the largest networks.
  const small = networks.flatMap((group, net) => (group.length < CORE_SPLIT_MIN_ACCOUNTS ? [net] : []));
  const members = await scoreMembers(store, memberLevel, parameters.windowSeconds, alignments, small);
  const scored = networks.map((group, net) => {
    const scores = members.get(net) ?? new Map<number, MemberChance>();
    // The screen tests every account of the community, so its level is also the z whose tail is 1/n for a
    // community of n: fewer than one account is expected to pass by chance alone (a per-family error rate
    // of one). At z 2 alone, a brigade of ten inside the 150 users answering the same official let one or
    // two of them through (the independent generator), and in a network too small to split they stayed.
    const level = Math.max(parameters.minMemberZScore, zFromUpperTail(1 / group.length));
    for (const [aid, m] of scores)
      if (m.beyondChance && m.zScore < level) scores.set(aid, { ...m, beyondChance: false });
    const passing = group.filter((aid) => scores.get(aid)?.beyondChance === true);
    const z = passing.map((aid) => scores.get(aid)?.zScore ?? 0).sort((x, y) => x - y);
    const median = z[Math.floor(z.length / 2)] ?? 0;
    const core = passing.filter((aid) => (scores.get(aid)?.zScore ?? 0) >= median);
    const split =
      splitCore && passing.length >= CORE_SPLIT_MIN_ACCOUNTS && core.length >= parameters.minAccounts;
    return { scores, passing, split, core: new Set(split ? core : passing) };
  });
  // A core cut at the median z can take in accounts that passed only on their ties to the looser half
  // (when users arguing back on a flood, copying each other's counter-slogans, are as many as the flood,
  // the median falls among them): in a split network, each core member is tested again against the rest
  // of the core alone, and leaves the core when chance explains that.
  if (scored.some((x) => x.split)) {
    await writeMembership(
      store,
      scored.map((x) => (x.split ? [...x.core] : [])),
    );
    // Items only the network's passing members touched still count as unshared with the looser half out.
    await writeGroups(
      store,
      '_h',
      scored.map((x) => (x.split ? x.passing : [])),
    );
    const again = await scoreMembers(
      store,
      memberLevel,
      parameters.windowSeconds,
      [ALIGNED],
      undefined,
      '_h',
    );
    scored.forEach((x, net) => {
      if (!x.split) return;
      const scores = again.get(net);
      x.core = new Set([...x.core].filter((aid) => scores?.get(aid)?.beyondChance === true));
    });
  }
  await writeMembership(
    store,
    scored.map((x) => [...x.core]),
  );
  await writeProbes(
    store,
    scored.map((x) => x.passing.filter((aid) => !x.core.has(aid))),
  );
  const probes = await scoreProbes(
    store,
    { ...memberLevel, minGroups: parameters.minSharedItems },
    parameters.windowSeconds,
  );
  const kept = networks.map((group, net) => {
    const x = scored[net];
    return group.filter(
      (aid) => x?.core.has(aid) === true || probes.get(net)?.get(aid)?.beyondChance === true,
    );
  });
  // Networks left with too few accounts are scored as empty groups, so that indexes stay aligned.
  const rescore = kept.map((k) => (k.length >= parameters.minAccounts ? k : []));
  await writeMembership(store, rescore);
  const rescored = await scoreAgainstChance(store, networkLevel(parameters));
  // Trimming keeps what made the community stand out; it must not find it something else to stand on. A
  // trimmed network counts only on signals that were also beyond chance for the community as found:
  // keeping the members that pass one by one and scoring them again would otherwise let chance
  // coincidences of a selected few (a handful of protesters with similar everyday texts) bind a network.
  return kept.map((k, net) => {
    const chance = rescore[net]?.length ? (rescored.get(net) ?? emptyChance()) : emptyChance();
    const found = new Set(foundBinding[net] ?? []);
    const binding = chance.binding.filter((sig) => found.has(sig));
    // The headline figures are those of the strongest signal that still binds.
    const best = strongest(binding.flatMap((sig) => chance.perSignal[sig] ?? []));
    return {
      kept: k,
      memberChance: scored[net]?.scores ?? new Map(),
      chance: best ? { ...chance, binding, zScore: best.zScore, ratio: best.ratio } : { ...chance, binding },
    };
  });
}

/** The level a network's co-activity must clear on a signal (z, ratio, distinct item-windows). */
const networkLevel = (p: DetectOptions) => ({
  minZScore: p.minZScore,
  minRatio: p.minRatio,
  minGroups: p.minSharedItems,
  timing: timingOf(p),
});

/** The timing test's bins, the signals' window that sets its uniform prior, its windows and z at least. */
const timingOf = (p: DetectOptions) => ({
  syncSeconds: p.syncSeconds,
  windowSeconds: p.windowSeconds,
  minGroups: p.minSharedItems,
  minZScore: p.minZScore,
});

const sameGroups = (x: number[][], y: number[][]) =>
  x.length === y.length && x.every((g, i) => g.length === y[i]?.length && g.every((a, j) => a === y[i]?.[j]));

/** Networks smaller than this are not split into core and looser half: every member vouches for the others. */
const CORE_SPLIT_MIN_ACCOUNTS = 20;

/** Scores `groups` against chance as found (with the exclusions in `_x`) and makes them candidates. */
async function asFound(store: Store, groups: number[][], parameters: DetectOptions): Promise<Candidate[]> {
  await writeMembership(store, groups);
  const found = await scoreAgainstChance(store, networkLevel(parameters));
  return groups.map((members, net) => {
    const chance = found.get(net) ?? emptyChance();
    return { members, pruned: [], memberChance: new Map(), chance, beyondChance: chance.binding.length > 0 };
  });
}

const emptyChance = (): ChanceResult => ({
  observed: 0,
  expected: 0,
  zScore: 0,
  ratio: 0,
  binding: [],
  perSignal: {},
});

/** Writes groups of working-set account ids into the temp table `table(aid, net)`, net = the group's index. */
async function writeGroups(
  store: Store,
  table: '_m' | '_probe' | '_x' | '_flag' | '_h',
  groups: number[][],
): Promise<void> {
  await store.run(`CREATE OR REPLACE TEMP TABLE ${table} (aid INTEGER, net INTEGER)`);
  const appender = await store.con.createAppender(table, 'main', 'temp');
  groups.forEach((group, net) => {
    for (const aid of group) {
      appender.appendInteger(aid);
      appender.appendInteger(net);
      appender.endRow();
    }
  });
  appender.closeSync();
}

const writeMembership = (store: Store, groups: number[][]) => writeGroups(store, '_m', groups);
const writeProbes = (store: Store, groups: number[][]) => writeGroups(store, '_probe', groups);

/** For each network of `networks`, the members of all the others: left out of its outside population. */
const othersOf = (networks: number[][]) =>
  networks.map((_, net) => networks.flatMap((members, other) => (other === net ? [] : members)));

/** `joins`: whether the parts of a campaign are judged together when the run warns (--join-parts). */
async function populationOf(store: Store, candidates: number[][], joins: boolean): Promise<Population> {
  await writeGroups(store, '_flag', [candidates.flat()]);
  const { share } = await store.one<{ share: number | null }>(
    `SELECT avg((aid IN (SELECT aid FROM _flag))::DOUBLE) AS share FROM _at`,
  );
  const activityInCandidates = Math.round((share ?? 0) * 1000) / 1000;
  const warning =
    activityInCandidates >= POPULATION_WARNING_SHARE
      ? `${(activityInCandidates * 100).toFixed(1)}% of all activity is by accounts in candidate communities: ` +
        'the accounts outside them, which the chance model compares networks with, are few and may be the same ' +
        'campaign (a collection of one operation looks like this), so the test is conservative: each part of a ' +
        'campaign is compared with its other parts. ' +
        (joins
          ? 'The rest of each connected group in which a network was reported is judged together (--join-parts). '
          : '') +
        'Add other accounts active at the same time for a fuller picture (docs/method.md, Limits).'
      : null;
  return { activityInCandidates, warning };
}
