// `lockstep analyze [FILES...] --out DIR [--db PATH]`: ingest (into a fresh store unless --db names one),
// detect coordinated networks, describe them, write the run folder, and print a short summary. DIR is the
// user's evidence: the run is written whole into a staging folder under DIR's lock and moved into place, and
// without --force a folder that is not a run folder, or the run folder's existing store, is never written over.
import { existsSync, statSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  DETECT_DEFAULTS,
  type DetectOptions,
  describeNetworks,
  describeSetAside,
  detectNetworks,
  type NetworkDescription,
  type Population,
  type SetAsideDescription,
} from '../networks/index.js';
import type { IngestReport } from '../normalize/index.js';
import { REPORT_FILE, RUN_FILES, runWarnings, writeReport, writeRunFolder } from '../report/index.js';
import { onFile, Store } from '../store/index.js';
import { checkInputFiles, checkInputOptions } from './_input.js';
import { Progress, type StageCallback, UsageError, UserError } from './_io.js';
import { lockOutFolder, makeStaging, moveIntoPlace, outFolderState } from './_out-folder.js';
import { formatSetAside } from './_set-aside.js';
import { engineMemory, loadNamingFiles, loadOptions } from './ingest.js';

export interface AnalyzeCommandOptions {
  out: string;
  /** The store; without it, DIR/lockstep.duckdb, made afresh from the files. */
  db?: string;
  map?: string;
  preset?: string;
  platform?: string;
  timezone?: string;
  na?: string[];
  encoding?: string;
  delimiter?: string;
  maxRecordBytes?: number;
  memoryLimit?: number;
  /** Write into a folder that is not a run folder, and replace DIR/lockstep.duckdb (see refuseToClobber). */
  force?: boolean;
  /** Also print the candidates set aside as within chance and the pruned members. */
  showSetAside?: boolean;
  /** The detection options given (src/settings reads them from the flags); the rest keep their defaults. */
  detect: Partial<DetectOptions>;
}

export interface AnalyzeResult {
  dir: string;
  db: string;
  networks: NetworkDescription[];
  tested: number;
  ingest: IngestReport | null;
  /** The report.html written into the run folder. */
  report: string;
  /** Posts that were analysed, and those without a time (left out: co-activity is measured in windows). */
  posts: number;
  untimedPosts: number;
  /** The share of activity in candidate networks, and whether it is so high that a warning is due. */
  population: Population;
  /** The candidates chance explained and the members pruned from the networks (as networks.json has them). */
  setAside: SetAsideDescription;
  /** Whether the summary lists them (--show-set-aside), and the --min-accounts they were judged with. */
  showSetAside: boolean;
  minAccounts: number;
}

export async function runAnalyze(
  files: string[],
  options: AnalyzeCommandOptions,
  progress = new Progress(),
): Promise<AnalyzeResult> {
  const dir = resolve(options.out);
  await checkInputOptions(options);
  await checkInputFiles(files);
  if (files.length === 0 && options.db === undefined)
    throw new UsageError('give input files to analyse, or --db with a store made by lockstep ingest');
  if (files.length === 0 && options.db !== undefined && !existsSync(options.db))
    throw new UsageError(`no store at ${options.db}; create one with lockstep ingest or give input files`);
  const db = options.db === undefined ? join(dir, STORE_FILE) : resolve(options.db);
  // The default store belongs to the run folder and is made afresh, never appended to silently.
  const freshStore = files.length > 0 && options.db === undefined;
  if (existsSync(dir) && !statSync(dir).isDirectory())
    throw new UsageError(`--out ${dir} is a file; give a folder for the run`);
  await mkdir(dir, { recursive: true });
  const unlock = await lockOutFolder(dir, (line) => progress.line(line));
  let staging: string | null = null;
  try {
    await refuseToClobber(dir, freshStore, options.force === true);
    staging = await makeStaging(dir);
    const result = await analyzeInto(
      staging,
      files,
      options,
      freshStore ? join(staging, STORE_FILE) : db,
      db,
      progress,
    );
    progress.stage('moving the run into place');
    await moveIntoPlace(staging, dir, [...(freshStore ? [STORE_FILE] : []), ...RUN_FILES, REPORT_FILE]);
    staging = null;
    progress.end();
    const final = { ...result, dir, db, report: join(dir, REPORT_FILE) };
    process.stdout.write(`${formatAnalysis(final)}\n`);
    return final;
  } finally {
    // A failure's message (on stderr) must not land on the live progress line.
    progress.end();
    if (staging !== null) await rm(staging, { recursive: true, force: true });
    await unlock();
  }
}

