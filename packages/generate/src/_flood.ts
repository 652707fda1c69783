// The hashtag flood (network 1), after the 2022 case of ~112,000 posts in 60 hours: a few hundred
// batch-created accounts on one automation app post templated texts on a few campaign hashtags in
// scheduled waves, each bot on a near-regular timer, and retweet each other. Also the organic users who
// argue back on the same hashtags, a burst the detector must keep apart from the flood.
import { clientOf, createAccount } from './_accounts.js';
import { everydayBody, finish } from './_compose.js';
import { FLOOD_SLOTS, FLOOD_TAG_WEIGHTS, FLOOD_TAGS, FLOOD_TEMPLATES } from './_lexicon-campaigns.js';
import { AUTOMATION_CLIENTS, PLACES } from './_lexicon-people.js';
import { COUNTER_LINES } from './_lexicon-posts.js';
import type { Population } from './_organic.js';
import type { Plan } from './_plan.js';
import { TimedPool } from './_pool.js';
import { burstPart, Kind, Lang, NETWORK_PART } from './_tables.js';
import { clientIndex, WEB_APP, type World } from './_world.js';
import type { Rng } from './rng.js';

const FLOOD_ID = 1;
const MINUTE = 60;
const HOUR = 3600;

function floodText(rng: Rng): { body: string; lang: number } {
  const template = rng.pick(FLOOD_TEMPLATES);
  const body = template.replace(/\{(\w+)\}/g, (_, slot: string) => {
    if (slot === 'place') return (rng.pick(PLACES.slice(0, 22)) as readonly [string, string])[0];
    if (slot === 'n') return String(rng.between(3, 60));
    return rng.pick(FLOOD_SLOTS[slot] ?? ['']);
  });
  return { body, lang: /^[A-Z]/.test(template) ? Lang.en : Lang.fa };
}

function floodTags(rng: Rng): string[] {
  const tags = [FLOOD_TAGS[rng.weighted(FLOOD_TAG_WEIGHTS)] as string];
  for (let extra = rng.weighted([5, 4, 1]); extra > 0; extra--) {
    const tag = FLOOD_TAGS[rng.weighted(FLOOD_TAG_WEIGHTS)] as string;
    if (!tags.includes(tag)) tags.push(tag);
  }
  // Floods also hijack the trending protest tag to get in front of its readers.
  if (rng.chance(0.08)) tags.push('مهسا_امینی');
  return tags;
}

/**
 * The flood's post times: ~90% in waves every 2-4 hours, 20-50 minutes long, where each bot fires on its
 * own near-regular period (a few seconds of jitter); the rest a round-the-clock trickle.
 */
function floodSchedule(rng: Rng, bots: number[], plan: Plan): Array<{ t: number; account: number }> {
  const { start, end, posts } = plan.flood;
  const waves: Array<{ at: number; seconds: number; weight: number }> = [];
  for (let at = start; at < end - 30 * MINUTE; at += Math.floor(rng.uniform(2, 4) * HOUR)) {
    waves.push({ at, seconds: Math.floor(rng.uniform(20, 50) * MINUTE), weight: rng.lognormal(0, 0.35) });
  }
  const inWaves = Math.round(posts * 0.9);
  const totalWeight = waves.reduce((sum, w) => sum + w.weight, 0);
  const acts: Array<{ t: number; account: number }> = [];
  let placed = 0;
  waves.forEach((wave, i) => {
    const n = i === waves.length - 1 ? inWaves - placed : Math.round((inWaves * wave.weight) / totalWeight);
    placed += n;
    const active = rng
      .shuffle(bots.slice())
      .slice(0, Math.max(1, Math.ceil(bots.length * rng.uniform(0.75, 1))));
    active.forEach((account, j) => {
      const k = Math.floor(n / active.length) + (j < n % active.length ? 1 : 0);
      if (k === 0) return;
      const period = wave.seconds / k;
      let t = wave.at + rng.uniform(0, period);
      for (let m = 0; m < k; m++, t += period) {
        acts.push({ t: Math.min(end - 1, Math.max(wave.at, Math.floor(t + rng.normal() * 4))), account });
      }
    });
  });
  while (acts.length < posts) acts.push({ t: start + rng.int(end - start), account: rng.pick(bots) });
  return acts.sort((a, b) => a.t - b.t || a.account - b.account);
}

