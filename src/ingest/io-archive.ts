// Twitter/X Information Operations archive: the tweets file (31 columns in the 2018-2021 releases) and
// the users file (10 columns). Columns are found by header name, since their order differs between
// releases; list cells look like Python lists ("['a', 'b']").
import { sqlIdent } from '../store/index.js';
import { readCsvAsView } from './_csv.js';
import {
  RAW_ACCOUNT_COLUMNS,
  RAW_POST_COLUMNS,
  type StageContext,
  type StageResult,
  selectList,
} from './raw.js';

export const IO_TWEETS_REQUIRED = ['tweetid', 'userid', 'tweet_time'];
export const IO_USERS_REQUIRED = ['userid', 'user_screen_name', 'account_creation_date'];

/** A column reference if the header has it, else NULL (older releases lack some columns). */
function columnOf(header: string[]): (name: string) => string {
  const present = new Set(header);
  return (name) => (present.has(name) ? sqlIdent(name) : 'NULL');
}

export async function stageIoTweets(ctx: StageContext, header: string[]): Promise<StageResult> {
  const read = await readCsvAsView(ctx, header);
  const c = columnOf(header);
  const truthy = (col: string) => `lower(coalesce(${c(col)}, '')) IN ('true', 't', '1', 'yes')`;
  await ctx.store.run(`
    CREATE OR REPLACE TEMP VIEW ${ctx.table} AS SELECT ${selectList(RAW_POST_COLUMNS, {
      rec: 'NULL',
      id: c('tweetid'),
      account: c('userid'),
      handle: c('user_screen_name'),
      name: c('user_display_name'),
      time_raw: c('tweet_time'),
      kind: `CASE WHEN ${truthy('is_retweet')} OR ${c('retweet_tweetid')} IS NOT NULL THEN 'repost'
        WHEN ${c('quoted_tweet_tweetid')} IS NOT NULL THEN 'quote'
        WHEN ${c('in_reply_to_tweetid')} IS NOT NULL OR ${c('in_reply_to_userid')} IS NOT NULL THEN 'reply'
        ELSE 'post' END`,
      text: c('tweet_text'),
      lang: c('tweet_language'),
      hashtags: header.includes('hashtags') ? 'ls_list_cell(hashtags)' : 'NULL',
      urls: header.includes('urls') ? 'ls_list_cell(urls)' : 'NULL',
      mentions: header.includes('user_mentions') ? 'ls_list_cell(user_mentions)' : 'NULL',
      repost_of: c('retweet_tweetid'),
      repost_of_account: c('retweet_userid'),
      reply_to: c('in_reply_to_tweetid'),
      reply_to_account: c('in_reply_to_userid'),
      quote_of: c('quoted_tweet_tweetid'),
      client: c('tweet_client_name'),
      acct_created: c('account_creation_date'),
      followers: `try_cast(${c('follower_count')} AS BIGINT)`,
      following: `try_cast(${c('following_count')} AS BIGINT)`,
      acct_lang: c('account_language'),
    })} FROM ${ctx.table}_src`);
  return { kind: 'posts', platform: 'twitter', table: ctx.table, ...read };
}

export async function stageIoUsers(ctx: StageContext, header: string[]): Promise<StageResult> {
  const read = await readCsvAsView(ctx, header);
  const c = columnOf(header);
  await ctx.store.run(`
    CREATE OR REPLACE TEMP VIEW ${ctx.table} AS SELECT ${selectList(RAW_ACCOUNT_COLUMNS, {
      rec: 'NULL',
      account: c('userid'),
      handle: c('user_screen_name'),
      name: c('user_display_name'),
      acct_created: c('account_creation_date'),
      followers: `try_cast(${c('follower_count')} AS BIGINT)`,
      following: `try_cast(${c('following_count')} AS BIGINT)`,
      acct_lang: c('account_language'),
    })} FROM ${ctx.table}_src`);
  return { kind: 'accounts', platform: 'twitter', table: ctx.table, ...read };
}
