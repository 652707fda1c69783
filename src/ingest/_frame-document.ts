// lockstep's framing of a JSON document whose records sit in arrays inside it: the Telegram Desktop export
// (result.json: one chat {name, type, id, messages: [...]}, or a full export whose chats.list and
// left_chats.list hold such chats). Each message is a record of its own, framed as the elements of a JSON array are (_frame-json.ts),
// so one damaged message is that message's rejection with its line, never its neighbours' or its file's;
// each chat's own fields (name, type, id) are handed on beside its messages. Streamed: nothing is held but
// one record and each chat's few fields, so an export of any size is read in bounded memory. Past 400
// lines: the walk and its recoveries from damage (an array ended early or late, a chat's fields misread)
// share one state.
import { JsonValueFramer } from './_frame-json.js';
import type { ReaderRejection } from './raw.js';

const LF = 0x0a;
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
/** Bytes of a key kept to compare with a path; a longer key matches no path. */
const MAX_KEY_BYTES = 64;
/** A holder's bytes kept for salvageFields (its fields come before its records: a few hundred bytes). */
const MAX_HEADER_BYTES = 64 * 1024;
/** Notes kept on damaged chat fields (the first few say enough). */
const MAX_NOTES = 5;
/** Bytes of a number or literal kept (a longer one is damage: it is kept cut, and JSON.parse judges it). */
const MAX_SCALAR_BYTES = 64;

export interface DocumentFrameOptions {
  maxRecordBytes: number;
  /**
   * Where the holders of records are: [[]] for the root object; [['chats', 'list', '*'], ['left_chats',
   * 'list', '*']] for each chat of a full export, those the user still follows and those left.
   */
  holders: readonly (readonly string[])[];
  /** The key of the array of records in a holder ('messages'). */
  recordsKey: string;
  /** What a record looks like, for cutting a damaged one (see JsonFrameOptions.isRecord). */
  isRecord?: ((value: unknown) => boolean) | undefined;
  /** Each good record, its first line, and the holder it is in (numbered from 1 in file order). */
  sink: (record: Buffer, line: number, holder: number) => void;
}

/** A holder's own fields: the scalars beside its records, as one JSON object, each field checked alone. */
export interface HolderFields {
  holder: number;
  line: number;
  json: string;
}

/**
 * Walks the document's skeleton (everything outside the record arrays) byte by byte, keeping the path of
 * keys and each holder's scalar fields; a record array is handed to a JsonValueFramer in 'array' mode,
 * which frames its elements until the bracket that closes it. A damaged record can make that bracket come
 * early (a ']' inside it) or vanish into it (a '{' too many): what follows the array says which. In an
 * export the records are the last key of their holder, so anything after the ']' but its holder's '}' or
 * a next key means the array goes on, and the elements after it are framed as records again. Damage to a
 * holder's own fields (a stray quote in a chat's name) misleads the walk itself: the records key is also
 * followed by its bytes, and where the walk does not expect it, the walk is put back in the holder.
 */
export class JsonDocumentFramer {
  private line = 1;
  private readonly stack: number[] = [];
  /** Per open container: the key being read (objects) or '*' (arrays); null: not yet known. */
  private readonly segments: (string | null)[] = [];
  private inString = false;
  private escape = false;
  private expectKey = false;
  /** The raw bytes of a string being read as a key (quotes included), or as a holder's field value. */
  private capture: number[] | null = null;
  private captureIsKey = false;
  private lastKey: string | null = null;
  private lastKeyRaw: string | null = null;
  /** A number, true, false or null being read as a holder's field value. */
  private scalar: number[] | null = null;
  /** The raw key of the holder's field whose value comes next (null: not a field kept). */
  private fieldKey: string | null = null;
  /** The holder path the walk is on or was last on (see atHolderPath; resync puts the walk back on it). */
  private path: readonly string[];

  /** The open holder: its stack depth (0: none), number, first line and fields so far. */
  private holderDepth = 0;
  private holderCount = 0;
  private holderLine = 0;
  private fields: string[] = [];
  private fieldBytes = 0;
  readonly holders: HolderFields[] = [];

