// The chance model's tables (docs/method.md, section 3): per network, signal, window and popularity stratum,
// the members' touches, the outside counts of the items, and the sums the expectation and variance of member
// pairs are read from; the second estimate on items only members touched; per member, the same figures.
// SQL only: the tests that judge these figures are in chance.ts. Networks are the temp table `_m(aid, net)`
// (or a view over it); the accounts left out of every reference but their own network's are `_xg(aid)`.

import type { Store } from '../store/index.js';
import { dropTimingPriors } from './_timing.sql.js';
import type { AccountSignalRow } from './chance.js';

/**
 * Which touch tables the model reads: the signals' own windows (t // W), or the same windows shifted by
 * half their length, so that two posts an hour apart that straddle a window edge meet in one of the two.
 */
export interface Alignment {
  at: string;
  g: string;
  act: string;
  /** Per window and popularity stratum, the sums of item counts, their squares and cubes (`prepareWindows`). */
  ss: string;
  /** Per window and count c >= 2, the number of items c accounts touched (`prepareWindows`). */
  fq: string;
  /** Seconds added to a time before it is cut into windows. */
  shift: number;
}
export const ALIGNED: Alignment = { at: '_at', g: '_g', act: '_act', ss: '_gss', fq: '_gfq', shift: 0 };

/**
 * The popularity stratum of an item touched by `n` accounts outside the network (n >= 1): floor(log2 n),
 * so that items seen once, twice or three times, four to seven times, ... are compared with their like.
 */
const STRATUM = (n: string) => `floor(log2((${n}) + 0.5))::INTEGER`;

/** The stratum of the items no outside account touched. */
const NOVEL = -1;

/**
 * The per-window tables of an alignment that do not depend on the networks scored: built once per
 * detection (after the signals for ALIGNED, by buildShiftedWindows for the shifted windows).
 */
export async function prepareWindows(store: Store, al: Alignment): Promise<void> {
  await dropTimingPriors(store, al);
  await store.run(`
    CREATE OR REPLACE TEMP TABLE ${al.ss} AS
      SELECT sig, b, ${STRATUM('n')} AS s, sum(n)::DOUBLE AS S1, sum(n::DOUBLE * n) AS S2, sum(n::DOUBLE * n * n) AS S3,
        (count(*) FILTER (WHERE n = 2))::DOUBLE AS D2
      FROM ${al.g} GROUP BY ALL;
    CREATE OR REPLACE TEMP TABLE ${al.fq} AS
      SELECT sig, b, n AS c, count(*)::DOUBLE AS N FROM ${al.g} WHERE n >= 2 GROUP BY ALL;`);
}

/** Builds `_at_h`, `_g_h`, `_act_h` from the signals' touches with windows shifted by half (`win` per signal). */
export async function buildShiftedWindows(
  store: Store,
  win: (sig: string) => string,
  windowSeconds: number,
): Promise<Alignment> {
  const b = `(t + ${win('sig')} // 2) // ${win('sig')}`;
  await store.run(`
    CREATE OR REPLACE TEMP TABLE _at_h AS
      SELECT sig, item, ${b} AS b, aid, min(t) AS t FROM _touch GROUP BY sig, item, ${b}, aid;
    CREATE OR REPLACE TEMP TABLE _g_h AS SELECT sig, item, b, count(*)::INTEGER AS n FROM _at_h GROUP BY sig, item, b;
    CREATE OR REPLACE TEMP TABLE _act_h AS
      SELECT sig, b, count(DISTINCT aid)::INTEGER AS A, count(*)::BIGINT AS T FROM _at_h GROUP BY sig, b;`);
  const al = {
    at: '_at_h',
    g: '_g_h',
    act: '_act_h',
    ss: '_gss_h',
    fq: '_gfq_h',
    shift: Math.floor(Math.max(1, Math.round(windowSeconds)) / 2),
  };
  await prepareWindows(store, al);
  return al;
}

