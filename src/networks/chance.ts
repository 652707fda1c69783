// The chance model: how much of a network's co-activity would independent accounts produce? Per signal
// and time window, the items are sorted into popularity strata by how many accounts outside the network
// touched them (one, two or three, four to seven, ...). Within a stratum, a member's touches there are
// dealt over its items in proportion to their outside counts, so a member of activity k in the stratum
// touches an item of outside count n with p = min(1, k n / W), W the stratum's total outside count: the
// model asks whether members that picked items of the same popularity picked the same ones, not whether
// they picked popular items (a protest's slogans, posted by hundreds, sit in a stratum of five items, so
// protesters meeting on them are expected; a flood's templates, which few outside it post, sit among
// thousands of one-off items, so its meetings there are not). Items no outside account touched form one
// more stratum, whose chance of two touches meeting comes from the outside accounts' own coincidences
// (Good 1953). The members on one item are then close to Poisson with mean mu = sum p, so the expected
// number of member pairs on it is (mu^2 - sum p^2)/2; the variance keeps each member's touches per stratum
// fixed (hypergeometric over the stratum's effective items). Summed over items, strata and windows this
// gives E and Var for the observed count O of member pairs sharing an item in a window, and z, the smaller of
// (O - E) / sqrt(Var) and the z of O's Poisson tail, and O/E must both clear their levels; docs/method.md
// gives the derivation and its limits. Three further tests per signal: items only members touched, timing
// in step against the crowd (_timing.sql.ts) and, for reposts and replies, reaction times against each
// post's crowd (_reaction.sql.ts). For reposts and replies the null is also one of followings: independent
// accounts keep how many posts of each author they reposted or answered (_followings.sql.ts); for the other
// signals, one of habits: they keep how many windows they used each item in, among those where outside
// accounts used it too (_habits.sql.ts). A network's expected pairs are the larger of the models' (it must be
// beyond each to be beyond chance on which items it picked; its members are judged by the popularity model,
// docs/method.md says why). The tables and their SQL are in _chance.sql.ts; this module judges them, for
// networks and for each member.

import { ANALYZE_DEFAULTS } from '../settings/index.js';
import { SIGNALS, type SignalName } from '../signals/index.js';
import type { Store } from '../store/index.js';
import {
  ALIGNED,
  type Alignment,
  buildChanceTables,
  memberRows,
  pairCounts,
  pooledMeetings,
  unsharedItems,
  unsharedRows,
} from './_chance.sql.js';
import { type FollowingCounts, followingCounts } from './_followings.sql.js';
import { habitCounts } from './_habits.sql.js';
import { gammaUpperTail, normalUpperTail, poissonUpperTail, zFromUpperTail } from './_poisson.js';
import { type ReactionRow, reactionRows } from './_reaction.sql.js';
import { timingNetworkRows, timingRows } from './_timing.sql.js';

export { ALIGNED, type Alignment, buildShiftedWindows, pairCounts, prepareWindows } from './_chance.sql.js';
export { prepareFollowings } from './_followings.sql.js';

/** A network's expected pairs under the followings or the habits null, on one signal (E, V; Eu on its own items). */
type OtherNull = Pick<FollowingCounts, 'E' | 'V' | 'Eu'> & { kind: 'followings' | 'habits' };

/**
 * A count of pairs on which items were picked, with its expectation and variance raised to the followings or
 * habits null's where that is larger: the null is the union of the models, and a count beyond the larger
 * expectation with the larger variance is beyond each. `only`: the count is of the items only the network
 * touched (the second test), whose pairs are each about one event, so their variance is taken as Poisson's.
 */
function withFollowings<T extends { E: number; V: number }>(
  row: T,
  f: OtherNull | undefined,
  only: boolean,
): T {
  const E = f === undefined ? 0 : only ? f.Eu : f.E;
  if (E <= Number(row.E)) return row;
  return { ...row, E, V: Math.max(Number(row.V), only ? E : (f?.V ?? 0)) };
}

