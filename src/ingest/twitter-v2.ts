// Twitter API v2: response pages ({data, includes: {users, tweets}}), as one JSON document, or as JSON
// Lines of pages or of single tweets. Tweets in includes.tweets (the originals that data retweets or
// quotes) load too; users in includes.users give handles, names and follower counts, and so does the user
// object that twarc2 flatten puts under a tweet's `author` (its one-tweet-per-line layout).
import type { ItemPath } from './_count-json.js';
import { readJsonRecords } from './_json.js';
import { RAW_POST_COLUMNS, rejectedCount, type StageContext, type StageResult, selectList } from './raw.js';

/** A response page: what the API wraps tweets in (a page with only `meta` or `errors` holds none). */
const PAGE = `json_type(j) = 'OBJECT' AND (json_exists(j, '$.data') OR json_exists(j, '$.includes')
  OR json_exists(j, '$.meta') OR json_exists(j, '$.errors'))`;

/** Where a page's tweets are: what a page rejected whole (too long, not JSON) counts as rejected posts. */
const PAGE_TWEETS: readonly ItemPath[] = [['data'], ['data', '*'], ['includes', 'tweets', '*']];

export async function stageTwitterV2(ctx: StageContext, layout: 'document' | 'lines'): Promise<StageResult> {
  const read = await readJsonRecords(ctx, layout === 'lines' ? 'lines' : 'values', PAGE_TWEETS);
  const t = ctx.table;
  // Each source value is a page (data may be one tweet or an array) or a bare tweet, an id or not: one
  // without an id is rejected for it in normalisation, not left out.
  await ctx.store.run(`
    CREATE OR REPLACE TEMP TABLE ${t}_tweets AS
    WITH pages AS (SELECT rec, line, j FROM ${t}_src WHERE ${PAGE})
    SELECT rec, line, j AS tw FROM ${t}_src WHERE NOT (${PAGE})
    UNION ALL SELECT rec, line, unnest(json_extract(j, '$.data[*]')) FROM pages WHERE json_type(j, '$.data') = 'ARRAY'
    UNION ALL SELECT rec, line, json_extract(j, '$.data') FROM pages WHERE json_type(j, '$.data') = 'OBJECT'
    UNION ALL SELECT rec, line, unnest(json_extract(j, '$.includes.tweets[*]')) FROM pages;
    CREATE OR REPLACE TEMP TABLE ${t}_users AS
    SELECT json_extract_string(u, '$.id') AS uid, any_value(u) AS u FROM (
      SELECT unnest(json_extract(j, '$.includes.users[*]')) AS u FROM ${t}_src) GROUP BY ALL;
    CREATE OR REPLACE TEMP TABLE ${t}_authors AS
    SELECT json_extract_string(tw, '$.id') AS tid, any_value(json_extract_string(tw, '$.author_id')) AS author
    FROM ${t}_tweets GROUP BY ALL;`);
  const s = (path: string) => `json_extract_string(tw, '${path}')`;
  const ref = (type: string) =>
    `list_extract(list_transform(list_filter(json_extract(tw, '$.referenced_tweets[*]'),
      r -> json_extract_string(r, '$.type') = '${type}'), r -> json_extract_string(r, '$.id')), 1)`;
  // The user from includes.users, else the tweet's own `author` object (twarc2 flatten).
  const u = (path: string) =>
    `coalesce(json_extract_string(users.u, '${path}'), json_extract_string(tw, '$.author${path.slice(1)}'))`;
  // Who a retweet reposts: the original's author where the file holds the original; else the author_id
  // that twarc2 flatten puts in the referenced_tweets entry; else the id of the mention that the
  // "RT @handle:" prefix names (the API lists the retweeted account among the entities).
  const rtHandle = `lower(regexp_extract(${s('$.text')}, '^RT @([A-Za-z0-9_]+):', 1))`;
  const repostAccount = `CASE WHEN ${ref('retweeted')} IS NOT NULL THEN coalesce(
      (SELECT author FROM ${t}_authors a WHERE a.tid = ${ref('retweeted')}),
      list_extract(list_transform(list_filter(json_extract(tw, '$.referenced_tweets[*]'),
        r -> json_extract_string(r, '$.type') = 'retweeted'), r -> json_extract_string(r, '$.author_id')), 1),
      list_extract(list_transform(list_filter(json_extract(tw, '$.entities.mentions[*]'),
        m -> lower(json_extract_string(m, '$.username')) = ${rtHandle}), m -> json_extract_string(m, '$.id')), 1)) END`;
  await ctx.store.run(`
    CREATE OR REPLACE TEMP TABLE ${t} AS SELECT ${selectList(RAW_POST_COLUMNS, {
      rec: 'rec',
      line: 'line',
      id: s('$.id'),
      account: s('$.author_id'),
      handle: u('$.username'),
      name: u('$.name'),
      time_raw: s('$.created_at'),
      // A reply names the tweet or only the user it answers (as the IO archive's in_reply_to_userid).
      kind: `CASE WHEN ${ref('retweeted')} IS NOT NULL THEN 'repost' WHEN ${ref('quoted')} IS NOT NULL THEN 'quote'
        WHEN ${ref('replied_to')} IS NOT NULL OR ${s('$.in_reply_to_user_id')} IS NOT NULL THEN 'reply' ELSE 'post' END`,
      text: s('$.text'),
      lang: s('$.lang'),
      hashtags: `CASE WHEN json_exists(tw, '$.entities') THEN coalesce(json_extract_string(tw, '$.entities.hashtags[*].tag'), []) END`,
      // An entry with a media_key is an attached photo or video, not a shared link: API v1.1 keeps those
      // apart (entities.media) and the IO archive's urls leave them out.
      urls: `CASE WHEN json_exists(tw, '$.entities') THEN coalesce(list_transform(
        list_filter(json_extract(tw, '$.entities.urls[*]'), x -> NOT json_exists(x, '$.media_key')),
        x -> coalesce(json_extract_string(x, '$.unwound_url'), json_extract_string(x, '$.expanded_url'), json_extract_string(x, '$.url'))), []) END`,
      // Mentioned accounts by id, as the IO archive lists them (the username where a mention has no id).
      mentions: `CASE WHEN json_exists(tw, '$.entities') THEN coalesce(list_transform(json_extract(tw, '$.entities.mentions[*]'),
        x -> coalesce(json_extract_string(x, '$.id'), json_extract_string(x, '$.username'))), []) END`,
      repost_of: ref('retweeted'),
      repost_of_account: repostAccount,
      reply_to: ref('replied_to'),
      reply_to_account: s('$.in_reply_to_user_id'),
      quote_of: ref('quoted'),
      client: s('$.source'),
      acct_created: u('$.created_at'),
      followers: `try_cast(${u('$.public_metrics.followers_count')} AS BIGINT)`,
      following: `try_cast(${u('$.public_metrics.following_count')} AS BIGINT)`,
    })} FROM ${t}_tweets LEFT JOIN ${t}_users users ON users.uid = ${s('$.author_id')};
    DROP TABLE ${t}_src; DROP TABLE ${t}_tweets; DROP TABLE ${t}_users; DROP TABLE ${t}_authors;`);
  const { n } = await ctx.store.one<{ n: bigint }>(`SELECT count(*) AS n FROM ${t}`);
  // A page is one source value but holds many tweets: rows read are the tweets found.
  return {
    kind: 'posts',
    platform: 'twitter',
    table: t,
    ...read,
    rowsRead: Number(n) + rejectedCount(read.rejections),
  };
}
