// A second, independent scenario generator, written apart from src/generate so that accuracy is not only
// measured on data shaped by the same hands as the detector: an organic background (activity, hashtags,
// links and words drawn from Zipf-like laws, reposts of a few hundred viral posts), a protest on three
// evenings that a third of all accounts join (half of them copying one of five slogans), a tweetstorm with
// a suggested text, and five planted networks: a copy-paste ring (A), a retweet ring around three seed
// accounts (B), a slow link-sharing network (C), amplifiers who repost the most reposted posts within half
// a minute of each other (D) and a reply brigade that answers a much-answered minister in step (E). Prints
// what lockstep reports; never fails.
// Usage: node --import tsx bench/scenarios.ts [--accounts 3000] [--seeds 1,2,3] [--options JSON]
import { parseArgs } from 'node:util';
import { scenario } from '@lockstep/generate';
import { detectNetworks } from '../src/networks/index.js';
import { storeWith } from '../test/signals/_fixture.js';

const { values } = parseArgs({
  options: {
    accounts: { type: 'string', default: '3000' },
    seeds: { type: 'string', default: '1,2,3' },
    options: { type: 'string', default: '{}' },
  },
});
for (const seed of values.seeds.split(',').map(Number)) {
  const { posts, role, protesters, stormers } = scenario(seed, Number(values.accounts));
  const store = await storeWith(posts);
  const began = performance.now();
  const detection = await detectNetworks(store, JSON.parse(values.options));
  const seconds = (performance.now() - began) / 1000;
  const names = new Map(
    (await store.all<{ aid: number; account: string }>('SELECT aid, account FROM _acct')).map((r) => [
      Number(r.aid),
      r.account,
    ]),
  );
  const reported = detection.candidates
    .filter((c) => c.beyondChance)
    .map((c) => c.members.map((aid) => names.get(aid) as string));
  const flagged = new Set(reported.flat());
  const recall = ['A', 'B', 'C', 'D', 'E'].map((n) => {
    const members = [...role].filter(([, r]) => r === n).map(([a]) => a);
    return `${n} ${members.filter((a) => flagged.has(a)).length}/${members.length}`;
  });
  const organic = [...flagged].filter((a) => role.get(a) === 'organic');
  const majority = reported.filter((n) => n.filter((a) => role.get(a) === 'organic').length > n.length / 2);
  console.log(
    `seed ${seed}: ${posts.length.toLocaleString('en-US')} posts; networks ${reported.map((n) => n.length).join(', ') || 'none'}; ` +
      `recall ${recall.join(', ')}; organic accounts flagged ${organic.length} (protesters ` +
      `${organic.filter((a) => protesters.has(a)).length} of ${protesters.size}, tweetstorm ` +
      `${organic.filter((a) => stormers.has(a)).length} of ${stormers.size}); mostly-organic networks ` +
      `${majority.map((n) => n.length).join(', ') || 'none'}; detect ${seconds.toFixed(1)} s`,
  );
  store.close();
}
