// Organic crowds: the everyday population and the genuine mass behaviour a detector must not call
// coordination (fans, a journalist's repliers, protest waves, a nightly chant, goal cries, breaking news,
// a chain message, friend circles, an announced tweetstorm, people arguing back at a campaign's tag).
import type { Rng } from '@lockstep/generate';
import {
  AUDIENCE_CRITICAL,
  AUDIENCE_HOSTILE,
  AUDIENCE_QUESTIONS,
  AUDIENCE_SUPPORT,
  BREAKING,
  CELEB_TEXTS_EN,
  CELEB_TEXTS_FA,
  CELEBS,
  CHAIN_EN,
  CHAIN_EXTRA,
  CHAIN_FA,
  CHANT_TAGS,
  CHANTS,
  CLUBS,
  EMOJI,
  FAN_REPLIES,
  JOURNALIST_TEXTS_EN,
  JOURNALIST_TEXTS_FA,
  JOURNALISTS,
  type Lang,
  NEWS_COMMENTS_EN,
  NEWS_COMMENTS_FA,
  PLAYERS,
  PROTEST_PHRASES_EN,
  PROTEST_PHRASES_FA,
  PROTEST_WAVES,
  REACTOR_EN,
  REACTOR_FA,
  SLOGANS,
  STATE_HEADLINES_EN,
  STATE_HEADLINES_FA,
  STATE_MEDIA,
  STORMS,
  TOPICS,
} from './_lexicon.js';
import {
  type Account,
  at,
  clamp,
  DAY,
  DAYS,
  END,
  HOUR,
  MINUTE,
  POST,
  QUOTE,
  REPLY,
  RETWEET,
  SECOND,
  START,
  TEHRAN,
  World,
} from './_world.js';

const year = (y: number, rng: Rng) => Math.floor(rng.uniform(Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)));

export interface Outlets {
  news: Map<string, Account>;
  state: { acct: Account; site: string; lang: Lang }[];
}

/** The ordinary population. */
export function makePeople(w: World, rng: Rng, n: number): void {
  for (let k = 0; k < n; k++) w.people.push(w.addAccount(rng).i);
}

/** News outlets and state media: official accounts posting links to their own sites every day. */
export function makeOutlets(w: World, rng: Rng): Outlets {
  const news = new Map<string, Account>();
  for (const b of BREAKING) {
    if (news.has(b.outlet)) continue;
    const a = w.addAccount(rng, {
      handle: b.outlet,
      name: b.outletName,
      lang: b.outlet === 'Reuters' ? 'en' : 'fa',
      created: year(2009, rng),
      followers: Math.floor(rng.uniform(1.5e6, 9e6)),
      following: rng.between(20, 300),
      client: rng.pick(['TweetDeck', 'Twitter Web App', 'SocialFlow']),
      tz: 0,
      bio: '',
      location: 'London',
    });
    news.set(b.outlet, a);
  }
  const state = STATE_MEDIA.map((m) => ({
    acct: w.addAccount(rng, {
      handle: m.handle,
      name: m.name,
      lang: m.lang,
      created: year(2011, rng),
      followers: Math.floor(rng.uniform(8e4, 6e5)),
      following: rng.between(10, 200),
      client: rng.pick(['Twitter Web App', 'TweetDeck']),
      tz: TEHRAN,
      bio: '',
      location: 'Tehran',
    }),
    site: m.site,
    lang: m.lang,
  }));
  // Their everyday output: a few articles a day each, more at larger scales (a fuller sample of the feed).
  const perDay = 3 * Math.sqrt(w.s);
  const politics = at(TOPICS, 5);
  for (const a of news.values()) {
    const n = Math.round(perDay * DAYS * rng.uniform(0.7, 1.3));
    for (let k = 0; k < n; k++) {
      const t = START + Math.floor(rng.next() * (END - START));
      const lang: Lang = a.lang;
      const text = rng.pick(lang === 'fa' ? politics.fa : politics.en);
      const site = { BBCPersian: 0, IranIntl: 1, RadioFarda: 2, Reuters: 10 }[a.handle] ?? 0;
      const p = w.original(a, t, text, lang, { urls: [w.everydayUrl(rng, site)] });
      w.toPool(p, w.popularity(rng, a) * 0.5);
    }
  }
  for (const s of state) {
    const n = Math.round(perDay * DAYS * rng.uniform(0.7, 1.3));
    for (let k = 0; k < n; k++) {
      const t = w.localTime(rng, s.acct, START, END);
      const text = rng.pick(s.lang === 'fa' ? STATE_HEADLINES_FA : STATE_HEADLINES_EN);
      const p = w.original(s.acct, t, text, s.lang, {
        urls: [`${s.site}${rng.between(2_700_000, 2_800_000)}`],
      });
      w.toPool(p, w.popularity(rng, s.acct) * 0.15);
    }
  }
  return { news, state };
}

