// lockstep's own JSON framing pass: splits JSON Lines into lines, a line holding an array into its elements,
// and a whole document into its top-level values (the elements of a top-level array), so that each tweet or
// page is a record of its own: one damaged tweet in a timeline line, or a 500 MB page, is that record's
// rejection, not the loss of its neighbours or of the file. Records over the size limit are counted, never
// held whole. JSON validity itself is left to DuckDB (json_valid); this pass decides only where records are.
import { isUtf8 } from 'node:buffer';
import type { ReaderRejection } from './raw.js';

const LF = 0x0a;
const CR = 0x0d;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** The separator of the framed copy (`line US json`); JSON allows it nowhere unescaped. */
export const UNIT_SEPARATOR = 0x1f;

export interface JsonFrameOptions {
  maxRecordBytes: number;
  /** Each good record's bytes (one line: line ends outside strings made spaces) and its first line. */
  sink: (record: Buffer, line: number) => void;
}

/**
 * Top-level values of a JSON text fed in chunks: the elements of a top-level array, else each value (a
 * document, or several written one after another). Line ends outside strings become spaces in the
 * records handed on; a raw control character inside a string, which JSON forbids, rejects the record.
 */
export class JsonValueFramer {
  private line: number;
  private started = false;
  private inTopArray = false;
  private depth = 0;
  private inString = false;
  private escape = false;
  private recording = false;
  private recLine = 0;
  private pieces: Buffer[] = [];
  private size = 0;
  private recStart = 0;
  private over = false;
  private control = false;
  private bracketed = false;
  records = 0;
  readonly rejections: ReaderRejection[] = [];

  constructor(
    private readonly options: JsonFrameOptions,
    firstLine = 1,
  ) {
    this.line = firstLine;
  }

  /** Reads the next bytes. The bytes of records are changed in place (line ends made spaces). */
  feed(chunk: Buffer): void {
    const n = chunk.length;
    const base = () => (this.inTopArray ? 1 : 0);
    for (let i = 0; i < n; i++) {
      const b = chunk[i] as number;
      if (b === LF) this.line++;
      if (!this.recording) {
        if (b === 0x20 || b === LF || b === CR || b === 0x09 || b === 0x2c) continue;
        if (!this.started) {
          this.started = true;
          if (b === 0x5b) {
            this.inTopArray = true;
            this.depth = 1;
            continue;
          }
        }
        if (this.inTopArray && b === 0x5d && this.depth === 1) {
          // the end of the top-level array: what follows (if anything) is read as top-level values
          this.inTopArray = false;
          this.depth = 0;
          continue;
        }
        this.recording = true;
        this.recLine = this.line;
        this.recStart = i;
        this.bracketed = b === 0x7b || b === 0x5b;
      }
      if (this.inString) {
        if (this.escape) this.escape = false;
        else if (b === BACKSLASH) this.escape = true;
        else if (b === QUOTE) {
          this.inString = false;
          if (!this.bracketed && this.depth === base()) this.endRecord(chunk, i + 1);
        } else if (b < 0x20) this.control = true;
        continue;
      }
      if (b === QUOTE) this.inString = true;
      else if (b === 0x7b || b === 0x5b) this.depth++;
      else if (b === 0x7d || b === 0x5d) {
        if (this.bracketed) {
          this.depth--;
          if (this.depth <= base()) {
            this.depth = base();
            this.endRecord(chunk, i + 1);
          }
        } else this.endRecord(chunk, i); // a bare value before the array's end
      } else if (b === LF || b === CR || b === 0x09 || b === 0x20 || b === 0x2c) {
        if (!this.bracketed && this.depth === base()) this.endRecord(chunk, i);
        else if (b === LF || b === CR) chunk[i] = 0x20;
      } else if (b === UNIT_SEPARATOR || b < 0x20) this.control = true;
    }
    if (this.recording && n > this.recStart) {
      if (!this.over) this.pieces.push(chunk.subarray(this.recStart));
      this.size += n - this.recStart;
      if (this.size > this.options.maxRecordBytes) {
        this.over = true;
        this.pieces = [];
      }
    }
    this.recStart = 0;
  }

  /** The end of the text: a record still open (a truncated document) ends here, and DuckDB rejects it. */
  end(): void {
    if (this.recording) this.endRecord(Buffer.alloc(0), 0);
  }

