// Detection on the public real data, at default settings: the organic Persian Baraye tweets give no
// network; the IRA Fearmonger flood, the IRA's election-week operations (one role per network), the
// CooRTweet Russian retweets and the same-owner Telegram channel families do, and the syndication control
// (RIA Novosti) stays out. Skipped when ../shared is absent.
import assert from 'node:assert/strict';
import { existsSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, it } from 'node:test';
import { type Detection, detectNetworks } from '../../src/networks/index.js';
import { loadFiles } from '../../src/normalize/index.js';
import { Store } from '../../src/store/index.js';
import { accountNames } from '../signals/_fixture.js';

const REAL = resolve(import.meta.dirname, '../../../shared/data/real');
const skip = existsSync(REAL)
  ? false
  : `real data not found at ${REAL} (it sits beside the repository in CI)`;

/** Loads the files, detects with the defaults, and returns the reported networks as account-id lists. */
async function networksOf(
  files: string[],
): Promise<{ networks: string[][]; store: Store; population: Detection['population'] }> {
  const store = await Store.open();
  await loadFiles(
    store,
    files.map((f) => join(REAL, f)),
  );
  const detection = await detectNetworks(store);
  const names = await accountNames(store);
  const networks = detection.candidates
    .filter((c) => c.beyondChance)
    .map((c) => c.members.map((aid) => names.get(aid) as string));
  return { networks, store, population: detection.population };
}

describe('detection on real data', { skip }, () => {
  it('mahsaamini-baraye: organic protest tweets give no network', async () => {
    const { networks, store } = await networksOf(['mahsaamini-baraye/baraye_tweets.json']);
    store.close();
    assert.deepEqual(networks, []);
  });

  it('ira-538 election week: networks of dozens, each made of one of the roles Linvill & Warren coded', async () => {
    const { networks, store, population } = await networksOf([
      'ira-538-by-author/ira_tweets_2016-10-31_to_2016-11-09.csv',
    ]);
    assert.equal(population.warning, null, 'several operations, each an outside population for the others');
    const authors = join(REAL, 'ira-538-by-author/authors.csv').replaceAll("'", "''");
    const role = new Map(
      (
        await store.all<{ account: string; role: string }>(
          `SELECT lower(author) AS account, account_category AS role FROM read_csv('${authors}', all_varchar = true)`,
        )
      ).map((r) => [r.account, r.role]),
    );
    store.close();
    // The roles were coded from each account's content, independently of timing: a network that mixed
    // them would be accounts joined by chance.
    const large = networks.filter((n) => n.length >= 20);
    assert.ok(large.length >= 3, `networks of 20 or more: ${large.map((n) => n.length).join(', ')}`);
    // Every account here is the IRA's, so a small group across roles may be coordinated too (the roles are
    // Linvill & Warren's reading of each account's usual behaviour); networks of dozens are one role each,
    // and on this week one network of 4 mixes roles (bench/real.ts).
    const mixed = networks.filter((n) => new Set(n.map((a) => role.get(a))).size > 1);
    for (const n of mixed) assert.ok(n.length < 20, `a network of ${n.length} mixes roles`);
    assert.ok(mixed.length <= 1, `${mixed.length} networks mix roles`);
  });

  it('ira-538 Fearmonger: a network of dozens of #KochFarms posters', async () => {
    const { networks, store, population } = await networksOf(['ira-538-by-author/ira_fearmonger_all.csv']);
    // The file holds one campaign only: the run says that its chance model has a thin outside population.
    assert.ok(
      population.activityInCandidates >= 0.9,
      `activity in candidates ${population.activityInCandidates}`,
    );
    assert.match(population.warning ?? '', /a collection of one operation looks like this/);
    const tagged = new Set(
      (
        await store.all<{ account: string }>(
          `SELECT DISTINCT account FROM posts WHERE list_contains(hashtags, 'kochfarms')`,
        )
      ).map((r) => r.account),
    );
    store.close();
    // A network of dozens: the parts of the campaign that chance explains against each other are judged
    // together once the first parts are reported (when the run warns; docs/method.md).
    const best = networks.sort((x, y) => y.length - x.length)[0] ?? [];
    assert.ok(best.length >= 24, `largest network ${best.length}`);
    const flagged = networks.flat();
    assert.ok(flagged.length >= 60, `accounts in networks ${flagged.length}`);
    assert.ok(
      flagged.every((account) => tagged.has(account)),
      'every member posted #kochfarms',
    );
  });

  it('coortweet-russian-coord: two small coordinated retweet groups (bench/real.ts: 4 and 4 accounts)', async () => {
    const { networks, store } = await networksOf(['coortweet-russian-coord/russian_coord_tweets.csv']);
    store.close();
    // The documented figures (BENCHMARKS.md, 2026-12-08): two networks, of 4 and 4 accounts. The data have no
    // labels, so the test holds the figures within a tolerance: one to three networks, 5 to 10 accounts.
    const sizes = networks.map((n) => n.length).sort((x, y) => x - y);
    assert.ok(networks.length >= 1 && networks.length <= 3, `networks of ${sizes.join(', ')}`);
    const accounts = sizes.reduce((sum, n) => sum + n, 0);
    assert.ok(accounts >= 5 && accounts <= 10, `networks of ${sizes.join(', ')}`);
    assert.ok(
      sizes.every((n) => n >= 3 && n <= 6),
      `networks of ${sizes.join(', ')}`,
    );
  });

  it('telegram-ru-news: the Топор and Огонёк families are linked, RIA Novosti is not', async () => {
    const dir = 'telegram-ru-news/channels';
    const files = readdirSync(join(REAL, dir)).map((f) => join(dir, f));
    const { networks, store } = await networksOf(files);
    store.close();
    // Channel accounts are `channel<id>`, the id without the -100 prefix of the file names.
    const channel = (id: string) => `channel${id.replace(/^100/, '')}`;
    const together = (a: string, b: string) =>
      networks.some((n) => n.includes(channel(a)) && n.includes(channel(b)));
    // Топор+ with Топор Live and КиберТопор (SOURCE.md: same family; its 75 shared messages with Топор+
    // hold only once the Топор channels found in the first round leave the reference);
    // Москва с огоньком with its Live channel.
    assert.ok(together('1001237513492', '1001754252633'), JSON.stringify(networks));
    assert.ok(together('1001237513492', '1001966291562'), JSON.stringify(networks));
    assert.ok(together('1001125816841', '1001699803165'), JSON.stringify(networks));
    assert.ok(
      !networks.flat().includes(channel('1001101170442')),
      'RIA Novosti is syndication, not a family',
    );
    // The two families are not merged into one network.
    assert.ok(!together('1001237513492', '1001125816841'));
  });
});