/**
 * Per network and window where members were active: the number of items only members touched (touched)
 * and the effective number W = 1/q of items that two touches land on together when both are new. Two
 * touches by independent accounts land on the same item that no one else touched with probability about
 * q = 2 N2 / T^2 (Good 1953: a touch is new with probability N1/T, and then lands on a given item seen once
 * with 2 N2 / (N1 T); N1 and N2 are the items one and two outside accounts touched, T their touches). This
 * is not conditioned on how many of a member's touches were new: a network shows exactly as members whose
 * touches keep landing together where no one else's do, so a member of activity k is expected on a given
 * such item with probability k q. A window with few outside touches says little, so its estimate is drawn
 * towards the signal's over all windows, qbar = sum 2 N2 / sum T^2, with the weight of a typical window:
 * q = (2 N2 + c qbar) / (T^2 + c), c the square of the mean T per window; qbar counts one collision more than
 * it saw, so that a signal on which no two accounts ever met by chance does not make any meeting impossible.
 */
const novelStratumSql = (al: Alignment) => `
        WITH g AS (SELECT sig, b, sum(D2) AS N2 FROM ${al.ss} GROUP BY ALL),
        qbar AS (
          SELECT g.sig, least(1, (sum(2 * g.N2) + 1) / (sum(c.T::DOUBLE * c.T) + 1)) AS qbar,
            greatest(pow(avg(c.T), 2), 1) AS c
          FROM g JOIN ${al.act} c USING (sig, b) GROUP BY ALL
        ),
        gx AS (SELECT sig, b, sum((n0 - mx = 2)::DOUBLE - (n0 = 2)::DOUBLE) AS d2 FROM _cxt GROUP BY ALL),
        a AS (
          SELECT net, sig, b, sum(d2) AS d2 FROM (
            SELECT net, sig, b, -(n0 = 2)::DOUBLE AS d2 FROM _cmt
            UNION ALL SELECT net, sig, b, (n - mm = 2)::DOUBLE FROM _cmt
            UNION ALL SELECT w.net, gx.sig, gx.b, gx.d2 FROM gx JOIN _cw w USING (sig, b)
            UNION ALL SELECT net, sig, b, (n0 = 2)::DOUBLE - (n0 - mxg = 2)::DOUBLE FROM _cmt WHERE mxg > 0
          ) GROUP BY ALL
        ),
        nw AS (SELECT net, sig, b, count(*)::DOUBLE AS touched FROM _cmt WHERE s = ${NOVEL} GROUP BY ALL)
        SELECT w.net, w.sig, w.b, coalesce(nw.touched, 0) AS touched,
          greatest(1, (o.t * o.t + qb.c) / (2 * o.n2 + qb.c * qb.qbar)) AS W
        FROM _cw w JOIN qbar qb USING (sig) LEFT JOIN nw USING (net, sig, b) LEFT JOIN g USING (sig, b)
          LEFT JOIN a USING (net, sig, b),
        LATERAL (
          SELECT greatest(w.T - w.K, 0) AS t, greatest(coalesce(g.N2, 0) + coalesce(a.d2, 0), 0) AS n2
        ) o`;

/**
 * The variance of a stratum's member pair count, with each member keeping its number of touches k there (as
 * the model's independent account does). A member's k touches are then negatively correlated (a touch here
 * is one fewer elsewhere), which a sum of independent per-item counts ignores and which removes most of the
 * variance where members touch many of a stratum's items (the oracle in test/networks/oracle.test.ts: three
 * times too large before). Two parts:
 * - the stratum as N equally likely items, N = W^2 / sum n^2 (its effective number of items; exact in the
 *   stratum of items seen once and in NOVEL): two members' shared items are then hypergeometric with
 *   variance k_j k_l (N - k_j)(N - k_l) / (N^2 (N - 1)), and pairs that share a member are uncorrelated, so
 *   the sum over pairs is (G1^2 - G2) / (2 N^2 (N - 1)) with G1, G2 the sums of g = k (N - k) and g^2;
 * - the spread of the items' counts within the stratum (H = sum w^3 - (sum w^2)^2, w = n / W, the variance of
 *   w when an item is drawn in proportion to w): a member that drew heavier items meets every other member
 *   more, which correlates its pairs, adding sum_j k_j (K - k_j)^2 H + sum_(j != l) k_j^2 k_l H = K (K^2 - K2) H.
 */