/**
 * The network's and each member's levels (z, ratio, item-windows) and the timing test's bins (syncSeconds;
 * 0 turns it off, see `_timing.sql.ts`), declared with their reasons in src/settings.
 */
export const CHANCE_DEFAULTS = { ...ANALYZE_DEFAULTS.chance };
export type ChanceOptions = typeof CHANCE_DEFAULTS;

export interface SignalChance {
  /** Member pairs sharing an item in a window, and the count independent accounts would give. */
  observed: number;
  expected: number;
  zScore: number;
  ratio: number;
  /** Distinct item-windows where at least two members met. */
  groups: number;
  /** Beyond chance on all items, or on the items no outside account touched (`unshared`). */
  beyondChance: boolean;
  /**
   * Which test makes it so: all items first, else the unshared items, else timing, else reaction times; null
   * when none does.
   */
  test?: 'all' | 'unshared' | 'timing' | 'reaction' | null;
  /** The same test on the item-windows that only members touched (see `unsharedItems`). */
  unshared?: UnsharedChance;
  /** Member pairs in step on items the crowd also touched, against the crowd's own timing (`_timing.sql.ts`). */
  timing?: UnsharedChance;
  /**
   * Reposts and replies ahead of each post's own crowd (`_reaction.sql.ts`): observed is e^(S/n), S the sum
   * of -ln(rank) over the n reactions (the inverse of their geometric-mean rank), expected the same for an
   * account timed like the crowd, ratio their quotient (`judgeReaction`), groups the posts.
   */
  reaction?: UnsharedChance;
  /**
   * For reposts and replies, the member pairs expected under the followings null (`_followings.sql.ts`):
   * `expected` is the larger of this and the popularity model's, on all items and (the figure on their own
   * items) on the unshared ones.
   */
  followings?: number;
  /**
   * For the other signals, the member pairs expected under the habits null (`_habits.sql.ts`); `expected` is
   * the larger of this and the popularity model's, on all items (a habit expects nothing on the unshared).
   */
  habits?: number;
}

/** The figures a signal is reported by: those of the test that binds it (all items when neither does). */
export const headlineTest = (s: SignalChance): UnsharedChance =>
  (s.test === 'unshared' && s.unshared) ||
  (s.test === 'timing' && s.timing) ||
  (s.test === 'reaction' && s.reaction) ||
  s;

/** The headline figures of the strongest of `signals` (beyond chance first, then by z), if any. */
export const strongest = (signals: SignalChance[]): Pick<SignalChance, 'zScore' | 'ratio'> | undefined =>
  signals.map((s) => ({ ...headlineTest(s), beyondChance: s.beyondChance })).sort(stronger)[0];

/** Co-activity on part of the items (only members', or in step) against chance, as a second test. */
export interface UnsharedChance {
  observed: number;
  expected: number;
  zScore: number;
  ratio: number;
  groups: number;
  beyondChance: boolean;
}

export interface ChanceResult {
  /** The strongest signal's figures (the network stands or falls by the signals that bind it). */
  zScore: number;
  ratio: number;
  observed: number;
  expected: number;
  /** Signals whose co-activity is beyond chance on their own. */
  binding: SignalName[];
  perSignal: Partial<Record<SignalName, SignalChance>>;
}

export interface MemberChance {
  zScore: number;
  ratio: number;
  /** The member's strongest signal, or 'pooled' when it stands on its signals taken together. */
  signal: SignalName | 'pooled' | null;
  beyondChance: boolean;
}

/**
 * The signals' own windows judge every account as they would alone. A look in other windows is a second
 * chance, so its tests must clear the level with their tails multiplied by the number of looks: with
 * two looks, a member test (a screen before the core, probe and network tests) errs at most 1.5 times
 * as often.
 */
const lookTailFactor = (al: Alignment, alignments: Alignment[]) =>
  al === alignments[0] ? 1 : alignments.length;

