// `lockstep analyze [FILES...] --out DIR [--db PATH]`: ingest (into a fresh store unless --db names one),
// detect coordinated networks, describe them, write the run folder, and print a short summary.
import { existsSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import {
  DETECT_DEFAULTS,
  type DetectOptions,
  describeNetworks,
  detectNetworks,
  JOIN_PARTS,
  type JoinParts,
  type NetworkDescription,
} from '../networks/index.js';
import { type IngestReport, loadFiles } from '../normalize/index.js';
import { writeReport, writeRunFolder } from '../report/index.js';
import { SIGNALS, type SignalName } from '../signals/index.js';
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

/** The detection flags as commander hands them over (strings), checked and converted. */
export function parseDetectFlags(o: Record<string, unknown>): Partial<DetectOptions> {
  const out: Partial<DetectOptions> = {};
  const str = (key: string) => (typeof o[key] === 'string' ? (o[key] as string) : undefined);
  const number = (flag: string, key: string, check: (n: number) => boolean, expected: string) => {
    const raw = str(key);
    if (raw === undefined) return undefined;
    const n = Number(raw.replaceAll('_', ''));
    if (raw.trim() === '' || !Number.isFinite(n) || !check(n))
      throw new UsageError(`${flag} expects ${expected}, got "${raw}"`);
    return n;
  };
  const whole = (n: number) => Number.isInteger(n);
  const set = <K extends keyof DetectOptions>(key: K, value: DetectOptions[K] | undefined) => {
    if (value !== undefined) out[key] = value;
  };
  set(
    'windowSeconds',
    number('--window', 'window', (n) => whole(n) && n > 0, 'seconds, a whole number > 0'),
  );
  set(
    'minSharedItems',
    number('--min-shared-items', 'minSharedItems', (n) => whole(n) && n >= 1, 'a whole number >= 1'),
  );
  set(
    'minSpreadSeconds',
    number('--min-spread', 'minSpread', (n) => whole(n) && n >= 0, 'seconds >= 0'),
  );
  set(
    'minAccounts',
    number('--min-accounts', 'minAccounts', (n) => whole(n) && n >= 2, 'a whole number >= 2'),
  );
  set(
    'minZScore',
    number('--min-z', 'minZ', () => true, 'a number'),
  );
  set(
    'minRatio',
    number('--min-ratio', 'minRatio', (n) => n >= 0, 'a number >= 0'),
  );
  set(
    'minMemberZScore',
    number('--min-member-z', 'minMemberZ', () => true, 'a number'),
  );
  set(
    'minMemberRatio',
    number('--min-member-ratio', 'minMemberRatio', (n) => n >= 0, 'a number >= 0'),
  );
  set(
    'maxGroupAccounts',
    number('--max-group', 'maxGroup', (n) => whole(n) && n >= 2, 'a whole number >= 2'),
  );
  set(
    'resolution',
    number('--resolution', 'resolution', (n) => n > 0, 'a number > 0'),
  );
  set('seed', number('--seed', 'seed', whole, 'a whole number'));
  set(
    'minMemberGroups',
    number('--min-member-groups', 'minMemberGroups', (n) => whole(n) && n >= 1, 'a whole number >= 1'),
  );
  set(
    'pruneRounds',
    number(
      '--trim-rounds',
      'trimRounds',
      (n) => Number.isInteger(n) && n >= 0 && n <= 10,
      'an integer from 0 to 10',
    ),
  );
  set(
    'syncSeconds',
    number('--sync', 'sync', (n) => whole(n) && n >= 0, 'seconds, a whole number >= 0'),
  );
  set(
    'rarityWindowSeconds',
    number('--rarity-window', 'rarityWindow', (n) => whole(n) && n > 0, 'seconds, a whole number > 0'),
  );
  set(
    'cappedNeighbours',
    number('--capped-neighbours', 'cappedNeighbours', (n) => whole(n) && n >= 1, 'a whole number >= 1'),
  );
  set(
    'minWords',
    number('--min-words', 'minWords', (n) => whole(n) && n >= 2, 'a whole number >= 2'),
  );
  set(
    'evidencePerEdge',
    number('--evidence-per-edge', 'evidencePerEdge', (n) => whole(n) && n >= 1, 'a whole number >= 1'),
  );
  const minhash = str('minhash');
  if (minhash !== undefined) {
    const m = /^(\d+)x(\d+)$/.exec(minhash.trim());
    const bands = Number(m?.[1]);
    const rows = Number(m?.[2]);
    if (!m || bands < 1 || rows < 1 || bands * rows > 64)
      throw new UsageError(`--minhash expects BANDSxROWS with at most 64 hashes, e.g. 6x5, got "${minhash}"`);
    set('minhashBands', bands);
    set('minhashRows', rows);
  }
  const windows = str('signalWindows');
  if (windows !== undefined && windows !== 'none') {
    set(
      'signalWindowSeconds',
      parseSignalNumbers('--signal-windows', windows, (n) => whole(n) && n > 0),
    );
  }
  const weights = str('signalWeights');
  if (weights !== undefined) {
    set('signalWeights', {
      ...DETECT_DEFAULTS.signalWeights,
      ...parseSignalNumbers('--signal-weights', weights, (n) => n >= 0),
    });
  }
  const signals = str('signals');
  if (signals !== undefined) set('signals', parseSignals(signals));
  set(
    'splitCommunities',
    number('--split-communities', 'splitCommunities', (n) => whole(n) && n >= 0, 'a whole number >= 0'),
  );
  const join = str('joinParts');
  if (join !== undefined) {
    const when = join.trim().toLowerCase();
    if (!JOIN_PARTS.includes(when as JoinParts))
      throw new UsageError(`--join-parts expects one of ${JOIN_PARTS.join(', ')}, got "${join}"`);
    set('joinParts', when as JoinParts);
  }
  return out;
}

/** `signal=number,...` pairs, each signal name checked. */
function parseSignalNumbers(
  flag: string,
  list: string,
  check: (n: number) => boolean,
): Partial<Record<SignalName, number>> {
  const out: Partial<Record<SignalName, number>> = {};
  for (const part of list.split(',').filter((x) => x.trim() !== '')) {
    const [name, value] = part.split('=').map((x) => x.trim());
    const n = Number(value);
    if (
      !(SIGNALS as readonly string[]).includes(name ?? '') ||
      value === undefined ||
      !Number.isFinite(n) ||
      !check(n)
    )
      throw new UsageError(`${flag}: expected signal=number pairs from ${SIGNALS.join(', ')}, got "${part}"`);
    out[name as SignalName] = n;
  }
  return out;
}

/** A comma list of signal names, returned in the canonical order (so option order never changes output). */
export function parseSignals(list: string): SignalName[] {
  const names = list
    .split(',')
    .map((s) => s.trim().toLowerCase())
    .filter((s) => s !== '');
  const unknown = names.filter((s) => !(SIGNALS as readonly string[]).includes(s));
  if (unknown.length > 0 || names.length === 0) {
    throw new UsageError(
      `--signals: ${names.length === 0 ? 'no signal given' : `unknown signal "${unknown[0]}"`}; choose from ${SIGNALS.join(', ')}`,
    );
  }
  return SIGNALS.filter((s) => names.includes(s));
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