const varianceSql =
  'greatest((gk.G1 * gk.G1 - gk.G2) / (2 * ww.N * ww.N * greatest(ww.N - 1, 1e-9)), 0) + ww.Ks * (ww.Ks * ww.Ks - ww.Ks2) * ww.H';

/**
 * Builds the chance model's tables for the networks of the temp table `_m(aid, net)`. Per network, signal,
 * window and popularity stratum (`STRATUM` of the outside count n_out): each member's touches there (k,
 * `_cms`; in the stratum NOVEL of items no outside account touched, its whole activity in the window), and
 * the stratum's total outside count W with the sums of squares and cubes of the outside counts of its items
 * no member touched (U2, U3, `_csw`; for NOVEL, W effective items of count one, `novelStratumSql`). Per item
 * a member touched: p = min(1, k n_out / W) for a member of activity k in the item's stratum (n_out = 1 in
 * NOVEL), the members' expected count mu = sum p and p2 = sum p^2 (`_ctp`); per stratum, the observed pairs
 * and their expectation over the touched items (`_ctw`).
 */
export async function buildChanceTables(
  store: Store,
  al: Alignment = ALIGNED,
  members = '_m',
): Promise<void> {
  const item = (c: string, sign: '' | '-') =>
    `${sign}(${c}), ${sign}(${c}) * (${c}), ${sign}(${c}) * (${c}) * (${c})`;
  await store.run(`
    -- The accounts left out of the reference (_xg: the accounts of the networks found, see detect.ts) are left
    -- out of every network's outside population but its own, as if they had not posted. Their touches per
    -- item-window (mx) and per window (Kx) are counted once for all networks (_cxt, _cxw), and so is what
    -- leaving them out does to each window's stratum sums (_cxd); each network then corrects these on the items
    -- its members touched, where its own members among the left-out accounts stay in (mmx).
    CREATE TEMP TABLE IF NOT EXISTS _xg (aid INTEGER);
    CREATE OR REPLACE TEMP TABLE _cmx AS
      SELECT m.aid, m.net, (m.aid IN (SELECT aid FROM _xg)) AS inx FROM ${members} m;
    CREATE OR REPLACE TEMP TABLE _cma AS
      SELECT m.net, x.sig, x.b, x.aid, any_value(m.inx) AS inx, count(*)::DOUBLE AS k
      FROM ${al.at} x JOIN _cmx m USING (aid) GROUP BY m.net, x.sig, x.b, x.aid;
    CREATE OR REPLACE TEMP TABLE _cxt AS
      SELECT x.sig, x.item, x.b, count(*)::DOUBLE AS mx, any_value(g.n)::DOUBLE AS n0
      FROM ${al.at} x JOIN ${al.g} g USING (sig, item, b) WHERE x.aid IN (SELECT aid FROM _xg)
      GROUP BY x.sig, x.item, x.b;
    CREATE OR REPLACE TEMP TABLE _cxw AS SELECT sig, b, sum(mx) AS Kx FROM _cxt GROUP BY ALL;
    CREATE OR REPLACE TEMP TABLE _cxd AS
      SELECT sig, b, s, sum(d1) AS d1, sum(d2) AS d2, sum(d3) AS d3 FROM (
        SELECT sig, b, ${STRATUM('n0')} AS s, ${item('n0', '-')} FROM _cxt
        UNION ALL
        SELECT sig, b, ${STRATUM('n0 - mx')}, ${item('n0 - mx', '')} FROM _cxt WHERE n0 - mx >= 1
      ) t(sig, b, s, d1, d2, d3) GROUP BY ALL;
    -- Items members touched: the members there (mm, mmx of them left out of other networks' references), the
    -- left-out accounts there (mxg), the accounts there before (n0) and once the left-out accounts other than
    -- the network's own are left out (n), and the stratum of the outside count n - mm (NOVEL when only
    -- members touched the item).
    CREATE OR REPLACE TEMP TABLE _cmt AS
      SELECT *, CASE WHEN n > mm THEN ${STRATUM('n - mm')} ELSE ${NOVEL} END AS s FROM (
        SELECT *, n0 - mxg + mmx AS n FROM (
          SELECT m.net, x.sig, x.item, x.b, count(*)::DOUBLE AS mm, count(*) FILTER (WHERE m.inx)::DOUBLE AS mmx,
            coalesce(any_value(t.mx), 0) AS mxg, any_value(g.n)::DOUBLE AS n0
          FROM ${al.at} x JOIN _cmx m USING (aid) JOIN ${al.g} g USING (sig, item, b)
            LEFT JOIN _cxt t USING (sig, item, b)
          GROUP BY m.net, x.sig, x.item, x.b
        )
      );
    -- Per network and window: members active (ma), their touches (K, K2: sum of squares) and all touches (T).
    CREATE OR REPLACE TEMP TABLE _cw AS
      WITH mab AS (
        SELECT net, sig, b, count(*)::DOUBLE AS ma, sum(k) AS K, sum(k * k) AS K2,
          coalesce(sum(k) FILTER (WHERE inx), 0) AS Kmx
        FROM _cma GROUP BY ALL
      )
      SELECT mab.net, mab.sig, mab.b, mab.ma, mab.K, mab.K2, c.T - coalesce(xw.Kx, 0) + mab.Kmx AS T
      FROM mab JOIN ${al.act} c USING (sig, b) LEFT JOIN _cxw xw USING (sig, b);
    -- Each member's touches per stratum; in the stratum of new items, its whole activity in the window.
    CREATE OR REPLACE TEMP TABLE _cms AS
      SELECT m.net, x.sig, x.b, c.s, x.aid, count(*)::DOUBLE AS k
      FROM ${al.at} x JOIN ${members} m USING (aid)
        JOIN _cmt c ON c.net = m.net AND c.sig = x.sig AND c.item = x.item AND c.b = x.b
      WHERE c.s <> ${NOVEL} GROUP BY ALL
      UNION ALL
      SELECT net, sig, b, ${NOVEL}, aid, k FROM _cma;
    -- The window's stratum figures (${al.ss}), less what the items members touched contributed there, plus
    -- what they contribute at their outside counts (to W only: U2, U3 are of the items no member touched),
    -- plus what leaving out the left-out accounts does (_cxd), less its part on the items members touched
    -- (counted in the first two lines).
    CREATE OR REPLACE TEMP TABLE _csw AS
      WITH ks AS (SELECT net, sig, b, s, sum(k) AS Ks, sum(k * k) AS Ks2 FROM _cms GROUP BY ALL),
      adj AS (
        SELECT net, sig, b, ${STRATUM('n0')} AS s, ${item('n0', '-')} FROM _cmt
        UNION ALL
        SELECT net, sig, b, s, n - mm, 0, 0 FROM _cmt WHERE s <> ${NOVEL}
        UNION ALL
        SELECT ks.net, d.sig, d.b, d.s, d.d1, d.d2, d.d3 FROM _cxd d JOIN ks USING (sig, b, s)
        UNION ALL
        SELECT net, sig, b, ${STRATUM('n0')}, ${item('n0', '')} FROM _cmt WHERE mxg > 0
        UNION ALL
        SELECT net, sig, b, ${STRATUM('n0 - mxg')}, ${item('n0 - mxg', '-')} FROM _cmt WHERE mxg > 0 AND n0 - mxg >= 1
      ),
      d AS (
        SELECT net, sig, b, s, sum(d1) AS d1, sum(d2) AS d2, sum(d3) AS d3
        FROM adj t(net, sig, b, s, d1, d2, d3) SEMI JOIN ks USING (net, sig, b, s) GROUP BY ALL
      ),
      novel AS (${novelStratumSql(al)}
      )
      SELECT ks.net, ks.sig, ks.b, ks.s, ks.Ks, ks.Ks2, greatest(coalesce(gs.S1, 0) + coalesce(d.d1, 0), 1) AS W,
        greatest(coalesce(gs.S2, 0) + coalesce(d.d2, 0), 0) AS U2, greatest(coalesce(gs.S3, 0) + coalesce(d.d3, 0), 0) AS U3
      FROM ks LEFT JOIN ${al.ss} gs USING (sig, b, s) LEFT JOIN d USING (net, sig, b, s) WHERE ks.s <> ${NOVEL}
      UNION ALL
      SELECT ks.net, ks.sig, ks.b, ks.s, ks.Ks, ks.Ks2, v.W, greatest(v.W - v.touched, 0), greatest(v.W - v.touched, 0)
      FROM ks JOIN novel v USING (net, sig, b) WHERE ks.s = ${NOVEL};
    -- Items members touched, with members grouped by their activity in the item's stratum, so the cost is
    -- (distinct activity levels x items), not (members x items).
    CREATE OR REPLACE TEMP TABLE _ctp AS
      WITH mk AS (SELECT net, sig, b, s, k, count(*)::DOUBLE AS cnt FROM _cms GROUP BY ALL),
      ti AS (
        SELECT mt.net, mt.sig, mt.b, mt.s, mt.item, mt.mm, mt.n,
          CASE WHEN mt.s = ${NOVEL} THEN 1 ELSE mt.n - mt.mm END / w.W AS r
        FROM _cmt mt JOIN _csw w USING (net, sig, b, s)
      )
      SELECT ti.net, ti.sig, ti.b, ti.s, ti.item, any_value(ti.mm) AS mm, any_value(ti.n) AS n, any_value(ti.r) AS r,
        sum(mk.cnt * least(1, mk.k * ti.r)) AS mu, sum(mk.cnt * pow(least(1, mk.k * ti.r), 2)) AS p2
      FROM ti JOIN mk USING (net, sig, b, s) GROUP BY ALL;
    -- Per stratum: the observed pairs, their expectation over the touched items (Et) and the variance of the
    -- pair count over all the stratum's items (Vs, see varianceSql).
    CREATE OR REPLACE TEMP TABLE _ctw AS
      WITH touched AS (
        SELECT net, sig, b, s, sum(mm * (mm - 1) / 2) AS O, sum((mu * mu - p2) / 2) AS Et,
          sum(nn * nn) AS T2, sum(nn * nn * nn) AS T3
        FROM _ctp, LATERAL (SELECT CASE WHEN s = ${NOVEL} THEN 1 ELSE n - mm END AS nn)
        GROUP BY ALL
      ),
      ww AS (
        SELECT w.*, coalesce(t.O, 0) AS O, coalesce(t.Et, 0) AS Et,
          greatest(w.W * w.W / greatest(w.U2 + coalesce(t.T2, 0), 1e-12), 1) AS N,
          greatest((w.U3 + coalesce(t.T3, 0)) / (w.W * w.W * w.W) - pow((w.U2 + coalesce(t.T2, 0)) / (w.W * w.W), 2), 0) AS H
        FROM _csw w LEFT JOIN touched t USING (net, sig, b, s)
      ),
      gk AS (
        SELECT net, sig, b, s, sum(cnt * g) AS G1, sum(cnt * g * g) AS G2
        FROM (SELECT net, sig, b, s, k, count(*)::DOUBLE AS cnt FROM _cms GROUP BY ALL) mk JOIN ww USING (net, sig, b, s),
        LATERAL (SELECT greatest(k * (ww.N - k), 0) AS g)
        GROUP BY ALL
      )
      SELECT ww.net, ww.sig, ww.b, ww.s, ww.O, ww.Et, ${varianceSql} AS Vs, ww.Ks, ww.Ks2, ww.W, ww.U2
      FROM ww JOIN gk USING (net, sig, b, s);
  `);
}

