// The report's data: everything report.html shows, as one JSON document assembled from the run folder
// (networks.json, manifest.json, edges.csv) and the store (hourly volumes). The client only draws it, so the
// same run folder and store give the same report whichever command wrote it. Sizes are bounded here.
import type {
  NetworkDescription,
  Population,
  PrunedMember,
  SetAsideCandidate,
  SharedItem,
} from '../../networks/index.js';
import type { Store } from '../../store/index.js';
import type { RunData } from '../networks-json.js';
import { type RunInput, readRunFiles } from './_run-files.js';
import { creationSql, timelineSql } from './_timeline.sql.js';
import { layoutNetworks } from './layout.js';

export const REPORT_DEFAULTS = {
  /** Accounts listed per network (the most central first); accounts.csv has them all. */
  maxAccounts: 500,
  /** Evidence post pairs shown per network; edges.csv has every edge's evidence ids. */
  maxEvidencePairs: 20,
  /** Evidence pairs taken from one edge before moving to the next strongest. */
  pairsPerEdge: 2,
  /** Strongest edges drawn per network (all of them shape the layout). */
  maxDrawnEdges: 3000,
  /** Timeline buckets: the smallest of 1 h, 6 h, 1 day, 1 week giving at most this many over the span. */
  maxBuckets: 2000,
  /** ForceAtlas2 iterations (fixed, so the layout is the same every time). */
  layoutIterations: 200,
  /**
   * Set-aside candidates listed (the largest), members listed per candidate, and pruned members listed: a
   * large collection has thousands of candidates; networks.json lists them all.
   */
  maxSetAside: 50,
  maxSetAsideMembers: 200,
  maxPruned: 500,
};
export type ReportOptions = typeof REPORT_DEFAULTS;

export type ReportNetworkBase = Omit<NetworkDescription, 'edges' | 'accountIndicators' | 'evidence'>;

/** An evidence post; `replyTo` and `shares` are absent in run folders written before they were added. */
export interface ReportEvidencePost {
  id: string;
  time: string;
  text: string | null;
  replyTo?: string | null;
  shares?: string | null;
}

export interface ReportEvidencePair {
  source: string;
  target: string;
  /** The edge's weight and the distinct items the pair shares in all. */
  weight: number;
  items: number;
  signal: string;
  /** What the two posts share, and what else (absent in run folders written before they were named). */
  item?: string;
  alsoShared?: SharedItem[];
  a: ReportEvidencePost;
  b: ReportEvidencePost;
}

export interface ReportNetwork extends ReportNetworkBase {
  /** Members in the network; `accounts` holds at most maxAccounts of them. */
  accountsTotal: number;
  evidencePairs: ReportEvidencePair[];
  /** Evidence pairs networks.json holds for this network (its strongest edges). */
  evidencePairsTotal: number;
  /** Internal edges, and those drawn in the graph. */
  edgesTotal: number;
  edgesDrawn: number;
}

export type ReportInput = RunInput;

/** A set-aside candidate; `members` holds at most maxSetAsideMembers of them. */
export interface ReportSetAsideCandidate extends SetAsideCandidate {
  membersTotal: number;
}

/** What chance explained, bounded: the largest candidates and the first pruned members, with the totals. */
export interface ReportSetAside {
  candidates: ReportSetAsideCandidate[];
  candidatesTotal: number;
  pruned: PrunedMember[];
  prunedTotal: number;
}

export interface ReportTimeline {
  bucketSeconds: number;
  /** [bucket start in epoch seconds, posts] over the whole dataset, empty buckets left out. */
  all: Array<[number, number]>;
  /** Per network id: posts of its accounts per bucket. */
  networks: Record<string, Array<[number, number]>>;
  /**
   * Per network id: its accounts' creation dates, counted per day (or per month when they spread over
   * more than 400 days), for the creation-date histogram. Accounts without a profile or date are left out.
   */
  creation: Record<string, { unit: 'day' | 'month'; counts: Array<[string, number]> }>;
}

export interface ReportGraph {
  /** Nodes: account key, network id, position, centrality. */
  nodes: Array<{ key: string; label: string; network: number; x: number; y: number; centrality: number }>;
  /** Edges as node indexes with their weight. */
  edges: Array<[number, number, number]>;
}

export interface ReportData {
  schemaVersion: 1;
  tool: { name: string; version: string };
  /** When the run was made (manifest.json), or null. */
  created: string | null;
  inputs: ReportInput[];
  data: RunData;
  candidates: { tested: number; reported: number; setAside: number; prunedAccounts: number };
  /** Absent in run folders written before it existed. */
  population: Population | null;
  /** Null for run folders written before networks.json listed them. */
  setAside: ReportSetAside | null;
  parameters: Record<string, unknown>;
  signals: string[];
  networks: ReportNetwork[];
  timeline: ReportTimeline;
  graph: ReportGraph;
  limits: {
    maxAccounts: number;
    maxEvidencePairs: number;
    maxDrawnEdges: number;
    maxSetAside: number;
    maxPruned: number;
  };
}