/** Celebrity fan bases: hundreds of fans retweet or answer each post within minutes. */
export function fans(w: World, rng: Rng): void {
  const nCeleb = clamp(Math.round(2 + Math.sqrt(w.s)), 3, CELEBS.length);
  for (let c = 0; c < nCeleb; c++) {
    const spec = at(CELEBS, c);
    const celeb = w.addAccount(rng, {
      handle: spec.handle,
      name: spec.name,
      lang: 'fa',
      created: year(rng.between(2010, 2014), rng),
      followers: Math.floor(rng.lognormal(Math.log(9e5), 0.7)),
      following: rng.between(50, 900),
      client: 'Twitter for iPhone',
      tz: rng.chance(0.4) ? -7 : TEHRAN,
      bio: '',
    });
    w.mark(celeb, 'fans');
    const base = w.somePeople(rng, Math.round(w.people.length * rng.uniform(0.03, 0.06)));
    const engage = base.map(() => 0.04 + 0.4 * rng.next() ** 2);
    const quick = base.map(() => rng.chance(0.6));
    const nPosts = Math.round(DAYS * rng.uniform(0.6, 1.6));
    for (let k = 0; k < nPosts; k++) {
      const lang: Lang = rng.chance(0.85) ? 'fa' : 'en';
      let text = rng.pick(lang === 'fa' ? CELEB_TEXTS_FA : CELEB_TEXTS_EN);
      if (rng.chance(0.5)) text += ` ${rng.pick(EMOJI)}`;
      const urls = rng.chance(0.3) ? [`https://www.instagram.com/p/C${rng.int(1e9).toString(36)}/`] : null;
      const p = w.original(celeb, w.localTime(rng, celeb, START, END), text, lang, { urls });
      if (p < 0) continue;
      w.toPool(p, w.popularity(rng, celeb));
      const t0 = w.post(p).t;
      const appeal = rng.lognormal(0, 0.5);
      base.forEach((fan, j) => {
        if (!rng.chance(Math.min(0.95, at(engage, j) * appeal))) return;
        const delay = at(quick, j)
          ? rng.lognormal(Math.log(3 * MINUTE), 0.9)
          : rng.lognormal(Math.log(50 * MINUTE), 1.1);
        const got = rng.chance(0.8)
          ? w.retweet(fan, t0 + 10 * SECOND + delay, p)
          : w.respond(fan, t0 + 20 * SECOND + delay, p, REPLY, w.typed(fan, rng.pick(FAN_REPLIES)), 'fa');
        if (got >= 0) w.mark(fan, 'fans');
      });
    }
  }
}

export interface Journalist {
  acct: Account;
  posts: number[];
}

