// Co-mention / co-reply: two accounts addressing the same account, or replying to the same post, within the
// window (reply brigades, harassment swarms, tweetstorms aimed at one official). Reposts are left out
// because a retweet's "mention" is only the original's author, which co-repost already covers.
import type { Store } from '../store/index.js';
import { signalCode } from './_common.js';

export async function touchCoMentions(store: Store): Promise<void> {
  await store.run(`
    INSERT INTO _touch
    SELECT ${signalCode('comention')}, hash(platform, target), aid, t, pid
    FROM (
      SELECT platform, unnest(list_distinct(mentions)) AS target, aid, t, pid FROM _p
      WHERE kind <> 'repost' AND len(mentions) > 0
      UNION ALL
      SELECT platform, 'reply:' || reply_to, aid, t, pid FROM _p WHERE reply_to IS NOT NULL
    )
    WHERE target <> ''`);
}
