// GEXF 1.3 (https://gexf.net/1.3) of the undirected weighted account graph, for Gephi, with each node's
// position, size and colour in the viz namespace (https://gexf.net/1.3/viz.xsd). Written by hand
// rather than with graphology-gexf, whose writer keeps control characters and lone surrogates (an
// unparseable file from one hostile handle) and numbers edges from a per-process counter (not reproducible).
import { escapeXml, writeChunks } from './_xml.js';
import {
  type AttrColumn,
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

export type { ExportGraph, GraphAttr, GraphExportOptions } from './graph-export.js';
export { GRAPH_EXPORT_DEFAULTS } from './graph-export.js';

export interface GexfOptions extends GraphExportOptions {
  /** Defaults to `lockstep`. */
  creator?: string;
  description?: string;
  /** `YYYY-MM-DD`; left out unless given, so the same graph always gives the same bytes. */
  lastModifiedDate?: string;
}

// Gephi has its own Id and Label columns, and Weight on edges: a same-named attribute would collide.
const NODE_RESERVED = ['id', 'label'];
const EDGE_RESERVED = ['id', 'label', 'weight'];

/** The graph as a GEXF document. */
export function toGexf(graph: ExportGraph, options: GexfOptions = {}): string {
  return [...gexfChunks(graph, options)].join('');
}

/** Streams the GEXF document to `path`; the file appears only when complete. */
export async function writeGexf(path: string, graph: ExportGraph, options: GexfOptions = {}): Promise<void> {
  await writeChunks(path, gexfChunks(graph, options));
}

/** The GEXF document in pieces (one per node or edge), so large graphs need not become one string. */
export function* gexfChunks(graph: ExportGraph, options: GexfOptions = {}): Generator<string> {
  const maxChars = maxStringChars(options);
  const nodeColumns =
    graph.nodeColumns === undefined
      ? inferColumns(graph.nodes, NODE_RESERVED, 'node')
      : declaredColumns(graph.nodes, graph.nodeColumns, NODE_RESERVED, 'node');
  const edgeColumns =
    graph.edgeColumns === undefined
      ? inferColumns(graph.edges, EDGE_RESERVED, 'edge')
      : declaredColumns(graph.edges, graph.edgeColumns, EDGE_RESERVED, 'edge');
  const ids = exportNodeIds(graph.nodes, maxChars);

  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield '<gexf xmlns="http://gexf.net/1.3" xmlns:viz="http://gexf.net/1.3/viz"';
  yield ' xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"';
  yield ' xsi:schemaLocation="http://gexf.net/1.3 http://gexf.net/1.3/gexf.xsd" version="1.3">\n';
  const date =
    options.lastModifiedDate === undefined
      ? ''
      : ` lastmodifieddate="${escapeXml(options.lastModifiedDate)}"`;
  yield `  <meta${date}>\n    <creator>${escapeXml(options.creator ?? 'lockstep')}</creator>\n`;
  if (options.description !== undefined) {
    yield `    <description>${escapeXml(options.description)}</description>\n`;
  }
  yield '  </meta>\n  <graph defaultedgetype="undirected" mode="static">\n';
  yield declarations('node', nodeColumns);
  yield declarations('edge', edgeColumns);

  yield '    <nodes>\n';
  for (const [i, node] of graph.nodes.entries()) {
    const id = escapeXml(ids.get(node.id) ?? '');
    const label = escapeXml(formatAttr(node.label, 'string', maxChars) ?? '');
    let body = attvalues(node.attributes, nodeColumns, maxChars);
    if (body !== '') body = `        <attvalues>\n${body}        </attvalues>\n`;
    if (node.visual !== undefined) body += viz(visualOf(node.visual, i));
    yield element(`      <node id="${id}" label="${label}"`, 'node', body);
  }
  yield '    </nodes>\n    <edges>\n';
  for (const [i, edge] of graph.edges.entries()) {
    const [source, target] = edgeEnds(edge, i, ids);
    const open = `      <edge id="${i}" source="${escapeXml(source)}" target="${escapeXml(target)}" weight="${edge.weight}"`;
    const values = attvalues(edge.attributes, edgeColumns, maxChars);
    yield element(open, 'edge', values === '' ? '' : `        <attvalues>\n${values}        </attvalues>\n`);
  }
  yield '    </edges>\n  </graph>\n</gexf>\n';
}

// Columns are declared under their position as id (`for="0"`), so attribute names never appear in `for`.
function declarations(kind: 'node' | 'edge', columns: readonly AttrColumn[]): string {
  if (columns.length === 0) return '';
  const lines = columns.map(
    (c, i) => `      <attribute id="${i}" title="${escapeXml(c.name)}" type="${c.type}"/>\n`,
  );
  return `    <attributes class="${kind}">\n${lines.join('')}    </attributes>\n`;
}

function attvalues(
  attributes: Record<string, GraphAttr>,
  columns: readonly AttrColumn[],
  maxChars: number,
): string {
  let out = '';
  for (const [i, column] of columns.entries()) {
    const value = columnValue(attributes, column, maxChars);
    if (value !== undefined) out += `          <attvalue for="${i}" value="${escapeXml(value)}"/>\n`;
  }
  return out;
}

function viz(v: ReturnType<typeof visualOf>): string {
  const [r, g, b] = v.rgb;
  return (
    `        <viz:color r="${r}" g="${g}" b="${b}"/>\n` +
    `        <viz:position x="${v.x}" y="${v.y}" z="0"/>\n` +
    `        <viz:size value="${v.size}"/>\n`
  );
}

function element(open: string, tag: string, body: string): string {
  return body === '' ? `${open}/>\n` : `${open}>\n${body}      </${tag}>\n`;
}
