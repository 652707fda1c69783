// One network (/network/:id and its JSON twin): its description from networks.json (every field of it: the
// chance figures per signal, hashtag shares, links, texts, indicators, accounts, evidence), its graph (layout
// from the report's ForceAtlas2 code, computed once per network and cached; the strongest edges drawn), its
// posts per time bucket against the whole dataset's, its members' creation days (accounts.csv), and what
// the page's sentence needs (signals run, candidates tested) and names its evidence's accounts by.

import { creationCounts, type ReportTimeline, type RunNetworksJson } from '../../report/html/index.js';
import { accountLabel } from '../../report/labels.js';
import { type GraphLayout, HttpError, type ServeContext } from '../_context.js';

export type NetworkJson = RunNetworksJson['networks'][number];

export interface NetworkPayload {
  view: 'network';
  /** As networks.json has it, with `accounts` cut to the most central `maxAccounts`. */
  network: NetworkJson;
  accountsTotal: number;
  graph: GraphLayout & { edges: Array<[number, number, number]>; edgesTotal: number };
  timeline: { bucketSeconds: number; all: Array<[number, number]>; network: Array<[number, number]> };
  /** Members' creation days (or months), for the creation-date histogram. */
  creation: ReportTimeline['creation'][string];
  windowSeconds: number;
  /** Signals the run used and candidates it tested: the odds in the network's sentence count them. */
  signalsRun: number;
  candidatesTested: number;
  /** How each account the evidence names is shown (accountLabel), by key. */
  labels: Record<string, string>;
}

export function parseNetworkId(raw: string): number {
  if (!/^[0-9]{1,9}$/.test(raw)) throw new HttpError(400, 'a network id is a whole number');
  return Number(raw);
}

export async function buildNetworkView(ctx: ServeContext, rawId: string): Promise<NetworkPayload> {
  const id = parseNetworkId(rawId);
  const n = ctx.network(id);
  if (n === undefined) throw new HttpError(404, 'no such network in this run');
  const layout = await ctx.layout(id);
  const index = new Map(layout.nodes.map((x, i) => [x.key, i]));
  const own = (ctx.run.layoutEdges.get(id) ?? [])
    .filter((e) => index.has(e.source) && index.has(e.target))
    .sort((x, y) => y.weight - x.weight);
  const edges = own
    .slice(0, ctx.limits.maxDrawnEdges)
    .map((e): [number, number, number] => [
      index.get(e.source) as number,
      index.get(e.target) as number,
      e.weight,
    ]);
  const whole = await ctx.wholeTimeline();
  const network = await ctx.networkTimeline(id, whole.bucketSeconds);
  const byKey = new Map(n.accounts.map((a) => [a.key, a]));
  const labels: Record<string, string> = {};
  for (const e of n.evidence)
    for (const key of [e.source, e.target]) {
      const a = byKey.get(key);
      labels[key] = a === undefined ? key : accountLabel(a);
    }
  const days = new Map<string, number>();
  for (const a of n.accounts) {
    const day = ctx.run.indicators.get(a.key)?.find((r) => r.network === String(id))?.created_day;
    if (day) days.set(day, (days.get(day) ?? 0) + 1);
  }
  const p = ctx.run.files.networks;
  return {
    view: 'network',
    network: { ...n, accounts: n.accounts.slice(0, ctx.limits.maxAccounts) },
    accountsTotal: n.accounts.length,
    graph: { nodes: layout.nodes, edges, edgesTotal: own.length },
    timeline: { ...whole, network },
    creation: creationCounts([...days].sort((x, y) => (x[0] < y[0] ? -1 : x[0] > y[0] ? 1 : 0))),
    windowSeconds: ctx.run.windowSeconds,
    signalsRun: Math.max(1, ctx.run.signals.length),
    candidatesTested: p.candidates.tested,
    labels,
  };
}
