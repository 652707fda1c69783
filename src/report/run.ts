// The run folder: networks.json (reproducible to the byte), accounts.csv, edges.csv (with evidence post ids),
// network.gexf and network.graphml for Gephi, and manifest.json (inputs with SHA-256 and row counts, every
// parameter, tool version, timings, creation time, the store's identity: the one file that differs between
// identical runs). The manifest's `kind` marks the folder as lockstep's (run-folder.ts reads and checks it).
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { Detection, NetworkDescription } from '../networks/index.js';
import { ACCOUNT_INDICATOR_COLUMNS, flattenAccountIndicators } from '../networks/indicators.js';
import type { IngestReport } from '../normalize/index.js';
import { SIGNALS } from '../signals/index.js';
import type { Store } from '../store/index.js';
import { VERSION } from '../version.js';
import { type CsvCell, writeCsv } from './csv.js';
import { writeGexf } from './gexf.js';
import type { ExportGraph, GraphAttr } from './graph-export.js';
import { writeGraphml } from './graphml.js';
import {
  buildNetworksJson,
  serializeNetworksJson,
  sortedParameters,
  summarizeRunData,
} from './networks-json.js';
import { RUN_FOLDER_KIND, recordRun } from './run-folder.js';

export const RUN_FILES = [
  'networks.json',
  'accounts.csv',
  'edges.csv',
  'network.gexf',
  'network.graphml',
  'manifest.json',
] as const;

export interface RunFolderInput {
  store: Store;
  detection: Detection;
  networks: NetworkDescription[];
  /** This run's ingest, when it loaded files (its time goes to the manifest's timings). */
  ingest: IngestReport | null;
  /** Seconds per stage measured by the caller (e.g. describe); detection's own stages are added here. */
  timings: Record<string, number>;
  /** Input paths as the user gave them; the manifest lists every file the store holds either way. */
  inputs?: string[];
  /** The run's id, recorded in the store and the manifest (default: a new random one). */
  runId?: string;
}

export interface RunFolder {
  dir: string;
  files: string[];
  seconds: number;
}

const MEMBER_COLUMNS = [
  'network',
  'account',
  'platform',
  'handle',
  'name',
  'role',
  'centrality',
  'degree',
  'strength',
  'coordinated_posts',
  'member_z',
  'member_ratio',
];
// The indicator columns that repeat the member columns are left out (their values are the same).
const INDICATOR_COLUMNS = ACCOUNT_INDICATOR_COLUMNS.map((name, index) => ({ name, index })).filter(
  (c) => !MEMBER_COLUMNS.includes(c.name),
);

