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

/** Next position of each byte the string skip looks for, found with indexOf and kept until passed. */
class NextByte {
  private readonly at: number[];
  constructor(
    private readonly chunk: Buffer,
    private readonly bytes: readonly number[],
  ) {
    this.at = bytes.map(() => -1);
  }

  /** The next position >= i of the k-th byte, or the chunk's length. */
  from(k: number, i: number): number {
    let p = this.at[k] as number;
    if (p < i) {
      p = this.chunk.indexOf(this.bytes[k] as number, i);
      if (p < 0) p = this.chunk.length;
      this.at[k] = p;
    }
    return p;
  }
}

// What ends a run of plain string bytes, and what a string may not hold raw (the framed copy is line- and
// unit-separator-delimited; NUL is where DuckDB's reader stops a value).
const STRING_BYTES = [QUOTE, BACKSLASH, LF, CR, UNIT_SEPARATOR, 0x00];
/** String bytes read one by one before the rest of the string is skipped with indexOf (a call costs more). */
const SHORT_RUN = 32;

/** What the next token of a record may be, for the checks made in passing (see feed). */
enum Want {
  Any,
  /** After a string: ':' ',' '}' ']'. */
  AfterString,
  /** After '{': a key or '}'. */
  AfterOpen,
  /** After ',' in an object: a key. */
  Key,
}

/** Candidate restarts tried in one damaged record before it is rejected whole (bounds the work). */
const MAX_RESYNC_TRIES = 1000;

