// Speed and memory of `lockstep analyze` as a user runs it: for each size, generate the posts with
// `lockstep generate` (or reuse them from --cache), run `lockstep analyze` end to end (CSV to every file of
// the run folder, report.html included) as a child process, sample its peak resident memory, read its stage
// seconds from the run's manifest.json, and time DuckDB's bare scan of the same CSV in the same run, so the
// figure stands as a ratio to that baseline on a noisy machine. Prints a table; never fails on time.
// Usage: node --import tsx bench/speed.ts [--posts 100000,1000000] [--seed 1] [--cache DIR]
//          [--memory-limit 4GB] [--cli dist|src] [--keep]
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { Store, sqlString } from '../src/store/index.js';

const ROOT = resolve(import.meta.dirname, '..');
const DIST_CLI = join(ROOT, 'dist/cli/main.js');
/** How often the child's peak memory is read (ms); VmHWM only grows, so a late read loses nothing. */
const SAMPLE_MS = 100;

const { values } = parseArgs({
  options: {
    posts: { type: 'string', default: '100000,1000000' },
    seed: { type: 'string', default: '1' },
    cache: { type: 'string', default: join(tmpdir(), 'lockstep-speed-data') },
    'memory-limit': { type: 'string' },
    // dist: the installed command (`npm run build` first); src: the sources under tsx, which bundle the
    // report's client with esbuild on first use (a second or two more).
    cli: { type: 'string', default: existsSync(DIST_CLI) ? 'dist' : 'src' },
    keep: { type: 'boolean', default: false },
  },
});
const sizes = values.posts.split(',').map((s) => Number(s.replace(/_/g, '')));
const seed = Number(values.seed);
const cli = values.cli === 'dist' ? [DIST_CLI] : ['--import', 'tsx', join(ROOT, 'src/cli/main.ts')];
const shown = values.cli === 'dist' ? 'node dist/cli/main.js' : 'node --import tsx src/cli/main.ts';

interface Child {
  code: number | null;
  seconds: number;
  /** Peak resident set of the process, MiB (VmHWM), or null where /proc is not readable. */
  peakMiB: number | null;
  stderr: string;
}

/** Runs one lockstep command as a child process, timing it and following its peak memory. */
async function run(args: string[]): Promise<Child> {
  const began = performance.now();
  const child = spawn(process.execPath, [...cli, ...args], {
    cwd: ROOT,
    stdio: ['ignore', 'ignore', 'pipe'],
    // LOCKSTEP_DEBUG keeps the engine's own words when a run fails, which a long run cannot afford to lose.
    env: { ...process.env, TZ: 'UTC', LOCKSTEP_DEBUG: '1' },
  });
  let stderr = '';
  child.stderr.on('data', (d: Buffer) => {
    stderr = (stderr + d.toString()).slice(-4000);
  });
  let peakKiB: number | null = null;
  const sample = async () => {
    try {
      const status = await readFile(`/proc/${child.pid}/status`, 'utf8');
      const kib = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1]);
      if (Number.isFinite(kib)) peakKiB = Math.max(peakKiB ?? 0, kib);
    } catch {
      // The process has exited between two reads, or /proc is absent: the last read stands.
    }
  };
  const timer = setInterval(sample, SAMPLE_MS);
  const code = await new Promise<number | null>((done) => child.on('exit', done));
  clearInterval(timer);
  return {
    code,
    seconds: (performance.now() - began) / 1000,
    peakMiB: peakKiB === null ? null : peakKiB / 1024,
    stderr,
  };
}

/** DuckDB's bare scan of the CSV: every row read and its text column touched, nothing kept. */
async function bareScan(csv: string): Promise<number> {
  const store = await Store.open();
  const t = performance.now();
  await store.one(
    `SELECT count(*) AS n, max(length(tweet_text)) AS m FROM read_csv(${sqlString(csv)}, all_varchar = true)`,
  );
  const seconds = (performance.now() - t) / 1000;
  store.close();
  return seconds;
}

