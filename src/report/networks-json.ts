// networks.json: the run's findings as one schema-versioned document. Same store + same parameters give the
// same bytes: no timestamps, timings or absolute paths, keys in a fixed order, numbers rounded at source
// (and again here, to 6 decimals, so no float noise from parallel sums can leak through).
import type { Detection, NetworkDescription, SetAsideDescription } from '../networks/index.js';
import type { Store } from '../store/index.js';
import { VERSION } from '../version.js';

/**
 * Raised only when a field changes meaning or goes: readers check it (`lockstep report` and `serve` refuse
 * another), so fields are added under the same version (`setAside` was) and readers treat them as optional.
 */
export const NETWORKS_SCHEMA_VERSION = 1;

export interface RunData {
  posts: number;
  /** Accounts with at least one post. */
  accounts: number;
  /** Accounts rows (profiles), e.g. from an IO archive users file. */
  profiles: number;
  start: string | null;
  end: string | null;
  untimedPosts: number;
  /** Files per format in the store. */
  formats: Record<string, number>;
}

export async function summarizeRunData(store: Store): Promise<RunData> {
  const row = await store.one<{
    posts: bigint;
    accounts: bigint;
    profiles: bigint;
    start: string | null;
    end: string | null;
    untimed: bigint;
  }>(`
    SELECT (SELECT count(*) FROM posts) AS posts,
      (SELECT count(*) FROM (SELECT DISTINCT platform, account FROM posts)) AS accounts,
      (SELECT count(*) FROM accounts) AS profiles,
      (SELECT strftime(min(time), '%Y-%m-%dT%H:%M:%SZ') FROM posts) AS start,
      (SELECT strftime(max(time), '%Y-%m-%dT%H:%M:%SZ') FROM posts) AS "end",
      (SELECT count(*) FROM posts WHERE time IS NULL) AS untimed`);
  const formats = await store.all<{ format: string; files: bigint }>(
    `SELECT format, count(*) AS files FROM files GROUP BY format ORDER BY format`,
  );
  return {
    posts: Number(row.posts),
    accounts: Number(row.accounts),
    profiles: Number(row.profiles),
    start: row.start,
    end: row.end,
    untimedPosts: Number(row.untimed),
    formats: Object.fromEntries(formats.map((f) => [f.format, Number(f.files)])),
  };
}

/** The parameters with keys sorted, so the order options were given in never changes the bytes. */
export function sortedParameters(detection: Detection): Record<string, unknown> {
  const p = detection.parameters as unknown as Record<string, unknown>;
  return Object.fromEntries(
    Object.keys(p)
      .sort()
      .map((k) => [k, p[k]]),
  );
}

export function buildNetworksJson(
  detection: Detection,
  networks: NetworkDescription[],
  data: RunData,
  setAside: SetAsideDescription = { candidates: [], pruned: [] },
): Record<string, unknown> {
  const s = detection.signals;
  const reported = detection.candidates.filter((c) => c.beyondChance).length;
  return {
    schemaVersion: NETWORKS_SCHEMA_VERSION,
    tool: { name: 'lockstep', version: VERSION },
    parameters: sortedParameters(detection),
    data,
    signals: {
      accounts: s.accounts,
      posts: s.posts,
      untimedPosts: s.untimedPosts,
      // Groups above maxGroupAccounts were linked only to each account's next cappedNeighbours in time.
      maxGroupAccounts: detection.parameters.maxGroupAccounts,
      cappedNeighbours: detection.parameters.cappedNeighbours,
      perSignal: s.signals.map(({ seconds: _seconds, ...rest }) => rest),
      cappedGroups: s.signals.reduce((sum, x) => sum + x.cappedGroups, 0),
      edges: s.edges,
      nearDuplicates: s.nearDuplicates,
      graph: detection.graphFigures,
    },
    candidates: {
      tested: detection.candidates.length,
      reported,
      setAside: detection.candidates.length - reported,
      prunedAccounts: networks.reduce((sum, n) => sum + n.pruned, 0),
    },
    // The share of activity by accounts in candidate communities, and a warning when the accounts outside
    // them are too few to stand for independent accounts (the chance model is then conservative).
    population: detection.population,
    // Every edge and each account's indicators are in edges.csv and accounts.csv; the strongest edges' evidence
    // posts are here.
    networks: networks.map(({ accountIndicators: _indicators, edges: _edges, ...n }) => n),
    // What chance explained, by name: every set-aside candidate with its members and figures, and the members
    // the member rule took out of reported networks. Last, so the networks stay near the top of the file.
    setAside,
  };
}

/** The document's text: two-space JSON, numbers rounded to 6 decimals, a final newline. */
export function serializeNetworksJson(doc: unknown): string {
  return `${JSON.stringify(
    doc,
    (_key, value: unknown) =>
      typeof value === 'number' && !Number.isInteger(value) ? Math.round(value * 1e6) / 1e6 : value,
    2,
  )}\n`;
}
