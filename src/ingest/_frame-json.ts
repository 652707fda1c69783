// lockstep's own JSON framing pass: splits JSON Lines into lines, a line holding an array into its elements,
// and a whole document into its top-level values (the elements of a top-level array), so that each tweet or
// page is a record of its own: one damaged tweet in a timeline line, or a 500 MB page, is that record's
// rejection, not the loss of its neighbours or of the file. Records over the size limit are counted, never
// held whole, with the posts inside them. JSON validity itself is left to DuckDB (json_valid); this pass
// decides only where records are. It also frames the elements of one array inside a document ('array'
// mode), for _frame-document.ts. Past 400 lines: one state machine and the JSON Lines framer built on it.
import { isUtf8 } from 'node:buffer';
import { ItemCounter, type ItemPath, itemsIn } from './_count-json.js';
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
  /**
   * Where posts sit inside a record (an API page's data[*]): a rejected record counts each post found in
   * it (_count-json.ts), so that the report's counts still add up. Absent: a record is one post.
   */
  items?: readonly ItemPath[] | undefined;
  /**
   * What a record looks like (a Telegram message: an object with an id and a date): a damaged record is
   * cut only where such a value starts, not at an object nested in it. Absent: any value that parses.
   */
  isRecord?: ((value: unknown) => boolean) | undefined;
  /**
   * In 'array' mode: where the array most likely ended inside a damaged record (its ']'), given where the
   * next good record starts in it (-1: none) and whether its bytes run to the end of the text; -1: not in
   * it. The caller knows what follows its arrays (_frame-document.ts).
   */
  arrayEnd?: ((bytes: Buffer, restart: number, atEnd: boolean) => number) | undefined;
}

const NOT_UTF8 = 'a byte that is not UTF-8 (if the file is in another encoding, give it with --encoding)';