/** Much-answered journalists: every post draws dozens to hundreds of replies over the following hours. */
export function journalists(w: World, rng: Rng, count: number): Journalist[] {
  const out: Journalist[] = [];
  for (let j = 0; j < count; j++) {
    const spec = at(JOURNALISTS, j % JOURNALISTS.length);
    const acct = w.addAccount(rng, {
      handle: spec.handle,
      name: spec.name,
      lang: spec.lang,
      created: year(rng.between(2009, 2013), rng),
      followers: Math.floor(rng.uniform(1e5, 6e5)),
      following: rng.between(300, 2500),
      client: rng.pick(['Twitter for iPhone', 'Twitter Web App']),
      tz: rng.pick([0, 1, TEHRAN]),
      bio: '',
    });
    w.mark(acct, 'journalist');
    const audience = w.somePeople(rng, Math.round(w.people.length * rng.uniform(0.1, 0.14)));
    const nPosts = Math.round(DAYS * rng.uniform(1.0, 1.5));
    const posts: number[] = [];
    const median = 90 * Math.sqrt(w.s);
    for (let k = 0; k < nPosts; k++) {
      const lang: Lang = spec.lang === 'fa' && rng.chance(0.85) ? 'fa' : 'en';
      const text = rng.pick(lang === 'fa' ? JOURNALIST_TEXTS_FA : JOURNALIST_TEXTS_EN);
      const urls = rng.chance(0.35) ? [w.everydayUrl(rng, 0)] : null;
      const p = w.original(acct, w.localTime(rng, acct, START, END), text, lang, { urls });
      if (p < 0) continue;
      posts.push(p);
      w.toPool(p, w.popularity(rng, acct));
      const t0 = w.post(p).t;
      const replies = Math.round(rng.lognormal(Math.log(median), 0.6));
      const seen = new Set<number>();
      for (let r = 0; r < replies; r++) {
        const who = rng.chance(0.9) ? rng.pick(audience) : w.person(rng);
        if (seen.has(who.i)) continue;
        seen.add(who.i);
        const x = rng.next();
        const pool =
          x < 0.45
            ? AUDIENCE_SUPPORT
            : x < 0.65
              ? AUDIENCE_QUESTIONS
              : x < 0.88
                ? AUDIENCE_CRITICAL
                : AUDIENCE_HOSTILE;
        let text = rng.pick(pool);
        if (rng.chance(0.4)) {
          const [more] = w.everyday(rng, who, 5);
          text = `${text} ${more}`;
        }
        const t = t0 + 20 * SECOND + rng.lognormal(Math.log(40 * MINUTE), 1.1);
        if (w.respond(who, t, p, REPLY, w.typed(who, text), /[a-z]/i.test(text) ? 'en' : 'fa') >= 0)
          w.mark(who, 'journalist');
      }
    }
    out.push({ acct, posts });
  }
  w.plan.push({ crowd: 'journalist', journalists: out.length, posts: out.map((j) => j.posts.length) });
  return out;
}

export interface Wave {
  tag: string;
  tagEn: string;
  onset: number;
  seeds: number[];
  posts: number[];
}

/** Gamma(2, theta) in ms: the rise and slow decay of a spontaneous burst. */
function burstOffset(rng: Rng, theta: number): number {
  return rng.exponential(theta) + rng.exponential(theta);
}

