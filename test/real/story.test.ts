// What a reader of the run sees on the public real data (issue 17, point 6), at default settings: Telegram
// channels named by their titles in the graph files and the report's layout, not `channel1288489154`;
// "most repeated texts" only texts two members or more posted; evidence as distinct post pairs, each naming
// what it shares (on the IRA Fearmonger flood, where 43% of edges.csv's evidence cells repeated a pair); no
// link cut short in the text taken for a site (the IRA election-week retweets' `https://t…`). Skipped, with
// a message, when ../shared is absent.
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, describe, it } from 'node:test';
import { describeNetworks, detectNetworks, type NetworkDescription } from '../../src/networks/index.js';
import { loadFiles } from '../../src/normalize/index.js';
import { writeRunFolder } from '../../src/report/index.js';
import { Store } from '../../src/store/index.js';

const REAL = resolve(import.meta.dirname, '../../../shared/data/real');
const skip = existsSync(REAL)
  ? false
  : `real data not found at ${REAL} (it sits beside the repository in CI)`;
if (skip) process.stderr.write(`real-data story test skipped: ${skip}\n`);

const work = mkdtempSync(join(tmpdir(), 'lockstep-real-story-'));
after(() => rmSync(work, { recursive: true, force: true }));

/** Analyses `files` (under REAL) into a run folder and returns its networks and the folder. */
async function analyse(
  name: string,
  files: string[],
): Promise<{ networks: NetworkDescription[]; dir: string }> {
  const dir = join(work, name);
  const store = await Store.open();
  try {
    const ingest = await loadFiles(
      store,
      files.map((f) => join(REAL, f)),
    );
    const detection = await detectNetworks(store);
    const networks = await describeNetworks(store, detection);
    await writeRunFolder(dir, { store, detection, networks, ingest, timings: {}, inputs: [] });
    return { networks, dir };
  } finally {
    store.close();
  }
}

describe('what a reader sees, on real data', { skip }, () => {
  it('telegram-ru-news: channels are named by their titles; repeated texts are posted by two channels or more', async () => {
    const dir = 'telegram-ru-news/channels';
    const run = await analyse(
      'telegram',
      readdirSync(join(REAL, dir)).map((f) => join(dir, f)),
    );
    assert.ok(run.networks.length > 0);
    const gexf = readFileSync(join(run.dir, 'network.gexf'), 'utf8');
    const labels = [...gexf.matchAll(/<node id="([^"]+)" label="([^"]*)"/g)].map((m) => [m[1], m[2]]);
    assert.ok(labels.length > 0);
    for (const [id, label] of labels) {
      assert.match(id ?? '', /^channel\d+$/);
      assert.doesNotMatch(label ?? '', /^channel\d+$/, `${id} is labelled by its id`);
    }
    // SOURCE.md's titles of the Топор family.
    const shown = new Set(labels.map(([, label]) => label));
    for (const title of ['Топор+', 'Топор Live']) assert.ok(shown.has(title), [...shown].join(' | '));
    // A channel's own signature line (one account, many posts) was listed among the repeated texts.
    for (const n of run.networks) for (const t of n.topTexts) assert.ok(t.accounts >= 2, JSON.stringify(t));
  });

  it('ira-538 Fearmonger: evidence cells list distinct post pairs, each naming what it shares', async () => {
    const run = await analyse('fearmonger', ['ira-538-by-author/ira_fearmonger_all.csv']);
    let cells = 0;
    for (const n of run.networks)
      for (const e of n.edges) {
        const pairs = e.evidence.map((x) => `${x.a}>${x.b}`);
        assert.equal(new Set(pairs).size, pairs.length, `${e.source}–${e.target}: ${pairs.join(';')}`);
        assert.ok(e.evidenceTotal >= pairs.length && e.evidenceTotal <= e.items);
        for (const x of e.evidence) assert.ok(x.item !== '', `${x.a}>${x.b}: ${x.signal} names no item`);
        cells++;
      }
    assert.ok(cells > 100, `${cells} edges`);
    // The pairs of the strongest edges name tags, texts and accounts, each of them in both posts' data.
    const pairs = run.networks.flatMap((n) => n.evidence.flatMap((e) => e.pairs));
    const named = pairs.flatMap((p) => [p, ...p.alsoShared]);
    assert.ok(named.some((p) => p.signal === 'cohashtag' && p.item.startsWith('#')));
    assert.ok(named.some((p) => p.signal === 'neardup' && p.item.length > 10));
    for (const p of pairs.filter((x) => x.signal === 'cohashtag')) {
      const tag = p.item.toLowerCase();
      for (const post of [p.a, p.b]) assert.ok(post.text?.toLowerCase().includes(tag), `${post.id}: ${tag}`);
    }
  });

  it('ira-538 election week: no link cut short in a retweet is taken for a site', async () => {
    const store = await Store.open();
    try {
      await loadFiles(store, [join(REAL, 'ira-538-by-author/ira_tweets_2016-10-31_to_2016-11-09.csv')]);
      const row = await store.one<{ short: bigint; tco: bigint }>(`
        SELECT count(*) FILTER (WHERE NOT contains(d, '.')) AS short, count(*) FILTER (WHERE d = 't.co') AS tco
        FROM (SELECT unnest(domains) AS d FROM posts)`);
      assert.equal(Number(row.short), 0, 'sites such as `t` and `w`');
      assert.ok(Number(row.tco) > 20_000, 'whole t.co links are kept');
    } finally {
      store.close();
    }
  });
});
