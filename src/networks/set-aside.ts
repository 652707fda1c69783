// What chance explained, by name: every candidate group that detection set aside, with its members, its figures
// per signal and why it went (no signal bound it as found; its kept members were fewer than --min-accounts;
// or they no longer bound after the member rule), and the members the member rule set aside from reported
// networks with their member z. So a user can look into what was judged chance and argue with it. Reads the
// `_acct` table detectNetworks leaves on the connection, like describe.ts, and changes nothing it wrote.
import { SIGNALS, type SignalName } from '../signals/index.js';
import type { Store } from '../store/index.js';
import { headlineTest, type SignalChance } from './chance.js';
import type { NetworkDescription } from './describe.js';
import type { Candidate, Detection } from './detect.js';

/**
 * Why a candidate was set aside: `not-bound`, no signal was beyond chance for the group as found;
 * `too-few-kept`, one was, but the member rule kept fewer than minAccounts members; `unbound-after-rule`,
 * the kept members, scored again, no longer bound on a signal that bound the group as found.
 */
export type SetAsideReason = 'not-bound' | 'too-few-kept' | 'unbound-after-rule';

/** A member of a set-aside group or a pruned member: its key (as networks and edges.csv name accounts). */
export interface SetAsideAccount {
  key: string;
  handle: string | null;
  name: string | null;
  /** Its own co-activity with its group against chance (null when the member rule did not run on it). */
  memberZScore: number | null;
  memberRatio: number | null;
}

/**
 * A signal's figures for a set-aside group: those of the test that binds it (`test`), or of all items when
 * none does (`test` null). O is member pairs sharing an item in a window, E what independent accounts give.
 */
export interface SetAsideSignal {
  observed: number;
  expected: number;
  zScore: number;
  ratio: number;
  groups: number;
  test: SignalChance['test'] | null;
}

export interface SetAsideCandidate {
  /** 1..n: most accounts first, then the smallest account key (code-unit order). */
  id: number;
  size: number;
  reason: SetAsideReason;
  /** Members the member rule kept (null when it did not run: `not-bound`). */
  kept: number | null;
  /** The group as found, against chance: its strongest signal's figures. */
  zScore: number;
  ratio: number;
  observed: number;
  expected: number;
  /** Signals beyond chance for the group as found. */
  binding: SignalName[];
  signals: Partial<Record<SignalName, SetAsideSignal>>;
  /** Judged as the rest of a connected part of the graph (thin reference; see detect.ts). */
  joined: boolean;
  /** By key, code-unit order. */
  members: SetAsideAccount[];
}

/** A member the member rule took out of a reported network. */
export interface PrunedMember extends SetAsideAccount {
  network: number;
}

export interface SetAsideDescription {
  candidates: SetAsideCandidate[];
  /** By network, then key. */
  pruned: PrunedMember[];
}

export async function describeSetAside(
  store: Store,
  detection: Detection,
  networks: ReadonlyArray<Pick<NetworkDescription, 'id' | 'accounts'>>,
): Promise<SetAsideDescription> {
  const aside = detection.candidates.filter((c) => !(c.beyondChance && c.members.length > 0));
  const reported = detection.candidates.filter((c) => c.beyondChance && c.members.length > 0);
  // A reported network's pruned members, and one kept member to tell which network it is.
  const wanted = [
    ...aside.flatMap((c) => c.members),
    ...reported.flatMap((c) => (c.pruned.length > 0 ? [...c.pruned, ...c.members.slice(0, 1)] : [])),
  ];
  const rows =
    wanted.length === 0
      ? []
      : await store.all<{
          aid: number;
          platform: string;
          account: string;
          handle: string | null;
          name: string | null;
        }>(
          `SELECT a.aid, a.platform, a.account, ac.handle, ac.name FROM _acct a
           LEFT JOIN accounts ac ON ac.platform = a.platform AND ac.id = a.account
           WHERE a.aid IN (SELECT unnest($1::INTEGER[]))`,
          [JSON.stringify([...new Set(wanted)])],
        );
  const platforms = await store.one<{ n: bigint }>(`SELECT count(DISTINCT platform) AS n FROM _acct`);
  const byAid = new Map(
    rows.map((r) => [
      Number(r.aid),
      {
        key: Number(platforms.n) > 1 ? `${r.platform}:${r.account}` : r.account,
        handle: r.handle,
        name: r.name,
      },
    ]),
  );
  const account = (c: Candidate, aid: number): SetAsideAccount => {
    const a = byAid.get(aid);
    const m = c.memberChance.get(aid);
    return {
      key: a?.key ?? String(aid),
      handle: a?.handle ?? null,
      name: a?.name ?? null,
      memberZScore: m?.zScore ?? null,
      memberRatio: m?.ratio ?? null,
    };
  };
  const byKey = (x: SetAsideAccount, y: SetAsideAccount) => compare(x.key, y.key);
  const minAccounts = detection.parameters.minAccounts;
  const candidates = aside
    .map((c) => ({ c, members: c.members.map((aid) => account(c, aid)).sort(byKey) }))
    .sort(
      (x, y) =>
        y.members.length - x.members.length || compare(x.members[0]?.key ?? '', y.members[0]?.key ?? ''),
    )
    .map(({ c, members }, i): SetAsideCandidate => {
      // When the group is set aside, its chance figures are those of the group as found (detect.ts judge).
      const bound = c.chance.binding.length > 0;
      const kept = bound
        ? c.members.filter((aid) => c.memberChance.get(aid)?.beyondChance === true).length
        : null;
      return {
        id: i + 1,
        size: members.length,
        reason: !bound ? 'not-bound' : (kept ?? 0) < minAccounts ? 'too-few-kept' : 'unbound-after-rule',
        kept,
        zScore: c.chance.zScore,
        ratio: c.chance.ratio,
        observed: c.chance.observed,
        expected: c.chance.expected,
        binding: [...c.chance.binding],
        signals: signalFigures(c.chance.perSignal),
        joined: c.joined === true,
        members,
      };
    });
  // Pruned members by the reported network they were taken from (matched by a kept member's key).
  const networkOf = new Map<string, number>();
  for (const n of networks) for (const a of n.accounts) networkOf.set(a.key, n.id);
  const pruned = reported
    .flatMap((c) => {
      const first = c.members[0];
      const network = first === undefined ? undefined : networkOf.get(byAid.get(first)?.key ?? '');
      return network === undefined ? [] : c.pruned.map((aid) => ({ network, ...account(c, aid) }));
    })
    .sort((x, y) => x.network - y.network || byKey(x, y));
  return { candidates, pruned };
}

function signalFigures(
  perSignal: Partial<Record<SignalName, SignalChance>>,
): Partial<Record<SignalName, SetAsideSignal>> {
  const out: Partial<Record<SignalName, SetAsideSignal>> = {};
  for (const s of SIGNALS) {
    const c = perSignal[s];
    if (c === undefined) continue;
    const test = c.test ?? null;
    const h = headlineTest(c);
    out[s] = {
      observed: h.observed,
      expected: h.expected,
      zScore: h.zScore,
      ratio: h.ratio,
      groups: h.groups,
      test,
    };
  }
  return out;
}

/** Code-unit order, not locale order, so output never depends on the machine's locale. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
