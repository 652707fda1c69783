// What each reported network is: its accounts (with centrality and role), coordinated posts and their span,
// the signals that bind it and their chance figures, density, its top hashtags / links / domains with the
// share of each one's volume it produced, its top texts, inauthenticity indicators, and for every internal
// edge the post pairs that created it. Reads the temp tables detectNetworks leaves on the connection, so it
// must run on the same store right after detection. Past 400 lines: about half is the documented record
// shape (the networks.json schema), the rest assembles it from several queries (SQL in _describe.sql.ts).
import { SIGNALS, type SignalName, windowSql } from '../signals/index.js';
import type { Store } from '../store/index.js';
import {
  coordinatedPostsSql,
  EVIDENCE_PAIRS_SQL,
  edgesSql,
  evidenceItemNamesSql,
  evidencePairsSql,
  evidencePostsSql,
  evidenceSharedSql,
  MEMBERS_SQL,
  memberCoactivitySql,
  NETWORK_FIGURES_SQL,
  signalWeightsSql,
  topTextsSql,
  topValuesSql,
  UNBACKED_MEMBERS_SQL,
} from './_describe.sql.js';
import type { SignalChance } from './chance.js';
import type { Detection } from './detect.js';
import {
  type AccountIndicators,
  computeAccountIndicators,
  type IndicatorsOptions,
  type NetworkIndicators,
  summarizeNetworkIndicators,
} from './indicators.js';

export const DESCRIBE_DEFAULTS = {
  /** Top hashtags, links and domains listed per network. */
  topItems: 10,
  topTexts: 5,
  /** Characters kept of a top text's example post and of each evidence post. */
  exampleChars: 500,
  evidenceChars: 280,
  /** The strongest edges per network whose evidence posts are given with time and text (all get ids). */
  evidenceEdges: 20,
  /** Items named per evidence post pair (the heaviest; two posts rarely share more). */
  itemsPerPair: 5,
  /** Characters kept of a shared text when it names the item a pair shares. */
  itemChars: 60,
  /** A member whose centrality (strength / the network's largest) reaches this is 'core'. */
  coreCentrality: 0.5,
};
export type DescribeOptions = typeof DESCRIBE_DEFAULTS & { indicators?: Partial<IndicatorsOptions> };

export interface NetworkAccount {
  /** The id edges, edges.csv and the graph files use: the account id, `platform:account` across platforms. */
  key: string;
  platform: string;
  account: string;
  handle: string | null;
  name: string | null;
  /** Strength over the network's largest strength, 0–1. */
  centrality: number;
  /** Internal edges and their summed weight. */
  degree: number;
  strength: number;
  role: 'core' | 'member';
  /** The account's coordinated posts. */
  posts: number;
  /** The member's own co-activity with its network against chance (its strongest signal). */
  memberZScore: number | null;
  memberRatio: number | null;
}

/** A value's coordinated posts in the network, against all posts with it and those within the span. */
export interface ValueShare {
  posts: number;
  totalPosts: number;
  share: number;
  spanPosts: number;
  spanShare: number;
}

/** A text two members or more posted among the network's coordinated posts (one account's own repeats are not). */
export interface TopText {
  text: string;
  posts: number;
  accounts: number;
  /** The original text of its earliest post, cut to exampleChars. */
  example: string | null;
}

export interface EvidencePost {
  id: string;
  time: string;
  text: string | null;
  /** The post it answers (co-reply's item), and the original it reposts or quotes (co-repost's). */
  replyTo: string | null;
  shares: string | null;
}

/** An evidence post the store no longer holds: its id only. */
const unknownPost = (id: string): EvidencePost => ({ id, time: '', text: null, replyTo: null, shares: null });

/** An item two posts share, named as a reader knows it. */
export interface SharedItem {
  signal: SignalName;
  /**
   * What the two posts share: `#tag` (cohashtag), the URL (colink), the site (codomain), `@account`
   * (comention), the id of the post both repost or quote (corepost; its normalised text when the data gives
   * the repost no id), the id of the post both answer (coreply), or for near-duplicates (neardup) one text of
   * the family, normalised and cut to `itemChars` (its members are near-identical, not always equal).
   */
  item: string;
}

