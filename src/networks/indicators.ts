// Inauthenticity indicators of accounts and of a network, kept apart from the coordination score: they
// describe how accounts look and behave alone (batch creation, default handles, automation clients,
// clockwork timing), which corroborates coordination but never proves it.
import type { Store } from '../store/connection.js';
import { accountIndicatorsSql, loadMembersSql } from './_indicators.sql.js';

export interface AccountRef {
  platform: string;
  account: string;
}

/** Posts of one client app; client null means the post recorded none (unknown). */
export interface ClientPosts {
  client: string | null;
  posts: number;
}

/** Shares are 0–1 and, like ratios and CVs, rounded to 3 decimals; times are ISO 8601 UTC. */
export interface AccountIndicators {
  platform: string;
  account: string;
  /** False when the account has posts but no accounts row; the profile fields below are then null. */
  profile: boolean;
  handle: string | null;
  created: string | null;
  /** Creation day (UTC, YYYY-MM-DD): the unit of batch creation. */
  createdDay: string | null;
  /** Length of the digit run that ends the handle; 0 without one or without a handle. */
  handleDigits: number;
  /** Letters then a run of at least handleDigitsMin digits, the form of sign-up default handles. */
  handlePattern: boolean;
  followers: number | null;
  following: number | null;
  /** followers / following; null when either is unknown or following is 0. */
  followerRatio: number | null;
  /** All posts, timed or not. */
  posts: number;
  reposts: number;
  repostShare: number | null;
  firstPost: string | null;
  lastPost: string | null;
  /** Distinct UTC hours of the day (0–24) with a timed post. */
  activeHours: number;
  /** Coefficient of variation of the gaps between consecutive timed posts: ~0 clockwork, ~1 Poisson-like. */
  gapCv: number | null;
  /** Posts per client, most first, ties by name, unknown last among equals. */
  clients: ClientPosts[];
  /** The most-used client (null is also what unknown looks like: tell them apart by topClientShare). */
  topClient: string | null;
  topClientShare: number | null;
  unknownClientShare: number | null;
}

export interface NetworkIndicators {
  accounts: number;
  /** Members with an accounts row. */
  withProfile: number;
  posts: number;
  creation: {
    withCreated: number;
    /** Days on which at least batchDayMinAccounts members were created, largest first (at most batchDaysMax). */
    batchDays: Array<{ day: string; accounts: number }>;
    /** All such days, including any beyond the list. */
    batchDayCount: number;
    /** The busiest creation day whether or not it reaches the batch threshold; null with no creation dates. */
    largestDay: string | null;
    largestDayAccounts: number;
    batchedAccounts: number;
    /** Of all members, not only those with a creation date: a missing date never inflates the share. */
    batchedShare: number | null;
  };
  handles: {
    withHandle: number;
    patterned: number;
    patternedShare: number | null;
  };
  clients: {
    /** Clients by posts, most first (at most topClientsMax); share is of all the network's posts. */
    top: Array<{ client: string | null; posts: number; share: number }>;
    topClientShare: number | null;
    /** Named clients only; unknown is reported by unknownClientShare. */
    distinctClients: number;
    unknownClientShare: number | null;
  };
  followers: {
    medianFollowers: number | null;
    medianFollowing: number | null;
    medianRatio: number | null;
  };
  activity: {
    medianActiveHours: number | null;
    roundTheClockAccounts: number;
    roundTheClockShare: number | null;
    /** Members with a gap CV (three timed posts or more). */
    withGapCv: number;
    medianGapCv: number | null;
  };
  /** Reposts over posts across the network: the mean of members' shares weighted by their posts. */
  repostShare: number | null;
  parameters: IndicatorsOptions;
}

export interface IndicatorsOptions {
  /** Digits that end a default handle. Twitter's sign-up defaults carry 8; 6 would also catch birth dates. */
  handleDigitsMin: number;
  /** Members created on one UTC day that make that day a batch. */
  batchDayMinAccounts: number;
  /** Distinct hours of the day that count as round-the-clock activity; people sleep. */
  roundTheClockMinHours: number;
  topClientsMax: number;
  batchDaysMax: number;
}

export const INDICATORS_DEFAULTS: Readonly<IndicatorsOptions> = Object.freeze({
  handleDigitsMin: 8,
  batchDayMinAccounts: 3,
  roundTheClockMinHours: 20,
  topClientsMax: 5,
  batchDaysMax: 10,
});