/**
 * Per network of the temp table `_m(aid, net)` and signal, on all items: the member pairs sharing an
 * item-window (O), their expectation (E) and variance (V) under the model, before any test.
 */
export async function pairCounts(
  store: Store,
): Promise<Array<{ net: number; sig: number; O: number; E: number; V: number }>> {
  await buildChanceTables(store);
  return store.all(`
    SELECT net, sig, sum(O) AS O, sum(Et + (Ks * Ks - Ks2) / 2 * U2 / (W * W)) AS E, sum(Vs) AS V
    FROM _ctw GROUP BY ALL ORDER BY net, sig`);
}

/**
 * CTEs `w(net, sig, b, K, K2, T, cmax)`, the windows where members of the networks of `_cw` were active,
 * and `freq(net, sig, b, c, N)`, the number N of items touched by c accounts in each of them, for
 * 2 <= c <= cmax (after leaving out the accounts of `_x`, as the outside population does). `limits` names
 * an earlier CTE with `(net, sig, b, cmax)`: the accounts that could make an item unshared (an item that
 * more accounts touched cannot be), which keeps the join small.
 */
const itemCountsSql = (al: Alignment, limits: string) => `
    w AS (
      SELECT c.net, c.sig, c.b, c.K, c.K2, c.T, l.cmax
      FROM _cw c JOIN ${limits} l USING (net, sig, b) WHERE c.T > 0 AND c.K > 0 AND l.cmax >= 2
    ),
    gx AS (
      SELECT sig, b, c, sum(N) AS N FROM (
        SELECT sig, b, n0 AS c, -1.0 AS N FROM _cxt WHERE n0 >= 2
        UNION ALL
        SELECT sig, b, n0 - mx, 1.0 FROM _cxt WHERE n0 - mx >= 2
      ) GROUP BY ALL
    ),
    adj AS (
      SELECT w.net, gx.sig, gx.b, gx.c, gx.N FROM gx JOIN w USING (sig, b)
      UNION ALL
      SELECT net, sig, b, n0 - mxg, -1.0 FROM _cmt WHERE mmx > 0 AND n0 - mxg >= 2
      UNION ALL
      SELECT net, sig, b, n, 1.0 FROM _cmt WHERE mmx > 0 AND n >= 2
    ),
    freq AS (
      SELECT w.net, w.sig, w.b, f.c, f.N FROM w JOIN ${al.fq} f ON f.sig = w.sig AND f.b = w.b AND f.c <= w.cmax
      UNION ALL
      SELECT a.net, a.sig, a.b, a.c, a.N FROM adj a JOIN w USING (net, sig, b) WHERE a.c <= w.cmax
    )`;

