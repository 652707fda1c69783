// Writes the generated tables as the Twitter IO archive does (tweets file, users file) plus the truth
// file. Posts go out in time order with snowflake-like tweet ids, so ids grow with time and every repost,
// reply or quote refers to an id written before it.
import { join } from 'node:path';
import { CsvWriter, quote } from './_csv-writer.js';
import { BURSTS, Kind, LANGS, NETWORK_PART, NETWORKS } from './_tables.js';
import type { World } from './_world.js';
import { hash32, type Rng } from './rng.js';

export const TWEET_COLUMNS = [
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
] as const;
export const USER_COLUMNS = TWEET_COLUMNS.slice(1, 11);

const TWITTER_EPOCH_MS = 1_288_834_974_657;

/** Post indices in time order (ties by index), via one numeric sort of packed keys when they fit. */
function timeOrder(world: World): Uint32Array {
  const { posts } = world;
  const n = posts.size;
  const bits = Math.max(1, Math.ceil(Math.log2(n + 1)));
  if (world.clock.spanSeconds * 2 ** bits < 2 ** 53) {
    const keys = new Float64Array(n);
    const scale = 2 ** bits;
    for (let i = 0; i < n; i++) keys[i] = (posts.time[i] as number) * scale + i;
    keys.sort();
    const order = new Uint32Array(n);
    for (let i = 0; i < n; i++) order[i] = (keys[i] as number) % scale;
    return order;
  }
  const order = new Uint32Array(n);
  for (let i = 0; i < n; i++) order[i] = i;
  return order.sort((a, b) => (posts.time[a] as number) - (posts.time[b] as number) || a - b);
}

/**
 * Snowflake-like id (ms since Twitter's epoch << 22 | worker << 12 | sequence) without BigInt: the 61-bit
 * value is kept as two exact doubles, high * 10^7 + low.
 */
function snowflake(ms: number, bits: number, high: Float64Array, low: Float64Array, i: number): void {
  const rel = ms - TWITTER_EPOCH_MS;
  const relHi = Math.floor(rel / 1e7);
  let hi = relHi * 4_194_304;
  let lo = (rel - relHi * 1e7) * 4_194_304 + bits;
  const carry = Math.floor(lo / 1e7);
  hi += carry;
  lo -= carry * 1e7;
  high[i] = hi;
  low[i] = lo;
}

function idString(hi: number, lo: number): string {
  return hi === 0 ? String(lo) : String(hi) + String(lo).padStart(7, '0');
}

export interface RenderOptions {
  outDir: string;
  onProgress?: (written: number, total: number) => void;
}

export interface Rendered {
  tweets: string;
  users: string;
  truth: string;
  /** Posts per account (index), for the summary. */
  postsPerAccount: Int32Array;
}