function resolve(options: Partial<IndicatorsOptions>): IndicatorsOptions {
  const o = { ...INDICATORS_DEFAULTS, ...options };
  for (const [key, value] of Object.entries(o)) {
    if (!Number.isInteger(value) || value < 0)
      throw new RangeError(`indicators: ${key} must be a whole number >= 0, got ${value}`);
  }
  if (o.handleDigitsMin < 1 || o.handleDigitsMin > 100) {
    throw new RangeError(`indicators: handleDigitsMin must be 1–100, got ${o.handleDigitsMin}`);
  }
  return o;
}

interface Row extends Record<string, unknown> {
  idx: number;
  profile: boolean;
  handle: string | null;
  created: string | null;
  created_day: string | null;
  handle_digits: number;
  handle_pattern: boolean;
  followers: number | null;
  following: number | null;
  posts: number;
  reposts: number;
  first_post: string | null;
  last_post: string | null;
  active_hours: number;
  gap_cv: number | null;
  /** JSON of ClientPosts[] with named clients only; null for an account without posts. */
  clients: string | null;
  unknown_client_posts: number;
}

// A counter, not a random name, keeps runs reproducible; concurrent calls on one store still differ.
let tableSerial = 0;

/**
 * Indicators for each member, aligned with `members` (a member repeated gets its row repeated). One scan
 * of the members' posts: a hash join against the member table, a window for the gaps, one GROUP BY.
 */
export async function computeAccountIndicators(
  store: Store,
  members: AccountRef[],
  options: Partial<IndicatorsOptions> = {},
): Promise<AccountIndicators[]> {
  const o = resolve(options);
  if (members.length === 0) return [];
  const table = `ls_indicator_members_${++tableSerial}`;
  await store.run(loadMembersSql(table), {
    platforms: JSON.stringify(members.map((m) => m.platform)),
    accounts: JSON.stringify(members.map((m) => m.account)),
  });
  try {
    const rows = await store.all<Row>(accountIndicatorsSql(table), {
      handlePattern: `^\\p{L}[\\p{L}_.]*[0-9]{${o.handleDigitsMin},}$`,
    });
    return rows.map((r) => {
      const m = members[r.idx] as AccountRef;
      return toIndicators(m, r);
    });
  } finally {
    await store.run(`DROP TABLE IF EXISTS ${table}`);
  }
}

function toIndicators(m: AccountRef, r: Row): AccountIndicators {
  const clients: ClientPosts[] = r.clients === null ? [] : JSON.parse(r.clients);
  if (r.unknown_client_posts > 0) clients.push({ client: null, posts: r.unknown_client_posts });
  clients.sort(byPostsThenName);
  const top = clients[0];
  const followerRatio =
    r.followers !== null && r.following !== null && r.following > 0 ? round(r.followers / r.following) : null;
  return {
    platform: m.platform,
    account: m.account,
    profile: r.profile,
    handle: r.handle,
    created: r.created,
    createdDay: r.created_day,
    handleDigits: r.handle_digits,
    handlePattern: r.handle_pattern,
    followers: r.followers,
    following: r.following,
    followerRatio,
    posts: r.posts,
    reposts: r.reposts,
    repostShare: share(r.reposts, r.posts),
    firstPost: r.first_post,
    lastPost: r.last_post,
    activeHours: r.active_hours,
    gapCv: r.gap_cv === null ? null : round(r.gap_cv),
    clients,
    topClient: top?.client ?? null,
    topClientShare: top === undefined ? null : share(top.posts, r.posts),
    unknownClientShare: share(r.unknown_client_posts, r.posts),
  };
}