/** Genuine protest waves: a large share of users on one hashtag within hours, some copying slogans. */
export function protestWaves(w: World, rng: Rng, count: number): Wave[] {
  const waves: Wave[] = [];
  const days: number[] = [];
  for (let tries = 0; days.length < count; tries++) {
    const d = rng.between(4, DAYS - 5);
    // Waves at least four days apart while that is possible (it is not beyond about nine waves).
    if (tries > 1000 || days.every((x) => Math.abs(x - d) > 3)) days.push(d);
  }
  const share = count === 1 ? 0.25 : 0.2;
  for (let i = 0; i < count; i++) {
    const spec = at(PROTEST_WAVES, i % PROTEST_WAVES.length);
    const onset = World.localClock(at(days, i), rng.uniform(17, 19.5), TEHRAN);
    const when = () =>
      onset + (rng.chance(0.8) ? burstOffset(rng, 2.5 * HOUR) : rng.uniform(10 * HOUR, 36 * HOUR));
    const wave: Wave = { tag: spec.tag, tagEn: spec.tagEn, onset, seeds: [], posts: [] };
    // Citizen journalists: a few people whose videos everyone retweets.
    const seedAccts = w.somePeople(rng, rng.between(3, 6), (a) => a.lang === 'fa');
    const seedWeight: number[] = [];
    for (const s of seedAccts) {
      s.followers = Math.max(s.followers, Math.floor(rng.uniform(2e4, 2e5)));
      w.mark(s, 'protest');
      const n = rng.between(4, 12);
      for (let k = 0; k < n; k++) {
        const text = w.typed(s, rng.pick(PROTEST_PHRASES_FA));
        const urls = rng.chance(0.4)
          ? [`https://t.me/${s.handle.toLowerCase()}/${rng.between(100, 9999)}`]
          : null;
        const p = w.original(s, when(), text, 'fa', { tags: [w.tag(rng, s, spec.tag)], urls });
        if (p < 0) continue;
        wave.seeds.push(p);
        wave.posts.push(p);
        seedWeight.push((1 - rng.next()) ** -1.2);
        w.toPool(p, w.popularity(rng, s) * 2);
      }
    }
    const participants = w.somePeople(
      rng,
      Math.round(w.people.length * share),
      (a) => a.lang === 'fa' || rng.chance(0.5),
    );
    for (const a of participants) {
      const n = rng.count(0.55, 8);
      for (let k = 0; k < n; k++) {
        const t = when();
        const r = rng.next();
        let p = -1;
        if (r < 0.42) {
          const lang: Lang = a.lang === 'en' && rng.chance(0.7) ? 'en' : 'fa';
          const pool = lang === 'fa' ? PROTEST_PHRASES_FA : PROTEST_PHRASES_EN;
          let text = rng.pick(pool);
          if (rng.chance(0.35)) text += `، ${rng.pick(pool)}`;
          if (rng.chance(0.25)) text += ` ${rng.pick(EMOJI)}`;
          const tags = [w.tag(rng, a, lang === 'en' && rng.chance(0.6) ? spec.tagEn : spec.tag)];
          if (rng.chance(0.25)) tags.push(w.tag(rng, a, rng.pick(['مهسا_امینی', 'IranProtests', spec.city])));
          p = w.original(a, t, lang === 'fa' ? w.typed(a, text) : text, lang, {
            tags,
            tagsFirst: rng.chance(0.2),
          });
          w.toPool(p, w.popularity(rng, a));
        } else if (r < 0.57) {
          // A slogan copied from what everyone is posting (pasted, or retyped with the account's habits).
          const slogan = rng.pick(SLOGANS);
          const text = rng.chance(0.5) ? slogan : w.typed(a, slogan);
          p = w.original(a, t, text, /[a-z]/i.test(slogan) ? 'en' : 'fa', {
            tags: [w.tag(rng, a, spec.tag)],
            tagsFirst: rng.chance(0.3),
          });
        } else if (wave.seeds.length > 0) {
          const ref = at(wave.seeds, rng.weighted(seedWeight));
          const tt = Math.max(t, w.post(ref).t + 15 * SECOND + rng.lognormal(Math.log(20 * MINUTE), 1.2));
          if (r < 0.92) p = w.retweet(a, tt, ref);
          else
            p = w.respond(
              a,
              tt,
              ref,
              REPLY,
              w.typed(a, rng.pick(['✊', '✌️', 'زن زندگی آزادی', 'دمت گرم', '😢'])),
              'fa',
            );
        }
        if (p >= 0) {
          w.mark(a, 'protest');
          wave.posts.push(p);
        }
      }
    }
    waves.push(wave);
    w.plan.push({
      crowd: 'protest',
      tag: spec.tag,
      onset: new Date(onset).toISOString(),
      participants: participants.length,
      posts: wave.posts.length,
    });
  }
  return waves;
}

/** A nightly chant: the same regulars post a chant at 21:00 Tehran time every night. */
export function chant(w: World, rng: Rng): void {
  const regulars = w.somePeople(
    rng,
    Math.max(25, Math.round(0.009 * w.people.length)),
    (a) => a.lang === 'fa',
  );
  const occasional = w.somePeople(rng, regulars.length * 2, (a) => a.lang === 'fa');
  const first = rng.between(3, 9);
  const habits = regulars.map(() => ({
    p: rng.uniform(0.4, 0.95),
    mu: rng.uniform(-2, 4),
    text: rng.int(CHANTS.length),
    tag: rng.int(CHANT_TAGS.length),
  }));
  let posts = 0;
  const say = (a: Account, t: number, textIdx: number, tagIdx: number) => {
    const text = w.typed(a, at(CHANTS, rng.chance(0.75) ? textIdx : rng.int(CHANTS.length)));
    const tags = rng.chance(0.85) ? [w.tag(rng, a, at(CHANT_TAGS, tagIdx))] : null;
    const urls = rng.chance(0.1) ? [`https://twitter.com/${a.handle}/status/video/${rng.int(1e9)}`] : null;
    if (w.original(a, t, text, 'fa', { tags, urls }) >= 0) {
      w.mark(a, 'chant');
      posts++;
    }
  };
  for (let day = first; day < DAYS; day++) {
    const t0 = World.localClock(day, 21, TEHRAN);
    regulars.forEach((a, j) => {
      const h = at(habits, j);
      if (!rng.chance(h.p)) return;
      let off = (h.mu + rng.normal() * 2) * MINUTE;
      if (rng.chance(0.1)) off += rng.uniform(5, 30) * MINUTE;
      say(a, t0 + Math.round(off), h.text, h.tag);
    });
    // Occasional joiners (neighbours who post some nights) and a few newcomers each night.
    for (const a of occasional) {
      if (rng.chance(0.12))
        say(a, t0 + Math.round(rng.uniform(-3, 15) * MINUTE), rng.int(CHANTS.length), rng.int(3));
    }
    for (const a of w.somePeople(rng, rng.between(0, 3), (x) => x.lang === 'fa')) {
      say(a, t0 + Math.round(rng.uniform(-3, 20) * MINUTE), rng.int(CHANTS.length), rng.int(3));
    }
  }
  w.plan.push({
    crowd: 'chant',
    regulars: regulars.length,
    occasional: occasional.length,
    firstNight: first,
    posts,
  });
}