/** Up to this many item-windows a member's score is an exact Poisson tail rather than a normal z. */
export const SMALL_COUNT = 30;

type Level = Pick<ChanceOptions, 'minZScore' | 'minRatio'> & {
  minGroups: number;
  /** The timing test's bins and the signals' window (seconds); no timing test when absent or 0. */
  timing?: Timing;
};

/**
 * The timing test's bins, the signals' window (which sets its uniform prior), and the in-step windows an
 * account or network needs at least (as an edge needs its shared items), with the z an account needs: a
 * member's screen is lenient, while one burst of a network puts a bystander who posted then in step with
 * many members at once, so that a few lucky moments make a large count.
 */
export interface Timing {
  syncSeconds: number;
  windowSeconds: number;
  minGroups: number;
  /** The z an account's timing test needs at least (the network's: see `bestPerAccount`). */
  minZScore: number;
}

/** Beyond this z a Poisson tail is below double precision (zFromUpperTail gives 40 for a tail of 0). */
const POISSON_SATURATES = 37;

/**
 * A count against its expectation and variance: z is the smaller of the normal z and the z of the exact
 * Poisson tail of the count against its expectation. A pair count with a small expectation is far more
 * skewed than a normal (seven pairs against 0.7 would be six standard deviations out for a variance of 1,
 * where the Poisson tail, 7e-6, is 4.3), and where pairs come clumped the normal z with the model's variance
 * is the smaller (only an excess is judged: below its expectation the count keeps the normal z). `groups` is the number of distinct item-windows holding the co-activity: many pairs on one
 * item in one window are one event (five people pasting the same text at once), too clumped for either
 * tail, so a signal binds only when its excess rests on at least `minGroups` of them.
 */
function judge(
  observed: number,
  expected: number,
  variance: number,
  groups: number,
  level: Level,
): SignalChance {
  const normal = (observed - expected) / Math.sqrt(Math.max(variance, 1e-9));
  const poisson =
    observed > expected ? zFromUpperTail(poissonUpperTail(Math.round(observed), expected)) : normal;
  const zScore = round(poisson < POISSON_SATURATES ? Math.min(normal, poisson) : normal);
  const ratio = round(Math.min(observed / Math.max(expected, 1e-9), 1e6));
  return {
    observed,
    expected: round(expected),
    zScore,
    ratio,
    groups,
    beyondChance: zScore >= level.minZScore && ratio >= level.minRatio && groups >= level.minGroups,
  };
}

/** The strongest signal first: beyond chance before not, then by z-score. */
const stronger = (
  x: Pick<SignalChance, 'beyondChance' | 'zScore'>,
  y: Pick<SignalChance, 'beyondChance' | 'zScore'>,
) => Number(y.beyondChance) - Number(x.beyondChance) || y.zScore - x.zScore;

/**
 * Scores every network of the temp table `_m(aid, net)` against its chance expectation, signal by signal:
 * over all items, and over the items only its members touched (`unsharedItems`). A signal binds when
 * either test clears the level; the second pays a Bonferroni factor of two.
 */
