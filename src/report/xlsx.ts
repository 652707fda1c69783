// Spreadsheet copies of the run folder's tables (accounts.xlsx, edges.xlsx), for opening by double-click. A
// CSV cannot say that a column is text, so Excel and LibreOffice turn a 19-digit id in accounts.csv into
// 1.55604E+18; in a workbook each cell has its type: ids and other text are string cells in the Text number
// format (so an edit keeps them text), numbers are numbers. No cell is ever a formula, and text cells are
// defused as the CSV's are (csv.ts defuseText), so a cell copied out into another sheet stays harmless.
// Format: ECMA-376 Part 1 SpreadsheetML, the least a workbook needs (content types, workbook, styles, one
// worksheet per 1,048,575 rows, Excel's limit), with inline strings so that rows stream: the sheet's XML is
// deflated a batch at a time through fflate's streaming ZIP, never held whole (a 10M-post run's edges are
// more text than a JavaScript string holds). Entries carry a fixed time, so equal tables give equal bytes.
import { Zip, ZipDeflate } from 'fflate';
import { cleanXml, escapeXml, writeWhole } from './_xml.js';
import { CSV_DEFAULTS, defuseText } from './csv.js';
import type { RunTable } from './run-tables.js';

export interface XlsxOptions {
  /** The first sheet's name; further sheets add ` 2`, ` 3`…. At most 28 characters, none of []:*?/\, no leading '. */
  sheetName?: string;
  /** Data rows per sheet, under its header row; 1,048,575 fills Excel's and LibreOffice's 1,048,576. */
  maxRowsPerSheet?: number;
  /** Longer text cells are cut and end with `…` (Excel's cell limit is 32,767 characters). */
  maxCellChars?: number;
}

export const XLSX_DEFAULTS = {
  sheetName: 'Sheet',
  maxRowsPerSheet: 1_048_575,
  maxCellChars: CSV_DEFAULTS.maxCellChars,
};

const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const RELATIONSHIPS = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const PACKAGE_RELATIONSHIPS = 'http://schemas.openxmlformats.org/package/2006/relationships';
const XML_DECLARATION = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
// The DOS epoch ZIP entries can record, as local date parts (what fflate writes): the same in any time zone.
const ENTRY_TIME = new Date(1980, 0, 1);
const BATCH_CHARS = 1 << 16;

// cellXfs indexes in styles.xml: 0 General (numbers), 1 Text ("@", number format 49), 2 Text in bold (headers).
const TEXT_STYLE = 1;
const HEADER_STYLE = 2;

/**
 * Writes `table` to `path` as an .xlsx workbook and returns the data rows written. The file goes to
 * `path.partial` first and is renamed at the end, as the other writers do.
 */