function poisson(rng: Rng, mean: number): number {
  const L = Math.exp(-mean);
  let k = 0;
  let p = rng.next();
  while (p > L && k < 10) {
    k++;
    p *= rng.next();
  }
  return k;
}

/** Football: fans post near-identical goal cries within seconds of each goal. */
export function matches(w: World, rng: Rng): void {
  const clubFans = CLUBS.map((c) =>
    w.somePeople(rng, Math.round(w.people.length * c.share), (a) => a.topics.includes(1) || rng.chance(0.25)),
  );
  const official = CLUBS.map((c) =>
    w.addAccount(rng, {
      handle: c.handle,
      name: c.name,
      lang: 'fa',
      created: year(2012, rng),
      followers: Math.floor(rng.uniform(2e5, 2e6)),
      following: rng.between(10, 100),
      client: 'Twitter Web App',
      tz: TEHRAN,
      bio: '',
    }),
  );
  const watch = clubFans.map((fs) => fs.map(() => rng.uniform(0.15, 0.7)));
  const lag = clubFans.map((fs) => fs.map(() => rng.uniform(0, 45) * SECOND));
  const fixtures: [number, number][] = [
    [0, 1],
    [0, 2],
    [1, 3],
    [0, 3],
    [1, 2],
    [2, 3],
  ];
  let posts = 0;
  let goals = 0;
  fixtures.forEach(([home, away], m) => {
    const day = 2 + 6 * m + rng.between(0, 2);
    const kickoff = World.localClock(day, rng.pick([17.5, 19, 20]), TEHRAN);
    // Indices (into the club's fan list) of the fans who watch this match.
    const watching = [home, away].map((c) =>
      at(clubFans, c)
        .map((_, j) => j)
        .filter((j) => rng.chance(at(at(watch, c), j))),
    );
    [home, away].forEach((c, side) => {
      for (const j of at(watching, side)) {
        if (!rng.chance(0.2)) continue;
        const a = at(at(clubFans, c), j);
        const [text] = w.everyday(rng, a, 1);
        const t = kickoff - rng.uniform(0, 40) * MINUTE;
        if (w.original(a, t, text, 'fa', { tags: [w.tag(rng, a, at(CLUBS, c).tag)] }) >= 0) {
          w.mark(a, 'match');
          posts++;
        }
      }
    });
    const scored: number[][] = [];
    for (const [c, mean] of [
      [home, 1.4],
      [away, 1.1],
    ] as const) {
      const n = poisson(rng, mean);
      for (let g = 0; g < n; g++) scored.push([c, rng.between(1, 90)]);
    }
    for (const [c, minute] of scored as [number, number][]) {
      goals++;
      const G = kickoff + (minute + (minute > 45 ? 17 : 0)) * MINUTE + rng.uniform(0, 50) * SECOND;
      const club = at(CLUBS, c);
      const off = at(official, c);
      const player = rng.pick(PLAYERS);
      const op = w.original(
        off,
        G + rng.lognormal(Math.log(70 * SECOND), 0.4),
        `گل! ${player} دقیقه ${minute} ⚽️`,
        'fa',
        {
          tags: [club.tag],
        },
      );
      w.toPool(op, w.popularity(rng, off));
      const side = c === home ? 0 : 1;
      for (const j of at(watching, side)) {
        const a = at(at(clubFans, c), j);
        const r = rng.next();
        let p = -1;
        if (r < 0.7) {
          const en = a.lang === 'en' && rng.chance(0.6);
          let cry = en ? `GO${'O'.repeat(rng.between(1, 8))}AL` : `گ${'ل'.repeat(rng.between(3, 12))}`;
          if (rng.chance(0.5)) cry += '!'.repeat(rng.between(1, 4));
          if (rng.chance(0.35)) cry += ` ${en ? club.en : club.name}`;
          if (rng.chance(0.4)) cry += ` ${rng.pick(['⚽', '🔥', '❤️', '⚽⚽', '💪'])}`;
          const tags = rng.chance(0.4) ? [w.tag(rng, a, club.tag)] : null;
          const t = G + at(at(lag, c), j) + rng.lognormal(Math.log(12 * SECOND), 0.6);
          p = w.original(a, t, cry, en ? 'en' : 'fa', { tags });
        } else if (r < 0.8 && op >= 0) {
          p = w.retweet(a, w.post(op).t + rng.lognormal(Math.log(2 * MINUTE), 0.7), op);
        }
        if (p >= 0) {
          w.mark(a, 'match');
          posts++;
        }
      }
      const other = side === 0 ? away : home;
      for (const j of at(watching, 1 - side)) {
        if (!rng.chance(0.12)) continue;
        const a = at(at(clubFans, other), j);
        const text = w.typed(
          a,
          rng.pick(['داور کجاست؟', 'دفاع افتضاح', 'باز هم گل خوردیم', 'آفساید بود', 'بسه دیگه 😡']),
        );
        if (w.original(a, G + rng.uniform(1, 4) * MINUTE, text, 'fa') >= 0) {
          w.mark(a, 'match');
          posts++;
        }
      }
    }
  });
  w.plan.push({
    crowd: 'match',
    matches: fixtures.length,
    goals,
    fans: clubFans.map((f) => f.length),
    posts,
  });
}

