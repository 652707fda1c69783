// Co-mention: two accounts addressing the same account within the window (harassment swarms, tweetstorms
// aimed at one official). Reposts are left out because a retweet's "mention" is only the original's
// author, which co-repost already covers. So are replies whose answered post is known: their target is that
// post (co-reply.ts), and their mentions are mostly the thread's participants, which clients add by
// themselves; counted here as well, one reply would be two shared items (the post and its author), and
// everyone answering the same two posts of an official would be an edge.
import type { Store } from '../store/index.js';
import { signalCode } from './_common.js';

export async function touchCoMentions(store: Store): Promise<void> {
  await store.run(`
    INSERT INTO _touch
    SELECT ${signalCode('comention')}, hash(platform, target), aid, t, pid
    FROM (
      SELECT platform, unnest(list_distinct(mentions)) AS target, aid, t, pid FROM _p
      WHERE kind <> 'repost' AND len(mentions) > 0 AND (reply_to IS NULL OR reply_to = '')
    )
    WHERE target <> ''`);
}