  private records: JsonValueFramer | null = null;
  private recordsFirst = 0;
  /** After a record array closed: 1, its ']' was read; 2, then a ','. */
  private afterRecords: 0 | 1 | 2 = 0;
  /** Records framed so far (good or rejected). */
  count = 0;
  readonly rejections: ReaderRejection[] = [];
  /** What the user should know about the file (a chat whose own fields were damaged). */
  readonly notes: string[] = [];
  private readonly recordsKeyBytes: Buffer;
  /** Bytes of `"messages"` matched so far (one more: its ':' too), and the byte before (see track). */
  private match = 0;
  private prev = 0;
  /** The open holder's first bytes, for fields the walk missed (see salvageFields). */
  private raw: number[] = [];

  constructor(private readonly options: DocumentFrameOptions) {
    this.recordsKeyBytes = Buffer.from(`"${options.recordsKey}"`);
    this.path = options.holders[0] ?? [];
  }

  feed(chunk: Buffer): void {
    let i = 0;
    while (i < chunk.length) {
      if (this.records !== null) {
        const framer = this.records;
        i += framer.feed(i === 0 ? chunk : chunk.subarray(i));
        if (!framer.closed) return;
        this.finishRecords();
        this.afterRecords = 1;
        // What a damaged record had read past the array's end comes before the rest of the chunk.
        const rest = framer.takeLeftover();
        if (rest !== null) this.feed(rest);
        continue;
      }
      i = this.walk(chunk, i);
    }
  }

  /** The end of the text: a record or holder left open (a cut file) ends here. */
  end(): void {
    const framer = this.records;
    if (framer !== null) {
      framer.end();
      this.finishRecords();
      // A damaged record cut at the end of the text may have read past its array's end.
      const rest = framer.closed ? framer.takeLeftover() : null;
      if (rest !== null) {
        this.afterRecords = 1;
        this.feed(rest);
        this.end();
        return;
      }
    }
    if (this.holderDepth > 0) this.endHolder();
  }

  /** Reads the skeleton from `from` until a record array starts (returns the byte after its '[') or the end. */
  private walk(chunk: Buffer, from: number): number {
    const n = chunk.length;
    for (let i = from; i < n; i++) {
      const b = chunk[i] as number;
      if (this.holderDepth > 0 && this.raw.length < MAX_HEADER_BYTES) this.raw.push(b);
      if (this.track(b) && this.lost()) {
        // `"messages": [` where the walk, misled by damage to a chat's own fields, does not expect it.
        this.resync();
        this.startRecords();
        return i + 1;
      }
      if (this.inString) {
        if (b === LF) this.line++;
        if (this.capture !== null) {
          this.capture.push(b);
          // A key too long to be one looked for, or a field over the limit, is not kept.
          if (this.capture.length > (this.captureIsKey ? MAX_KEY_BYTES + 2 : this.options.maxRecordBytes))
            this.capture = null;
        }
        if (this.escape) this.escape = false;
        else if (b === BACKSLASH) this.escape = true;
        else if (b === QUOTE) this.endString();
        continue;
      }
      if (b === 0x20 || b === LF || b === 0x0d || b === 0x09) {
        if (b === LF) this.line++;
        this.endScalar();
        continue;
      }
      if (this.afterRecords !== 0) {
        if (this.afterRecords === 1 && b === 0x2c) {
          this.afterRecords = 2;
          continue;
        }
        const goesOn = this.afterRecords === 1 ? b !== 0x7d : b !== QUOTE;
        const comma = this.afterRecords === 2;
        this.afterRecords = 0;
        if (goesOn) {
          // Not the holder's end nor a next key: the array did not end here (see the class comment).
          this.startRecords();
          return i;
        }
        if (comma) this.punctuate(0x2c);
      }
      if (this.scalar !== null && (b === 0x2c || b === 0x7d || b === 0x5d)) this.endScalar();
      if (b === QUOTE) {
        this.inString = true;
        const top = this.stack.length;
        this.captureIsKey = this.expectKey && this.stack[top - 1] === 0x7b;
        this.capture = this.captureIsKey || this.fieldKey !== null ? [b] : null;
      } else if (b === 0x5b && this.atField() && this.fieldKey === `"${this.options.recordsKey}"`) {
        this.fieldKey = null;
        this.startRecords();
        return i + 1;
      } else if (b === 0x3a || b === 0x2c || b === 0x7b || b === 0x5b || b === 0x7d || b === 0x5d) {
        this.punctuate(b);
      } else if (this.fieldKey !== null) {
        this.scalar ??= [];
        if (this.scalar.length < MAX_SCALAR_BYTES) this.scalar.push(b);
      }
    }
    return n;
  }

