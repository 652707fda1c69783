// `lockstep demo` (what `npm start` runs): generate a dataset with a fixed seed, load it into a store
// in the run folder, and print what the store holds and where it is.

import { rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { formatIngestReport, formatSummary, loadFiles, summarizeStore } from '../normalize/index.js';
import { Store } from '../store/index.js';
import { Progress } from './_io.js';
import { runGenerate } from './generate.js';
import { describe } from './ingest.js';

export const DEMO_DEFAULTS = { posts: 200_000, seed: 1, out: 'runs/demo' };

export async function runDemo(options: { posts: number; seed: number; out: string }): Promise<void> {
  const progress = new Progress();
  const out = resolve(options.out);
  const data = join(out, 'data');
  progress.line(
    `lockstep demo: ${options.posts.toLocaleString('en-US')} posts, seed ${options.seed}, into ${out}`,
  );
  const generated = await runGenerate(
    { posts: options.posts, seed: options.seed, out: data, json: false },
    progress,
  );
  const db = join(out, 'lockstep.duckdb');
  // A demo run starts from a fresh store so that re-running it gives the same result.
  await rm(db, { force: true });
  await rm(`${db}.wal`, { force: true });
  const store = await Store.open(db);
  try {
    const report = await loadFiles(store, [generated.files.tweets, generated.files.users], {
      onProgress: (event) => progress.line(describe(event)),
    });
    process.stdout.write(`\n${formatIngestReport(report)}\n\n`);
    process.stdout.write(`${formatSummary(await summarizeStore(store))}\n\n`);
  } finally {
    store.close();
  }
  process.stdout.write(
    `store: ${db}\nground truth: ${generated.files.truth}\n` + `next: npx lockstep inspect --db ${db}\n`,
  );
}
