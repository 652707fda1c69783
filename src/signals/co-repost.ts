// Co-repost: two accounts reposting (or quoting) the same original within the window. The strongest and
// most common trace of amplification networks (Pacheco et al. 2021, "Uncovering coordinated networks on
// social media"; Giglietto et al. 2020, CooRnet/CooRTweet).
import type { Store } from '../store/index.js';
import { signalCode } from './_common.js';

export async function touchCoReposts(store: Store): Promise<void> {
  await store.run(`
    INSERT INTO _touch
    SELECT ${signalCode('corepost')}, hash(platform, coalesce(repost_of, quote_of)), aid, t, pid
    FROM _p WHERE kind IN ('repost', 'quote') AND coalesce(repost_of, quote_of) IS NOT NULL`);
}