  /**
   * Follows the bytes for `"messages"` `:` `[` whatever the walk makes of them; true at the '[' that ends
   * it. A stray quote in a chat's name inverts what is string and what is not for the rest of its fields,
   * and a stray brace nests them: the records key is then found by its bytes.
   */
  private track(b: number): boolean {
    const key = this.recordsKeyBytes;
    const prev = this.prev;
    this.prev = b;
    if (this.match < key.length) {
      if (b === key[this.match] && (this.match > 0 || prev !== BACKSLASH)) this.match++;
      else this.match = b === QUOTE && prev !== BACKSLASH ? 1 : 0;
      return false;
    }
    if (isSpace(b)) return false;
    if (this.match === key.length && b === 0x3a) {
      this.match++;
      return false;
    }
    const hit = this.match > key.length && b === 0x5b;
    this.match = b === QUOTE ? 1 : 0;
    return hit;
  }

  /** The walk is not where a records key can be read as one: inside a string, or off the holder's path. */
  private lost(): boolean {
    if (this.inString) return true;
    if (this.holderDepth > 0) return this.stack.length !== this.holderDepth || this.expectKey;
    return this.atHolderPath();
  }

  /** Puts the walk in the holder, at its records, with the fields read so far (a note says so). */
  private resync(): void {
    if (this.holderDepth === 0) {
      this.holderCount++;
      this.holderLine = this.line;
      this.fields = [];
      this.fieldBytes = 0;
    } else this.salvageFields();
    const path = this.path;
    this.stack.length = 0;
    this.segments.length = 0;
    for (const s of path) {
      this.stack.push(s === '*' ? 0x5b : 0x7b);
      this.segments.push(s);
    }
    this.stack.push(0x7b);
    this.segments.push(this.options.recordsKey);
    this.holderDepth = this.stack.length;
    this.inString = false;
    this.escape = false;
    this.capture = null;
    this.scalar = null;
    this.fieldKey = null;
    this.expectKey = false;
    this.afterRecords = 0;
    if (this.notes.length < MAX_NOTES)
      this.notes.push(
        `line ${this.holderLine}: the chat's own fields (name, type, id) are damaged; its messages are read with those that could be read`,
      );
  }

