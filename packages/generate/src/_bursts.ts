// Genuine mass mobilisation, the hard negatives a detector must not flag: a nationwide protest evening,
// slogans copied by unrelated people over days, viral reposts, and an open pre-announced tweetstorm.
// Each participant acts on their own: own times, own client, own spelling, own words where people use them.
import { clientOf } from './_accounts.js';
import { everydayBody, finish, organicTags } from './_compose.js';
import { STORM_ADDITIONS, STORM_TARGETS, STORMS } from './_lexicon-campaigns.js';
import { PLACES } from './_lexicon-people.js';
import {
  PROTEST_ADDITIONS,
  PROTEST_LINES,
  SLOGAN_PREFIXES,
  SLOGAN_SUFFIXES,
  SLOGANS,
  THOUGHTS,
} from './_lexicon-posts.js';
import { addReaction, drawAuthor, organicUrl, type Population } from './_organic.js';
import type { Plan } from './_plan.js';
import type { TimedPool } from './_pool.js';
import { type Burst, burstPart, Kind, Lang } from './_tables.js';
import type { World } from './_world.js';
import type { Rng } from './rng.js';

const PROTEST_TAG = 'اعتراضات_سراسری';
const PROTEST_EXTRA_TAGS = ['مهسا_امینی', 'MahsaAmini', 'زن_زندگی_آزادی', 'OpIran'];
const SLOGAN_TAGS = ['زن_زندگی_آزادی', 'نان_کار_آزادی', 'مرد_میهن_آبادی', 'ما_همه_با_هم_هستیم'];

interface Act {
  t: number;
  account: number;
  repost: boolean;
}

/** Runs `acts` in time order: reposts take an earlier original of the same burst, the rest are written. */
function play(
  world: World,
  rng: Rng,
  acts: Act[],
  burst: Burst,
  pool: TimedPool,
  write: (act: Act) => number,
): void {
  acts.sort((a, b) => a.t - b.t || a.account - b.account);
  const originals: number[] = [];
  for (const act of acts) {
    let target = -1;
    for (let tries = 0; act.repost && tries < 3 && originals.length > 0; tries++) {
      const candidate = originals[rng.int(originals.length)] as number;
      if ((world.posts.time[candidate] as number) < act.t && world.posts.account[candidate] !== act.account) {
        target = candidate;
        break;
      }
    }
    if (target >= 0) {
      addReaction(world, rng, act.account, target, act.t, Kind.retweet, burstPart(burst));
    } else {
      const post = write(act);
      originals.push(post);
      pool.add(post);
    }
  }
}

function fill(rng: Rng, line: string, time: string): string {
  return line.replace(/\{(\w+)\}/g, (_, slot: string) => {
    if (slot === 'n') return String(rng.between(2, 50) * 100);
    if (slot === 'time') return time;
    const place = rng.pick(PLACES.slice(0, 22));
    return slot === 'cityEn' ? (place[1].split(',')[0] as string) : place[0];
  });
}

/** About a third of all users post on one hashtag within one evening, each in their own words. */
export function plantProtest(world: World, rng: Rng, pop: Population, plan: Plan, pool: TimedPool): void {
  const { clock, accounts, posts } = world;
  const { start, end, peak } = plan.protest;
  const acts: Act[] = [];
  for (const account of rng.sample(pop.ids, plan.protest.accounts)) {
    accounts.join(account, 'protest');
    let t = Math.min(end - 1, Math.max(start, Math.floor(peak + rng.normal() * 4000)));
    for (let k = rng.count(0.3, 4); k > 0 && t < end; k--) {
      acts.push({ t, account, repost: rng.chance(0.16) });
      t += 60 + Math.floor(rng.exponential(2400));
    }
  }
  play(world, rng, acts, 'protest', pool, ({ t, account }) => {
    const line = rng.pick(PROTEST_LINES);
    let body = fill(rng, line, clock.localClock(t - rng.int(900)));
    if (rng.chance(0.4))
      body += `${rng.chance(0.5) ? '\n' : ' '}${fill(rng, rng.pick(PROTEST_ADDITIONS), '')}`;
    const tags = [PROTEST_TAG];
    if (rng.chance(0.35)) tags.push(rng.pick(PROTEST_EXTRA_TAGS));
    const lang = /^[A-Z]/.test(line) ? Lang.en : Lang.fa;
    const draft = finish(rng, accounts.get(account).style, body, tags, [], { lang });
    return posts.add({
      time: t,
      account,
      client: clientOf(world, account, rng),
      part: burstPart('protest'),
      ...draft,
    });
  });
}

