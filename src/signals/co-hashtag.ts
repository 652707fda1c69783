// Co-hashtag: two accounts using the same normalised hashtag within the window. On its own a weak signal
// (everyone in a protest uses its tag), so each shared tag is weighted by its rarity in that window (see
// _pairs.ts) and the chance model discounts what the tag's popularity explains. Reposts are left out: a
// retweet repeats its original's tags, and co-repost already counts it.
import type { Store } from '../store/index.js';
import { signalCode } from './_common.js';

export async function touchCoHashtags(store: Store): Promise<void> {
  await store.run(`
    INSERT INTO _touch
    SELECT ${signalCode('cohashtag')}, hash('#', tag), aid, t, pid
    FROM (SELECT unnest(list_distinct(hashtags)) AS tag, aid, t, pid FROM _p
          WHERE kind <> 'repost' AND len(hashtags) > 0)
    WHERE tag <> ''`);
}
