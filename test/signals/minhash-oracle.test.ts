// Oracle test of the near-duplicate signal's MinHash and LSH banding (src/signals/near-duplicate.ts,
// docs/method.md section 1): two texts whose word-bigram sets have Jaccard similarity s share a bucket, and
// so a text family, with probability 1 - (1 - s^r)^b for b bands of r rows. Many pairs of texts with an
// exact, known s (each pair with words of its own, so that pairs cannot link to each other), the signal run
// on all of them, and the share of linked pairs per level compared with that curve within a binomial
// tolerance.
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { seededRandom } from '@lockstep/generate';
import { computeSignals } from '../../src/signals/index.js';
import type { Store } from '../../src/store/index.js';
import { type FixturePost, storeWith } from './_fixture.js';

/** Word bigrams of a normalised text, as the method describes them: words split at spaces, adjacent pairs. */
function bigrams(text: string): Set<string> {
  const words = text.split(' ');
  return new Set(words.slice(1).map((w, i) => `${words[i]} ${w}`));
}

function jaccard(x: Set<string>, y: Set<string>): number {
  let shared = 0;
  for (const v of x) if (y.has(v)) shared++;
  return shared / (x.size + y.size - shared);
}

/**
 * Two texts of distinct words whose bigram sets have Jaccard similarity shared / union: both hold a run of
 * shared + 1 common words (shared common bigrams), placed at an offset of their own in each, among words
 * of their own, so that each text has (union + shared) / 2 bigrams. `union + shared` must be even.
 */
function pairOf(rnd: () => number, id: string, shared: number, union: number): [string, string] {
  const each = (union + shared) / 2;
  const words = each + 1;
  const common = Array.from({ length: shared + 1 }, (_, i) => `c${id}x${i}`);
  const text = (side: string) => {
    const own = Array.from({ length: words - common.length }, (_, i) => `${side}${id}x${i}`);
    const at = Math.floor(rnd() * (own.length + 1));
    return [...own.slice(0, at), ...common, ...own.slice(at)].join(' ');
  };
  return [text('a'), text('b')];
}

/** The LSH banding's chance of putting two texts of similarity s in a common bucket. */
const linkChance = (s: number, bands: number, rows: number) => 1 - (1 - s ** rows) ** bands;

/**
 * Similarity levels (shared bigrams out of a union of 40: s = 0.2, 0.5, 0.7, 0.9) and pairs at each: the
 * binomial standard error of a share is sqrt(P (1 - P) / pairs), 0.0054 at s = 0.5 with 5,000 pairs, where
 * the curve is steepest and the departure below largest.
 */
const LEVELS = [
  { shared: 8, pairs: 1000 },
  { shared: 20, pairs: 5000 },
  { shared: 28, pairs: 2000 },
  { shared: 36, pairs: 1000 },
];
const UNION = 40;

/** Every level's pairs as posts (two accounts a day apart: only text families are read here), and their s. */
function pairPosts(seed: number): { posts: FixturePost[]; similarity: number[] } {
  const rnd = seededRandom(seed);
  const posts: FixturePost[] = [];
  const similarity = LEVELS.map(({ shared, pairs }, level) => {
    const levels = new Set<number>();
    for (let p = 0; p < pairs; p++) {
      const id = `${level}n${p}`;
      const [a, b] = pairOf(rnd, id, shared, UNION);
      levels.add(jaccard(bigrams(a), bigrams(b)));
      posts.push({ account: `a${id}`, hour: 1, text: a }, { account: `b${id}`, hour: 30, text: b });
    }
    assert.equal(levels.size, 1, 'one similarity per level');
    return [...levels][0] as number;
  });
  return { posts, similarity };
}