/** Breaking news: about 2% of all users share one link within the hour. */
export function breakingNews(w: World, rng: Rng, outlets: Outlets, count: number): void {
  for (let i = 0; i < count; i++) {
    const b = at(BREAKING, i % BREAKING.length);
    const outlet = outlets.news.get(b.outlet) as Account;
    const T = World.localClock(rng.between(5, DAYS - 4), rng.uniform(8, 23), TEHRAN);
    const head = outlet.lang === 'en' ? b.en : b.fa;
    const op = w.original(outlet, T, head, outlet.lang, { urls: [b.url] });
    w.toPool(op, w.popularity(rng, outlet) * 3);
    const sharers = w.somePeople(rng, Math.round(0.02 * w.accounts.length));
    let posts = 0;
    for (const a of sharers) {
      const t = T + 30 * SECOND + rng.lognormal(Math.log(14 * MINUTE), 0.75);
      const r = rng.next();
      const url = rng.chance(0.25) ? `${b.url}?utm_source=twitter&utm_medium=social` : b.url;
      const lang: Lang = a.lang;
      let p: number;
      if (r < 0.45) p = w.retweet(a, t, op);
      else if (r < 0.8) {
        const text = rng.chance(0.5)
          ? lang === 'fa'
            ? b.fa
            : b.en
          : rng.pick(lang === 'fa' ? NEWS_COMMENTS_FA : NEWS_COMMENTS_EN);
        const viaShare = rng.chance(0.4);
        p = w.original(a, t, text, lang, { urls: [url], ment: viaShare ? [outlet.i] : null });
      } else
        p = w.respond(a, t, op, QUOTE, rng.pick(lang === 'fa' ? NEWS_COMMENTS_FA : NEWS_COMMENTS_EN), lang);
      if (p >= 0) {
        w.mark(a, 'news');
        posts++;
      }
    }
    w.plan.push({
      crowd: 'news',
      outlet: b.outlet,
      at: new Date(T).toISOString(),
      sharers: sharers.length,
      posts,
    });
  }
}

