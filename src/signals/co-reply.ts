// Co-reply: two accounts answering the same post within the window (a reply brigade on an official's posts).
// Its own signal, apart from co-mention: accounts that only ever answer one account name one item there,
// and an edge needs several, while each post they answer is an item of its own here. Kept apart too
// because replies to one post are mostly a post's only reply, and their rarity must not dilute the
// accounts named (each signal's chance model learns from its own items).
import type { Store } from '../store/index.js';
import { signalCode } from './_common.js';

export async function touchCoReplies(store: Store): Promise<void> {
  await store.run(`
    INSERT INTO _touch
    SELECT ${signalCode('coreply')}, hash(platform, reply_to), aid, t, pid
    FROM _p WHERE reply_to IS NOT NULL AND reply_to <> ''`);
}
