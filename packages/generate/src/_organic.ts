// The organic population and its background chatter: heavy-tailed activity (lognormal weights, so most
// users post once or twice and a few post hundreds of times), originals, retweets, replies and quotes
// that favour well-followed authors, ordinary clients, and news links shared the way people share them.
import { clientOf, createAccount } from './_accounts.js';
import { everydayBody, finish, organicTags, replyBody } from './_compose.js';
import { LINK_DOMAINS, ORGANIC_DOMAINS, STEALTH_DOMAINS } from './_lexicon-campaigns.js';
import { LINK_LINES_ORGANIC } from './_lexicon-posts.js';
import { TimedPool } from './_pool.js';
import { randomCode, urlVariant } from './_spelling.js';
import { Kind } from './_tables.js';
import type { World } from './_world.js';
import { AliasTable, type Rng } from './rng.js';

export interface Population {
  /** Account indices of the organic users. */
  ids: Int32Array;
  /** Who writes the next background post: drawn in proportion to a lognormal activity weight. */
  authors: AliasTable;
  /** Articles many people link to over the period, besides the one-off links. */
  popularUrls: string[];
}

export function createPopulation(world: World, rng: Rng, size: number): Population {
  const ids = new Int32Array(size);
  const weights = new Float64Array(size);
  for (let i = 0; i < size; i++) {
    ids[i] = createAccount(world, rng, 'organic');
    weights[i] = rng.lognormal(0, 1.5);
  }
  const popularUrls = Array.from({ length: 60 + Math.round(200 * world.scale) }, () => articleUrl(rng));
  return { ids, authors: new AliasTable(weights), popularUrls };
}

export function drawAuthor(pop: Population, rng: Rng): number {
  return pop.ids[pop.authors.draw(rng)] as number;
}

/** A canonical article URL (https, no www, no tracking) on an outlet ordinary users read. */
function articleUrl(rng: Rng, domains: readonly string[] = ORGANIC_DOMAINS): string {
  const domain = rng.pick(domains);
  if (domain === 'youtube.com') return `https://youtube.com/watch?v=${randomCode(rng, 11)}`;
  if (domain === 'instagram.com') return `https://instagram.com/p/${randomCode(rng, 11)}`;
  const section = rng.pick(['news', 'fa', 'persian', 'article', 'world', 'iran']);
  return `https://${domain}/${section}/${rng.between(100_000, 99_999_999)}`;
}

/** The link an ordinary user shares: a popular article, a one-off, rarely a page from a network's outlet. */
export function organicUrl(pop: Population, rng: Rng): string {
  const r = rng.next();
  let canonical: string;
  if (r < 0.35) canonical = pop.popularUrls[Math.floor(pop.popularUrls.length * rng.next() ** 2)] as string;
  else if (r < 0.97) canonical = articleUrl(rng);
  else canonical = articleUrl(rng, rng.chance(0.5) ? LINK_DOMAINS : STEALTH_DOMAINS);
  return urlVariant(canonical, rng, 0.6);
}

/** One everyday original post by `account` at `t`. */
export function addEverydayPost(
  world: World,
  rng: Rng,
  pop: Population,
  account: number,
  t: number,
  part = 0,
) {
  const style = world.accounts.get(account).style;
  let { body, lang } = everydayBody(rng);
  const urls = rng.chance(0.12) ? [organicUrl(pop, rng)] : [];
  if (urls.length > 0 && rng.chance(0.4)) body = rng.pick(LINK_LINES_ORGANIC);
  const draft = finish(rng, style, body, organicTags(rng), urls, { lang });
  return world.posts.add({ time: t, account, client: clientOf(world, account, rng), part, ...draft });
}

/** A retweet, reply or quote of `target` by `account` at `t` (t must be after the target). */
export function addReaction(
  world: World,
  rng: Rng,
  account: number,
  target: number,
  t: number,
  kind: Kind,
  part = 0,
) {
  const { posts, accounts } = world;
  const client = clientOf(world, account, rng);
  if (kind === Kind.retweet) return posts.add({ time: t, account, client, kind, ref: target, part });
  const author = accounts.get(posts.account[target] as number);
  const style = accounts.get(account).style;
  if (kind === Kind.reply) {
    const { body, lang } = replyBody(rng);
    const draft = finish(rng, style, body, [], [], { prefix: `@${author.handle} `, lang });
    return posts.add({ time: t, account, client, kind, ref: target, mentions: author.id, part, ...draft });
  }
  const { body, lang } = rng.chance(0.5) ? replyBody(rng) : everydayBody(rng);
  const draft = finish(rng, style, body, organicTags(rng, 0.2), [], { lang });
  return posts.add({ time: t, account, client, kind, ref: target, part, ...draft });
}

/** Seconds between a post and a reaction to it: median ~40 minutes, a long tail into days. */
function reactionDelay(rng: Rng): number {
  return 5 + rng.lognormal(Math.log(2400), 1.6);
}

/**
 * Fills the rest of the budget with background posts. Originals come first so reactions can point back to
 * them; targets are drawn in proportion to the author's followers (to the power 0.75, with noise).
 */
export function generateBackground(world: World, rng: Rng, pop: Population, count: number): void {
  const { posts, accounts, clock } = world;
  if (count <= 0) return;
  const span = clock.spanSeconds;
  const originals = Math.max(1, Math.round(count * 0.47));
  const pool = new TimedPool(posts);
  const firstOriginal = posts.size;
  const weights = new Float64Array(originals);
  for (let i = 0; i < originals && posts.remaining > 0; i++) {
    const account = drawAuthor(pop, rng);
    const post = addEverydayPost(world, rng, pop, account, clock.draw(rng));
    pool.add(post);
    weights[i] = (accounts.get(account).followers + 10) ** 0.75 * rng.lognormal(0, 1);
  }
  const targets = new AliasTable(weights);
  while (posts.remaining > 0) {
    const r = rng.next();
    const kind = r < 0.6 ? Kind.retweet : r < 0.88 ? Kind.reply : Kind.quote;
    const account = drawAuthor(pop, rng);
    let done = false;
    for (let tries = 0; tries < 4 && !done; tries++) {
      const target = firstOriginal + targets.draw(rng);
      const t0 = posts.time[target] as number;
      if (posts.account[target] === account || t0 >= span - 10) continue;
      // A reaction that would land after the span ends is moved into what is left of it.
      const delay = Math.floor(reactionDelay(rng));
      const t = t0 + delay < span ? t0 + delay : t0 + 1 + rng.int(span - t0 - 1);
      addReaction(world, rng, account, target, t, kind);
      done = true;
    }
    if (!done) addEverydayPost(world, rng, pop, account, clock.draw(rng));
  }
}
