// What every signal shares: the signal names, their options with documented defaults, and the touch table
// each signal fills (one row per account touching an item: a reposted original, a hashtag, a URL ...).
import type { Store } from '../store/index.js';

export const SIGNALS = [
  'corepost',
  'cohashtag',
  'colink',
  'codomain',
  'neardup',
  'comention',
  'coreply',
] as const;
export type SignalName = (typeof SIGNALS)[number];
export const signalCode = (name: SignalName): number => SIGNALS.indexOf(name);

export const SIGNAL_DEFAULTS = {
  /**
   * Two touches of one item co-occur when they fall within this many seconds. Two hours, from measurement
   * (BENCHMARKS.md): one hour misses much of a network that jitters its schedule by an hour or so, three
   * start to gather people reacting to a flood over an evening. See docs/method.md.
   */
  windowSeconds: 7200,
  /** How long a stretch an item's rarity is measured over (never shorter than the window). */
  rarityWindowSeconds: 86_400,
  /** Per-signal windows that override windowSeconds. */
  signalWindowSeconds: {} as Partial<Record<SignalName, number>>,
  /**
   * Groups (one item, one window) with more accounts than this are not expanded into all pairs: each account
   * is linked to the next `cappedNeighbours` in time instead. Repeated coordination still shows (the same
   * accounts keep following each other), while a trending tag or viral post costs linear, not quadratic work.
   */
  maxGroupAccounts: 50,
  /** In a capped group, each account is linked only to this many accounts that followed it in time. */
  cappedNeighbours: 10,
  /** Near-duplicate text: texts with fewer words are left out (too short to tell copying from chance). */
  minWords: 5,
  /** MinHash bands x rows per band: 6 x 5 finds pairs with Jaccard 0.9 99.8% of the time, 0.8 91%, 0.5 17%. */
  minhashBands: 6,
  minhashRows: 5,
  /** Evidence post pairs kept per edge (the total is always counted). */
  evidencePerEdge: 10,
  /** Signals to run. */
  signals: [...SIGNALS] as SignalName[],
  /** Multiplier of each signal's weight in the fused graph; co-domain is the weaker form of co-link. */
  signalWeights: {
    corepost: 1,
    cohashtag: 1,
    colink: 1,
    codomain: 0.5,
    neardup: 1,
    comention: 1,
    coreply: 1,
  } as Record<SignalName, number>,
  /** Domains of the platforms themselves, never a co-domain item (every quote links to them). */
  platformDomains: ['twitter.com', 'x.com', 't.co', 't.me', 'telegram.me', 'facebook.com', 'instagram.com'],
};
export type SignalOptions = typeof SIGNAL_DEFAULTS;

/** Per-signal figures for the manifest and the report. */
export interface SignalDiagnostics {
  signal: SignalName;
  /** Account-item touches within a window (an account touching an item several times in one counts once). */
  touches: number;
  items: number;
  /** Item-window groups too large to expand into all pairs, and the accounts in the largest. */
  cappedGroups: number;
  largestGroupAccounts: number;
  /** Account pairs linked by this signal (before the shared-items threshold). */
  pairs: number;
  seconds: number;
}

export async function createTouchTable(store: Store): Promise<void> {
  await store.run(
    `CREATE OR REPLACE TEMP TABLE _touch (sig TINYINT, item UBIGINT, aid INTEGER, t BIGINT, pid INTEGER)`,
  );
}

/**
 * The window of signal `sig` (an SQL expression) as SQL: windowSeconds, or the signal's own from
 * signalWindowSeconds. The pair builder cuts time with it; later stages use it to find the same windows.
 */
export function windowSql(
  options: Pick<SignalOptions, 'windowSeconds' | 'signalWindowSeconds'>,
): (sig: string) => string {
  const W = Math.max(1, Math.round(options.windowSeconds));
  const own = Object.entries(options.signalWindowSeconds ?? {})
    .filter(
      ([name, seconds]) =>
        SIGNALS.includes(name as SignalName) && Number.isFinite(seconds) && (seconds as number) > 0,
    )
    .map(
      ([name, seconds]) =>
        `WHEN ${SIGNALS.indexOf(name as SignalName)} THEN ${Math.round(seconds as number)}`,
    );
  return (sig) => (own.length > 0 ? `(CASE ${sig} ${own.join(' ')} ELSE ${W} END)` : String(W));
}
