// The account graph as the GEXF and GraphML writers take it, and what both formats need from it: node ids
// every reader accepts, attribute types declared by the caller (or inferred from the values), node positions
// and colours, and values formatted and bounded.
import { boundText, cleanXml } from './_xml.js';

export type GraphAttr = string | number | boolean | null;

/** Where a node is drawn and how: Gephi reads these as its own position, size and colour. */
export interface NodeVisual {
  x: number;
  y: number;
  size: number;
  /** `#rrggbb`. */
  color: string;
}

export interface ExportGraph {
  /** e.g. attributes `{ network: 3, handle: 'x', centrality: 0.12, posts: 40 }`. */
  nodes: Array<{ id: string; label: string; attributes: Record<string, GraphAttr>; visual?: NodeVisual }>;
  /** Undirected; e.g. attributes `{ corepost: 2.1, cohashtag: 0.4 }`. */
  edges: Array<{ source: string; target: string; weight: number; attributes: Record<string, GraphAttr> }>;
  /**
   * The node and edge attribute columns with their types, when the caller knows them. Inferred types follow
   * the values, so a column that is whole numbers in one run and fractions in the next changes type between
   * runs (Gephi then refuses to merge the two); declared ones never do, and are declared even with no rows.
   */
  nodeColumns?: readonly AttrColumn[];
  edgeColumns?: readonly AttrColumn[];
}

export interface GraphExportOptions {
  /** Labels, ids and string attribute values longer than this are cut and end with `…`. */
  maxStringChars?: number;
}

export const GRAPH_EXPORT_DEFAULTS = { maxStringChars: 2_000 };

/** A value type both formats declare: GEXF spells them as here, GraphML as `int` for `integer`. */
export type AttrType = 'boolean' | 'integer' | 'long' | 'double' | 'string';

/** An attribute column: its name and the one type that holds every non-null value in it. */
export interface AttrColumn {
  name: string;
  type: AttrType;
}

/**
 * The attribute columns of nodes or edges, in order of first appearance. Gephi reads `integer` and GraphML
 * `int` as 32-bit, so larger whole numbers make the column `long`; mixing numbers with fractions makes it
 * `double`; any other mix falls back to `string`. Nulls and non-finite numbers are omitted, so they do not
 * vote. `reserved` names clash with a column the format or Gephi already has (label, weight).
 */
export function inferColumns(
  items: Iterable<{ attributes: Record<string, GraphAttr> }>,
  reserved: readonly string[],
  what: string,
): AttrColumn[] {
  const types = new Map<string, AttrType | undefined>();
  for (const item of items) {
    for (const [name, value] of Object.entries(item.attributes)) {
      if (!types.has(name) && reserved.includes(name.toLowerCase())) {
        throw new Error(`${what} attribute "${name}" clashes with the ${what}'s own ${name.toLowerCase()}`);
      }
      const seen = types.get(name);
      const type = typeOf(value);
      types.set(name, type === undefined ? seen : seen === undefined ? type : widen(seen, type));
    }
  }
  // A column whose values are all null still gets declared, as a string, so the column set is stable.
  return [...types].map(([name, type]) => ({ name, type: type ?? 'string' }));
}

/**
 * The declared columns, checked: no reserved or repeated name, and every item's values fit their column
 * (a number in a string column is written as text; a fraction in an integer column is a bug in the caller).
 * An attribute without a column is a bug too: it would silently go missing from the file.
 */
export function declaredColumns(
  items: Iterable<{ attributes: Record<string, GraphAttr> }>,
  columns: readonly AttrColumn[],
  reserved: readonly string[],
  what: string,
): AttrColumn[] {
  const byName = new Map<string, AttrColumn>();
  for (const c of columns) {
    if (reserved.includes(c.name.toLowerCase()))
      throw new Error(`${what} attribute "${c.name}" clashes with the ${what}'s own ${c.name.toLowerCase()}`);
    if (byName.has(c.name)) throw new Error(`${what} attribute "${c.name}" is declared twice`);
    byName.set(c.name, c);
  }
  for (const item of items) {
    for (const [name, value] of Object.entries(item.attributes)) {
      const column = byName.get(name);
      if (column === undefined) throw new Error(`${what} attribute "${name}" has no declared column`);
      const type = typeOf(value);
      if (type === undefined || column.type === 'string' || type === column.type) continue;
      const fits =
        (column.type === 'double' && NUMERIC.includes(type)) ||
        (column.type === 'long' && type === 'integer');
      if (!fits)
        throw new RangeError(
          `${what} attribute "${name}" is declared ${column.type} but has ${String(value)}`,
        );
    }
  }
  return [...columns];
}

