// The detection working set: every account and timed post given a dense integer id, so that the joins of
// the signals run over integers rather than strings. Posts without a time cannot be placed in a window.
import type { Store } from '../store/index.js';

export async function prepareWorkingSet(
  store: Store,
): Promise<{ accounts: number; posts: number; untimed: number }> {
  await store.run(`
    CREATE OR REPLACE TEMP TABLE _acct AS
      SELECT (row_number() OVER (ORDER BY platform, account) - 1)::INTEGER AS aid, platform, account
      FROM (SELECT DISTINCT platform, account FROM posts);
    CREATE OR REPLACE TEMP TABLE _p AS
      SELECT (row_number() OVER (ORDER BY p.platform, p.id) - 1)::INTEGER AS pid, a.aid, p.platform, p.id,
        epoch(p.time)::BIGINT AS t, p.kind, p.text_norm, p.hashtags, p.urls, p.domains, p.mentions,
        p.repost_of, p.quote_of, p.reply_to
      FROM posts p JOIN _acct a USING (platform, account)
      WHERE p.time IS NOT NULL;
  `);
  const row = await store.one<{ accounts: bigint; posts: bigint; untimed: bigint }>(`
    SELECT (SELECT count(*) FROM _acct) AS accounts, (SELECT count(*) FROM _p) AS posts,
      (SELECT count(*) FROM posts WHERE time IS NULL) AS untimed`);
  return { accounts: Number(row.accounts), posts: Number(row.posts), untimed: Number(row.untimed) };
}
