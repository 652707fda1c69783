// The run folder: networks.json (reproducible to the byte), accounts.csv, edges.csv (with evidence post ids),
// their Parquet copies for analysts and xlsx copies for spreadsheets (ids kept as text), network.gexf and network.graphml for Gephi (drawn as the report draws them), and
// manifest.json (inputs with SHA-256 and row counts, every parameter, tool version, timings, creation time,
// the store's identity: the one file that differs between identical runs). The manifest's `kind` marks the
// folder as lockstep's (run-folder.ts reads and checks it). docs/run-folder.md documents every file.
import { createHash } from 'node:crypto';
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import {
  type Detection,
  describeSetAside,
  type NetworkDescription,
  type SetAsideDescription,
} from '../networks/index.js';
import type { IngestReport } from '../normalize/index.js';
import { SIGNALS } from '../signals/index.js';
import type { Store } from '../store/index.js';
import { VERSION } from '../version.js';
import { writeCsv } from './csv.js';
import { writeGexf } from './gexf.js';
import type { ExportGraph, GraphAttr } from './graph-export.js';
import { writeGraphml } from './graphml.js';
import { networkColor } from './html/client/_format.js';
import { layoutNetworks, REPORT_DEFAULTS } from './html/index.js';
import { accountLabel } from './labels.js';
import {
  buildNetworksJson,
  serializeNetworksJson,
  sortedParameters,
  summarizeRunData,
} from './networks-json.js';
import { writeParquet } from './parquet.js';
import { RUN_FOLDER_KIND, recordRun } from './run-folder.js';
import { accountsTable, edgesTable, type RunTable } from './run-tables.js';
import { writeXlsx } from './xlsx.js';

export const RUN_FILES = [
  'networks.json',
  'accounts.csv',
  'edges.csv',
  'accounts.parquet',
  'edges.parquet',
  'accounts.xlsx',
  'edges.xlsx',
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
  /** The candidates chance explained (default: described here, from the detection's tables on the store). */
  setAside?: SetAsideDescription;
}

export interface RunFolder {
  dir: string;
  files: string[];
  seconds: number;
}

/**
 * How many GEXF/GraphML position units one unit of the report's layout is. The report's layout gives a
 * network of n accounts a cell about 2.2·√n units wide; Gephi draws sizes in the same units as positions,
 * so without scaling the report's node sizes (2.5–11.5) would cover the whole network.
 */
export const GRAPH_POSITION_SCALE = 50;

export async function writeRunFolder(dir: string, run: RunFolderInput): Promise<RunFolder> {
  const began = performance.now();
  await mkdir(dir, { recursive: true });
  const { detection, networks } = run;
  const signals = SIGNALS.filter((s) => detection.parameters.signals.includes(s));

  const data = await summarizeRunData(run.store);
  await writeFile(
    join(dir, 'networks.json'),
    serializeNetworksJson(
      buildNetworksJson(
        detection,
        networks,
        data,
        run.setAside ?? (await describeSetAside(run.store, detection, networks)),
      ),
    ),
  );

  const accounts = accountsTable(networks);
  const edges = edgesTable(networks, signals);
  await writeTableCsv(join(dir, 'accounts.csv'), accounts);
  await writeTableCsv(join(dir, 'edges.csv'), edges);
  await writeParquet(run.store, join(dir, 'accounts.parquet'), accounts);
  await writeParquet(run.store, join(dir, 'edges.parquet'), edges);
  await writeXlsx(join(dir, 'accounts.xlsx'), accounts, { sheetName: 'accounts' });
  await writeXlsx(join(dir, 'edges.xlsx'), edges, { sheetName: 'edges' });

  const graph = exportGraph(networks, accounts, edges);
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

/**
 * A table as CSV, ids plain as pandas and R read them, with a BOM so that a spreadsheet reads the names as
 * UTF-8 (a spreadsheet still rounds 19-digit ids in a CSV: the xlsx copies are for spreadsheets).
 */
async function writeTableCsv(path: string, table: RunTable): Promise<void> {
  await writeCsv(
    path,
    table.columns.map((c) => c.name),
    table.rows,
    { bom: true },
  );
}

/**
 * Nodes are the reported networks' accounts, with accounts.csv's columns as attributes (but Id, which is the
 * node's id) and the report's layout and network colours; edges are the edges inside a network, with
 * edges.csv's columns but the ends, the weight and the evidence ids (edges.csv has those).
 */
function exportGraph(networks: NetworkDescription[], accounts: RunTable, edges: RunTable): ExportGraph {
  // The report's own layout (report-data.ts): the same accounts in the same order, and the edges as
  // edges.csv lists them, give the same positions.
  const layout = layoutNetworks(
    networks,
    new Map(
      networks.map((n) => [
        n.id,
        n.edges.map((e) => ({ source: e.source, target: e.target, weight: e.weight })),
      ]),
    ),
    REPORT_DEFAULTS.layoutIterations,
  );
  const position = new Map(layout.nodes.map((p) => [p.key, p]));
  const nodeColumns = accounts.columns.slice(1);
  const nodes: ExportGraph['nodes'] = [];
  let row = 0;
  for (const n of networks) {
    for (const a of n.accounts) {
      const cells = accounts.rows[row++] ?? [];
      const attributes: Record<string, GraphAttr> = {};
      nodeColumns.forEach((c, i) => {
        attributes[c.name] = cells[i + 1] ?? null;
      });
      const p = position.get(a.key);
      nodes.push({
        id: a.key,
        label: accountLabel(a),
        attributes,
        ...(p === undefined
          ? {}
          : {
              visual: {
                x: round(p.x * GRAPH_POSITION_SCALE),
                y: round(p.y * GRAPH_POSITION_SCALE),
                // The report's node size (html/client/graph.ts).
                size: round(2.5 + 9 * Math.max(0, Math.min(1, a.centrality))),
                color: networkColor(n.id),
              },
            }),
      });
    }
  }
  const kept = edges.columns
    .map((c, i) => ({ c, i }))
    .filter(({ c }) => !['Id', 'source', 'target', 'weight', 'evidence', 'evidence_items'].includes(c.name));
  const graphEdges: ExportGraph['edges'] = edges.rows.map((cells) => ({
    source: String(cells[1]),
    target: String(cells[2]),
    weight: Number(cells[4]),
    attributes: Object.fromEntries(kept.map(({ c, i }) => [c.name, cells[i] ?? null])),
  }));
  return {
    nodes,
    edges: graphEdges,
    nodeColumns,
    edgeColumns: kept.map(({ c }) => c),
  };
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
