// Writes the world out in time order: the Twitter IO archive layout (tweets.csv + users.csv, times cut to the
// minute) and/or Twitter API v2 JSON Lines (tweets.jsonl: one tweet per line, then pages of user objects),
// plus truth.csv. Tweet ids are snowflakes built from each post's time, as Twitter's are.
import { closeSync, mkdirSync, openSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { hash32 } from '@lockstep/generate';
import {
  type Account,
  EVENTS,
  type Post,
  QUOTE,
  REPLY,
  RETWEET,
  START,
  TWITTER_EPOCH,
  type World,
} from './_world.js';

export const IO_HEADER = [
  'tweetid',
  'userid',
  'user_display_name',
  'user_screen_name',
  'user_reported_location',
  'user_profile_description',
  'user_profile_url',
  'follower_count',
  'following_count',
  'account_creation_date',
  'account_language',
  'tweet_language',
  'tweet_text',
  'tweet_time',
  'tweet_client_name',
  'in_reply_to_userid',
  'in_reply_to_tweetid',
  'quoted_tweet_tweetid',
  'is_retweet',
  'retweet_userid',
  'retweet_tweetid',
  'latitude',
  'longitude',
  'quote_count',
  'reply_count',
  'like_count',
  'retweet_count',
  'hashtags',
  'urls',
  'user_mentions',
  'poll_choices',
];
const USER_HEADER = [
  'userid',
  'user_display_name',
  'user_screen_name',
  'user_reported_location',
  'user_profile_description',
  'user_profile_url',
  'follower_count',
  'following_count',
  'account_creation_date',
  'account_language',
];

/** A file written through one reused buffer (no large string joins). */
class Out {
  private readonly fd: number;
  private readonly buf = Buffer.allocUnsafe(1 << 24);
  private off = 0;
  constructor(path: string) {
    this.fd = openSync(path, 'w');
  }
  write(s: string): void {
    if (this.off + s.length * 3 > this.buf.length) this.flush();
    if (s.length * 3 > this.buf.length) {
      writeSync(this.fd, s);
      return;
    }
    this.off += this.buf.write(s, this.off);
  }
  flush(): void {
    if (this.off > 0) writeSync(this.fd, this.buf, 0, this.off);
    this.off = 0;
  }
  close(): void {
    this.flush();
    closeSync(this.fd);
  }
}

const NEEDS_QUOTES = /[",\r\n]/;
function cell(s: string): string {
  return NEEDS_QUOTES.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

/** Length in code points, the unit of Twitter's entity offsets. */
function cpLen(s: string): number {
  let n = s.length;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xdc00 && c <= 0xdfff) n--;
  }
  return n;
}

const B62 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz';
function tco(post: number, j: number): string {
  let h = hash32(post, j + 17);
  let h2 = hash32(post ^ 0x5bd1e995, j + 71);
  let s = 'https://t.co/';
  for (let k = 0; k < 10; k++) {
    if (k < 5) {
      s += B62[h % 62];
      h = Math.floor(h / 62);
    } else {
      s += B62[h2 % 62];
      h2 = Math.floor(h2 / 62);
    }
  }
  return s;
}

function displayUrl(u: string): string {
  const d = u.replace(/^https?:\/\//, '').replace(/^www\./, '');
  return d.length > 26 ? `${d.slice(0, 25)}…` : d;
}

/** A post's text as shown, with where its hashtags, mentions and links sit (code-point offsets). */
interface Rendered {
  text: string;
  tags: string[];
  tagAt: number[];
  ment: number[];
  mentAt: number[];
  urls: string[];
  urlAt: number[];
  short: string[];
}

// Shared empty lists for the many posts without tags, mentions or links (never written to).
const NONE: string[] = [];
const NO_NUMBERS: number[] = [];

function render(P: readonly Post[], acc: readonly Account[], ids: readonly string[], i: number): Rendered {
  const p = P[i] as Post;
  const hasTags = p.tags !== null;
  const hasMent = p.k === REPLY || p.ment !== null;
  const hasUrls = p.urls !== null || p.k === QUOTE;
  const r: Rendered = {
    text: '',
    tags: p.tags ?? NONE,
    tagAt: hasTags ? [] : NO_NUMBERS,
    ment: hasMent ? [] : NO_NUMBERS,
    mentAt: hasMent ? [] : NO_NUMBERS,
    urls: hasUrls ? [] : NONE,
    urlAt: hasUrls ? [] : NO_NUMBERS,
    short: hasUrls ? [] : NONE,
  };
  let text = '';
  let cp = 0;
  const mention = (a: number) => {
    const h = `@${(acc[a] as Account).handle}`;
    r.ment.push(a);
    r.mentAt.push(cp);
    text += h;
    cp += h.length;
  };
  const hashtags = () => {
    for (let j = 0; j < r.tags.length; j++) {
      if (j > 0) {
        text += ' ';
        cp++;
      }
      const h = `#${r.tags[j]}`;
      r.tagAt.push(cp);
      text += h;
      cp += cpLen(h);
    }
  };
  const link = (expanded: string, j: number) => {
    const short = tco(i, j);
    text += ' ';
    r.urls.push(expanded);
    r.urlAt.push(cp + 1);
    r.short.push(short);
    text += short;
    cp += 1 + short.length;
  };
  if (p.k === REPLY) {
    mention((P[p.ref] as Post).a);
    text += ' ';
    cp++;
  }
  if (p.tagsFirst && r.tags.length > 0) {
    hashtags();
    text += ' ';
    cp++;
  }
  text += p.text;
  cp += cpLen(p.text);
  if (p.ment) {
    for (const m of p.ment) {
      if (r.ment.includes(m)) continue;
      text += ' ';
      cp++;
      mention(m);
    }
  }
  if (!p.tagsFirst && r.tags.length > 0) {
    text += ' ';
    cp++;
    hashtags();
  }
  if (p.urls) for (let j = 0; j < p.urls.length; j++) link(p.urls[j] as string, j);
  if (p.k === QUOTE)
    link(`https://twitter.com/${(acc[(P[p.ref] as Post).a] as Account).handle}/status/${ids[p.ref]}`, 9);
  r.text = text;
  return r;
}

/** The v2 `entities` object as JSON (empty string when there are none), offsets moved by `shift`. */
function entitiesJson(r: Rendered, acc: readonly Account[], shift: number, lead: Account | null): string {
  const parts: string[] = [];
  if (r.tags.length > 0) {
    const hs = r.tags.map((t, j) => {
      const s = (r.tagAt[j] as number) + shift;
      return `{"start":${s},"end":${s + 1 + cpLen(t)},"tag":${JSON.stringify(t)}}`;
    });
    parts.push(`"hashtags":[${hs.join(',')}]`);
  }
  if (r.urls.length > 0) {
    const us = r.urls.map((u, j) => {
      const s = (r.urlAt[j] as number) + shift;
      const short = r.short[j] as string;
      return `{"start":${s},"end":${s + short.length},"url":"${short}","expanded_url":${JSON.stringify(u)},"display_url":${JSON.stringify(displayUrl(u))}}`;
    });
    parts.push(`"urls":[${us.join(',')}]`);
  }
  if (r.ment.length > 0 || lead) {
    const ms: string[] = [];
    if (lead)
      ms.push(`{"start":3,"end":${4 + lead.handle.length},"username":"${lead.handle}","id":"${lead.id}"}`);
    r.ment.forEach((m, j) => {
      const a = acc[m] as Account;
      const s = (r.mentAt[j] as number) + shift;
      ms.push(`{"start":${s},"end":${s + 1 + a.handle.length},"username":"${a.handle}","id":"${a.id}"}`);
    });
    parts.push(`"mentions":[${ms.join(',')}]`);
  }
  return parts.length > 0 ? `,"entities":{${parts.join(',')}}` : '';
}

export interface WriteResult {
  posts: number;
  accounts: number;
  files: string[];
}

export function writeDataset(w: World, dir: string, layout: 'io' | 'v2' | 'both'): WriteResult {
  mkdirSync(dir, { recursive: true });
  const P = w.posts;
  const n = P.length;
  const times = new Float64Array(n);
  for (let i = 0; i < n; i++) times[i] = (P[i] as Post).t;
  const order = new Int32Array(n);
  if (n <= 1 << 21) {
    // Time order, ties by creation: one packed key per post (whole ms since the start, then the index)
    // sorts natively, much faster than a comparator over a million indices.
    const keys = new Float64Array(n);
    for (let i = 0; i < n; i++) keys[i] = Math.floor((times[i] as number) - START) * 2097152 + i;
    keys.sort();
    for (let k = 0; k < n; k++) order[k] = (keys[k] as number) % 2097152;
  } else {
    for (let i = 0; i < n; i++) order[i] = i;
    order.sort((x, y) => Math.floor(times[x] as number) - Math.floor(times[y] as number) || x - y);
  }

  // Snowflake ids: milliseconds since Twitter's epoch, a worker id, and a sequence within the millisecond.
  const ids: string[] = new Array(n);
  let lastMs = -1;
  let seq = 0;
  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    const ms = Math.floor(times[i] as number);
    seq = ms === lastMs ? seq + 1 : 0;
    lastMs = ms;
    const worker = hash32(i, 5) & 1023;
    ids[i] = ((BigInt(ms - TWITTER_EPOCH) << 22n) | BigInt((worker << 12) | (seq & 4095))).toString();
  }

  const rts = new Int32Array(n);
  const replies = new Int32Array(n);
  const quotes = new Int32Array(n);
  for (const p of P) {
    if (p.ref < 0) continue;
    if (p.k === RETWEET) rts[p.ref] = (rts[p.ref] as number) + 1;
    else if (p.k === REPLY) replies[p.ref] = (replies[p.ref] as number) + 1;
    else if (p.k === QUOTE) quotes[p.ref] = (quotes[p.ref] as number) + 1;
  }
  const likes = (i: number, a: Account) =>
    Math.round(
      (rts[i] as number) * (1.5 + (hash32(i, 11) % 300) / 100) +
        (replies[i] as number) * 0.5 +
        ((hash32(i, 13) % 1000) / 1000) ** 3 * Math.sqrt(a.followers) * 0.3,
    );

  const acc = w.accounts;
  const cache = new Map<number, Rendered>();
  const remaining = rts.slice();
  const io = layout !== 'v2';
  const v2 = layout !== 'io';
  const files: string[] = [];
  const csv = io ? new Out(join(dir, 'tweets.csv')) : null;
  const jsonl = v2 ? new Out(join(dir, 'tweets.jsonl')) : null;
  if (csv) {
    csv.write(`${IO_HEADER.join(',')}\n`);
    files.push('tweets.csv');
  }
  if (jsonl) files.push('tweets.jsonl');

  // Per-account cells of the IO tweets file, from userid to account_language.
  const acctCells: string[] = new Array(acc.length).fill('');
  const acctRow = (a: Account): string => {
    let s = acctCells[a.i] as string;
    if (s === '') {
      s = [
        a.id,
        a.name,
        a.handle,
        a.location,
        a.bio,
        a.url,
        String(a.followers),
        String(a.following),
        new Date(a.created).toISOString().slice(0, 10),
        a.lang,
      ]
        .map(cell)
        .join(',');
      acctCells[a.i] = s;
    }
    return s;
  };
  const list = (xs: readonly string[]) => (xs.length === 0 ? '' : cell(`[${xs.join(', ')}]`));
  const conv: string[] = v2 ? new Array(n).fill('') : [];
  const hasLetter = /\p{L}/u;

  for (let k = 0; k < n; k++) {
    const i = order[k] as number;
    const p = P[i] as Post;
    const a = acc[p.a] as Account;
    const id = ids[i] as string;
    const iso = new Date(p.t).toISOString();
    const client = p.client ?? (hash32(i, 3) % 100 < 20 ? a.client2 : a.client);
    const isRt = p.k === RETWEET;
    const ref = p.ref >= 0 ? (P[p.ref] as Post) : null;
    const refAuthor = ref ? (acc[ref.a] as Account) : null;
    let r: Rendered;
    if (isRt) {
      r = cache.get(p.ref) ?? render(P, acc, ids, p.ref);
      remaining[p.ref] = (remaining[p.ref] as number) - 1;
      if (remaining[p.ref] === 0) cache.delete(p.ref);
    } else {
      r = render(P, acc, ids, i);
      if ((rts[i] as number) > 0) cache.set(i, r);
    }
    const prefix = isRt ? `RT @${(refAuthor as Account).handle}: ` : '';
    const text = prefix + r.text;
    let lang = isRt ? (ref as Post).lang : p.lang;
    if (!hasLetter.test(isRt ? (ref as Post).text : p.text)) lang = 'und';
    const rc = isRt ? 0 : (rts[i] as number);
    const rpc = isRt ? 0 : (replies[i] as number);
    const qc = isRt ? 0 : (quotes[i] as number);
    const lc = isRt ? 0 : likes(i, a);
    if (csv) {
      const ment = isRt ? [ref?.a as number, ...r.ment.filter((m) => m !== ref?.a)] : r.ment;
      csv.write(
        `${id},${acctRow(a)},${lang},${cell(text)},${iso.slice(0, 10)} ${iso.slice(11, 16)},${cell(client)},` +
          `${p.k === REPLY ? (refAuthor as Account).id : ''},${p.k === REPLY ? ids[p.ref] : ''},` +
          `${p.k === QUOTE ? ids[p.ref] : ''},${isRt ? 'True' : 'False'},${isRt ? (refAuthor as Account).id : ''},` +
          `${isRt ? ids[p.ref] : ''},absent,absent,${qc},${rpc},${lc},${rc},${list(r.tags)},${list(r.urls)},` +
          `${list(ment.map((m) => (acc[m] as Account).id))},\n`,
      );
    }
    if (jsonl) {
      conv[i] = p.k === REPLY ? (conv[p.ref] as string) || (ids[p.ref] as string) : id;
      let refs = '';
      if (ref) {
        const type = isRt ? 'retweeted' : p.k === REPLY ? 'replied_to' : 'quoted';
        refs = `,"referenced_tweets":[{"type":"${type}","id":"${ids[p.ref]}"}]`;
        if (p.k === REPLY) refs += `,"in_reply_to_user_id":"${(refAuthor as Account).id}"`;
      }
      jsonl.write(
        `{"id":"${id}","author_id":"${a.id}","created_at":"${iso.slice(0, 19)}.000Z","conversation_id":"${conv[i]}",` +
          `"text":${JSON.stringify(text)},"lang":"${lang}","source":${JSON.stringify(client)}` +
          `${entitiesJson(r, acc, prefix.length, isRt ? refAuthor : null)}${refs},` +
          `"public_metrics":{"retweet_count":${rc},"reply_count":${rpc},"like_count":${lc},"quote_count":${qc}}}\n`,
      );
    }
  }
  cache.clear();

  const active = acc.filter((a) => a.posts > 0);
  if (csv) {
    csv.close();
    const users = new Out(join(dir, 'users.csv'));
    users.write(`${USER_HEADER.join(',')}\n`);
    for (const a of active) users.write(`${acctRow(a)}\n`);
    users.close();
    files.push('users.csv');
  }
  if (jsonl) {
    for (let k = 0; k < active.length; k += 1000) {
      const users = active.slice(k, k + 1000).map((a) => {
        const u: Record<string, unknown> = {
          id: a.id,
          username: a.handle,
          name: a.name,
          created_at: `${new Date(a.created).toISOString().slice(0, 19)}.000Z`,
          description: a.bio,
          public_metrics: {
            followers_count: a.followers,
            following_count: a.following,
            tweet_count: a.posts + Math.floor(((hash32(a.i, 21) % 1000) / 1000) * 40 * a.activity * 100),
            listed_count: Math.floor(a.followers / 400),
          },
        };
        if (a.location) u.location = a.location;
        if (a.url) u.url = a.url;
        return u;
      });
      jsonl.write(`${JSON.stringify({ data: [], includes: { users } })}\n`);
    }
    jsonl.close();
  }

  const truth = new Out(join(dir, 'truth.csv'));
  truth.write('userid,network,kind,event,pattern\n');
  for (const a of active) {
    let event = '';
    if (a.network === 0 && a.events !== 0) {
      for (let b = 0; b < EVENTS.length; b++) {
        if (a.events & (1 << b)) {
          event = EVENTS[b] as string;
          break;
        }
      }
    }
    truth.write(`${a.id},${a.network},${a.network > 0 ? 'coordinated' : 'organic'},${event},${a.pattern}\n`);
  }
  truth.close();
  files.push('truth.csv');
  return { posts: n, accounts: active.length, files };
}