/**
 * A second estimate of the chance of the item-windows that only a network's members touched (O: member
 * pairs there). The model above takes it from the outside accounts' own coincidences, which overstate it
 * where those accounts keep meeting (reposts of a few viral posts; an outside population that is itself
 * coordinated). Here it comes from a two-sample argument instead: if the
 * members drew as independently as everyone else, an item touched by c accounts in a window would be
 * touched by members only with probability about pi^c, pi being the members' share of the window's
 * touches (distinct members: (K^2 - K2)/T^2 for the first two). With N_c the window's items touched by c
 * accounts, E = sum over windows and c of C(c, 2) (K^2 - K2)/T^2 pi^(c - 2) N_c; the variance is the same
 * sum with C(c, 2)^2. This is exact in expectation when members and outside accounts draw from one item
 * distribution (Good 1953 uses the same identity for unseen species), whatever that distribution is.
 * Judged as the test on all items (normal z, with this variance that counts each item's pairs as one
 * event), its tail doubled for the second test.
 */
export async function unsharedItems(store: Store): Promise<Omit<AccountSignalRow, 'aid'>[]> {
  return store.all<Omit<AccountSignalRow, 'aid'>>(`
    WITH lim AS (SELECT net, sig, b, ma AS cmax FROM _cw),
    ${itemCountsSql(ALIGNED, 'lim')},
    e AS (
      SELECT w.net, w.sig, sum(pairs * f.N) AS E, sum(pairs * f.c * (f.c - 1) / 2 * f.N) AS V
      FROM freq f JOIN w USING (net, sig, b),
      LATERAL (SELECT f.c * (f.c - 1) / 2 * (w.K * w.K - w.K2) / (w.T * w.T) * pow(w.K / w.T, f.c - 2) AS pairs)
      GROUP BY ALL
    ),
    o AS (SELECT net, sig, sum(mm * (mm - 1) / 2) AS O, count(*) AS G FROM _cmt WHERE mm >= 2 AND n = mm GROUP BY ALL)
    SELECT e.net, e.sig, coalesce(o.O, 0) AS O, e.E, e.V, coalesce(o.G, 0) AS G FROM e LEFT JOIN o USING (net, sig)`);
}