/** A chain message copied and forwarded from person to person over days, mutating as it goes. */
export function chain(w: World, rng: Rng, lang: Lang, target: number): void {
  const lines = lang === 'fa' ? CHAIN_FA : CHAIN_EN;
  const mutate = (text: string): string => {
    const ls = text.split('\n');
    const r = rng.next();
    if (r < 0.35) ls.push(rng.pick(CHAIN_EXTRA));
    else if (r < 0.55 && ls.length > 3) ls.splice(rng.between(1, ls.length - 2), 1);
    else if (r < 0.75) ls[0] = `${rng.pick(['‼️', '⚠️', '🔴'])} ${ls[0] ?? ''}`;
    else ls[ls.length - 1] = `${ls[ls.length - 1] ?? ''} ${rng.pick(['🙏', '🙏🙏', '!!'])}`;
    return ls.join('\n');
  };
  const queue: { a: Account; t: number; text: string; post: number }[] = [];
  const done = new Set<number>();
  let posts = 0;
  const startDay = rng.between(8, 25);
  const add = (a: Account, t: number, text: string, parent: number) => {
    if (done.has(a.i)) return;
    let p: number;
    if (parent >= 0 && rng.chance(0.25)) p = w.retweet(a, t, parent);
    else p = w.original(a, t, lang === 'fa' ? w.typed(a, text) : text, lang);
    if (p < 0) return;
    done.add(a.i);
    w.mark(a, 'chain');
    posts++;
    queue.push({ a, t: w.post(p).t, text, post: p });
  };
  let seedDay = startDay;
  while (done.size < target && seedDay < DAYS - 1) {
    const seed = w.person(rng);
    add(seed, World.localClock(seedDay, rng.uniform(9, 22), seed.tz), lines.join('\n'), -1);
    while (queue.length > 0 && done.size < target) {
      const node = queue.shift() as (typeof queue)[number];
      const kids = rng.count(0.62, 8) - (rng.chance(0.3) ? 1 : 0);
      for (let k = 0; k < kids; k++) {
        const child = w.person(rng);
        const t = node.t + rng.lognormal(Math.log(5 * HOUR), 1.0);
        add(child, t, rng.chance(0.15) ? mutate(node.text) : node.text, node.post);
      }
    }
    seedDay += rng.between(1, 3);
  }
  w.plan.push({ crowd: 'chain', lang, startDay, target, participants: done.size, posts });
}

/** An open tweetstorm, announced days ahead: one tag, one hour, real people, mostly their own words. */
export function storm(w: World, rng: Rng, index: number, day: number): void {
  const S = at(STORMS, index % STORMS.length);
  const start = World.localClock(day, index % 2 === 0 ? 20.5 : 21, TEHRAN);
  const organisers = w.somePeople(rng, rng.between(3, 5), (a) => a.lang === 'fa');
  const made: number[] = [];
  let posts = 0;
  for (const o of organisers) {
    o.followers = Math.max(o.followers, Math.floor(rng.uniform(5e3, 6e4)));
    w.mark(o, 'storm');
    const ann = w.original(o, start - rng.uniform(2, 4) * DAY + rng.uniform(0, 8) * HOUR, S.announce, 'fa', {
      tags: [S.tag, S.tagEn],
    });
    w.toPool(ann, w.popularity(rng, o) * 2);
    const own = w.original(o, start + rng.uniform(0, 3) * MINUTE, `${S.sample}`, 'fa', { tags: [S.tag] });
    if (own >= 0) made.push(own);
    posts += 2;
  }
  const people = w.somePeople(rng, Math.round(w.people.length * 0.05));
  for (const a of people) {
    const n = rng.count(0.6, 8);
    for (let k = 0; k < n; k++) {
      const t = start + (rng.chance(0.3) ? rng.exponential(5 * MINUTE) : rng.uniform(0, 60 * MINUTE));
      const r = rng.next();
      let p: number;
      if (r < 0.72 || made.length === 0) {
        const lang: Lang = a.lang === 'en' && rng.chance(0.7) ? 'en' : 'fa';
        const pool = lang === 'fa' ? S.phrasesFa : S.phrasesEn;
        let text = rng.pick(pool);
        if (rng.chance(0.3)) text += `. ${rng.pick(pool)}`;
        if (rng.chance(0.3)) text += ` ${rng.pick(EMOJI)}`;
        const tags = [w.tag(rng, a, lang === 'en' && rng.chance(0.5) ? S.tagEn : S.tag)];
        if (rng.chance(0.2)) tags.push(lang === 'en' ? S.tag : S.tagEn);
        p = w.original(a, t, lang === 'fa' ? w.typed(a, text) : text, lang, {
          tags,
          tagsFirst: rng.chance(0.25),
        });
      } else if (r < 0.82) {
        p = w.original(a, t, S.sample, 'fa', { tags: [S.tag] });
      } else {
        p = w.retweet(a, t, rng.pick(made));
      }
      if (p >= 0) {
        made.push(p);
        w.mark(a, 'storm');
        posts++;
      }
    }
  }
  w.plan.push({
    crowd: 'storm',
    tag: S.tag,
    at: new Date(start).toISOString(),
    participants: people.length,
    posts,
  });
}

