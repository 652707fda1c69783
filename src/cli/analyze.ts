// `lockstep analyze [FILES...] --out DIR [--db PATH]`: ingest (into a fresh store unless --db names one),
// detect coordinated networks, describe them, write the run folder, and print a short summary.
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  type DetectOptions,
  describeNetworks,
  detectNetworks,
  type NetworkDescription,
} from '../networks/index.js';
import { type IngestReport, loadFiles } from '../normalize/index.js';
import { writeReport, writeRunFolder } from '../report/index.js';
import { Store } from '../store/index.js';
import { Progress, UsageError } from './_io.js';
import { loadOptions } from './ingest.js';

export interface AnalyzeCommandOptions {
  out: string;
  /** The store; without it, DIR/lockstep.duckdb, made afresh from the files. */
  db?: string;
  map?: string;
  preset?: string;
  platform?: string;
  timezone?: string;
  na?: string[];
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
  /** Set when nearly all activity is in candidate networks (see Population in src/networks). */
  populationWarning: string | null;
}

export async function runAnalyze(
  files: string[],
  options: AnalyzeCommandOptions,
  progress = new Progress(),
): Promise<AnalyzeResult> {
  const dir = resolve(options.out);
  if (files.length === 0 && options.db === undefined)
    throw new UsageError('give input files to analyse, or --db with a store made by lockstep ingest');
  if (files.length === 0 && options.db !== undefined && !existsSync(options.db))
    throw new UsageError(`no store at ${options.db}; create one with lockstep ingest or give input files`);
  const db = options.db ?? join(dir, 'lockstep.duckdb');
  if (files.length > 0 && options.db === undefined) {
    // The default store belongs to the run folder and is made afresh, never appended to silently.
    await rm(db, { force: true });
    await rm(`${db}.wal`, { force: true });
  }
  await mkdir(dir, { recursive: true });
  const store = await Store.open(db);
  try {
    let ingest: IngestReport | null = null;
    if (files.length > 0) {
      ingest = await loadFiles(store, files, loadOptions(options, progress));
      const t = ingest.totals;
      progress.line(
        `loaded ${n(t.posts)} posts and ${n(t.accounts)} accounts; rejected ${n(t.rowsRejected)} of ${n(t.rowsRead)} rows`,
      );
    }
    const detection = await detectNetworks(store, options.detect, (stage) =>
      progress.line(`detecting: ${stage}`),
    );
    progress.line('describing networks');
    const began = performance.now();
    const networks = await describeNetworks(store, detection);
    const describeSeconds = Math.round(performance.now() - began) / 1000;
    progress.line('writing the run folder');
    await writeRunFolder(dir, {
      store,
      detection,
      networks,
      ingest,
      timings: { describe: describeSeconds },
      inputs: files,
    });
    progress.line('writing report.html');
    const report = await writeReport(dir, store);
    const result = {
      dir,
      db,
      networks,
      tested: detection.candidates.length,
      ingest,
      report: report.path,
      posts: detection.signals.posts,
      untimedPosts: detection.signals.untimedPosts,
      populationWarning: detection.population.warning,
    };
    process.stdout.write(`${formatAnalysis(result)}\n`);
    return result;
  } finally {
    store.close();
  }
}

/** The short summary: one line per network, the candidates set aside, where the run folder is. */
export function formatAnalysis(r: AnalyzeResult): string {
  const lines: string[] = [];
  if (r.untimedPosts > 0) {
    lines.push(
      `warning: ${n(r.untimedPosts)} posts have no time and took no part in detection (co-activity is ` +
        `measured in time windows); ${n(r.posts)} timed posts were analysed`,
    );
  }
  if (r.populationWarning !== null) lines.push(`warning: ${r.populationWarning}`);
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
  lines.push(`run folder: ${r.dir}`);
  lines.push(
    '  networks.json, accounts.csv, edges.csv, network.gexf, network.graphml, manifest.json, report.html',
  );
  lines.push(`report: ${r.report}`);
  lines.push(`store: ${r.db}`);
  return lines.join('\n');
}

const n = (value: number) => value.toLocaleString('en-US');
