// The blind benchmark's world: accounts, posts, clocks, typing habits, and the everyday behaviour that both
// organic users and the planted accounts' cover activity use. Posts are held compactly in memory (about
// 1M of them fit in a few hundred MB) and written out in time order by _write.ts.
import { AliasTable, Rng } from '@lockstep/generate';
import {
  BIOS_EN,
  BIOS_FA,
  CLIENTS,
  EMOJI,
  EN_FILLERS,
  EVERYDAY_SITES,
  FA_FILLERS,
  LATIN_FIRST,
  LATIN_LAST,
  type Lang,
  LOCATIONS_ABROAD,
  LOCATIONS_FA,
  PERSIAN_FIRST,
  PERSIAN_LAST,
  TOPICS,
  type Topic,
} from './_lexicon.js';

export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** The observed window: six weeks from 1 October 2022 (UTC). */
export const START = Date.UTC(2022, 9, 1);
export const DAYS = 42;
export const END = START + DAYS * DAY;
export const TEHRAN = 3.5;
/** Twitter's snowflake epoch (ms). */
export const TWITTER_EPOCH = 1288834974657;

export const POST = 0;
export const RETWEET = 1;
export const REPLY = 2;
export const QUOTE = 3;

/** Organic crowd kinds, in the priority used when an account took part in several (smallest crowds first). */
export const EVENTS = [
  'reactor',
  'news',
  'chain',
  'chant',
  'storm',
  'match',
  'fans',
  'friends',
  'protest',
  'journalist',
] as const;
export type EventName = (typeof EVENTS)[number];

export interface Account {
  i: number;
  id: string;
  handle: string;
  name: string;
  created: number;
  followers: number;
  following: number;
  lang: Lang;
  location: string;
  bio: string;
  url: string;
  client: string;
  client2: string;
  /** Offset of the account's clock from UTC, hours. */
  tz: number;
  /** Personal shift of the daily rhythm (night owls), hours. */
  shift: number;
  network: number;
  pattern: string;
  events: number;
  activity: number;
  topics: number[];
  arabicKeys: boolean;
  /** 0 keeps ZWNJ, 1 types a space instead, 2 drops it. */
  zwnj: number;
  posts: number;
}

export interface Post {
  t: number;
  a: number;
  k: number;
  ref: number;
  text: string;
  tags: string[] | null;
  urls: string[] | null;
  ment: number[] | null;
  lang: string;
  client: string | null;
  tagsFirst: boolean;
}

export interface Cover {
  a: Account;
  orig: number;
  resp: number;
  from: number;
  to: number;
}

export interface AccountSpec {
  lang?: Lang;
  created?: number;
  followers?: number;
  following?: number;
  handle?: string;
  name?: string;
  client?: string;
  tz?: number;
  network?: number;
  pattern?: string;
  bio?: string;
  location?: string;
  activity?: number;
  /** A default handle (first name + 8 digits), as freshly registered accounts get. */
  defaultHandle?: boolean;
}

export interface PostOptions {
  tags?: string[] | null;
  urls?: string[] | null;
  ment?: number[] | null;
  client?: string | null;
  tagsFirst?: boolean;
}

// Local-hour activity (Persian Twitter peaks late evening, bottoms out before dawn).
const HOUR_WEIGHTS = [
  0.75, 0.5, 0.3, 0.16, 0.09, 0.08, 0.14, 0.3, 0.5, 0.68, 0.8, 0.86, 0.9, 0.9, 0.86, 0.84, 0.86, 0.92, 1.0,
  1.08, 1.16, 1.26, 1.3, 1.08,
];
const HOUR_MAX = Math.max(...HOUR_WEIGHTS);

const CREATION_YEARS: [number, number][] = [
  [2009, 4],
  [2010, 5],
  [2011, 6],
  [2012, 6],
  [2013, 6],
  [2014, 6],
  [2015, 7],
  [2016, 7],
  [2017, 9],
  [2018, 12],
  [2019, 9],
  [2020, 10],
  [2021, 9],
  [2022, 8],
];

export function at<T>(items: readonly T[], i: number): T {
  return items[i] as T;
}

export function clamp(x: number, lo: number, hi: number): number {
  return x < lo ? lo : x > hi ? hi : x;
}

/** Arabic yeh and kaf for the Persian letters, as an Arabic keyboard layout types them. */
export function arabicLetters(s: string): string {
  return s.replaceAll('ی', 'ي').replaceAll('ک', 'ك');
}

