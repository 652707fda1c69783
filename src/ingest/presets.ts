// Named column mappings for public datasets that many researchers hold, recognised by their header.
// Each preset cites the dataset's documented layout.
import type { GenericCsvOptions } from './generic-csv.js';

export interface Preset {
  name: string;
  description: string;
  /** True when a header has this layout (used for automatic detection). */
  matches: (header: string[]) => boolean;
  options: (
    header: string[],
  ) => Omit<GenericCsvOptions, 'platform'> & { platform?: string; timeZone?: string };
}

const has = (header: string[], ...names: string[]) => names.every((n) => header.includes(n));

export const PRESETS: Preset[] = [
  {
    name: 'ira538',
    description:
      'FiveThirtyEight / Linvill & Warren IRA tweets (author, content, publish_date, post_type...): no tweet ids; ' +
      'publish_date is read as US Central time, as the dataset documents',
    matches: (h) => has(h, 'author', 'content', 'publish_date'),
    options: (h) => ({
      mapping: {
        account: 'author',
        handle: 'author',
        time: 'publish_date',
        text: 'content',
        ...(h.includes('language') ? { lang: 'language' } : {}),
        ...(h.includes('followers') ? { followers: 'followers' } : {}),
        ...(h.includes('following') ? { following: 'following' } : {}),
      },
      expressions: {
        account: 'lower(author)',
        kind: h.includes('post_type')
          ? `CASE post_type WHEN 'RETWEET' THEN 'repost' WHEN 'R' THEN 'repost' WHEN 'QUOTE_TWEET' THEN 'quote' WHEN 'Q' THEN 'quote'
             ELSE CASE WHEN ${h.includes('retweet') ? "retweet = '1'" : 'false'} THEN 'repost' END END`
          : 'NULL',
      },
      nulls: [''],
      timeZone: 'America/Chicago',
    }),
  },
  {
    name: 'coortweet',
    description:
      'CooRTweet example data: retweets (object_id, account_id, content_id, timestamp_share) or the ' +
      'multi-platform co-sharing layout (account_id, post_id, url_id, hashtag_id, domain_id, phash_id, timestamp); ' +
      'R-style NA cells are missing values',
    matches: (h) =>
      has(h, 'account_id') && (has(h, 'object_id', 'timestamp_share') || has(h, 'post_id', 'timestamp')),
    options: (h) =>
      h.includes('object_id')
        ? {
            mapping: { account: 'account_id', repost_of: 'object_id', time: 'timestamp_share' },
            // One row per (share, object): a tweet that shares two objects has two rows with one
            // content_id. Our repost has one original, so each (content, object) pair is a post.
            expressions: {
              id: h.includes('content_id') ? "content_id || '>' || object_id" : 'NULL',
              kind: "'repost'",
            },
            nulls: ['', 'NA'],
          }
        : {
            mapping: { id: 'post_id', account: 'account_id', time: 'timestamp' },
            // The ids are anonymised: shared links and images become pseudo-URLs whose host is the
            // anonymised domain, so that co-link and co-domain work on them; hashtags keep their ids.
            expressions: {
              urls: `list_filter([
                CASE WHEN ${h.includes('url_id') ? 'url_id' : 'NULL'} IS NOT NULL THEN 'coortweet://domain-' || coalesce(${h.includes('domain_id') ? 'domain_id' : 'NULL'}, 'unknown') || '/url-' || url_id END,
                CASE WHEN ${h.includes('phash_id') ? 'phash_id' : 'NULL'} IS NOT NULL THEN 'coortweet://image/phash-' || phash_id END], x -> x IS NOT NULL)`,
              hashtags: h.includes('hashtag_id')
                ? `CASE WHEN hashtag_id IS NOT NULL THEN ['tag' || hashtag_id] ELSE [] END`
                : 'NULL',
            },
            nulls: ['', 'NA'],
          },
  },
];

export function findPreset(name: string): Preset | undefined {
  return PRESETS.find((p) => p.name === name);
}