export async function scoreAgainstChance(store: Store, level: Level): Promise<Map<number, ChanceResult>> {
  const shared = await pairCounts(store);
  const unshared = await unsharedItems(store);
  // The other nulls of which items members picked: followings for reposts and replies, habits for the rest
  // (a habit is learnt from outside accounts, so it expects nothing on the items only members touched).
  const followed = new Map<string, OtherNull>();
  for (const f of await followingCounts(store))
    followed.set(`${f.net}:${f.sig}`, { ...f, kind: 'followings' });
  for (const h of await habitCounts(store, ALIGNED))
    followed.set(`${h.net}:${h.sig}`, { ...h, Eu: 0, kind: 'habits' });
  const groups = await store.all<{ net: number; sig: number; G: bigint }>(
    'SELECT net, sig, count(*) FILTER (WHERE mm >= 2) AS G FROM _cmt GROUP BY ALL',
  );
  const key = (r: { net: number; sig: number }) => `${r.net}:${r.sig}`;
  const groupsBy = new Map(groups.map((g) => [key(g), g.G]));
  const unsharedBy = new Map(unshared.map((r) => [key(r), r]));
  const timed = level.timing?.syncSeconds ? await timingNetworkRows(store, level.timing, ALIGNED) : [];
  const timingBy = new Map(timed.map((r) => [key(r), r]));
  const reactionBy = new Map((await reactionRows(store, '_m', false)).map((r) => [key(r), r]));
  const rows = shared.map((r) => ({ ...r, G: groupsBy.get(key(r)) ?? 0n }));
  const bySignal = new Map<number, Array<[SignalName, SignalChance]>>();
  for (const r of rows) {
    const list = bySignal.get(Number(r.net)) ?? [];
    if (list.length === 0) bySignal.set(Number(r.net), list);
    const f = followed.get(key(r));
    const all = withFollowings({ E: Number(r.E), V: Number(r.V) }, f, false);
    const c = judge(Number(r.O), all.E, all.V, Number(r.G), level);
    if (f !== undefined) c[f.kind] = round(f.E);
    const raw = unsharedBy.get(key(r));
    const u = raw && judgeUnshared(withFollowings(raw, f, true), level);
    const rawTiming = timingBy.get(key(r));
    const t = rawTiming && judgeTiming(rawTiming, level);
    const rawReaction = reactionBy.get(key(r));
    const q = rawReaction && judgeReaction(rawReaction, level, 2);
    c.test = c.beyondChance
      ? 'all'
      : u?.beyondChance
        ? 'unshared'
        : t?.beyondChance
          ? 'timing'
          : q?.beyondChance
            ? 'reaction'
            : null;
    if (u !== undefined) {
      c.unshared = u;
      c.beyondChance ||= u.beyondChance;
    }
    if (t !== undefined && t.observed > 0) {
      c.timing = t;
      c.beyondChance ||= t.beyondChance;
    }
    if (q !== undefined) {
      c.reaction = q;
      c.beyondChance ||= q.beyondChance;
    }
    list.push([SIGNALS[Number(r.sig)] as SignalName, c]);
  }
  const out = new Map<number, ChanceResult>();
  for (const [net, list] of bySignal) {
    const best = strongest(list.map(([, c]) => c));
    out.set(net, {
      zScore: best?.zScore ?? 0,
      ratio: best?.ratio ?? 0,
      observed: list.reduce((sum, [, c]) => sum + c.observed, 0),
      expected: round(list.reduce((sum, [, c]) => sum + c.expected, 0)),
      binding: list.filter(([, c]) => c.beyondChance).map(([name]) => name),
      perSignal: Object.fromEntries(list),
    });
  }
  return out;
}

/** The unshared-items test of one network and signal: as `judge`, its normal tail doubled. */
function judgeUnshared(r: Omit<AccountSignalRow, 'aid'>, level: Level): UnsharedChance {
  const c = judge(Number(r.O), Number(r.E), Number(r.V), Number(r.G), level);
  const zScore = multiplyTail(c.zScore, 2);
  const beyondChance = zScore >= level.minZScore && c.ratio >= level.minRatio && c.groups >= level.minGroups;
  return {
    observed: c.observed,
    expected: c.expected,
    zScore,
    ratio: c.ratio,
    groups: c.groups,
    beyondChance,
  };
}

/**
 * An in-step count (`timingRows`, `timingNetworkRows`) against its expectation, tails multiplied by
 * `tailFactor`, on at least timing.minGroups windows. An account's count of windows comes with its exact
 * tail. A network's pair count is judged by the smaller z of the normal one (whose variance allows for the
 * pairs of one item-window coming together) and the exact Poisson tail against its expectation (right when
 * few meet at a time, where the normal tail is far too thin: six pairs against 0.3 are not five standard
 * deviations out).
 */