/** Per level, the share of pairs whose two texts landed in one text family (one neardup item). */
async function linkedShares(store: Store, bands: number, rows: number): Promise<number[]> {
  await computeSignals(store, { signals: ['neardup'], minhashBands: bands, minhashRows: rows });
  const touches = await store.all<{ account: string; item: bigint }>(`
    SELECT a.account, t.item FROM _touch t JOIN _acct a USING (aid)`);
  const item = new Map(touches.map((r) => [r.account, r.item]));
  assert.equal(item.size, 2 * LEVELS.reduce((n, l) => n + l.pairs, 0), 'every text is a touch of the signal');
  return LEVELS.map(({ pairs }, level) => {
    let linked = 0;
    for (let p = 0; p < pairs; p++) if (item.get(`a${level}n${p}`) === item.get(`b${level}n${p}`)) linked++;
    return linked / pairs;
  });
}

/**
 * Levels where the signal departs from the curve beyond the binomial tolerance, measured 2026-12 (seed 41):
 * 6 x 5 at s = 0.5 linked 0.1924 of 5,000 pairs against 0.1734 (+3.5 standard errors; five other seeds of
 * 1,000 pairs gave 0.204, 0.229, 0.229, 0.218, 0.221), 10 x 3 at s = 0.5 linked 0.7092 of 5,000 against
 * 0.7369 (-4.4 standard errors). Batches of pairs vary more than a binomial count would, and in either
 * direction. A likely cause: the 30 MinHash functions are DuckDB's hash(shingle, i), which is g(shingle)
 * XOR c_i for one mixing g and a constant c_i per function (hash(x, 1) XOR hash(x, 2) is the same for every
 * x), so they are one hash seen through 30 masks, not 30 independent permutations: functions whose c_i
 * share leading bits take their minimum on the same shingle, and the rows of a band are not independent.
 */
const DEPARTS: Record<string, string> = {};

describe('MinHash LSH against exact Jaccard similarity', () => {
  let store: Store;
  let similarity: number[];
  before(async () => {
    const made = pairPosts(41);
    similarity = made.similarity;
    store = await storeWith(made.posts);
  });
  after(() => store.close());

  for (const [bands, rows] of [
    [6, 5],
    [10, 3],
  ] as const) {
    describe(`${bands} bands of ${rows} rows: linked with probability 1 - (1 - s^${rows})^${bands}`, () => {
      let shares: number[];
      before(async () => {
        shares = await linkedShares(store, bands, rows);
      });
      LEVELS.forEach(({ shared, pairs }, level) => {
        const s = shared / UNION;
        const key = `${bands}x${rows} s=${s}`;
        const todo = DEPARTS[key];
        it(`at s = ${s}`, todo === undefined ? {} : { todo }, (t) => {
          assert.equal(similarity[level], s, 'the exact Jaccard similarity of each pair');
          const share = shares[level] as number;
          const expected = linkChance(s, bands, rows);
          // Pairs are independent (no shared words), so the linked count is binomial: four standard
          // errors, and at least 0.005 where the curve is near 0 or 1.
          const tolerance = Math.max(4 * Math.sqrt((expected * (1 - expected)) / pairs), 0.005);
          const figures = `${key}: ${share.toFixed(4)} of ${pairs} pairs linked, curve ${expected.toFixed(4)} +- ${tolerance.toFixed(4)}`;
          t.diagnostic(figures);
          assert.ok(Math.abs(share - expected) <= tolerance, figures);
        });
      });
    });
  }

  it('puts exact copies in one family, and leaves texts below --min-words out', async () => {
    const store = await storeWith([
      { account: 'x', hour: 1, text: 'the same five words here and there' },
      { account: 'y', hour: 2, text: 'the same five words here and there' },
      { account: 'z', hour: 3, text: 'four words only here' },
    ]);
    try {
      await computeSignals(store, { signals: ['neardup'] });
      const rows = await store.all<{ account: string; item: bigint }>(`
        SELECT a.account, t.item FROM _touch t JOIN _acct a USING (aid) ORDER BY a.account`);
      assert.deepEqual(
        rows.map((r) => r.account),
        ['x', 'y'],
      );
      assert.equal(rows[0]?.item, rows[1]?.item);
    } finally {
      store.close();
    }
  });
});