export class World {
  readonly accounts: Account[] = [];
  readonly posts: Post[] = [];
  readonly rng: Rng;
  readonly n: number;
  /** Posts / 100,000: the scale every component sizes itself by. */
  readonly s: number;
  /** Ordinary organic people (not celebrities, outlets, journalists or official accounts). */
  readonly people: number[] = [];
  private readonly handles = new Set<string>();
  private readonly ids = new Set<string>();
  private readonly poolPost: number[] = [];
  private readonly poolWeight: number[] = [];
  private poolTable: AliasTable | null = null;
  private readonly clientNames = CLIENTS.map((c) => c[0]);
  private readonly clientWeights = CLIENTS.map((c) => c[1]);
  /** Summary of what each component planted, for the plan file and the report. */
  readonly plan: Record<string, unknown>[] = [];
  /** Everyday cover activity owed by planted accounts: originals now, responses once the pool is full. */
  readonly cover: Cover[] = [];

  constructor(posts: number, seed: number) {
    this.n = posts;
    this.s = posts / 100_000;
    this.rng = new Rng(seed, 0xb11d);
  }

  // ---- accounts ------------------------------------------------------------------------------------------

  organicCreated(rng: Rng): number {
    const year = at(CREATION_YEARS, rng.weighted(CREATION_YEARS.map((y) => y[1])))[0];
    const from = Date.UTC(year, 0, 1);
    const to = Math.min(Date.UTC(year + 1, 0, 1), START - 3 * DAY);
    return Math.floor(rng.uniform(from, to));
  }

  pickClient(rng: Rng): string {
    return at(this.clientNames, rng.weighted(this.clientWeights));
  }

  private userId(rng: Rng, created: number): string {
    for (;;) {
      let id: string;
      const cut = Date.UTC(2015, 5, 1);
      if (created < cut) {
        // Sequential ids before 64-bit user ids: roughly linear in time between these anchors.
        const a = Date.UTC(2008, 0, 1);
        const frac = Math.max(0, (created - a) / (cut - a));
        const base = 1.2e7 + frac * (3.3e9 - 1.2e7);
        id = String(Math.floor(base * (1 + rng.uniform(-0.004, 0.004))));
      } else {
        const hi = BigInt(created - TWITTER_EPOCH) << 22n;
        id = (hi | BigInt(rng.int(1 << 22))).toString();
      }
      if (!this.ids.has(id)) {
        this.ids.add(id);
        return id;
      }
    }
  }

  private uniqueHandle(base: string, rng: Rng): string {
    let h = base.replace(/[^A-Za-z0-9_]/g, '').slice(0, 15);
    if (h.length < 4) h = `${h}_${rng.between(100, 999)}`;
    while (this.handles.has(h.toLowerCase())) {
      h = `${h.slice(0, 11)}${rng.between(10, 9999)}`.slice(0, 15);
    }
    this.handles.add(h.toLowerCase());
    return h;
  }

  /** A handle, usually built from the account's own first and last name. */
  private organicHandle(rng: Rng, first: number, last: number): string {
    const own = rng.chance(0.7);
    const f = own ? at(LATIN_FIRST, first % LATIN_FIRST.length) : rng.pick(LATIN_FIRST);
    const l = own ? at(LATIN_LAST, last % LATIN_LAST.length) : rng.pick(LATIN_LAST);
    switch (rng.int(7)) {
      case 0:
        return `${f}_${l}`;
      case 1:
        return `${f}${l}`;
      case 2:
        return `${f}${rng.between(1340, 1385)}`;
      case 3:
        return `${f}_${l.slice(0, rng.between(1, 3))}${rng.between(1, 99)}`;
      case 4:
        return `the${f}${rng.pick(['', '_', 'x'])}`;
      case 5:
        return `${f.slice(0, 1)}${l}${rng.between(0, 9)}`;
      default:
        return `${l}_${f}${rng.between(1, 999)}`;
    }
  }