function scoreInStep(r: Omit<AccountSignalRow, 'aid'>, level: Level, tailFactor: number): SignalChance {
  const minGroups = Math.max(level.minGroups, level.timing?.minGroups ?? 0);
  const c = judge(Number(r.O), Number(r.E), Number(r.V), Number(r.G), { ...level, minGroups });
  if (r.tail !== undefined) {
    c.zScore = round(Math.min(zFromUpperTail(Math.min(1, tailFactor * r.tail)), 40));
  } else {
    const poisson = Math.min(zFromUpperTail(poissonUpperTail(Math.round(c.observed), Number(r.E))), 40);
    c.zScore = multiplyTail(round(Math.min(c.zScore, poisson)), tailFactor);
  }
  c.beyondChance = c.zScore >= level.minZScore && c.ratio >= level.minRatio && c.groups >= minGroups;
  return c;
}

/** The timing test of one network and signal, its tail doubled as the second test's. */
function judgeTiming(r: Omit<AccountSignalRow, 'aid'>, level: Level): UnsharedChance {
  const { observed, expected, zScore, ratio, groups, beyondChance } = scoreInStep(r, level, 2);
  return { observed, expected, zScore, ratio, groups, beyondChance };
}

/**
 * The reaction test of one network (or account) and signal: the sum S of -ln(rank) against a gamma law with the
 * model's mean M and variance V (shape M^2 / V, scale V / M), its tail multiplied by `tailFactor`; the ratio is
 * S / M (3 means that the reactions sat, on a geometric average, in the first 5% of their crowds, where an
 * account timed like the crowd sits at 37%), and the posts count as the item-windows of the other tests.
 */
function judgeReaction(r: ReactionRow, level: Level, tailFactor: number): SignalChance {
  const [S, M, V, items] = [Number(r.S), Number(r.M), Number(r.V), Number(r.items)];
  const tail = S > M && V > 0 ? gammaUpperTail((M * M) / V, (S * M) / V) : 1;
  const zScore = round(
    S > M
      ? Math.min(zFromUpperTail(Math.min(1, tailFactor * tail)), 40)
      : (S - M) / Math.sqrt(Math.max(V, 1e-9)),
  );
  // The effect on the scale of the other tests' O/E, a factor: on a geometric average, members reacted ahead
  // of a share of their crowds `ratio` times smaller than an account timed like the crowd would (O = e^(S/V),
  // the inverse of their geometric-mean rank, against E = e^(M/V)). S/M is no such factor: it grows with ln
  // of it, so a level of 3 on S/M asked for reactions some seven times ahead of the crowd, not three.
  const [O, E] = V > 0 ? [Math.exp(S / V), Math.exp(M / V)] : [1, 1];
  const ratio = round(O / E);
  return {
    observed: round(O),
    expected: round(E),
    zScore,
    ratio,
    groups: items,
    beyondChance: zScore >= level.minZScore && ratio >= level.minRatio && items >= level.minGroups,
  };
}

const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 1000) / 1000 : x);

/** One account's observed and expected co-activity on one signal, with its item-window (or item) count. */
export type AccountSignalRow = {
  net: number;
  aid: number;
  sig: number;
  O: number;
  E: number;
  V: number;
  G: bigint;
  /** Expected number of meeting item-windows, when known more closely than by E (which bounds it). */
  M?: number;
  /** The exact upper tail of O, when known (the timing test's, per account). */
  tail?: number;
};

/**
 * Each member's own co-activity with the rest of its network against chance, signal by signal: observed
 * pairs it is part of (over its items, the other members there) and their expectation p_a (mu - p_a) per
 * item, so that accounts the grouping attached to a network by a few incidental ties can be told from it.
 */