/**
 * Per account of `table(aid, net)`, the distinct windows (of poolSeconds, by the time of its touch) in
 * which it met at least `others` members of the network `_cmt` describes, on any signal: one coordinated
 * post that shares a link, its domain, a tag and its words with another member's is one meeting here.
 */
export async function pooledMeetings(
  store: Store,
  al: Alignment,
  table: string,
  others: 1 | 2,
  poolSeconds: number,
): Promise<Map<string, number>> {
  const W = Math.max(1, Math.round(poolSeconds));
  const rows = await store.all<{ net: number; aid: number; G: bigint }>(`
    SELECT p.net, x.aid, count(DISTINCT (x.t + ${al.shift}) // ${W}) AS G
    FROM ${al.at} x JOIN ${table} p USING (aid) JOIN _cmt c ON c.net = p.net AND c.sig = x.sig AND c.item = x.item AND c.b = x.b
    WHERE c.mm >= ${others} GROUP BY ALL`);
  return new Map(rows.map((r) => [`${r.net}:${r.aid}`, Number(r.G)]));
}

/**
 * Per account of `who(aid, net)` and signal, its co-activity with the group `_m` on the item-windows that
 * no account outside the context `context(aid, net)` (the group and the accounts tested with it) touched,
 * and its expectation under the two-sample argument of `unsharedItems`: an account of activity k touches an
 * item of c accounts whose others are all of the context with probability about c (k/T) ((Kc - k)/T)^(c-1),
 * and (c - 1) Kg/(Kc - k) of those are of the group (Kc, Kg: the context's and the group's touches in the
 * window, the account's own left out of Kg when it is of the group). O counts the group members met there.
 */
