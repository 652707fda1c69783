// The networks list (`/` and /api/networks): one row per reported network with the figures the table sorts
// and filters on, the run's data summary and parameters, and the candidates set aside as within chance (the
// largest SET_ASIDE_LIMITS.candidates, and the first pruned members; networks.json lists every one).
import type { SetAsideDescription } from '../../networks/index.js';
import { type NetworkSubject, networkSubject } from '../../report/html/story.js';
import type { ReportSetAside, RunData } from '../../report/index.js';
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
  /** Null for run folders written before networks.json listed them. */
  setAside: ReportSetAside | null;
}

/** What the list carries of the set-aside candidates: enough to browse, bounded for a large collection. */
export const SET_ASIDE_LIMITS = { candidates: 500, members: 200, pruned: 2000 };

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
    setAside: setAsideOf(doc.setAside),
  };
}

function setAsideOf(s: SetAsideDescription | undefined): ReportSetAside | null {
  if (s === undefined) return null;
  return {
    candidates: s.candidates.slice(0, SET_ASIDE_LIMITS.candidates).map((c) => ({
      ...c,
      members: c.members.slice(0, SET_ASIDE_LIMITS.members),
      membersTotal: c.members.length,
    })),
    candidatesTotal: s.candidates.length,
    pruned: s.pruned.slice(0, SET_ASIDE_LIMITS.pruned),
    prunedTotal: s.pruned.length,
  };
}
