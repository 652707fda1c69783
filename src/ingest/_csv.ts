// CSV through lockstep's framing pass and DuckDB's reader: the header is read here (so columns are found by
// name, whatever their order; delimiter and encoding detected or given), every record judged by the framing
// pass, and the good ones read by read_csv. Record-to-line mapping is computed only for the error examples.
import { isUtf8 } from 'node:buffer';
import { sqlString } from '../store/index.js';
import { chooseEncoding, type Decoded, decodeHead, utf8Chunks } from './_decode.js';
import { InputError, readHead } from './_files.js';
import { type CsvFrameOptions, type CsvFrameResult, CsvFramer, detectDelimiter } from './_frame-csv.js';
import { ScratchFile } from './_scratch.js';
import type { InputFile, ReaderRejection, ReadOptions, StageContext, StageResult } from './raw.js';

/** Parses the first CSV record of a head (quote-aware); null when the head holds no complete record. */
export function parseHeader(text: string, delimiter = ','): string[] | null {
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
    else if (ch === delimiter) {
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

/** A CSV file's header, the delimiter it uses and the encoding it is read in. */
export interface CsvLayout {
  header: string[];
  delimiter: string;
  delimiterSource: 'detected' | 'given';
  decoded: Decoded;
}

export async function readCsvHeader(
  file: InputFile,
  read: Pick<ReadOptions, 'encoding' | 'delimiter'>,
): Promise<CsvLayout> {
  const head = await readHead(file, 1024 * 1024);
  const decoded = chooseEncoding(head, read.encoding);
  const text = decodeHead(head, decoded);
  if (
    !decoded.transcoded &&
    read.encoding === null &&
    !isUtf8(Buffer.from(head.subarray(0, headerBytes(head))))
  )
    throw new InputError(notUtf8(file.name, 1, 'its header line holds bytes that UTF-8 does not allow'));
  const delimiter = read.delimiter ?? detectDelimiter(text);
  const header = parseHeader(text, delimiter);
  if (header === null || header.every((h) => h.trim() === '')) {
    throw new InputError(`${file.name}: no CSV header line found`);
  }
  return {
    header: header.map((h) => h.trim()),
    delimiter,
    delimiterSource: read.delimiter === null ? 'detected' : 'given',
    decoded,
  };
}

/** Bytes of the head's first line (up to its first LF or CR). */
function headerBytes(head: Buffer): number {
  for (let i = 0; i < head.length; i++) if (head[i] === 0x0a || head[i] === 0x0d) return i;
  return head.length;
}

/** The one message for a file that is not UTF-8 and whose encoding was not given. */
export function notUtf8(name: string, line: number, what: string): string {
  return (
    `${name} is not UTF-8 (${what}; the first at line ${line}): if the file was saved ` +
    'in another encoding, give it with --encoding, e.g. --encoding windows-1256 (Persian or Arabic Windows), ' +
    '--encoding windows-1252 or latin-1 (Western European), --encoding utf-16'
  );
}

/**
 * Longest CSV record read by default (bytes); a longer one is rejected as 'record too long' and the rest
 * load. Far above any post (texts are cut at MAX_TEXT_CHARS), and small enough that DuckDB's reader, whose
 * buffers are sized from it, still splits a large file between its threads: at 64 MB one buffer held a whole
 * 1M post file and the read took 1.3-1.6 s instead of 0.8-1.2 s.
 */
export const MAX_RECORD_BYTES = 8 * 1024 * 1024;

/**
 * A file where more than this share of the records (and at least two) is not UTF-8 is refused with one
 * message naming the encoding flag: it is in another encoding, and loading its ASCII-only rows would be a
 * biased sample. A record or a few with a bad byte are rejected one by one and the rest load.
 */
const NOT_UTF8_SHARE = 0.5;

export interface CsvReadResult {
  /** Rows get their record numbers, and rejects are known, only after the view is scanned (see StageResult). */
  numbering: NonNullable<StageResult['numbering']>;
  rowsRead: number;
  rejections: ReaderRejection[];
  linesOf: (records: number[]) => Promise<Map<number, number>>;
  encoding: string;
  delimiter: string;
  notes: string[];
  cleanup: () => Promise<void>;
}

/**
 * Makes `${ctx.table}_src`, a view of a CSV file with every header column as VARCHAR, and counts and
 * places the records that cannot be read. Cells equal to one of `nulls` become NULL. lockstep's framing
 * pass (_frame-csv.ts) reads the file first: when DuckDB would frame it the same way (one kind of line end,
 * nothing damaged, UTF-8) DuckDB reads the file itself; otherwise it reads a clean copy of the good records,
 * and the damaged ones are rejections with their lines.
 */
export async function readCsvAsView(
  ctx: StageContext,
  header: string[],
  nulls: string[] = [''],
): Promise<CsvReadResult> {
  const { store, file } = ctx;
  const layout = await readCsvHeader(file, ctx.read);
  const { decoded } = layout;
  const delimiter = layout.delimiter.charCodeAt(0);
  const limit = ctx.read.maxRecordBytes;
  let frame: CsvFrameResult | null = null;
  let scratch: ScratchFile | null = null;
  if (!decoded.transcoded) frame = await frameCsv(file, decoded, { delimiter, maxRecordBytes: limit });
  if (frame === null || !frame.canonical) {
    scratch = await ScratchFile.create('clean.csv');
    const out = scratch;
    const nl = Buffer.from('\n');
    frame = await frameCsv(
      file,
      decoded,
      {
        delimiter,
        maxRecordBytes: limit,
        sink: (record) => {
          out.write(record);
          out.write(nl);
        },
      },
      out,
    );
    await out.close();
  }
  const framed = frame;
  const bad = framed.invalidUtf8;
  if (decoded.source === 'default' && bad.records >= 2 && bad.records > framed.records * NOT_UTF8_SHARE) {
    await scratch?.remove();
    throw new InputError(
      notUtf8(
        file.name,
        bad.firstLine ?? 0,
        `${bad.records.toLocaleString('en-US')} of its ${framed.records.toLocaleString('en-US')} records hold bytes that UTF-8 does not allow`,
      ),
    );
  }
  const notes: string[] = [];
  if (decoded.source === 'default' && bad.records > 0)
    notes.push(
      `${bad.records.toLocaleString('en-US')} record${bad.records === 1 ? ' is' : 's are'} not UTF-8 (first at line ${bad.firstLine}); ` +
        'if the file was saved in another encoding, load it again with --encoding (e.g. windows-1256, windows-1252, latin-1)',
    );
  const names = uniqueNames(header);
  const columns = `{${names.map((n) => `${sqlString(n)}: 'VARCHAR'`).join(', ')}}`;
  const src = `${ctx.table}_src`;
  const rejects = `${ctx.table}_rej`;
  const direct = scratch === null;
  const newLine = direct && framed.lineEnd === 'crlf' ? "'\\r\\n'" : "'\\n'";
  // DuckDB's limit is only a backstop now: the framing pass has rejected every record over `limit`.
  const options = `header = true, auto_detect = false, delim = ${sqlString(layout.delimiter)}, quote = '"', escape = '"',
    new_line = ${newLine}, columns = ${columns}, nullstr = [${nulls.map(sqlString).join(', ')}],
    compression = ${direct && file.gzip ? "'gzip'" : "'none'"}, max_line_size = ${limit + 1024},
    buffer_size = ${4 * (limit + 1024)}, ignore_errors = true`;
  const path = scratch?.path ?? file.path;
  await store.run(`DROP TABLE IF EXISTS ${rejects}; DROP TABLE IF EXISTS ${rejects}_scan;`);
  // The rows stay in the file and are read once, through this view, when normalisation materialises
  // the columns it uses; the same scan stores the records DuckDB rejects. Rows are numbered afterwards
  // (file order is kept; a window or WITH ORDINALITY here would serialise the parallel read).
  try {
    await store.run(`CREATE OR REPLACE TEMP VIEW ${src} AS SELECT * FROM read_csv(${sqlString(path)}, ${options},
      store_rejects = true, rejects_table = '${rejects}', rejects_scan = '${rejects}_scan')`);
  } catch (err) {
    await scratch?.remove();
    throw new InputError(`${file.name}: cannot read as CSV: ${(err as Error).message}`);
  }
  const linesOf = (records: number[]) => recordLines(file, records, { decoded, delimiter, limit });
  const afterScan = async () => {
    // DuckDB reports one reject row per bad cell; its "line" counts records of the file it read, with the
    // header as 1. After the framing pass there should be none; they are mapped to the file's records.
    const exists = await store.all(`SELECT 1 FROM duckdb_tables() WHERE table_name = $1`, [rejects]);
    const engine =
      exists.length === 0
        ? []
        : await store.all<{ rec: bigint; error_type: string; error_message: string }>(`
          SELECT line - 1 AS rec, min(error_type) AS error_type, min(error_message) AS error_message
          FROM ${rejects} GROUP BY line ORDER BY line`);
    const engineRecs = engine.map((b) => keptToOriginal(Number(b.rec), framed.dropped));
    const lines = await linesOf(engineRecs.slice(0, 50));
    const rejections = [
      ...framed.rejections,
      ...engine.map((b, k) => ({
        reason: csvReason(b.error_type),
        record: engineRecs[k] as number,
        line: lines.get(engineRecs[k] as number) ?? null,
        detail: b.error_message,
      })),
    ];
    // The k-th row read is record k shifted past every record that gave no row.
    const badRecs = [...framed.dropped, ...engineRecs].sort((a, b) => a - b);
    let shiftTable: string | null = null;
    if (badRecs.length > 0) {
      shiftTable = `${ctx.table}_badrecs`;
      await store.run(
        `CREATE OR REPLACE TEMP TABLE ${shiftTable} AS
        SELECT r - j + 1 AS first_shifted FROM (SELECT unnest($1::BIGINT[]) AS r, generate_subscripts($1::BIGINT[], 1) AS j)`,
        [toList(badRecs)],
      );
    }
    return { rejections, shiftTable };
  };
  return {
    rowsRead: 0,
    rejections: [],
    linesOf,
    numbering: { afterScan },
    encoding:
      decoded.encoding +
      (decoded.source === 'bom'
        ? ' (byte-order mark)'
        : decoded.source === 'declared'
          ? ' (--encoding)'
          : ''),
    delimiter: `${layout.delimiter === '\t' ? 'tab' : layout.delimiter} (${layout.delimiterSource})`,
    notes,
    cleanup: async () => {
      await scratch?.remove();
    },
  };
}

/** The file's record number of the k-th record kept (1-based), given the dropped records in order. */
function keptToOriginal(k: number, dropped: number[]): number {
  let record = k;
  for (const d of dropped) {
    if (d <= record) record++;
    else break;
  }
  return record;
}

/** One framing pass over the file (decoded to UTF-8), writing to `out` when the options have a sink. */
async function frameCsv(
  file: InputFile,
  decoded: Decoded,
  options: CsvFrameOptions,
  out?: ScratchFile,
): Promise<CsvFrameResult> {
  const framer = new CsvFramer(options);
  try {
    for await (const chunk of utf8Chunks(file, decoded)) {
      framer.feed(chunk);
      await out?.flush();
    }
  } catch (err) {
    await out?.remove();
    throw new InputError(`${file.name}: cannot read: ${(err as Error).message}`);
  }
  return framer.end();
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
 * Physical line (1-based) where each wanted data record starts, as the framing pass counts them (LF, CRLF
 * and a bare CR each end a line). Stops after the last record asked for; costs a pass over the file's head,
 * only when examples need it.
 */
export async function recordLines(
  file: InputFile,
  records: number[],
  how: { decoded: Decoded; delimiter: number; limit: number } = {
    decoded: { encoding: 'utf-8', source: 'default', transcoded: false },
    delimiter: 0x2c,
    limit: MAX_RECORD_BYTES,
  },
): Promise<Map<number, number>> {
  const result = new Map<number, number>();
  if (records.length === 0) return result;
  const wanted = new Set(records);
  const last = records.reduce((m, r) => Math.max(m, r), -Infinity);
  const done = new Error('done');
  const framer = new CsvFramer({
    delimiter: how.delimiter,
    maxRecordBytes: how.limit,
    onRecord: (record, line) => {
      if (wanted.has(record)) result.set(record, line);
      if (record >= last) throw done;
    },
  });
  try {
    for await (const chunk of utf8Chunks(file, how.decoded)) framer.feed(chunk);
    framer.end();
  } catch (err) {
    if (err !== done) throw err;
  }
  return result;
}
