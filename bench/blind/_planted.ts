// Planted coordinated networks, each written from a one-paragraph description of the pattern (see README):
// stealth cell, rented amplification fleet, reply brigade, sleeper cell, hashtag hijackers, slow copy-paste
// network, loud hashtag flood. Every planted account also keeps an everyday cover life (World.cover).
import type { Rng } from '@lockstep/generate';
import {
  BRIGADE_EN,
  BRIGADE_FA,
  BRIGADE_TAILS,
  COPY_CALLS,
  COPY_CLAIMS,
  COPY_REASONS,
  COPY_SUBJECTS,
  EMOJI,
  FLEET_CUSTOMER_TEXTS,
  FLEET_PUSH_LINKS,
  FLEET_PUSH_TAGS,
  FLEET_PUSH_TEXTS,
  FLOOD_CAMPAIGNS,
  HIJACK_COUNTER_TAGS,
  HIJACK_TEMPLATES,
  type Lang,
  SLEEPER_COMMENTS_EN,
  SLEEPER_COMMENTS_FA,
  STATE_HEADLINES_EN,
  STATE_HEADLINES_FA,
  STEALTH_CLOSERS_EN,
  STEALTH_OPENERS_EN,
  STEALTH_OPENERS_FA,
  STEALTH_SITES,
  TALKING_POINTS,
  type TalkingPoint,
  WESTERN_NAMES,
} from './_lexicon.js';
import type { Journalist, Outlets, Wave } from './_organic.js';
import {
  type Account,
  type AccountSpec,
  at,
  clamp,
  DAY,
  DAYS,
  END,
  HOUR,
  MINUTE,
  REPLY,
  SECOND,
  START,
  TEHRAN,
  World,
} from './_world.js';

export const PATTERNS = {
  stealth: 'stealth cell',
  fleet: 'rented amplification fleet',
  brigade: 'reply brigade',
  sleeper: 'sleeper cell',
  hijack: 'hashtag hijackers',
  copy: 'slow copy-paste network',
  flood: 'hashtag flood',
} as const;

export interface Planted {
  net: number;
  pattern: string;
  members: Account[];
  /** The network's coordinated posts (for reactors to answer). */
  posts: number[];
  info: Record<string, unknown>;
}

const year = (y: number, rng: Rng) => Math.floor(rng.uniform(Date.UTC(y, 0, 1), Date.UTC(y + 1, 0, 1)));

function member(w: World, rng: Rng, net: number, pattern: string, spec: AccountSpec = {}): Account {
  return w.addAccount(rng, { ...spec, network: net, pattern });
}

function cover(w: World, a: Account, origPerDay: number, respPerDay: number, from = START, to = END): void {
  const days = Math.max(0, (to - Math.max(from, a.created)) / DAY);
  w.cover.push({ a, orig: Math.round(origPerDay * days), resp: Math.round(respPerDay * days), from, to });
}

function localHour(t: number, tz: number): number {
  return (((t / HOUR + tz) % 24) + 24) % 24;
}

/** `k` of `items` without replacement, each drawn with probability proportional to its weight. */
function weightedSample<T>(rng: Rng, items: readonly T[], weights: readonly number[], k: number): T[] {
  const keyed = items.map((item, i) => ({ item, key: Math.log(1 - rng.next()) / at(weights, i) }));
  keyed.sort((x, y) => y.key - x.key);
  return keyed.slice(0, k).map((x) => x.item);
}

function addTail(rng: Rng, text: string): string {
  let t = text;
  if (rng.chance(0.3)) t += ` ${rng.pick(EMOJI)}`;
  if (rng.chance(0.15)) t += rng.pick(['!', '!!', '.', '…']);
  return t;
}

// ---- stealth cell ------------------------------------------------------------------------------------------

