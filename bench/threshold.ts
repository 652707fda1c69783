// The time-threshold definition of coordination that CooRnet and CooRTweet use, on the same data as
// lockstep, for comparison: two accounts are coordinated when they repost (or quote) the same original
// within --seconds of each other; as CooRTweet's detect_groups has it, only accounts with at least
// --min-shares reposts take part, a pair is kept when at least one of its accounts has --min-shares
// reposts in such pairs, and the groups are the connected components of the kept pairs. There is no chance model, so every
// pair of a popular post's sharers within the threshold counts. Prints the components and where their
// accounts fall in lockstep's detection with the defaults. Pairs are enumerated per original, which is
// quadratic in an original's sharers: meant for example-sized data (CooRTweet's 35,000 retweets).
// Usage: node --import tsx bench/threshold.ts FILE... [--seconds 10] [--min-shares 2]
import { parseArgs } from 'node:util';
import { UndirectedGraph } from 'graphology';
import { connectedComponents } from 'graphology-components';
import { scoreAgainstChance } from '../src/networks/chance.js';
import { detectNetworks } from '../src/networks/index.js';
import { loadFiles } from '../src/normalize/index.js';
import { Store } from '../src/store/index.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { seconds: { type: 'string', default: '10' }, 'min-shares': { type: 'string', default: '2' } },
});
const seconds = Number(values.seconds);
const minShares = Number(values['min-shares']);
if (positionals.length === 0)
  throw new Error('usage: bench/threshold.ts FILE... [--seconds 10] [--min-shares 2]');

const store = await Store.open();
await loadFiles(store, positionals);
await store.run(`
  CREATE TEMP TABLE _sh AS
    SELECT account, id, coalesce(repost_of, quote_of) AS object, epoch(time) AS t FROM posts
    WHERE coalesce(repost_of, quote_of) IS NOT NULL AND time IS NOT NULL
      AND account IN (SELECT account FROM posts WHERE coalesce(repost_of, quote_of) IS NOT NULL
                      GROUP BY account HAVING count(*) >= ${minShares});
  CREATE TEMP TABLE _cp AS
    SELECT x.account AS a, y.account AS c, x.id AS pa, y.id AS pc
    FROM _sh x JOIN _sh y ON x.object = y.object AND x.account < y.account AND abs(x.t - y.t) <= ${seconds};
  CREATE TEMP TABLE _kept AS
    SELECT account FROM (SELECT a AS account, pa AS id FROM _cp UNION SELECT c, pc FROM _cp)
    GROUP BY account HAVING count(*) >= ${minShares}`);
const pairs = await store.all<{ a: string; c: string }>(
  `SELECT DISTINCT a, c FROM _cp WHERE a IN (SELECT account FROM _kept) OR c IN (SELECT account FROM _kept)`,
);
const graph = new UndirectedGraph();
for (const { a, c } of pairs) graph.mergeEdge(a, c);
const groups = connectedComponents(graph).sort((x, y) => y.length - x.length);

const detection = await detectNetworks(store);
const names = new Map(
  (await store.all<{ aid: number; account: string }>('SELECT aid, account FROM _acct')).map((r) => [
    r.account,
    Number(r.aid),
  ]),
);
const reported = new Set(detection.candidates.filter((c) => c.beyondChance).flatMap((c) => c.members));
const inCandidate = new Set(detection.candidates.flatMap((c) => [...c.members, ...c.pruned]));
console.log(
  `threshold ${seconds} s, at least ${minShares} coordinated shares: ${graph.order} accounts, ${pairs.length} pairs, ` +
    `${groups.length} groups (${groups
      .slice(0, 12)
      .map((g) => g.length)
      .join(', ')}${groups.length > 12 ? ', ...' : ''})`,
);
const all = graph.nodes().map((x) => names.get(x) ?? -1);
console.log(
  `  of their accounts, ${all.filter((a) => inCandidate.has(a)).length} are in a lockstep candidate community and ` +
    `${all.filter((a) => reported.has(a)).length} in a reported network ` +
    `(${detection.candidates.filter((c) => c.beyondChance).length} networks, ${reported.size} accounts)`,
);
// Each threshold group of minAccounts or more, scored by lockstep's chance model as it stands (as if it
// were a group the grouping had found): is its co-activity beyond what independent accounts would produce?
const tested = groups.filter((g) => g.length >= detection.parameters.minAccounts);
await store.run('CREATE OR REPLACE TEMP TABLE _m (aid INTEGER, net INTEGER)');
await store.run('CREATE OR REPLACE TEMP TABLE _xg (aid INTEGER)');
for (const [net, g] of tested.entries())
  for (const x of g)
    if (names.has(x)) await store.run('INSERT INTO _m VALUES ($1, $2)', [names.get(x) ?? -1, net]);
const scored = await scoreAgainstChance(store, {
  minZScore: detection.parameters.minZScore,
  minRatio: detection.parameters.minRatio,
  minGroups: detection.parameters.minSharedItems,
  timing: {
    syncSeconds: detection.parameters.syncSeconds,
    windowSeconds: detection.parameters.windowSeconds,
    minGroups: detection.parameters.minSharedItems,
    minZScore: detection.parameters.minZScore,
  },
});
for (const [net, g] of tested.entries()) {
  const c = scored.get(net);
  const corepost = c?.perSignal.corepost;
  console.log(
    `  group of ${g.length}: ${c && c.binding.length > 0 ? `beyond chance on ${c.binding.join('+')}` : 'within chance'}` +
      (corepost
        ? ` (co-repost O ${corepost.observed} / E ${corepost.expected}, z ${corepost.zScore}` +
          `${corepost.unshared ? `; only-members O ${corepost.unshared.observed} / E ${corepost.unshared.expected}` : ''}` +
          `${corepost.timing ? `; in step O ${corepost.timing.observed} / E ${corepost.timing.expected}` : ''})`
        : ''),
  );
}
store.close();
