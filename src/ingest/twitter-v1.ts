// Twitter API v1.1 tweet objects (legacy academic datasets): one tweet per line, or one array of
// tweets per line, gzip or not. Extended tweets carry their full text in extended_tweet.full_text.
import { readJsonLines } from './_json.js';
import { RAW_POST_COLUMNS, type StageContext, type StageResult, selectList } from './raw.js';

export async function stageTwitterV1(ctx: StageContext): Promise<StageResult> {
  const read = await readJsonLines(ctx);
  const s = (path: string) => `json_extract_string(j, '${path}')`;
  // A truncated (extended) tweet's top-level entities cover only its first 140 characters; the entities
  // of its full text are in extended_tweet.entities.
  const entities = `coalesce(json_extract(j, '$.extended_tweet.entities'), json_extract(j, '$.entities'))`;
  const has = (key: string) => `json_exists(${entities}, '$.${key}')`;
  const list = (path: string) => `json_extract_string(${entities}, '${path}')`;
  await ctx.store.run(`
    CREATE OR REPLACE TEMP TABLE ${ctx.table} AS SELECT ${selectList(RAW_POST_COLUMNS, {
      rec: 'rec',
      line: 'line',
      id: `coalesce(${s('$.id_str')}, ${s('$.id')})`,
      account: `coalesce(${s('$.user.id_str')}, ${s('$.user.id')})`,
      handle: s('$.user.screen_name'),
      name: s('$.user.name'),
      time_raw: s('$.created_at'),
      kind: `CASE WHEN json_exists(j, '$.retweeted_status') AND ${s('$.retweeted_status')} IS NOT NULL THEN 'repost'
        WHEN coalesce(${s('$.quoted_status_id_str')}, ${s('$.quoted_status_id')}) IS NOT NULL THEN 'quote'
        WHEN coalesce(${s('$.in_reply_to_status_id_str')}, ${s('$.in_reply_to_status_id')},
          ${s('$.in_reply_to_user_id_str')}, ${s('$.in_reply_to_user_id')}) IS NOT NULL THEN 'reply'
        ELSE 'post' END`,
      text: `coalesce(${s('$.extended_tweet.full_text')}, ${s('$.full_text')}, ${s('$.text')})`,
      lang: s('$.lang'),
      hashtags: `CASE WHEN ${has('hashtags')} THEN ${list('$.hashtags[*].text')} END`,
      urls: `CASE WHEN ${has('urls')} THEN list_transform(json_extract(${entities}, '$.urls[*]'),
        u -> coalesce(json_extract_string(u, '$.expanded_url'), json_extract_string(u, '$.url'))) END`,
      // Mentioned accounts by id, as the IO archive and API v2 give them (the handle where one has no id).
      mentions: `CASE WHEN ${has('user_mentions')} THEN list_transform(json_extract(${entities}, '$.user_mentions[*]'),
        m -> coalesce(json_extract_string(m, '$.id_str'), json_extract_string(m, '$.id'), json_extract_string(m, '$.screen_name'))) END`,
      repost_of: `coalesce(${s('$.retweeted_status.id_str')}, ${s('$.retweeted_status.id')})`,
      repost_of_account: `coalesce(${s('$.retweeted_status.user.id_str')}, ${s('$.retweeted_status.user.id')})`,
      reply_to: `coalesce(${s('$.in_reply_to_status_id_str')}, ${s('$.in_reply_to_status_id')})`,
      reply_to_account: `coalesce(${s('$.in_reply_to_user_id_str')}, ${s('$.in_reply_to_user_id')})`,
      quote_of: `coalesce(${s('$.quoted_status_id_str')}, ${s('$.quoted_status_id')})`,
      // "source" is an HTML anchor: <a href="...">Twitter for Android</a>
      client: `nullif(regexp_replace(${s('$.source')}, '<[^>]*>', '', 'g'), '')`,
      acct_created: s('$.user.created_at'),
      followers: `try_cast(${s('$.user.followers_count')} AS BIGINT)`,
      following: `try_cast(${s('$.user.friends_count')} AS BIGINT)`,
      acct_lang: s('$.user.lang'),
    })} FROM ${ctx.table}_src; DROP TABLE ${ctx.table}_src;`);
  return { kind: 'posts', platform: 'twitter', table: ctx.table, ...read };
}
