// GraphML (http://graphml.graphdrawing.org/) of the undirected weighted account graph, for Gephi, networkx,
// igraph and yEd. Same input, same escaping and same columns as the GEXF writer. GraphML has no standard for
// drawing, so positions and colours go in the node keys Gephi's GraphML importer maps to its own (x, y,
// size, r, g, b: the names its exporter writes), which networkx and igraph read as plain attributes.
import { escapeXml, writeChunks } from './_xml.js';
import {
  type AttrColumn,
  type AttrType,
  columnValue,
  declaredColumns,
  type ExportGraph,
  edgeEnds,
  exportNodeIds,
  formatAttr,
  type GraphAttr,
  type GraphExportOptions,
  inferColumns,
  maxStringChars,
  visualOf,
} from './graph-export.js';

// `label` and `weight` are the keys Gephi maps to its own Label and Weight, and the visual keys its position,
// size and colour: attributes may not reuse them.
const NODE_RESERVED = ['id', 'label', 'x', 'y', 'z', 'size', 'r', 'g', 'b', 'color'];
const EDGE_RESERVED = ['id', 'label', 'weight'];
const VISUAL_KEYS = [
  ['x', 'double'],
  ['y', 'double'],
  ['size', 'double'],
  ['r', 'int'],
  ['g', 'int'],
  ['b', 'int'],
] as const;

const GRAPHML_TYPES: Readonly<Record<AttrType, string>> = {
  boolean: 'boolean',
  integer: 'int',
  long: 'long',
  double: 'double',
  string: 'string',
};

/** The graph as a GraphML document. */
export function toGraphml(graph: ExportGraph, options: GraphExportOptions = {}): string {
  return [...graphmlChunks(graph, options)].join('');
}

/** Streams the GraphML document to `path`; the file appears only when complete. */
export async function writeGraphml(
  path: string,
  graph: ExportGraph,
  options: GraphExportOptions = {},
): Promise<void> {
  await writeChunks(path, graphmlChunks(graph, options));
}

/**
 * The GraphML document in pieces (one per node or edge). The schema types ids as NMTOKEN, but readers do
 * not validate and accept any string, so account ids are kept (escaped) to keep the file traceable.
 */
export function* graphmlChunks(graph: ExportGraph, options: GraphExportOptions = {}): Generator<string> {
  const maxChars = maxStringChars(options);
  const nodeColumns =
    graph.nodeColumns === undefined
      ? inferColumns(graph.nodes, NODE_RESERVED, 'node')
      : declaredColumns(graph.nodes, graph.nodeColumns, NODE_RESERVED, 'node');
  const edgeColumns =
    graph.edgeColumns === undefined
      ? inferColumns(graph.edges, EDGE_RESERVED, 'edge')
      : declaredColumns(graph.edges, graph.edgeColumns, EDGE_RESERVED, 'edge');
  const visuals = graph.nodes.some((n) => n.visual !== undefined);
  const ids = exportNodeIds(graph.nodes, maxChars);
  // Key ids are positional (d0, d1… as networkx writes them), so attribute names only appear escaped.
  const edgeKeysFrom = nodeColumns.length;

  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
  yield ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';
  yield '  <key id="label" for="node" attr.name="label" attr.type="string"/>\n';
  yield keys('node', nodeColumns, 0);
  if (visuals) {
    for (const [name, type] of VISUAL_KEYS)
      yield `  <key id="${name}" for="node" attr.name="${name}" attr.type="${type}"/>\n`;
  }
  yield '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>\n';
  yield keys('edge', edgeColumns, edgeKeysFrom);
  yield '  <graph id="G" edgedefault="undirected">\n';

  for (const [i, node] of graph.nodes.entries()) {
    const label = formatAttr(node.label, 'string', maxChars) ?? '';
    let out = `    <node id="${escapeXml(ids.get(node.id) ?? '')}">\n`;
    out += `      <data key="label">${escapeXml(label)}</data>\n`;
    out += data(node.attributes, nodeColumns, 0, maxChars);
    if (node.visual !== undefined) {
      const v = visualOf(node.visual, i);
      const values = [v.x, v.y, v.size, ...v.rgb];
      VISUAL_KEYS.forEach(([name], k) => {
        out += `      <data key="${name}">${values[k]}</data>\n`;
      });
    }
    yield `${out}    </node>\n`;
  }
  for (const [i, edge] of graph.edges.entries()) {
    const [source, target] = edgeEnds(edge, i, ids);
    let out = `    <edge id="e${i}" source="${escapeXml(source)}" target="${escapeXml(target)}">\n`;
    out += `      <data key="weight">${edge.weight}</data>\n`;
    out += data(edge.attributes, edgeColumns, edgeKeysFrom, maxChars);
    yield `${out}    </edge>\n`;
  }
  yield '  </graph>\n</graphml>\n';
}

function keys(kind: 'node' | 'edge', columns: readonly AttrColumn[], firstKey: number): string {
  return columns
    .map(
      (c, i) =>
        `  <key id="d${firstKey + i}" for="${kind}" attr.name="${escapeXml(c.name)}" attr.type="${GRAPHML_TYPES[c.type]}"/>\n`,
    )
    .join('');
}

function data(
  attributes: Record<string, GraphAttr>,
  columns: readonly AttrColumn[],
  firstKey: number,
  maxChars: number,
): string {
  let out = '';
  for (const [i, column] of columns.entries()) {
    const value = columnValue(attributes, column, maxChars);
    if (value !== undefined) out += `      <data key="d${firstKey + i}">${escapeXml(value)}</data>\n`;
  }
  return out;
}