/** Refuses, without --force, to write into someone else's folder or to replace the run folder's store. */
async function refuseToClobber(dir: string, freshStore: boolean, force: boolean): Promise<void> {
  if (force) return;
  if ((await outFolderState(dir)) === 'other')
    throw new UsageError(
      `${dir} is not empty and is not a lockstep run folder (it has no manifest.json written by lockstep); ` +
        "give a new or empty folder with --out, or add --force to write lockstep's files into it " +
        `(${RUN_FILES.join(', ')}, ${REPORT_FILE}, ${STORE_FILE}; other files are left alone)`,
    );
  const store = join(dir, STORE_FILE);
  if (freshStore && existsSync(store))
    throw new UsageError(
      `${store} exists, and analyze with input files makes its store afresh; to analyse that store as it is: ` +
        `lockstep analyze --db ${store} --out NEW_DIR; to replace it with a store made from the files, add --force`,
    );
}

/**
 * Nothing analysed is not "no network": a store without posts, or without a timed post (co-activity is
 * measured in time windows), fails here (exit 1) before a run folder could report zero networks.
 */
async function refuseNothingToAnalyse(
  store: Store,
  ingest: IngestReport | null,
  db: string | undefined,
): Promise<void> {
  const c = await store.one<{ posts: bigint; timed: bigint }>(
    `SELECT count(*) AS posts, count(time) AS timed FROM posts`,
  );
  if (c.posts === 0n) {
    const source =
      ingest === null
        ? `the store ${db ?? ''} holds no posts`
        : `no post was loaded from the ${ingest.files.length === 1 ? 'file' : `${ingest.files.length} files`} given ` +
          `(${n(ingest.totals.rowsRead)} rows read, ${n(ingest.totals.rowsRejected)} rejected` +
          `${topReasons(ingest)}; lockstep ingest FILES --db PATH lists every reason with its lines)`;
    throw new UserError(`nothing to analyse: ${source}; no run folder was written`);
  }
  if (c.timed === 0n)
    throw new UserError(
      `nothing to analyse: none of the ${n(Number(c.posts))} posts has a time, and detection compares accounts ` +
        'within time windows; map a time column (--map time=COLUMN for a generic CSV) or use a source with ' +
        'times; no run folder was written',
    );
}

function topReasons(ingest: IngestReport): string {
  const counts = new Map<string, number>();
  for (const f of ingest.files)
    for (const r of f.rejections) counts.set(r.reason, (counts.get(r.reason) ?? 0) + r.count);
  const top = [...counts].sort((a, b) => b[1] - a[1]).slice(0, 3);
  return top.length === 0 ? '' : `: ${top.map(([reason, count]) => `${n(count)} ${reason}`).join(', ')}`;
}

