// The JSON that Twitter scraping tools write: an array of flattened tweets with ID, Text, Hashtags,
// Timestamp (POSIX seconds), UserID, Username, PermanentURL, counts as strings. Much protest-era data
// only exists in this form.
import { readJsonRecords } from './_json.js';
import { RAW_POST_COLUMNS, type StageContext, type StageResult, selectList } from './raw.js';

export const SCRAPER_KEYS = ['ID', 'Text', 'Timestamp', 'UserID'];

export async function stageScraperJson(ctx: StageContext): Promise<StageResult> {
  const read = await readJsonRecords(ctx, 'values');
  const s = (path: string) => `json_extract_string(j, '${path}')`;
  await ctx.store.run(`
    CREATE OR REPLACE TEMP TABLE ${ctx.table} AS SELECT ${selectList(RAW_POST_COLUMNS, {
      rec: 'rec',
      id: s('$.ID'),
      account: s('$.UserID'),
      handle: s('$.Username'),
      time_raw: s('$.Timestamp'),
      kind: `CASE WHEN lower(coalesce(${s('$.IsRetweet')}, '')) IN ('true', '1') THEN 'repost'
        WHEN lower(coalesce(${s('$.IsReply')}, '')) IN ('true', '1') THEN 'reply' ELSE NULL END`,
      text: s('$.Text'),
      hashtags: `CASE WHEN json_type(j, '$.Hashtags') = 'ARRAY' THEN ${s('$.Hashtags[*]')} END`,
      urls: `CASE WHEN json_type(j, '$.URLs') = 'ARRAY' THEN ${s('$.URLs[*]')} END`,
    })} FROM ${ctx.table}_src; DROP TABLE ${ctx.table}_src;`);
  return { kind: 'posts', platform: 'twitter', table: ctx.table, ...read };
}
