// The report's layout holds a network of any size: the figures it takes over a network's edges and members
// are folds, not spreads into one call (Math.min(1, ...weights) overflowed the call stack on a network of a
// few hundred thousand edges, which ended a 10M-post run after 794 s, in the writing of its run folder).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { NetworkAccount } from '../../src/networks/index.js';
import { layoutNetworks } from '../../src/report/html/index.js';

describe('layoutNetworks', () => {
  it('lays out a network of 700 accounts and all 244,650 of their pairs', () => {
    const n = 700;
    const accounts = Array.from(
      { length: n },
      (_, i) =>
        ({
          key: `a${i}`,
          platform: 'twitter',
          account: `a${i}`,
          handle: null,
          name: null,
          centrality: 1,
          degree: n - 1,
          strength: n - 1,
          role: 'member',
          posts: 1,
        }) as unknown as NetworkAccount,
    );
    const edges = [];
    for (let i = 0; i < n; i++)
      for (let j = i + 1; j < n; j++)
        edges.push({ source: `a${i}`, target: `a${j}`, weight: 1 + ((i * j) % 7) });
    assert.equal(edges.length, 244_650);
    const { nodes } = layoutNetworks([{ id: 1, accounts }], new Map([[1, edges]]), 1);
    assert.equal(nodes.length, n);
    for (const p of nodes) assert.ok(Number.isFinite(p.x) && Number.isFinite(p.y), JSON.stringify(p));
  });
});