/** Organic people using a campaign's tags to argue back, replying to and quoting its posts. */
export function reactors(
  w: World,
  rng: Rng,
  label: string,
  tags: readonly string[],
  from: number,
  to: number,
  n: number,
  targets: readonly number[],
): void {
  const who = w.somePeople(rng, n);
  let posts = 0;
  for (const a of who) {
    const k = rng.between(1, 3);
    for (let j = 0; j < k; j++) {
      const lang: Lang = a.lang === 'en' && rng.chance(0.7) ? 'en' : 'fa';
      const text = rng.pick(lang === 'fa' ? REACTOR_FA : REACTOR_EN);
      const tg = [w.tag(rng, a, rng.pick(tags))];
      const r = rng.next();
      let p: number;
      if (r < 0.6 || targets.length === 0) {
        p = w.original(a, w.localTime(rng, a, from + 30 * MINUTE, to + 6 * HOUR), w.typed(a, text), lang, {
          tags: tg,
        });
      } else {
        const ref = rng.pick(targets);
        const t = w.post(ref).t + rng.lognormal(Math.log(30 * MINUTE), 1);
        p = w.respond(a, t, ref, r < 0.85 ? REPLY : QUOTE, w.typed(a, text), lang, {
          tags: rng.chance(0.5) ? tg : null,
        });
      }
      if (p >= 0) {
        w.mark(a, 'reactor');
        posts++;
      }
    }
  }
  w.plan.push({ crowd: 'reactor', against: label, people: who.length, posts });
}

/** Friend circles: small groups who retweet and answer each other's everyday posts. */
export function friends(w: World, rng: Rng, cap: number): void {
  const shuffled = w.people.slice();
  rng.shuffle(shuffled);
  const members = Math.round(shuffled.length * 0.15);
  const groupOf = new Int32Array(w.accounts.length).fill(-1);
  const groups: number[][] = [];
  let cursor = 0;
  while (cursor < members) {
    const size = rng.between(4, 15);
    const g = shuffled.slice(cursor, cursor + size);
    cursor += size;
    for (const m of g) groupOf[m] = groups.length;
    groups.push(g);
  }
  const originals: number[][] = groups.map(() => []);
  const n0 = w.posts.length;
  for (let i = 0; i < n0; i++) {
    const p = w.post(i);
    if (p.k !== POST) continue;
    const g = groupOf[p.a] as number;
    if (g >= 0) at(originals, g).push(i);
  }
  let made = 0;
  groups.forEach((g, gi) => {
    const pRt = rng.uniform(0.05, 0.12);
    const pRe = rng.uniform(0.03, 0.08);
    for (const o of at(originals, gi)) {
      const post = w.post(o);
      for (const m of g) {
        if (m === post.a || made >= cap) continue;
        const f = w.acct(m);
        const x = rng.next();
        let p = -1;
        const t = post.t + 15 * SECOND + rng.lognormal(Math.log(25 * MINUTE), 1.3);
        if (x < pRt) p = w.retweet(f, t, o);
        else if (x < pRt + pRe) {
          const [text, lang] = w.everyday(rng, f);
          const short = text.split(' ').slice(0, rng.between(2, 7)).join(' ');
          p = w.respond(f, t, o, REPLY, rng.chance(0.3) ? `${short} ${rng.pick(EMOJI)}` : short, lang);
        }
        if (p >= 0) {
          made++;
          w.mark(f, 'friends');
          w.mark(post.a, 'friends');
        }
      }
    }
  });
  w.plan.push({ crowd: 'friends', groups: groups.length, members, posts: made });
}

/** Everyday posts and responses by the ordinary population (the rest of the budget). */
export function backgroundOriginals(w: World, rng: Rng, n: number, table: { draw(r: Rng): number }): void {
  for (let k = 0; k < n; k++) w.ordinaryOriginal(rng, w.acct(at(w.people, table.draw(rng))));
}

export function backgroundResponses(
  w: World,
  rng: Rng,
  until: number,
  table: { draw(r: Rng): number },
): void {
  let guard = (until - w.posts.length) * 5 + 1000;
  while (w.posts.length < until && guard-- > 0) {
    const a = w.acct(at(w.people, table.draw(rng)));
    const r = rng.next();
    w.ordinaryResponse(rng, a, r < 0.72 ? RETWEET : r < 0.95 ? REPLY : QUOTE);
  }
}
