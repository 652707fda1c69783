// The generator's in-memory tables: accounts and posts as parallel columns rather than objects, so that a
// million posts cost a few typed arrays and their texts, and the writer can sort and render them quickly.

export const Kind = { post: 0, retweet: 1, reply: 2, quote: 3 } as const;
export type Kind = (typeof Kind)[keyof typeof Kind];

/** Organic burst labels in truth.csv, in bit order of `AccountTable.bursts`. */
export const BURSTS = ['protest', 'slogan', 'tweetstorm', 'campaign_hashtag', 'viral_repost'] as const;
export type Burst = (typeof BURSTS)[number];

/** Planted network names in truth.csv; the id is the index + 1 (0 is organic). */
export const NETWORKS = ['hashtag_flood', 'stealth', 'repost_ring', 'link_network'] as const;

export const LANGS = ['fa', 'en', 'und', 'ar'] as const;
export const Lang = { fa: 0, en: 1, und: 2, ar: 3 } as const;

/**
 * What produced a post, for the summary only (never written): 0 background, 1 + burst index for an organic
 * burst, `NETWORK_PART + id` for a network's coordinated posts.
 */
export const NETWORK_PART = 10;
export const burstPart = (burst: Burst): number => 1 + BURSTS.indexOf(burst);

export interface NewAccount {
  id: string;
  handle: string;
  name: string;
  location: string;
  description: string;
  url: string;
  followers: number;
  following: number;
  created: string;
  lang: string;
  client: number;
  altClient: number;
  /** Spelling habits, see `_spelling.ts`. */
  style: number;
  network: number;
}

export class AccountTable {
  readonly rows: NewAccount[] = [];
  readonly bursts: number[] = [];

  add(account: NewAccount): number {
    this.rows.push(account);
    this.bursts.push(0);
    return this.rows.length - 1;
  }

  get(i: number): NewAccount {
    const row = this.rows[i];
    if (row === undefined) throw new RangeError(`no account ${i}`);
    return row;
  }

  join(i: number, burst: Burst): void {
    this.bursts[i] = (this.bursts[i] as number) | (1 << BURSTS.indexOf(burst));
  }

  get size(): number {
    return this.rows.length;
  }
}

export interface NewPost {
  time: number;
  account: number;
  client: number;
  kind?: Kind;
  /** The post this one reposts, replies to or quotes (an index in the same table). */
  ref?: number;
  /** Unused for retweets: the writer builds `RT @handle: ...` from the original. */
  text?: string;
  /** Python-list cells as written, e.g. `['a', 'b']`. */
  hashtags?: string;
  urls?: string;
  /** Mentioned user ids joined by ', ' (no brackets); a reply's target is added by the writer. */
  mentions?: string;
  lang?: number;
  part?: number;
}

export class PostTable {
  readonly capacity: number;
  size = 0;
  readonly time: Int32Array;
  readonly account: Int32Array;
  readonly ref: Int32Array;
  readonly kind: Uint8Array;
  readonly client: Uint8Array;
  readonly lang: Uint8Array;
  readonly part: Uint8Array;
  /** Texts with `"` already doubled for the CSV writer. */
  readonly text: string[];
  readonly hashtags: string[];
  readonly urls: string[];
  readonly mentions: string[];

  constructor(capacity: number) {
    this.capacity = capacity;
    this.time = new Int32Array(capacity);
    this.account = new Int32Array(capacity);
    this.ref = new Int32Array(capacity).fill(-1);
    this.kind = new Uint8Array(capacity);
    this.client = new Uint8Array(capacity);
    this.lang = new Uint8Array(capacity);
    this.part = new Uint8Array(capacity);
    this.text = new Array<string>(capacity).fill('');
    this.hashtags = new Array<string>(capacity).fill('[]');
    this.urls = new Array<string>(capacity).fill('[]');
    this.mentions = new Array<string>(capacity).fill('');
  }

  get remaining(): number {
    return this.capacity - this.size;
  }

  add(post: NewPost): number {
    const i = this.size;
    if (i >= this.capacity) throw new Error(`generator overran its budget of ${this.capacity} posts`);
    if (post.ref !== undefined && post.ref >= 0 && (this.time[post.ref] as number) >= post.time) {
      throw new Error(`post ${i} would precede the post it refers to`);
    }
    this.size = i + 1;
    this.time[i] = post.time;
    this.account[i] = post.account;
    this.client[i] = post.client;
    this.kind[i] = post.kind ?? 0;
    if (post.ref !== undefined) this.ref[i] = post.ref;
    // Stored CSV-escaped: the quote check also flattens the concatenated text while it is young, so the
    // garbage collector copies one flat string per post instead of a tree of pieces.
    if (post.text !== undefined) {
      this.text[i] = post.text.includes('"') ? post.text.replaceAll('"', '""') : post.text;
    }
    if (post.hashtags !== undefined) this.hashtags[i] = post.hashtags;
    if (post.urls !== undefined) this.urls[i] = post.urls;
    if (post.mentions !== undefined) this.mentions[i] = post.mentions;
    this.lang[i] = post.lang ?? 0;
    this.part[i] = post.part ?? 0;
    return i;
  }
}
