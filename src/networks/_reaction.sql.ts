// The reaction test: timing against the stimulus. A repost or a reply answers a post, and when it comes is the
// post's doing as much as the account's: a celebrity's fans answer within minutes of each post, because the
// post is new then. So members are not asked whether they were quick, but whether they were quicker than the
// item's own crowd: each member's first touch of a reposted or answered post is ranked among the first touches
// of that post by the accounts outside the network (and outside the networks found, `_xg`), over the post's
// whole life. If the member reacted as independently as the crowd, its time is one more draw from the post's
// reaction profile and its rank among the c crowd touches is uniform over the c + 1 places; its mid-rank
// u = (before + at / 2 + 1/2) / (c + 1) then gives -ln u a known mean mu_c = ln(c + 1) - (ln Gamma(c + 3/2) -
// ln Gamma(1/2)) / (c + 1) and a variance of at most 1 (that of a standard exponential, which -ln u tends to
// as c grows). A reply brigade that answers a much-answered journalist within fifteen minutes every time,
// ahead of most of her crowd, stands out here; fans who answer within minutes when the crowd does too do not.
// The sum S of -ln u over reactions (Fisher's method) is judged against a gamma law with the sums of mu_c and
// of the variances as its mean and variance (chance.ts, `judgeReaction`). Posts no outside account reacted
// to have no crowd to rank against and are left to the other tests.

import { SIGNALS } from '../signals/index.js';
import type { Store } from '../store/index.js';

/** Per network (and account, when per account), signal: the sum S of -ln u, its mean M and variance V. */
export type ReactionRow = {
  net: number;
  aid?: number;
  sig: number;
  S: number;
  M: number;
  V: number;
  /** Reactions ranked, and the distinct posts they answered or reposted. */
  reactions: number;
  items: number;
};

/** The signals whose items are posts answered or reposted, with a moment they were made. */
const REACTION_SIGNALS = ['corepost', 'coreply'].map((name) => SIGNALS.indexOf(name as never));

/**
 * The reactions of the accounts of `who(aid, net)` ranked against each post's crowd (the accounts neither of
 * the network nor of `_xg`; a member of `_xg` stays in its own network), summed per network and signal, or per
 * network, account and signal when `perAccount`.
 */
export async function reactionRows(store: Store, who: string, perAccount: boolean): Promise<ReactionRow[]> {
  const by = perAccount ? 'net, aid, sig' : 'net, sig';
  await store.run('CREATE TEMP TABLE IF NOT EXISTS _xg (aid INTEGER)');
  return store.all<ReactionRow>(`
    WITH ft AS (
      SELECT sig, item, aid, min(t) AS t FROM _touch WHERE sig IN (${REACTION_SIGNALS.join(', ')}) GROUP BY ALL
    ),
    mt AS (
      SELECT w.net, f.sig, f.item, f.aid, f.t, (f.aid IN (SELECT aid FROM _xg)) AS inx
      FROM ft f JOIN ${who} w USING (aid)
    ),
    -- Every reaction to the posts members reacted to, but those of _xg: per post and moment, how many came
    -- then and up to then.
    crowd AS (
      SELECT sig, item, t, c, sum(c) OVER (PARTITION BY sig, item ORDER BY t) AS upto
      FROM (
        SELECT f.sig, f.item, f.t, count(*) AS c FROM ft f SEMI JOIN mt USING (sig, item)
        WHERE f.aid NOT IN (SELECT aid FROM _xg) GROUP BY ALL
      )
    ),
    total AS (SELECT sig, item, sum(c) AS total FROM crowd GROUP BY ALL),
    -- The network's own reactions (not of _xg), to take out of the crowd: up to and at each member's moment.
    own AS (
      SELECT *,
        count(*) FILTER (WHERE NOT inx) OVER (PARTITION BY net, sig, item ORDER BY t) AS own_upto,
        count(*) FILTER (WHERE NOT inx) OVER (PARTITION BY net, sig, item, t) AS own_at,
        count(*) FILTER (WHERE NOT inx) OVER (PARTITION BY net, sig, item) AS own_total
      FROM mt
    ),
    ranked AS (
      SELECT o.net, o.aid, o.sig, o.item, coalesce(tt.total, 0) - o.own_total AS n,
        coalesce(CASE WHEN c.t = o.t THEN c.upto - c.c ELSE c.upto END, 0) - (o.own_upto - o.own_at) AS before,
        coalesce(CASE WHEN c.t = o.t THEN c.c ELSE 0 END, 0) - o.own_at AS tied
      FROM own o LEFT JOIN total tt USING (sig, item)
        ASOF LEFT JOIN crowd c ON c.sig = o.sig AND c.item = o.item AND c.t <= o.t
    ),
    scored AS (
      SELECT net, aid, sig, item, -ln((before + tied / 2 + 0.5) / (n + 1)) AS x,
        ln(n + 1) - (lgamma(n + 1.5) - lgamma(0.5)) / (n + 1) AS mu
      FROM ranked WHERE n >= 1
    )
    SELECT ${by}, sum(x) AS S, sum(mu) AS M, count(*)::DOUBLE AS V, count(*) AS reactions,
      count(DISTINCT item) AS items
    FROM scored GROUP BY ALL ORDER BY ALL`);
}
