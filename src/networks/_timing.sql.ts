// The timing test's SQL: of the items members touched that the crowd touched too, did members touch them
// more in step with each other than the crowd's own touches of those items were? Per network (member
// pairs in step, `timingNetworkRows`) and per account (windows in step with enough partners,
// `timingRows`); both are judged in chance.ts (`scoreInStep`). docs/method.md, section 3, gives the method.
import { signalCode } from '../signals/_common.js';
import type { Store } from '../store/index.js';
import { poissonBinomialUpperTail } from './_poisson.js';
import type { AccountSignalRow, Alignment, Timing } from './chance.js';

/**
 * The timing test, as CTEs ending in `o(net, sig, item, b, aid, O, m, P)` (and, per account, `ti`): per
 * account of `who(aid, net)` and item-window it shares with accounts of `partners(aid, net)` (m of them,
 * itself not counted) where at least two outside accounts also touched the item, how many of those
 * partners touched it in step with it (O: in the same or an adjacent bin of `syncSeconds`), and the chance
 * P that two touches of that item in that window are in step, from the outside accounts' own touches there
 * (the crowd's timing): P = (S + 9 P0) / (n (n - 1) + 9), S the ordered pairs of outside touches in step,
 * n the outside touches, P0 what two times drawn uniformly over the window would give (the prior: three
 * touches timed uniformly). The other tests ask which items members picked in a window; this one asks, of
 * the items they picked, whether they came to them more in step than the crowd did. Accounts that repost
 * what everyone reposts, within seconds of each other every time, pass the first and fail this one; a
 * tweetstorm, all of whose posters keep one schedule, does not: the crowd is as much in step as any part of
 * it. Items no outside account touched are left to the unshared-items test (there is no crowd to time them
 * by). Outside accounts are those of neither `who`, `partners` nor the accounts left out of the reference (`_xg`). The cost is
 * linear in the touches (counted per bin, never paired).
 */
