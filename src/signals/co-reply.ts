// Co-reply: two accounts answering the same post within the window (a reply brigade on an official's posts).
// Its own signal, apart from co-mention: accounts that only ever answer one account name one item there,
// and an edge needs several, while each post they answer is an item of its own here. Kept apart too
// because replies to one post are mostly a post's only reply, and their rarity must not dilute the
// accounts named (each signal's chance model learns from its own items). A reply to an account the replier
// has a tie with both ways is left out (_ties.sql.ts): friends answer each other.
import type { Store } from '../store/index.js';
import { signalCode } from './_common.js';

export async function touchCoReplies(store: Store): Promise<void> {
  await store.run(`
    INSERT INTO _touch
    SELECT ${signalCode('coreply')}, hash(p.platform, p.reply_to), p.aid, p.t, p.pid
    FROM _p p LEFT JOIN _acct au ON au.platform = p.platform AND au.account = p.reply_to_account
      ANTI JOIN _tie tie ON tie.aid = p.aid AND tie.other = au.aid
    WHERE p.reply_to IS NOT NULL AND p.reply_to <> ''`);
}
