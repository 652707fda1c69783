// Public face of @lockstep/generate, the synthetic data behind `lockstep generate`, the demo, the tests and
// the benchmarks (kept out of the lockstep library's API): the seeded dataset generator (organic background
// with genuine mass mobilisation, plus four planted coordinated networks, written as a Twitter IO archive,
// tweets.csv and users.csv, with the ground truth beside it, truth.csv), the scenario builder, and the one
// seeded RNG module they and the tests share (rng.ts).
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { plantProtest, plantSlogans, plantTweetstorm, plantViral } from './_bursts.js';
import { plantCounterPosts, plantFlood } from './_flood.js';
import { STORM_TARGETS } from './_lexicon-campaigns.js';
import { plantLinkNetwork, plantRepostRing, plantStealth } from './_networks.js';
import { createPopulation, generateBackground } from './_organic.js';
import { makePlan } from './_plan.js';
import { TimedPool } from './_pool.js';
import { renderDataset } from './_render.js';
import { BURSTS, burstPart, NETWORK_PART, NETWORKS } from './_tables.js';
import { createWorld } from './_world.js';
import { Rng } from './rng.js';

export { TWEET_COLUMNS, USER_COLUMNS } from './_render.js';
export { BURSTS as ORGANIC_BURSTS, NETWORKS as NETWORK_NAMES } from './_tables.js';
export { AliasTable, hash32, Rng, seededRandom } from './rng.js';
export { type ScenarioPost, scenario } from './scenario.js';

export interface GenerateOptions {
  /** Exact number of rows in tweets.csv; at least 1,000 so every component fits. */
  posts: number;
  seed: number;
  outDir: string;
  /** ISO 8601 UTC start of the period. */
  start?: string;
  days?: number;
  onProgress?: (written: number, total: number) => void;
}

export const GENERATE_DEFAULTS = {
  posts: 1_000_000,
  seed: 1,
  start: '2022-09-16T00:00:00Z',
  days: 30,
  /** Fewer posts than this cannot hold every burst and network at its minimum size. */
  minPosts: 1000,
} as const;

export interface GenerateSummary {
  posts: number;
  /** Accounts with at least one post (the rows of users.csv and truth.csv). */
  accounts: number;
  /**
   * Per planted network: its accounts, all their posts, and the coordinated part of those posts with the
   * hours it spans (the flood's is its ~60-hour campaign; the rest is the members' background activity).
   */
  networks: Array<{
    id: number;
    name: string;
    accounts: number;
    posts: number;
    coordinatedPosts: number;
    coordinatedHours: number;
  }>;
  /** Per organic burst (truth.csv labels): accounts that joined it and the posts it produced. */
  organicBursts: Array<{ name: string; accounts: number; posts: number }>;
  files: { tweets: string; users: string; truth: string };
  seconds: number;
}

function validate(options: GenerateOptions): { startMs: number; days: number } {
  const { posts, seed } = options;
  if (!Number.isSafeInteger(posts) || posts < GENERATE_DEFAULTS.minPosts) {
    throw new RangeError(
      `posts must be a whole number of at least ${GENERATE_DEFAULTS.minPosts}, got ${posts}`,
    );
  }
  if (!Number.isSafeInteger(seed)) throw new RangeError(`seed must be a whole number, got ${seed}`);
  const days = options.days ?? GENERATE_DEFAULTS.days;
  if (!Number.isInteger(days) || days < 1 || days > 3650) {
    throw new RangeError(`days must be a whole number from 1 to 3650, got ${days}`);
  }
  const start = options.start ?? GENERATE_DEFAULTS.start;
  const startMs = Date.parse(start);
  if (!Number.isFinite(startMs) || startMs < Date.UTC(2010, 0, 1)) {
    throw new RangeError(`start must be an ISO 8601 time after 2010, got "${start}"`);
  }
  return { startMs, days };
}

export async function generateDataset(options: GenerateOptions): Promise<GenerateSummary> {
  const began = performance.now();
  const { startMs, days } = validate(options);
  const outDir = resolve(options.outDir);
  await mkdir(outDir, { recursive: true });

  // Each stage draws from its own forked stream, in this fixed order.
  const rng = new Rng(options.seed);
  const world = createWorld(options.posts, startMs, days, rng.fork());
  for (const target of STORM_TARGETS) world.usedIds.add(target.id);
  const plan = makePlan(world, options.posts, rng.fork());
  const pop = createPopulation(world, rng.fork(), plan.organicAccounts);
  const organic = new TimedPool(world.posts);
  plantProtest(world, rng.fork(), pop, plan, organic);
  plantSlogans(world, rng.fork(), pop, plan, organic);
  plantViral(world, rng.fork(), pop, plan, organic);
  plantTweetstorm(world, rng.fork(), pop, plan, organic);
  const flood = plantFlood(world, rng.fork(), plan, organic);
  plantCounterPosts(world, rng.fork(), pop, plan, flood);
  plantStealth(world, rng.fork(), pop, plan, organic);
  plantRepostRing(world, rng.fork(), pop, plan, organic);
  plantLinkNetwork(world, rng.fork(), pop, plan, organic);
  generateBackground(world, rng.fork(), pop, world.posts.remaining);

  const rendered = await renderDataset(world, rng.fork(), {
    outDir,
    ...(options.onProgress ? { onProgress: options.onProgress } : {}),
  });
  return summarise(world, rendered, performance.now() - began);
}

function summarise(
  world: ReturnType<typeof createWorld>,
  rendered: Awaited<ReturnType<typeof renderDataset>>,
  ms: number,
): GenerateSummary {
  const { posts, accounts } = world;
  const perAccount = rendered.postsPerAccount;
  const partPosts = new Int32Array(NETWORK_PART + NETWORKS.length + 1);
  const first = new Float64Array(partPosts.length).fill(Number.POSITIVE_INFINITY);
  const last = new Float64Array(partPosts.length).fill(Number.NEGATIVE_INFINITY);
  for (let i = 0; i < posts.size; i++) {
    const part = posts.part[i] as number;
    const t = posts.time[i] as number;
    partPosts[part] = (partPosts[part] as number) + 1;
    if (t < (first[part] as number)) first[part] = t;
    if (t > (last[part] as number)) last[part] = t;
  }
  const networks = NETWORKS.map((name, k) => ({
    id: k + 1,
    name,
    accounts: 0,
    posts: 0,
    coordinatedPosts: partPosts[NETWORK_PART + k + 1] as number,
    coordinatedHours:
      Math.round(
        (((last[NETWORK_PART + k + 1] as number) - (first[NETWORK_PART + k + 1] as number)) / 3600) * 10,
      ) / 10,
  }));
  const organicBursts = BURSTS.map((name) => ({
    name,
    accounts: 0,
    posts: partPosts[burstPart(name)] as number,
  }));
  let listed = 0;
  for (let a = 0; a < accounts.size; a++) {
    const count = perAccount[a] as number;
    if (count === 0) continue;
    listed++;
    const network = accounts.get(a).network;
    const entry = networks[network - 1];
    if (entry) {
      entry.accounts++;
      entry.posts += count;
    }
    const mask = accounts.bursts[a] as number;
    BURSTS.forEach((_, b) => {
      if ((mask & (1 << b)) !== 0) (organicBursts[b] as { accounts: number }).accounts++;
    });
  }
  return {
    posts: posts.size,
    accounts: listed,
    networks,
    organicBursts,
    files: { tweets: rendered.tweets, users: rendered.users, truth: rendered.truth },
    seconds: Math.round(ms) / 1000,
  };
}
