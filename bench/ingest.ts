// Ingest benchmark: generate N posts (seeded), then time `loadFiles` on the tweets and users CSV into a
// fresh on-disk store, next to DuckDB's bare scan of the same CSV measured in the same run.
// Usage: node --import tsx bench/ingest.ts [--posts 1000000] [--seed 1] [--keep DIR]
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateDataset } from '@lockstep/generate';
import { loadFiles } from '../src/normalize/index.js';
import { Store, sqlString } from '../src/store/index.js';

const { values } = parseArgs({
  options: {
    posts: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '1' },
    keep: { type: 'string' },
  },
});
const posts = Number(values.posts);
const seed = Number(values.seed);
const dir = values.keep ?? (await mkdtemp(join(tmpdir(), 'lockstep-bench-')));

let t = performance.now();
const generated = await generateDataset({ posts, seed, outDir: dir });
const generateSeconds = (performance.now() - t) / 1000;
const csvBytes = (await stat(generated.files.tweets)).size;

// DuckDB's bare scan: every column of the tweets CSV read and counted, nothing else.
const bare = await Store.open();
t = performance.now();
await bare.one(
  `SELECT count(*) AS n, max(length(tweet_text)) AS m FROM read_csv(${sqlString(generated.files.tweets)}, all_varchar = true)`,
);
const scanSeconds = (performance.now() - t) / 1000;
bare.close();

const db = join(dir, 'bench.duckdb');
await rm(db, { force: true });
const store = await Store.open(db);
t = performance.now();
const report = await loadFiles(store, [generated.files.tweets, generated.files.users]);
const ingestSeconds = (performance.now() - t) / 1000;
store.close();

const rss = process.resourceUsage().maxRSS / 1024;
console.log(
  `posts generated      ${posts.toLocaleString('en-US')} (seed ${seed}), tweets.csv ${(csvBytes / 2 ** 20).toFixed(0)} MiB`,
);
console.log(`generate             ${generateSeconds.toFixed(1)} s`);
console.log(`duckdb bare CSV scan ${scanSeconds.toFixed(2)} s`);
console.log(
  `ingest (both files)  ${ingestSeconds.toFixed(1)} s  = ${(posts / ingestSeconds / 1000).toFixed(0)}k posts/s, ${(ingestSeconds / scanSeconds).toFixed(1)}x the bare scan`,
);
console.log(
  `loaded               ${report.totals.posts.toLocaleString('en-US')} posts, ${report.totals.accounts.toLocaleString('en-US')} accounts, ${report.totals.rowsRejected} rejected`,
);
for (const f of report.files) console.log(`  ${f.format.padEnd(18)} ${f.seconds.toFixed(1)} s`);
console.log(`peak RSS             ${rss.toFixed(0)} MiB`);
if (values.keep === undefined) await rm(dir, { recursive: true, force: true });