export async function renderDataset(world: World, rng: Rng, options: RenderOptions): Promise<Rendered> {
  const { posts, accounts, clock, clients } = world;
  const n = posts.size;
  const order = timeOrder(world);
  const retweets = new Int32Array(n);
  const replies = new Int32Array(n);
  const quotes = new Int32Array(n);
  const postsPerAccount = new Int32Array(accounts.size);
  for (let i = 0; i < n; i++) {
    const author = posts.account[i] as number;
    postsPerAccount[author] = (postsPerAccount[author] as number) + 1;
    const ref = posts.ref[i] as number;
    if (ref < 0) continue;
    const kind = posts.kind[i];
    if (kind === Kind.retweet) retweets[ref] = (retweets[ref] as number) + 1;
    else if (kind === Kind.reply) replies[ref] = (replies[ref] as number) + 1;
    else quotes[ref] = (quotes[ref] as number) + 1;
  }
  // The user columns repeat on every tweet row: encode each account's once.
  const userCells = accounts.rows.map((a) =>
    Buffer.from(
      [
        a.id,
        a.name,
        a.handle,
        a.location,
        a.description,
        a.url,
        String(a.followers),
        String(a.following),
        a.created,
        a.lang,
      ]
        .map(quote)
        .join(','),
      'utf8',
    ),
  );
  const clientCells = clients.map(quote);

  const paths = {
    tweets: join(options.outDir, 'tweets.csv'),
    users: join(options.outDir, 'users.csv'),
    truth: join(options.outDir, 'truth.csv'),
  };
  const out = new CsvWriter(paths.tweets);
  out.text(`${TWEET_COLUMNS.map(quote).join(',')}\n`);
  // Ids are kept as their two exact numeric halves, not strings: a million retained strings cost more
  // garbage-collection time than formatting a referenced id a second time.
  const idHigh = new Float64Array(n);
  const idLow = new Float64Array(n);
  const idOf = (i: number) => idString(idHigh[i] as number, idLow[i] as number);
  let lastMs = 0;
  let seq = 0;
  for (let w = 0; w < n; w++) {
    const i = order[w] as number;
    const account = posts.account[i] as number;
    const kind = posts.kind[i] as number;
    const ref = posts.ref[i] as number;
    let ms = clock.startMs + (posts.time[i] as number) * 1000 + (hash32(i, 1) % 1000);
    if (ms <= lastMs) {
      ms = lastMs;
      seq++;
      if (seq > 4095) {
        ms++;
        seq = 0;
      }
    } else {
      seq = 0;
    }
    lastMs = ms;
    // The worker bits follow the millisecond, so ids sharing one stay in order.
    snowflake(ms, ((hash32(ms % 4_294_967_296, 2) & 0x3ff) << 12) | seq, idHigh, idLow, i);

    const source = kind === Kind.retweet ? ref : i;
    out.text(`"${idOf(i)}",`);
    out.bytes(userCells[account] as Buffer);
    out.text(`,"${LANGS[posts.lang[source] as number]}","`);
    let counts = '"0","0","0","0"';
    let refs: string;
    if (kind === Kind.retweet) {
      const author = accounts.get(posts.account[ref] as number);
      out.text(`RT @${author.handle}: `);
      refs = `"","","","true","${author.id}","${idOf(ref)}"`;
    } else {
      if (kind === Kind.reply)
        refs = `"${accounts.get(posts.account[ref] as number).id}","${idOf(ref)}","","false","",""`;
      else if (kind === Kind.quote) refs = `"","","${idOf(ref)}","false","",""`;
      else refs = '"","","","false","",""';
      // Collected counts run ahead of what the dataset holds, more so for well-followed authors.
      const planted = (posts.part[i] as number) >= NETWORK_PART;
      const reach = planted ? 0 : Math.sqrt(accounts.get(account).followers);
      const rt = (retweets[i] as number) + Math.floor(((hash32(i, 3) % 1000) / 1000) * reach * 0.15);
      const likes =
        Math.floor(((hash32(i, 4) % 1000) / 1000) * (reach * 0.6 + 3)) + rt * (1 + (hash32(i, 5) % 4));
      counts = `"${quotes[i]}","${replies[i]}","${likes}","${rt}"`;
    }
    out.text(posts.text[source] as string);
    let mentions = posts.mentions[source] as string;
    if (kind === Kind.retweet) {
      const author = accounts.get(posts.account[ref] as number).id;
      mentions = mentions === '' ? author : `${author}, ${mentions}`;
    }
    out.text(
      `","${clock.format(posts.time[i] as number)}",${clientCells[posts.client[i] as number]},${refs},` +
        `"absent","absent",${counts},"${posts.hashtags[source]}","${posts.urls[source]}","[${mentions}]",""\n`,
    );
    if (out.full) await out.flush();
    if (options.onProgress && (w + 1) % 100_000 === 0) options.onProgress(w + 1, n);
  }
  await out.close();
  if (options.onProgress && n % 100_000 !== 0) options.onProgress(n, n);

  // Accounts in a shuffled order, so that file position says nothing about who belongs to a network.
  const listed: number[] = [];
  for (let a = 0; a < accounts.size; a++) if ((postsPerAccount[a] as number) > 0) listed.push(a);
  rng.shuffle(listed);
  const users = new CsvWriter(paths.users);
  const truth = new CsvWriter(paths.truth);
  users.text(`${USER_COLUMNS.map(quote).join(',')}\n`);
  truth.text('account,network,network_name,organic_burst\n');
  for (const a of listed) {
    const row = accounts.get(a);
    const mask = accounts.bursts[a] as number;
    const bursts = BURSTS.filter((_, b) => (mask & (1 << b)) !== 0).join(';');
    users.bytes(userCells[a] as Buffer);
    users.text('\n');
    const name = row.network === 0 ? '' : NETWORKS[row.network - 1];
    truth.text(`${row.id},${row.network},${name},${bursts}\n`);
    if (users.full || truth.full) {
      await users.flush();
      await truth.flush();
    }
  }
  await users.close();
  await truth.close();
  return { ...paths, postsPerAccount };
}
