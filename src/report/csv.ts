// CSV for the run folder: RFC 4180 quoting, `\n` line ends, UTF-8 (with a BOM on request: Excel reads a
// file without one in the machine's legacy code page, which garbles Persian), and string cells made safe to
// open in a spreadsheet whatever the adversary wrote: formula triggers neutralised (OWASP "CSV injection"),
// NULs stripped, length bounded under Excel's 32,767-character cell limit. Ids are written plain, as pandas
// and R read them; the spreadsheet copies that keep them as text are xlsx.ts's (docs/run-folder.md says why).
import { boundText, writeChunks } from './_xml.js';

export type CsvCell = string | number | boolean | null | undefined;

export interface CsvOptions {
  /** Longer string cells are cut and end with `…`. */
  maxCellChars?: number;
  /** Start the file with a UTF-8 byte order mark (U+FEFF), which Excel needs to read it as UTF-8. */
  bom?: boolean;
}

export const CSV_DEFAULTS = { maxCellChars: 32_000, bom: false };

const BOM = '\uFEFF';

// A spreadsheet evaluates a cell that starts with one of these as a formula (`=HYPERLINK(...)` exfiltrates,
// `=cmd|...` ran commands via DDE). A leading `'` makes Excel, LibreOffice and Sheets show it as text. A
// cell that already starts with `'`s before a trigger gets one more, so that taking one off (restoreCsvCell)
// gives back every cell as it was, whatever it held.
const FORMULA_START = /^'*[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;
const NUL = /\0/g;

/** The whole CSV as one string (header line, then one line per row, each ending in `\n`). */
export function toCsv(
  header: readonly string[],
  rows: Iterable<ReadonlyArray<CsvCell>>,
  options: CsvOptions = {},
): string {
  const maxChars = maxCellChars(options);
  const lines = [(options.bom ? BOM : '') + encodeRow(header, header.length, 0, maxChars)];
  let line = 0;
  for (const row of rows) lines.push(encodeRow(row, header.length, ++line, maxChars));
  return lines.join('');
}

/**
 * Streams the CSV to `path` (rows may come from an async source such as a query cursor) and returns the
 * number of data rows written. The file appears only when complete.
 */
export async function writeCsv(
  path: string,
  header: readonly string[],
  rows: Iterable<ReadonlyArray<CsvCell>> | AsyncIterable<ReadonlyArray<CsvCell>>,
  options: CsvOptions = {},
): Promise<number> {
  const maxChars = maxCellChars(options);
  let count = 0;
  async function* lines(): AsyncGenerator<string> {
    yield (options.bom ? BOM : '') + encodeRow(header, header.length, 0, maxChars);
    for await (const row of rows) yield encodeRow(row, header.length, ++count, maxChars);
  }
  await writeChunks(path, lines());
  return count;
}

/** One encoded cell, without the separator. */
export function encodeCsvCell(cell: CsvCell, maxChars: number = CSV_DEFAULTS.maxCellChars): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  // Only strings are defused: the number -5 must stay a number a spreadsheet can sum.
  if (typeof cell === 'number') return formatNumber(cell);
  const text = defuseText(cell, maxChars);
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A text cell as any spreadsheet may show it: NULs dropped, a `'` before a formula trigger, cut under the
 * cell limit. The xlsx copies write their text cells through this too, so that a cell copied out of them
 * into another sheet is as harmless as the CSV's.
 */
export function defuseText(text: string, maxChars: number = CSV_DEFAULTS.maxCellChars): string {
  const clean = text.replace(NUL, '');
  return boundText(FORMULA_START.test(clean) ? `'${clean}` : clean, maxChars);
}

/** A text cell as it was before defuseText, from its parsed text: the `'` that defused a formula taken off. */
export function restoreCsvCell(cell: string): string {
  return /^'+[=+\-@\t\r]/.test(cell) ? cell.slice(1) : cell;
}

// A row of the wrong width is a bug in the caller, and a shifted column would silently mislabel evidence.
function encodeRow(row: ReadonlyArray<CsvCell>, width: number, line: number, maxChars: number): string {
  if (row.length !== width) {
    throw new RangeError(`CSV row ${line} has ${row.length} cells but the header has ${width}`);
  }
  let out = '';
  for (let i = 0; i < row.length; i++) {
    if (i > 0) out += ',';
    out += encodeCsvCell(row[i], maxChars);
  }
  return `${out}\n`;
}

// JSON number text, except integers of 1e21 and more, which JavaScript would print with an exponent that
// spreadsheets read as a different number type; NaN and ±Infinity have no CSV form and are left empty.
function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return '';
  if (Number.isInteger(value) && Math.abs(value) >= 1e21) return BigInt(value).toString();
  return String(value);
}

function maxCellChars(options: CsvOptions): number {
  const max = options.maxCellChars ?? CSV_DEFAULTS.maxCellChars;
  if (!Number.isSafeInteger(max) || max < 1) {
    throw new RangeError(`maxCellChars must be a whole number of at least 1, got ${max}`);
  }
  return max;
}
