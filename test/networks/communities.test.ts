// Communities split once more (--split-communities, off by default): a reply brigade that Louvain merges
// into a community of hundreds (the independent scenario generator, bench/_scenario.ts, at 800 accounts) is
// found once that community is split by Louvain on its own subgraph, and lost without the split.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scenario } from '../../bench/_scenario.js';
import { detectNetworks } from '../../src/networks/index.js';
import { accountNames, storeWith } from '../signals/_fixture.js';

/** The reported networks as lists of the generator's roles ('organic', 'A' ... 'E'). */
async function reportedRoles(splitCommunities: number) {
  const { posts, role } = scenario(14, 800);
  const store = await storeWith(posts);
  try {
    const detection = await detectNetworks(store, { splitCommunities });
    const names = await accountNames(store);
    return detection.candidates
      .filter((c) => c.beyondChance)
      .map((c) => c.members.map((aid) => role.get(names.get(aid) ?? '') ?? '?'));
  } finally {
    store.close();
  }
}

const brigadeIn = (networks: string[][]) => networks.find((n) => n.filter((r) => r === 'E').length >= 8);

describe('communities split once more', () => {
  it('finds a reply brigade that Louvain merged into a community of hundreds', async () => {
    assert.equal(brigadeIn(await reportedRoles(0)), undefined, 'without the split the brigade is lost');
    const networks = await reportedRoles(20);
    const brigade = brigadeIn(networks);
    assert.ok(brigade, JSON.stringify(networks.map((n) => n.length)));
    for (const n of networks)
      assert.ok(
        n.filter((r) => r === 'organic').length * 2 < n.length,
        `a mostly organic network: ${n.join(',')}`,
      );
  });
});
