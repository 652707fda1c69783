// lockstep's own CSV framing pass: decides where each record of a CSV file begins and ends (quotes, LF and
// CRLF line ends mixed in one file or not, or bare CR ones in a file whose header ends so; in a file whose
// header ends in LF or CRLF a bare CR is text, quoted or not), and judges each record on its own: too long,
// unterminated or stray quote, invalid UTF-8, too few or too many fields. A damaged record is rejected with
// its line; it never shifts its neighbours, as it did in DuckDB's reader (an oversized field or a mixed line
// end there lost every record after it). Records over the size limit are counted, never held whole.
// Past 150 lines: one state machine, whose states only make sense together.
import { isUtf8 } from 'node:buffer';
import type { ReaderRejection } from './raw.js';

const QUOTE = 0x22;
const LF = 0x0a;
const CR = 0x0d;

export interface CsvFrameOptions {
  delimiter: number;
  /** Longest record kept (bytes); a longer one is rejected as 'record too long'. */
  maxRecordBytes: number;
  /** Called with each good record's bytes (the header first), without its line end. */
  sink?: (record: Buffer) => void;
  /** Called with each data record's number and first line, good or not. */
  onRecord?: (record: number, line: number) => void;
}

/** What the pass found: enough to decide whether DuckDB may read the file itself (see `canonical`). */
export interface CsvFrameResult {
  /** Data records (the header not counted; empty lines are not records). */
  records: number;
  headerFields: number;
  rejections: ReaderRejection[];
  /** Records (1-based) not handed on, in order: exactly the rejected ones. */
  dropped: number[];
  /**
   * True when DuckDB's reader frames the file as this pass did: one kind of line end, no bare CR, no empty
   * line, nothing rejected. Otherwise only a copy of the good records may be given to it.
   */
  canonical: boolean;
  /** 'lf' or 'crlf' (the header's), for DuckDB's new_line when it reads the file itself. */
  lineEnd: 'lf' | 'crlf' | 'cr';
  invalidUtf8: { records: number; firstLine: number | null };
}

export class CsvFramer {
  private readonly delim: number;
  private readonly limit: number;
  private readonly sink: ((record: Buffer) => void) | undefined;
  private readonly onRecord: ((record: number, line: number) => void) | undefined;
  /** Set for a trial framer, which never re-frames (see resync). */
  private readonly trial: boolean;

  // The record being read
  private pieces: Buffer[] = [];
  private piecesSize = 0;
  private recStart = 0;
  private recLine = 1;
  private over = false;
  private fields = 1;
  private quoted = false;
  private fieldStart = true;
  private afterClose = false;
  private stray = false;
  /** Offset in the record just after its first line end inside quotes (-1: none). */
  private firstBreak = -1;
  private firstBreakCr = false;
  /**
   * A CR outside quotes in a file whose line end is LF or CRLF, held until the next byte says whether it
   * ends the record (a CRLF) or is text (a bare CR: Python's csv module writes one unquoted when a text
   * holds it and the line end is LF; reading it as a line end cut the text and lost the row).
   */
  private heldCr = false;
  /** The record holds a bare CR outside quotes: its copy for DuckDB quotes that field (see quoteBareCr). */
  private bareCrText = false;

  // The file
  private line = 1;
  private lastWasCr = false;
  private pendingEnd = false;
  private headerDone: boolean;
  private expected = 0;
  private record = 0;
  private sawBareCr = false;
  private sawEmpty = false;
  private readonly endings = { lf: 0, crlf: 0, cr: 0 };
  private headerEnd: 'lf' | 'crlf' | 'cr' | null = null;
  readonly rejections: ReaderRejection[] = [];
  readonly dropped: number[] = [];
  private utf8Bad = 0;
  private utf8FirstLine: number | null = null;
  /** For a trial: the verdict of its first record. */
  firstGood: boolean | null = null;

