// The chance model: how much of a network's co-activity would independent accounts produce? Per signal
// and time window, the items are sorted into popularity strata by how many accounts outside the network
// touched them (one, two or three, four to seven, ...). Within a stratum, a member's touches there are
// dealt over its items in proportion to their outside counts, so a member of activity k in the stratum
// touches an item of outside count n with p = min(1, k n / W), W the stratum's total outside count: the
// model asks whether members that picked items of the same popularity picked the same ones, not whether
// they picked popular items (a protest's slogans, posted by hundreds, sit in a stratum of five items, so
// protesters meeting on them are expected; a flood's templates, which few outside it post, sit among
// thousands of one-off items, so its meetings there are not). Items no outside account touched form one
// more stratum, whose chance of two touches meeting comes from the outside accounts' own coincidences
// (Good 1953). The members on one item are then close to Poisson with mean mu = sum p, so the expected
// number of member pairs on it is (mu^2 - sum p^2)/2, with a normal approximation to its variance. Summed
// over items, strata and windows this gives E for the observed count O of member pairs sharing an item in
// a window. Per signal, z = (O - E) / sqrt(Var) and O/E must both clear their levels; docs/method.md gives
// the derivation and its limits. Two further tests per signal share these tables and the scoring: items
// only members touched (here) and timing (its SQL in _timing.sql.ts). Past the house's 400 lines because
// the three tests and the member, core and probe scores built on them read the same temp tables.

import { ANALYZE_DEFAULTS } from '../settings/index.js';
import { SIGNALS, type SignalName } from '../signals/index.js';
import type { Store } from '../store/index.js';
import { gammaUpperTail, normalUpperTail, poissonUpperTail, zFromUpperTail } from './_poisson.js';
import { type ReactionRow, reactionRows } from './_reaction.sql.js';
import { timingNetworkRows, timingRows } from './_timing.sql.js';

/**
 * The network's and each member's levels (z, ratio, item-windows) and the timing test's bins (syncSeconds;
 * 0 turns it off, see `_timing.sql.ts`), declared with their reasons in src/settings.
 */
export const CHANCE_DEFAULTS = { ...ANALYZE_DEFAULTS.chance };
export type ChanceOptions = typeof CHANCE_DEFAULTS;

export interface SignalChance {
  /** Member pairs sharing an item in a window, and the count independent accounts would give. */
  observed: number;
  expected: number;
  zScore: number;
  ratio: number;
  /** Distinct item-windows where at least two members met. */
  groups: number;
  /** Beyond chance on all items, or on the items no outside account touched (`unshared`). */
  beyondChance: boolean;
  /**
   * Which test makes it so: all items first, else the unshared items, else timing, else reaction times; null
   * when none does.
   */
  test?: 'all' | 'unshared' | 'timing' | 'reaction' | null;
  /** The same test on the item-windows that only members touched (see `unsharedItems`). */
  unshared?: UnsharedChance;
  /** Member pairs in step on items the crowd also touched, against the crowd's own timing (`_timing.sql.ts`). */
  timing?: UnsharedChance;
  /**
   * Reposts and replies ahead of each post's own crowd (`_reaction.sql.ts`): observed and expected are the
   * sum of -ln(rank) and its expectation, groups the posts.
   */
  reaction?: UnsharedChance;
}

/** The figures a signal is reported by: those of the test that binds it (all items when neither does). */
export const headlineTest = (s: SignalChance): UnsharedChance =>
  (s.test === 'unshared' && s.unshared) ||
  (s.test === 'timing' && s.timing) ||
  (s.test === 'reaction' && s.reaction) ||
  s;

/** The headline figures of the strongest of `signals` (beyond chance first, then by z), if any. */
export const strongest = (signals: SignalChance[]): Pick<SignalChance, 'zScore' | 'ratio'> | undefined =>
  signals.map((s) => ({ ...headlineTest(s), beyondChance: s.beyondChance })).sort(stronger)[0];