function paraphrase(rng: Rng, tp: TalkingPoint, lang: Lang): string {
  const slots = lang === 'en' ? tp.en : tp.fa;
  const order = slots.map((_, i) => i);
  if (rng.chance(0.5)) rng.shuffle(order);
  const keep = rng.chance(0.45) ? order.length : 2;
  const parts = order.slice(0, keep).map((i) => rng.pick(at(slots, i)));
  let text: string;
  if (lang === 'en') {
    const join = rng.pick(['. ', ' — ', '; ', '. ']);
    text = parts
      .map((p, i) => (i > 0 && join !== '. ' ? p.charAt(0).toLowerCase() + p.slice(1) : p))
      .join(join);
    text = text.charAt(0).toUpperCase() + text.slice(1);
    const open = rng.pick(STEALTH_OPENERS_EN);
    const close = rng.pick(STEALTH_CLOSERS_EN);
    const stop = /[.?!]$/.test(text) ? '' : '.';
    text = `${open ? `${open} ` : ''}${text}${stop}${close ? ` ${close}` : ''}`;
  } else {
    text = parts.join(rng.pick(['. ', '، ', ' و ']));
    const open = rng.pick(STEALTH_OPENERS_FA);
    text = `${open ? `${open} ` : ''}${text}${/[.?!؟]$/.test(text) ? '' : '.'}`;
  }
  return text;
}

/** 8-12 aged accounts posting daily paraphrases of a tasked talking point with links to a little-known site. */
export function stealthCell(w: World, rng: Rng, net: number, k: number): Planted {
  const size = rng.between(8, 12);
  const site = at(STEALTH_SITES, k % STEALTH_SITES.length);
  const members: Account[] = [];
  for (let m = 0; m < size; m++) {
    const en = rng.chance(0.6);
    members.push(
      member(w, rng, net, PATTERNS.stealth, {
        lang: en ? 'en' : 'fa',
        created: year(rng.between(2011, 2018), rng),
        ...(en && rng.chance(0.6) ? { name: rng.pick(WESTERN_NAMES) } : {}),
        tz: en ? rng.pick([-5, -4, 0, 1]) : TEHRAN,
      }),
    );
  }
  const habits = members.map(() => ({
    delay: rng.uniform(0.5, 4),
    two: rng.uniform(0.2, 0.6),
    active: rng.uniform(0.75, 0.95),
  }));
  const firstDay = rng.between(2, 10);
  const lastDay = Math.min(DAYS - 2, firstDay + rng.between(21, 35));
  const posts: number[] = [];
  let tp = rng.pick(TALKING_POINTS);
  let article = '';
  let left = 0;
  for (let day = firstDay; day <= lastDay; day++) {
    if (left <= 0) {
      tp = rng.pick(TALKING_POINTS);
      article = `${site}2022/${day < 31 ? '10' : '11'}/${tp.slug}-${rng.between(100, 999)}/`;
      left = rng.between(1, 3);
    }
    left--;
    const task = World.localClock(day, 9.5 + rng.normal() * 0.7, TEHRAN);
    members.forEach((a, j) => {
      const h = at(habits, j);
      if (!rng.chance(h.active)) return;
      const n = rng.chance(h.two) ? 2 : 1;
      let t = task + Math.max(10 * MINUTE, (h.delay + rng.normal() * 1.5) * HOUR);
      for (let x = 0; x < n; x++) {
        const lang: Lang = rng.chance(0.8) ? a.lang : a.lang === 'en' ? 'fa' : 'en';
        const text = paraphrase(rng, tp, lang);
        const tagPool = [...tp.tags, 'Iran', 'IranProtests', 'ایران'].filter((g) =>
          lang === 'fa' ? true : /^[A-Za-z]/.test(g),
        );
        const tags: string[] = [];
        const nt = rng.between(1, 2);
        for (let g = 0; g < nt; g++) {
          const tg = w.tag(rng, a, rng.pick(tagPool));
          if (!tags.includes(tg)) tags.push(tg);
        }
        const urls = rng.chance(0.65) ? [rng.chance(0.2) ? `${article}?utm_source=twitter` : article] : null;
        const p = w.original(a, Math.round(t), lang === 'fa' ? w.typed(a, text) : text, lang, {
          tags,
          urls,
          tagsFirst: rng.chance(0.15),
        });
        if (p >= 0) {
          posts.push(p);
          w.toPool(p, w.popularity(rng, a));
        }
        t += rng.uniform(2, 6) * HOUR;
      }
    });
  }
  // The site is little known, not unknown: now and then an ordinary reader links to it too.
  for (const a of w.somePeople(rng, 2)) {
    w.original(a, w.localTime(rng, a, START, END), 'جالبه', 'fa', {
      urls: [`${site}2022/10/opinion-${rng.between(100, 999)}/`],
    });
  }
  for (const a of members) cover(w, a, rng.uniform(0.3, 0.8), rng.uniform(0.3, 0.8));
  return {
    net,
    pattern: PATTERNS.stealth,
    members,
    posts,
    info: { site, firstDay, lastDay, taskedPosts: posts.length },
  };
}