  private endRecord(chunk: Buffer, end: number): void {
    const size = this.size + (end - this.recStart);
    const limit = this.options.maxRecordBytes;
    let bytes: Buffer | null = null;
    if (!this.over && size <= limit) {
      const last = chunk.subarray(this.recStart, end);
      bytes = this.pieces.length === 0 ? last : Buffer.concat([...this.pieces, last]);
    }
    const line = this.recLine;
    const control = this.control;
    this.recording = false;
    this.pieces = [];
    this.size = 0;
    this.over = false;
    this.control = false;
    this.inString = false;
    this.escape = false;
    this.recStart = end;
    this.records++;
    const reject = (reason: string, detail: string) =>
      this.rejections.push({ reason, record: this.records, line, detail });
    if (bytes === null)
      reject(
        'record too long',
        `${size.toLocaleString('en-US')} bytes or more, over the limit of ${limit.toLocaleString('en-US')} (--max-record-bytes)`,
      );
    else if (!isUtf8(bytes))
      reject(
        'invalid UTF-8',
        'a byte that is not UTF-8 (if the file is in another encoding, give it with --encoding)',
      );
    else if (control) reject('invalid JSON', 'a raw control character or line end inside a string');
    else this.options.sink(bytes, line);
  }
}

/**
 * JSON Lines, fed in chunks: each line is a record, or each element of the array a line holds. Blank lines
 * are not records. A line over the limit is one rejected record, counted while it is skipped.
 */
export class JsonLinesFramer {
  private pieces: Buffer[] = [];
  private size = 0;
  private line = 1;
  private over = false;
  records = 0;
  readonly rejections: ReaderRejection[] = [];

  constructor(private readonly options: JsonFrameOptions) {}

  feed(chunk: Buffer): void {
    let start = 0;
    for (;;) {
      const lf = chunk.indexOf(LF, start);
      if (lf < 0) break;
      this.add(chunk.subarray(start, lf));
      this.endLine();
      start = lf + 1;
    }
    if (start < chunk.length) this.add(chunk.subarray(start));
  }

  end(): void {
    if (this.size > 0) this.endLine();
  }

  private add(piece: Buffer): void {
    if (piece.length === 0) return;
    this.size += piece.length;
    if (this.over) return;
    if (this.size > this.options.maxRecordBytes) {
      this.over = true;
      this.pieces = [];
    } else this.pieces.push(piece);
  }

  private endLine(): void {
    const line = this.line++;
    const size = this.size;
    const over = this.over;
    let bytes = this.pieces.length === 1 ? (this.pieces[0] as Buffer) : Buffer.concat(this.pieces);
    this.pieces = [];
    this.size = 0;
    this.over = false;
    const reject = (reason: string, detail: string) => {
      this.records++;
      this.rejections.push({ reason, record: this.records, line, detail });
    };
    if (over) {
      const limit = this.options.maxRecordBytes.toLocaleString('en-US');
      reject(
        'record too long',
        `a line of ${size.toLocaleString('en-US')} bytes or more, over the limit of ${limit} (--max-record-bytes)`,
      );
      return;
    }
    if (bytes.length > 0 && bytes[bytes.length - 1] === CR) bytes = bytes.subarray(0, bytes.length - 1);
    let first = 0;
    while (first < bytes.length && (bytes[first] === 0x20 || bytes[first] === 0x09)) first++;
    if (first === bytes.length) return; // a blank line
    if (!isUtf8(bytes)) {
      reject(
        'invalid UTF-8',
        'a byte that is not UTF-8 (if the file is in another encoding, give it with --encoding)',
      );
      return;
    }
    if (bytes[first] === 0x5b || bytes.includes(CR) || bytes.includes(UNIT_SEPARATOR)) {
      // An array's elements are records of their own; a raw CR or unit separator needs the value framing too.
      const values = new JsonValueFramer(
        {
          maxRecordBytes: this.options.maxRecordBytes,
          sink: (record) => {
            this.records++;
            this.options.sink(record, line);
          },
        },
        line,
      );
      const owned = Buffer.from(bytes); // the value framer writes spaces into line ends
      values.feed(owned);
      values.end();
      for (const r of values.rejections) reject(r.reason, r.detail);
      return;
    }
    this.records++;
    this.options.sink(bytes, line);
  }
}
