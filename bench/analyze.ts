// End-to-end benchmark of `lockstep analyze`: generate N posts (seeded; reused from --cache when present),
// then time ingest, each detection stage, describing the networks, writing the run folder and report.html into a fresh
// store, beside DuckDB's bare scan of the same CSV measured in the same run. Prints figures; never fails.
// Usage: node --import tsx bench/analyze.ts [--posts 1000000] [--seed 1] [--cache DIR]
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateDataset } from '@lockstep/generate';
import { describeNetworks, detectNetworks } from '../src/networks/index.js';
import { loadFiles } from '../src/normalize/index.js';
import { loadReportClient } from '../src/report/html/index.js';
import { writeReport, writeRunFolder } from '../src/report/index.js';
import { Store, sqlString } from '../src/store/index.js';

const { values } = parseArgs({
  options: {
    posts: { type: 'string', default: '1000000' },
    seed: { type: 'string', default: '1' },
    cache: { type: 'string', default: join(tmpdir(), 'lockstep-bench-data') },
  },
});
const posts = Number(values.posts);
const seed = Number(values.seed);
const data = join(values.cache, `${posts}-${seed}`);
const tweets = join(data, 'tweets.csv');
const users = join(data, 'users.csv');
if (!existsSync(tweets) || !existsSync(users)) {
  await mkdir(data, { recursive: true });
  await generateDataset({ posts, seed, outDir: data });
}

const bare = await Store.open();
let t = performance.now();
await bare.one(
  `SELECT count(*) AS n, max(length(tweet_text)) AS m FROM read_csv(${sqlString(tweets)}, all_varchar = true)`,
);
const scan = (performance.now() - t) / 1000;
bare.close();

// The installed command reads a prebuilt report client; run from the sources, the first report bundles it
// with esbuild (a second or two). Bundle it before the clock starts, so the figure is what users wait for.
await loadReportClient();

const out = await mkdtemp(join(tmpdir(), 'lockstep-analyze-'));
const store = await Store.open(join(out, 'lockstep.duckdb'));
const stages: Array<[string, number]> = [];
const began = performance.now();
t = performance.now();
const lap = (name: string) => {
  const now = performance.now();
  stages.push([name, (now - t) / 1000]);
  t = now;
};
const ingest = await loadFiles(store, [tweets, users]);
lap('ingest');
const detection = await detectNetworks(store);
lap('detect');
const networks = await describeNetworks(store, detection);
lap('describe');
await writeRunFolder(out, { store, detection, networks, ingest, timings: {}, inputs: [tweets, users] });
lap('write');
await writeReport(out, store);
lap('report');
const total = (performance.now() - began) / 1000;
store.close();

const rss = process.resourceUsage().maxRSS / 1024;
console.log(
  `posts ${posts.toLocaleString('en-US')} (seed ${seed}); DuckDB bare CSV scan ${scan.toFixed(2)} s`,
);
for (const [name, seconds] of stages) console.log(`  ${name.padEnd(9)} ${seconds.toFixed(1)} s`);
console.log(`  detection stages: ${JSON.stringify(detection.seconds)}`);
console.log(
  `  signals: ${detection.signals.signals.map((s) => `${s.signal} ${s.pairs.toLocaleString('en-US')} pairs`).join(', ')}`,
);
console.log(
  `end to end ${total.toFixed(1)} s = ${(total / scan).toFixed(0)}x the bare scan; ${networks.length} networks`,
);
console.log(`peak RSS ${rss.toFixed(0)} MiB`);
await rm(out, { recursive: true, force: true });