// ---- rented amplification fleet ----------------------------------------------------------------------------

/** 40-80 accounts for hire; each job (retweet a customer's post, or push a link or tag) uses 10-15 of them. */
export function rentedFleet(w: World, rng: Rng, net: number): Planted {
  const size = rng.between(40, 80);
  const batch = START - rng.uniform(30, 200) * DAY;
  const members: Account[] = [];
  for (let m = 0; m < size; m++) {
    const fresh = rng.chance(0.5);
    members.push(
      member(w, rng, net, PATTERNS.fleet, {
        created: fresh ? Math.floor(batch + rng.uniform(0, 5) * DAY) : year(rng.between(2012, 2019), rng),
        defaultHandle: fresh,
        followers: Math.floor(rng.lognormal(Math.log(fresh ? 40 : 120), 1)),
        following: Math.floor(rng.lognormal(Math.log(800), 0.6)),
        client: rng.chance(0.7) ? 'Twitter for Android' : 'Twitter for iPhone',
        ...(fresh ? { bio: '' } : {}),
      }),
    );
  }
  const avail = members.map(() => rng.lognormal(0, 0.5));
  const customers = w.somePeople(rng, rng.between(8, 16));
  for (const c of customers) c.followers = Math.max(c.followers, Math.floor(rng.uniform(2e3, 5e4)));
  // Enough jobs that every account works a dozen or more, few enough that a typical pair of accounts shares
  // only a handful (expected shared jobs per pair = jobs * (crew / size)^2, here about 2.5-4.5).
  const jobs = Math.max(30, Math.round(rng.uniform(2.5, 4.5) * (size / 12.5) ** 2));
  const posts: number[] = [];
  let rtJobs = 0;
  const subsetSizes: number[] = [];
  for (let j = 0; j < jobs; j++) {
    const crew = weightedSample(rng, members, avail, rng.between(10, 15));
    subsetSizes.push(crew.length);
    if (rng.chance(0.7)) {
      rtJobs++;
      const c = rng.pick(customers);
      const [base] = w.everyday(rng, c);
      const text = rng.chance(0.6) ? w.typed(c, rng.pick(FLEET_CUSTOMER_TEXTS)) : base;
      const p = w.original(c, w.localTime(rng, c, START, END - 2 * HOUR), text, c.lang, {
        urls: rng.chance(0.3) ? [w.everydayUrl(rng)] : null,
      });
      if (p < 0) continue;
      w.toPool(p, w.popularity(rng, c));
      const start = w.post(p).t + rng.lognormal(Math.log(20 * MINUTE), 0.8);
      for (const a of crew) {
        const r = w.retweet(a, start + Math.min(45 * MINUTE, rng.exponential(7 * MINUTE)), p);
        if (r >= 0) posts.push(r);
      }
    } else {
      const link = rng.chance(0.5);
      const payload = link ? rng.pick(FLEET_PUSH_LINKS) : rng.pick(FLEET_PUSH_TAGS);
      const start = World.localClock(rng.between(0, DAYS - 1), rng.uniform(9, 24), TEHRAN);
      for (const a of crew) {
        const text = addTail(rng, rng.pick(FLEET_PUSH_TEXTS)).trim() || rng.pick(EMOJI);
        const p = w.original(
          a,
          start + Math.min(45 * MINUTE, rng.exponential(7 * MINUTE)),
          w.typed(a, text),
          'fa',
          {
            urls: link ? [payload] : null,
            tags: link ? null : [w.tag(rng, a, payload)],
          },
        );
        if (p >= 0) posts.push(p);
      }
    }
  }
  for (const a of members) cover(w, a, rng.uniform(0.1, 0.4), rng.uniform(0.2, 0.6));
  const mean = subsetSizes.reduce((x, y) => x + y, 0) / Math.max(1, subsetSizes.length);
  return {
    net,
    pattern: PATTERNS.fleet,
    members,
    posts,
    info: {
      jobs,
      retweetJobs: rtJobs,
      customers: customers.length,
      meanCrew: Number(mean.toFixed(1)),
      expectedSharedJobsPerPair: Number((jobs * (mean / size) ** 2).toFixed(2)),
    },
  };
}

// ---- reply brigade -----------------------------------------------------------------------------------------