const timingSql = (
  al: Alignment,
  who: string,
  partners: string,
  t: Timing,
  /** Whether to add the per-account tails (`ti`), which only the per-account test reads. */
  perAccount: boolean,
  /** The answers' typical in-step rates (`answerTimingPrior`). */
  prior: string,
) => {
  const d = Math.max(1, Math.round(t.syncSeconds));
  const bins = Math.max(1, Math.round(t.windowSeconds) / d);
  const p0 = Math.min(1, (3 * bins - 2) / (bins * bins));
  // The prior: three touches timed uniformly over the window (a crowd of a few says little of its timing).
  const a = 3;
  const own = who === partners ? 1 : 0;
  const others = own ? '' : `ANTI JOIN ${who} q ON q.aid = x.aid AND q.net = tg.net`;
  const same = (x: string, y: string) =>
    `${x}.net = ${y}.net AND ${x}.sig = ${y}.sig AND ${x}.item = ${y}.item AND ${x}.b = ${y}.b`;
  // Per item-window: N(f), the partners within a bin of bin f, and q_v, the chance that an account timed
  // like the crowd is in step with at least v of them: the crowd's share of touches in bins with N(f) >= v
  // (the prior: the share of the window those bins cover). An account's window counts when it was in step
  // with at least `thr` partners, the fewest the crowd reaches with chance at most TIMING_LEVEL; the chance
  // of that is p, the largest such q. Computed once per item-window, not per account: a member's own touch
  // stays among the partners in N (one more partner near its own bin than it would have, so the levels
  // are a little harder to reach, never easier).
  const inStepTail = `,
    nb AS (SELECT net, sig, item, b, f + k AS f, sum(c) AS N FROM pb, (VALUES (-1), (0), (1)) v(k) GROUP BY ALL),
    lv AS (
      SELECT nb.net, nb.sig, nb.item, nb.b, nb.N AS v, sum(coalesce(ob.c, 0)) AS c, count(*) AS k
      FROM nb LEFT JOIN ob ON ${same('ob', 'nb')} AND ob.f = nb.f
      GROUP BY ALL
    ),
    lq AS (
      SELECT lv.net, lv.sig, lv.item, lv.b, lv.v,
        (sum(lv.c) OVER w + ${a} * least(1, sum(lv.k) OVER w / ${bins})) / (pr.n + ${a}) AS q
      FROM lv JOIN pr USING (net, sig, item, b)
      WINDOW w AS (PARTITION BY lv.net, lv.sig, lv.item, lv.b ORDER BY lv.v DESC ROWS UNBOUNDED PRECEDING)
    ),
    lt AS (
      SELECT net, sig, item, b, 1 + coalesce(max(v) FILTER (WHERE q > ${TIMING_LEVEL}), 0) AS thr,
        coalesce(max(q) FILTER (WHERE q <= ${TIMING_LEVEL}), 0) AS p
      FROM lq GROUP BY ALL
    ),
    ti AS (
      SELECT o.net, o.sig, o.item, o.b, o.aid, o.O >= lt.thr AND lt.p > 0 AS hit, lt.p
      FROM o JOIN lt USING (net, sig, item, b)
    )`;
  return `
    tg AS (SELECT DISTINCT p.net, x.sig, x.item, x.b FROM ${al.at} x JOIN ${partners} p USING (aid)),
    -- The answers' prior per network: the typical in-step rates over the posts its accounts did not answer.
    tp AS (
      SELECT g.net, g.sig,
        CASE WHEN s.C > coalesce(x.C, 0) THEN (s.SP - coalesce(x.SP, 0)) / (s.C - coalesce(x.C, 0)) END AS P,
        CASE WHEN s.C3 > coalesce(x.C3, 0) THEN (s.SP3 - coalesce(x.SP3, 0)) / (s.C3 - coalesce(x.C3, 0)) END AS P3
      FROM (SELECT DISTINCT net, sig FROM tg) g JOIN ${prior} s USING (sig)
        LEFT JOIN (
          SELECT tg.net, tg.sig, sum(i.P) AS SP, count(i.P) AS C, sum(i.P3) AS SP3, count(i.P3) AS C3
          FROM tg JOIN ${prior}_i i USING (sig, item, b) GROUP BY ALL
        ) x USING (net, sig)
    ),
    ob AS (
      SELECT tg.net, x.sig, x.item, x.b, x.t // ${d} AS f, count(*)::DOUBLE AS c
      FROM ${al.at} x JOIN tg USING (sig, item, b)
        ANTI JOIN ${partners} p ON p.aid = x.aid AND p.net = tg.net
        ANTI JOIN _xg e ON e.aid = x.aid
        ${others}
      GROUP BY ALL
    ),
    obn AS (SELECT net, sig, item, b, sum(c) AS n FROM ob GROUP BY ALL),
    nf AS (
      SELECT a.net, a.sig, a.item, a.b, a.f, any_value(a.c) AS c, sum(z.c) AS N
      FROM ob a JOIN ob z ON ${same('a', 'z')} AND z.f BETWEEN a.f - 1 AND a.f + 1
      GROUP BY ALL
    ),
    pq AS (
      SELECT net, sig, item, b, sum(c * (N - 1)) AS S, sum(c * (N - 1) * (N - 2)) AS S3
      FROM nf GROUP BY ALL
    ),
    pr AS (
      SELECT tg.net, tg.sig, tg.item, tg.b, cn.n,
        (coalesce(pq.S, 0) + ${a * a} * pp.P) / (cn.n * (cn.n - 1) + ${a * a}) AS P,
        (coalesce(pq.S3, 0) + ${a * a * a} * pp.P3) / (cn.n * (cn.n - 1) * (cn.n - 2) + ${a * a * a}) AS P3
      FROM tg LEFT JOIN obn USING (net, sig, item, b) LEFT JOIN pq USING (net, sig, item, b)
        LEFT JOIN tp ON tp.net = tg.net AND tp.sig = tg.sig,
      LATERAL (SELECT coalesce(obn.n, 0) AS n) cn,
      LATERAL (SELECT coalesce(tp.P, ${p0}) AS P, coalesce(tp.P3, ${p0 * p0}) AS P3) pp
      WHERE cn.n >= 2 OR (tp.sig IS NOT NULL AND ${!perAccount})
    ),
    pb AS (
      SELECT p.net, x.sig, x.item, x.b, x.t // ${d} AS f, count(*)::DOUBLE AS c
      FROM ${al.at} x JOIN ${partners} p USING (aid) SEMI JOIN pr ON pr.net = p.net AND pr.sig = x.sig AND pr.item = x.item AND pr.b = x.b
      GROUP BY ALL
    ),
    pn AS (SELECT net, sig, item, b, sum(c) AS mm FROM pb GROUP BY ALL),
    wb AS (
      SELECT w.net, x.sig, x.item, x.b, x.aid, x.t // ${d} AS f
      FROM ${al.at} x JOIN ${who} w USING (aid) SEMI JOIN pr ON pr.net = w.net AND pr.sig = x.sig AND pr.item = x.item AND pr.b = x.b
    ),
    o AS (
      SELECT wb.net, wb.sig, wb.item, wb.b, wb.aid, coalesce(sum(pb.c), 0) - ${own} AS O,
        any_value(pn.mm) - ${own} AS m, any_value(pr.P) AS P, any_value(pr.P3) AS P3
      FROM wb JOIN pr USING (net, sig, item, b) JOIN pn USING (net, sig, item, b)
        LEFT JOIN pb ON ${same('pb', 'wb')} AND pb.f BETWEEN wb.f - 1 AND wb.f + 1
      GROUP BY ALL
      HAVING any_value(pn.mm) - ${own} >= 1
    )${perAccount ? inStepTail : ''}`;
};

