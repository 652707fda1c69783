// The run folder's two tables, accounts and edges, declared once: each column's name and type, and the rows.
// accounts.csv, edges.csv, their Parquet copies and the GEXF/GraphML attributes are all written from these,
// so a column has the same name and type in every file and every run (docs/run-folder.md documents them).
import type { NetworkDescription } from '../networks/index.js';
import { ACCOUNT_INDICATOR_COLUMNS, flattenAccountIndicators } from '../networks/indicators.js';
import type { AttrColumn, AttrType } from './graph-export.js';

export interface TableColumn extends AttrColumn {
  /** An id: a text cell in the xlsx copies (so that spreadsheets keep every digit), given a wider column. */
  id?: boolean;
}

export type TableCell = string | number | null;

export interface RunTable {
  columns: TableColumn[];
  rows: TableCell[][];
}

const MEMBER_COLUMNS: TableColumn[] = [
  { name: 'network', type: 'integer' },
  { name: 'account', type: 'string', id: true },
  { name: 'platform', type: 'string' },
  { name: 'handle', type: 'string' },
  { name: 'name', type: 'string' },
  { name: 'role', type: 'string' },
  { name: 'centrality', type: 'double' },
  { name: 'degree', type: 'integer' },
  { name: 'strength', type: 'double' },
  { name: 'coordinated_posts', type: 'integer' },
  { name: 'member_z', type: 'double' },
  { name: 'member_ratio', type: 'double' },
];

/**
 * The type of each indicator column (src/networks/indicators.ts): fixed here, not taken from the values,
 * so a share that happens to be 0 or 1 in every row of a run is still a double. Flags are 1/0 integers
 * so that spreadsheets sum them. A column missing here is written as string (a test flags it).
 */
export const INDICATOR_TYPES: Readonly<Record<string, AttrType>> = {
  platform: 'string',
  account: 'string',
  profile: 'integer',
  handle: 'string',
  created: 'string',
  created_day: 'string',
  handle_digits: 'integer',
  handle_pattern: 'integer',
  followers: 'long',
  following: 'long',
  follower_ratio: 'double',
  posts: 'integer',
  reposts: 'integer',
  repost_share: 'double',
  first_post: 'string',
  last_post: 'string',
  active_hours: 'integer',
  gap_cv: 'double',
  distinct_clients: 'integer',
  top_client: 'string',
  top_client_share: 'double',
  unknown_client_share: 'double',
};

const memberNames = new Set(MEMBER_COLUMNS.map((c) => c.name));
// The indicator columns that repeat the member columns are left out (their values are the same).
const INDICATORS = ACCOUNT_INDICATOR_COLUMNS.map((name, index) => ({ name, index })).filter(
  (c) => !memberNames.has(c.name),
);

/**
 * `Id` first: Gephi's spreadsheet import takes a node table's ids from the column named Id (it is the key
 * edges.csv's source and target use), and a first column is where a reader that ignores the BOM sees it.
 */
export const ACCOUNT_COLUMNS: readonly TableColumn[] = [
  { name: 'Id', type: 'string', id: true },
  ...MEMBER_COLUMNS,
  ...INDICATORS.map((c) => ({ name: c.name, type: INDICATOR_TYPES[c.name] ?? 'string' })),
];

/** One row per member of each reported network, in network order, most central first. */
export function accountsTable(networks: readonly NetworkDescription[]): RunTable {
  const rows = networks.flatMap((n) =>
    n.accounts.map((a, i): TableCell[] => {
      const indicators = n.accountIndicators[i];
      const flat = indicators === undefined ? [] : flattenAccountIndicators(indicators);
      return [
        a.key,
        n.id,
        a.account,
        a.platform,
        a.handle,
        a.name,
        a.role,
        a.centrality,
        a.degree,
        a.strength,
        a.posts,
        a.memberZScore,
        a.memberRatio,
        ...INDICATORS.map((c) => flat[c.index] ?? null),
      ];
    }),
  );
  return { columns: [...ACCOUNT_COLUMNS], rows };
}

/**
 * The edge columns for a run's signals: one `w_<signal>` per signal that ran, always a double. `Id` is the
 * edge's id in network.gexf and (as `e<Id>`) network.graphml; Gephi's edge import takes it too.
 */
export function edgeColumns(signals: readonly string[]): TableColumn[] {
  return [
    { name: 'Id', type: 'integer' },
    { name: 'source', type: 'string', id: true },
    { name: 'target', type: 'string', id: true },
    { name: 'network', type: 'integer' },
    { name: 'weight', type: 'double' },
    { name: 'items', type: 'integer' },
    ...signals.map((s): TableColumn => ({ name: `w_${s}`, type: 'double' })),
    { name: 'evidence', type: 'string' },
    { name: 'evidence_items', type: 'string' },
    { name: 'evidence_total', type: 'integer' },
  ];
}

/** Every internal edge of each reported network, in network order. */
export function edgesTable(networks: readonly NetworkDescription[], signals: readonly string[]): RunTable {
  let id = 0;
  const rows = networks.flatMap((n) =>
    n.edges.map((e): TableCell[] => [
      id++,
      e.source,
      e.target,
      n.id,
      e.weight,
      e.items,
      ...signals.map((s) => e.signals[s as keyof typeof e.signals] ?? 0),
      e.evidence.map((x) => `${x.a}>${x.b}`).join(';'),
      // What each pair shares, in the same order: JSON, since a shared text may hold any separator.
      JSON.stringify(e.evidence.map((x) => [x.signal, x.item])),
      e.evidenceTotal,
    ]),
  );
  return { columns: edgeColumns(signals), rows };
}
