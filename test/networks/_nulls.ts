// What the chance model's oracle and detection tests share: drawing members as a null's independent
// accounts draw (systematic sampling proportional to size), the moments of a Monte Carlo, a repost signal
// with a population, and the accounts a detection reports.
import { seededRandom } from '@lockstep/generate';
import { ALIGNED, prepareWindows } from '../../src/networks/chance.js';
import { detectNetworks } from '../../src/networks/index.js';
import { computeSignals, type SignalName } from '../../src/signals/index.js';
import type { Store } from '../../src/store/index.js';
import { accountNames, background, type FixturePost, storeWith } from '../signals/_fixture.js';

/** A random order of 0..n-1 (Fisher-Yates). */
export function shuffled(rnd: () => number, n: number): number[] {
  const order = Array.from({ length: n }, (_, i) => i);
  for (let i = n - 1; i > 0; i--) {
    const j = Math.floor(rnd() * (i + 1));
    [order[i], order[j]] = [order[j] as number, order[i] as number];
  }
  return order;
}

/**
 * `k` distinct indexes of `weights`, index i with probability exactly k w_i / sum(w) (systematic sampling
 * proportional to size over a random order; needs k w_i / sum(w) <= 1). The member keeps exactly k
 * touches, as a null's independent account does.
 */
export function pickProportional(rnd: () => number, weights: number[], k: number): number[] {
  const step = weights.reduce((s, x) => s + x, 0) / k;
  let point = rnd() * step;
  let cum = 0;
  const out: number[] = [];
  for (const i of shuffled(rnd, weights.length)) {
    cum += weights[i] as number;
    if (point < cum && out.length < k) {
      out.push(i);
      point += step;
    }
  }
  return out;
}

/** Sample mean and variance, with their standard errors (the variance's from the fourth central moment). */
export function moments(xs: number[]) {
  const n = xs.length;
  const mean = xs.reduce((s, x) => s + x, 0) / n;
  const variance = xs.reduce((s, x) => s + (x - mean) ** 2, 0) / (n - 1);
  const m4 = xs.reduce((s, x) => s + (x - mean) ** 4, 0) / n;
  return { mean, variance, seMean: Math.sqrt(variance / n), seVariance: Math.sqrt((m4 - variance ** 2) / n) };
}

/** Member pairs on the same index: the sum over indexes of C(members there, 2). */
export function pairsOn(picks: number[][]): number {
  const on = new Map<number, number>();
  for (const p of picks) for (const i of p) on.set(i, (on.get(i) ?? 0) + 1);
  let pairs = 0;
  for (const m of on.values()) pairs += (m * (m - 1)) / 2;
  return pairs;
}

/**
 * Ten days of 300 everyday users (`background`) who also repost each other's posts now and then, 1,500
 * reposts within three hours of their originals: a repost signal with a population.
 */
export function everydayWithReposts(seed: number): FixturePost[] {
  const everyday = background(300, 10);
  const rnd = seededRandom(seed);
  const reposts: FixturePost[] = Array.from({ length: 1500 }, () => {
    const k = Math.floor(rnd() * everyday.length);
    const original = everyday[k] as FixturePost;
    return {
      account: `bg${Math.floor(rnd() * 300)}`,
      hour: original.hour + rnd() * 3,
      kind: 'repost',
      repostOf: `p${k}`,
      repostOfAccount: original.account,
    };
  });
  return [...everyday, ...reposts];
}

/**
 * `base` then `extra`, with the ids that `extra`'s reposts and replies give (p0, p1, ... within `extra`)
 * shifted to where `extra` starts: storeWith numbers the posts of the whole list.
 */
export function appended(base: FixturePost[], extra: FixturePost[]): FixturePost[] {
  const shift = (id: string) => `p${Number(id.slice(1)) + base.length}`;
  return [
    ...base,
    ...extra.map((p) => ({
      ...p,
      ...(p.repostOf ? { repostOf: shift(p.repostOf) } : {}),
      ...(p.replyTo ? { replyTo: shift(p.replyTo) } : {}),
    })),
  ];
}

/** Detects with the defaults and returns the account names of each reported network. */
export async function reportedAccounts(posts: FixturePost[]): Promise<string[][]> {
  const store = await storeWith(posts);
  try {
    const detection = await detectNetworks(store, {});
    const names = await accountNames(store);
    return detection.candidates
      .filter((c) => c.beyondChance)
      .map((c) => c.members.map((aid) => names.get(aid) ?? ''));
  } finally {
    store.close();
  }
}

/**
 * Runs `signal` on `posts`, writes the accounts named m0, m1, ... as network 0 with no account left out of
 * the reference (as detect.ts does), and returns what `score` reads from the store then.
 */
export async function scoredAsNetwork<T>(
  posts: FixturePost[],
  signal: SignalName,
  score: (store: Store) => Promise<T>,
): Promise<T> {
  const store = await storeWith(posts);
  try {
    await computeSignals(store, { signals: [signal] });
    await prepareWindows(store, ALIGNED);
    await store.run(`
      CREATE OR REPLACE TEMP TABLE _m AS SELECT aid, 0 AS net FROM _acct WHERE account LIKE 'm%';
      CREATE OR REPLACE TEMP TABLE _xg (aid INTEGER);`);
    return await score(store);
  } finally {
    store.close();
  }
}
