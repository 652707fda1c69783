// The run folder's exports as spreadsheets and Gephi open them: the CSV BOM, defused cells that a reader
// gets back as they were, declared attribute types that do not follow the values, node positions and
// colours in GEXF and GraphML, and a column declaration for every indicator.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { test } from 'node:test';
import fc from 'fast-check';
import { ACCOUNT_INDICATOR_COLUMNS } from '../../src/networks/indicators.js';
import { restoreCsvCell, toCsv } from '../../src/report/csv.js';
import { type ExportGraph, toGexf } from '../../src/report/gexf.js';
import { toGraphml } from '../../src/report/graphml.js';
import { parseCsv } from '../../src/report/html/index.js';
import { ACCOUNT_COLUMNS, edgeColumns, INDICATOR_TYPES } from '../../src/report/run-tables.js';

const ID = '1556040000000000001';

test('a CSV with bom starts with U+FEFF once, before the header', () => {
  const csv = toCsv(['Id', 'n'], [[ID, 1]], { bom: true });
  assert.ok(csv.startsWith('\uFEFFId,n\n'));
  assert.equal(csv.indexOf('\uFEFF', 1), -1);
  assert.ok(!toCsv(['a'], [['b']]).startsWith('\uFEFF'), 'no BOM unless asked');
});

test('a reader takes back every text cell as it was, whatever it starts with', () => {
  const cells = ["'=1", "''+2", "'plain", "'", '=HYPERLINK("x")', '\tx', 'a"b', ID, ''];
  const back = parseCsv(
    toCsv(
      ['cell'],
      cells.map((c) => [c]),
    ),
  )
    .slice(1)
    .map((r) => restoreCsvCell(r[0] ?? ''));
  assert.deepEqual(back, cells);
  // And as a property, on texts made of the characters that matter (NUL is dropped, so left out).
  fc.assert(
    fc.property(
      fc.array(fc.constantFrom("'", '=', '+', '-', '@', '\t', '\r', '\n', '"', ',', 'a', '1', 'ش'), {
        maxLength: 8,
      }),
      (chars) => {
        const text = chars.join('');
        const [, row] = parseCsv(toCsv(['t'], [[text]]));
        assert.equal(restoreCsvCell(row?.[0] ?? ''), text);
      },
    ),
    { seed: 17, numRuns: 2_000 },
  );
});

function graph(weights: number[], withVisual = true): ExportGraph {
  return {
    nodes: ['a', 'b'].map((id, i) => ({
      id,
      label: id,
      attributes: { network: 1, share: i },
      ...(withVisual ? { visual: { x: i * 10.5, y: -3, size: 2.5, color: '#4e79a7' } } : {}),
    })),
    edges: weights.map((w) => ({ source: 'a', target: 'b', weight: 1, attributes: { w_colink: w } })),
    nodeColumns: [
      { name: 'network', type: 'integer' },
      { name: 'share', type: 'double' },
      { name: 'empty', type: 'string' },
    ],
    edgeColumns: [{ name: 'w_colink', type: 'double' }],
  };
}

test('declared columns keep their type whatever the values, and are declared with no values', () => {
  for (const weights of [[2], [2.5], []]) {
    const gexf = toGexf(graph(weights));
    assert.match(gexf, /<attribute id="0" title="w_colink" type="double"\/>/, `weights ${weights}`);
    assert.match(gexf, /<attribute id="1" title="share" type="double"\/>/);
    assert.match(gexf, /<attribute id="2" title="empty" type="string"\/>/);
    const graphml = toGraphml(graph(weights));
    assert.match(graphml, /attr\.name="w_colink" attr\.type="double"/);
  }
  const bad = graph([1]);
  bad.nodes[0] = { id: 'a', label: 'a', attributes: { network: 1.5 } };
  assert.throws(() => toGexf(bad), /"network" is declared integer but has 1.5/);
  const undeclared = graph([1]);
  undeclared.nodes[0] = { id: 'a', label: 'a', attributes: { extra: 1 } };
  assert.throws(() => toGraphml(undeclared), /"extra" has no declared column/);
});

test('GEXF and GraphML carry each node position, size and colour', () => {
  const gexf = toGexf(graph([1]));
  assert.match(gexf, /xmlns:viz="http:\/\/gexf\.net\/1\.3\/viz"/);
  assert.match(
    gexf,
    /<node id="b" label="b">\n {8}<attvalues>[\s\S]*?<\/attvalues>\n {8}<viz:color r="78" g="121" b="167"\/>\n {8}<viz:position x="10.5" y="-3" z="0"\/>\n {8}<viz:size value="2.5"\/>\n {6}<\/node>/,
  );
  const graphml = toGraphml(graph([1]));
  for (const [key, type] of Object.entries({ x: 'double', y: 'double', size: 'double', r: 'int' }))
    assert.match(graphml, new RegExp(`<key id="${key}" for="node" attr.name="${key}" attr.type="${type}"/>`));
  assert.match(graphml, /<data key="x">10.5<\/data>\n {6}<data key="y">-3<\/data>/);
  assert.match(graphml, /<data key="g">121<\/data>/);
  // Without visuals, no visual keys.
  assert.doesNotMatch(toGraphml(graph([1], false)), /<key id="x"/);
  const badColour = graph([1]);
  badColour.nodes[0] = { id: 'a', label: 'a', attributes: {}, visual: { x: 0, y: 0, size: 1, color: 'red' } };
  assert.throws(() => toGexf(badColour), /colour "red" is not #rrggbb/);
});

test('every indicator column has a declared type, and every column is documented', () => {
  for (const name of ACCOUNT_INDICATOR_COLUMNS)
    assert.ok(INDICATOR_TYPES[name] !== undefined, `indicator ${name} has no type in run-tables.ts`);
  const doc = readFileSync(resolve(import.meta.dirname, '../../docs/run-folder.md'), 'utf8');
  for (const c of [...ACCOUNT_COLUMNS, ...edgeColumns(['corepost'])])
    assert.match(doc, new RegExp(`\\| \`${c.name.replace('corepost', '<signal>')}\` \\|`), c.name);
});