function hostile(w: World, rng: Rng, a: Account): [string, Lang] {
  const en = a.lang === 'en' || rng.chance(0.2);
  const pool = en ? BRIGADE_EN : BRIGADE_FA;
  const n = rng.count(0.5, 3);
  const parts: string[] = [];
  for (let k = 0; k < n; k++) {
    const x = rng.pick(pool);
    if (!parts.includes(x)) parts.push(x);
  }
  let text = parts.join(en ? rng.pick(['. ', ', ', ' ']) : rng.pick(['، ', ' ', '. ']));
  text += rng.pick(BRIGADE_TAILS);
  return [en ? text : w.typed(a, text), en ? 'en' : 'fa'];
}

/** 8-10 accounts answering a journalist's every post within about 15 minutes, with varied hostile text. */
export function replyBrigade(w: World, rng: Rng, net: number, target: Journalist): Planted {
  const size = rng.between(8, 10);
  const members: Account[] = [];
  for (let m = 0; m < size; m++) {
    members.push(
      member(w, rng, net, PATTERNS.brigade, {
        lang: rng.chance(0.85) ? 'fa' : 'en',
        created: rng.chance(0.6) ? year(rng.between(2020, 2021), rng) : year(rng.between(2014, 2019), rng),
        followers: Math.floor(rng.lognormal(Math.log(90), 1)),
      }),
    );
  }
  const propensity = members.map(() => rng.uniform(0.55, 0.9));
  const firstDay = rng.between(2, 12);
  const lastDay = Math.min(DAYS, firstDay + rng.between(18, 32));
  const from = START + firstDay * DAY;
  const to = START + lastDay * DAY;
  const posts: number[] = [];
  let answered = 0;
  for (const jp of target.posts) {
    const t0 = w.post(jp).t;
    if (t0 < from || t0 >= to || !rng.chance(0.85)) continue;
    answered++;
    members.forEach((a, j) => {
      if (!rng.chance(at(propensity, j))) return;
      let delay = 40 * SECOND + rng.lognormal(Math.log(5 * MINUTE), 0.55);
      for (let tries = 0; tries < 5 && delay > 15 * MINUTE; tries++)
        delay = 40 * SECOND + rng.lognormal(Math.log(5 * MINUTE), 0.55);
      delay = Math.min(delay, 15 * MINUTE);
      const [text, lang] = hostile(w, rng, a);
      const p = w.respond(a, t0 + delay, jp, REPLY, text, lang);
      if (p >= 0) posts.push(p);
    });
  }
  for (const a of members) cover(w, a, rng.uniform(0.3, 1), rng.uniform(0.3, 1));
  return {
    net,
    pattern: PATTERNS.brigade,
    members,
    posts,
    info: { target: target.acct.handle, firstDay, lastDay, postsAnswered: answered, replies: posts.length },
  };
}

// ---- sleeper cell ------------------------------------------------------------------------------------------