  addAccount(rng: Rng, spec: AccountSpec = {}): Account {
    const lang: Lang = spec.lang ?? (rng.chance(0.72) ? 'fa' : 'en');
    const created = spec.created ?? this.organicCreated(rng);
    const abroad = lang === 'en' ? rng.chance(0.6) : rng.chance(0.15);
    const tz =
      spec.tz ??
      (abroad ? rng.pick([-4, -4, -7, 1, 2, 2, 2, 0]) : lang === 'en' && rng.chance(0.3) ? 0 : TEHRAN);
    const first = rng.int(PERSIAN_FIRST.length);
    const last = rng.int(PERSIAN_LAST.length);
    let handle: string;
    if (spec.handle !== undefined) handle = this.uniqueHandle(spec.handle, rng);
    else if (spec.defaultHandle)
      handle = this.uniqueHandle(
        `${at(LATIN_FIRST, first % LATIN_FIRST.length)}${rng.between(1e7, 1e8 - 1)}`,
        rng,
      );
    else handle = this.uniqueHandle(this.organicHandle(rng, first, last), rng);
    let name = spec.name;
    if (name === undefined) {
      if (lang === 'fa' || rng.chance(0.3)) {
        name = at(PERSIAN_FIRST, first);
        if (rng.chance(0.45)) name += ` ${at(PERSIAN_LAST, last)}`;
      } else {
        const l = at(LATIN_FIRST, first % LATIN_FIRST.length);
        name = l.charAt(0).toUpperCase() + l.slice(1);
        if (rng.chance(0.5)) {
          const l2 = at(LATIN_LAST, last % LATIN_LAST.length);
          name += ` ${l2.charAt(0).toUpperCase()}${l2.slice(1)}`;
        }
      }
      if (rng.chance(0.12)) name += ` ${rng.pick(EMOJI)}`;
    }
    const client = spec.client ?? this.pickClient(rng);
    const a: Account = {
      i: this.accounts.length,
      id: this.userId(rng, created),
      handle,
      name,
      created,
      followers: spec.followers ?? Math.floor(rng.lognormal(Math.log(160), 1.5)),
      following: spec.following ?? Math.floor(rng.lognormal(Math.log(260), 0.9)),
      lang,
      location: spec.location ?? (abroad ? rng.pick(LOCATIONS_ABROAD) : rng.pick(LOCATIONS_FA)),
      bio: spec.bio ?? (lang === 'fa' ? rng.pick(BIOS_FA) : rng.pick(BIOS_EN)),
      url: rng.chance(0.08) ? `https://instagram.com/${handle.toLowerCase()}` : '',
      client,
      client2: rng.chance(0.3) ? this.pickClient(rng) : client,
      tz,
      shift: rng.normal() * 1.2,
      network: spec.network ?? 0,
      pattern: spec.pattern ?? '',
      events: 0,
      activity: spec.activity ?? rng.lognormal(0, 1.25),
      topics: this.pickTopics(rng),
      arabicKeys: rng.chance(0.07),
      zwnj: rng.chance(0.75) ? 0 : rng.chance(0.5) ? 1 : 2,
      posts: 0,
    };
    this.accounts.push(a);
    return a;
  }

  private pickTopics(rng: Rng): number[] {
    const n = rng.between(1, 3);
    const out: number[] = [];
    for (let k = 0; k < n; k++) {
      const t = rng.weighted([3, 1.6, 1.4, 1, 1, 1.8]);
      if (!out.includes(t)) out.push(t);
    }
    return out;
  }

  acct(i: number): Account {
    return this.accounts[i] as Account;
  }

  post(i: number): Post {
    return this.posts[i] as Post;
  }

  mark(a: Account | number, event: EventName): void {
    const acc = typeof a === 'number' ? this.acct(a) : a;
    if (acc.network === 0) acc.events |= 1 << EVENTS.indexOf(event);
  }

  /** A random ordinary organic person, uniform. */
  person(rng: Rng): Account {
    return this.acct(at(this.people, rng.int(this.people.length)));
  }

  /** `k` distinct ordinary people, uniform. */
  somePeople(rng: Rng, k: number, filter?: (a: Account) => boolean): Account[] {
    const out: Account[] = [];
    const seen = new Set<number>();
    let guard = k * 20 + 100;
    while (out.length < k && guard-- > 0) {
      const a = this.person(rng);
      if (seen.has(a.i) || (filter && !filter(a))) continue;
      seen.add(a.i);
      out.push(a);
    }
    return out;
  }

  // ---- clocks --------------------------------------------------------------------------------------------

  /** A time in [from, to) drawn with the account's daily rhythm. */
  localTime(rng: Rng, a: Account, from: number, to: number): number {
    const lo = Math.max(from, a.created + HOUR);
    if (lo >= to) return to - 1;
    for (let tries = 0; tries < 24; tries++) {
      const t = lo + rng.next() * (to - lo);
      const h = (((t / HOUR + a.tz - a.shift) % 24) + 24) % 24;
      if (rng.next() * HOUR_MAX < at(HOUR_WEIGHTS, Math.floor(h))) return Math.floor(t);
    }
    return Math.floor(lo + rng.next() * (to - lo));
  }