export async function writeRunFolder(dir: string, run: RunFolderInput): Promise<RunFolder> {
  const began = performance.now();
  await mkdir(dir, { recursive: true });
  const { detection, networks } = run;
  const signals = SIGNALS.filter((s) => detection.parameters.signals.includes(s));

  const data = await summarizeRunData(run.store);
  await writeFile(
    join(dir, 'networks.json'),
    serializeNetworksJson(buildNetworksJson(detection, networks, data)),
  );

  await writeCsv(
    join(dir, 'accounts.csv'),
    [...MEMBER_COLUMNS, ...INDICATOR_COLUMNS.map((c) => c.name)],
    networks.flatMap((n) =>
      n.accounts.map((a, i): CsvCell[] => {
        const indicators = n.accountIndicators[i];
        const flat = indicators === undefined ? [] : flattenAccountIndicators(indicators);
        return [
          n.id,
          a.account,
          a.platform,
          a.handle,
          a.name,
          a.role,
          a.centrality,
          a.degree,
          a.strength,
          a.posts,
          a.memberZScore,
          a.memberRatio,
          ...INDICATOR_COLUMNS.map((c) => flat[c.index] ?? null),
        ];
      }),
    ),
  );

  await writeCsv(
    join(dir, 'edges.csv'),
    [
      'source',
      'target',
      'network',
      'weight',
      'items',
      ...signals.map((s) => `w_${s}`),
      'evidence',
      'evidence_total',
    ],
    networks.flatMap((n) =>
      n.edges.map((e): CsvCell[] => [
        e.source,
        e.target,
        n.id,
        e.weight,
        e.items,
        ...signals.map((s) => e.signals[s] ?? 0),
        e.evidence.map((x) => `${x.a}>${x.b}`).join(';'),
        e.items,
      ]),
    ),
  );

  const graph = exportGraph(networks, signals);
  await writeGexf(join(dir, 'network.gexf'), graph, {
    description: 'lockstep: accounts of the reported networks and their coordination edges',
  });
  await writeGraphml(join(dir, 'network.graphml'), graph);

  const timings = {
    ...(run.ingest === null ? {} : { ingest: round(run.ingest.seconds) }),
    ...Object.fromEntries(detection.signals.signals.map((s) => [`signal:${s.signal}`, s.seconds])),
    ...detection.seconds,
    ...run.timings,
    write: round((performance.now() - began) / 1000),
  };
  const outputs: Record<string, { bytes: number; sha256: string }> = {};
  for (const name of RUN_FILES.filter((f) => f !== 'manifest.json')) {
    const bytes = await readFile(join(dir, name));
    outputs[name] = { bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') };
  }
  const storeIdentity = await recordRun(run.store, run.runId);
  const manifest = {
    kind: RUN_FOLDER_KIND,
    schemaVersion: 1,
    tool: { name: 'lockstep', version: VERSION },
    created: new Date().toISOString(),
    arguments: run.inputs ?? [],
    inputs: await readInputs(run.store),
    store: storeIdentity,
    data,
    parameters: sortedParameters(detection),
    networks: networks.length,
    timings,
    outputs,
  };
  await writeFile(join(dir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
  return {
    dir,
    files: RUN_FILES.map((f) => join(dir, f)),
    seconds: round((performance.now() - began) / 1000),
  };
}

/** Nodes are the reported networks' accounts; edges are the edges inside a network. */
function exportGraph(networks: NetworkDescription[], signals: readonly string[]): ExportGraph {
  const nodes: ExportGraph['nodes'] = [];
  const edges: ExportGraph['edges'] = [];
  for (const n of networks) {
    for (const a of n.accounts) {
      nodes.push({
        id: a.key,
        label: a.handle ?? a.account,
        attributes: {
          network: n.id,
          platform: a.platform,
          account: a.account,
          handle: a.handle,
          role: a.role,
          centrality: a.centrality,
          posts: a.posts,
        },
      });
    }
    for (const e of n.edges) {
      const attributes: Record<string, GraphAttr> = { network: n.id, items: e.items };
      for (const s of signals) attributes[`w_${s}`] = e.signals[s as keyof typeof e.signals] ?? 0;
      edges.push({ source: e.source, target: e.target, weight: e.weight, attributes });
    }
  }
  return { nodes, edges };
}

/** Every file the store was loaded from, with the ingest report kept beside it. */
async function readInputs(store: Store): Promise<unknown[]> {
  const rows = await store.all<{
    path: string;
    sha256: string;
    bytes: bigint;
    format: string;
    platform: string;
    rows_read: bigint;
    rows_loaded: bigint;
    rows_rejected: bigint;
    report: string | null;
  }>(
    `SELECT path, sha256, bytes, format, platform, rows_read, rows_loaded, rows_rejected, report
     FROM files ORDER BY file_id`,
  );
  return rows.map((r) => {
    const report =
      r.report === null
        ? null
        : (JSON.parse(r.report) as { rejections?: unknown[]; merges?: unknown[]; rowsMerged?: number });
    const rejections = (report?.rejections ?? []) as Array<{ reason: string; count: number }>;
    const merges = (report?.merges ?? []) as Array<{ reason: string; count: number }>;
    return {
      path: r.path,
      sha256: r.sha256,
      bytes: Number(r.bytes),
      format: r.format,
      platform: r.platform,
      rowsRead: Number(r.rows_read),
      rowsLoaded: Number(r.rows_loaded),
      rowsRejected: Number(r.rows_rejected),
      rejections: Object.fromEntries(rejections.map((x) => [x.reason, x.count])),
      rowsMerged: report?.rowsMerged ?? 0,
      merges: Object.fromEntries(merges.map((x) => [x.reason, x.count])),
    };
  });
}

const round = (x: number) => Math.round(x * 1000) / 1000;
