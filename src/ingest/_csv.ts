// CSV through DuckDB's reader: the header is read here (so columns are found by name, whatever their
// order), the rows by read_csv with rejects stored, so a malformed record is counted with its place
// instead of stopping the load. Record-to-line mapping is computed only for the few error examples.
import { sqlString } from '../store/index.js';
import { headText, InputError, openBytes, readHead } from './_files.js';
import type { InputFile, ReaderRejection, StageContext, StageResult } from './raw.js';

/** Parses the first CSV record of a head (quote-aware); null when the head holds no complete record. */
export function parseHeader(text: string): string[] | null {
  const fields: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += ch;
    } else if (ch === '"') quoted = true;
    else if (ch === ',') {
      fields.push(field);
      field = '';
    } else if (ch === '\n' || ch === '\r') {
      fields.push(field);
      return fields;
    } else field += ch;
  }
  if (quoted) return null;
  fields.push(field);
  return fields;
}

export async function readCsvHeader(file: InputFile): Promise<string[]> {
  const header = parseHeader(headText(await readHead(file, 1024 * 1024)));
  if (header === null || header.every((h) => h.trim() === '')) {
    throw new InputError(`${file.name}: no CSV header line found`);
  }
  return header.map((h) => h.trim());
}

/**
 * Longest CSV record read (bytes); a longer one is rejected as 'record too long' and the rest load. Far
 * above any post (texts are cut at MAX_TEXT_CHARS), and small enough that DuckDB's reader, whose buffers
 * are sized from it, still splits a large file between its threads: at 64 MB one buffer held a whole 1M
 * post file and the read took 1.3-1.6 s instead of 0.8-1.2 s.
 */
export const MAX_RECORD_BYTES = 8 * 1024 * 1024;

export interface CsvReadResult {
  /** Rows get their record numbers, and rejects are known, only after the view is scanned (see StageResult). */
  numbering: NonNullable<StageResult['numbering']>;
  rowsRead: number;
  rejections: ReaderRejection[];
  linesOf: (records: number[]) => Promise<Map<number, number>>;
}

/**
 * Makes `${ctx.table}_src`, a view of a CSV file with every header column as VARCHAR, and counts and
 * places the records DuckDB's reader rejects. Cells equal to one of `nulls` become NULL.
 */