  constructor(options: CsvFrameOptions, trial?: { expected: number; lineEnd: 'lf' | 'crlf' | 'cr' | null }) {
    this.delim = options.delimiter;
    this.limit = options.maxRecordBytes;
    this.sink = options.sink;
    this.onRecord = options.onRecord;
    this.trial = trial !== undefined;
    this.headerDone = trial !== undefined;
    this.expected = trial?.expected ?? 0;
    this.headerEnd = trial?.lineEnd ?? null;
  }

  /** Reads the next bytes of the file. */
  feed(chunk: Buffer): void {
    const n = chunk.length;
    for (let i = 0; i < n; i++) {
      const b = chunk[i] as number;
      if (this.lastWasCr && b !== LF) this.sawBareCr = true;
      if (this.heldCr) {
        this.heldCr = false;
        if (b === LF) {
          // CRLF: the record ends before the CR (see endRecord's `trim`).
          if (this.endRecord(chunk, i, 1)) {
            this.recStart = i;
            i--;
            continue;
          }
          this.line++;
          this.recLine = this.line;
          this.recStart = i + 1;
          this.endings.crlf++;
          this.lastWasCr = false;
          continue;
        }
        // A bare CR: text of the field it is in (after a closing quote, text where none may be).
        if (this.afterClose) this.stray = true;
        this.fieldStart = false;
        this.afterClose = false;
        this.bareCrText = true;
      }
      if (this.pendingEnd) {
        // The record before ended at a CR: this byte says whether that was a CRLF.
        this.pendingEnd = false;
        if (b === LF) this.endings.crlf++;
        else this.endings.cr++;
        if (this.headerEnd === null) this.headerEnd = b === LF ? 'crlf' : 'cr';
      }
      if (this.quoted) {
        if (b === QUOTE) {
          this.quoted = false;
          this.afterClose = true;
        } else if (b === LF) {
          if (!this.lastWasCr) this.line++;
          if (this.firstBreak < 0 || (this.firstBreakCr && this.firstBreak === this.offset(i))) {
            this.firstBreak = this.offset(i) + 1;
            this.firstBreakCr = false;
          }
        } else if (b === CR) {
          this.line++;
          if (this.firstBreak < 0) {
            this.firstBreak = this.offset(i) + 1;
            this.firstBreakCr = true;
          }
        }
        this.lastWasCr = b === CR;
        continue;
      }
      if (b === this.delim) {
        this.fields++;
        this.fieldStart = true;
        this.afterClose = false;
      } else if (b === QUOTE) {
        if (this.fieldStart || this.afterClose)
          this.quoted = true; // opening, or "" inside a quoted field
        else this.stray = true;
        this.fieldStart = false;
        this.afterClose = false;
      } else if (b === CR && this.headerEnd !== null && this.headerEnd !== 'cr') {
        this.heldCr = true;
      } else if (b === LF || b === CR) {
        if (b === LF && this.lastWasCr) {
          // the LF of a CRLF whose record ended at the CR
          this.recStart = i + 1;
          this.lastWasCr = false;
          continue;
        }
        if (this.endRecord(chunk, i)) {
          // Re-framed from inside the record (see resync): this byte now ends the record in progress.
          this.recStart = i;
          i--;
          continue;
        }
        this.line++;
        this.recLine = this.line;
        this.recStart = i + 1;
        if (b === LF) {
          this.endings.lf++;
          if (this.headerEnd === null) this.headerEnd = 'lf';
        } else this.pendingEnd = true;
      } else {
        if (this.afterClose) this.stray = true;
        this.fieldStart = false;
        this.afterClose = false;
      }
      this.lastWasCr = b === CR;
    }
    // Keep the record's tail, unless it is over the limit already (then only its size is counted).
    const tail = n - this.recStart;
    if (tail > 0) {
      if (!this.over) this.pieces.push(chunk.subarray(this.recStart));
      this.piecesSize += tail;
      if (this.piecesSize > this.limit) this.dropPieces();
    }
    this.recStart = 0;
  }