/** A post pair that ties two accounts: the item it shares that weighs most, and any others it shares too. */
export interface EvidenceItems extends SharedItem {
  /** The other items the same two posts share (at most itemsPerPair - 1), heaviest first. */
  alsoShared: SharedItem[];
}

export interface NetworkEdge {
  source: string;
  target: string;
  weight: number;
  /** Distinct items the pair shares (all of them). */
  items: number;
  /** Per-signal weight, before the signal weight multipliers. */
  signals: Partial<Record<SignalName, number>>;
  /**
   * Distinct post pairs (at most evidencePerEdge), the pair whose shared items weigh most first, each with
   * the item it shares that weighs most; `a` is the source's post.
   */
  evidence: Array<SharedItem & { a: string; b: string }>;
  /** Distinct post pairs that tie the two in all (one per shared item, fewer when posts share several). */
  evidenceTotal: number;
}

/** An edge's evidence with the posts themselves, for the network's strongest edges. */
export interface EdgeEvidence {
  source: string;
  target: string;
  weight: number;
  items: number;
  /** Distinct post pairs, as NetworkEdge.evidence, with each pair's shared item named. */
  pairs: Array<EvidenceItems & { a: EvidencePost; b: EvidencePost }>;
}

/**
 * The evidence for a member with no edge inside its network (degree 0): the detection kept it for its own
 * co-activity with the network, counted on every item it shares in a window with another member, while an
 * edge needs minSharedItems shared items. The member it shares the most item-windows with, and their posts.
 */
export interface MemberEvidence {
  /** The member's key, and the other member's. */
  account: string;
  with: string;
  /** Item-windows the two share. */
  items: number;
  /** Distinct post pairs (the member's post, then the other's), those sharing the most items first. */
  pairs: Array<EvidenceItems & { a: EvidencePost; b: EvidencePost }>;
}

/** An account detection kept in a network that shares nothing with its other members (not listed in it). */
export interface UnbackedMember {
  key: string;
  platform: string;
  account: string;
  handle: string | null;
  name: string | null;
  memberZScore: number | null;
  memberRatio: number | null;
}

/** A signal of a reported network: its edge weight and count, and its figures against chance. */
export interface NetworkSignal extends SignalChance {
  weight: number;
  edges: number;
}

export interface NetworkDescription {
  id: number;
  size: number;
  accounts: NetworkAccount[];
  posts: number;
  memberPosts: number;
  start: string | null;
  end: string | null;
  zScore: number;
  ratio: number;
  observed: number;
  expected: number;
  binding: SignalName[];
  signals: Partial<Record<SignalName, NetworkSignal>>;
  density: number;
  internalEdges: number;
  topHashtags: Array<{ hashtag: string } & ValueShare>;
  topLinks: Array<{ url: string } & ValueShare>;
  topDomains: Array<{ domain: string } & ValueShare>;
  topTexts: TopText[];
  indicators: NetworkIndicators;
  /** Accounts of the group set aside by the member rule. */
  pruned: number;
  /**
   * True when the network was judged as the rest of a connected part of the graph once the other networks
   * were taken out, with their accounts left out of its reference (a thin reference; docs/method.md).
   */
  joined: boolean;
  /** The strongest `evidenceEdges` edges (weight, then ids) with their evidence posts. */
  evidence: EdgeEvidence[];
  /** For each member with no internal edge, what ties it to the network (see MemberEvidence). */
  memberEvidence: MemberEvidence[];
  /**
   * Accounts the detection kept in the network that share no item in a window with any other member and
   * have no edge: nothing a reader could open backs them, so they are not among `accounts` (nor `size`).
   */
  unbacked: UnbackedMember[];
  /** Every internal edge (written to edges.csv and the graph files rather than networks.json). */
  edges: NetworkEdge[];
  /** Aligned with accounts; written to accounts.csv rather than networks.json. */
  accountIndicators: AccountIndicators[];
}

