// Each coordination signal on a small hand-built case: a pair that acts together within the window on
// several occasions must be linked by that signal; a pair that touches the same items a day apart must not.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { computeSignals, type SignalName } from '../../src/signals/index.js';
import { background, edgePairs, type FixturePost, storeWith } from './_fixture.js';

/** Accounts a and b touch item k together (minutes apart) on day k; c touches the same item a day later. */
function together(make: (account: string, k: number, hour: number) => FixturePost): FixturePost[] {
  const out: FixturePost[] = [];
  for (let k = 0; k < 4; k++) {
    const hour = k * 24 + 10;
    out.push(make('a', k, hour), make('b', k, hour + 0.1), make('c', k, hour + 24 + 5));
  }
  return out;
}

const TALKING = [
  'the opposition lied about the numbers at the rally again',
  'foreign agents are paying the organisers of every strike',
  'state television showed the real crowd was tiny and bored',
  'the currency is stable and prices will fall next month',
];

const cases: Array<[SignalName, (account: string, k: number, hour: number) => FixturePost]> = [
  ['corepost', (account, k, hour) => ({ account, hour, kind: 'repost', repostOf: `orig${k}` })],
  ['cohashtag', (account, k, hour) => ({ account, hour, hashtags: [`rare${k}`] })],
  ['colink', (account, k, hour) => ({ account, hour, urls: [`https://news${k}.example/story/${k}`] })],
  [
    'neardup',
    (account, k, hour) => ({
      account,
      hour,
      text: `${TALKING[k]} ${account === 'b' ? 'today' : 'now'}`,
    }),
  ],
  ['comention', (account, k, hour) => ({ account, hour, mentions: [`target${k}`] })],
  ['coreply', (account, k, hour) => ({ account, hour, kind: 'reply', replyTo: `answered${k}` })],
];

describe('signals', () => {
  for (const [signal, make] of cases) {
    it(`${signal}: links a pair acting together on four days, not a pair a day apart`, async () => {
      const store = await storeWith([...background(30, 5), ...together(make)]);
      try {
        await computeSignals(store, { signals: [signal] }, 3, 4 * 3600);
        const edges = await edgePairs(store);
        const ab = edges.get('a|b');
        assert.ok(ab, `a and b should be linked by ${signal}`);
        assert.equal(ab[`n_${signal}`], 4, 'four distinct shared items');
        assert.equal(edges.has('a|c'), false, 'a and c act a day apart');
        assert.equal(edges.has('b|c'), false);
      } finally {
        store.close();
      }
    });
  }

  it('a reply counts once, on the post it answers: the official it names is not a second item', async () => {
    // Replies to four posts of one official, naming the official each time: four co-reply items, and no
    // co-mention (the named account is the answered post's author, which the post already stands for).
    const store = await storeWith([
      ...background(30, 5),
      ...together((account, k, hour) => ({
        account,
        hour,
        kind: 'reply',
        replyTo: `official${k}`,
        mentions: ['official'],
      })),
    ]);
    try {
      await computeSignals(store, { signals: ['comention', 'coreply'] }, 3, 4 * 3600);
      const ab = (await edgePairs(store)).get('a|b');
      assert.ok(ab, 'a and b answer the same four posts');
      assert.equal(ab.n_coreply, 4);
      assert.equal(ab.n_comention, 0);
    } finally {
      store.close();
    }
  });

  it('one moment is one event: four items shared within a single hour make no edge', async () => {
    const posts: FixturePost[] = [...background(30, 3)];
    for (let k = 0; k < 4; k++) {
      posts.push({ account: 'a', hour: 30 + k * 0.1, hashtags: [`storm${k}`] });
      posts.push({ account: 'b', hour: 30.05 + k * 0.1, hashtags: [`storm${k}`] });
    }
    const store = await storeWith(posts);
    try {
      await computeSignals(store, { signals: ['cohashtag'] }, 3, 4 * 3600);
      assert.equal((await edgePairs(store)).has('a|b'), false);
    } finally {
      store.close();
    }
  });

  it('a group larger than maxGroupAccounts is chained, not expanded, and counted as capped', async () => {
    const posts: FixturePost[] = [];
    for (let i = 0; i < 120; i++)
      posts.push({ account: `fan${i}`, hour: 5 + i / 1000, kind: 'repost', repostOf: 'viral' });
    const store = await storeWith(posts);
    try {
      const run = await computeSignals(
        store,
        { signals: ['corepost'], maxGroupAccounts: 50, cappedNeighbours: 5 },
        1,
        0,
      );
      const corepost = run.signals.find((s) => s.signal === 'corepost');
      assert.equal(corepost?.cappedGroups, 1);
      assert.equal(corepost?.largestGroupAccounts, 120);
      // 120 accounts each linked to at most the next 5: far fewer than the 7,140 pairs of the whole group.
      assert.ok((corepost?.pairs ?? 0) <= 120 * 5, `pairs ${corepost?.pairs}`);
      assert.ok((corepost?.pairs ?? 0) >= 100);
    } finally {
      store.close();
    }
  });
});
