// One decision per group (docs/method.md, section 3): the group as found against what independent accounts
// would give (the network level), then, in a group beyond chance, each member against the rest of its group,
// kept by Holm's step-down procedure at a family-wise error of 5% over the group's members (the member rule);
// the kept members are scored again and the group is reported when they still bind on a signal that bound it
// as found. detect.ts says which groups are judged, and against which reference.
import type { SignalName } from '../signals/index.js';
import type { Store } from '../store/index.js';
import { writeAccounts, writeGroups } from './_groups.sql.js';
import { normalUpperTail } from './_poisson.js';
import {
  type Alignment,
  type ChanceResult,
  type MemberChance,
  scoreAgainstChance,
  scoreMembers,
  strongest,
} from './chance.js';
import type { Candidate, DetectOptions } from './detect.js';

/**
 * Every group tested as found against the accounts outside it less `excluded[net]` (the network level),
 * then, for the groups beyond chance, every member against the rest of its group (the member level); the
 * kept members are scored again and the group is reported when they still bind on a signal that bound it
 * as found.
 */
export async function judge(
  store: Store,
  groups: number[][],
  excluded: number[],
  parameters: DetectOptions,
  alignments: Alignment[],
): Promise<Candidate[]> {
  await writeAccounts(store, excluded);
  await writeGroups(store, '_m', groups);
  const asFound = await scoreAgainstChance(store, networkLevel(parameters));
  const tested = groups.map((members, net) => ({ members, net, chance: asFound.get(net) ?? emptyChance() }));
  const passing = tested.filter((t) => t.chance.binding.length > 0);
  const outcome = await memberRule(
    store,
    passing.map((t) => t.members),
    passing.map((t) => t.chance.binding),
    excluded,
    parameters,
    alignments,
  );
  const byNet = new Map(passing.map((t, i) => [t.net, outcome[i] as MemberOutcome]));
  return tested.map(({ members, net, chance }) => {
    const o = byNet.get(net);
    if (o === undefined) return { members, pruned: [], memberChance: new Map(), chance, beyondChance: false };
    const keep = new Set(o.kept);
    const beyondChance = o.chance.binding.length > 0;
    return {
      members: beyondChance ? o.kept : members,
      pruned: beyondChance ? members.filter((aid) => !keep.has(aid)) : [],
      memberChance: o.memberChance,
      chance: beyondChance ? o.chance : chance,
      beyondChance,
    };
  });
}

interface MemberOutcome {
  kept: number[];
  memberChance: Map<number, MemberChance>;
  /** The kept members scored again (empty when fewer than minAccounts are kept). */
  chance: ChanceResult;
}

/**
 * The member rule: every member's own co-activity with the rest of its group is tested, at a family-wise
 * level over the group's n members (Holm's step-down procedure at MEMBER_FAMILY_ERROR, see `holm`, and at
 * least --min-member-z), and members that chance explains go. The kept members are scored again, on the signals that bound the group
 * as found: keeping the members that pass one by one and scoring them again must not let chance
 * coincidences of a selected few bind a network on something else.
 */
