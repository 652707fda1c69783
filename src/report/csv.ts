// CSV for the run folder: RFC 4180 quoting, `\n` line ends, UTF-8 (with a BOM on request: Excel reads a
// file without one in the machine's legacy code page, which garbles Persian), and string cells made safe to
// open in a spreadsheet whatever the adversary wrote: formula triggers neutralised (OWASP "CSV injection"),
// NULs stripped, length bounded under Excel's 32,767-character cell limit. Id columns can be marked as text
// (a leading tab) so that a spreadsheet does not turn a 19-digit id into 1.55604E+18; see docs/run-folder.md.
import { boundText, writeChunks } from './_xml.js';

export type CsvCell = string | number | boolean | null | undefined;

export interface CsvOptions {
  /** Longer string cells are cut and end with `…`. */
  maxCellChars?: number;
  /** Start the file with a UTF-8 byte order mark (U+FEFF), which Excel needs to read it as UTF-8. */
  bom?: boolean;
  /**
   * Header names of columns whose non-empty cells are written as `"\t<id>"`. Excel and LibreOffice read a
   * cell that starts with a tab as text (an id of digits would otherwise become a rounded number), pandas'
   * and R's number parsers skip the leading whitespace, and restoreCsvCell takes it off again.
   */
  textColumns?: readonly string[];
}

export const CSV_DEFAULTS = { maxCellChars: 32_000, bom: false };

const BOM = '\uFEFF';
const TEXT_MARK = '\t';

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
  const text = textFlags(header, options);
  const lines = [(options.bom ? BOM : '') + encodeRow(header, null, 0, maxChars)];
  let line = 0;
  for (const row of rows) lines.push(encodeRow(row, text, ++line, maxChars));
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
  const text = textFlags(header, options);
  let count = 0;
  async function* lines(): AsyncGenerator<string> {
    yield (options.bom ? BOM : '') + encodeRow(header, null, 0, maxChars);
    for await (const row of rows) yield encodeRow(row, text, ++count, maxChars);
  }
  await writeChunks(path, lines());
  return count;
}

/**
 * One encoded cell, without the separator. With `asText`, a non-empty cell gets the text mark after it is
 * neutralised, so a reader or an app that drops the tab still finds a defused formula.
 */
export function encodeCsvCell(
  cell: CsvCell,
  maxChars: number = CSV_DEFAULTS.maxCellChars,
  asText = false,
): string {
  if (cell === null || cell === undefined) return '';
  if (typeof cell === 'boolean') return cell ? 'true' : 'false';
  if (typeof cell === 'number' && !asText) return formatNumber(cell);
  let text = typeof cell === 'number' ? formatNumber(cell) : cell.replace(NUL, '');
  // Only strings are neutralised: the number -5 must stay a number a spreadsheet can sum.
  if (FORMULA_START.test(text)) text = `'${text}`;
  text = boundText(text, maxChars);
  // Quoted, so an app that also splits on tabs keeps the mark inside the cell.
  if (asText && text !== '') return `"${TEXT_MARK}${text.replaceAll('"', '""')}"`;
  return NEEDS_QUOTES.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * A cell as it was before encoding, from its parsed text: the text mark and the `'` that defused a formula
 * taken off. Unambiguous, because a cell that began with a tab of its own was defused to `'\t…`.
 */
export function restoreCsvCell(cell: string): string {
  const text = cell.startsWith(TEXT_MARK) ? cell.slice(1) : cell;
  return /^'+[=+\-@\t\r]/.test(text) ? text.slice(1) : text;
}

function textFlags(header: readonly string[], options: CsvOptions): boolean[] {
  const names = options.textColumns ?? [];
  for (const name of names)
    if (!header.includes(name)) throw new RangeError(`text column "${name}" is not in the CSV header`);
  return header.map((h) => names.includes(h));
}

// A row of the wrong width is a bug in the caller, and a shifted column would silently mislabel evidence.
// The header (`text` null) is never marked.
function encodeRow(
  row: ReadonlyArray<CsvCell>,
  text: readonly boolean[] | null,
  line: number,
  maxChars: number,
): string {
  const width = text?.length ?? row.length;
  if (row.length !== width) {
    throw new RangeError(`CSV row ${line} has ${row.length} cells but the header has ${width}`);
  }
  let out = '';
  for (let i = 0; i < row.length; i++) {
    if (i > 0) out += ',';
    out += encodeCsvCell(row[i], maxChars, text?.[i] ?? false);
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
