// Accuracy on generators the detector's authors did not write: ../shared/bench/gen_io.py (external, scored
// by its own eval_io.py) and bench/blind (written blind to src/networks/, scored by bench/blind/score.ts).
// For each seed: generate (cached under --cache), load into a store, detect with the defaults (or
// --options), write the flagged accounts, score them with the generator's own scorer, and print one line.
// With --layouts io,v2 (blind only) the same dataset is also loaded from its API v2 JSONL and the Jaccard
// index of the two flagged sets is printed: the same posts must give the same networks whatever the layout.
// Prints figures; never fails on them. Usage:
//   node --import tsx bench/external.ts --generator blind|gen_io [--posts 100000] [--seeds 1,2]
//     [--layouts io|io,v2] [--options JSON] [--cache DIR]
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { detectNetworks } from '../src/networks/index.js';
import { loadFiles } from '../src/normalize/index.js';
import { Store } from '../src/store/index.js';

const { values } = parseArgs({
  options: {
    generator: { type: 'string', default: 'blind' },
    posts: { type: 'string', default: '100000' },
    seeds: { type: 'string', default: '1' },
    layouts: { type: 'string', default: 'io' },
    options: { type: 'string', default: '{}' },
    cache: { type: 'string', default: join(tmpdir(), 'lockstep-external') },
  },
});
const GEN_IO = resolve(import.meta.dirname, '../../shared/bench/gen_io.py');
const EVAL_IO = resolve(import.meta.dirname, '../../shared/bench/eval_io.py');
const BLIND = resolve(import.meta.dirname, 'blind');
const generator = values.generator;
if (generator !== 'blind' && generator !== 'gen_io') throw new Error('--generator is blind or gen_io');
if (generator === 'gen_io' && !existsSync(GEN_IO)) {
  console.log(`skipped: ${GEN_IO} is absent (it comes with ../shared)`);
  process.exit(0);
}
const layouts = values.layouts.split(',');
if (generator === 'gen_io' && layouts.some((l) => l !== 'io'))
  throw new Error('gen_io writes the IO layout only');
const posts = Number(values.posts);

/** Generates the dataset once per generator, size and seed (both layouts for blind). */
function generate(seed: number): string {
  const dir = join(values.cache, `${generator}-${posts}-${seed}`);
  if (existsSync(join(dir, 'truth.csv'))) return dir;
  if (generator === 'gen_io')
    execFileSync('python3', [GEN_IO, '--posts', String(posts), '--seed', String(seed), '--out', dir]);
  else
    execFileSync(
      'node',
      [
        '--import',
        'tsx',
        join(BLIND, 'generate.ts'),
        '--posts',
        String(posts),
        '--seed',
        String(seed),
      ].concat(['--out', dir, '--layout', 'both']),
      { stdio: 'ignore' },
    );
  return dir;
}

/** Loads one layout into its own cached store, detects, and returns the flagged accounts with the time taken. */
async function flagged(dir: string, layout: string): Promise<{ accounts: Set<string>; seconds: number }> {
  const db = join(dir, `store-${layout}.duckdb`);
  const files =
    layout === 'v2' ? [join(dir, 'tweets.jsonl')] : [join(dir, 'tweets.csv'), join(dir, 'users.csv')];
  if (!existsSync(db)) {
    const store = await Store.open(db);
    await loadFiles(store, files);
    store.close();
  }
  const store = await Store.open(db);
  const began = performance.now();
  const detection = await detectNetworks(store, JSON.parse(values.options));
  const seconds = (performance.now() - began) / 1000;
  const names = await store.all<{ aid: number; account: string }>(`SELECT aid, account FROM _acct`);
  store.close();
  const name = new Map(names.map((r) => [Number(r.aid), r.account]));
  const accounts = new Set(
    detection.candidates
      .filter((c) => c.beyondChance)
      .flatMap((c) => c.members.map((aid) => name.get(aid) ?? '')),
  );
  return { accounts, seconds };
}

interface Score {
  f1: number;
  precision: number;
  recall: number;
  patterns: string;
  events: string;
}

/** Scores a flagged set with the generator's own scorer. */
async function score(dir: string, accounts: Set<string>, layout: string): Promise<Score> {
  const path = join(dir, `flagged-${layout}.csv`);
  await writeFile(path, `userid\n${[...accounts].join('\n')}\n`);
  const truth = join(dir, 'truth.csv');
  if (generator === 'gen_io') {
    const r = JSON.parse(execFileSync('python3', [EVAL_IO, truth, path, '--json'], { encoding: 'utf8' }));
    return {
      ...r,
      patterns: Object.entries(r.recall_per_network as Record<string, number>)
        .map(([n, x]) => `net${n} ${x.toFixed(2)}`)
        .join(' '),
      events: Object.entries(r.fp_hard_negatives as Record<string, string>)
        .map(([e, x]) => `${e} ${x}`)
        .join(' '),
    };
  }
  const r = JSON.parse(
    execFileSync('node', ['--import', 'tsx', join(BLIND, 'score.ts'), truth, path, '--json'], {
      encoding: 'utf8',
    }),
  );
  return {
    ...r,
    patterns: (r.patterns as { pattern: string; found: number; total: number }[])
      .map((p) => `${p.pattern.replaceAll(' ', '-')} ${p.found}/${p.total}`)
      .join(' '),
    events: (r.organicEvents as { event: string; flagged: number; total: number; percent: number }[])
      .map((e) => `${e.event} ${e.flagged}/${e.total} (${e.percent.toFixed(1)}%)`)
      .join(' '),
  };
}

await mkdir(values.cache, { recursive: true });
for (const seed of values.seeds.split(',').map(Number)) {
  const dir = generate(seed);
  const sets: Set<string>[] = [];
  for (const layout of layouts) {
    const { accounts, seconds } = await flagged(dir, layout);
    sets.push(accounts);
    const s = await score(dir, accounts, layout);
    console.log(
      `${generator} ${posts} seed ${seed} ${layout} | F1 ${s.f1.toFixed(3)} (P ${s.precision.toFixed(3)} R ${s.recall.toFixed(3)}) | ${s.patterns} | ${s.events} | detect ${seconds.toFixed(1)} s`,
    );
  }
  if (sets.length === 2) {
    const [a, b] = sets as [Set<string>, Set<string>];
    const both = [...a].filter((x) => b.has(x)).length;
    const union = new Set([...a, ...b]).size;
    console.log(
      `  layouts io/v2: flagged ${a.size} and ${b.size}, Jaccard ${(union ? both / union : 1).toFixed(3)}`,
    );
  }
}