/** Co-activity on part of the items (only members', or in step) against chance, as a second test. */
export interface UnsharedChance {
  observed: number;
  expected: number;
  zScore: number;
  ratio: number;
  groups: number;
  beyondChance: boolean;
}

export interface ChanceResult {
  /** The strongest signal's figures (the network stands or falls by the signals that bind it). */
  zScore: number;
  ratio: number;
  observed: number;
  expected: number;
  /** Signals whose co-activity is beyond chance on their own. */
  binding: SignalName[];
  perSignal: Partial<Record<SignalName, SignalChance>>;
}

export interface MemberChance {
  zScore: number;
  ratio: number;
  /** The member's strongest signal, or 'pooled' when it stands on its signals taken together. */
  signal: SignalName | 'pooled' | null;
  beyondChance: boolean;
}

/**
 * The signals' own windows judge every account as they would alone. A look in other windows is a second
 * chance, so its tests must clear the level with their tails multiplied by the number of looks: with
 * two looks, a member test (a screen before the core, probe and network tests) errs at most 1.5 times
 * as often.
 */
const lookTailFactor = (al: Alignment, alignments: Alignment[]) =>
  al === alignments[0] ? 1 : alignments.length;

/** Up to this many item-windows a member's score is an exact Poisson tail rather than a normal z. */
export const SMALL_COUNT = 30;

type Level = Pick<ChanceOptions, 'minZScore' | 'minRatio'> & {
  minGroups: number;
  /** The timing test's bins and the signals' window (seconds); no timing test when absent or 0. */
  timing?: Timing;
};

/**
 * The timing test's bins, the signals' window (which sets its uniform prior), and the in-step windows an
 * account or network needs at least (as an edge needs its shared items), with the z an account needs: a
 * member's screen is lenient, while one burst of a network puts a bystander who posted then in step with
 * many members at once, so that a few lucky moments make a large count.
 */
export interface Timing {
  syncSeconds: number;
  windowSeconds: number;
  minGroups: number;
  /** The z an account's timing test needs at least (the network's: see `bestPerAccount`). */
  minZScore: number;
}

/** Beyond this z a Poisson tail is below double precision (zFromUpperTail gives 40 for a tail of 0). */
const POISSON_SATURATES = 37;

/**
 * A count against its expectation and variance: z is the smaller of the normal z and the z of the exact
 * Poisson tail of the count against its expectation. A pair count with a small expectation is far more
 * skewed than a normal (seven pairs against 0.7 would be six standard deviations out for a variance of 1,
 * where the Poisson tail, 7e-6, is 4.3), and where pairs come clumped the normal z with the model's variance
 * is the smaller (only an excess is judged: below its expectation the count keeps the normal z). `groups` is the number of distinct item-windows holding the co-activity: many pairs on one
 * item in one window are one event (five people pasting the same text at once), too clumped for either
 * tail, so a signal binds only when its excess rests on at least `minGroups` of them.
 */
function judge(
  observed: number,
  expected: number,
  variance: number,
  groups: number,
  level: Level,
): SignalChance {
  const normal = (observed - expected) / Math.sqrt(Math.max(variance, 1e-9));
  const poisson =
    observed > expected ? zFromUpperTail(poissonUpperTail(Math.round(observed), expected)) : normal;
  const zScore = round(poisson < POISSON_SATURATES ? Math.min(normal, poisson) : normal);
  const ratio = round(Math.min(observed / Math.max(expected, 1e-9), 1e6));
  return {
    observed,
    expected: round(expected),
    zScore,
    ratio,
    groups,
    beyondChance: zScore >= level.minZScore && ratio >= level.minRatio && groups >= level.minGroups,
  };
}