/**
 * Top-level values of a JSON text fed in chunks: the elements of a top-level array, else each value (a
 * document, or several written one after another). Line ends outside strings become spaces in the records
 * handed on; a raw line end, NUL or unit separator inside a string, which JSON forbids, rejects the record.
 * Strings, most of a post's bytes, are skipped with indexOf. A record that breaks a rule of JSON seen in
 * passing, and then fails JSON.parse, may have swallowed its neighbours (a stray quote or brace shifts every boundary after it):
 * when a later element of it starts a good record, only the bytes before that are rejected and the rest is
 * framed again, as the CSV pass does with a line.
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
  /** The record's open brackets, innermost last (0x7b or 0x5b), and what the next token may be. */
  private stack: number[] = [];
  private want: Want = Want.Any;
  /** The record broke a rule of JSON seen in passing: JSON.parse decides, and it may be re-framed. */
  private suspect = false;
  /** Set for a trial framer (see resync): it frames one record, keeps it, and checks nothing. */
  private trial: Buffer[] | null = null;
  records = 0;
  readonly rejections: ReaderRejection[] = [];

  constructor(
    private readonly options: JsonFrameOptions,
    firstLine = 1,
  ) {
    this.line = firstLine;
  }

  /** Reads the next bytes (not changed: records with line ends are copied before they are handed on). */
  feed(chunk: Buffer): void {
    const n = chunk.length;
    const base = () => (this.inTopArray ? 1 : 0);
    const next = new NextByte(chunk, STRING_BYTES);
    for (let i = 0; i < n; i++) {
      if (this.trial !== null && this.records > 0) return;
      if (this.inString) {
        if (this.escape) {
          this.escape = false;
          const e = chunk[i] as number;
          if (e < 0x20) this.control = true; // a backslash before a raw line end is no escape
          if (e === LF) this.line++;
          continue;
        }
        // Plain bytes up to the next quote or backslash; a raw control byte among them is damage. Short
        // runs (keys, ids) are read byte by byte; a long one (a post's text) is skipped with indexOf.
        let j = i;
        const lim = i + SHORT_RUN < n ? i + SHORT_RUN : n;
        while (j < lim) {
          const c = chunk[j] as number;
          if (c === QUOTE || c === BACKSLASH || c < 0x20) break;
          j++;
        }
        if (j === lim && lim < n) {
          const stop = Math.min(next.from(0, j), next.from(1, j));
          if (next.from(2, j) < stop) {
            this.control = true;
            for (let p = next.from(2, j); p < stop; p = next.from(2, p + 1)) this.line++;
          }
          if (next.from(3, j) < stop || next.from(4, j) < stop || next.from(5, j) < stop) this.control = true;
          j = stop;
        }
        i = j;
        if (i >= n) break;
        const c = chunk[i] as number;
        if (c < 0x20) {
          this.control = true;
          if (c === LF) this.line++;
          continue;
        }
        if (c === BACKSLASH) {
          this.escape = true;
          continue;
        }
        this.inString = false;
        this.want = Want.AfterString;
        if (!this.bracketed && this.depth === base()) this.endRecord(chunk, i + 1);
        continue;
      }
      const b = chunk[i] as number;
      if (b === LF) this.line++;
      if (this.want !== Want.Any && b !== 0x20 && b !== LF && b !== CR && b !== 0x09) {
        // A few rules of JSON, checked in passing: a stray quote or brace, the damage that shifts every
        // boundary after it, breaks one of them almost always.
        if (this.want === Want.AfterString) {
          if (b !== 0x3a && b !== 0x2c && b !== 0x7d && b !== 0x5d) this.suspect = true;
        } else if (b !== QUOTE && !(this.want === Want.AfterOpen && b === 0x7d)) this.suspect = true;
        this.want = Want.Any;
      }
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
      if (b === QUOTE) this.inString = true;
      else if (b === 0x7b || b === 0x5b) {
        this.depth++;
        this.stack.push(b);
        if (b === 0x7b) this.want = Want.AfterOpen;
      } else if (b === 0x7d || b === 0x5d) {
        if (this.stack.pop() !== b - 2) this.suspect = true; // '{' is '}' - 2, '[' is ']' - 2
        if (this.bracketed) {
          this.depth--;
          if (this.depth <= base()) {
            this.depth = base();
            this.endRecord(chunk, i + 1);
          }
        } else this.endRecord(chunk, i); // a bare value before the array's end
      } else if (b === LF || b === CR || b === 0x09 || b === 0x20 || b === 0x2c) {
        if (!this.bracketed && this.depth === base()) this.endRecord(chunk, i);
        else if (b === 0x2c && this.stack[this.stack.length - 1] === 0x7b) this.want = Want.Key;
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
    // A record re-framed from a damaged one may leave another open: end each in turn.
    while (this.recording) {
      this.suspect = true; // cut short, unless it is a bare value: JSON.parse says
      this.endRecord(Buffer.alloc(0), 0);
    }
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
    const suspect = this.suspect;
    this.recording = false;
    this.depth = this.inTopArray ? 1 : 0; // a record cut at the end of the text leaves it anywhere
    this.stack = [];
    this.want = Want.Any;
    this.suspect = false;
    this.pieces = [];
    this.size = 0;
    this.over = false;
    this.control = false;
    this.inString = false;
    this.escape = false;
    this.recStart = end;
    this.records++;
    if (this.trial !== null) {
      if (bytes !== null) this.trial.push(bytes);
      return;
    }
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
    else if (control || (suspect && !parses(bytes))) {
      const restart = this.restartIn(bytes);
      const detail = control
        ? 'a raw control character or line end inside a string'
        : `not valid JSON; it starts ${JSON.stringify(bytes.subarray(0, 60).toString('utf8'))}`;
      if (restart < 0) {
        reject('invalid JSON', detail);
        return;
      }
      reject('invalid JSON', `${detail}; the record was cut where the next one starts`);
      // Frame the rest again from its own first line; the caller goes on after `end` in its chunk.
      // The re-read counts the same line ends the first read did, so the line after it is the same.
      const after = this.line;
      this.line = line + countLf(bytes.subarray(0, restart));
      this.feed(bytes.subarray(restart));
      this.line = after;
      this.recStart = end;
    } else this.options.sink(spaced(bytes), line);
  }

  /**
   * Where a good record starts inside a damaged one: the first `{` after a line start, a comma or an
   * opening bracket (outside what looks like a string is not knowable here) whose record parses. -1: none.
   */
  private restartIn(bytes: Buffer): number {
    // A good record that parses, else one that runs past the damaged record's end without breaking a rule
    // (the damage cut the record in two: its second half is framed again with what follows).
    let prefix = -1;
    let tries = 0;
    for (let p = bytes.indexOf(0x7b, 1); p > 0 && tries < MAX_RESYNC_TRIES; p = bytes.indexOf(0x7b, p + 1)) {
      let q = p - 1;
      while (q >= 0 && (bytes[q] === 0x20 || bytes[q] === 0x09)) q--;
      const before = q < 0 ? LF : (bytes[q] as number);
      if (before !== LF && before !== CR && before !== 0x2c && before !== 0x5b) continue;
      tries++;
      const trial = new JsonValueFramer({ maxRecordBytes: this.options.maxRecordBytes, sink: () => {} });
      trial.trial = [];
      trial.started = true;
      trial.inTopArray = this.inTopArray;
      trial.depth = this.inTopArray ? 1 : 0;
      trial.feed(bytes.subarray(p));
      const first = trial.trial[0];
      if (first !== undefined && parses(first)) return p;
      if (first === undefined && prefix < 0 && trial.recording && !trial.suspect && !trial.control)
        prefix = p;
    }
    return prefix;
  }
}

/** True when the bytes are one JSON value (JSON.parse; DuckDB still has the last word on each record). */
function parses(bytes: Buffer): boolean {
  try {
    JSON.parse(bytes.toString('utf8'));
    return true;
  } catch {
    return false;
  }
}

function countLf(bytes: Buffer): number {
  let count = 0;
  for (let p = bytes.indexOf(LF); p >= 0; p = bytes.indexOf(LF, p + 1)) count++;
  return count;
}

/** A record's line ends (all outside strings: one inside is rejected) made spaces, in a copy. */
function spaced(bytes: Buffer): Buffer {
  if (bytes.indexOf(LF) < 0 && bytes.indexOf(CR) < 0) return bytes;
  const copy = Buffer.from(bytes);
  for (let p = copy.indexOf(LF); p >= 0; p = copy.indexOf(LF, p + 1)) copy[p] = 0x20;
  for (let p = copy.indexOf(CR); p >= 0; p = copy.indexOf(CR, p + 1)) copy[p] = 0x20;
  return copy;
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
      values.feed(bytes);
      values.end();
      for (const r of values.rejections) reject(r.reason, r.detail);
      return;
    }
    this.records++;
    this.options.sink(bytes, line);
  }
}