export async function describeNetworks(
  store: Store,
  detection: Detection,
  options: Partial<DescribeOptions> = {},
): Promise<NetworkDescription[]> {
  const o: DescribeOptions = { ...DESCRIBE_DEFAULTS, ...options };
  const p = detection.parameters;
  const signals = SIGNALS.filter((s) => p.signals.includes(s));
  const reported = detection.candidates.filter((c) => c.beyondChance && c.members.length > 0);
  const accounts = await store.all<{ aid: number; platform: string; account: string }>(
    `SELECT aid, platform, account FROM _acct WHERE aid IN (SELECT unnest($1::INTEGER[]))`,
    [JSON.stringify(reported.flatMap((c) => c.members))],
  );
  const byAid = new Map(accounts.map((a) => [Number(a.aid), a]));
  const platforms = await store.one<{ n: bigint }>(`SELECT count(DISTINCT platform) AS n FROM _acct`);
  const keyOf = (platform: string, account: string) =>
    Number(platforms.n) > 1 ? `${platform}:${account}` : account;
  // Ids 1..n: most accounts first, then the smallest account id (code-unit order, never the locale's).
  const smallest = (members: number[]) =>
    members.map((aid) => byAid.get(aid)?.account ?? '').reduce((x, y) => (y < x ? y : x));
  const ordered = reported
    .map((c) => ({ c, first: smallest(c.members) }))
    .sort((x, y) => y.c.members.length - x.c.members.length || compare(x.first, y.first))
    .map((x) => x.c);
  await store.run(`CREATE OR REPLACE TEMP TABLE _dm (aid INTEGER, net INTEGER)`);
  if (ordered.length === 0) return [];
  const appender = await store.con.createAppender('_dm', 'main', 'temp');
  ordered.forEach((c, k) => {
    for (const aid of c.members) {
      appender.appendInteger(aid);
      appender.appendInteger(k + 1);
      appender.endRow();
    }
  });
  appender.closeSync();
  const win = windowSql(p);
  await store.run(coordinatedPostsSql(win));
  await store.run(UNBACKED_MEMBERS_SQL);
  const unbacked = groupBy(
    await store.all<{
      net: number;
      aid: number;
      platform: string;
      account: string;
      handle: string | null;
      name: string | null;
    }>(`SELECT u.net, u.aid, a.platform, a.account, ac.handle, ac.name FROM _dun u JOIN _acct a USING (aid)
        LEFT JOIN accounts ac ON ac.platform = a.platform AND ac.id = a.account ORDER BY u.net, a.account`),
  );

  const members = groupBy(
    await store.all<{
      net: number;
      aid: number;
      platform: string;
      account: string;
      handle: string | null;
      name: string | null;
      degree: number;
      strength: number;
      posts: number;
    }>(MEMBERS_SQL),
  );
  const figures = new Map(
    (
      await store.all<{
        net: number;
        posts: number;
        t0: bigint | null;
        t1: bigint | null;
        member_posts: number;
        edges: number;
      }>(NETWORK_FIGURES_SQL)
    ).map((r) => [Number(r.net), r]),
  );
  const weights = new Map(
    signals.length === 0
      ? []
      : (await store.all<Record<string, number>>(signalWeightsSql(signals))).map((r) => [Number(r.net), r]),
  );
  const hashtags = groupBy(await store.all<TopRow>(topValuesSql('hashtags', o.topItems)));
  const links = groupBy(await store.all<TopRow>(topValuesSql('urls', o.topItems)));
  const domains = groupBy(await store.all<TopRow>(topValuesSql('domains', o.topItems)));
  const texts = groupBy(
    await store.all<{ net: number; text: string; posts: number; accounts: number; example: string | null }>(
      topTextsSql(o.topTexts, o.exampleChars),
    ),
  );
  const { edges, pids, ends } = await readEdges(store, signals, o, p.evidencePerEdge, (aid) => {
    const a = byAid.get(aid);
    return a === undefined ? String(aid) : keyOf(a.platform, a.account);
  });
  // Texts only for the strongest edges: a flood of hundreds of accounts has tens of thousands of edges.
  const strongest = new Map<number, NetworkEdge[]>();
  for (const [net, list] of edges) {
    const top = [...list]
      .sort((x, y) => y.weight - x.weight || compare(x.source, y.source) || compare(x.target, y.target))
      .slice(0, o.evidenceEdges);
    strongest.set(net, top);
  }
  const wanted = [...strongest.values()].flat().flatMap((e) => (pids.get(e) ?? []).flat());
  const posts = new Map<number, EvidencePost>();
  if (wanted.length > 0) {
    const rows = await store.all<{
      pid: number;
      id: string;
      time: string;
      text: string | null;
      reply_to: string | null;
      shares: string | null;
    }>(evidencePostsSql(o.evidenceChars), [JSON.stringify([...new Set(wanted)])]);
    for (const r of rows)
      posts.set(Number(r.pid), {
        id: r.id,
        time: r.time,
        text: r.text,
        replyTo: r.reply_to,
        shares: r.shares,
      });
  }
  // What else each of those pairs shares (the heaviest item is named for every edge already).
  const shared = new Map<string, SharedItem[]>();
  const quads = [...strongest.values()].flat().flatMap((e) => {
    const [a, c] = ends.get(e) ?? [-1, -1];
    return (pids.get(e) ?? []).map(([pa, pc]) => [a, c, pa, pc]);
  });
  if (quads.length > 0) {
    const rows = await store.all<{ pa: number; pc: number; items: Array<[string, string]> }>(
      evidenceSharedSql(Math.max(1, o.itemsPerPair), o.itemChars),
      [JSON.stringify(quads)],
    );
    for (const r of rows)
      shared.set(
        `${r.pa}-${r.pc}`,
        r.items.map(([sig, item]) => ({ signal: SIGNALS[Number(sig)] as SignalName, item })),
      );
  }
  // Evidence posts by working-set id: post ids are unique per platform only.
  const pairsOf = (e: NetworkEdge) =>
    e.evidence.map((x, i) => {
      const [pa, pc] = pids.get(e)?.[i] ?? [-1, -1];
      const all = shared.get(`${pa}-${pc}`) ?? [];
      return {
        signal: x.signal,
        item: x.item,
        alsoShared: all.filter((y) => y.signal !== x.signal || y.item !== x.item),
        a: posts.get(pa) ?? unknownPost(x.a),
        b: posts.get(pc) ?? unknownPost(x.b),
      };
    });

  const lists: NetworkAccount[][] = [];
  const aidOf = new Map<string, number>();
  for (const [k, c] of ordered.entries()) {
    const net = k + 1;
    const rows = members.get(net) ?? [];
    for (const r of rows) aidOf.set(keyOf(r.platform, r.account), Number(r.aid));
    const maxStrength = rows.reduce((m, r) => Math.max(m, Number(r.strength)), 0);
    const list: NetworkAccount[] = rows.map((r) => {
      const centrality = maxStrength > 0 ? round(Number(r.strength) / maxStrength) : 0;
      const mc = c.memberChance.get(Number(r.aid));
      return {
        key: keyOf(r.platform, r.account),
        platform: r.platform,
        account: r.account,
        handle: r.handle,
        name: r.name,
        centrality,
        degree: Number(r.degree),
        strength: round(Number(r.strength)),
        role: centrality >= o.coreCentrality ? 'core' : 'member',
        posts: Number(r.posts),
        memberZScore: mc?.zScore ?? null,
        memberRatio: mc?.ratio ?? null,
      };
    });
    list.sort((x, y) => y.centrality - x.centrality || compare(x.key, y.key));
    lists.push(list);
  }
  const memberEvidence = await readMemberEvidence(store, lists, aidOf, p.evidencePerEdge, o, (aid) => {
    const a = byAid.get(aid);
    return a === undefined ? String(aid) : keyOf(a.platform, a.account);
  });
  // One indicators pass over every member's posts, then cut back into networks.
  const allIndicators = await computeAccountIndicators(store, lists.flat(), o.indicators ?? {});
  const out: NetworkDescription[] = [];
  let offset = 0;
  for (const [k, c] of ordered.entries()) {
    const net = k + 1;
    const list = lists[k] ?? [];
    const accountIndicators = allIndicators.slice(offset, offset + list.length);
    offset += list.length;
    const f = figures.get(net);
    const w = weights.get(net);
    const perSignal: Partial<Record<SignalName, NetworkSignal>> = {};
    for (const s of signals) {
      const chance = c.chance.perSignal[s];
      perSignal[s] = {
        weight: round(Number(w?.[`w_${s}`] ?? 0)),
        edges: Number(w?.[`e_${s}`] ?? 0),
        ...(chance ?? { observed: 0, expected: 0, zScore: 0, ratio: 0, groups: 0, beyondChance: false }),
        test: chance?.test ?? null,
      };
    }
    const n = list.length;
    out.push({
      id: net,
      size: n,
      accounts: list,
      posts: f?.posts ?? 0,
      memberPosts: f?.member_posts ?? 0,
      start: f?.t0 == null ? null : isoSeconds(Number(f.t0)),
      end: f?.t1 == null ? null : isoSeconds(Number(f.t1)),
      zScore: c.chance.zScore,
      ratio: c.chance.ratio,
      observed: c.chance.observed,
      expected: c.chance.expected,
      binding: [...c.chance.binding],
      signals: perSignal,
      density: n > 1 ? round((f?.edges ?? 0) / ((n * (n - 1)) / 2)) : 0,
      internalEdges: f?.edges ?? 0,
      topHashtags: (hashtags.get(net) ?? []).map((r) => ({ hashtag: r.value, ...shares(r) })),
      topLinks: (links.get(net) ?? []).map((r) => ({ url: r.value, ...shares(r) })),
      topDomains: (domains.get(net) ?? []).map((r) => ({ domain: r.value, ...shares(r) })),
      topTexts: (texts.get(net) ?? []).map((r) => ({
        text: r.text,
        posts: r.posts,
        accounts: r.accounts,
        example: r.example,
      })),
      indicators: summarizeNetworkIndicators(accountIndicators, o.indicators ?? {}),
      pruned: c.pruned.length,
      joined: c.joined === true,
      evidence: (strongest.get(net) ?? []).map((e) => ({
        source: e.source,
        target: e.target,
        weight: e.weight,
        items: e.items,
        pairs: pairsOf(e),
      })),
      memberEvidence: memberEvidence.get(net) ?? [],
      unbacked: (unbacked.get(net) ?? []).map((u) => {
        const mc = c.memberChance.get(Number(u.aid));
        return {
          key: keyOf(u.platform, u.account),
          platform: u.platform,
          account: u.account,
          handle: u.handle,
          name: u.name,
          memberZScore: mc?.zScore ?? null,
          memberRatio: mc?.ratio ?? null,
        };
      }),
      edges: edges.get(net) ?? [],
      accountIndicators,
    });
  }
  return out;
}