  /** The end of the file: ends the last record (a file need not end with a line end). */
  end(): CsvFrameResult {
    if (this.heldCr) {
      // The file ends with a CR: its last line end.
      this.heldCr = false;
      this.endings.crlf++;
      while (this.endRecord(Buffer.alloc(0), 0, 1)) {
        /* as below */
      }
    }
    if (this.pendingEnd) {
      this.pendingEnd = false;
      this.endings.cr++;
      this.headerEnd ??= 'cr';
    }
    const empty = Buffer.alloc(0);
    if (this.piecesSize > 0 || this.quoted) {
      // An unterminated quote runs to the end of the file: that record is rejected (or re-framed).
      while (this.endRecord(empty, 0)) {
        /* the re-framed rest left a record in progress: end it too */
      }
    }
    const { lf, crlf, cr } = this.endings;
    const kinds = (lf > 0 ? 1 : 0) + (crlf > 0 ? 1 : 0) + (cr > 0 ? 1 : 0);
    return {
      records: this.record,
      headerFields: this.expected,
      rejections: this.rejections,
      dropped: this.dropped,
      canonical: kinds <= 1 && cr === 0 && !this.sawBareCr && !this.sawEmpty && this.dropped.length === 0,
      lineEnd: this.headerEnd ?? 'lf',
      invalidUtf8: { records: this.utf8Bad, firstLine: this.utf8FirstLine },
    };
  }

  private offset(i: number): number {
    return this.piecesSize + (i - this.recStart);
  }

  private dropPieces(): void {
    this.over = true;
    this.pieces = [];
  }

  /**
   * Ends the record that ends `trim` bytes before `chunk[i]` (1: a held CR, which may lie in an earlier
   * chunk). Returns true when the record was re-framed (resync): its first line was rejected and the bytes
   * after it were read again, leaving a record in progress.
   */
  private endRecord(chunk: Buffer, i: number, trim = 0): boolean {
    const size = this.piecesSize + (i - this.recStart) - trim;
    let bytes: Buffer | null = null;
    if (!this.over && size <= this.limit) {
      const last = chunk.subarray(this.recStart, i);
      bytes = (this.pieces.length === 0 ? last : Buffer.concat([...this.pieces, last])).subarray(0, size);
    }
    const bareCrText = this.bareCrText;
    const unterminated = this.quoted;
    const stray = this.stray;
    const fields = this.fields;
    const firstBreak = this.firstBreak;
    const recLine = this.recLine;
    this.resetRecord();
    if (size === 0 && !unterminated) {
      if (chunk.length > 0) this.sawEmpty = true; // an empty line; at the end of the file it is the last line end
      return false;
    }
    if (!this.headerDone) {
      this.headerDone = true;
      this.expected = fields;
      if (bytes !== null) this.sink?.(bytes);
      return false;
    }
    const record = ++this.record;
    this.onRecord?.(record, recLine);
    let reason: string | null = null;
    let detail = '';
    if (bytes === null) {
      reason = 'record too long';
      detail = `${size.toLocaleString('en-US')} bytes or more, over the limit of ${this.limit.toLocaleString('en-US')} (--max-record-bytes)`;
    } else if (unterminated || stray) {
      reason = 'unterminated or stray quote';
      detail = unterminated
        ? 'a quoted field is not closed before the end of the file'
        : 'a quote inside an unquoted field, or text after a closing quote';
    } else if (!isUtf8(bytes)) {
      reason = 'invalid UTF-8';
      detail = `byte 0x${badByte(bytes)} is not UTF-8 (if the file is in another encoding, give it with --encoding)`;
      this.utf8Bad++;
      this.utf8FirstLine ??= recLine;
    } else if (fields !== this.expected) {
      reason = fields < this.expected ? 'too few fields' : 'too many fields';
      detail = `${fields} fields, the header has ${this.expected}`;
    }
    if (this.trial && this.firstGood === null) this.firstGood = reason === null;
    if (reason === null) {
      this.sink?.(bareCrText ? quoteBareCr(bytes as Buffer, this.delim) : (bytes as Buffer));
      return false;
    }
    // A damaged record spanning lines may have swallowed good records (an unterminated quote runs on to the
    // next quote): when the line after its first line starts a good record, only the first line is rejected
    // and the rest is framed again.
    if (!this.trial && bytes !== null && firstBreak > 0 && reason !== 'invalid UTF-8') {
      const rest = bytes.subarray(firstBreak);
      if (this.startsGood(rest)) {
        this.reject(record, recLine, reason, `${detail}; the record was cut at the end of its first line`);
        this.line = recLine + 1;
        this.recLine = this.line;
        this.lastWasCr = false;
        this.recStart = 0; // positions in `rest` from here; the caller moves on in its own chunk
        this.feed(rest);
        return true;
      }
    }
    this.reject(record, recLine, reason, detail);
    return false;
  }