  /**
   * The holder's scalar fields found in its raw bytes (`"id": 1512345679`) that the walk missed: damage
   * before them made it read them as strings, or nest them. The chat's id scopes its message ids.
   */
  private salvageFields(): void {
    const text = Buffer.from(this.raw).toString('utf8');
    const have = new Set(this.fields.flatMap((f) => Object.keys(parseOr(`{${f}}`, {}) as object)));
    const field = /"([A-Za-z_]{1,32})"\s*:\s*(-?\d{1,20}|true|false|null|"(?:[^"\\\n]|\\.){0,1000}")/g;
    for (const m of text.matchAll(field)) {
      const key = m[1] as string;
      if (key === this.options.recordsKey || have.has(key)) continue;
      have.add(key);
      this.addField(`"${key}"`, m[2] as string);
    }
  }

  /** True at a value of the open holder's own fields. */
  private atField(): boolean {
    return this.holderDepth > 0 && this.stack.length === this.holderDepth && !this.expectKey;
  }

  private punctuate(b: number): void {
    const top = this.stack.length - 1;
    const inObject = this.stack[top] === 0x7b;
    if (b === 0x3a) {
      if (inObject) this.segments[top] = this.lastKey;
      this.expectKey = false;
      this.fieldKey = this.atField() ? this.lastKeyRaw : null;
    } else if (b === 0x2c) {
      if (inObject) {
        this.segments[top] = null;
        this.expectKey = true;
      }
      this.fieldKey = null;
    } else if (b === 0x7b || b === 0x5b) {
      this.fieldKey = null; // a nested value is not a field kept
      if (b === 0x7b && this.holderDepth === 0 && this.atHolderPath()) {
        this.raw = [];
        this.holderCount++;
        this.holderDepth = this.stack.length + 1;
        this.holderLine = this.line;
      }
      this.stack.push(b);
      this.segments.push(b === 0x7b ? null : '*');
      this.expectKey = b === 0x7b;
    } else {
      if (this.holderDepth > 0 && this.stack.length === this.holderDepth) this.endHolder();
      this.stack.pop();
      this.segments.pop();
      this.expectKey = false;
      this.fieldKey = null;
    }
  }

  /** True where a holder opens; keeps which of the holder paths it is, for resync. */
  private atHolderPath(): boolean {
    const segments = this.segments;
    for (const path of this.options.holders)
      if (path.length === segments.length && path.every((s, k) => s === segments[k])) {
        this.path = path;
        return true;
      }
    return false;
  }

  private endString(): void {
    this.inString = false;
    const raw = this.capture === null ? null : Buffer.from(this.capture).toString('utf8');
    this.capture = null;
    if (this.captureIsKey) {
      const key = raw === null ? null : parseOr(raw, null);
      this.lastKeyRaw = typeof key === 'string' ? raw : null;
      this.lastKey = typeof key === 'string' ? key : null;
    } else if (raw !== null && this.fieldKey !== null) {
      this.addField(this.fieldKey, raw);
      this.fieldKey = null;
    }
  }

  private endScalar(): void {
    if (this.scalar === null) return;
    if (this.fieldKey !== null) this.addField(this.fieldKey, Buffer.from(this.scalar).toString('utf8'));
    this.scalar = null;
    this.fieldKey = null;
  }

  /** Keeps a field when it is JSON on its own (a damaged name does not cost the chat its id), up to the limit. */
  private addField(key: string, value: string): void {
    const field = `${key}:${value}`;
    if (this.fieldBytes + field.length > this.options.maxRecordBytes) return;
    if (parseOr(`{${field}}`, undefined) === undefined) return;
    this.fields.push(field);
    this.fieldBytes += field.length;
  }

  private endHolder(): void {
    this.endScalar();
    this.holders.push({
      holder: this.holderCount,
      line: this.holderLine,
      json: `{${this.fields.join(',')}}`,
    });
    this.holderDepth = 0;
    this.fields = [];
    this.fieldBytes = 0;
    this.raw = [];
  }

  private startRecords(): void {
    const holder = this.holderCount;
    this.recordsFirst = this.count;
    this.records = new JsonValueFramer(
      {
        maxRecordBytes: this.options.maxRecordBytes,
        isRecord: this.options.isRecord,
        arrayEnd: (bytes, restart, atEnd) => this.arrayEndIn(bytes, restart, atEnd),
        sink: (record, line) => this.options.sink(record, line, holder),
      },
      this.line,
      'array',
    );
  }

  /**
   * Where the record array ended inside a damaged record (see JsonFrameOptions.arrayEnd): the last ']' that
   * closes a holder before the next holder's records key (the damage ran into the next chat), else, when
   * the bytes run to the end of the text and hold no good record, the last such ']' in them. -1: neither.
   * A ']' that closes a message's text entities looks the same, but no holder's key follows it.
   */
  private arrayEndIn(bytes: Buffer, restart: number, atEnd: boolean): number {
    const key = Buffer.from(`"${this.options.recordsKey}"`);
    let limit = -1;
    for (let k = bytes.indexOf(key); k >= 0 && (restart < 0 || k < restart); k = bytes.indexOf(key, k + 1)) {
      let r = k + key.length;
      while (isSpace(bytes[r])) r++;
      if (bytes[k - 1] === BACKSLASH || bytes[r] !== 0x3a) continue;
      r++;
      while (isSpace(bytes[r])) r++;
      if (bytes[r] === 0x5b) {
        limit = k;
        break;
      }
    }
    if (limit < 0 && !(atEnd && restart < 0)) return -1;
    let found = -1;
    const end = limit < 0 ? bytes.length : limit;
    for (let q = bytes.indexOf(0x5d); q >= 0 && q < end; q = bytes.indexOf(0x5d, q + 1))
      if (closesHolder(bytes, q)) found = q;
    return found;
  }

  private finishRecords(): void {
    const framer = this.records as JsonValueFramer;
    for (const r of framer.rejections)
      this.rejections.push({ ...r, record: this.recordsFirst + (r.record ?? 0) });
    this.count = this.recordsFirst + framer.records;
    this.line = framer.currentLine;
    this.records = null;
  }
}

const isSpace = (b: number | undefined) => b === 0x20 || b === LF || b === 0x0d || b === 0x09;

/** True when bytes[q] is a ']' after an element's '}' and before its holder's '}'. */
function closesHolder(bytes: Buffer, q: number): boolean {
  let p = q - 1;
  while (p >= 0 && isSpace(bytes[p])) p--;
  let r = q + 1;
  while (isSpace(bytes[r])) r++;
  return bytes[p] === 0x7d && bytes[r] === 0x7d;
}

function parseOr(text: string, fallback: unknown): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return fallback;
  }
}
