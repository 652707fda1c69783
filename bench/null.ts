// The chance model against data with no coordination in it by construction: each store's posts keep their
// time, text, tags, links and mentions, but within every window (of the detection's window length) the
// accounts are dealt out again at random among that window's posts, so each account keeps how much it
// posted in each window and each item keeps how popular it was, and who-did-what-with-whom is chance.
// Every network reported on such data is a false positive, selection by the grouping included. Prints figures;
// never fails. Usage: node --import tsx bench/null.ts STORE_OR_FILE... [--shuffles 3] [--options JSON]; an
// input `scenario:SEED` is the independent generator's data (@lockstep/generate's scenario, 3,000 accounts).
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { scenario } from '@lockstep/generate';
import { DETECT_DEFAULTS, detectNetworks } from '../src/networks/index.js';
import { loadFiles } from '../src/normalize/index.js';
import { Store } from '../src/store/index.js';
import { storeWith } from '../test/signals/_fixture.js';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { shuffles: { type: 'string', default: '3' }, options: { type: 'string', default: '{}' } },
});
const options = { ...DETECT_DEFAULTS, ...JSON.parse(values.options) };
const W = Math.max(1, Math.round(options.windowSeconds));

for (const input of positionals) {
  const generated = /^scenario:(\d+)$/.exec(input);
  if (!generated && !existsSync(input)) {
    console.log(`${input}: skipped (not found)`);
    continue;
  }
  for (let shuffle = 1; shuffle <= Number(values.shuffles); shuffle++) {
    const store = generated
      ? await storeWith(scenario(Number(generated[1]), 3000).posts)
      : await Store.open();
    if (!generated && input.endsWith('.duckdb')) {
      await store.run(`ATTACH '${input.replaceAll("'", "''")}' AS src (READ_ONLY)`);
      await store.run('INSERT INTO posts SELECT * FROM src.posts');
      await store.run('INSERT INTO accounts SELECT * FROM src.accounts');
      await store.run('DETACH src');
    } else if (!generated) {
      await loadFiles(store, [input]);
    }
    // Within each window, the k-th post in a seeded random order takes the account of the k-th post in
    // time order: the window's accounts and their post counts are kept, their posts are not.
    await store.run(`
      CREATE TEMP TABLE _deal AS
      WITH w AS (SELECT platform, id, account, epoch(time)::BIGINT // ${W} AS b FROM posts WHERE time IS NOT NULL),
      byTime AS (SELECT b, account, row_number() OVER (PARTITION BY b ORDER BY account, id) AS k FROM w),
      byDraw AS (SELECT platform, id, b, row_number() OVER (PARTITION BY b ORDER BY hash(id, ${shuffle})) AS k FROM w)
      SELECT d.platform, d.id, t.account FROM byDraw d JOIN byTime t USING (b, k);
      UPDATE posts SET account = d.account FROM _deal d WHERE posts.platform = d.platform AND posts.id = d.id;`);
    const began = performance.now();
    const detection = await detectNetworks(store, options);
    const reported = detection.candidates.filter((c) => c.beyondChance);
    console.log(
      `${input} (shuffle ${shuffle}): ${detection.signals.posts.toLocaleString('en-US')} posts, ` +
        `${detection.candidates.length} candidates, ${reported.length} reported` +
        (reported.length > 0
          ? ` (sizes ${reported.map((c) => c.members.length).join(', ')}; binding ${reported.map((c) => c.chance.binding.join('+')).join(', ')})`
          : '') +
        `; ${((performance.now() - began) / 1000).toFixed(1)} s`,
    );
    store.close();
  }
}