/** Reads the run folder `dir` and the store it was made from, and returns the report's data. */
export async function buildReportData(
  dir: string,
  store: Store,
  options: Partial<ReportOptions> = {},
): Promise<ReportData> {
  const o: ReportOptions = { ...REPORT_DEFAULTS, ...options };
  const run = await readRunFiles(dir);
  const doc = run.networks;
  const networks = doc.networks;
  const timeline = await readTimeline(store, networks, doc.data, o.maxBuckets);
  const layout = layoutNetworks(networks, run.edges, o.layoutIterations);

  const keyIndex = new Map(layout.nodes.map((n, i) => [n.key, i]));
  const edges: ReportGraph['edges'] = [];
  const drawn = new Map<number, { total: number; drawn: number }>();
  for (const n of networks) {
    const own = (run.edges.get(n.id) ?? [])
      .filter((e) => keyIndex.has(e.source) && keyIndex.has(e.target))
      .sort((x, y) => y.weight - x.weight);
    const kept = own.slice(0, o.maxDrawnEdges);
    for (const e of kept)
      edges.push([keyIndex.get(e.source) as number, keyIndex.get(e.target) as number, e.weight]);
    drawn.set(n.id, { total: own.length, drawn: kept.length });
  }

  const parameters = doc.parameters;
  return {
    schemaVersion: 1,
    tool: doc.tool,
    created: run.manifest.created ?? null,
    inputs: run.manifest.inputs ?? [],
    data: doc.data,
    candidates: doc.candidates,
    population: doc.population ?? null,
    setAside:
      doc.setAside === undefined
        ? null
        : {
            candidates: doc.setAside.candidates.slice(0, o.maxSetAside).map((c) => ({
              ...c,
              members: c.members.slice(0, o.maxSetAsideMembers),
              membersTotal: c.members.length,
            })),
            candidatesTotal: doc.setAside.candidates.length,
            pruned: doc.setAside.pruned.slice(0, o.maxPruned),
            prunedTotal: doc.setAside.pruned.length,
          },
    parameters,
    signals: Array.isArray(parameters.signals) ? (parameters.signals as string[]) : [],
    networks: networks.map((n) => {
      const { evidence, ...rest } = n;
      const pairs = evidence.flatMap((e) =>
        e.pairs.slice(0, o.pairsPerEdge).map((p) => ({
          source: e.source,
          target: e.target,
          weight: e.weight,
          items: e.items,
          signal: p.signal,
          ...(p.item === undefined ? {} : { item: p.item, alsoShared: p.alsoShared ?? [] }),
          a: p.a,
          b: p.b,
        })),
      );
      return {
        ...rest,
        accounts: n.accounts.slice(0, o.maxAccounts),
        accountsTotal: n.accounts.length,
        evidencePairs: pairs.slice(0, o.maxEvidencePairs),
        evidencePairsTotal: evidence.reduce((sum, e) => sum + e.pairs.length, 0),
        edgesTotal: n.internalEdges,
        edgesDrawn: drawn.get(n.id)?.drawn ?? 0,
      };
    }),
    timeline,
    graph: { nodes: layout.nodes, edges },
    limits: {
      maxAccounts: o.maxAccounts,
      maxEvidencePairs: o.maxEvidencePairs,
      maxDrawnEdges: o.maxDrawnEdges,
      maxSetAside: o.maxSetAside,
      maxPruned: o.maxPruned,
    },
  };
}

const BUCKETS = [3600, 6 * 3600, 86_400, 7 * 86_400];

/** Posts per bucket in the whole store, and per network those of its accounts (members from networks.json). */
async function readTimeline(
  store: Store,
  networks: ReadonlyArray<Pick<NetworkDescription, 'id' | 'accounts'>>,
  data: RunData,
  maxBuckets: number,
): Promise<ReportTimeline> {
  const span =
    data.start !== null && data.end !== null ? (Date.parse(data.end) - Date.parse(data.start)) / 1000 : 0;
  const bucketSeconds =
    BUCKETS.find((b) => span / b <= maxBuckets) ?? Math.ceil(span / maxBuckets / 86_400) * 86_400;
  // A fresh connection (lockstep report) has no detection tables: members come from networks.json.
  await store.run(
    `CREATE OR REPLACE TEMP TABLE _report_members (net INTEGER, platform VARCHAR, account VARCHAR)`,
  );
  const appender = await store.con.createAppender('_report_members', 'main', 'temp');
  for (const n of networks) {
    for (const a of n.accounts) {
      appender.appendInteger(n.id);
      appender.appendVarchar(a.platform);
      appender.appendVarchar(a.account);
      appender.endRow();
    }
  }
  appender.closeSync();
  const rows = await store.all<{ net: number; t: bigint; n: bigint }>(timelineSql(), [bucketSeconds]);
  const created = await store.all<{ net: number; day: string; n: bigint }>(creationSql());
  await store.run(`DROP TABLE IF EXISTS _report_members`);
  const all: Array<[number, number]> = [];
  const byNetwork: Record<string, Array<[number, number]>> = {};
  for (const n of networks) byNetwork[String(n.id)] = [];
  for (const r of rows) {
    const point: [number, number] = [Number(r.t), Number(r.n)];
    if (Number(r.net) === 0) all.push(point);
    else byNetwork[String(r.net)]?.push(point);
  }
  const creation: ReportTimeline['creation'] = {};
  for (const n of networks)
    creation[String(n.id)] = creationCounts(
      created.filter((r) => Number(r.net) === n.id).map((r): [string, number] => [r.day, Number(r.n)]),
    );
  return { bucketSeconds, all, networks: byNetwork, creation };
}

/**
 * Accounts created per day (`YYYY-MM-DD`, in order), or per month (`YYYY-MM-01`) when the days spread over
 * more than 400 days, for a network's creation-date histogram (the report and the UI's network page).
 */
export function creationCounts(days: Array<[string, number]>): ReportTimeline['creation'][string] {
  const first = days[0]?.[0];
  const last = days[days.length - 1]?.[0];
  const wide =
    first !== undefined && last !== undefined && Date.parse(last) - Date.parse(first) > 400 * 86_400_000;
  if (!wide) return { unit: 'day', counts: days };
  const months = new Map<string, number>();
  for (const [day, count] of days)
    months.set(`${day.slice(0, 7)}-01`, (months.get(`${day.slice(0, 7)}-01`) ?? 0) + count);
  return { unit: 'month', counts: [...months] };
}