export async function scoreMembers(
  store: Store,
  level: Level,
  poolSeconds: number,
  alignments: Alignment[] = [ALIGNED],
  /** Networks (indexes of `_m`) given the looks after the first; all when undefined. */
  secondLook?: number[],
  /** The accounts tested together with `_m` (see `unsharedRows`); `_m` itself when undefined. */
  context?: string,
): Promise<Map<number, Map<number, MemberChance>>> {
  const looks: Map<number, Map<number, MemberChance>>[] = [];
  for (const al of alignments) {
    // The looks after the first read only the networks given them, through a view of `_m`.
    let members = '_m';
    if (al !== alignments[0] && secondLook !== undefined) {
      if (secondLook.length === 0) continue;
      members = '_m_look';
      await store.run(
        `CREATE OR REPLACE TEMP VIEW _m_look AS SELECT * FROM _m WHERE net IN (${secondLook.join(', ')})`,
      );
    }
    await scoreMembersOnce(
      store,
      level,
      poolSeconds,
      al,
      members,
      lookTailFactor(al, alignments),
      looks,
      al === alignments[0] ? context : undefined,
      al === alignments[0],
    );
  }
  return bestOfLooks(looks);
}

/** One look of scoreMembers: the networks of `members` scored in the windows of `al`, pushed onto `out`. */
async function scoreMembersOnce(
  store: Store,
  level: Level,
  poolSeconds: number,
  al: Alignment,
  members: string,
  tailFactor: number,
  out: Map<number, Map<number, MemberChance>>[],
  context?: string,
  /** Whether to make the reaction test, which reads no window and is made in the first look only. */
  withReaction = true,
): Promise<void> {
  await buildChanceTables(store, al, members);
  const rows = await memberRows(store, al, members);
  const unshared = await unsharedRows(store, al, members, true, context ?? members);
  const timing = level.timing?.syncSeconds ? await timingRows(store, al, members, members, level.timing) : [];
  const pooled = await pooledMeetings(store, al, members, 2, poolSeconds);
  const reaction = withReaction ? await reactionRows(store, members, true) : [];
  out.push(bestPerAccount(rows, level, pooled, tailFactor, unshared, timing, reaction));
}

/**
 * Each account's strongest signal, scored as in `judge` (an exact Poisson tail on few item-windows). An
 * account no single signal carries is scored once more on its signals pooled: the distinct windows in
 * which it met the network on any signal (`pooled`), against the sum of its expected co-activity over the
 * signals. That sum bounds the expected number of meeting item-windows, which bounds the expected number
 * of distinct meeting windows, so the pooled test stays conservative however the signals overlap; it lets
 * an account whose eight coordinated posts met the others on a link once, a text once and a tag once
 * count all of them. Every test, single or pooled, is made in each window alignment the network is given,
 * its tail multiplied by that look's `tailFactor` (see `lookTailFactor`).
 */