  /** UTC time of local clock time `hour` (fractional) on day `day` of the window, for a UTC offset. */
  static localClock(day: number, hour: number, tz: number): number {
    return START + day * DAY + Math.round((hour - tz) * HOUR);
  }

  // ---- posts ---------------------------------------------------------------------------------------------

  private push(p: Post): number {
    const a = this.acct(p.a);
    a.posts++;
    this.posts.push(p);
    return this.posts.length - 1;
  }

  /** An original post; -1 if the time falls outside the window. */
  original(a: Account, t: number, text: string, lang: string, o: PostOptions = {}): number {
    if (t < START || t >= END || t < a.created) return -1;
    return this.push({
      t,
      a: a.i,
      k: POST,
      ref: -1,
      text,
      tags: o.tags && o.tags.length > 0 ? o.tags : null,
      urls: o.urls && o.urls.length > 0 ? o.urls : null,
      ment: o.ment && o.ment.length > 0 ? o.ment : null,
      lang,
      client: o.client ?? null,
      tagsFirst: o.tagsFirst ?? false,
    });
  }

  retweet(a: Account, t: number, ref: number, client: string | null = null): number {
    const orig = this.post(ref);
    if (orig.k === RETWEET) return this.retweet(a, t, orig.ref, client);
    const time = Math.max(t, orig.t + 4 * SECOND);
    if (time >= END || time < a.created || orig.a === a.i) return -1;
    return this.push({
      t: time,
      a: a.i,
      k: RETWEET,
      ref,
      text: '',
      tags: null,
      urls: null,
      ment: null,
      lang: orig.lang,
      client,
      tagsFirst: false,
    });
  }

  /** A reply (k = REPLY) or quote (k = QUOTE) of post `ref`. */
  respond(
    a: Account,
    t: number,
    ref: number,
    k: number,
    text: string,
    lang: string,
    o: PostOptions = {},
  ): number {
    let target = this.post(ref);
    if (target.k === RETWEET) {
      ref = target.ref;
      target = this.post(ref);
    }
    const time = Math.max(t, target.t + 8 * SECOND);
    if (time >= END || time < a.created) return -1;
    return this.push({
      t: time,
      a: a.i,
      k,
      ref,
      text,
      tags: o.tags && o.tags.length > 0 ? o.tags : null,
      urls: o.urls && o.urls.length > 0 ? o.urls : null,
      ment: o.ment && o.ment.length > 0 ? o.ment : null,
      lang,
      client: o.client ?? null,
      tagsFirst: o.tagsFirst ?? false,
    });
  }

  /** Enters an original into the pool that ordinary retweets, replies and quotes draw from. */
  toPool(post: number, weight: number): void {
    if (post < 0) return;
    this.poolPost.push(post);
    this.poolWeight.push(weight);
    this.poolTable = null;
  }

  /** Popularity of an ordinary original: heavy-tailed, and larger for accounts with more followers. */
  popularity(rng: Rng, a: Account): number {
    const pareto = (1 - rng.next()) ** (-1 / 1.15);
    return pareto * (a.followers + 40) ** 0.45;
  }

  fromPool(rng: Rng): number {
    if (this.poolTable === null) this.poolTable = new AliasTable(this.poolWeight);
    return at(this.poolPost, this.poolTable.draw(rng));
  }

  // ---- typing --------------------------------------------------------------------------------------------

  /** Text as this account types it: its keyboard's yeh/kaf and its ZWNJ habit. */
  typed(a: Account, s: string): string {
    let out = s;
    if (a.zwnj === 1) out = out.replaceAll('\u200c', ' ');
    else if (a.zwnj === 2) out = out.replaceAll('\u200c', '');
    if (a.arabicKeys) out = arabicLetters(out);
    return out;
  }

  /** A hashtag as this account types it: spelling variants real Persian campaigns mix. */
  tag(rng: Rng, a: Account, tag: string): string {
    let t = tag;
    if (/[\u0600-\u06ff]/.test(t)) {
      if (a.arabicKeys) t = arabicLetters(t);
      else {
        const r = rng.next();
        if (r < 0.06) t = t.replaceAll('ی', 'ي');
        else if (r < 0.09) t = t.replaceAll('ک', 'ك');
      }
      if (t.includes('_') && rng.chance(0.12)) t = t.replaceAll('_', '\u200c');
      if (a.zwnj === 2 || rng.chance(0.05)) t = t.replaceAll('\u200c', '');
    } else if (rng.chance(0.1)) t = t.toLowerCase();
    return t;
  }