/** 8-15 accounts living ordinary lives, who now and then share the same state-media link within minutes. */
export function sleeperCell(w: World, rng: Rng, net: number, outlets: Outlets): Planted {
  const size = rng.between(8, 15);
  const members: Account[] = [];
  let ordinary = 0;
  for (let m = 0; m < size; m++) {
    const a = member(w, rng, net, PATTERNS.sleeper, {
      lang: rng.chance(0.85) ? 'fa' : 'en',
      created: year(rng.between(2011, 2019), rng),
    });
    members.push(a);
    const perDay = rng.uniform(1, 3);
    ordinary += perDay * DAYS;
    cover(w, a, perDay * 0.45, perDay * 0.55);
  }
  const q = rng.uniform(0.65, 0.85);
  const shares = Math.round((ordinary * 0.1) / 0.9);
  const episodes = Math.max(6, Math.round(shares / (size * q)));
  const sources = outlets.state.slice();
  rng.shuffle(sources);
  const used = sources.slice(0, rng.between(2, 3));
  const posts: number[] = [];
  for (let e = 0; e < episodes; e++) {
    const T = World.localClock(rng.between(0, DAYS - 1), rng.uniform(8, 23), TEHRAN);
    const o = rng.pick(used);
    const url = `${o.site}${rng.between(2_700_000, 2_800_000)}`;
    const headline = rng.pick(o.lang === 'fa' ? STATE_HEADLINES_FA : STATE_HEADLINES_EN);
    const op = w.original(o.acct, T, headline, o.lang, { urls: [url] });
    if (op < 0) continue;
    w.toPool(op, w.popularity(rng, o.acct) * 0.3);
    for (const a of members) {
      if (!rng.chance(q)) continue;
      const t = T + MINUTE + Math.min(25 * MINUTE, rng.exponential(4 * MINUTE));
      const r = rng.next();
      let p: number;
      if (r < 0.9) {
        const lang: Lang = a.lang;
        const text =
          r < 0.5
            ? headline
            : `${rng.pick(lang === 'fa' ? SLEEPER_COMMENTS_FA : SLEEPER_COMMENTS_EN)} ${rng.chance(0.4) ? headline : ''}`.trim() ||
              headline;
        p = w.original(a, t, lang === 'fa' ? w.typed(a, text) : text, /[a-z]/i.test(text) ? 'en' : 'fa', {
          urls: [rng.chance(0.15) ? `${url}?utm_source=twitter` : url],
        });
      } else p = w.retweet(a, t, op);
      if (p >= 0) posts.push(p);
    }
    // Genuine readers of the outlet share some of the same articles, hours later.
    for (const a of w.somePeople(rng, rng.between(0, 3))) {
      w.original(a, T + rng.lognormal(Math.log(2 * HOUR), 1), headline, o.lang, { urls: [url] });
    }
  }
  return {
    net,
    pattern: PATTERNS.sleeper,
    members,
    posts,
    info: {
      episodes,
      participation: Number(q.toFixed(2)),
      sources: used.map((u) => u.acct.handle),
      linkPosts: posts.length,
    },
  };
}

// ---- hashtag hijackers -------------------------------------------------------------------------------------

const SWAPS: [string, string][] = [
  ['رسانه‌های', 'شبکه‌های'],
  ['مردم', 'ملت'],
  ['دروغ', 'دروغ‌های'],
  ['آرام است', 'آرام‌اند'],
  ['do not', "don't"],
  ['as usual', 'like any other day'],
];

function nearCopy(rng: Rng, text: string): string {
  let t = text;
  if (rng.chance(0.3)) {
    const [x, y] = rng.pick(SWAPS);
    t = t.includes(x) ? t.replace(x, y) : t.replace(y, x);
  }
  if (rng.chance(0.5)) t += ` ${rng.pick(EMOJI)}`;
  if (rng.chance(0.3)) t += rng.pick(['!!', '!', '.', '‼️']);
  if (rng.chance(0.15)) t = t.replace(' ', '  ');
  return t;
}

/** 10-30 accounts posting a few counter-templates into a genuine protest wave's hashtag while it trends. */
export function hijackers(w: World, rng: Rng, net: number, wave: Wave): Planted {
  const size = rng.between(10, 30);
  const members: Account[] = [];
  for (let m = 0; m < size; m++) {
    const fresh = rng.chance(0.5);
    members.push(
      member(w, rng, net, PATTERNS.hijack, {
        lang: rng.chance(0.85) ? 'fa' : 'en',
        created: fresh ? Math.floor(START - rng.uniform(10, 60) * DAY) : year(rng.between(2019, 2021), rng),
        defaultHandle: fresh,
        followers: Math.floor(rng.lognormal(Math.log(30), 1.2)),
      }),
    );
  }
  const templates = HIJACK_TEMPLATES.slice();
  rng.shuffle(templates);
  const used = templates.slice(0, rng.between(3, 5));
  const counter = rng.pick(HIJACK_COUNTER_TAGS);
  const from = wave.onset + 30 * MINUTE;
  const to = wave.onset + 10 * HOUR;
  const bursts = Array.from({ length: rng.between(3, 6) }, () => rng.uniform(from, to));
  const posts: number[] = [];
  for (const a of members) {
    const n = rng.between(3, 10);
    for (let k = 0; k < n; k++) {
      const t = rng.chance(0.6) ? rng.pick(bursts) + rng.normal() * 15 * MINUTE : rng.uniform(from, to);
      const tpl = rng.pick(used);
      const en = /^[A-Za-z]/.test(tpl);
      const text = nearCopy(rng, tpl);
      const tags = [w.tag(rng, a, wave.tag)];
      if (rng.chance(0.4)) tags.push(w.tag(rng, a, counter));
      if (rng.chance(0.2)) tags.push(wave.tagEn);
      rng.shuffle(tags);
      const p = w.original(a, Math.round(t), en ? text : w.typed(a, text), en ? 'en' : 'fa', {
        tags,
        tagsFirst: rng.chance(0.3),
      });
      if (p >= 0) posts.push(p);
    }
  }
  for (const a of members) cover(w, a, rng.uniform(0.1, 0.5), rng.uniform(0.1, 0.4));
  return {
    net,
    pattern: PATTERNS.hijack,
    members,
    posts,
    info: { tag: wave.tag, counterTag: counter, templates: used.length, posts: posts.length },
  };
}

