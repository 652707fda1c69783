// Ties both ways: pairs of accounts that have each reposted or answered the other somewhere in the data.
// People repost and answer the accounts they follow, and friends follow each other: a repost or reply to an
// account one has a tie with both ways is explained by the tie, and says nothing of coordination. So
// co-repost and co-reply leave such touches out. Without it, circles of friends who share and answer
// each other's everyday posts came out as networks (the blind generator: 3.4–13% of circle members flagged
// on five seeds, 0–2.1% with it; docs/notebook/2026-12-07-detection.md, sections 6 and 8, and
// docs/notebook/2026-12-07-benchmarks.md, "The previous pipeline's summary", have these and the other
// figures, one seed's worse among them). An operation's accounts that amplify each other both ways lose
// these two signals among themselves, and keep the others. The table is `_tie` (aid, other), one row per
// direction.
import type { Store } from '../store/index.js';

export async function buildTies(store: Store): Promise<void> {
  await store.run(`
    CREATE OR REPLACE TEMP TABLE _tie AS
      WITH d AS (
        SELECT DISTINCT p.aid, a.aid AS other FROM _p p
        JOIN _acct a ON a.platform = p.platform AND a.account = coalesce(p.repost_of_account, p.reply_to_account)
        WHERE a.aid <> p.aid
      )
      SELECT x.aid, x.other FROM d x SEMI JOIN d y ON y.aid = x.other AND y.other = x.aid`);
}
