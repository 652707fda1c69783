// The three quieter planted networks: `stealth` (aged accounts posting paraphrased talking points within
// hours of a shared schedule, hidden among ordinary posts), `repost_ring` (ring accounts retweeting a few
// seed accounts within minutes, over and over) and `link_network` (one set of URLs, in tracking and www
// variants, pushed within short windows). Every member also has some ordinary background activity.
import { createAccount } from './_accounts.js';
import { finish, organicTags } from './_compose.js';
import {
  LINK_DOMAINS,
  LINK_LINES,
  SLUG_WORDS,
  STEALTH_DOMAINS,
  STEALTH_TAGS,
  TALKING_OPENERS,
  TALKING_POINTS,
} from './_lexicon-campaigns.js';
import { addEverydayPost, addReaction, type Population } from './_organic.js';
import type { Plan } from './_plan.js';
import type { TimedPool } from './_pool.js';
import { randomCode, urlVariant } from './_spelling.js';
import { Kind, Lang, NETWORK_PART } from './_tables.js';
import { WEB_APP, type World } from './_world.js';
import type { Rng } from './rng.js';

const HOUR = 3600;
const TWEETDECK = 4;

function members(
  world: World,
  rng: Rng,
  count: number,
  profile: 'stealth' | 'ring' | 'seed' | 'link',
  id: number,
) {
  return Array.from({ length: count }, () => {
    const account = createAccount(world, rng, profile);
    world.accounts.get(account).network = id;
    return account;
  });
}

/** Ordinary-looking activity of a network member: own posts and retweets of what everyone is reading. */
function addFiller(world: World, rng: Rng, pop: Population, organic: TimedPool, account: number, n: number) {
  for (let k = 0; k < n; k++) {
    const t = world.clock.draw(rng);
    const target = rng.chance(0.4) ? organic.pickBefore(rng, t, 3000) : -1;
    if (target >= 0 && world.posts.account[target] !== account) {
      addReaction(world, rng, account, target, t, rng.chance(0.85) ? Kind.retweet : Kind.reply);
    } else {
      addEverydayPost(world, rng, pop, account, t);
    }
  }
}

function slugUrl(rng: Rng, domain: string): string {
  if (domain === 'youtube.com') return `https://youtube.com/watch?v=${randomCode(rng, 11)}`;
  const words = Array.from({ length: rng.between(2, 4) }, () => rng.pick(SLUG_WORDS)).join('-');
  return `https://${domain}/${rng.pick(['news', 'fa', 'report'])}/${rng.between(10_000, 999_999)}/${words}`;
}

/** Two or three of a talking point's sentences, each in one of its wordings, in some order. */
function paraphrase(rng: Rng, point: number): string {
  const sentences = (TALKING_POINTS[point % TALKING_POINTS.length] as ReadonlyArray<readonly string[]>).map(
    (s) => rng.pick(s),
  );
  const kept = rng.chance(0.6) ? sentences : rng.shuffle(sentences).slice(0, 2);
  if (rng.chance(0.35)) rng.shuffle(kept);
  const opener = rng.pick(TALKING_OPENERS);
  const body = kept.join(rng.pick(['. ', '؛ ', ' — ', '\n', '. ']));
  return opener === '' ? body : `${opener} ${body}`;
}

export function plantStealth(world: World, rng: Rng, pop: Population, plan: Plan, organic: TimedPool): void {
  const id = 2;
  const span = world.clock.spanSeconds;
  const team = members(world, rng, plan.stealth.accounts, 'stealth', id);
  const n = plan.stealth.talkingPoints;
  const schedule = Array.from({ length: n }, (_, e) => {
    const slot = span / n;
    return {
      at: Math.min(
        span - 3 * HOUR,
        Math.max(3 * HOUR, Math.floor(slot * (e + 0.5) + rng.uniform(-0.3, 0.3) * slot)),
      ),
      point: e % TALKING_POINTS.length,
      url: slugUrl(rng, rng.pick(STEALTH_DOMAINS)),
    };
  });
  for (const account of team) {
    const style = world.accounts.get(account).style;
    const client = world.accounts.get(account).client;
    const jitter = rng.uniform(0.6, 1.4) * HOUR;
    let coordinated = 0;
    for (const { at, point, url } of schedule) {
      if (!rng.chance(0.75)) continue;
      coordinated++;
      const t = world.clock.clip(at + Math.max(-3 * HOUR, Math.min(3 * HOUR, rng.normal() * jitter)));
      const tags = rng.chance(0.35) ? [STEALTH_TAGS[point] as string] : organicTags(rng, 0.15);
      const urls = rng.chance(0.55) ? [urlVariant(url, rng)] : [];
      const draft = finish(rng, style, paraphrase(rng, point), tags, urls);
      world.posts.add({ time: t, account, client, part: NETWORK_PART + id, ...draft });
    }
    // Coordinated posts stay a minority of each member's activity.
    addFiller(world, rng, pop, organic, account, Math.round(coordinated * rng.uniform(1.5, 2.5)) + 2);
  }
}