const memoryArgs = values['memory-limit'] === undefined ? [] : ['--memory-limit', values['memory-limit']];
const rows: string[][] = [];
for (const posts of sizes) {
  const data = join(values.cache, `${posts}-${seed}`);
  const tweets = join(data, 'tweets.csv');
  const users = join(data, 'users.csv');
  if (!existsSync(tweets) || !existsSync(users)) {
    await mkdir(data, { recursive: true });
    const gen = await run(['generate', '--out', data, '--posts', String(posts), '--seed', String(seed)]);
    if (gen.code !== 0) throw new Error(`generate ${posts} failed (exit ${gen.code}):\n${gen.stderr}`);
    console.log(`generated ${posts} posts in ${gen.seconds.toFixed(1)} s`);
  }
  const csvMiB = ((await stat(tweets)).size + (await stat(users)).size) / 2 ** 20;

  // The baseline before and after the run; the faster stands (the machine is shared, so both are noisy).
  const scanBefore = await bareScan(tweets);
  const out = await mkdtemp(join(tmpdir(), 'lockstep-speed-'));
  const args = ['analyze', tweets, users, '--out', out, '--quiet', ...memoryArgs];
  console.log(`${shown} ${args.join(' ').replaceAll(out, 'OUT')}`);
  const analyzed = await run(args);
  if (analyzed.code !== 0) {
    // A failed run still says how long it went and how much memory it took; the next size still runs.
    const peak = analyzed.peakMiB === null ? '-' : analyzed.peakMiB.toFixed(0);
    const after = `failed after ${analyzed.seconds.toFixed(0)} s`;
    console.log(`analyze ${posts} ${after} (exit ${analyzed.code}):\n${analyzed.stderr}`);
    rows.push([posts.toLocaleString('en-US'), csvMiB.toFixed(0), scanBefore.toFixed(2), after, '-', peak]);
    await rm(out, { recursive: true, force: true });
    continue;
  }
  const scanAfter = await bareScan(tweets);
  const scan = Math.min(scanBefore, scanAfter);

  const manifest = JSON.parse(await readFile(join(out, 'manifest.json'), 'utf8')) as {
    timings: Record<string, number>;
    networks: number;
  };
  const t = manifest.timings;
  // `signals` is the signal stage's whole time; the `signal:NAME` entries are its parts, not added again.
  const perSignal = Object.entries(t).filter(([k]) => k.startsWith('signal:'));
  const signals = t.signals ?? perSignal.reduce((sum, [, v]) => sum + v, 0);
  const staged = Object.entries(t)
    .filter(([k]) => !k.startsWith('signal:') && k !== 'signals')
    .reduce((sum, [, v]) => sum + v, signals);
  // Outside the manifest: Node's start, the report.html written after it, and closing the store.
  const rest = analyzed.seconds - staged;
  const fmt = (s: number | undefined) => (s === undefined ? '-' : s.toFixed(1));
  rows.push([
    posts.toLocaleString('en-US'),
    csvMiB.toFixed(0),
    scan.toFixed(2),
    analyzed.seconds.toFixed(1),
    (analyzed.seconds / scan).toFixed(0),
    analyzed.peakMiB === null ? '-' : analyzed.peakMiB.toFixed(0),
    fmt(t.ingest),
    fmt(signals),
    fmt(staged - (t.ingest ?? 0) - signals - (t.write ?? 0)),
    fmt(t.write),
    fmt(rest),
    String(manifest.networks),
  ]);
  console.log(`stage seconds (manifest.json): ${JSON.stringify(t)}`);
  if (values.keep) console.log(`run folder kept: ${out}`);
  else await rm(out, { recursive: true, force: true });
}

const head = [
  'posts',
  'CSV MiB',
  'scan s',
  'analyze s',
  'ratio',
  'peak MiB',
  'ingest',
  'signals',
  'networks',
  'write',
  'report+rest',
  'networks found',
];
console.log(
  `\nseed ${seed}; ${memoryArgs.length ? `--memory-limit ${values['memory-limit']}` : 'default memory'}`,
);
console.log(`| ${head.join(' | ')} |`);
console.log(`|${head.map(() => '---').join('|')}|`);
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