  // ---- everyday behaviour --------------------------------------------------------------------------------

  private readonly words = new Map<string, string[]>();

  /** The words of a topic's phrases in one language (for the stray words of everyday texts). */
  private topicWords(top: Topic, lang: Lang): string[] {
    const key = `${top.name}:${lang}`;
    let ws = this.words.get(key);
    if (ws === undefined) {
      ws = (lang === 'fa' ? top.fa : top.en).flatMap((p) => p.split(' '));
      this.words.set(key, ws);
    }
    return ws;
  }

  /** An everyday text on one of the account's topics; returns [text, lang, tags]. */
  everyday(rng: Rng, a: Account, topic = -1): [string, Lang, string[]] {
    const top = at(TOPICS, topic >= 0 ? topic : at(a.topics, rng.int(a.topics.length)));
    const lang: Lang = rng.chance(0.1) ? (a.lang === 'fa' ? 'en' : 'fa') : a.lang;
    const phrases = lang === 'fa' ? top.fa : top.en;
    const fillers = lang === 'fa' ? FA_FILLERS : EN_FILLERS;
    const parts: string[] = [];
    const nPhrases = rng.count(0.35, 3);
    for (let k = 0; k < nPhrases; k++) {
      if (rng.chance(0.45)) parts.push(rng.pick(fillers));
      parts.push(rng.pick(phrases));
    }
    const extra = rng.int(5);
    if (extra > 0) {
      const words = this.topicWords(top, lang);
      for (let k = 0; k < extra; k++) parts.splice(rng.int(parts.length + 1), 0, rng.pick(words));
    }
    let text = parts.join(' ');
    if (rng.chance(0.3)) text += ` ${rng.pick(EMOJI)}`;
    if (rng.chance(0.15)) text += rng.pick(['!', '...', '؟', '!!']);
    const tags: string[] = [];
    if (rng.chance(0.3)) {
      const pool = lang === 'fa' ? top.tagsFa : top.tagsEn;
      const k = rng.count(0.3, 3);
      for (let j = 0; j < k; j++) {
        const tg = this.tag(rng, a, rng.pick(pool));
        if (!tags.includes(tg)) tags.push(tg);
      }
    }
    return [lang === 'fa' ? this.typed(a, text) : text, lang, tags];
  }

  /** A link to an everyday site (`site` picks one, else any). */
  everydayUrl(rng: Rng, site = -1): string {
    const [host, path] = site >= 0 ? at(EVERYDAY_SITES, site) : rng.pick(EVERYDAY_SITES);
    let u = host + path(rng.int(2_000_000));
    if (rng.chance(0.15)) u += `${u.includes('?') ? '&' : '?'}utm_source=twitter&utm_medium=social`;
    return u;
  }

  /** One everyday original by `a` at a time in [from, to) of its rhythm. */
  ordinaryOriginal(rng: Rng, a: Account, from = START, to = END, pool = true): number {
    const [text, lang, tags] = this.everyday(rng, a);
    const urls = rng.chance(0.12) ? [this.everydayUrl(rng)] : null;
    const t = this.localTime(rng, a, from, to);
    const p = this.original(a, t, text, lang, { tags, urls, tagsFirst: rng.chance(0.15) });
    if (pool) this.toPool(p, this.popularity(rng, a));
    return p;
  }

  /** One everyday retweet, reply or quote by `a` of a post from the popularity pool. */
  ordinaryResponse(rng: Rng, a: Account, kind: number): number {
    for (let tries = 0; tries < 6; tries++) {
      const ref = this.fromPool(rng);
      const orig = this.post(ref);
      if (orig.a === a.i) continue;
      const delay =
        kind === RETWEET
          ? rng.lognormal(Math.log(45 * MINUTE), 1.5)
          : rng.lognormal(Math.log(35 * MINUTE), 1.3);
      const t = orig.t + 5 * SECOND + delay;
      if (t >= END || t < a.created) continue;
      if (kind === RETWEET)
        return this.retweet(a, t, ref, a.client2 !== a.client && rng.chance(0.2) ? a.client2 : null);
      const [text, lang] = this.everyday(rng, a);
      const short = text.split(' ').slice(0, rng.between(2, 9)).join(' ');
      return this.respond(a, t, ref, kind, short, lang);
    }
    return -1;
  }
}