export async function unsharedRows(
  store: Store,
  al: Alignment,
  who: string,
  inGroup: boolean,
  context: string,
): Promise<AccountSignalRow[]> {
  const own = inGroup ? 1 : 0;
  return store.all<AccountSignalRow>(`
    WITH hk AS (
      SELECT h.net, x.sig, x.b, count(*)::DOUBLE AS Kc, count(DISTINCT x.aid) AS cmax
      FROM ${al.at} x JOIN ${context} h USING (aid) GROUP BY ALL
    ),
    ${itemCountsSql(al, 'hk')},
    wa AS (SELECT p.net, x.sig, x.b, x.aid, count(*)::DOUBLE AS k FROM ${al.at} x JOIN ${who} p USING (aid) GROUP BY ALL),
    lvl AS (
      SELECT w.net, w.sig, w.b, mk.k, sum(f.N * f.c * (f.c - 1) * q) AS E,
        sum(f.N * f.c * (f.c - 1) * (f.c - 1) * q) AS V,
        sum(f.N * f.c * mk.k / w.T * pow(s, f.c - 1) * least(1, (f.c - 1) * g / greatest(s, 1e-12))) AS M
      FROM (SELECT DISTINCT net, sig, b, k FROM wa) mk JOIN w USING (net, sig, b) JOIN hk USING (net, sig, b)
        JOIN freq f USING (net, sig, b),
      LATERAL (
        SELECT least(greatest(hk.Kc - mk.k, 0) / w.T, 1) AS s, greatest(w.K - ${own} * mk.k, 0) / w.T AS g
      ),
      LATERAL (SELECT mk.k / w.T * g * pow(s, f.c - 2) AS q)
      GROUP BY ALL
    ),
    -- The item-windows no account outside the context touched (the group's own, when it is the context).
    un AS (${
      context === who
        ? `SELECT net, sig, item, b, mm FROM _cmt WHERE n = mm AND mm >= ${own + 1}`
        : `SELECT c.net, c.sig, c.item, c.b, c.mm
          FROM _cmt c JOIN (
            SELECT h.net, x.sig, x.item, x.b, count(*) AS h FROM ${al.at} x JOIN ${context} h USING (aid) GROUP BY ALL
          ) hc USING (net, sig, item, b)
          WHERE c.n = hc.h AND c.mm >= ${own + 1}`
    }),
    obs AS (
      SELECT p.net, x.aid, x.sig, sum(u.mm - ${own}) AS O, count(*) AS G
      FROM ${al.at} x JOIN ${who} p USING (aid)
        JOIN un u ON u.net = p.net AND u.sig = x.sig AND u.item = x.item AND u.b = x.b
      GROUP BY ALL
    ),
    items AS (
      SELECT a.net, a.aid, a.sig, sum(l.E) AS E, sum(l.V) AS V, sum(l.M) AS M
      FROM wa a JOIN lvl l USING (net, sig, b, k) GROUP BY ALL
    )
    SELECT i.net, i.aid, i.sig, coalesce(o.O, 0) AS O, i.E, i.V, coalesce(o.G, 0) AS G, i.M
    FROM items i LEFT JOIN obs o USING (net, aid, sig)`);
}

