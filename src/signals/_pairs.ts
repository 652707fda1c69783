// From touches to weighted account pairs. Time is cut into windows of `windowSeconds`; two accounts
// co-occur on an item when both touch it in the same window, or in adjacent windows within windowSeconds
// of each other (first touches). Each shared item weighs its rarity that day, ln(A / n): A accounts active
// in the signal that day, n of them on this item (an inverse document frequency over time buckets, as in
// Sparck Jones 1972; a tag a third of users post weighs ln 3 ~ 1.1, one 5 of 5,000 use weighs ~6.9).
// A group with more than maxGroupAccounts accounts is never expanded into all its pairs: each account is
// linked to its next `cappedNeighbours` accounts in time, so the cost stays linear in the group's size, and
// the group is counted as capped. Everything runs in DuckDB; nothing here is quadratic in a group's size.
import type { Store } from '../store/index.js';
import { SIGNALS, type SignalOptions, windowSql } from './_common.js';

export interface PairFigures {
  perSignal: Array<{
    sig: number;
    touches: number;
    items: number;
    cappedGroups: number;
    largest: number;
    pairs: number;
  }>;
  edges: number;
}

export async function buildPairs(
  store: Store,
  options: Pick<
    SignalOptions,
    | 'windowSeconds'
    | 'signalWindowSeconds'
    | 'rarityWindowSeconds'
    | 'maxGroupAccounts'
    | 'cappedNeighbours'
    | 'signalWeights'
  >,
  minSharedItems: number,
  minSpreadSeconds: number,
): Promise<PairFigures> {
  const W = Math.max(1, Math.round(options.windowSeconds));
  // A signal may have its own window (signalWindowSeconds).
  const win = windowSql(options);
  const R = Math.max(W, Math.round(options.rarityWindowSeconds));
  const cap = options.maxGroupAccounts;
  const k = options.cappedNeighbours;
  await store.run(`
    CREATE OR REPLACE TEMP TABLE _at AS
      SELECT sig, item, t // ${win('sig')} AS b, aid, min(t) AS t, arg_min(pid, (t, pid)) AS pid
      FROM _touch GROUP BY sig, item, t // ${win('sig')}, aid;
    CREATE OR REPLACE TEMP TABLE _g AS SELECT sig, item, b, count(*)::INTEGER AS n FROM _at GROUP BY sig, item, b;
    CREATE OR REPLACE TEMP TABLE _act AS
      SELECT sig, b, count(DISTINCT aid)::INTEGER AS A, count(*)::BIGINT AS T FROM _at GROUP BY sig, b;
    -- Rarity is measured over a longer stretch than the window (a day by default): in a one-minute window
    -- a burst may be all there is, which says nothing about how common its item is.
    CREATE OR REPLACE TEMP TABLE _rare AS
      WITH d AS (SELECT DISTINCT sig, item, t // ${R} AS d, aid FROM _touch),
      n AS (SELECT sig, item, d, count(*) AS nd FROM d GROUP BY ALL),
      a AS (SELECT sig, d, count(DISTINCT aid) AS ad FROM d GROUP BY ALL)
      SELECT sig, item, d, greatest(0.0, ln(a.ad / n.nd)) AS w FROM n JOIN a USING (sig, d);
    CREATE OR REPLACE TEMP TABLE _atn AS
      SELECT x.sig, x.item, x.b, x.aid, x.t, x.pid, g.n, r.w
      FROM _at x JOIN _g g USING (sig, item, b) JOIN _rare r ON r.sig = x.sig AND r.item = x.item AND r.d = x.t // ${R};
    CREATE OR REPLACE TEMP TABLE _pair AS
      SELECT x.sig, x.item, x.aid AS a, y.aid AS c, x.w, x.pid AS pa, y.pid AS pc, x.b
      FROM _atn x JOIN _atn y ON x.sig = y.sig AND x.item = y.item AND x.b = y.b AND x.aid < y.aid
      WHERE x.n > 1 AND x.n <= ${cap}
      UNION ALL
      SELECT x.sig, x.item, least(x.aid, y.aid), greatest(x.aid, y.aid), least(x.w, y.w),
        CASE WHEN x.aid < y.aid THEN x.pid ELSE y.pid END, CASE WHEN x.aid < y.aid THEN y.pid ELSE x.pid END, x.b
      FROM (SELECT *, b + 1 AS b1 FROM _atn WHERE n <= ${cap}) x
      JOIN (SELECT * FROM _atn WHERE n <= ${cap}) y ON x.sig = y.sig AND x.item = y.item AND x.b1 = y.b
      WHERE y.t - x.t <= ${win('x.sig')} AND x.aid <> y.aid
      UNION ALL
      SELECT x.sig, x.item, least(x.aid, y.aid), greatest(x.aid, y.aid), x.w,
        CASE WHEN x.aid < y.aid THEN x.pid ELSE y.pid END, CASE WHEN x.aid < y.aid THEN y.pid ELSE x.pid END, x.b
      FROM (SELECT sig, item, b, aid, pid, w, unnest(range(rn + 1, rn + ${k + 1})) AS next
            FROM (SELECT *, row_number() OVER (PARTITION BY sig, item, b ORDER BY t, aid) AS rn FROM _atn WHERE n > ${cap})) x
      JOIN (SELECT sig, item, b, aid, pid, row_number() OVER (PARTITION BY sig, item, b ORDER BY t, aid) AS rn
            FROM _atn WHERE n > ${cap}) y
        ON x.sig = y.sig AND x.item = y.item AND x.b = y.b AND x.next = y.rn;
  `);
  const weightOf = (sig: number) =>
    options.signalWeights[SIGNALS[sig] as keyof typeof options.signalWeights] ?? 1;
  const perSig = SIGNALS.map(
    (name, s) =>
      `coalesce(sum(w) FILTER (WHERE sig = ${s}), 0) AS w_${name}, (count(*) FILTER (WHERE sig = ${s}))::INTEGER AS n_${name}`,
  ).join(', ');
  // One row per pair and item (an item shared in several windows counts once, at its highest weight), then
  // the pairs that rest on enough items, and for those only, the post pair of the window where each item
  // weighed most as its evidence (choosing it is the costly part, and most pairs are not kept).
  await store.run(`
    CREATE OR REPLACE TEMP TABLE _pq AS
      SELECT sig, a, c, item, max(w) AS w, count(*)::INTEGER AS times,
        min(b) * ${win('sig')} AS s0, (max(b) + 1) * ${win('sig')} AS s1
      FROM _pair GROUP BY sig, a, c, item;
    CREATE OR REPLACE TEMP TABLE _keep AS
      SELECT a, c FROM _pq GROUP BY a, c
      HAVING count(*) >= ${minSharedItems} AND max(s1) - min(s0) > ${minSpreadSeconds};
    CREATE OR REPLACE TEMP TABLE _pi AS
      WITH ev AS (
        SELECT sig, a, c, item, arg_max(pa, (w, -b, -pa, -pc)) AS pa, arg_max(pc, (w, -b, -pa, -pc)) AS pc
        FROM _pair SEMI JOIN _keep USING (a, c) GROUP BY sig, a, c, item
      )
      SELECT q.sig, q.a, q.c, q.item, q.w, ev.pa, ev.pc, q.times, q.s0, q.s1
      FROM _pq q SEMI JOIN _keep USING (a, c) JOIN ev USING (sig, a, c, item);
    CREATE OR REPLACE TEMP TABLE _edge AS
      SELECT a, c, count(*)::INTEGER AS items, sum(times)::INTEGER AS cooccurrences,
        ${SIGNALS.map((_, s) => `coalesce(${weightOf(s)} * sum(w) FILTER (WHERE sig = ${s}), 0)`).join(' + ')} AS weight,
        ${perSig}
      FROM _pi GROUP BY a, c;
  `);
  const perSignal = await store.all<{
    sig: number;
    touches: bigint;
    items: bigint;
    cappedGroups: bigint;
    largest: number;
    pairs: bigint;
  }>(`
    SELECT s.sig, s.touches, s.items, s.cappedGroups, s.largest, coalesce(p.pairs, 0) AS pairs
    FROM (SELECT sig, sum(n) AS touches, count(DISTINCT item) AS items, count(*) FILTER (WHERE n > ${cap}) AS cappedGroups,
            max(n) AS largest FROM _g GROUP BY sig) s
    LEFT JOIN (SELECT sig, count(*) AS pairs FROM (SELECT DISTINCT sig, a, c FROM _pq) GROUP BY sig) p USING (sig)
    ORDER BY s.sig`);
  const edges = await store.one<{ n: bigint }>(`SELECT count(*) AS n FROM _edge`);
  await store.run(`DROP TABLE _pair; DROP TABLE _pq; DROP TABLE _keep`);
  return {
    perSignal: perSignal.map((r) => ({
      sig: Number(r.sig),
      touches: Number(r.touches),
      items: Number(r.items),
      cappedGroups: Number(r.cappedGroups),
      largest: Number(r.largest),
      pairs: Number(r.pairs),
    })),
    edges: Number(edges.n),
  };
}
