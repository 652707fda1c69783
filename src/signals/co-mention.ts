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
      -- A reply usually mentions the account it answers, which is the target already; the post itself is
      -- the target only when there is no mention (Telegram replies). Replies to one post are nearly all
      -- unique items, and mixing them in would tell the chance model that targets are almost never shared.
      SELECT platform, 'reply:' || reply_to, aid, t, pid FROM _p
      WHERE reply_to IS NOT NULL AND (mentions IS NULL OR len(mentions) = 0)
    )
    WHERE target <> ''`);
}