interface TopRow extends Record<string, unknown> {
  net: number;
  value: string;
  posts: number;
  total: number;
  span: number;
}

const shares = (r: TopRow): ValueShare => ({
  posts: r.posts,
  totalPosts: r.total,
  share: r.total > 0 ? round(r.posts / r.total) : 0,
  spanPosts: r.span,
  spanShare: r.span > 0 ? round(r.posts / r.span) : 0,
});

/**
 * Every internal edge with its evidence post ids and the item each pair shares, and per edge its ends' and
 * those posts' working-set ids.
 */
async function readEdges(
  store: Store,
  signals: SignalName[],
  o: Pick<DescribeOptions, 'itemChars'>,
  perEdge: number,
  keyOf: (aid: number) => string,
): Promise<{
  edges: Map<number, NetworkEdge[]>;
  pids: Map<NetworkEdge, Array<[number, number]>>;
  ends: Map<NetworkEdge, [number, number]>;
}> {
  const byPair = new Map<string, NetworkEdge>();
  const edges = new Map<number, NetworkEdge[]>();
  const pids = new Map<NetworkEdge, Array<[number, number]>>();
  const ends = new Map<NetworkEdge, [number, number]>();
  for (const r of await store.all<Record<string, number>>(edgesSql(SIGNALS))) {
    const perSignal: Partial<Record<SignalName, number>> = {};
    for (const s of signals) {
      const value = Number(r[`w_${s}`] ?? 0);
      if (value > 0) perSignal[s] = round(value);
    }
    const edge: NetworkEdge = {
      source: keyOf(Number(r.a)),
      target: keyOf(Number(r.c)),
      weight: round(Number(r.weight)),
      items: Number(r.items),
      signals: perSignal,
      evidence: [],
      evidenceTotal: 0,
    };
    byPair.set(`${r.a}-${r.c}`, edge);
    ends.set(edge, [Number(r.a), Number(r.c)]);
    const list = edges.get(Number(r.net)) ?? [];
    if (list.length === 0) edges.set(Number(r.net), list);
    list.push(edge);
  }
  if (perEdge <= 0) return { edges, pids, ends };
  await store.run(evidencePairsSql(perEdge));
  // Items by number, each named once: the 1M-post flood's 564,000 evidence pairs share 6,800 items.
  const items = (
    await store.all<{ iid: number; sig: number; name: string }>(evidenceItemNamesSql(o.itemChars))
  ).map((r): SharedItem => ({ signal: SIGNALS[Number(r.sig)] as SignalName, item: r.name }));
  for (const r of await store.all<{ a: number; c: number; total: number; pairs: string }>(
    EVIDENCE_PAIRS_SQL,
  )) {
    const edge = byPair.get(`${r.a}-${r.c}`);
    if (edge === undefined) continue;
    edge.evidenceTotal = Number(r.total);
    const list: Array<[number, number]> = [];
    for (const [pa, pc, a, b, iid] of JSON.parse(r.pairs) as Array<
      [string, string, string, string, string]
    >) {
      const item = items[Number(iid)];
      if (item === undefined) continue;
      edge.evidence.push({ ...item, a, b });
      list.push([Number(pa), Number(pc)]);
    }
    pids.set(edge, list);
  }
  await store.run(`DROP TABLE _dev; DROP TABLE _devi`);
  return { edges, pids, ends };
}

