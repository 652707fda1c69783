// The UI's store reads (src/web/_timed-store.ts): several queries at once on a bounded pool of connections,
// each answered with its own rows, and a query past the time limit stopped (QueryTimeout) without taking its
// connection out of the pool.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Store } from '../../src/store/index.js';
import { QueryTimeout, TimedStore } from '../../src/web/_timed-store.js';

describe('TimedStore', () => {
  let store: Store;
  before(async () => {
    store = await Store.open();
    await store.run(`CREATE TABLE nums AS SELECT range AS n, range % 10 AS bucket FROM range(100000)`);
  });
  after(() => store.close());

  it('answers concurrent queries each with its own rows, side by side on every connection its bound allows', async () => {
    const db = new TimedStore(store, 10_000, 3);
    const asked = Array.from({ length: 40 }, (_, i) => i % 10);
    const answers = await Promise.all(
      asked.map((b) =>
        db.all<{ n: bigint; s: bigint }>(`SELECT count(*) AS n, sum(n) AS s FROM nums WHERE bucket = $1`, [
          b,
        ]),
      ),
    );
    for (const [i, rows] of answers.entries()) {
      const b = asked[i] as number;
      // bucket b holds b, b + 10, ... below 100,000: 10,000 numbers summing to 10,000 b + 10 * (0 + ... + 9,999)
      assert.deepEqual(rows, [{ n: 10_000n, s: BigInt(10_000 * b + 10 * ((9_999 * 10_000) / 2)) }]);
    }
    // Forty queries at once open every connection the bound allows, and no more: they did not run one at a
    // time on one connection (issue 16, point 9: 20 readers waited 3 s at the median for account pages).
    assert.equal(db.open, 3, `${db.open} connections open`);
    db.close();
  });

  it('stops a query past the limit with QueryTimeout and keeps serving on the same pool', async () => {
    const db = new TimedStore(store, 50, 1);
    await assert.rejects(
      db.all(`SELECT count(*) FROM range(1000000000000) t(x) WHERE x % 7 = 3`),
      QueryTimeout,
    );
    const rows = await db.all<{ n: bigint }>(`SELECT count(*) AS n FROM nums`);
    assert.deepEqual(rows, [{ n: 100_000n }]);
    assert.equal(db.open, 1);
    db.close();
  });
});