// ---- slow copy-paste network -------------------------------------------------------------------------------

/** About 8 accounts each posting the same texts (exact or nearly), spread over 6-24 hours per text. */
export function copyPaste(w: World, rng: Rng, net: number): Planted {
  const size = rng.between(7, 9);
  const members: Account[] = [];
  for (let m = 0; m < size; m++) {
    members.push(
      member(w, rng, net, PATTERNS.copy, {
        lang: 'fa',
        created: year(rng.between(2013, 2020), rng),
      }),
    );
  }
  const nTexts = Math.round(DAYS * rng.uniform(0.9, 1.3));
  const texts = new Set<string>();
  for (let guard = 0; texts.size < nTexts && guard < nTexts * 50; guard++) {
    let t = `${rng.pick(COPY_SUBJECTS)} ${rng.pick(COPY_CLAIMS)}`;
    if (rng.chance(0.7)) t += `، ${rng.pick(COPY_REASONS)}`;
    t += `. ${rng.pick(COPY_CALLS)}`;
    texts.add(t);
  }
  const posts: number[] = [];
  const spans: number[] = [];
  for (const text of texts) {
    const release = START + rng.uniform(0, DAYS - 1) * DAY;
    const span = rng.uniform(6, 24) * HOUR;
    spans.push(span / HOUR);
    const tags = rng.chance(0.3) ? [rng.pick(['ایران', 'وحدت_ملی', 'امنیت'])] : null;
    for (const a of members) {
      if (!rng.chance(0.85)) continue;
      let t = release + rng.uniform(0, span);
      // People who post by hand mostly do not post between 2 and 7 in the morning.
      for (let tries = 0; tries < 5; tries++) {
        const h = localHour(t, a.tz);
        if (h < 2 || h >= 7 || !rng.chance(0.7)) break;
        t = release + rng.uniform(0, span);
      }
      const body = rng.chance(0.65) ? text : nearCopy(rng, text);
      const p = w.original(a, Math.round(t), body, 'fa', { tags: tags ? tags.slice() : null });
      if (p >= 0) posts.push(p);
    }
  }
  for (const a of members) cover(w, a, rng.uniform(0.2, 0.6), rng.uniform(0.2, 0.6));
  return {
    net,
    pattern: PATTERNS.copy,
    members,
    posts,
    info: {
      texts: texts.size,
      copies: posts.length,
      meanSpanHours: Number((spans.reduce((x, y) => x + y, 0) / spans.length).toFixed(1)),
    },
  };
}

// ---- loud hashtag flood ------------------------------------------------------------------------------------

