// The chance model on two hand-built bursts: a protest that most active accounts join on three evenings
// (shared tags, but everyone has them: chance explains it) and eight accounts that post the same rare tags
// and links within minutes of each other every day (chance does not).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { detectNetworks } from '../../src/networks/index.js';
import { background, type FixturePost, storeWith } from '../signals/_fixture.js';

function protest(): FixturePost[] {
  const out: FixturePost[] = [];
  const tags = ['azadi', 'nan', 'kar'];
  tags.forEach((tag, d) => {
    for (let a = 0; a < 180; a++)
      out.push({ account: `bg${a}`, hour: (2 * d + 1) * 24 + 18 + (a % 30) / 10, hashtags: [tag] });
  });
  return out;
}

function coordinated(): FixturePost[] {
  const out: FixturePost[] = [];
  for (let d = 0; d < 6; d++) {
    for (let a = 0; a < 8; a++) {
      out.push({
        account: `op${a}`,
        hour: d * 24 + 9 + a / 60,
        hashtags: [`smear${d}`],
        urls: [`https://state-news.example/${d}/story`],
      });
    }
  }
  return out;
}

describe('chance model', () => {
  it('sets aside a protest that chance explains and reports the coordinated accounts', async () => {
    const store = await storeWith([...background(300, 6), ...protest(), ...coordinated()]);
    try {
      const detection = await detectNetworks(store);
      const names = new Map(
        (await store.all<{ aid: number; account: string }>(`SELECT aid, account FROM _acct`)).map((r) => [
          Number(r.aid),
          r.account,
        ]),
      );
      const named = detection.candidates.map((c) => ({
        ...c,
        accounts: c.members.map((aid) => names.get(aid) ?? ''),
      }));
      const reported = named.filter((c) => c.beyondChance);
      assert.equal(reported.length, 1, `reported: ${JSON.stringify(reported.map((c) => c.accounts))}`);
      assert.deepEqual(
        [...(reported[0]?.accounts ?? [])].sort(),
        Array.from({ length: 8 }, (_, a) => `op${a}`),
      );
      assert.ok(reported[0]?.chance.binding.includes('colink'));
      // The protesters did form candidate communities: the graph linked them, and chance explained them.
      const protesters = named.filter(
        (c) => !c.beyondChance && c.accounts.filter((x) => x.startsWith('bg')).length >= 20,
      );
      assert.ok(protesters.length > 0, 'the protest should reach the chance model as a candidate');
      for (const c of protesters) assert.ok(c.chance.ratio < 3, `protest ratio ${c.chance.ratio}`);
    } finally {
      store.close();
    }
  });
});