/** A node's visual, checked; `#rrggbb` split into the 0–255 channels both formats write. */
export function visualOf(visual: NodeVisual, index: number): NodeVisual & { rgb: [number, number, number] } {
  const hex = /^#([0-9a-f]{2})([0-9a-f]{2})([0-9a-f]{2})$/i.exec(visual.color);
  if (hex === null)
    throw new RangeError(`node ${index}: colour ${JSON.stringify(visual.color)} is not #rrggbb`);
  for (const v of [visual.x, visual.y, visual.size])
    if (!Number.isFinite(v)) throw new RangeError(`node ${index}: position or size ${v} is not finite`);
  const rgb = hex.slice(1, 4).map((h) => Number.parseInt(h, 16)) as [number, number, number];
  return { ...visual, rgb };
}

function typeOf(value: GraphAttr): AttrType | undefined {
  if (value === null) return undefined;
  if (typeof value === 'boolean') return 'boolean';
  if (typeof value === 'string') return 'string';
  if (!Number.isFinite(value)) return undefined;
  if (!Number.isSafeInteger(value)) return 'double';
  return value >= -(2 ** 31) && value < 2 ** 31 ? 'integer' : 'long';
}

const NUMERIC: readonly AttrType[] = ['integer', 'long', 'double'];

function widen(a: AttrType, b: AttrType): AttrType {
  if (a === b) return a;
  if (NUMERIC.includes(a) && NUMERIC.includes(b)) {
    return a === 'double' || b === 'double' ? 'double' : 'long';
  }
  return 'string';
}

/**
 * The value as the column's type writes it (unescaped), or undefined when it is omitted. Numbers use their
 * shortest round-trip form; exponents such as `1e-7` are valid xs:double and Java `parseDouble` text.
 */
export function formatAttr(
  value: GraphAttr | undefined,
  type: AttrType,
  maxChars: number,
): string | undefined {
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number' && !Number.isFinite(value)) return undefined;
  const text = String(value);
  return type === 'string' ? boundText(text, maxChars) : text;
}

/** An item's value in the column, formatted; `hasOwn` so a column named `constructor` reads no prototype. */
export function columnValue(
  attributes: Record<string, GraphAttr>,
  column: AttrColumn,
  maxChars: number,
): string | undefined {
  return Object.hasOwn(attributes, column.name)
    ? formatAttr(attributes[column.name], column.type, maxChars)
    : undefined;
}

/**
 * The id each node is written under, keyed by its own id. Ids are kept as they are whenever possible, so
 * the file can be traced back to the data; one that had to change (characters XML cannot hold, too long,
 * empty) must not land on another node's id, so it gets a `~2`, `~3`… suffix. Ids that need no change are
 * claimed first, so a genuine `a` never loses its id to a hostile `a\0`.
 */
export function exportNodeIds(nodes: ExportGraph['nodes'], maxChars: number): Map<string, string> {
  const ids = new Map<string, string>();
  const taken = new Set<string>();
  for (const [i, node] of nodes.entries()) {
    if (ids.has(node.id)) throw new Error(`node ${i}: id ${quoteForError(node.id)} is not unique`);
    ids.set(node.id, node.id);
    if (cleanId(node.id, maxChars) === node.id) taken.add(node.id);
  }
  for (const node of nodes) {
    const clean = cleanId(node.id, maxChars);
    if (clean === node.id) continue;
    let id = clean;
    for (let n = 2; taken.has(id); n++) id = `${clean}~${n}`;
    taken.add(id);
    ids.set(node.id, id);
  }
  return ids;
}

function cleanId(id: string, maxChars: number): string {
  return boundText(cleanXml(id), maxChars) || '_';
}

/** The written ids of an edge's ends; an edge to a node not in the graph is a bug in the caller. */
export function edgeEnds(
  edge: ExportGraph['edges'][number],
  index: number,
  ids: ReadonlyMap<string, string>,
): [string, string] {
  const source = ids.get(edge.source);
  const target = ids.get(edge.target);
  if (source === undefined)
    throw new Error(`edge ${index}: source ${quoteForError(edge.source)} is not a node`);
  if (target === undefined)
    throw new Error(`edge ${index}: target ${quoteForError(edge.target)} is not a node`);
  if (!Number.isFinite(edge.weight))
    throw new RangeError(`edge ${index}: weight ${edge.weight} is not finite`);
  return [source, target];
}

export function maxStringChars(options: GraphExportOptions): number {
  const max = options.maxStringChars ?? GRAPH_EXPORT_DEFAULTS.maxStringChars;
  if (!Number.isSafeInteger(max) || max < 1) {
    throw new RangeError(`maxStringChars must be a whole number of at least 1, got ${max}`);
  }
  return max;
}

// Ids are adversary text: shown escaped and short, so an error message cannot carry a payload.
function quoteForError(id: string): string {
  return JSON.stringify(boundText(id, 80));
}