/** The strongest signal first: beyond chance before not, then by z-score. */
const stronger = (
  x: Pick<SignalChance, 'beyondChance' | 'zScore'>,
  y: Pick<SignalChance, 'beyondChance' | 'zScore'>,
) => Number(y.beyondChance) - Number(x.beyondChance) || y.zScore - x.zScore;

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
async function buildChanceTables(store: Store, al: Alignment = ALIGNED, members = '_m'): Promise<void> {
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
 * Scores every network of the temp table `_m(aid, net)` against its chance expectation, signal by signal:
 * over all items, and over the items only its members touched (`unsharedItems`). A signal binds when
 * either test clears the level; the second pays a Bonferroni factor of two.
 */
export async function scoreAgainstChance(store: Store, level: Level): Promise<Map<number, ChanceResult>> {
  const shared = await pairCounts(store);
  const unshared = await unsharedItems(store);
  const groups = await store.all<{ net: number; sig: number; G: bigint }>(
    'SELECT net, sig, count(*) FILTER (WHERE mm >= 2) AS G FROM _cmt GROUP BY ALL',
  );
  const key = (r: { net: number; sig: number }) => `${r.net}:${r.sig}`;
  const groupsBy = new Map(groups.map((g) => [key(g), g.G]));
  const unsharedBy = new Map(unshared.map((r) => [key(r), r]));
  const timed = level.timing?.syncSeconds ? await timingNetworkRows(store, level.timing, ALIGNED) : [];
  const timingBy = new Map(timed.map((r) => [key(r), r]));
  const reactionBy = new Map((await reactionRows(store, '_m', false)).map((r) => [key(r), r]));
  const rows = shared.map((r) => ({ ...r, G: groupsBy.get(key(r)) ?? 0n }));
  const bySignal = new Map<number, Array<[SignalName, SignalChance]>>();
  for (const r of rows) {
    const list = bySignal.get(Number(r.net)) ?? [];
    if (list.length === 0) bySignal.set(Number(r.net), list);
    const c = judge(Number(r.O), Number(r.E), Number(r.V), Number(r.G), level);
    const raw = unsharedBy.get(key(r));
    const u = raw && judgeUnshared(raw, level);
    const rawTiming = timingBy.get(key(r));
    const t = rawTiming && judgeTiming(rawTiming, level);
    const rawReaction = reactionBy.get(key(r));
    const q = rawReaction && judgeReaction(rawReaction, level, 2);
    c.test = c.beyondChance
      ? 'all'
      : u?.beyondChance
        ? 'unshared'
        : t?.beyondChance
          ? 'timing'
          : q?.beyondChance
            ? 'reaction'
            : null;
    if (u !== undefined) {
      c.unshared = u;
      c.beyondChance ||= u.beyondChance;
    }
    if (t !== undefined && t.observed > 0) {
      c.timing = t;
      c.beyondChance ||= t.beyondChance;
    }
    if (q !== undefined) {
      c.reaction = q;
      c.beyondChance ||= q.beyondChance;
    }
    list.push([SIGNALS[Number(r.sig)] as SignalName, c]);
  }
  const out = new Map<number, ChanceResult>();
  for (const [net, list] of bySignal) {
    const best = strongest(list.map(([, c]) => c));
    out.set(net, {
      zScore: best?.zScore ?? 0,
      ratio: best?.ratio ?? 0,
      observed: list.reduce((sum, [, c]) => sum + c.observed, 0),
      expected: round(list.reduce((sum, [, c]) => sum + c.expected, 0)),
      binding: list.filter(([, c]) => c.beyondChance).map(([name]) => name),
      perSignal: Object.fromEntries(list),
    });
  }
  return out;
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
async function unsharedItems(store: Store): Promise<Omit<AccountSignalRow, 'aid'>[]> {
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

/** The unshared-items test of one network and signal: as `judge`, its normal tail doubled. */
function judgeUnshared(r: Omit<AccountSignalRow, 'aid'>, level: Level): UnsharedChance {
  const c = judge(Number(r.O), Number(r.E), Number(r.V), Number(r.G), level);
  const zScore = multiplyTail(c.zScore, 2);
  const beyondChance = zScore >= level.minZScore && c.ratio >= level.minRatio && c.groups >= level.minGroups;
  return {
    observed: c.observed,
    expected: c.expected,
    zScore,
    ratio: c.ratio,
    groups: c.groups,
    beyondChance,
  };
}

/**
 * An in-step count (`timingRows`, `timingNetworkRows`) against its expectation, tails multiplied by
 * `tailFactor`, on at least timing.minGroups windows. An account's count of windows comes with its exact
 * tail. A network's pair count is judged by the smaller z of the normal one (whose variance allows for the
 * pairs of one item-window coming together) and the exact Poisson tail against its expectation (right when
 * few meet at a time, where the normal tail is far too thin: six pairs against 0.3 are not five standard
 * deviations out).
 */
function scoreInStep(r: Omit<AccountSignalRow, 'aid'>, level: Level, tailFactor: number): SignalChance {
  const minGroups = Math.max(level.minGroups, level.timing?.minGroups ?? 0);
  const c = judge(Number(r.O), Number(r.E), Number(r.V), Number(r.G), { ...level, minGroups });
  if (r.tail !== undefined) {
    c.zScore = round(Math.min(zFromUpperTail(Math.min(1, tailFactor * r.tail)), 40));
  } else {
    const poisson = Math.min(zFromUpperTail(poissonUpperTail(Math.round(c.observed), Number(r.E))), 40);
    c.zScore = multiplyTail(round(Math.min(c.zScore, poisson)), tailFactor);
  }
  c.beyondChance = c.zScore >= level.minZScore && c.ratio >= level.minRatio && c.groups >= minGroups;
  return c;
}

/** The timing test of one network and signal, its tail doubled as the second test's. */
function judgeTiming(r: Omit<AccountSignalRow, 'aid'>, level: Level): UnsharedChance {
  const { observed, expected, zScore, ratio, groups, beyondChance } = scoreInStep(r, level, 2);
  return { observed, expected, zScore, ratio, groups, beyondChance };
}

/**
 * The reaction test of one network (or account) and signal: the sum S of -ln(rank) against a gamma law with the
 * model's mean M and variance V (shape M^2 / V, scale V / M), its tail multiplied by `tailFactor`; the ratio is
 * S / M (3 means that the reactions sat, on a geometric average, in the first 5% of their crowds, where an
 * account timed like the crowd sits at 37%), and the posts count as the item-windows of the other tests.
 */
function judgeReaction(r: ReactionRow, level: Level, tailFactor: number): SignalChance {
  const [S, M, V, items] = [Number(r.S), Number(r.M), Number(r.V), Number(r.items)];
  const tail = S > M && V > 0 ? gammaUpperTail((M * M) / V, (S * M) / V) : 1;
  const zScore = round(
    S > M
      ? Math.min(zFromUpperTail(Math.min(1, tailFactor * tail)), 40)
      : (S - M) / Math.sqrt(Math.max(V, 1e-9)),
  );
  const ratio = round(S / Math.max(M, 1e-9));
  return {
    observed: round(S),
    expected: round(M),
    zScore,
    ratio,
    groups: items,
    beyondChance: zScore >= level.minZScore && ratio >= level.minRatio && items >= level.minGroups,
  };
}

const round = (x: number) => (Number.isFinite(x) ? Math.round(x * 1000) / 1000 : x);

/** One account's observed and expected co-activity on one signal, with its item-window (or item) count. */
export type AccountSignalRow = {
  net: number;
  aid: number;
  sig: number;
  O: number;
  E: number;
  V: number;
  G: bigint;
  /** Expected number of meeting item-windows, when known more closely than by E (which bounds it). */
  M?: number;
  /** The exact upper tail of O, when known (the timing test's, per account). */
  tail?: number;
};

/**
 * Each member's own co-activity with the rest of its network against chance, signal by signal: observed
 * pairs it is part of (over its items, the other members there) and their expectation p_a (mu - p_a) per
 * item, so that accounts the grouping attached to a network by a few incidental ties can be told from it.
 */
export async function scoreMembers(
  store: Store,
  level: Level,
  poolSeconds: number,
  alignments: Alignment[] = [ALIGNED],
  /** Networks (indexes of `_m`) given the looks after the first; all when undefined. */
  secondLook?: number[],
  /** The accounts tested together with `_m` (see `unsharedRows`); `_m` itself when undefined. */
  context?: string,
): Promise<Map<number, Map<number, MemberChance>>> {
  const looks: Map<number, Map<number, MemberChance>>[] = [];
  for (const al of alignments) {
    // The looks after the first read only the networks given them, through a view of `_m`.
    let members = '_m';
    if (al !== alignments[0] && secondLook !== undefined) {
      if (secondLook.length === 0) continue;
      members = '_m_look';
      await store.run(
        `CREATE OR REPLACE TEMP VIEW _m_look AS SELECT * FROM _m WHERE net IN (${secondLook.join(', ')})`,
      );
    }
    await scoreMembersOnce(
      store,
      level,
      poolSeconds,
      al,
      members,
      lookTailFactor(al, alignments),
      looks,
      al === alignments[0] ? context : undefined,
      al === alignments[0],
    );
  }
  return bestOfLooks(looks);
}

/** One look of scoreMembers: the networks of `members` scored in the windows of `al`, pushed onto `out`. */
async function scoreMembersOnce(
  store: Store,
  level: Level,
  poolSeconds: number,
  al: Alignment,
  members: string,
  tailFactor: number,
  out: Map<number, Map<number, MemberChance>>[],
  context?: string,
  /** Whether to make the reaction test, which reads no window and is made in the first look only. */
  withReaction = true,
): Promise<void> {
  await buildChanceTables(store, al, members);
  const rows = await store.all<AccountSignalRow>(`
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
  const unshared = await unsharedRows(store, al, members, true, context ?? members);
  const timing = level.timing?.syncSeconds ? await timingRows(store, al, members, members, level.timing) : [];
  const pooled = await pooledMeetings(store, al, members, 2, poolSeconds);
  const reaction = withReaction ? await reactionRows(store, members, true) : [];
  out.push(bestPerAccount(rows, level, pooled, tailFactor, unshared, timing, reaction));
}

/**
 * Per account of `table(aid, net)`, the distinct windows (of poolSeconds, by the time of its touch) in
 * which it met at least `others` members of the network `_cmt` describes, on any signal: one coordinated
 * post that shares a link, its domain, a tag and its words with another member's is one meeting here.
 */
async function pooledMeetings(
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
async function unsharedRows(
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
 * Each account's strongest signal, scored as in `judge` (an exact Poisson tail on few item-windows). An
 * account no single signal carries is scored once more on its signals pooled: the distinct windows in
 * which it met the network on any signal (`pooled`), against the sum of its expected co-activity over the
 * signals. That sum bounds the expected number of meeting item-windows, which bounds the expected number
 * of distinct meeting windows, so the pooled test stays conservative however the signals overlap; it lets
 * an account whose eight coordinated posts met the others on a link once, a text once and a tag once
 * count all of them. Every test, single or pooled, is made in each window alignment the network is given,
 * its tail multiplied by that look's `tailFactor` (see `lookTailFactor`).
 */
function bestPerAccount(
  rows: AccountSignalRow[],
  level: Level,
  pooled: Map<string, number>,
  tailFactor: number,
  /** The same accounts and signals on the items only the network touched: a second test, tail doubled. */
  unshared: AccountSignalRow[] = [],
  /** ... and their touches in step with the network's (`timingRows`, `scoreInStep`): tail doubled. */
  timing: AccountSignalRow[] = [],
  /** ... and their reposts and replies ranked against each post's crowd (`reactionRows`): tail doubled. */
  reaction: ReactionRow[] = [],
): Map<number, Map<number, MemberChance>> {
  const out = new Map<number, Map<number, MemberChance>>();
  const reactionTests = reaction.map((x) => ({
    r: { ...x, aid: Number(x.aid), O: 0, E: 0, V: 0, G: 0n },
    x,
  }));
  const tests = [
    ...rows.map((r) => ({ r, tail: tailFactor, summed: true, inStep: false, x: undefined })),
    ...unshared.map((r) => ({ r, tail: 2 * tailFactor, summed: false, inStep: false, x: undefined })),
    ...timing.map((r) => ({ r, tail: 2 * tailFactor, summed: false, inStep: true, x: undefined })),
    ...reactionTests.map(({ r, x }) => ({ r, tail: 2 * tailFactor, summed: false, inStep: false, x })),
  ];
  const sums = new Map<string, { net: number; aid: number; E: number; V: number }>();
  for (const { r, tail, summed, inStep, x } of tests) {
    const net = Number(r.net);
    const members = out.get(net) ?? new Map<number, MemberChance>();
    if (members.size === 0) out.set(net, members);
    const c = x
      ? judgeReaction(x, level, tail)
      : inStep
        ? scoreInStep(
            r,
            { ...level, minZScore: Math.max(level.minZScore, level.timing?.minZScore ?? 0) },
            tail,
          )
        : scoreCount(
            Number(r.O),
            Number(r.E),
            Number(r.V),
            Number(r.G),
            level,
            tail,
            r.M === undefined ? undefined : Number(r.M),
          );
    if (summed) {
      const key = `${net}:${r.aid}`;
      const sum = sums.get(key) ?? { net, aid: Number(r.aid), E: 0, V: 0 };
      sum.E += Number(r.E);
      sum.V += Number(r.V);
      sums.set(key, sum);
    }
    const previous = members.get(Number(r.aid));
    if (!previous || stronger(c, previous) < 0) {
      members.set(Number(r.aid), {
        zScore: c.zScore,
        ratio: c.ratio,
        signal: SIGNALS[Number(r.sig)] as SignalName,
        beyondChance: c.beyondChance,
      });
    }
  }
  for (const [key, { net, aid, E, V }] of sums) {
    const members = out.get(net);
    const best = members?.get(aid);
    if (members === undefined || best === undefined || best.beyondChance) continue;
    const groups = pooled.get(key) ?? 0;
    const c = scoreCount(groups, E, V, groups, level, tailFactor);
    if (c.beyondChance) {
      members.set(aid, { zScore: c.zScore, ratio: c.ratio, signal: 'pooled', beyondChance: true });
    }
  }
  return out;
}

/**
 * One count against its expectation, as in `judge`; on few item-windows the z comes from the exact Poisson
 * tail of the number of item-windows where the account met others, with the expected co-activity as its
 * mean (an upper bound on the expected number of such meetings). Tails are multiplied by `tailFactor`.
 */
function scoreCount(
  observed: number,
  expected: number,
  variance: number,
  groups: number,
  level: Level,
  tailFactor: number,
  /** The expected number of meeting item-windows, when known; E bounds it otherwise. */
  meetings: number = expected,
): SignalChance {
  const c = judge(observed, expected, variance, groups, level);
  if (groups <= SMALL_COUNT) {
    const tail = poissonUpperTail(groups, meetings);
    c.zScore = round(Math.min(zFromUpperTail(Math.min(1, tailFactor * tail)), 40));
  } else {
    c.zScore = multiplyTail(c.zScore, tailFactor);
  }
  c.beyondChance = c.zScore >= level.minZScore && c.ratio >= level.minRatio && groups >= level.minGroups;
  return c;
}

/** A normal z whose tail is multiplied by `factor` (a Bonferroni correction); z <= 0 has no excess to correct. */
const multiplyTail = (z: number, factor: number) =>
  factor === 1 || z <= 0 ? z : round(Math.min(zFromUpperTail(Math.min(1, factor * normalUpperTail(z))), 40));

/** Per network and account, the stronger of its scores over the window alignments. */
function bestOfLooks(
  looks: Map<number, Map<number, MemberChance>>[],
): Map<number, Map<number, MemberChance>> {
  const out = new Map<number, Map<number, MemberChance>>();
  for (const look of looks) {
    for (const [net, members] of look) {
      const best = out.get(net) ?? new Map<number, MemberChance>();
      if (best.size === 0) out.set(net, best);
      for (const [aid, m] of members) {
        const previous = best.get(aid);
        if (!previous || stronger(m, previous) < 0) best.set(aid, m);
      }
    }
  }
  return out;
}
