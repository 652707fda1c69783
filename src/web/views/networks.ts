// The networks list (`/` and /api/networks): one row per reported network with the figures the table sorts
// and filters on, and the run's data summary and parameters.
import { type NetworkSubject, networkSubject } from '../../report/html/story.js';
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
  /** What the network's label names (its top tag, site, link or text), or null. */
  subject: NetworkSubject | null;
}

export interface NetworksPayload {
  view: 'networks';
  tool: { name: string; version: string };
  data: RunData;
  candidates: { tested: number; reported: number; setAside: number; prunedAccounts: number };
  /** networks.json `population` (null in run folders written before it), for the warnings. */
  population: { activityInCandidates: number; warning: string | null } | null;
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
    population: doc.population ?? null,
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
      subject: networkSubject(n),
    })),
  };
}
