// No member without evidence (issue 17, point 6): a member with no edge inside its network is listed with
// the posts it shares with another member and drawn beside it, and an account nothing ties to its network
// is not listed as a member (the detection handed to describeNetworks is _lone-fixture.ts's).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { describeNetworks, type NetworkDescription } from '../../src/networks/index.js';
import { layoutNetworks } from '../../src/report/html/index.js';
import type { Store } from '../../src/store/index.js';
import { loneMemberDetection } from './_lone-fixture.js';

describe('members and their evidence', () => {
  const work = mkdtempSync(join(tmpdir(), 'lockstep-members-'));
  let store: Store;
  let networks: NetworkDescription[];
  let lone = { aid: -1, account: '' };
  let stranger = { aid: -1, account: '' };

  before(async () => {
    const f = await loneMemberDetection(work);
    ({ store, lone, stranger } = f);
    networks = await describeNetworks(store, f.detection);
  });

  after(() => {
    store?.close();
    rmSync(work, { recursive: true, force: true });
  });

  const holding = (account: string) =>
    networks.find(
      (n) => n.accounts.some((a) => a.account === account) || n.unbacked.some((u) => u.account === account),
    );

  it('lists a member with no edge with the post pairs it shares with another member', async () => {
    const n = holding(lone.account);
    assert.ok(n, 'the member is in a network');
    const member = n.accounts.find((a) => a.account === lone.account);
    assert.ok(member, 'and listed among its accounts');
    assert.equal(member.degree, 0);
    const e = n.memberEvidence.find((m) => m.account === member.key);
    assert.ok(e, 'with evidence');
    assert.ok(n.accounts.some((a) => a.key === e.with) && e.with !== member.key);
    assert.ok(e.items >= 1 && e.pairs.length >= 1 && e.pairs.length <= e.items);
    assert.equal(new Set(e.pairs.map((p) => `${p.a.id}>${p.b.id}`)).size, e.pairs.length, 'distinct pairs');
    const byId = new Map(
      (
        await store.all<{ id: string; account: string; hashtags: string[]; urls: string[] }>(
          `SELECT id, account, hashtags, urls FROM posts WHERE id IN (SELECT unnest($1::VARCHAR[]))`,
          [JSON.stringify(e.pairs.flatMap((p) => [p.a.id, p.b.id]))],
        )
      ).map((r) => [r.id, r]),
    );
    const other = n.accounts.find((a) => a.key === e.with)?.account;
    for (const p of e.pairs) {
      assert.equal(byId.get(p.a.id)?.account, lone.account, 'the member\u2019s post first');
      assert.equal(byId.get(p.b.id)?.account, other, 'then the other member\u2019s');
      assert.ok(p.item !== '', `${p.signal} names its item`);
      if (p.signal === 'cohashtag')
        for (const id of [p.a.id, p.b.id]) assert.ok(byId.get(id)?.hashtags.includes(p.item.slice(1)));
      if (p.signal === 'colink')
        for (const id of [p.a.id, p.b.id]) assert.ok(byId.get(id)?.urls.includes(p.item));
    }
  });

  it('does not list as a member an account that shares nothing with its network', () => {
    const n = holding(stranger.account);
    assert.ok(n, 'the account is accounted for');
    assert.ok(!n.accounts.some((a) => a.account === stranger.account));
    assert.equal(n.size, n.accounts.length);
    assert.deepEqual(
      n.unbacked.map((u) => u.account),
      [stranger.account],
    );
    assert.equal(n.accountIndicators.length, n.accounts.length);
  });

  it('draws a member with no edge beside the member it shares the most with, not far out', () => {
    const n = holding(lone.account);
    assert.ok(n);
    const e = n.memberEvidence[0];
    assert.ok(e);
    const edges = new Map([
      [n.id, n.edges.map((x) => ({ source: x.source, target: x.target, weight: x.weight }))],
    ]);
    const spread = (withLinks: boolean) => {
      const { nodes } = layoutNetworks(
        [{ id: n.id, accounts: n.accounts, ...(withLinks ? { memberEvidence: n.memberEvidence } : {}) }],
        edges,
        200,
      );
      const at = new Map(nodes.map((x) => [x.key, x]));
      const cx = nodes.reduce((s, x) => s + x.x, 0) / nodes.length;
      const cy = nodes.reduce((s, x) => s + x.y, 0) / nodes.length;
      const others = nodes.filter((x) => x.key !== e.account).map((x) => Math.hypot(x.x - cx, x.y - cy));
      const [a, b] = [at.get(e.account), at.get(e.with)];
      assert.ok(a && b);
      return { others: Math.max(...others), apart: Math.hypot(a.x - b.x, a.y - b.y) };
    };
    const loose = spread(false);
    const held = spread(true);
    // Without the link the lone member flies off and the rest shrink to a dot.
    assert.ok(held.apart < loose.apart, JSON.stringify({ loose, held }));
    assert.ok(held.others > loose.others, JSON.stringify({ loose, held }));
  });

  it('gives the members detection kept alone an edge each', () => {
    for (const n of networks)
      for (const a of n.accounts)
        if (a.account !== lone.account) assert.ok(a.degree > 0, `${a.key} in network ${n.id}`);
  });
});