/**
 * Per account of `who` and signal, the windows where it touched an item in step with enough of `partners`
 * (`timingSql`, `ti`), against the chance of that with its own time drawn like the crowd's and the
 * partners' times as they were. Windows, not partners, are counted: one burst puts a bystander who posted
 * then in step with many members at once, and a count of partners would make a few lucky moments look like
 * many. Enough partners is as many as the crowd rarely is in step with (q at most TIMING_LEVEL): at least
 * one, when the partners keep together, and more in a community whose other members answer the same posts
 * at their own times (a brigade grouped with part of the crowd it answers), where being in step with one
 * of them is common. A post touches several items (two tags), so a window's chance is the sum over its
 * items (at most 1). `tail` is the exact Poisson-binomial tail of the windows in step; E their expected
 * number.
 */
export async function timingRows(
  store: Store,
  al: Alignment,
  who: string,
  partners: string,
  t: Timing,
): Promise<AccountSignalRow[]> {
  const prior = await answerTimingPrior(store, al, t);
  const rows = await store.all<{ net: number; aid: number; sig: number; hit: boolean; p: number }>(`
    WITH ${timingSql(al, who, partners, t, true, prior)}
    SELECT net, aid, sig, b, bool_or(hit) AS hit, least(1, sum(p)) AS p FROM ti GROUP BY ALL
    ORDER BY net, aid, sig, b`);
  const byAccount = new Map<string, { net: number; aid: number; sig: number; hits: number; p: number[] }>();
  for (const r of rows) {
    const key = `${r.net}:${r.aid}:${r.sig}`;
    const a = byAccount.get(key) ?? {
      net: Number(r.net),
      aid: Number(r.aid),
      sig: Number(r.sig),
      hits: 0,
      p: [],
    };
    byAccount.set(key, a);
    a.hits += r.hit ? 1 : 0;
    a.p.push(Number(r.p));
  }
  return [...byAccount.values()].map(({ net, aid, sig, hits, p }) => {
    const E = p.reduce((sum, x) => sum + x, 0);
    return {
      net,
      aid,
      sig,
      O: hits,
      E,
      V: p.reduce((sum, x) => sum + x * (1 - x), 0),
      G: BigInt(hits),
      tail: poissonBinomialUpperTail(hits, p),
    };
  });
}

/**
 * The per-window level of the account timing test: a window counts as in step when the account was in step
 * with as many partners as an account timed like the crowd would reach with chance at most this. A
 * conventional level; the count over windows then carries the evidence.
 */
const TIMING_LEVEL = 0.05;

/**
 * The timing test of every network of `_m` and signal: member pairs in step, against C(mm, 2) P per
 * item-window, with variance C(mm, 2) P (1 - P) + mm (mm - 1) (mm - 2) (P3 - P^2) (pairs that share a member move
 * together: P3, the chance that two touches are both in step with a third, comes from the crowd as P does); per
 * window, as for an account, the item with the most pairs in step against the sum of the expectations, since
 * one post touches several items (two tags, a link and its site) at one time. A repost or reply touches one
 * item, the post it answers, so for those the pairs in step are summed over the window's posts: under
 * independence the times on two posts are independent. (Taking the largest made a ring of 250 that reposts
 * its seeds' several posts a window within minutes look no more in step than 1.9 times a typical post's
 * answers, gen_io 1M seed 47474.)
 */
