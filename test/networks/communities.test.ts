// The grouping has no resolution limit: a reply brigade among hundreds who answer the same account (the
// scenario generator written apart from the detector, @lockstep/generate's `scenario`, at 800 accounts),
// which modularity (Louvain) merged into a community of hundreds, is its own group under Leiden-CPM and is
// found.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { scenario } from '@lockstep/generate';
import { detectNetworks } from '../../src/networks/index.js';
import { accountNames, storeWith } from '../signals/_fixture.js';

/** The reported networks as lists of the generator's roles ('organic', 'A' ... 'E'). */
async function reportedRoles() {
  const { posts, role } = scenario(14, 800);
  const store = await storeWith(posts);
  try {
    const detection = await detectNetworks(store);
    const names = await accountNames(store);
    return detection.candidates
      .filter((c) => c.beyondChance)
      .map((c) => c.members.map((aid) => role.get(names.get(aid) ?? '') ?? '?'));
  } finally {
    store.close();
  }
}

const brigadeIn = (networks: string[][]) => networks.find((n) => n.filter((r) => r === 'E').length >= 8);

describe('groups without a resolution limit', () => {
  it('finds a reply brigade among hundreds who answer the same account', async () => {
    const networks = await reportedRoles();
    const brigade = brigadeIn(networks);
    assert.ok(brigade, JSON.stringify(networks.map((n) => n.length)));
    for (const n of networks)
      assert.ok(
        n.filter((r) => r === 'organic').length * 2 < n.length,
        `a mostly organic network: ${n.join(',')}`,
      );
  });
});
