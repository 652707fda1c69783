// The followings null (src/networks/_followings.sql.ts, docs/method.md section 3): independent accounts keep
// how many posts of each author they reposted, and pick which in proportion to the posts' popularity outside
// the group (plus one). Two checks: its expected pairs and their variance against a Monte Carlo of members
// drawn by that rule (an oracle of the arithmetic), and what it changes in detection: friends who repost a
// little-followed account's posts at their own rates are no network, accounts sent together to one post of
// each of many authors still are.
import assert from 'node:assert/strict';
import { before, describe, it } from 'node:test';
import { seededRandom } from '@lockstep/generate';
import { followingCounts } from '../../src/networks/_followings.sql.js';
import { prepareFollowings } from '../../src/networks/chance.js';
import type { FixturePost } from '../signals/_fixture.js';
import {
  appended,
  everydayWithReposts,
  moments,
  pairsOn,
  pickProportional,
  reportedAccounts,
  scoredAsNetwork,
} from './_nulls.js';

const RUNS = 10_000;

describe('the followings null against a Monte Carlo of independent followers', () => {
  // One author with 40 posts a day apart; post i is reposted by i mod 4 outside accounts (weights 1 to 4).
  // Twelve members each repost k = 1 + (j mod 4) of them, picked in proportion to the weights: k w / W is at
  // most 4 * 4 / 100 = 0.16, so the sampling is exact.
  const N = 40;
  const nOut = Array.from({ length: N }, (_, i) => i % 4);
  const weights = nOut.map((n) => n + 1);
  const ks = Array.from({ length: 12 }, (_, j) => 1 + (j % 4));
  const draw = (rnd: () => number) => ks.map((k) => pickProportional(rnd, weights, k));
  let model: { E: number; V: number };
  let mc: { mean: number; variance: number; seMean: number };
  before(async () => {
    const rnd = seededRandom(41);
    const posts: FixturePost[] = Array.from({ length: N }, (_, i) => ({
      account: 'author',
      hour: 24 * i,
      text: `post ${i}`,
    }));
    nOut.forEach((n, i) => {
      for (let r = 0; r < n; r++)
        posts.push({
          account: `out${i}x${r}`,
          hour: 24 * i + 1,
          kind: 'repost',
          repostOf: `p${i}`,
          repostOfAccount: 'author',
        });
    });
    draw(rnd).forEach((picks, j) => {
      for (const i of picks)
        posts.push({
          account: `m${j}`,
          hour: 24 * i + 2,
          kind: 'repost',
          repostOf: `p${i}`,
          repostOfAccount: 'author',
        });
    });
    model = await scoredAsNetwork(posts, 'corepost', async (store) => {
      await prepareFollowings(store);
      const row = (await followingCounts(store)).find((r) => Number(r.net) === 0);
      assert.ok(row, 'the members are scored on corepost');
      return { E: Number(row.E), V: Number(row.V) };
    });
    mc = moments(Array.from({ length: RUNS }, () => pairsOn(draw(rnd))));
  });

  it('gives the mean number of member pairs on the same post', (t) => {
    // E = (K^2 - K2) / (2 N_eff) is exact for this sampling: sum over pairs of k k' sum w^2 / W^2.
    t.diagnostic(`E ${model.E.toFixed(3)}; Monte Carlo ${mc.mean.toFixed(3)} +- ${mc.seMean.toFixed(3)}`);
    assert.ok(Math.abs(model.E - mc.mean) < 4 * mc.seMean, `${model.E} against ${mc.mean}`);
  });

  it('gives their variance within the effective-posts approximation', (t) => {
    // The variance takes the posts as N_eff equally likely ones plus a term for the spread of their weights
    // (1 to 4 here), an approximation that errs large (measured, seed 41: 12.83 against 11.80; without the
    // spread term, 10.40). Allowed: no more than 5% under the Monte Carlo's variance (whose standard error is
    // about 2%), which would overstate z, and no more than 20% over it.
    t.diagnostic(`V ${model.V.toFixed(2)}; Monte Carlo ${mc.variance.toFixed(2)}`);
    assert.ok(
      model.V > 0.95 * mc.variance && model.V < 1.2 * mc.variance,
      `${model.V} against ${mc.variance}`,
    );
  });
});