/** Unrelated people post the same slogans, with their own separators and additions, over days. */
export function plantSlogans(world: World, rng: Rng, pop: Population, plan: Plan, pool: TimedPool): void {
  const { clock, accounts, posts } = world;
  const span = clock.spanSeconds;
  const windows = SLOGANS.map((_, i) => {
    if (i === 0) return [0, span];
    const from = span * rng.uniform(0, 0.5);
    return [from, Math.min(span, from + span * rng.uniform(0.3, 0.5))];
  });
  const acts: Array<Act & { slogan: number }> = [];
  for (const account of rng.sample(pop.ids, plan.sloganAccounts)) {
    accounts.join(account, 'slogan');
    for (let k = rng.count(0.25, 3); k > 0; k--) {
      const slogan = rng.weighted([5, 3, 1.5, 1.5]);
      const [from, to] = windows[slogan] as number[];
      acts.push({
        t: clock.drawIn(rng, from as number, to as number),
        account,
        repost: rng.chance(0.08),
        slogan,
      });
    }
  }
  play(world, rng, acts, 'slogan', pool, (act) => {
    const { t, account } = act;
    const slogan = (act as Act & { slogan: number }).slogan;
    let body: string;
    let lang: number = Lang.fa;
    if (slogan === 0 && rng.chance(0.15)) {
      body = rng.pick(['Woman Life Freedom', 'Woman, Life, Freedom', 'WOMAN LIFE FREEDOM']);
      lang = Lang.en;
    } else {
      body = (SLOGANS[slogan] as readonly string[]).join(rng.pick([' ', ' ', ' ', '، ', '\n', ' - ', '! ']));
    }
    const prefix = fill(rng, rng.pick(SLOGAN_PREFIXES), '');
    const suffix = rng.pick(SLOGAN_SUFFIXES);
    if (prefix !== '') body = `${prefix} ${body}`;
    if (suffix !== '') body += rng.chance(0.5) ? ` ${suffix}` : suffix;
    const tags = rng.chance(0.35) ? [SLOGAN_TAGS[slogan] as string] : [];
    if (rng.chance(0.15)) tags.push('مهسا_امینی');
    const draft = finish(rng, accounts.get(account).style, body, tags, [], { lang, extras: 0.02 });
    return posts.add({
      time: t,
      account,
      client: clientOf(world, account, rng),
      part: burstPart('slogan'),
      ...draft,
    });
  });
}

/** Reposts within minutes, most in the first hour: per post a delay from a three-part mixture. */
function viralDelay(rng: Rng): number {
  const r = rng.next();
  return 3 + Math.floor(rng.exponential(r < 0.72 ? 600 : r < 0.95 ? 5400 : 43_200));
}

/** A few posts by big accounts that thousands of unrelated users repost. */
export function plantViral(world: World, rng: Rng, pop: Population, plan: Plan, pool: TimedPool): void {
  const { clock, accounts, posts } = world;
  const span = clock.spanSeconds;
  const authors = rng.sample(pop.ids, plan.viral.posts);
  for (const author of authors) {
    const row = accounts.get(author);
    row.followers = Math.floor(rng.uniform(200_000, 3_000_000));
    const t0 = clock.drawIn(rng, 0, Math.max(span / 2, span - 8 * 3600));
    const { body, lang } = rng.chance(0.6) ? { body: rng.pick(THOUGHTS), lang: Lang.fa } : everydayBody(rng);
    const urls = rng.chance(0.4) ? [organicUrl(pop, rng)] : [];
    const draft = finish(rng, row.style, body, organicTags(rng, 0.6), urls, { lang });
    const original = posts.add({ time: t0, account: author, client: clientOf(world, author, rng), ...draft });
    pool.add(original);
    const wanted = rng.between(plan.viral.minRetweets, plan.viral.maxRetweets);
    for (const account of rng.sample(pop.ids, Math.min(wanted, Math.floor(pop.ids.length * 0.6)))) {
      const t = t0 + viralDelay(rng);
      if (account === author || t >= span) continue;
      accounts.join(account, 'viral_repost');
      addReaction(world, rng, account, original, t, Kind.retweet, burstPart('viral_repost'));
    }
    for (let i = Math.round(wanted * 0.05); i > 0; i--) {
      const t = t0 + 30 + Math.floor(rng.exponential(2400));
      const account = drawAuthor(pop, rng);
      if (account !== author && t < span)
        addReaction(world, rng, account, original, t, rng.chance(0.75) ? Kind.reply : Kind.quote);
    }
  }
}