function bestPerAccount(
  rows: AccountSignalRow[],
  level: Level,
  pooled: Map<string, number>,
  tailFactor: number,
  /** The same accounts and signals on the items only the network touched: a second test, tail doubled. */
  unshared: AccountSignalRow[] = [],
  /** ... and their touches in step with the network's (`timingRows`, `scoreInStep`): tail doubled. */
  timing: AccountSignalRow[] = [],
  /** ... and their reposts and replies ranked against each post's crowd (`reactionRows`): tail doubled. */
  reaction: ReactionRow[] = [],
): Map<number, Map<number, MemberChance>> {
  const out = new Map<number, Map<number, MemberChance>>();
  const reactionTests = reaction.map((x) => ({
    r: { ...x, aid: Number(x.aid), O: 0, E: 0, V: 0, G: 0n },
    x,
  }));
  const tests = [
    ...rows.map((r) => ({ r, tail: tailFactor, summed: true, inStep: false, x: undefined })),
    ...unshared.map((r) => ({ r, tail: 2 * tailFactor, summed: false, inStep: false, x: undefined })),
    ...timing.map((r) => ({ r, tail: 2 * tailFactor, summed: false, inStep: true, x: undefined })),
    ...reactionTests.map(({ r, x }) => ({ r, tail: 2 * tailFactor, summed: false, inStep: false, x })),
  ];
  const sums = new Map<string, { net: number; aid: number; E: number; V: number }>();
  for (const { r, tail, summed, inStep, x } of tests) {
    const net = Number(r.net);
    const members = out.get(net) ?? new Map<number, MemberChance>();
    if (members.size === 0) out.set(net, members);
    const c = x
      ? judgeReaction(x, level, tail)
      : inStep
        ? scoreInStep(
            r,
            { ...level, minZScore: Math.max(level.minZScore, level.timing?.minZScore ?? 0) },
            tail,
          )
        : scoreCount(
            Number(r.O),
            Number(r.E),
            Number(r.V),
            Number(r.G),
            level,
            tail,
            r.M === undefined ? undefined : Number(r.M),
          );
    if (summed) {
      const key = `${net}:${r.aid}`;
      const sum = sums.get(key) ?? { net, aid: Number(r.aid), E: 0, V: 0 };
      sum.E += Number(r.E);
      sum.V += Number(r.V);
      sums.set(key, sum);
    }
    const previous = members.get(Number(r.aid));
    if (!previous || stronger(c, previous) < 0) {
      members.set(Number(r.aid), {
        zScore: c.zScore,
        ratio: c.ratio,
        signal: SIGNALS[Number(r.sig)] as SignalName,
        beyondChance: c.beyondChance,
      });
    }
  }
  for (const [key, { net, aid, E, V }] of sums) {
    const members = out.get(net);
    const best = members?.get(aid);
    if (members === undefined || best === undefined || best.beyondChance) continue;
    const groups = pooled.get(key) ?? 0;
    const c = scoreCount(groups, E, V, groups, level, tailFactor);
    if (c.beyondChance) {
      members.set(aid, { zScore: c.zScore, ratio: c.ratio, signal: 'pooled', beyondChance: true });
    }
  }
  return out;
}

/**
 * One count against its expectation, as in `judge`; on few item-windows the z comes from the exact Poisson
 * tail of the number of item-windows where the account met others, with the expected co-activity as its
 * mean (an upper bound on the expected number of such meetings). Tails are multiplied by `tailFactor`.
 */
function scoreCount(
  observed: number,
  expected: number,
  variance: number,
  groups: number,
  level: Level,
  tailFactor: number,
  /** The expected number of meeting item-windows, when known; E bounds it otherwise. */
  meetings: number = expected,
): SignalChance {
  const c = judge(observed, expected, variance, groups, level);
  if (groups <= SMALL_COUNT) {
    const tail = poissonUpperTail(groups, meetings);
    c.zScore = round(Math.min(zFromUpperTail(Math.min(1, tailFactor * tail)), 40));
  } else {
    c.zScore = multiplyTail(c.zScore, tailFactor);
  }
  c.beyondChance = c.zScore >= level.minZScore && c.ratio >= level.minRatio && groups >= level.minGroups;
  return c;
}

/** A normal z whose tail is multiplied by `factor` (a Bonferroni correction); z <= 0 has no excess to correct. */
const multiplyTail = (z: number, factor: number) =>
  factor === 1 || z <= 0 ? z : round(Math.min(zFromUpperTail(Math.min(1, factor * normalUpperTail(z))), 40));

/** Per network and account, the stronger of its scores over the window alignments. */
function bestOfLooks(
  looks: Map<number, Map<number, MemberChance>>[],
): Map<number, Map<number, MemberChance>> {
  const out = new Map<number, Map<number, MemberChance>>();
  for (const look of looks) {
    for (const [net, members] of look) {
      const best = out.get(net) ?? new Map<number, MemberChance>();
      if (best.size === 0) out.set(net, best);
      for (const [aid, m] of members) {
        const previous = best.get(aid);
        if (!previous || stronger(m, previous) < 0) best.set(aid, m);
      }
    }
  }
  return out;
}
