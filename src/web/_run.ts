// The run folder as the server holds it in memory: networks.json and manifest.json, every edge of edges.csv
// (with its per-signal weights and evidence post ids) indexed by network and by account, and accounts.csv
// rows by account key. Read once at start; the folder is a finished run, so nothing is re-read.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DETECT_DEFAULTS, type NetworkAccount } from '../networks/index.js';
import { parseCsv, type RunEdge, type RunFiles, readRunFiles } from '../report/html/index.js';
import { restoreCsvCell } from '../report/index.js';

export interface ServedEdge {
  source: string;
  target: string;
  network: number;
  weight: number;
  items: number;
  /** Per-signal weight, the w_* columns of edges.csv (zeros left out). */
  signals: Record<string, number>;
  /** Evidence post id pairs [source's post, target's post]. */
  evidence: Array<[string, string]>;
}

export interface Member {
  network: number;
  account: NetworkAccount;
}

export interface ServedRun {
  dir: string;
  files: RunFiles;
  /** Every edge of edges.csv. */
  edges: ServedEdge[];
  /** Internal edges per network, in the shape the layout takes. */
  layoutEdges: Map<number, RunEdge[]>;
  edgesByAccount: Map<string, ServedEdge[]>;
  /** Account key -> its memberships (one per network it is in). */
  members: Map<string, Member[]>;
  /** Account key -> its accounts.csv rows as column -> cell. */
  indicators: Map<string, Array<Record<string, string>>>;
  signals: string[];
  windowSeconds: number;
  /** Domains that are never a co-domain item (the platforms' own), as the run had them. */
  platformDomains: string[];
}

function readTable(text: string): Array<Record<string, string>> {
  const [header, ...rows] = parseCsv(text);
  if (header === undefined) return [];
  return rows.map((r) => Object.fromEntries(header.map((h, i) => [h, restoreCsvCell(r[i] ?? '')])));
}

export async function readServedRun(dir: string): Promise<ServedRun> {
  const files = await readRunFiles(dir);
  const members = new Map<string, Member[]>();
  const keyOf = new Map<string, string>();
  for (const n of files.networks.networks) {
    for (const a of n.accounts) {
      const list = members.get(a.key) ?? [];
      if (list.length === 0) members.set(a.key, list);
      list.push({ network: n.id, account: a });
      keyOf.set(`${a.platform}\u0000${a.account}`, a.key);
    }
  }
  const edges: ServedEdge[] = [];
  const edgesByAccount = new Map<string, ServedEdge[]>();
  for (const r of readTable(await readFile(join(dir, 'edges.csv'), 'utf8'))) {
    const signals: Record<string, number> = {};
    for (const [k, v] of Object.entries(r))
      if (k.startsWith('w_') && Number(v) !== 0) signals[k.slice(2)] = Number(v);
    const e: ServedEdge = {
      source: r.source ?? '',
      target: r.target ?? '',
      network: Number(r.network),
      weight: Number(r.weight),
      items: Number(r.items),
      signals,
      evidence: (r.evidence ?? '')
        .split(';')
        .filter((x) => x.includes('>'))
        .map((x) => {
          const at = x.indexOf('>');
          return [x.slice(0, at), x.slice(at + 1)];
        }),
    };
    edges.push(e);
    for (const key of [e.source, e.target]) {
      const list = edgesByAccount.get(key) ?? [];
      if (list.length === 0) edgesByAccount.set(key, list);
      list.push(e);
    }
  }
  const indicators = new Map<string, Array<Record<string, string>>>();
  for (const r of readTable(await readFile(join(dir, 'accounts.csv'), 'utf8'))) {
    const key = keyOf.get(`${r.platform ?? ''}\u0000${r.account ?? ''}`);
    if (key === undefined) continue;
    const list = indicators.get(key) ?? [];
    if (list.length === 0) indicators.set(key, list);
    list.push(r);
  }
  const p = files.networks.parameters;
  return {
    dir,
    files,
    edges,
    layoutEdges: files.edges,
    edgesByAccount,
    members,
    indicators,
    signals: Array.isArray(p.signals) ? (p.signals as string[]) : [],
    windowSeconds: typeof p.windowSeconds === 'number' ? p.windowSeconds : 7200,
    platformDomains: Array.isArray(p.platformDomains)
      ? p.platformDomains.map(String)
      : [...DETECT_DEFAULTS.platformDomains],
  };
}
