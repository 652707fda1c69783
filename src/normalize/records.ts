// The normalised record shapes, declared once. The store's posts/accounts tables (src/store/schema.sql.ts)
// hold exactly these fields; readers and later stages speak in these terms.

export type PostKind = 'post' | 'repost' | 'reply' | 'quote';

/** Where a record came from: 'twitter', 'telegram', or a generic CSV's `--platform` (default 'generic'). */
export type Platform = string;

export interface Post {
  platform: Platform;
  /** Unique within the platform; ids that are only unique in a narrower scope carry it (`channel/message`). */
  id: string;
  account: string;
  /** ISO 8601 UTC, or null when the source has no time (e.g. a retweet list without timestamps). */
  time: string | null;
  kind: PostKind;
  text: string | null;
  /** Text for matching: NFKC, Persian-normalised, case-folded, URLs removed, whitespace collapsed. */
  textNorm: string | null;
  lang: string | null;
  hashtags: string[];
  urls: string[];
  domains: string[];
  mentions: string[];
  repostOf: string | null;
  repostOfAccount: string | null;
  replyTo: string | null;
  replyToAccount: string | null;
  quoteOf: string | null;
  client: string | null;
  /** Input file and record (1-based data record; equals line - 1 for CSV files without multi-line fields). */
  fileId: number;
  record: number;
}

export interface Account {
  platform: Platform;
  id: string;
  handle: string | null;
  name: string | null;
  created: string | null;
  followers: number | null;
  following: number | null;
  lang: string | null;
}
