// Speed of the synthetic dataset generator: generates `--posts` posts (default 1,000,000) with `--seed`
// (default 1) into a temporary folder (or `--out`), then prints time, rows/s, file sizes and the size of
// every planted network and organic burst. Usage: node --import tsx bench/generate.ts [--posts N] [--seed S]
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { GENERATE_DEFAULTS, generateDataset } from '@lockstep/generate';

const { values } = parseArgs({
  options: {
    posts: { type: 'string', default: String(GENERATE_DEFAULTS.posts) },
    seed: { type: 'string', default: String(GENERATE_DEFAULTS.seed) },
    out: { type: 'string' },
  },
});
const posts = Number(values.posts);
const seed = Number(values.seed);
const outDir = values.out ?? (await mkdtemp(join(tmpdir(), 'lockstep-bench-generate-')));

const fmt = (n: number) => n.toLocaleString('en-US');
const mb = (bytes: number) => `${(bytes / 1e6).toFixed(1)} MB`;

try {
  const summary = await generateDataset({
    posts,
    seed,
    outDir,
    onProgress: (written, total) => process.stderr.write(`\r${fmt(written)} / ${fmt(total)} rows`),
  });
  process.stderr.write('\n');
  console.log(`generate: ${fmt(posts)} posts, seed ${seed}, ${fmt(summary.accounts)} accounts`);
  console.log(`time: ${summary.seconds.toFixed(2)} s, ${fmt(Math.round(posts / summary.seconds))} rows/s`);
  for (const [name, path] of Object.entries(summary.files)) {
    console.log(`  ${name.padEnd(7)} ${mb((await stat(path)).size).padStart(10)}  ${path}`);
  }
  console.log('planted networks (accounts, all posts, coordinated posts over hours):');
  for (const n of summary.networks) {
    console.log(
      `  ${n.id} ${n.name.padEnd(14)} ${fmt(n.accounts).padStart(7)} ${fmt(n.posts).padStart(9)}` +
        ` ${fmt(n.coordinatedPosts).padStart(9)} over ${n.coordinatedHours} h`,
    );
  }
  console.log('organic bursts (accounts, posts):');
  for (const b of summary.organicBursts) {
    console.log(`  ${b.name.padEnd(17)} ${fmt(b.accounts).padStart(7)} ${fmt(b.posts).padStart(9)}`);
  }
  const flood = summary.networks[0];
  if (flood) {
    const share = ((100 * flood.coordinatedPosts) / posts).toFixed(1);
    console.log(
      `flood: ${fmt(flood.coordinatedPosts)} campaign posts (${share}% of all) in ${flood.coordinatedHours} hours`,
    );
  }
} finally {
  if (values.out === undefined) await rm(outDir, { recursive: true, force: true });
}