/** Plants the flood; returns its posts (for the counter-posts to answer). */
export function plantFlood(world: World, rng: Rng, plan: Plan, organic: TimedPool): TimedPool {
  const { posts, accounts, clock } = world;
  const automation = clientIndex(world, rng.pick(AUTOMATION_CLIENTS));
  const batchMs = clock.startMs - rng.uniform(20, 60) * 86_400_000;
  const bots: number[] = [];
  for (let i = 0; i < plan.flood.accounts; i++) {
    const bot = createAccount(world, rng, 'flood', { batchMs, client: automation });
    accounts.get(bot).network = FLOOD_ID;
    bots.push(bot);
  }
  // Before the campaign the bots look idle but alive: a few hand-typed posts from the web app.
  for (const bot of bots) {
    for (let k = rng.between(1, 4); k > 0; k--) {
      const { body, lang } = everydayBody(rng);
      const t = clock.drawIn(rng, 0, Math.max(plan.flood.start, HOUR));
      posts.add({
        time: t,
        account: bot,
        client: WEB_APP,
        ...finish(rng, accounts.get(bot).style, body, [], [], { lang }),
      });
    }
  }

  const part = NETWORK_PART + FLOOD_ID;
  const pool = new TimedPool(posts);
  const recent: number[] = [];
  for (const { t, account } of floodSchedule(rng, bots, plan)) {
    const style = accounts.get(account).style;
    const r = rng.next();
    let target = -1;
    if (r < 0.3) {
      // Retweet a flood original from the last ~20 minutes, as the operators' amplification loop does.
      for (let tries = 0; tries < 3 && target < 0 && recent.length > 0; tries++) {
        const c = recent[recent.length - 1 - rng.int(Math.min(recent.length, 200))] as number;
        if (
          (posts.time[c] as number) < t &&
          (posts.time[c] as number) > t - 20 * MINUTE &&
          posts.account[c] !== account
        )
          target = c;
      }
      if (target >= 0) {
        posts.add({ time: t, account, client: automation, kind: Kind.retweet, ref: target, part });
        continue;
      }
    } else if (r < 0.35) {
      target = organic.pickBefore(rng, t, 2000);
      if (target >= 0) {
        const author = accounts.get(posts.account[target] as number);
        const { body, lang } = floodText(rng);
        const draft = finish(rng, style, body, floodTags(rng).slice(0, 1), [], {
          prefix: `@${author.handle} `,
          lang,
          extras: 0.12,
        });
        pool.add(
          posts.add({
            time: t,
            account,
            client: automation,
            kind: Kind.reply,
            ref: target,
            mentions: author.id,
            part,
            ...draft,
          }),
        );
        continue;
      }
    }
    const { body, lang } = floodText(rng);
    const draft = finish(rng, style, body, floodTags(rng), [], { lang, extras: 0.12 });
    const post = posts.add({ time: t, account, client: automation, part, ...draft });
    recent.push(post);
    pool.add(post);
  }
  return pool;
}

/** Organic users who push back on the campaign's own hashtags, during the flood and the day after. */
export function plantCounterPosts(
  world: World,
  rng: Rng,
  pop: Population,
  plan: Plan,
  flood: TimedPool,
): void {
  const { posts, accounts, clock } = world;
  const part = burstPart('campaign_hashtag');
  for (const account of rng.sample(pop.ids, plan.counterAccounts)) {
    accounts.join(account, 'campaign_hashtag');
    const style = accounts.get(account).style;
    for (let k = rng.count(0.55, 6); k > 0; k--) {
      const time = clock.drawIn(rng, plan.flood.start - 2 * HOUR, plan.flood.end + 24 * HOUR);
      const line = rng.pick(COUNTER_LINES).replace('{n}', String(rng.between(50, 150)));
      const lang = /^[A-Z]/.test(line) ? Lang.en : Lang.fa;
      const client = clientOf(world, account, rng);
      const r = rng.next();
      const ref = r < 0.6 ? flood.pickBefore(rng, time, 500) : -1;
      const tags = floodTags(rng).slice(0, rng.between(1, 2));
      if (ref >= 0 && r < 0.3) {
        const author = accounts.get(posts.account[ref] as number);
        const draft = finish(rng, style, line, rng.chance(0.5) ? tags : [], [], {
          prefix: `@${author.handle} `,
          lang,
        });
        posts.add({ time, account, client, kind: Kind.reply, ref, mentions: author.id, part, ...draft });
      } else {
        const draft = finish(rng, style, line, tags, [], { lang });
        posts.add({ time, account, client, part, ...draft, ...(ref >= 0 ? { kind: Kind.quote, ref } : {}) });
      }
    }
  }
}