/** A few hundred mostly fresh accounts posting templates on campaign tags in scheduled waves over 60 hours. */
export function hashtagFlood(
  w: World,
  rng: Rng,
  net: number,
  targets: readonly Account[],
  answerable: readonly number[],
): Planted {
  const size = clamp(Math.round(150 * w.s ** 0.45), 60, 600);
  const budget = Math.round(0.05 * w.n);
  const campaign = rng.pick(FLOOD_CAMPAIGNS);
  const startDay = rng.between(14, 26);
  const start = World.localClock(startDay, 6, TEHRAN);
  const hours = 60;
  const batches = [0, 1, 2].map(() => start - rng.uniform(14, 42) * DAY);
  const members: Account[] = [];
  for (let m = 0; m < size; m++) {
    const fresh = rng.chance(0.75);
    members.push(
      member(w, rng, net, PATTERNS.flood, {
        lang: rng.chance(0.9) ? 'fa' : 'en',
        created: fresh
          ? Math.floor(rng.pick(batches) + rng.uniform(0, 36) * HOUR)
          : year(rng.between(2013, 2020), rng),
        defaultHandle: fresh,
        followers: fresh ? Math.floor(rng.exponential(12)) : Math.floor(rng.lognormal(Math.log(200), 1)),
        following: Math.floor(rng.lognormal(Math.log(150), 0.7)),
        client: fresh ? (rng.chance(0.55) ? 'Twitter Web App' : 'Twitter for Android') : w.pickClient(rng),
        ...(fresh ? { bio: '', location: '' } : {}),
      }),
    );
  }
  const leaders = members.slice(0, Math.max(3, Math.round(size * 0.05)));
  const templates = new Set<string>();
  for (let guard = 0; templates.size < 30 && guard < 500; guard++) {
    if (rng.chance(0.2)) templates.add(rng.pick(campaign.en));
    else
      templates.add(
        `${rng.pick(campaign.subjects)} ${rng.pick(campaign.claims)}${rng.pick(['', '!', '.', ' ✌️'])}`,
      );
  }
  const tpl = [...templates];
  const render = (a: Account): [string, Lang, string[], number[] | null] => {
    const base = rng.pick(tpl);
    const en = /^[A-Za-z]/.test(base);
    let text = base;
    const emo = rng.between(0, 2);
    for (let e = 0; e < emo; e++) text += ` ${rng.pick(['🇮🇷', '✌️', '💪', '❤️', '👊', '🙏'])}`;
    if (rng.chance(0.15)) text += ` ${rng.between(1, 999)}`;
    const nt = rng.between(1, 3);
    const tags: string[] = [];
    for (let g = 0; g < nt; g++) {
      const tg = w.tag(rng, a, rng.pick(campaign.tags));
      if (!tags.includes(tg)) tags.push(tg);
    }
    const ment = rng.chance(0.2) && targets.length > 0 ? [rng.pick(targets).i] : null;
    return [en ? text : w.typed(a, text), en ? 'en' : 'fa', tags, ment];
  };
  const waveEvery = 90 * MINUTE;
  const nWaves = Math.floor((hours * HOUR) / waveEvery);
  const factors: number[] = [];
  for (let v = 0; v < nWaves; v++) {
    const h = localHour(start + v * waveEvery, TEHRAN);
    factors.push(h >= 3 && h < 8 ? 0.25 : 1);
  }
  const total = factors.reduce((x, y) => x + y, 0);
  const posts: number[] = [];
  const seeds: number[] = [];
  for (let v = 0; v < nWaves; v++) {
    const ws = start + v * waveEvery + rng.uniform(-3, 3) * MINUTE;
    const dur = rng.uniform(8, 20) * MINUTE;
    const active = members.filter(() => rng.chance(0.6));
    const waveSeeds: number[] = [];
    for (const a of leaders) {
      const [text, lang, tags, ment] = render(a);
      const p = w.original(a, Math.round(ws + rng.uniform(0, 2) * MINUTE), text, lang, { tags, ment });
      if (p >= 0) {
        waveSeeds.push(p);
        seeds.push(p);
        posts.push(p);
      }
    }
    const vol = Math.round((budget * at(factors, v)) / total);
    for (let k = 0; k < vol && active.length > 0; k++) {
      const a = rng.pick(active);
      const t = Math.round(rng.chance(0.2) ? ws + rng.int(60) * SECOND : ws + rng.uniform(0, dur));
      const r = rng.next();
      let p = -1;
      if (r < 0.68 || waveSeeds.length === 0) {
        const [text, lang, tags, ment] = render(a);
        p = w.original(a, t, text, lang, { tags, ment });
      } else if (r < 0.93) {
        p = w.retweet(a, t + 2 * MINUTE, rng.pick(rng.chance(0.7) ? waveSeeds : seeds));
      } else {
        const recent = answerable.filter((x) => {
          const pt = w.post(x).t;
          return pt < t && pt > t - DAY;
        });
        if (recent.length > 0) {
          const [text, lang, tags] = render(a);
          p = w.respond(a, t, rng.pick(recent), REPLY, text, lang, { tags });
        }
      }
      if (p >= 0) posts.push(p);
    }
  }
  for (const a of members) {
    w.cover.push({
      a,
      orig: rng.between(0, 5),
      resp: rng.between(0, 3),
      from: Math.max(START, a.created),
      to: start,
    });
  }
  return {
    net,
    pattern: PATTERNS.flood,
    members,
    posts,
    info: {
      tags: campaign.tags,
      start: new Date(start).toISOString(),
      hours,
      waves: nWaves,
      templates: tpl.length,
      posts: posts.length,
    },
  };
}