async function memberRule(
  store: Store,
  networks: number[][],
  foundBinding: SignalName[][],
  excluded: number[],
  parameters: DetectOptions,
  alignments: Alignment[],
): Promise<MemberOutcome[]> {
  if (networks.length === 0) return [];
  const memberLevel = {
    minZScore: parameters.minMemberZScore,
    minRatio: parameters.minMemberRatio,
    minGroups: parameters.minMemberGroups,
    // A member's in-step test needs the network's z: one burst of a network puts a bystander who posted then
    // in step with many members at once, so that a few lucky moments make a large count.
    timing: timingOf(parameters),
  };
  await writeGroups(store, '_m', networks);
  await writeAccounts(store, excluded);
  const small = networks.flatMap((group, net) => (group.length < SHIFTED_LOOK_MAX_ACCOUNTS ? [net] : []));
  const members = await scoreMembers(store, memberLevel, parameters.windowSeconds, alignments, small);
  const kept = networks.map((group, net) => {
    const scores = members.get(net) ?? new Map<number, MemberChance>();
    const passing = new Set(holm(group, scores));
    for (const [aid, m] of scores)
      if (m.beyondChance && !passing.has(aid)) scores.set(aid, { ...m, beyondChance: false });
    return { scores, passing: group.filter((aid) => passing.has(aid)) };
  });
  const rescore = kept.map((k) => (k.passing.length >= parameters.minAccounts ? k.passing : []));
  await writeGroups(store, '_m', rescore);
  // The members the rule set aside are not shown to act independently either (their group is beyond chance
  // as found): they are left out of the kept members' reference, as they were while the members were tested.
  await writeAccounts(store, [
    ...excluded,
    ...networks.flatMap((group, net) => {
      const keep = new Set(kept[net]?.passing ?? []);
      return group.filter((aid) => !keep.has(aid));
    }),
  ]);
  const rescored = await scoreAgainstChance(store, networkLevel(parameters));
  return kept.map((k, net) => {
    const chance = rescore[net]?.length ? (rescored.get(net) ?? emptyChance()) : emptyChance();
    const found = new Set(foundBinding[net] ?? []);
    const binding = chance.binding.filter((sig) => found.has(sig));
    const best = strongest(binding.flatMap((sig) => chance.perSignal[sig] ?? []));
    return {
      kept: k.passing,
      memberChance: k.scores,
      chance: best ? { ...chance, binding, zScore: best.zScore, ratio: best.ratio } : { ...chance, binding },
    };
  });
}

/**
 * The members of `group` that Holm's step-down procedure keeps at the family-wise error MEMBER_FAMILY_ERROR
 * over the group's n members (Holm 1979): with the members' tails in increasing order, the k-th smallest
 * passes when it and every smaller one are at most MEMBER_FAMILY_ERROR / (n - k + 1). It controls the same
 * error as Bonferroni's single level MEMBER_FAMILY_ERROR / n and keeps every member that level keeps, and
 * more: once the members that clearly belong are counted, the others are held to the level of the fewer
 * left (a fleet's accounts sent to two jobs each, whose z of 2.5-2.8 fell short of Bonferroni's 3.2 among
 * 48). A member that fails the other levels (ratio, item-windows, --min-member-z) is not a candidate, as
 * if its tail were one.
 */
export function holm(group: number[], scores: Map<number, MemberChance>): number[] {
  const tails = group
    .flatMap((aid) => {
      const m = scores.get(aid);
      return m?.beyondChance ? [{ aid, tail: normalUpperTail(m.zScore) }] : [];
    })
    .sort((x, y) => x.tail - y.tail || x.aid - y.aid);
  const n = group.length;
  const kept: number[] = [];
  for (const [k, { aid, tail }] of tails.entries()) {
    if (tail > MEMBER_FAMILY_ERROR / (n - k)) break;
    kept.push(aid);
  }
  return kept;
}

/** Groups smaller than this get the member test's second look, in windows shifted by half. */
const SHIFTED_LOOK_MAX_ACCOUNTS = 20;

/**
 * The member rule's family-wise error: in a group of n accounts, the chance that Holm's procedure keeps any
 * account whose co-activity is independent of the others' is at most this (see `holm`).
 */
const MEMBER_FAMILY_ERROR = 0.05;

const networkLevel = (p: DetectOptions) => ({
  minZScore: p.minZScore,
  minRatio: p.minRatio,
  minGroups: p.minSharedItems,
  timing: timingOf(p),
});

const timingOf = (p: DetectOptions) => ({
  syncSeconds: p.syncSeconds,
  windowSeconds: p.windowSeconds,
  minGroups: p.minSharedItems,
  minZScore: p.minZScore,
});

const emptyChance = (): ChanceResult => ({
  observed: 0,
  expected: 0,
  zScore: 0,
  ratio: 0,
  binding: [],
  perSignal: {},
});
