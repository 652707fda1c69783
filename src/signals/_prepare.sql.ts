// The detection working set: every account and timed post given a dense integer id, so that the joins of
// the signals run over integers rather than strings. Posts without a time cannot be placed in a window.
// Detection reads time on a clock of CLOCK_SECONDS: the same posts come to the minute in an Information
// Operations archive and to the second from the API, and must give the same networks either way.
import type { Store } from '../store/index.js';

/**
 * The resolution of detection's clock, in seconds. Twitter's Information Operations archives give times to
 * the minute, the APIs and Telegram to the second; read at the second, the same tweets gave different
 * networks from the two layouts (the blind generator, seed 8485: flagged sets with Jaccard 0.909, and the
 * same as the archive's once the API times were read to the minute). Nothing in the model is finer than a
 * minute: windows are hours, and the timing test's bins (--sync) a minute or more.
 */
export const CLOCK_SECONDS = 60;

export async function prepareWorkingSet(
  store: Store,
): Promise<{ accounts: number; posts: number; untimed: number }> {
  await store.run(`
    CREATE OR REPLACE TEMP TABLE _acct AS
      SELECT (row_number() OVER (ORDER BY platform, account) - 1)::INTEGER AS aid, platform, account
      FROM (SELECT DISTINCT platform, account FROM posts);
    CREATE OR REPLACE TEMP TABLE _p AS
      SELECT (row_number() OVER (ORDER BY p.platform, p.id) - 1)::INTEGER AS pid, a.aid, p.platform, p.id,
        (epoch(p.time)::BIGINT // ${CLOCK_SECONDS}) * ${CLOCK_SECONDS} AS t, p.kind, p.text_norm, p.hashtags, p.urls, p.domains, p.mentions,
        p.repost_of, p.quote_of, p.reply_to, p.repost_of_account, p.reply_to_account
      FROM posts p JOIN _acct a USING (platform, account)
      WHERE p.time IS NOT NULL;
  `);
  const row = await store.one<{ accounts: bigint; posts: bigint; untimed: bigint }>(`
    SELECT (SELECT count(*) FROM _acct) AS accounts, (SELECT count(*) FROM _p) AS posts,
      (SELECT count(*) FROM posts WHERE time IS NULL) AS untimed`);
  return { accounts: Number(row.accounts), posts: Number(row.posts), untimed: Number(row.untimed) };
}