describe('followings in detection', () => {
  it('does not report friends who repost a little-followed account at their own rates', async () => {
    // A writer posts four times a day for ten days; nobody else reposts her, and she reposts no one (so no
    // tie both ways explains her friends). Eight friends each repost a share of her posts of their own
    // (20-45%), each at its own delay of up to three hours.
    const rnd = seededRandom(47);
    const friends: FixturePost[] = [];
    for (let d = 0; d < 10; d++) {
      for (let v = 0; v < 4; v++) {
        const hour = d * 24 + 8 + 3 * v + rnd();
        friends.push({ account: 'writer', hour, text: `the writer's own post ${v} of day ${d}` });
        const id = `p${friends.length - 1}`;
        for (let f = 0; f < 8; f++)
          if (rnd() < 0.2 + 0.25 * (f / 7))
            friends.push({
              account: `friend${f}`,
              hour: hour + 3 * rnd(),
              kind: 'repost',
              repostOf: id,
              repostOfAccount: 'writer',
            });
      }
    }
    const reported = await reportedAccounts(appended(everydayWithReposts(43), friends));
    assert.ok(!reported.flat().some((a) => a.startsWith('friend')), JSON.stringify(reported));
  });

  it('reports accounts sent together to one post each of many authors', async () => {
    // Ten days, three jobs a day: each job is one everyday user's post, reposted within the hour by six of
    // ten fleet accounts. No author is reposted twice by the fleet, so no following explains the jobs.
    const rnd = seededRandom(53);
    const base = everydayWithReposts(43);
    const fleet: FixturePost[] = [];
    for (let j = 0; j < 30; j++) {
      const k = j * 97 + 11;
      const original = base[k] as FixturePost;
      const accounts = Array.from({ length: 10 }, (_, a) => ({ a, key: rnd() }))
        .sort((x, y) => x.key - y.key)
        .slice(0, 6)
        .map((x) => x.a);
      for (const a of accounts)
        fleet.push({
          account: `fleet${a}`,
          hour: original.hour + rnd(),
          kind: 'repost',
          repostOf: `p${k}`,
          repostOfAccount: original.account,
        });
    }
    const reported = await reportedAccounts([...base, ...fleet]);
    const found = reported.find((n) => n.some((a) => a.startsWith('fleet')));
    assert.ok(found, JSON.stringify(reported));
    assert.ok(found.filter((a) => a.startsWith('fleet')).length >= 8, JSON.stringify(found));
  });
});

describe('a ring that reposts its seeds: followed, so found by its timing', () => {
  it('reports eight accounts that repost every post of three seeds within minutes of each other', async () => {
    // Each day the seeds post eight times within one two-hour window, and eight ring accounts repost every
    // one of them within an exponential three minutes. Their choice of posts is what followers of the seeds
    // would make (all of them), so only their timing can tell them from followers: against the typical
    // post's answers, which the everyday users spread over three hours. The ring's own posts are most of the
    // posts with two answers or more here, so the typical post is taken over the posts it did not answer
    // (with them in, its in-step rate was 0.16, and the ring's 2.7 times that).
    const rnd = seededRandom(59);
    const ring: FixturePost[] = [];
    for (let d = 0; d < 10; d++) {
      for (let v = 0; v < 8; v++) {
        const seed = `seed${(d + v) % 3}`;
        const hour = d * 24 + 10 + v / 6;
        ring.push({ account: seed, hour, text: `seed post ${v} of day ${d} from ${seed}` });
        const id = `p${ring.length - 1}`;
        for (let a = 0; a < 8; a++) {
          const hourAfter = hour + (-3 * Math.log(1 - rnd())) / 60;
          ring.push({
            account: `ring${a}`,
            hour: hourAfter,
            kind: 'repost',
            repostOf: id,
            repostOfAccount: seed,
          });
        }
      }
    }
    const reported = await reportedAccounts(appended(everydayWithReposts(43), ring));
    const found = reported.find((n) => n.some((a) => a.startsWith('ring')));
    assert.ok(found, JSON.stringify(reported));
    assert.deepEqual(
      found.filter((a) => a.startsWith('ring')).sort(),
      Array.from({ length: 8 }, (_, a) => `ring${a}`),
    );
  });
});
