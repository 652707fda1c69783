// What every signal shares: the signal names, their options with documented defaults, and the touch table
// each signal fills (one row per account touching an item: a reposted original, a hashtag, a URL ...).
import { ANALYZE_DEFAULTS } from '../settings/index.js';
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

// The options' defaults, with their reasons, are declared once in the settings registry (src/settings).
export const SIGNAL_DEFAULTS = {
  ...ANALYZE_DEFAULTS.signals,
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