export async function writeXlsx(path: string, table: RunTable, options: XlsxOptions = {}): Promise<number> {
  const settings = { ...XLSX_DEFAULTS, ...options };
  if (!Number.isSafeInteger(settings.maxRowsPerSheet) || settings.maxRowsPerSheet < 1)
    throw new RangeError(
      `maxRowsPerSheet must be a whole number of at least 1, got ${settings.maxRowsPerSheet}`,
    );
  if (!/^(?!')[^[\]:*?/\\]{1,28}$/.test(settings.sheetName))
    throw new RangeError(`sheet name "${settings.sheetName}" is not one Excel accepts`);
  const sheets = Math.max(1, Math.ceil(table.rows.length / settings.maxRowsPerSheet));
  const names = Array.from({ length: sheets }, (_, i) =>
    i === 0 ? settings.sheetName : `${settings.sheetName} ${i + 1}`,
  );
  const entries: Array<[string, Iterable<string>]> = [
    ['[Content_Types].xml', [contentTypes(sheets)]],
    ['_rels/.rels', [rootRelationships()]],
    ['xl/workbook.xml', [workbook(names)]],
    ['xl/_rels/workbook.xml.rels', [workbookRelationships(sheets)]],
    ['xl/styles.xml', [STYLES]],
    ...names.map((_, i): [string, Iterable<string>] => [
      `xl/worksheets/sheet${i + 1}.xml`,
      worksheet(
        table,
        i * settings.maxRowsPerSheet,
        Math.min(table.rows.length, (i + 1) * settings.maxRowsPerSheet),
        settings.maxCellChars,
      ),
    ]),
  ];
  await writeWhole(path, zipped(entries));
  return table.rows.length;
}

/** The ZIP of the entries, each deflated as its text comes, as chunks to write. */
async function* zipped(entries: Array<[string, Iterable<string>]>): AsyncGenerator<Uint8Array> {
  const out: Uint8Array[] = [];
  let failure: Error | null = null;
  const zip = new Zip((err, chunk) => {
    if (err) failure = err;
    else out.push(chunk);
  });
  const encoder = new TextEncoder();
  const drain = function* (): Generator<Uint8Array> {
    if (failure !== null) throw failure;
    yield* out.splice(0);
  };
  for (const [name, parts] of entries) {
    // Level 1: at 6 the 500 MB sheet of 300k edges took 14.6 s and came to 42 MB; at 1, 10.6 s and 52 MB.
    const file = new ZipDeflate(name, { level: 1 });
    file.mtime = ENTRY_TIME;
    zip.add(file);
    let batch = '';
    for (const part of parts) {
      batch += part;
      if (batch.length < BATCH_CHARS) continue;
      file.push(encoder.encode(batch));
      batch = '';
      yield* drain();
    }
    file.push(encoder.encode(batch), true);
    yield* drain();
  }
  zip.end();
  yield* drain();
}

/** One worksheet: the header row, then rows [from, to) of the table, one `<row>` at a time. */
function* worksheet(table: RunTable, from: number, to: number, maxChars: number): Generator<string> {
  const { columns } = table;
  const letters = columns.map((_, i) => columnLetters(i));
  const last = `${letters[letters.length - 1] ?? 'A'}${to - from + 1}`;
  const widths = columns.map((c, i) => {
    const width = c.id ? 21 : Math.min(40, Math.max(10, c.name.length + 2));
    const style = c.type === 'string' ? ` style="${TEXT_STYLE}"` : '';
    return `<col min="${i + 1}" max="${i + 1}" width="${width}" customWidth="1"${style}/>`;
  });
  yield `${XML_DECLARATION}<worksheet xmlns="${MAIN}"><dimension ref="A1:${last}"/>`;
  // The header row stays in view while scrolling.
  yield '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>';
  yield `<sheetFormatPr defaultRowHeight="15"/><cols>${widths.join('')}</cols><sheetData>`;
  yield `<row r="1">${columns.map((c, i) => textCell(`${letters[i]}1`, c.name, HEADER_STYLE, maxChars)).join('')}</row>`;
  for (let r = from; r < to; r++) {
    const cells = table.rows[r] ?? [];
    if (cells.length !== columns.length)
      throw new RangeError(
        `xlsx row ${r + 1} has ${cells.length} cells but the header has ${columns.length}`,
      );
    const n = r - from + 2;
    let row = `<row r="${n}">`;
    for (let i = 0; i < columns.length; i++) {
      const value = cells[i];
      if (value === null || value === undefined) continue;
      const ref = `${letters[i]}${n}`;
      // A number in a column of numbers stays a number (-5 must sum); anything else is text.
      if (typeof value === 'number' && columns[i]?.type !== 'string') {
        if (Number.isFinite(value)) row += `<c r="${ref}"><v>${value}</v></c>`;
      } else row += textCell(ref, String(value), TEXT_STYLE, maxChars);
    }
    yield `${row}</row>`;
  }
  yield '</sheetData></worksheet>';
}

// Cleaned of what XML cannot hold before it is defused: a control character must not hide a leading `=`.
// Spreadsheets trim the ends of a text unless told to keep its spaces.
function textCell(ref: string, value: string, style: number, maxChars: number): string {
  const text = defuseText(XML_INVALID.test(value) ? cleanXml(value) : value, maxChars);
  if (text === '') return '';
  const keep = /^\s|\s$/.test(text) ? ' xml:space="preserve"' : '';
  return `<c r="${ref}" s="${style}" t="inlineStr"><is><t${keep}>${escapeText(text)}</t></is></c>`;
}

// Element text needs only `&`, `<`, the `>` of `]]>` and CR escaped (a parser reads a bare CR as LF); attribute
// values, quotes included, go through escapeXml. Most cells (ids, evidence pairs `a>b`) need none of it.
const XML_INVALID = /[^\t\n\r\u0020-\uD7FF\uE000-\uFFFD\u{10000}-\u{10FFFF}]/u;
const TEXT_SPECIAL = /[&<\r]|\]\]>/;
const TEXT_ESCAPES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '\r': '&#13;',
  ']]>': ']]&gt;',
};
const escapeText = (text: string) =>
  TEXT_SPECIAL.test(text) ? text.replace(/[&<\r]|\]\]>/g, (s) => TEXT_ESCAPES[s] ?? '') : text;

/** A, B, … Z, AA, AB, … for the column at `index` (from 0). */
export function columnLetters(index: number): string {
  let out = '';
  for (let n = index + 1; n > 0; n = Math.floor((n - 1) / 26))
    out = String.fromCharCode(65 + ((n - 1) % 26)) + out;
  return out;
}

function contentTypes(sheets: number): string {
  const sheetTypes = Array.from(
    { length: sheets },
    (_, i) =>
      `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
  );
  return (
    `${XML_DECLARATION}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/>' +
    '<Default Extension="xml" ContentType="application/xml"/>' +
    '<Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/>' +
    '<Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>' +
    `${sheetTypes.join('')}</Types>`
  );
}

function rootRelationships(): string {
  return (
    `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">` +
    `<Relationship Id="rId1" Type="${RELATIONSHIPS}/officeDocument" Target="xl/workbook.xml"/></Relationships>`
  );
}

function workbook(names: string[]): string {
  const sheets = names.map(
    (name, i) => `<sheet name="${escapeXml(name)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`,
  );
  return (
    `${XML_DECLARATION}<workbook xmlns="${MAIN}" xmlns:r="${RELATIONSHIPS}">` +
    `<bookViews><workbookView/></bookViews><sheets>${sheets.join('')}</sheets></workbook>`
  );
}

function workbookRelationships(sheets: number): string {
  const links = Array.from(
    { length: sheets },
    (_, i) =>
      `<Relationship Id="rId${i + 1}" Type="${RELATIONSHIPS}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
  );
  return (
    `${XML_DECLARATION}<Relationships xmlns="${PACKAGE_RELATIONSHIPS}">${links.join('')}` +
    `<Relationship Id="rId${sheets + 1}" Type="${RELATIONSHIPS}/styles" Target="styles.xml"/></Relationships>`
  );
}

const STYLES =
  `${XML_DECLARATION}<styleSheet xmlns="${MAIN}">` +
  '<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>' +
  '<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>' +
  '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
  '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
  '<cellXfs count="3">' +
  '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>' +
  '<xf numFmtId="49" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/>' +
  '<xf numFmtId="49" fontId="1" fillId="0" borderId="0" xfId="0" applyNumberFormat="1" applyFont="1"/>' +
  '</cellXfs><cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles></styleSheet>';
