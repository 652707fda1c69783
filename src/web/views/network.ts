// One network (/network/:id and its JSON twin): its description from networks.json, its graph (layout from
// the report's ForceAtlas2 code, computed once per network and cached; the strongest edges drawn), its posts
// per time bucket against the whole dataset's, its most central accounts and its strongest edges' evidence.
import type { RunNetworksJson } from '../../report/html/index.js';
import { type GraphLayout, HttpError, type ServeContext } from '../_context.js';

export type NetworkJson = RunNetworksJson['networks'][number];

export interface NetworkPayload {
  view: 'network';
  network: NetworkJson;
  accountsTotal: number;
  graph: GraphLayout & { edges: Array<[number, number, number]>; edgesTotal: number };
  timeline: { bucketSeconds: number; all: Array<[number, number]>; network: Array<[number, number]> };
  windowSeconds: number;
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
  return {
    view: 'network',
    network: { ...n, accounts: n.accounts.slice(0, ctx.limits.maxAccounts) },
    accountsTotal: n.accounts.length,
    graph: { nodes: layout.nodes, edges, edgesTotal: own.length },
    timeline: { ...whole, network },
    windowSeconds: ctx.run.windowSeconds,
  };
}
