// `lockstep demo` (what `npm start` runs): generate a dataset with a fixed seed, analyse it into a run folder
// (a fresh store each time, so re-running gives the same networks.json), and say where everything is.
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { Progress, UsageError } from './_io.js';
import { outFolderState } from './_out-folder.js';
import { runAnalyze } from './analyze.js';
import { runGenerate } from './generate.js';

export const DEMO_DEFAULTS = { posts: 200_000, seed: 1, out: 'runs/demo' };

export async function runDemo(options: { posts: number; seed: number; out: string }): Promise<void> {
  const progress = new Progress();
  const out = resolve(options.out);
  const data = join(out, 'data');
  // The demo writes its own data into its run folder, so it makes the store afresh each time (--force), but
  // only in a folder that is new or its own: a run folder, or one holding nothing but the demo's data.
  const state = await outFolderState(out);
  if (state === 'other' && !(await onlyDemoData(out)))
    throw new UsageError(
      `${out} is not empty and is not a lockstep run folder; give the demo a new folder with --out`,
    );
  progress.line(
    `lockstep demo: ${options.posts.toLocaleString('en-US')} posts, seed ${options.seed}, into ${out}`,
  );
  const generated = await runGenerate(
    { posts: options.posts, seed: options.seed, out: data, json: false },
    progress,
  );
  process.stdout.write('\n');
  const result = await runAnalyze(
    [generated.files.tweets, generated.files.users],
    { out, force: true, detect: {} },
    progress,
  );
  process.stdout.write(
    `ground truth: ${generated.files.truth}\n\n` +
      `next: open ${result.report} in a browser (it works offline, and prints)\n` +
      `explore: npx lockstep serve ${options.out}   (a local web UI on http://127.0.0.1:8787)\n` +
      `also: ${join(out, 'network.gexf')} for Gephi, ${join(out, 'networks.json')} for scripts\n`,
  );
}

/** A folder left by a demo stopped before its first run folder was written: only data/ is in it. */
async function onlyDemoData(out: string): Promise<boolean> {
  const names = (await readdir(out)).filter((name) => !name.startsWith('.'));
  return names.length === 1 && names[0] === 'data';
}