  private startsGood(rest: Buffer): boolean {
    const trial = new CsvFramer(
      { delimiter: this.delim, maxRecordBytes: this.limit },
      { expected: this.expected, lineEnd: this.headerEnd },
    );
    trial.feed(rest);
    if (trial.firstGood === null) trial.end();
    return trial.firstGood === true;
  }

  private reject(record: number, line: number, reason: string, detail: string): void {
    this.rejections.push({ reason, record, line, detail });
    this.dropped.push(record);
  }

  private resetRecord(): void {
    this.pieces = [];
    this.piecesSize = 0;
    this.over = false;
    this.fields = 1;
    this.quoted = false;
    this.fieldStart = true;
    this.afterClose = false;
    this.stray = false;
    this.firstBreak = -1;
    this.firstBreakCr = false;
    this.bareCrText = false;
  }
}

/**
 * A good record with its unquoted fields that hold a bare CR quoted, for DuckDB, whose reader takes a bare
 * CR outside quotes for a line end. Such a field holds no quote (the framing pass rejects a stray one).
 */
function quoteBareCr(record: Buffer, delimiter: number): Buffer {
  const out: Buffer[] = [];
  let start = 0;
  let quoted = false;
  for (let i = 0; i <= record.length; i++) {
    const b = record[i];
    if (b === QUOTE) quoted = !quoted;
    else if ((b === delimiter && !quoted) || i === record.length) {
      const field = record.subarray(start, i);
      if (field[0] !== QUOTE && field.includes(CR)) out.push(Buffer.from('"'), field, Buffer.from('"'));
      else out.push(field);
      if (i < record.length) out.push(record.subarray(i, i + 1));
      start = i + 1;
    }
  }
  return Buffer.concat(out);
}

/** The first byte of `bytes` that starts no valid UTF-8 sequence, in hex (for the rejection's detail). */
function badByte(bytes: Buffer): string {
  const text = bytes.toString('utf8');
  const at = text.indexOf('\ufffd');
  // Count the bytes before the replacement character to find the raw byte.
  const before = at < 0 ? 0 : Buffer.byteLength(text.slice(0, at), 'utf8');
  return (bytes[before] ?? 0).toString(16).padStart(2, '0').toUpperCase();
}

/** The delimiter of a header line: the most frequent of `,` `;` tab outside quotes (a tie goes to `,`). */
export function detectDelimiter(headerLine: string): ',' | ';' | '\t' {
  const counts = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (const ch of headerLine) {
    if (ch === '"') quoted = !quoted;
    else if (ch === '\n' || ch === '\r') {
      if (!quoted) break;
    } else if (!quoted && (ch === ',' || ch === ';' || ch === '\t')) counts[ch]++;
  }
  if (counts[';'] > counts[','] && counts[';'] >= counts['\t']) return ';';
  if (counts['\t'] > counts[','] && counts['\t'] > counts[';']) return '\t';
  return ',';
}