/** Ingests (when files are given), detects and writes a whole run into `dir` (the staging folder). */
async function analyzeInto(
  dir: string,
  files: string[],
  options: AnalyzeCommandOptions,
  db: string,
  shownDb: string,
  progress: Progress,
): Promise<AnalyzeResult> {
  const store = await Store.open(db, { memoryLimit: engineMemory(options.memoryLimit) });
  try {
    let ingest: IngestReport | null = null;
    if (files.length > 0) {
      ingest = await loadNamingFiles(store, files, loadOptions(options, progress));
      const t = ingest.totals;
      progress.line(
        `loaded ${n(t.posts)} posts and ${n(t.accounts)} accounts; rejected ${n(t.rowsRejected)} of ${n(t.rowsRead)} rows` +
          (t.rowsMerged > 0
            ? `; merged ${n(t.rowsMerged)} rows into posts already loaded (nothing lost)`
            : ''),
      );
      for (const f of ingest.files) {
        if (f.alreadyLoadedAs !== null)
          progress.line(`${f.file}: already loaded (same SHA-256 as ${f.alreadyLoadedAs}), not loaded again`);
      }
    }
    await refuseNothingToAnalyse(store, ingest, options.db);
    // An engine failure from here on is named by the store the run reads (the input files are loaded).
    const detection = await onFile(shownDb, 'detecting networks', () =>
      detectNetworks(store, options.detect, detectionProgress(progress, options.detect)),
    );
    progress.stage('describing networks');
    const began = performance.now();
    const networks = await onFile(shownDb, 'describing networks', () => describeNetworks(store, detection));
    const setAside = await onFile(shownDb, 'describing networks', () =>
      describeSetAside(store, detection, networks),
    );
    const describeSeconds = Math.round(performance.now() - began) / 1000;
    progress.stage('writing the run folder');
    await onFile(shownDb, 'writing the run folder', () =>
      writeRunFolder(dir, {
        store,
        detection,
        networks,
        ingest,
        timings: { describe: describeSeconds },
        inputs: files,
        setAside,
      }),
    );
    progress.stage('writing report.html');
    const report = await onFile(shownDb, 'writing report.html', () => writeReport(dir, store));
    return {
      dir,
      db,
      networks,
      tested: detection.candidates.length,
      ingest,
      report: report.path,
      posts: detection.signals.posts,
      untimedPosts: detection.signals.untimedPosts,
      population: detection.population,
      setAside,
      showSetAside: options.showSetAside === true,
      minAccounts: detection.parameters.minAccounts,
    };
  } finally {
    store.close();
  }
}

/**
 * Detection's stages as progress: `detecting corepost: step 2 of 11` with its time (the steps are prepare,
 * each signal that runs, pairs, communities and chance). Detection gives no count inside a stage; a detail
 * it passes (a chance round and its groups) is shown as given.
 */
function detectionProgress(progress: Progress, detect: Partial<DetectOptions>): StageCallback {
  const steps = ['prepare', ...(detect.signals ?? DETECT_DEFAULTS.signals), 'pairs', 'communities', 'chance'];
  return (stage, detail = {}) => {
    const k = steps.indexOf(stage);
    const step = k < 0 ? '' : `step ${k + 1} of ${steps.length}`;
    const doing = [step, detail.doing ?? ''].filter((x) => x !== '').join(', ');
    progress.stage(`detecting ${stage}`, { ...detail, ...(doing === '' ? {} : { doing }) });
  };
}

/** The short summary: one line per network, the candidates set aside, where the run folder is. */
export function formatAnalysis(r: AnalyzeResult): string {
  const lines: string[] = [];
  // The same plain words as report.html and the UI (src/report/html/warnings.ts).
  for (const w of runWarnings({ population: r.population, untimedPosts: r.untimedPosts }))
    lines.push(`warning: ${w}`);
  lines.push(
    `${r.networks.length} network${r.networks.length === 1 ? '' : 's'} beyond chance ` +
      `(${n(r.tested)} candidate${r.tested === 1 ? '' : 's'} tested, ${n(r.tested - r.networks.length)} set aside as within chance)`,
  );
  for (const x of r.networks) {
    const hours =
      x.start !== null && x.end !== null ? (Date.parse(x.end) - Date.parse(x.start)) / 3_600_000 : null;
    const span =
      x.start === null || x.end === null
        ? 'no span'
        : `${x.start.slice(0, 16).replace('T', ' ')} to ${x.end.slice(0, 16).replace('T', ' ')} UTC (${(hours ?? 0).toFixed(0)} h)`;
    const tag = x.topHashtags[0] ? `, top #${x.topHashtags[0].hashtag}` : '';
    lines.push(
      `  #${x.id}: ${n(x.size)} accounts, ${n(x.posts)} coordinated posts, ${span}; ` +
        `binding ${x.binding.join('+')}, z ${x.zScore.toFixed(1)}${tag}`,
    );
  }
  if (r.showSetAside) lines.push(formatSetAside(r.setAside, r.minAccounts));
  lines.push(`run folder: ${r.dir}`);
  lines.push(
    '  networks.json, accounts.csv, edges.csv (and as .parquet, .xlsx), network.gexf, network.graphml, manifest.json, report.html',
  );
  lines.push(`report: ${r.report}`);
  lines.push(`store: ${r.db}`);
  return lines.join('\n');
}

const STORE_FILE = 'lockstep.duckdb';
const n = (value: number) => value.toLocaleString('en-US');
