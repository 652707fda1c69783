// Reads what the report needs from a run folder: networks.json, manifest.json, and the internal edges from
// edges.csv (networks.json leaves edges out). CSV cells that the writer neutralised against spreadsheet
// formulas (a leading `'` before = + - @ tab CR) are restored (csv.ts) so account keys match networks.json.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { NetworkDescription, Population, SetAsideDescription } from '../../networks/index.js';
import type { FileReport } from '../../normalize/index.js';
import { restoreCsvCell } from '../csv.js';
import type { RunData } from '../networks-json.js';

export interface RunNetworksJson {
  schemaVersion: number;
  tool: { name: string; version: string };
  parameters: Record<string, unknown>;
  data: RunData;
  candidates: { tested: number; reported: number; setAside: number; prunedAccounts: number };
  population?: Population;
  networks: Array<Omit<NetworkDescription, 'edges' | 'accountIndicators'>>;
  /** Absent in run folders written before it existed. */
  setAside?: SetAsideDescription;
}

/** One input file as manifest.json lists it: its ingest report, with rejections counted by reason. */
export type RunInput = Pick<
  FileReport,
  'sha256' | 'bytes' | 'format' | 'platform' | 'rowsRead' | 'rowsLoaded' | 'rowsRejected'
> & {
  path: string;
  rejections: Record<string, number>;
  /** Rows of posts already loaded (absent in run folders made before they were counted apart). */
  rowsMerged?: number;
  merges?: Record<string, number>;
};

export interface RunManifest {
  created?: string;
  inputs?: RunInput[];
}

export interface RunEdge {
  source: string;
  target: string;
  weight: number;
}

export interface RunFiles {
  networks: RunNetworksJson;
  manifest: RunManifest;
  /** Internal edges per network id. */
  edges: Map<number, RunEdge[]>;
}

export async function readRunFiles(dir: string): Promise<RunFiles> {
  const networks = JSON.parse(await readFile(join(dir, 'networks.json'), 'utf8')) as RunNetworksJson;
  if (networks.schemaVersion !== 1)
    throw new Error(`${join(dir, 'networks.json')}: schema version ${networks.schemaVersion}, expected 1`);
  const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as RunManifest;
  const edges = new Map<number, RunEdge[]>();
  const [header, ...rows] = parseCsv(await readFile(join(dir, 'edges.csv'), 'utf8'));
  const col = (name: string) => header?.indexOf(name) ?? -1;
  const [source, target, network, weight] = [col('source'), col('target'), col('network'), col('weight')];
  if (source < 0 || target < 0 || network < 0 || weight < 0)
    throw new Error(`${join(dir, 'edges.csv')}: expected columns source, target, network, weight`);
  for (const r of rows) {
    const net = Number(r[network]);
    const list = edges.get(net) ?? [];
    if (list.length === 0) edges.set(net, list);
    list.push({
      source: restoreCsvCell(r[source] ?? ''),
      target: restoreCsvCell(r[target] ?? ''),
      weight: Number(r[weight]),
    });
  }
  return { networks, manifest, edges };
}

/**
 * RFC 4180 as csv.ts writes it: quoted cells with doubled quotes, `\n` line ends (a `\r` outside quotes
 * is dropped). Cells are cut as slices between the characters that matter, not built a character at a
 * time: a 1M-post run's edges.csv is 30 MB, and per-character strings kept the collector busy for seconds.
 */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  const special = /[",\r\n]/g;
  // accounts.csv and edges.csv start with a UTF-8 byte order mark (for Excel): not part of the first name.
  let i = text.startsWith('\uFEFF') ? 1 : 0;
  while (i < text.length) {
    special.lastIndex = i;
    const m = special.exec(text);
    const j = m === null ? text.length : m.index;
    if (j > i) cell += text.slice(i, j);
    if (m === null) break;
    const ch = m[0];
    i = j + 1;
    if (ch === '"') {
      // A quoted stretch runs to the next quote that is not doubled (or to the end of an unclosed one).
      for (;;) {
        const q = text.indexOf('"', i);
        if (q < 0) {
          cell += text.slice(i);
          i = text.length;
          break;
        }
        cell += text.slice(i, q);
        if (text[q + 1] !== '"') {
          i = q + 1;
          break;
        }
        cell += '"';
        i = q + 2;
      }
    } else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    }
  }
  if (cell !== '' || row.length > 0) rows.push([...row, cell]);
  return rows;
}