/** A tweetstorm announced hours ahead: at the set time thousands post its tag, most copying its text. */
export function plantTweetstorm(world: World, rng: Rng, pop: Population, plan: Plan, pool: TimedPool): void {
  const { clock, accounts, posts } = world;
  const story = STORMS[plan.storm.story] as (typeof STORMS)[number];
  const at = plan.storm.time;
  const mentionAll = STORM_TARGETS.map((m) => `@${m.handle}`).join(' ');
  const idsAll = STORM_TARGETS.map((m) => m.id).join(', ');
  const part = burstPart('tweetstorm');

  for (const announcer of rng.sample(pop.ids, 3)) {
    const row = accounts.get(announcer);
    row.followers = Math.max(row.followers, Math.floor(rng.uniform(20_000, 200_000)));
    accounts.join(announcer, 'tweetstorm');
    const t0 = Math.max(0, at - Math.floor(rng.uniform(6, 30) * 3600));
    const body = `توییت‌استورم امشب ساعت ${clock.localClock(at)} به وقت تهران 👇\nمتن پیشنهادی:\n${story.texts[0]}`;
    const draft = finish(rng, row.style, body, [story.tag], [], {
      tagsAt: 'end',
      suffix: mentionAll,
      extras: 0,
    });
    const post = posts.add({
      time: t0,
      account: announcer,
      client: clientOf(world, announcer, rng),
      mentions: idsAll,
      part,
      ...draft,
    });
    for (const account of rng.sample(pop.ids, Math.max(3, Math.round(pop.ids.length * 0.004)))) {
      const t = t0 + 20 + Math.floor(rng.exponential(7200));
      if (account === announcer || t >= at) continue;
      accounts.join(account, 'tweetstorm');
      addReaction(world, rng, account, post, t, Kind.retweet, part);
    }
  }

  const acts: Act[] = [];
  for (const account of rng.sample(pop.ids, plan.storm.accounts)) {
    accounts.join(account, 'tweetstorm');
    const r = rng.next();
    let t =
      at +
      Math.floor(r < 0.08 ? -rng.uniform(0, 600) : r < 0.7 ? rng.exponential(480) : rng.uniform(0, 3600));
    for (let k = rng.count(0.2, 3); k > 0; k--) {
      acts.push({ t: clock.clip(t), account, repost: rng.chance(0.12) });
      t += 30 + Math.floor(rng.exponential(600));
    }
  }
  play(world, rng, acts, 'tweetstorm', pool, ({ t, account }) => {
    const row = accounts.get(account);
    const english = rng.chance(row.lang === 'en' ? 0.8 : 0.45);
    const suggested = story.texts[english ? 0 : 1];
    const lang = english ? Lang.en : Lang.fa;
    const form = rng.next();
    const client = clientOf(world, account, rng);
    if (form < 0.45) {
      // A straight copy-paste keeps the suggested spelling, whatever the user's own habits.
      const draft = finish(rng, 0, suggested, [story.tag], [], {
        tagsAt: 'end',
        suffix: mentionAll,
        extras: 0,
        lang,
      });
      return posts.add({ time: t, account, client, mentions: idsAll, part, ...draft });
    }
    const tags: string[] = [story.tag];
    let body: string;
    if (form < 0.8) {
      body = suggested;
      for (let n = rng.between(1, 2); n > 0; n--) {
        const extra = rng.pick(STORM_ADDITIONS);
        if (extra.startsWith('#')) tags.push(extra.slice(1));
        else body = rng.chance(0.4) ? `${extra} ${body}` : `${body} ${extra}`;
      }
    } else {
      body = rng.pick(THOUGHTS);
      tags.push(...organicTags(rng, 0.5));
    }
    const some = rng.between(1, STORM_TARGETS.length);
    const targets = rng.chance(0.6) ? STORM_TARGETS : STORM_TARGETS.slice(0, some);
    const draft = finish(rng, row.style, body, tags, [], {
      tagsAt: 'end',
      suffix: targets.map((m) => `@${m.handle}`).join(' '),
      lang: form < 0.8 ? lang : Lang.fa,
    });
    return posts.add({
      time: t,
      account,
      client,
      mentions: targets.map((m) => m.id).join(', '),
      part,
      ...draft,
    });
  });
}