/** The network's profile from its members' indicators; no store access, so it is cheap to recompute. */
export function summarizeNetworkIndicators(
  accounts: AccountIndicators[],
  options: Partial<IndicatorsOptions> = {},
): NetworkIndicators {
  const o = resolve(options);
  const n = accounts.length;
  const posts = sum(accounts.map((a) => a.posts));

  const perDay = new Map<string, number>();
  for (const a of accounts)
    if (a.createdDay !== null) perDay.set(a.createdDay, (perDay.get(a.createdDay) ?? 0) + 1);
  const days = [...perDay].map(([day, count]) => ({ day, accounts: count }));
  days.sort((x, y) => y.accounts - x.accounts || compare(x.day, y.day));
  const batches = days.filter((d) => d.accounts >= o.batchDayMinAccounts);
  const batchedAccounts = sum(batches.map((d) => d.accounts));

  const clientPosts = new Map<string | null, number>();
  for (const a of accounts) {
    for (const c of a.clients) clientPosts.set(c.client, (clientPosts.get(c.client) ?? 0) + c.posts);
  }
  const clients = [...clientPosts].map(([client, count]) => ({ client, posts: count }));
  clients.sort(byPostsThenName);
  const patterned = accounts.filter((a) => a.handlePattern).length;
  const roundTheClock = accounts.filter((a) => a.activeHours >= o.roundTheClockMinHours).length;
  const cvs = accounts.flatMap((a) => (a.gapCv === null ? [] : [a.gapCv]));

  return {
    accounts: n,
    withProfile: accounts.filter((a) => a.profile).length,
    posts,
    creation: {
      withCreated: accounts.filter((a) => a.createdDay !== null).length,
      batchDays: batches.slice(0, o.batchDaysMax),
      batchDayCount: batches.length,
      largestDay: days[0]?.day ?? null,
      largestDayAccounts: days[0]?.accounts ?? 0,
      batchedAccounts,
      batchedShare: share(batchedAccounts, n),
    },
    handles: {
      withHandle: accounts.filter((a) => a.handle !== null).length,
      patterned,
      patternedShare: share(patterned, n),
    },
    clients: {
      top: clients.slice(0, o.topClientsMax).map((c) => ({ ...c, share: share(c.posts, posts) ?? 0 })),
      topClientShare: clients[0] === undefined ? null : share(clients[0].posts, posts),
      distinctClients: clients.filter((c) => c.client !== null).length,
      unknownClientShare: share(clientPosts.get(null) ?? 0, posts),
    },
    followers: {
      medianFollowers: median(accounts.flatMap((a) => (a.followers === null ? [] : [a.followers]))),
      medianFollowing: median(accounts.flatMap((a) => (a.following === null ? [] : [a.following]))),
      medianRatio: median(accounts.flatMap((a) => (a.followerRatio === null ? [] : [a.followerRatio]))),
    },
    activity: {
      medianActiveHours: median(accounts.filter((a) => a.posts > 0).map((a) => a.activeHours)),
      roundTheClockAccounts: roundTheClock,
      roundTheClockShare: share(roundTheClock, n),
      withGapCv: cvs.length,
      medianGapCv: median(cvs),
    },
    repostShare: share(sum(accounts.map((a) => a.reposts)), posts),
    parameters: o,
  };
}

export const ACCOUNT_INDICATOR_COLUMNS: readonly string[] = Object.freeze([
  'platform',
  'account',
  'profile',
  'handle',
  'created',
  'created_day',
  'handle_digits',
  'handle_pattern',
  'followers',
  'following',
  'follower_ratio',
  'posts',
  'reposts',
  'repost_share',
  'first_post',
  'last_post',
  'active_hours',
  'gap_cv',
  'distinct_clients',
  'top_client',
  'top_client_share',
  'unknown_client_share',
]);

/** One accounts.csv row; booleans as 1/0 so that spreadsheets sum them. */
export function flattenAccountIndicators(x: AccountIndicators): Array<string | number | null> {
  return [
    x.platform,
    x.account,
    x.profile ? 1 : 0,
    x.handle,
    x.created,
    x.createdDay,
    x.handleDigits,
    x.handlePattern ? 1 : 0,
    x.followers,
    x.following,
    x.followerRatio,
    x.posts,
    x.reposts,
    x.repostShare,
    x.firstPost,
    x.lastPost,
    x.activeHours,
    x.gapCv,
    x.clients.filter((c) => c.client !== null).length,
    x.topClient,
    x.topClientShare,
    x.unknownClientShare,
  ];
}

function byPostsThenName(x: ClientPosts, y: ClientPosts): number {
  if (x.posts !== y.posts) return y.posts - x.posts;
  if (x.client === null || y.client === null)
    return (x.client === null ? 1 : 0) - (y.client === null ? 1 : 0);
  return compare(x.client, y.client);
}

/** Code-unit order, not locale order, so output never depends on the machine's locale. */
function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}

function share(part: number, whole: number): number | null {
  return whole > 0 ? round(part / whole) : null;
}

function sum(xs: number[]): number {
  let s = 0;
  for (const x of xs) s += x;
  return s;
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const mid = s.length >> 1;
  const hi = s[mid] as number;
  return round(s.length % 2 === 1 ? hi : ((s[mid - 1] as number) + hi) / 2);
}
