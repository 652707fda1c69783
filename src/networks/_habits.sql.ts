// Habits: the third null of the chance model (docs/method.md, section 3, "Habits"). People use some items
// again and again at the times everyone uses them: a regular of a nightly chant posts its tag at nine every
// night, as the chant's other regulars do. Under this null an independent account keeps how many windows it
// used each item in, k, among the windows where accounts outside the group used it too, and picks which of
// those windows in proportion to how many outside accounts used the item there: the item's own schedule,
// learnt from the accounts outside the group. Members that share a habit then meet on the item as often as
// their rates say. An item no outside account used, or a window of it that only members used, is no one's
// habit: meetings there are left to the popularity model (a flood's one-off templates, its own bursts).
// SQL only; chance.ts takes, for the signals other than reposts and replies, the larger of this expectation
// and the popularity model's.

import { signalCode } from '../signals/_common.js';
import type { Store } from '../store/index.js';

/** A network's expected pairs under the habits null on one signal. */
export type HabitCounts = { net: number; sig: number; E: number; V: number };

/**
 * Per network of `_m(aid, net)` (its item-windows in `_cmt`) and signal other than `corepost` and `coreply`,
 * the member pairs expected on the same item in the same window under the habits null, with their variance.
 * Per item, the windows with outside users are taken as N = W^2 / S2 equally likely ones (their effective
 * number, with weights n_out, the outside accounts that used the item there): two members that used it in k
 * and k' of them meet in about k k' / N, hypergeometric with variance k k' (N - k)(N - k') / (N^2 (N - 1)),
 * plus the spread of the weights, as in the followings null (`_followings.sql.ts`).
 */
export async function habitCounts(
  store: Store,
  alignment: { at: string; g: string },
): Promise<HabitCounts[]> {
  const answers = `${signalCode('corepost')}, ${signalCode('coreply')}`;
  return store.all<HabitCounts>(`
    WITH items AS (SELECT DISTINCT net, sig, item FROM _cmt WHERE sig NOT IN (${answers})),
    -- Every window of each item, with the members there (0 where none) and the outside accounts (w).
    win AS (
      SELECT i.net, g.sig, g.item, g.b, g.n - coalesce(c.mm, 0) AS w
      FROM items i JOIN ${alignment.g} g USING (sig, item)
        LEFT JOIN _cmt c ON c.net = i.net AND c.sig = g.sig AND c.item = g.item AND c.b = g.b
    ),
    iw AS (
      SELECT net, sig, item, sum(w) AS W, sum(w * w) AS S2, sum(w * w * w) AS S3
      FROM win WHERE w > 0 GROUP BY ALL
    ),
    -- Each member's windows of the item that outside accounts used too.
    k AS (
      SELECT m.net, x.sig, x.item, x.aid, count(DISTINCT x.b)::DOUBLE AS k
      FROM ${alignment.at} x JOIN _m m USING (aid)
        JOIN win ON win.net = m.net AND win.sig = x.sig AND win.item = x.item AND win.b = x.b
      WHERE win.w > 0 AND x.sig NOT IN (${answers})
      GROUP BY ALL
    ),
    ka AS (
      SELECT k.net, k.sig, k.item, sum(k.k) AS K, sum(k.k * k.k) AS K2, sum(g) AS G1, sum(g * g) AS G2,
        any_value(x.N) AS N, any_value(x.H) AS H
      FROM k JOIN iw USING (net, sig, item),
      LATERAL (
        SELECT greatest(iw.W * iw.W / iw.S2, 1) AS N,
          greatest(iw.S3 / pow(iw.W, 3) - pow(iw.S2 / (iw.W * iw.W), 2), 0) AS H
      ) x,
      LATERAL (SELECT greatest(k.k * (x.N - k.k), 0) AS g)
      GROUP BY ALL
    )
    SELECT net, sig, sum((K * K - K2) / (2 * N)) AS E,
      sum(greatest((G1 * G1 - G2) / (2 * N * N * greatest(N - 1, 1e-9)), 0) + K * (K * K - K2) * H) AS V
    FROM ka GROUP BY ALL`);
}
