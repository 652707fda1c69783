// The habits null (src/networks/_habits.sql.ts, docs/method.md section 3): independent accounts keep how
// many windows they used an item in, among the windows where outside accounts used it too, and pick which in
// proportion to how many outside accounts used it there. Its expected pairs against a Monte Carlo of
// members drawn by that rule, and what it changes in detection: the regulars of a nightly chant are no
// network, a flood of one-off templates still is.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { seededRandom } from '@lockstep/generate';
import { buildChanceTables } from '../../src/networks/_chance.sql.js';
import { habitCounts } from '../../src/networks/_habits.sql.js';
import { ALIGNED } from '../../src/networks/chance.js';
import { background, type FixturePost } from '../signals/_fixture.js';
import { moments, pairsOn, pickProportional, reportedAccounts, scoredAsNetwork } from './_nulls.js';

const RUNS = 10_000;

describe('the habits null against a Monte Carlo of independent habits', () => {
  // One tag used on 30 evenings, a day apart (windows never adjacent), by 2 to 5 outside accounts each
  // evening (weights 2 to 5). Ten members use it on k = 3 + (j mod 5) evenings each, picked in proportion to
  // the weights: k w / W is at most 7 * 5 / 105 = 0.33, so the sampling is exact.
  const evenings = 30;
  const nOut = Array.from({ length: evenings }, (_, i) => 2 + (i % 4));
  const ks = Array.from({ length: 10 }, (_, j) => 3 + (j % 5));
  const draw = (rnd: () => number) => ks.map((k) => pickProportional(rnd, nOut, k));
  let model: { E: number; V: number };
  let mc: { mean: number; variance: number; seMean: number };
  before(async () => {
    const rnd = seededRandom(61);
    const posts: FixturePost[] = [];
    nOut.forEach((n, e) => {
      for (let r = 0; r < n; r++)
        posts.push({ account: `out${e}x${r}`, hour: 24 * e + 21, hashtags: ['chant'] });
    });
    draw(rnd).forEach((picks, j) => {
      for (const e of picks) posts.push({ account: `m${j}`, hour: 24 * e + 21.1, hashtags: ['chant'] });
    });
    model = await scoredAsNetwork(posts, 'cohashtag', async (store) => {
      await buildChanceTables(store);
      const row = (await habitCounts(store, ALIGNED)).find((r) => Number(r.net) === 0);
      assert.ok(row, 'the members are scored on cohashtag');
      return { E: Number(row.E), V: Number(row.V) };
    });
    mc = moments(Array.from({ length: RUNS }, () => pairsOn(draw(rnd))));
  });

  it('gives the mean number of member pairs on the tag in the same evening', (t) => {
    t.diagnostic(`E ${model.E.toFixed(3)}; Monte Carlo ${mc.mean.toFixed(3)} +- ${mc.seMean.toFixed(3)}`);
    assert.ok(Math.abs(model.E - mc.mean) < 4 * mc.seMean, `${model.E} against ${mc.mean}`);
  });

  it('gives their variance within the effective-windows approximation', (t) => {
    // As for the followings null: the windows as N_eff equally likely ones plus the spread of their
    // weights, an approximation that errs large where members take a good share of the windows (k up to 7
    // of 30 here; measured, seed 61: 39.6 against 35.3). Allowed: no more than 5% under the Monte Carlo's
    // variance (whose standard error is about 2%), which would overstate z, and no more than 20% over it.
    t.diagnostic(`V ${model.V.toFixed(2)}; Monte Carlo ${mc.variance.toFixed(2)}`);
    assert.ok(
      model.V > 0.95 * mc.variance && model.V < 1.2 * mc.variance,
      `${model.V} against ${mc.variance}`,
    );
  });
});

describe('habits in detection', () => {
  it('does not report the regulars of a nightly chant', async () => {
    // Ten nights at nine: three chants (a text and its tag), twelve regulars, four to a chant, each on 60-95%
    // of nights a few minutes off the hour; sixty neighbours join on a night in five, half of them with the
    // first chant, a quarter with each of the others. The regulars of the second and third chants are most
    // of the people who post them. (A guard: the popularity model alone does not report them here either;
    // the blind generator's regulars, on nights with newcomers and favourite texts, are the case the habits
    // null removes: 15 of 1,061 flagged at 1M posts on seed 33333 before, none after.)
    const rnd = seededRandom(67);
    const chant: FixturePost[] = [];
    const texts = [
      'nine o clock again from the rooftops we say it together',
      'the night is ours and we shout from every window',
      'we are many and we will not be quiet at nine',
    ];
    for (let night = 0; night < 10; night++) {
      for (let r = 0; r < 12; r++)
        if (rnd() < 0.6 + 0.35 * ((r % 4) / 3))
          chant.push({
            account: `regular${r}`,
            hour: night * 24 + 21 + (r % 5) / 60 + rnd() / 30,
            hashtags: [`rooftops${r % 3}`],
            text: texts[r % 3] as string,
          });
      for (let n = 0; n < 60; n++)
        if (rnd() < 0.2) {
          const c = rnd() < 0.5 ? 0 : rnd() < 0.5 ? 1 : 2;
          chant.push({
            account: `bg${n}`,
            hour: night * 24 + 21 + rnd() / 6,
            hashtags: [`rooftops${c}`],
            text: texts[c] as string,
          });
        }
    }
    const reported = await reportedAccounts([...background(300, 10), ...chant]);
    assert.ok(!reported.flat().some((a) => a.startsWith('regular')), JSON.stringify(reported));
  });

  it('reports a flood of one-off templates posted on a popular tag', async () => {
    // Eight accounts post a new template each evening on the same popular tag, in the same minutes, for ten
    // evenings; forty users post the tag at their own times in their own words. The tag is a habit of
    // many; the templates are no one's.
    const rnd = seededRandom(71);
    const flood: FixturePost[] = [];
    for (let night = 0; night < 10; night++) {
      for (let a = 0; a < 8; a++)
        flood.push({
          account: `flood${a}`,
          hour: night * 24 + 18 + a / 120,
          hashtags: ['election'],
          text: `template ${night} says the count was stolen by them and nobody will tell you so`,
        });
      for (let u = 0; u < 40; u++)
        if (rnd() < 0.5)
          flood.push({
            account: `bg${u}`,
            hour: night * 24 + 17 + 3 * rnd(),
            hashtags: ['election'],
            text: `my own view ${u} ${night} ${Math.floor(rnd() * 1e6)}`,
          });
    }
    const reported = await reportedAccounts([...background(300, 10), ...flood]);
    const found = reported.find((n) => n.some((a) => a.startsWith('flood')));
    assert.ok(found, JSON.stringify(reported));
    assert.deepEqual(
      found.filter((a) => a.startsWith('flood')).sort(),
      Array.from({ length: 8 }, (_, a) => `flood${a}`),
    );
  });
});
