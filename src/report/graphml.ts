// GraphML (http://graphml.graphdrawing.org/) of the undirected weighted account graph, for Gephi, networkx,
// igraph and yEd. Same input, same escaping and same inferred columns as the GEXF writer.
import { escapeXml, writeChunks } from './_xml.js';
import {
  type AttrColumn,
  type AttrType,
  columnValue,
  type ExportGraph,
  edgeEnds,
  exportNodeIds,
  formatAttr,
  type GraphAttr,
  type GraphExportOptions,
  inferColumns,
  maxStringChars,
} from './graph-export.js';

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
  // `label` and `weight` are the keys Gephi maps to its own Label and Weight: attributes may not reuse them.
  const nodeColumns = inferColumns(graph.nodes, ['id', 'label'], 'node');
  const edgeColumns = inferColumns(graph.edges, ['id', 'label', 'weight'], 'edge');
  const ids = exportNodeIds(graph.nodes, maxChars);
  // Key ids are positional (d0, d1… as networkx writes them), so attribute names only appear escaped.
  const edgeKeysFrom = nodeColumns.length;

  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<graphml xmlns="http://graphml.graphdrawing.org/xmlns" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
  yield ' xsi:schemaLocation="http://graphml.graphdrawing.org/xmlns http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd">\n';
  yield '  <key id="label" for="node" attr.name="label" attr.type="string"/>\n';
  yield keys('node', nodeColumns, 0);
  yield '  <key id="weight" for="edge" attr.name="weight" attr.type="double"/>\n';
  yield keys('edge', edgeColumns, edgeKeysFrom);
  yield '  <graph id="G" edgedefault="undirected">\n';

  for (const node of graph.nodes) {
    const label = formatAttr(node.label, 'string', maxChars) ?? '';
    let out = `    <node id="${escapeXml(ids.get(node.id) ?? '')}">\n`;
    out += `      <data key="label">${escapeXml(label)}</data>\n`;
    out += data(node.attributes, nodeColumns, 0, maxChars);
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
