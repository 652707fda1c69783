// Co-repost: two accounts reposting (or quoting) the same original within the window. The strongest and
// most common trace of amplification networks (Pacheco et al. 2021, "Uncovering coordinated networks on
// social media"; Giglietto et al. 2020, CooRnet/CooRTweet). A repost of an account the reposter has a tie
// with both ways is left out (_ties.sql.ts): friends share each other's posts.
import type { Store } from '../store/index.js';
import { signalCode } from './_common.js';

export async function touchCoReposts(store: Store): Promise<void> {
  await store.run(`
    INSERT INTO _touch
    SELECT ${signalCode('corepost')}, hash(p.platform, coalesce(p.repost_of, p.quote_of)), p.aid, p.t, p.pid
    FROM _p p LEFT JOIN _acct au ON au.platform = p.platform AND au.account = p.repost_of_account
      ANTI JOIN _tie tie ON tie.aid = p.aid AND tie.other = au.aid
    WHERE p.kind IN ('repost', 'quote') AND coalesce(p.repost_of, p.quote_of) IS NOT NULL`);
}
