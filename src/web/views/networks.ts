// The networks list (`/` and /api/networks): one row per reported network with the figures the table sorts
// and filters on, and the run's data summary and parameters.
import type { RunData } from '../../report/index.js';
import type { ServeContext } from '../_context.js';

export interface NetworkRow {
  id: number;
  size: number;
  posts: number;
  start: string | null;
  end: string | null;
  binding: string[];
  zScore: number;
  ratio: number;
  density: number;
  topHashtag: string | null;
}

export interface NetworksPayload {
  view: 'networks';
  tool: { name: string; version: string };
  data: RunData;
  candidates: { tested: number; reported: number; setAside: number; prunedAccounts: number };
  parameters: Record<string, unknown>;
  networks: NetworkRow[];
}

export function buildNetworksView(ctx: ServeContext): NetworksPayload {
  const doc = ctx.run.files.networks;
  return {
    view: 'networks',
    tool: doc.tool,
    data: doc.data,
    candidates: doc.candidates,
    parameters: doc.parameters,
    networks: doc.networks.map((n) => ({
      id: n.id,
      size: n.size,
      posts: n.posts,
      start: n.start,
      end: n.end,
      binding: n.binding,
      zScore: n.zScore,
      ratio: n.ratio,
      density: n.density,
      topHashtag: n.topHashtags[0]?.hashtag ?? null,
    })),
  };
}