export function plantRepostRing(
  world: World,
  rng: Rng,
  pop: Population,
  plan: Plan,
  organic: TimedPool,
): void {
  const id = 3;
  const { posts, clock, accounts } = world;
  const seeds = members(world, rng, plan.ring.seeds, 'seed', id);
  for (const seed of seeds) accounts.get(seed).client = rng.chance(0.6) ? WEB_APP : TWEETDECK;
  const ring = members(world, rng, plan.ring.accounts, 'ring', id);
  const inRing = new Set(ring);
  const part = NETWORK_PART + id;
  for (let p = 0; p < plan.ring.seedPosts; p++) {
    const seed = rng.pick(seeds);
    const t0 = clock.drawIn(rng, 0, clock.spanSeconds - 900);
    const point = rng.int(TALKING_POINTS.length);
    const body = `${rng.pick(['فوری |', '🔴', '⭕️', 'خبر:', ''])} ${paraphrase(rng, point)}`.trim();
    const tags = rng.chance(0.5) ? [STEALTH_TAGS[point] as string] : organicTags(rng, 0.3);
    const urls = rng.chance(0.2) ? [slugUrl(rng, 'youtube.com')] : [];
    const draft = finish(rng, accounts.get(seed).style, body, tags, urls);
    const original = posts.add({
      time: t0,
      account: seed,
      client: accounts.get(seed).client,
      part,
      ...draft,
    });
    // The ring answers within 30 s to 10 min; the other seeds join in about half the time.
    for (const account of [...ring, ...seeds]) {
      if (account === seed || !rng.chance(inRing.has(account) ? 0.8 : 0.5)) continue;
      const t = Math.min(
        clock.spanSeconds - 1,
        t0 + 30 + Math.min(570, Math.floor(rng.lognormal(Math.log(120), 0.8))),
      );
      addReaction(world, rng, account, original, t, Kind.retweet, part);
    }
  }
  for (const account of ring) addFiller(world, rng, pop, organic, account, rng.between(4, 12));
}

export function plantLinkNetwork(
  world: World,
  rng: Rng,
  pop: Population,
  plan: Plan,
  organic: TimedPool,
): void {
  const id = 4;
  const { clock, accounts, posts } = world;
  const team = members(world, rng, plan.link.accounts, 'link', id);
  const part = NETWORK_PART + id;
  for (let e = 0; e < plan.link.events; e++) {
    const url = slugUrl(rng, LINK_DOMAINS[rng.weighted([4, 3, 2, 1])] as string);
    const headline =
      paraphrase(rng, rng.int(TALKING_POINTS.length))
        .split(/[.؛\n—]/)[0]
        ?.trim() ?? '';
    const t0 = clock.drawIn(rng, 0, clock.spanSeconds - 1800);
    for (const account of team) {
      if (!rng.chance(0.7)) continue;
      const t = t0 + Math.floor(rng.uniform(0, 60) + Math.min(1140, rng.exponential(240)));
      const line = rng.pick(LINK_LINES);
      const body = rng.chance(0.4) ? `${line} ${headline}`.trim() : line;
      const draft = finish(rng, accounts.get(account).style, body, [], [urlVariant(url, rng, 0.3)], {
        lang: body === '' ? Lang.und : Lang.fa,
      });
      posts.add({ time: t, account, client: accounts.get(account).client, part, ...draft });
    }
  }
  for (const account of team) addFiller(world, rng, pop, organic, account, rng.between(4, 12));
}