/**
 * For every member with no internal edge, the other member it shares the most item-windows with and up to
 * `perMember` of their post pairs, with the posts (MemberEvidence), by network.
 */
async function readMemberEvidence(
  store: Store,
  lists: NetworkAccount[][],
  aidOf: Map<string, number>,
  perMember: number,
  o: Pick<DescribeOptions, 'itemChars' | 'evidenceChars'>,
  keyOf: (aid: number) => string,
): Promise<Map<number, MemberEvidence[]>> {
  const out = new Map<number, MemberEvidence[]>();
  const lone = lists.flatMap((list, k) =>
    list.filter((a) => a.degree === 0).map((a) => [k + 1, aidOf.get(a.key) ?? -1]),
  );
  if (lone.length === 0 || perMember <= 0) return out;
  const rows = await store.all<{
    net: number;
    aid: number;
    other: number;
    items: bigint;
    pa: number;
    pc: number;
    shared: Array<[string, string]>;
  }>(memberCoactivitySql(perMember, o.itemChars), [JSON.stringify(lone)]);
  const posts = new Map<number, EvidencePost>();
  const pids = [...new Set(rows.flatMap((r) => [Number(r.pa), Number(r.pc)]))];
  if (pids.length > 0)
    for (const r of await store.all<{
      pid: number;
      id: string;
      time: string;
      text: string | null;
      reply_to: string | null;
      shares: string | null;
    }>(evidencePostsSql(o.evidenceChars), [JSON.stringify(pids)]))
      posts.set(Number(r.pid), {
        id: r.id,
        time: r.time,
        text: r.text,
        replyTo: r.reply_to,
        shares: r.shares,
      });
  const byMember = new Map<string, MemberEvidence>();
  for (const r of rows) {
    const net = Number(r.net);
    const id = `${net}:${r.aid}`;
    let m = byMember.get(id);
    if (m === undefined) {
      m = { account: keyOf(Number(r.aid)), with: keyOf(Number(r.other)), items: Number(r.items), pairs: [] };
      byMember.set(id, m);
      const list = out.get(net) ?? [];
      if (list.length === 0) out.set(net, list);
      list.push(m);
    }
    const [first, ...rest] = r.shared.map(
      ([sig, item]): SharedItem => ({ signal: SIGNALS[Number(sig)] as SignalName, item }),
    );
    if (first === undefined) continue;
    m.pairs.push({
      ...first,
      alsoShared: rest,
      a: posts.get(Number(r.pa)) ?? unknownPost(String(r.pa)),
      b: posts.get(Number(r.pc)) ?? unknownPost(String(r.pc)),
    });
  }
  return out;
}

function groupBy<T extends { net: number }>(rows: T[]): Map<number, T[]> {
  const out = new Map<number, T[]>();
  for (const r of rows) {
    const list = out.get(Number(r.net)) ?? [];
    if (list.length === 0) out.set(Number(r.net), list);
    list.push(r);
  }
  return out;
}

/** Code-unit order, not locale order, so output never depends on the machine's locale. */
const compare = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const round = (x: number) => Math.round(x * 1000) / 1000;
export const isoSeconds = (t: number) => new Date(t * 1000).toISOString().replace(/\.\d{3}Z$/, 'Z');
