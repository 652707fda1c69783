// Oracle test of the network timing test's arithmetic (src/networks/_timing.sql.ts): for members whose
// times are drawn independently like the crowd's, the expected number of member pairs in step and its
// variance must match a Monte Carlo of such members. The crowd is bursty (most touches in a few minutes,
// a tail over the window), as crowds answering a post are: there, pairs that share a member move together
// well beyond independence, and a variance that leaves that out would be too small.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { seededRandom } from '@lockstep/generate';
import { timingNetworkRows } from '../../src/networks/_timing.sql.js';
import { ALIGNED } from '../../src/networks/chance.js';
import { Store } from '../../src/store/index.js';

const SYNC = 60;
const WINDOW = 7200;

/** A bursty reaction time in [0, WINDOW): 60% within about five minutes, the rest spread out. */
const crowdTime = (rnd: () => number) =>
  rnd() < 0.6 ? Math.floor(rnd() * rnd() * 300) : Math.floor(rnd() * (WINDOW - 1));

/** Member pairs whose touches fall in the same or adjacent bins of SYNC seconds. */
function pairsInStep(times: number[]): number {
  let pairs = 0;
  for (let i = 0; i < times.length; i++)
    for (let j = i + 1; j < times.length; j++)
      if (Math.abs(Math.floor((times[i] as number) / SYNC) - Math.floor((times[j] as number) / SYNC)) <= 1)
        pairs++;
  return pairs;
}

describe('the timing test against a Monte Carlo of independent members', () => {
  it('gives the mean and variance of member pairs in step', async () => {
    const rnd = seededRandom(17);
    const crowd = Array.from({ length: 2000 }, () => crowdTime(rnd));
    const members = 10;
    const store = await Store.open(':memory:');
    await store.run(`
      CREATE TEMP TABLE _at (sig TINYINT, item UBIGINT, b BIGINT, aid INTEGER, t BIGINT, pid INTEGER);
      CREATE TEMP TABLE _m (aid INTEGER, net INTEGER);
      CREATE TEMP TABLE _xg (aid INTEGER);`);
    // One item in one window: the crowd's touches (accounts 100..), and the members' (accounts 0..9) at
    // times of their own drawn like the crowd's.
    const rows = [
      ...crowd.map((t, i) => `(0, 1, 0, ${100 + i}, ${t}, ${100 + i})`),
      ...Array.from({ length: members }, (_, a) => `(0, 1, 0, ${a}, ${crowdTime(rnd)}, ${a})`),
    ];
    await store.run(`INSERT INTO _at VALUES ${rows.join(', ')}`);
    await store.run(
      `INSERT INTO _m VALUES ${Array.from({ length: members }, (_, a) => `(${a}, 0)`).join(', ')}`,
    );
    const [row] = await timingNetworkRows(
      store,
      { syncSeconds: SYNC, windowSeconds: WINDOW, minGroups: 1, minZScore: 5 },
      ALIGNED,
    );
    store.close();
    assert.ok(row, 'a row for the one network and signal');
    const runs = 4000;
    const counts = Array.from({ length: runs }, () =>
      pairsInStep(Array.from({ length: members }, () => crowd[Math.floor(rnd() * crowd.length)] as number)),
    );
    const mean = counts.reduce((s, x) => s + x, 0) / runs;
    const variance = counts.reduce((s, x) => s + (x - mean) ** 2, 0) / (runs - 1);
    // The Monte Carlo's own error: about sd / sqrt(runs) on the mean, about 5% on the variance.
    assert.ok(Math.abs(Number(row.E) - mean) < 0.05 * mean, `E ${row.E} against ${mean.toFixed(2)}`);
    assert.ok(
      Math.abs(Number(row.V) - variance) < 0.12 * variance,
      `V ${row.V} against ${variance.toFixed(2)}`,
    );
  });
});