/** ', the N posts inside it rejected with it' when a rejected record held more than one. */
function withItems(detail: string, count: number): string {
  return count > 1
    ? `${detail}; the ${count.toLocaleString('en-US')} posts inside it are rejected with it`
    : detail;
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
  /** Counts the posts of a record over the limit while it is skipped (with `items`). */
  private counter: ItemCounter | null = null;
  /** In 'array' mode: the array's closing bracket was read; feed stops there. */
  closed = false;
  /**
   * Bytes after the array's end that were read as part of a damaged record: an 'array' framer's caller
   * reads them (takeLeftover) before the rest of its chunk.
   */
  private leftover: Buffer[] = [];
  /** The text has ended (end() was called): a damaged record's bytes run to its end. */
  private ending = false;
  /** The last record was rejected (or was stray text): stray text after it is part of that rejection. */
  private strayOpen = false;
  records = 0;
  readonly rejections: ReaderRejection[] = [];

  /**
   * `mode` 'array': the framer starts inside an array (its '[' already read, as the element records of a
   * Telegram export's messages) and stops at the bracket that closes it: feed returns where that was.
   */
  constructor(
    private readonly options: JsonFrameOptions,
    firstLine = 1,
    private readonly mode: 'document' | 'array' = 'document',
  ) {
    this.line = firstLine;
    if (mode === 'array') {
      this.started = true;
      this.inTopArray = true;
      this.depth = 1;
    }
  }

  /** The line the next byte is on. */
  get currentLine(): number {
    return this.line;
  }

  /**
   * Reads the next bytes (not changed: records with line ends are copied before they are handed on).
   * Returns how many were read: all of them, unless an 'array' framer met its closing bracket.
   */
  feed(chunk: Buffer): number {
    const n = chunk.length;
    const base = () => (this.inTopArray ? 1 : 0);
    const next = new NextByte(chunk, STRING_BYTES);
    for (let i = 0; i < n; i++) {
      if (this.closed) return i;
      if (this.trial !== null && this.records > 0) return i;
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
          if (this.mode === 'array') {
            this.closed = true;
            return i + 1;
          }
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
        const open = this.stack.pop();
        if (open !== b - 2) this.suspect = true; // '{' is '}' - 2, '[' is ']' - 2
        if (this.bracketed) {
          this.depth--;
          if (this.depth <= base()) {
            this.depth = base();
            if (this.mode === 'array' && b === 0x5d && open !== 0x5b) {
              // A ']' that closes a '{': the record lost its '}' or gained a '{', and this is most likely
              // the array's own end. The record ends before it (rejected), and it is read again as the end.
              this.endRecord(chunk, i);
              i--;
            } else this.endRecord(chunk, i + 1);
          }
        } else if (this.depth > base()) {
          this.depth--; // a bracket opened inside a bare value (stray bytes before a '{') closes here
        } else {
          this.endRecord(chunk, i); // a bare value before the array's end, which is read again as that
          if (this.inTopArray && b === 0x5d) i--;
        }
      } else if (b === LF || b === CR || b === 0x09 || b === 0x20 || b === 0x2c) {
        if (!this.bracketed && this.depth === base()) this.endRecord(chunk, i);
        else if (b === 0x2c && this.stack[this.stack.length - 1] === 0x7b) this.want = Want.Key;
      } else if (b === UNIT_SEPARATOR || b < 0x20) this.control = true;
    }
    if (this.recording && n > this.recStart) {
      const piece = chunk.subarray(this.recStart);
      if (this.over) this.counter?.feed(piece);
      else this.pieces.push(piece);
      this.size += n - this.recStart;
      if (!this.over && this.size > this.options.maxRecordBytes) {
        this.over = true;
        this.counter = this.countPieces();
        this.pieces = [];
      }
    }
    this.recStart = 0;
    return n;
  }

  /** A counter of the posts in the record's bytes held so far (null without `items`, or in a trial). */
  private countPieces(): ItemCounter | null {
    const items = this.options.items;
    if (items === undefined || this.trial !== null) return null;
    const counter = new ItemCounter(items);
    for (const p of this.pieces) counter.feed(p);
    return counter;
  }

  /** The end of the text: a record still open (a truncated document) ends here, and DuckDB rejects it. */
  end(): void {
    this.ending = true;
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
    const last = chunk.subarray(this.recStart, end);
    // Posts in a record over the limit, counted from the bytes skipped (1 without `items`).
    let skipped = 1;
    if (!this.over && size <= limit) {
      bytes = this.pieces.length === 0 ? last : Buffer.concat([...this.pieces, last]);
    } else if (this.trial === null && this.options.items !== undefined) {
      const counter = this.counter ?? this.countPieces();
      counter?.feed(last);
      skipped = Math.max(1, counter?.count ?? 1);
    }
    this.counter = null;
    const line = this.recLine;
    const control = this.control;
    const suspect = this.suspect;
    const bracketed = this.bracketed;
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
    // Every record of these files is an object (or an array of them): a bare value, an empty record or an
    // array that is not JSON is stray text that damage left between records (a record whose '{' was
    // damaged, or the tail of one). A run of it counts as one rejected record, or goes with the rejected
    // record just before it.
    const stray = bytes !== null && (!bracketed || (bytes[0] === 0x5b && !parses(bytes)));
    const reject = (reason: string, detail: string, count: number) => {
      if (stray && this.strayOpen) {
        this.records--; // stray text right after a rejected record is counted with it
        return;
      }
      this.rejections.push({ reason, record: this.records, line, detail: withItems(detail, count), count });
      this.records += count - 1;
      this.strayOpen = true;
    };
    if (bytes === null)
      reject(
        'record too long',
        `${size.toLocaleString('en-US')} bytes or more, over the limit of ${limit.toLocaleString('en-US')} (--max-record-bytes)`,
        skipped,
      );
    else if (!isUtf8(bytes) && !suspect && !stray)
      reject('invalid UTF-8', NOT_UTF8, itemsIn(bytes, this.options.items));
    else if (control || stray || (suspect && (!isUtf8(bytes) || !parses(bytes)))) {
      // A byte that is not UTF-8 in a record that also broke a rule of JSON (a flipped '}') may have
      // swallowed the records after it: it is cut as the others are.
      const reason = isUtf8(bytes) ? 'invalid JSON' : 'invalid UTF-8';
      const restart = this.restartIn(bytes);
      const start = JSON.stringify(bytes.subarray(0, 60).toString('utf8'));
      const detail = stray
        ? `stray text between records (a record damaged at its start, or the tail of one); it starts ${start}`
        : reason === 'invalid UTF-8'
          ? NOT_UTF8
          : control
            ? 'a raw control character or line end inside a string'
            : `not valid JSON; it starts ${start}`;
      const close = this.options.arrayEnd?.(bytes, restart, this.ending) ?? -1;
      if (close >= 0) {
        // The damage ran past the array's end (into the next chat, say): the record ends there, and what
        // follows the array goes back to the caller (see leftover).
        reject(
          reason,
          `${detail}; the record was cut where its array ends`,
          itemsIn(bytes.subarray(0, close), this.options.items),
        );
        this.closed = true;
        this.line = line + countLf(bytes.subarray(0, close));
        this.keepLeftover(bytes.subarray(close + 1));
        return;
      }
      if (restart < 0) {
        reject(reason, detail, itemsIn(bytes, this.options.items));
        return;
      }
      reject(
        reason,
        `${detail}; the record was cut where the next one starts`,
        itemsIn(bytes.subarray(0, restart), this.options.items),
      );
      // Frame the rest again from its own first line; the caller goes on after `end` in its chunk.
      // The re-read counts the same line ends the first read did, so the line after it is the same.
      const after = this.line;
      this.line = line + countLf(bytes.subarray(0, restart));
      const rest = bytes.subarray(restart);
      const used = this.feed(rest);
      if (this.closed)
        this.keepLeftover(rest.subarray(used)); // the line is the close's
      else this.line = after;
      this.recStart = end;
    } else {
      if (bytes[0] === 0x7b) this.strayOpen = false;
      this.options.sink(spaced(bytes), line);
    }
  }

  private keepLeftover(bytes: Buffer): void {
    if (bytes.length > 0) this.leftover.push(Buffer.from(bytes));
  }

  takeLeftover(): Buffer | null {
    const rest = this.leftover.length === 0 ? null : Buffer.concat(this.leftover);
    this.leftover = [];
    return rest;
  }

  /** True when the bytes are one record: JSON, and what `isRecord` accepts. */
  private accepts(bytes: Buffer): boolean {
    return parses(bytes, this.options.isRecord);
  }

  /**
   * Where a good record starts inside a damaged one: the first `{` after a line start, a comma or an
   * opening bracket (outside what looks like a string is not knowable here) whose record is accepted.
   * -1: none.
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
      if (first !== undefined && this.accepts(first)) return p;
      if (first === undefined && prefix < 0 && trial.recording && !trial.suspect && !trial.control)
        prefix = p;
    }
    return prefix;
  }
}

/** True when the bytes are one JSON value (JSON.parse; DuckDB still has the last word on each record). */
function parses(bytes: Buffer, isRecord?: (value: unknown) => boolean): boolean {
  if (isRecord !== undefined) {
    try {
      return isRecord(JSON.parse(bytes.toString('utf8')));
    } catch {
      return false;
    }
  }
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
 * are not records. A line holding an array is framed element by element as it streams (a timeline of
 * 100,000 tweets on one line is 100,000 records, each under the limit on its own); any other line over the
 * limit is one rejected record, counted while it is skipped, with the posts inside it.
 */
export class JsonLinesFramer {
  private pieces: Buffer[] = [];
  private size = 0;
  private line = 1;
  private over = false;
  private counter: ItemCounter | null = null;
  /** The line's first byte that is not a space or tab is still to come (the line is held until then). */
  private undecided = true;
  /** Frames the elements of a line that holds an array, as the line streams. */
  private values: JsonValueFramer | null = null;
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
    if (this.size > 0 || this.values !== null) this.endLine();
  }

  private add(piece: Buffer): void {
    if (piece.length === 0) return;
    if (this.values !== null) {
      this.values.feed(piece);
      return;
    }
    if (this.undecided) {
      let first = 0;
      while (first < piece.length && (piece[first] === 0x20 || piece[first] === 0x09)) first++;
      if (first < piece.length) {
        this.undecided = false;
        if (piece[first] === 0x5b) {
          this.values = this.arrayFramer();
          this.values.feed(piece.subarray(first));
          return;
        }
      }
    }
    this.size += piece.length;
    if (this.over) {
      this.counter?.feed(piece);
      return;
    }
    this.pieces.push(piece);
    if (this.size > this.options.maxRecordBytes) {
      this.over = true;
      if (this.options.items !== undefined) {
        this.counter = new ItemCounter(this.options.items);
        for (const p of this.pieces) this.counter.feed(p);
      }
      this.pieces = [];
    }
  }

  /** A value framer for one line, whose records are this framer's. */
  private arrayFramer(): JsonValueFramer {
    const line = this.line;
    return new JsonValueFramer(
      {
        maxRecordBytes: this.options.maxRecordBytes,
        items: this.options.items,
        sink: (record) => {
          this.records++;
          this.options.sink(record, line);
        },
      },
      line,
    );
  }

  private endLine(): void {
    const line = this.line++;
    const size = this.size;
    const over = this.over;
    const counted = this.counter?.count ?? 0;
    const values = this.values;
    let bytes = this.pieces.length === 1 ? (this.pieces[0] as Buffer) : Buffer.concat(this.pieces);
    this.pieces = [];
    this.size = 0;
    this.over = false;
    this.counter = null;
    this.undecided = true;
    this.values = null;
    const reject = (reason: string, detail: string, count = 1) =>
      this.adopt({ reason, record: null, line, detail: withItems(detail, count), count });
    if (values !== null) {
      values.end();
      for (const r of values.rejections) this.adopt(r);
      return;
    }
    if (over) {
      const limit = this.options.maxRecordBytes.toLocaleString('en-US');
      reject(
        'record too long',
        `a line of ${size.toLocaleString('en-US')} bytes or more, over the limit of ${limit} (--max-record-bytes)`,
        Math.max(1, counted),
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
        itemsIn(bytes, this.options.items),
      );
      return;
    }
    if (bytes.includes(CR) || bytes.includes(UNIT_SEPARATOR)) {
      // A raw CR or unit separator needs the value framing, which rejects it inside a string.
      const framer = this.arrayFramer();
      framer.feed(bytes);
      framer.end();
      for (const r of framer.rejections) this.adopt(r);
      return;
    }
    this.records++;
    this.options.sink(bytes, line);
  }

  /** Takes a rejection as this framer's, numbered after the records before it. */
  private adopt(r: ReaderRejection): void {
    this.rejections.push({ ...r, record: this.records + 1 });
    this.records += r.count ?? 1;
  }
}
