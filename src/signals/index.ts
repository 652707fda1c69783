// Public face of the coordination signals: fill the touch table with every enabled signal, then turn the
// touches into weighted account pairs with their evidence (_pairs.ts). Tables left for later stages:
// _acct, _p (working set), _tie (ties both ways), _at/_g/_act (touches by window), _pi (pair-item rows of
// the kept pairs, with their evidence), _edge (kept pairs).
import type { Store } from '../store/index.js';
import {
  createTouchTable,
  SIGNAL_DEFAULTS,
  SIGNALS,
  type SignalDiagnostics,
  type SignalOptions,
} from './_common.js';
import { buildPairs } from './_pairs.js';
import { prepareWorkingSet } from './_prepare.sql.js';
import { buildTies } from './_ties.sql.js';
import { touchCoHashtags } from './co-hashtag.js';
import { touchCoDomains, touchCoLinks } from './co-link.js';
import { touchCoMentions } from './co-mention.js';
import { touchCoReplies } from './co-reply.js';
import { touchCoReposts } from './co-repost.js';
import { touchNearDuplicates } from './near-duplicate.js';

export {
  SIGNAL_DEFAULTS,
  SIGNALS,
  type SignalDiagnostics,
  type SignalName,
  type SignalOptions,
  signalCode,
  windowSql,
} from './_common.js';

export interface SignalRun {
  accounts: number;
  posts: number;
  /** Posts with no time: they cannot be placed in a window and take no part in detection. */
  untimedPosts: number;
  signals: SignalDiagnostics[];
  /** Account pairs resting on at least minSharedItems shared items (the rows of _edge). */
  edges: number;
  nearDuplicates: { texts: number; families: number } | null;
}

export async function computeSignals(
  store: Store,
  options: Partial<SignalOptions> = {},
  minSharedItems = 3,
  minSpreadSeconds = 0,
  onStage: (stage: string) => void = () => {},
): Promise<SignalRun> {
  const o: SignalOptions = { ...SIGNAL_DEFAULTS, ...options };
  const enabled = new Set(o.signals);
  const seconds = new Map<string, number>();
  const timed = async <T>(name: string, work: () => Promise<T>): Promise<T> => {
    onStage(name);
    const began = performance.now();
    const result = await work();
    seconds.set(name, (performance.now() - began) / 1000);
    return result;
  };
  const working = await timed('prepare', () => prepareWorkingSet(store));
  await createTouchTable(store);
  await buildTies(store);
  if (enabled.has('corepost')) await timed('corepost', () => touchCoReposts(store));
  if (enabled.has('cohashtag')) await timed('cohashtag', () => touchCoHashtags(store));
  if (enabled.has('colink')) await timed('colink', () => touchCoLinks(store));
  if (enabled.has('codomain')) await timed('codomain', () => touchCoDomains(store, o.platformDomains));
  const nearDuplicates = enabled.has('neardup')
    ? await timed('neardup', () => touchNearDuplicates(store, o))
    : null;
  if (enabled.has('comention')) await timed('comention', () => touchCoMentions(store));
  if (enabled.has('coreply')) await timed('coreply', () => touchCoReplies(store));
  const figures = await timed('pairs', () => buildPairs(store, o, minSharedItems, minSpreadSeconds));
  const signals: SignalDiagnostics[] = [];
  for (const name of SIGNALS) {
    if (!enabled.has(name)) continue;
    const f = figures.perSignal.find((x) => SIGNALS[x.sig] === name);
    signals.push({
      signal: name,
      touches: f?.touches ?? 0,
      items: f?.items ?? 0,
      cappedGroups: f?.cappedGroups ?? 0,
      largestGroupAccounts: f?.largest ?? 0,
      pairs: f?.pairs ?? 0,
      seconds: Math.round((seconds.get(name) ?? 0) * 1000) / 1000,
    });
  }
  return {
    accounts: working.accounts,
    posts: working.posts,
    untimedPosts: working.untimed,
    signals,
    edges: figures.edges,
    nearDuplicates,
  };
}