export async function timingNetworkRows(
  store: Store,
  t: Timing,
  al: Alignment,
): Promise<Omit<AccountSignalRow, 'aid'>[]> {
  const prior = await answerTimingPrior(store, al, t);
  return store.all<Omit<AccountSignalRow, 'aid'>>(`
    WITH ${timingSql(al, '_m', '_m', t, false, prior)},
    i AS (
      SELECT net, sig, item, b, sum(O) / 2 AS O, count(*) AS mm, any_value(P) AS P, any_value(P3) AS P3
      FROM o GROUP BY ALL
    ),
    iw AS (
      SELECT net, sig, b, CASE WHEN sig IN (${ANSWERS}) THEN sum(O) ELSE max(O) END AS O, sum(mm * (mm - 1) / 2 * P) AS E,
        sum(mm * (mm - 1) / 2 * P * (1 - P) + mm * (mm - 1) * (mm - 2) * greatest(0, P3 - P * P)) AS V
      FROM i GROUP BY net, sig, b
    )
    SELECT net, sig, sum(O) AS O, sum(E) AS E, sum(V) AS V, count(*) FILTER (WHERE O >= 1) AS G
    FROM iw GROUP BY ALL`);
}

/**
 * The prior of the timing test for reposts and replies: per signal, the chance that two answers to one post in
 * one window are in step (P), and that two are both in step with a third (P3), on a typical post, that is
 * averaged over the item-windows that at least two (three) accounts answered, but those the network's own
 * accounts answered (per post in `<name>_i`, summed in `<name>`; `timingSql` takes the network's posts out). A repost or reply answers a
 * post, so independent answers are timed by the post's reaction profile, and a post that no outside account
 * answered, or one, has none of its own: its answers are timed like a typical post's. With this prior the
 * network test also times the answers to posts only members answered (a ring reposting its seed accounts
 * within minutes, when no one else reposts them), which the followings null leaves to timing alone. Other
 * signals have no such stimulus and keep the uniform prior. Built once per alignment and bin width.
 */
async function answerTimingPrior(store: Store, al: Alignment, t: Timing): Promise<string> {
  const d = Math.max(1, Math.round(t.syncSeconds));
  const name = `${PRIOR_PREFIX}${al.at}_${d}`;
  await store.run(`
    CREATE TEMP TABLE IF NOT EXISTS ${name}_i AS
      WITH c AS (SELECT sig, item, b, t // ${d} AS f, count(*)::DOUBLE AS c FROM ${al.at} WHERE sig IN (${ANSWERS}) GROUP BY ALL),
      nf AS (
        SELECT a.sig, a.item, a.b, a.f, any_value(a.c) AS c, sum(z.c) AS N
        FROM c a JOIN c z ON a.sig = z.sig AND a.item = z.item AND a.b = z.b AND z.f BETWEEN a.f - 1 AND a.f + 1
        GROUP BY ALL
      )
      SELECT sig, item, b, sum(c * (N - 1)) / (sum(c) * (sum(c) - 1)) AS P,
        CASE WHEN sum(c) >= 3 THEN sum(c * (N - 1) * (N - 2)) / (sum(c) * (sum(c) - 1) * (sum(c) - 2)) END AS P3
      FROM nf GROUP BY ALL HAVING sum(c) >= 2;
    CREATE TEMP TABLE IF NOT EXISTS ${name} AS
      SELECT sig, sum(P) AS SP, count(P) AS C, sum(P3) AS SP3, count(P3) AS C3 FROM ${name}_i GROUP BY sig;`);
  return name;
}

const PRIOR_PREFIX = '_tprior';

/** The signals whose items are posts answered (reposts and replies), as an SQL list of their codes. */
const ANSWERS = `${signalCode('corepost')}, ${signalCode('coreply')}`;

/** Drops the timing priors of an alignment's touches (`answerTimingPrior`), when its windows are rebuilt. */
export async function dropTimingPriors(store: Store, al: Alignment): Promise<void> {
  const stale = await store.all<{ name: string }>(
    `SELECT table_name AS name FROM duckdb_tables() WHERE temporary AND starts_with(table_name, '${PRIOR_PREFIX}${al.at}_')`,
  );
  for (const { name } of stale) await store.run(`DROP TABLE IF EXISTS ${name}`);
}