export async function readCsvAsView(
  ctx: StageContext,
  header: string[],
  nulls: string[] = [''],
): Promise<CsvReadResult> {
  const { store, file } = ctx;
  // The header line's ending decides: in an LF file, a CRLF inside a quoted cell is text, not a line end
  // (reading such a file as CRLF found no records at all).
  const head = headText(await readHead(file, 64 * 1024));
  const eol = head.indexOf('\n');
  const crlf = eol > 0 && head[eol - 1] === '\r';
  const names = uniqueNames(header);
  const columns = `{${names.map((n) => `${sqlString(n)}: 'VARCHAR'`).join(', ')}}`;
  const src = `${ctx.table}_src`;
  const rejects = `${ctx.table}_rej`;
  const options = `header = true, auto_detect = false, delim = ',', quote = '"', escape = '"',
    new_line = ${crlf ? "'\\r\\n'" : "'\\n'"}, columns = ${columns}, nullstr = [${nulls.map(sqlString).join(', ')}],
    compression = ${file.gzip ? "'gzip'" : "'none'"}, max_line_size = ${MAX_RECORD_BYTES},
    buffer_size = ${4 * MAX_RECORD_BYTES}, ignore_errors = true`;
  await store.run(`DROP TABLE IF EXISTS ${rejects}; DROP TABLE IF EXISTS ${rejects}_scan;`);
  // The rows stay in the file and are read once, through this view, when normalisation materialises
  // the columns it uses; the same scan stores the records DuckDB rejects. Rows are numbered afterwards
  // (file order is kept; a window or WITH ORDINALITY here would serialise the parallel read).
  try {
    await store.run(`CREATE OR REPLACE TEMP VIEW ${src} AS SELECT * FROM read_csv(${sqlString(file.path)}, ${options},
      store_rejects = true, rejects_table = '${rejects}', rejects_scan = '${rejects}_scan')`);
  } catch (err) {
    throw new InputError(`${file.name}: cannot read as CSV: ${(err as Error).message}`);
  }
  const linesOf = (records: number[]) => recordLines(file, records);
  const afterScan = async () => {
    // DuckDB reports one reject row per bad cell; its "line" counts records with the header as 1.
    const exists = await store.all(`SELECT 1 FROM duckdb_tables() WHERE table_name = $1`, [rejects]);
    const bad =
      exists.length === 0
        ? []
        : await store.all<{ rec: bigint; error_type: string; error_message: string }>(`
          SELECT line - 1 AS rec, min(error_type) AS error_type, min(error_message) AS error_message
          FROM ${rejects} GROUP BY line ORDER BY line`);
    const badRecs = bad.map((b) => Number(b.rec));
    // The k-th accepted row is record k shifted past the rejected records before it.
    let shiftTable: string | null = null;
    if (badRecs.length > 0) {
      shiftTable = `${ctx.table}_badrecs`;
      await store.run(
        `CREATE OR REPLACE TEMP TABLE ${shiftTable} AS
        SELECT r - j + 1 AS first_shifted FROM (SELECT unnest($1::BIGINT[]) AS r, generate_subscripts($1::BIGINT[], 1) AS j)`,
        [toList(badRecs)],
      );
    }
    const lines = await linesOf(badRecs.slice(0, 50));
    const rejections = bad.map((b) => ({
      reason: csvReason(b.error_type),
      record: Number(b.rec),
      line: lines.get(Number(b.rec)) ?? null,
      detail: b.error_message,
    }));
    return { rejections, shiftTable };
  };
  return { rowsRead: 0, rejections: [], linesOf, numbering: { afterScan } };
}

function toList(values: number[]) {
  return `[${values.join(',')}]`;
}

function csvReason(errorType: string): string {
  switch (errorType) {
    case 'MISSING COLUMNS':
      return 'too few fields';
    case 'TOO MANY COLUMNS':
      return 'too many fields';
    case 'UNQUOTED VALUE':
      return 'unterminated or stray quote';
    case 'INVALID UNICODE':
      return 'invalid UTF-8';
    case 'LINE SIZE OVER MAXIMUM':
      return 'record too long';
    default:
      return `malformed CSV (${errorType.toLowerCase()})`;
  }
}

function uniqueNames(header: string[]): string[] {
  const seen = new Map<string, number>();
  return header.map((h, i) => {
    const base = h === '' ? `column${i + 1}` : h;
    const count = seen.get(base) ?? 0;
    seen.set(base, count + 1);
    return count === 0 ? base : `${base}_${count + 1}`;
  });
}

/**
 * Physical line (1-based) where each wanted data record starts: a quote-aware scan of the file that
 * stops at the last record asked for. Costs one pass over the file's head, only when examples need it.
 */
export async function recordLines(file: InputFile, records: number[]): Promise<Map<number, number>> {
  const result = new Map<number, number>();
  if (records.length === 0) return result;
  const wanted = new Set(records);
  const last = Math.max(...records);
  let line = 1;
  let record = 0; // 0 = header
  let quoted = false;
  let atRecordStart = false;
  for await (const chunk of openBytes(file) as AsyncIterable<Buffer>) {
    for (let i = 0; i < chunk.length; i++) {
      const byte = chunk[i];
      if (atRecordStart) {
        atRecordStart = false;
        record++;
        if (wanted.has(record)) result.set(record, line);
        if (record >= last) return result;
      }
      if (byte === 0x22) quoted = !quoted;
      else if (byte === 0x0a) {
        line++;
        if (!quoted) atRecordStart = true;
      }
    }
  }
  return result;
}