/**
 * Each member's own co-activity with the rest of its network (`members(aid, net)`), signal by signal, from the
 * tables of `buildChanceTables`: observed pairs it is part of (over its items, the other members there) and
 * their expectation p_a (mu - p_a) per item, with its variance.
 */
export async function memberRows(store: Store, al: Alignment, members: string): Promise<AccountSignalRow[]> {
  return store.all<AccountSignalRow>(`
    -- Expectations depend on a member only through its activity k in the stratum, so they are computed per
    -- activity level (few) and items, not per member and items.
    WITH lvl AS (
      SELECT t.net, t.sig, t.b, t.s, mk.k, sum(pp * (t.mu - pp)) AS E,
        sum(pp * ((t.mu - t.p2) - pp * (1 - pp) + (t.mu - pp) * (t.mu - pp)) - pp * pp * (t.mu - pp) * (t.mu - pp)) AS V
      FROM (SELECT DISTINCT net, sig, b, s, k FROM _cms) mk
      JOIN _ctp t USING (net, sig, b, s),
      LATERAL (SELECT least(1, mk.k * t.r) AS pp)
      GROUP BY ALL
    ),
    obs AS (
      SELECT m.net, x.aid, x.sig, sum(c.mm - 1) AS O, count(*) FILTER (WHERE c.mm >= 2) AS G
      FROM ${al.at} x JOIN ${members} m USING (aid) JOIN _cmt c ON c.net = m.net AND c.sig = x.sig AND c.item = x.item AND c.b = x.b
      GROUP BY ALL
    ),
    items AS (
      SELECT a.net, a.aid, a.sig, sum(coalesce(l.E, 0)) AS E, sum(coalesce(l.V, 0)) AS V,
        sum(a.k * (w.Ks - a.k) * w.U2 / (w.W * w.W)) AS Er
      FROM _cms a JOIN _csw w USING (net, sig, b, s) LEFT JOIN lvl l USING (net, sig, b, s, k)
      GROUP BY ALL
    )
    SELECT i.net, i.aid, i.sig, coalesce(o.O, 0) AS O, i.E + i.Er AS E, i.V + i.Er AS V, coalesce(o.G, 0) AS G
    FROM items i LEFT JOIN obs o USING (net, aid, sig)`);
}
