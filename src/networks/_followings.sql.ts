// The second half of the chance model for reposts and replies (docs/method.md, section 3, "Followings"):
// people repost and answer the accounts they follow, at their own rates. Under this null an independent
// account keeps how many posts of each author it reposted (or answered) over the whole collection, k, and
// picks which ones among that author's posts by their popularity outside the group tested. Members that
// follow the same little-followed account then meet on her posts as often as their rates say, however rare
// those posts are in the collection; members that keep reposting the same posts of authors they reposted
// little are not explained. SQL only: chance.ts takes, for `corepost` and `coreply`, the larger of this
// expectation and the popularity model's (`_chance.sql.ts`).

import { signalCode } from '../signals/_common.js';
import type { Store } from '../store/index.js';

/**
 * The tables that do not depend on the groups tested, built once per detection: `_ft(sig, item, aid,
 * author)`, each account's distinct reposts and replies of posts whose author the data names; `_fi(sig,
 * item, author, n)`, every such post with the accounts that touched it (n), and the author's other posts
 * in the collection, which no one touched (n = 0); `_fa(sig, author, W1, S2)`, per author the sums of the
 * posts' weights w = n + 1 and of their squares. The weight's 1 is each post's own chance of being picked:
 * a post no one else reposted can still be reposted by a follower.
 */
export async function prepareFollowings(store: Store): Promise<void> {
  const [cp, cr] = [signalCode('corepost'), signalCode('coreply')];
  await store.run(`
    CREATE OR REPLACE TEMP TABLE _ft AS
      SELECT DISTINCT t.sig, t.item, t.aid,
        hash(p.platform, CASE WHEN t.sig = ${cp} THEN p.repost_of_account ELSE p.reply_to_account END) AS author
      FROM _touch t JOIN _p p USING (pid)
      WHERE t.sig IN (${cp}, ${cr})
        AND CASE WHEN t.sig = ${cp} THEN p.repost_of_account ELSE p.reply_to_account END IS NOT NULL;
    CREATE OR REPLACE TEMP TABLE _fi AS
      SELECT sig, item, any_value(author) AS author, count(DISTINCT aid)::DOUBLE AS n FROM _ft GROUP BY sig, item;
    INSERT INTO _fi
      SELECT s.sig, o.item, o.author, 0 FROM (
        SELECT hash(p.platform, p.id) AS item, hash(p.platform, a.account) AS author
        FROM _p p JOIN _acct a USING (aid) WHERE p.kind <> 'repost'
      ) o CROSS JOIN (VALUES (${cp}::TINYINT), (${cr}::TINYINT)) s(sig)
      SEMI JOIN (SELECT DISTINCT sig, author FROM _fi) f ON f.sig = s.sig AND f.author = o.author
      ANTI JOIN _fi x ON x.sig = s.sig AND x.item = o.item;
    CREATE OR REPLACE TEMP TABLE _fa AS
      SELECT sig, author, sum(n + 1) AS W1, sum((n + 1) * (n + 1)) AS S2, sum(pow(n + 1, 3)) AS S3,
        count(*) FILTER (WHERE n = 0) AS Z0
      FROM _fi GROUP BY ALL;`);
}

/** A network's expected pairs under the followings null on one signal: on all posts, and on its own. */
export type FollowingCounts = { net: number; sig: number; E: number; V: number; Eu: number };

/**
 * Per network of `_m(aid, net)` and signal (`corepost`, `coreply`), the member pairs expected on the same
 * posts under the followings null, with their variance. Per author, the posts are taken as N = W^2 / S2
 * equally likely ones (their effective number, with weights n_out + 1, n_out the accounts outside the network
 * that touched the post): a member that touched k of them shares with one that touched k' about k k' / N,
 * hypergeometric with variance k k' (N - k)(N - k') / (N^2 (N - 1)), as in the popularity model's strata.
 * Summed over authors: E = sum (K^2 - K2) / (2 N) and V = (G1^2 - G2) / (2 N^2 (N - 1)) + K (K^2 - K2) H,
 * with K, K2 the sums of the members' k and k^2, G1, G2 those of g = k (N - k) and g^2, and H the spread of
 * the posts' weights (sum w^3 - (sum w^2)^2 with w = weight / W: a member that drew the more popular posts
 * meets every other member more, which correlates its pairs; as in the popularity model's variance). Eu is E on the posts no account
 * outside the network touched (Z of the author's, each of weight 1), which the test on items only members
 * touched counts: (K^2 - K2) Z / (2 W^2).
 */
export async function followingCounts(store: Store): Promise<FollowingCounts[]> {
  return store.all<FollowingCounts>(`
    WITH mt AS (SELECT m.net, f.sig, f.item, f.author, f.aid FROM _ft f JOIN _m m USING (aid)),
    mi AS (SELECT net, sig, item, count(*)::DOUBLE AS m FROM mt GROUP BY ALL),
    -- Per author, its posts' weights with the members' own touches taken out.
    na AS (
      SELECT c.net, c.sig, c.author, greatest(a.W1 + c.dW, 1) AS W, greatest(a.S2 + c.dS2, 1) AS S2,
        greatest(a.S3 + c.dS3, 1) AS S3, a.Z0 + c.dZ AS Z
      FROM (
        SELECT mi.net, mi.sig, i.author, sum(-mi.m) AS dW, sum(pow(i.n - mi.m + 1, 2) - pow(i.n + 1, 2)) AS dS2,
          sum(pow(i.n - mi.m + 1, 3) - pow(i.n + 1, 3)) AS dS3, count(*) FILTER (WHERE i.n = mi.m)::DOUBLE AS dZ
        FROM mi JOIN _fi i USING (sig, item) GROUP BY ALL
      ) c JOIN _fa a USING (sig, author)
    ),
    ka AS (
      SELECT k.net, k.sig, k.author, sum(k.k) AS K, sum(k.k * k.k) AS K2, sum(g) AS G1, sum(g * g) AS G2,
        any_value(x.N) AS N, any_value(na.W) AS W, any_value(na.Z) AS Z,
        greatest(any_value(na.S3 / pow(na.W, 3) - pow(na.S2 / (na.W * na.W), 2)), 0) AS H
      FROM (SELECT net, sig, author, aid, count(*)::DOUBLE AS k FROM mt GROUP BY ALL) k
        JOIN na USING (net, sig, author),
      LATERAL (SELECT greatest(na.W * na.W / na.S2, 1) AS N) x,
      LATERAL (SELECT greatest(k.k * (x.N - k.k), 0) AS g)
      GROUP BY ALL
    )
    SELECT net, sig, sum((K * K - K2) / (2 * N)) AS E,
      sum(greatest((G1 * G1 - G2) / (2 * N * N * greatest(N - 1, 1e-9)), 0) + K * (K * K - K2) * H) AS V,
      sum((K * K - K2) * Z / (2 * W * W)) AS Eu
    FROM ka GROUP BY ALL`);
}
